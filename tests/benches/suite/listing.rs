//! Item 1: all 10 000 providers, 100 per page, 20 ms latency: sequential
//! `next`-following (what the Python client does) against the concurrent
//! engine at page concurrency 1, 4, 8 and 16, each against its round-trip
//! bound of 1 + ceil((pages − 1) / concurrency) round trips.

use std::time::{Duration, Instant};

use assured::Client;
use assured::models::catalog::{Endpoint as _, ListProviders};
use assured_mock::MockServer;
use serde_json::json;

use crate::args::Args;
use crate::emit;
use crate::mock::{self, Endpoint, LATENCY};

const PROVIDERS: u32 = 10_000;
const PAGE_SIZE: u32 = 100;
const CONCURRENCIES: [usize; 4] = [1, 4, 8, 16];

/// How a run lists the providers.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// Page after page, each asked for at its predecessor's `next` link.
    Sequential,
    /// `list().page_concurrency(n).all()`.
    Concurrent(usize),
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Self::Sequential => "sequential",
            Self::Concurrent(_) => "concurrent",
        }
    }

    /// Pages in flight at once (1 when following links).
    fn concurrency(self) -> usize {
        match self {
            Self::Sequential => 1,
            Self::Concurrent(pages) => pages,
        }
    }
}

pub(crate) fn run(args: &mut Args) -> Result<(), String> {
    let runs: usize = args.number("runs", 5)?;
    let runtime = mock::runtime()?;
    runtime.block_on(async {
        let mock = mock::start(PROVIDERS, mock::latency_only(LATENCY)).await?;
        let endpoint = Endpoint::of(&mock);
        let modes = std::iter::once(Mode::Sequential)
            .chain(CONCURRENCIES.into_iter().map(Mode::Concurrent));
        for mode in modes {
            measure(&mock, &endpoint, mode, runs.max(1)).await?;
        }
        mock.shutdown().await;
        Ok(())
    })
}

/// `runs` listings in `mode`, each with a fresh client; one figure with
/// the median wall time.
async fn measure(
    mock: &MockServer,
    endpoint: &Endpoint,
    mode: Mode,
    runs: usize,
) -> Result<(), String> {
    let mut walls = Vec::with_capacity(runs);
    let mut requests = 0;
    for _ in 0..runs {
        let client = endpoint.client(PAGE_SIZE)?;
        // Open a connection outside the timing, as a long-lived client has.
        client
            .providers()
            .list()
            .limit(1)
            .page(0)
            .await
            .map_err(|err| format!("warm-up: {err}"))?;
        mock.reset_stats();
        let started = Instant::now();
        let records = list(&client, mode).await?;
        walls.push(started.elapsed().as_secs_f64());
        if records != PROVIDERS as usize {
            return Err(format!("{} listing gave {records} records", mode.name()));
        }
        requests = mock.count(ListProviders::DESCRIPTOR.key);
    }
    let pages = u64::from(PROVIDERS.div_ceil(PAGE_SIZE));
    let concurrency = mode.concurrency() as u64;
    let round_trips = 1 + (pages - 1).div_ceil(concurrency);
    let bound = LATENCY.as_secs_f64() * round_trips as f64;
    let wall = emit::median(&mut walls);
    emit::note(&format!(
        "listing {} x{concurrency}: {wall:.3} s, {requests} requests, {:.2}x the bound",
        mode.name(),
        wall / bound
    ));
    emit::figure(&json!({
        "kind": "listing",
        "mode": mode.name(),
        "concurrency": concurrency,
        "records": PROVIDERS,
        "pages": pages,
        "requests": requests,
        "latency_ms": duration_ms(LATENCY),
        "runs": walls,
        "wall_s": wall,
        "bound_round_trips": round_trips,
        "bound_s": bound,
        "ratio": wall / bound,
    }));
    Ok(())
}

fn duration_ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Lists every provider in `mode`; the number of records.
async fn list(client: &Client, mode: Mode) -> Result<usize, String> {
    match mode {
        Mode::Concurrent(pages) => client
            .providers()
            .list()
            .page_concurrency(pages)
            .all()
            .await
            .map(|records| records.len())
            .map_err(|err| format!("concurrent listing: {err}")),
        Mode::Sequential => {
            let mut records = 0;
            let mut offset = Some(0);
            while let Some(at) = offset {
                let page = client
                    .providers()
                    .list()
                    .page(at)
                    .await
                    .map_err(|err| format!("page at {at}: {err}"))?;
                records += page.results.len();
                offset = page.next.as_deref().map(next_offset).transpose()?;
            }
            Ok(records)
        }
    }
}

/// The `offset` a `next` link names (0 when it names none, as DRF omits it
/// for the first page).
fn next_offset(link: &str) -> Result<u64, String> {
    let url = url::Url::parse(link).map_err(|err| format!("next link {link:?}: {err}"))?;
    url.query_pairs()
        .find(|(name, _)| name == "offset")
        .map_or(Ok(0), |(_, value)| {
            value
                .parse()
                .map_err(|_| format!("next link {link:?}: offset is not a number"))
        })
}
