//! Listing under faults: every provider of a 10 000-provider mock, 100 per
//! page, through the facade at default settings, with the mock's counted
//! faults, its rate-limit mode and a dead server. One run per scenario;
//! prints a table (wall time, requests, 429s, records, duplicates).
//!
//! `cargo bench -p assured-integration-tests --bench faults`
//!
//! Loopback only. Timings are printed, never asserted.
#![allow(missing_docs, clippy::cast_precision_loss)]

use std::collections::HashSet;
use std::time::{Duration, Instant};

use assured::{Client, Config};
use assured_mock::{Faults, Latency, MockConfig, MockServer, RateLimit};

const PROVIDERS: u32 = 10_000;

struct Scenario {
    name: &'static str,
    faults: Faults,
    page_size: u32,
}

fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario {
            name: "none, 20 ms latency",
            faults: Faults {
                latency: Latency::Fixed(Duration::from_millis(20)),
                ..Faults::default()
            },
            page_size: 100,
        },
        Scenario {
            name: "5xx every 5, 429 every 10 (Retry-After 1)",
            faults: Faults {
                server_error_every: Some(5),
                rate_limit_every: Some(10),
                retry_after_secs: 1,
                ..Faults::default()
            },
            page_size: 100,
        },
        Scenario {
            name: "5xx every 3, 429 every 5 (Retry-After 1)",
            faults: Faults {
                server_error_every: Some(3),
                rate_limit_every: Some(5),
                retry_after_secs: 1,
                ..Faults::default()
            },
            page_size: 100,
        },
        Scenario {
            name: "rate limit 100/s (burst 10), 10 per page",
            faults: Faults {
                rate_limit: Some(RateLimit::per_second(100.0).with_burst(10)),
                ..Faults::default()
            },
            page_size: 10,
        },
        Scenario {
            name: "dead server (every request 503), 10 per page",
            faults: Faults {
                server_error_every: Some(1),
                ..Faults::default()
            },
            page_size: 10,
        },
    ]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        println!("| scenario | result | wall s | requests | 429s | records | duplicates | req/s |");
        println!("|---|---|---|---|---|---|---|---|");
        for scenario in scenarios() {
            run(scenario).await;
        }
    });
}

async fn run(scenario: Scenario) {
    let mock = MockServer::start(MockConfig::default().with_providers(PROVIDERS))
        .await
        .unwrap();
    let client = Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .allow_insecure_http(true)
            .page_size(scenario.page_size)
            .build()
            .unwrap(),
    )
    .unwrap();
    // Warm the connection pool and the seeded pages outside the timing.
    client.providers().list().limit(1).page(0).await.unwrap();
    mock.reset_stats();
    mock.set_faults(scenario.faults);
    let started = Instant::now();
    let result = client.providers().list().all().await;
    let wall = started.elapsed().as_secs_f64();
    let stats = mock.stats();
    let (outcome, records, duplicates) = match &result {
        Ok(providers) => {
            let unique: HashSet<_> = providers.iter().map(|p| p.id).collect();
            ("ok", providers.len(), providers.len() - unique.len())
        }
        Err(err) => (
            if err.is_server() {
                "503, stopped"
            } else {
                "error"
            },
            0,
            0,
        ),
    };
    let throttled = stats.by_status.get(&429).copied().unwrap_or(0);
    println!(
        "| {} | {outcome} | {wall:.2} | {} | {throttled} | {records} | {duplicates} | {:.0} |",
        scenario.name,
        stats.total,
        stats.total as f64 / wall
    );
    mock.shutdown().await;
}
