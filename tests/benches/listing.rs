//! Listing throughput: every provider of a 10 000-provider mock, through
//! the client's concurrent pagination, on loopback. Reports records/s.
#![allow(missing_docs)]

use assured::Config;
use assured::engine::Client;
use assured::models::ProviderListParams;
use assured::models::catalog::ListProviders;
use assured_mock::{MockConfig, MockServer};
use divan::counter::ItemsCount;

const PROVIDERS: u32 = 10_000;

fn main() {
    divan::main();
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    mock: MockServer,
}

fn fixture() -> Fixture {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mock = runtime
        .block_on(MockServer::start(
            MockConfig::default().with_providers(PROVIDERS),
        ))
        .unwrap();
    Fixture { runtime, mock }
}

fn client(mock: &MockServer, page_size: u32, concurrency: usize) -> Client {
    Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .page_size(page_size)
            .page_concurrency(concurrency)
            .build()
            .unwrap(),
    )
    .unwrap()
}

/// All providers, 100 per page, 1 or 4 pages in flight.
#[divan::bench(args = [1, 4], sample_count = 5, sample_size = 1)]
fn list_all_providers(bencher: divan::Bencher<'_, '_>, concurrency: usize) {
    let fixture = fixture();
    let client = client(&fixture.mock, 100, concurrency);
    bencher
        .counter(ItemsCount::new(PROVIDERS as usize))
        .bench_local(|| {
            let all = fixture
                .runtime
                .block_on(client.all::<ListProviders>(&(), &ProviderListParams::default()))
                .unwrap();
            assert_eq!(all.len(), PROVIDERS as usize);
        });
}
