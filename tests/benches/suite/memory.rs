//! Item 4: peak memory, one fresh process per scenario. `serve` runs the
//! mock in a process of its own (so its memory, and the uploaded bytes it
//! keeps, are not counted); `memory <scenario>` is the client side, which
//! reports its peak resident set (`VmHWM`) when done. The runner subtracts
//! the `baseline` scenario: this binary with its runtime and client built
//! and no request sent.

use std::io::Read as _;
use std::path::PathBuf;

use assured::Client;
use assured::helpers::DocumentFile;
use futures_util::StreamExt as _;
use serde_json::json;

use crate::args::Args;
use crate::emit;
use crate::mock::{self, Endpoint};

/// Page size of the memory listings.
const PAGE_SIZE: u32 = 100;

/// `serve`: a mock on loopback until stdin closes; prints where it is,
/// and at the end what it was asked.
pub(crate) fn serve(args: &mut Args) -> Result<(), String> {
    let providers: u32 = args.number("providers", 100_000)?;
    let latency_ms: u64 = args.number("latency-ms", 20)?;
    let runtime = mock::runtime()?;
    runtime.block_on(async {
        let latency = std::time::Duration::from_millis(latency_ms);
        let mock = mock::start(providers, mock::latency_only(latency)).await?;
        let endpoint = Endpoint::of(&mock);
        emit::figure(&json!({
            "kind": "serving",
            "base_url": endpoint.base_url,
            "api_key": endpoint.api_key,
            "user": endpoint.user,
            "password": endpoint.password,
        }));
        // The runner closes our stdin to stop us.
        tokio::task::spawn_blocking(|| {
            let mut sink = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut sink);
        })
        .await
        .map_err(|err| format!("waiting for stdin: {err}"))?;
        let stats = mock.stats();
        emit::figure(&json!({
            "kind": "served",
            "requests": stats.total,
            "by_status": stats.by_status,
        }));
        mock.shutdown().await;
        Ok(())
    })
}

/// `memory <scenario>`: the client side of one scenario against the mock
/// named by `ASSURED_BASE_URL`, `ASSURED_API_KEY`, `ASSURED_USER` and
/// `ASSURED_PASS`.
pub(crate) fn run(args: &mut Args) -> Result<(), String> {
    let scenario = args.command().ok_or("memory: which scenario?")?;
    let file = args.option("file")?.map(PathBuf::from);
    let endpoint = Endpoint {
        base_url: env("ASSURED_BASE_URL")?,
        api_key: env("ASSURED_API_KEY")?,
        user: env("ASSURED_USER")?,
        password: env("ASSURED_PASS")?,
    };
    let runtime = mock::runtime()?;
    let client = endpoint.client(PAGE_SIZE)?;
    let (outcome, records, bytes) = runtime.block_on(async {
        match scenario.as_str() {
            "baseline" => Ok(("ok".to_owned(), 0, 0)),
            "stream" => stream(&client)
                .await
                .map(|records| ("ok".to_owned(), records, 0)),
            "collect" => collect(&client)
                .await
                .map(|records| ("ok".to_owned(), records, 0)),
            "upload" => {
                let path = file.ok_or("memory upload: --file PATH is required")?;
                upload(&client, path)
                    .await
                    .map(|(outcome, bytes)| (outcome, 0, bytes))
            }
            other => Err(format!("unknown memory scenario `{other}`")),
        }
    })?;
    let peak = vm_hwm_kib()?;
    emit::figure(&json!({
        "kind": "memory",
        "scenario": scenario,
        "outcome": outcome,
        "records": records,
        "bytes": bytes,
        "vm_hwm_kib": peak,
    }));
    Ok(())
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
}

/// Every provider through the stream, each dropped once counted.
async fn stream(client: &Client) -> Result<usize, String> {
    let mut records = client.providers().list().stream();
    let mut count = 0;
    while let Some(record) = records.next().await {
        record.map_err(|err| format!("stream: {err}"))?;
        count += 1;
    }
    Ok(count)
}

/// Every provider collected into one `Vec`, held until the peak is read.
async fn collect(client: &Client) -> Result<usize, String> {
    let all = client
        .providers()
        .list()
        .all()
        .await
        .map_err(|err| format!("collect: {err}"))?;
    // The records are still alive here: read the peak before they go.
    let count = all.len();
    std::hint::black_box(&all);
    Ok(count)
}

/// The file at `path` uploaded (streamed from disk) and linked to the first
/// provider. The outcome is "ok" or the error, so a server that refuses the
/// file shows in the figures instead of aborting the run.
async fn upload(client: &Client, path: PathBuf) -> Result<(String, u64), String> {
    let bytes = std::fs::metadata(&path)
        .map_err(|err| format!("{}: {err}", path.display()))?
        .len();
    let page = client
        .providers()
        .list()
        .limit(1)
        .page(0)
        .await
        .map_err(|err| format!("first provider: {err}"))?;
    let profile = page
        .results
        .first()
        .and_then(|provider| provider.provider_profile_id)
        .ok_or("the first provider has no profile")?;
    let outcome = match client
        .provider_profile()
        .upload_and_associate_document(
            &profile,
            DocumentFile::from_path(path),
            "Benchmark upload",
            "License",
        )
        .await
    {
        Ok(_) => "ok".to_owned(),
        Err(err) => format!("error: {err}"),
    };
    Ok((outcome, bytes))
}

/// The peak resident set of this process so far, in KiB.
fn vm_hwm_kib() -> Result<u64, String> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|err| format!("/proc/self/status: {err}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| "no VmHWM in /proc/self/status".to_owned())
}
