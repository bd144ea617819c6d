//! Item 5: the listing of item 1 (10 000 providers) under the mock's
//! counted faults, a dead server and its token-bucket rate limit, through
//! the facade at default settings, with the figures "assured-core under
//! faults" asks for: wall time, requests, 429s and 5xx, every record
//! exactly once; the dead server's bounded requests; the sustained rate as
//! a share of the limit and the share of requests answered 429.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use assured_mock::{Faults, Latency, RateLimit};
use serde_json::json;

use crate::emit;
use crate::mock::{self, Endpoint, LATENCY};

const PROVIDERS: u32 = 10_000;

/// One listing under one set of faults.
struct Scenario {
    name: String,
    faults: Faults,
    page_size: u32,
}

fn counted(
    name: &str,
    latency: Duration,
    server_error_every: u64,
    rate_limit_every: u64,
) -> Scenario {
    let latency_name = if latency.is_zero() {
        "no latency".to_owned()
    } else {
        format!("{} ms latency", latency.as_millis())
    };
    Scenario {
        name: format!("{name}, {latency_name}"),
        faults: Faults {
            latency: Latency::Fixed(latency),
            server_error_every: Some(server_error_every),
            rate_limit_every: Some(rate_limit_every),
            retry_after_secs: 1,
            ..Faults::default()
        },
        page_size: 100,
    }
}

fn counted_scenarios() -> Vec<Scenario> {
    let mut scenarios = Vec::new();
    // Without latency as "assured-core under faults" measured assured-py;
    // with item 1's latency as the listing of item 1.
    for latency in [Duration::ZERO, LATENCY] {
        scenarios.push(counted(
            "5xx every 5, 429 every 10 (Retry-After 1)",
            latency,
            5,
            10,
        ));
        scenarios.push(counted(
            "5xx every 3, 429 every 5 (Retry-After 1)",
            latency,
            3,
            5,
        ));
    }
    scenarios.push(Scenario {
        name: "dead server (every request 503), 10 per page".to_owned(),
        faults: Faults {
            latency: Latency::Fixed(LATENCY),
            server_error_every: Some(1),
            ..Faults::default()
        },
        page_size: 10,
    });
    scenarios
}

/// The rate limits the listing must follow, with the server's burst: not
/// tuned to one value (a burst of 1 allows no two requests closer than
/// 1/R; a burst of R is what the mock gives by default, and how windowed
/// limits behave).
const RATE_LIMITS: [(f64, u32); 5] = [
    (50.0, 10),
    (100.0, 10),
    (200.0, 10),
    (100.0, 1),
    (100.0, 100),
];

pub(crate) fn run() -> Result<(), String> {
    let runtime = mock::runtime()?;
    runtime.block_on(async {
        for scenario in counted_scenarios() {
            let run = list(&scenario).await?;
            emit::note(&format!(
                "faults {}: {} in {:.2} s, {} requests",
                scenario.name, run.outcome, run.wall_s, run.requests
            ));
            emit::figure(&json!({
                "kind": "faults",
                "scenario": scenario.name,
                "page_size": scenario.page_size,
                "outcome": run.outcome,
                "wall_s": run.wall_s,
                "requests": run.requests,
                "throttled": run.throttled,
                "server_errors": run.server_errors,
                "records": run.records,
                "duplicates": run.duplicates,
                "missing": run.missing,
            }));
        }
        for (limit, burst) in RATE_LIMITS {
            let scenario = Scenario {
                name: format!("rate limit {limit}/s (burst {burst}), 10 per page"),
                faults: Faults {
                    latency: Latency::Fixed(LATENCY),
                    rate_limit: Some(RateLimit::per_second(limit).with_burst(burst)),
                    ..Faults::default()
                },
                page_size: 10,
            };
            let run = list(&scenario).await?;
            // Sustained: the requests the server accepted, per second.
            let rate = (run.requests - run.throttled) as f64 / run.wall_s;
            emit::note(&format!(
                "faults {}: {} in {:.2} s, {rate:.1} req/s, {} throttled",
                scenario.name, run.outcome, run.wall_s, run.throttled
            ));
            emit::figure(&json!({
                "kind": "rate_limit",
                "limit_rps": limit,
                "burst": burst,
                "page_size": scenario.page_size,
                "outcome": run.outcome,
                "wall_s": run.wall_s,
                "requests": run.requests,
                "throttled": run.throttled,
                "records": run.records,
                "duplicates": run.duplicates,
                "missing": run.missing,
                "req_per_s": rate,
                "share_of_limit": rate / limit,
                "throttled_share": run.throttled as f64 / run.requests.max(1) as f64,
            }));
        }
        Ok(())
    })
}

/// What one listing under faults did.
struct Run {
    outcome: String,
    wall_s: f64,
    requests: u64,
    throttled: u64,
    server_errors: u64,
    records: usize,
    duplicates: usize,
    missing: usize,
}

/// Lists every provider on a fresh mock with `scenario`'s faults.
async fn list(scenario: &Scenario) -> Result<Run, String> {
    let mock = mock::start(PROVIDERS, Faults::default()).await?;
    let client = Endpoint::of(&mock).client(scenario.page_size)?;
    // Warm the connection outside the timing and before any fault.
    client
        .providers()
        .list()
        .limit(1)
        .page(0)
        .await
        .map_err(|err| format!("warm-up: {err}"))?;
    mock.reset_stats();
    mock.set_faults(scenario.faults.clone());
    let started = Instant::now();
    let result = client.providers().list().all().await;
    let wall_s = started.elapsed().as_secs_f64();
    let stats = mock.stats();
    mock.shutdown().await;
    let (outcome, records, duplicates, missing) = match &result {
        Ok(providers) => {
            let unique: HashSet<_> = providers.iter().map(|p| p.id).collect();
            let missing = (PROVIDERS as usize).saturating_sub(unique.len());
            (
                "ok".to_owned(),
                providers.len(),
                providers.len() - unique.len(),
                missing,
            )
        }
        Err(err) if err.is_server() => ("stopped with a 5xx".to_owned(), 0, 0, PROVIDERS as usize),
        Err(err) => (format!("error: {err}"), 0, 0, PROVIDERS as usize),
    };
    let server_errors = stats
        .by_status
        .iter()
        .filter(|(status, _)| (500..600).contains(*status))
        .map(|(_, count)| count)
        .sum();
    Ok(Run {
        outcome,
        wall_s,
        requests: stats.total,
        throttled: stats.by_status.get(&429).copied().unwrap_or(0),
        server_errors,
        records,
        duplicates,
        missing,
    })
}
