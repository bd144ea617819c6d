//! Item 2: NPI lookups against 10 000 providers with 20 ms latency: a cold
//! lookup (one index refresh), the warm per-lookup cost, and 100 concurrent
//! cold lookups, whose list requests must be the pages of one refresh.

use std::hint::black_box;
use std::time::Instant;

use assured::Client;
use assured::models::catalog::{Endpoint as _, ListProviders};
use assured_mock::MockServer;
use futures_util::future::try_join_all;
use serde_json::json;

use crate::emit;
use crate::mock::{self, Endpoint, LATENCY};

const PROVIDERS: u32 = 10_000;
const PAGE_SIZE: u32 = 100;
const WARM_LOOKUPS: usize = 200_000;
const CONCURRENT_LOOKUPS: usize = 100;

pub(crate) fn run() -> Result<(), String> {
    let runtime = mock::runtime()?;
    runtime.block_on(async {
        let mock = mock::start(PROVIDERS, mock::latency_only(LATENCY)).await?;
        let endpoint = Endpoint::of(&mock);
        let npis = known_npis(&endpoint.client(PAGE_SIZE)?).await?;
        let refresh_pages = cold_and_warm(&mock, &endpoint, &npis).await?;
        concurrent_cold(&mock, &endpoint, &npis, refresh_pages).await?;
        mock.shutdown().await;
        Ok(())
    })
}

/// Every provider's NPI, listed by a client of its own.
async fn known_npis(client: &Client) -> Result<Vec<String>, String> {
    let providers = client
        .providers()
        .list()
        .all()
        .await
        .map_err(|err| format!("listing the NPIs: {err}"))?;
    let npis: Vec<String> = providers.into_iter().filter_map(|p| p.npi).collect();
    if npis.len() < CONCURRENT_LOOKUPS {
        return Err(format!("only {} providers have an NPI", npis.len()));
    }
    Ok(npis)
}

fn list_requests(mock: &MockServer) -> u64 {
    mock.count(ListProviders::DESCRIPTOR.key)
}

/// A cold lookup on a fresh client, then warm lookups on the same client.
/// Returns the list requests of the one refresh.
async fn cold_and_warm(
    mock: &MockServer,
    endpoint: &Endpoint,
    npis: &[String],
) -> Result<u64, String> {
    let client = endpoint.client(PAGE_SIZE)?;
    mock.reset_stats();
    let started = Instant::now();
    let provider = client
        .providers()
        .get_by_npi(&npis[npis.len() / 2])
        .await
        .map_err(|err| format!("cold lookup: {err}"))?;
    let cold = started.elapsed().as_secs_f64();
    let refresh_pages = list_requests(mock);
    if provider.npi.as_deref() != Some(npis[npis.len() / 2].as_str()) {
        return Err("the cold lookup found another provider".to_owned());
    }
    emit::note(&format!(
        "npi cold: {cold:.3} s, {refresh_pages} list requests"
    ));
    emit::figure(&json!({
        "kind": "npi_cold",
        "providers": PROVIDERS,
        "wall_s": cold,
        "list_requests": refresh_pages,
        "total_requests": mock.stats().total,
    }));

    let started = Instant::now();
    for index in 0..WARM_LOOKUPS {
        let npi = &npis[index % npis.len()];
        let provider = client
            .providers()
            .get_by_npi(npi)
            .await
            .map_err(|err| format!("warm lookup: {err}"))?;
        black_box(provider);
    }
    let per_lookup = started.elapsed().as_nanos() as f64 / WARM_LOOKUPS as f64;
    let extra = list_requests(mock) - refresh_pages;
    emit::note(&format!(
        "npi warm: {per_lookup:.0} ns per lookup, {extra} more requests"
    ));
    emit::figure(&json!({
        "kind": "npi_warm",
        "lookups": WARM_LOOKUPS,
        "ns_per_lookup": per_lookup,
        "extra_requests": extra,
    }));
    Ok(refresh_pages)
}

/// `CONCURRENT_LOOKUPS` lookups of distinct NPIs at once on a fresh client.
async fn concurrent_cold(
    mock: &MockServer,
    endpoint: &Endpoint,
    npis: &[String],
    refresh_pages: u64,
) -> Result<(), String> {
    let client = endpoint.client(PAGE_SIZE)?;
    mock.reset_stats();
    let started = Instant::now();
    let lookups = npis[..CONCURRENT_LOOKUPS].iter().map(|npi| {
        let client = client.clone();
        async move { client.providers().get_by_npi(npi).await }
    });
    let found = try_join_all(lookups)
        .await
        .map_err(|err| format!("concurrent lookups: {err}"))?;
    let wall = started.elapsed().as_secs_f64();
    let sent = list_requests(mock);
    emit::note(&format!(
        "npi x{CONCURRENT_LOOKUPS} cold: {wall:.3} s, {sent} list requests (one refresh: {refresh_pages})"
    ));
    emit::figure(&json!({
        "kind": "npi_concurrent",
        "lookups": found.len(),
        "wall_s": wall,
        "list_requests": sent,
        "refresh_pages": refresh_pages,
    }));
    Ok(())
}
