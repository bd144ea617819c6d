//! Shared set-up: a mock server, a client against it, helpers over the client.
#![allow(dead_code, unreachable_pub)]

use std::time::Duration;

use assured_core::{Client, Config, RetryPolicy, RetryQuota};
use assured_helpers::{Helpers, HelpersBuilder};
use assured_mock::{Faults, Latency, MockConfig, MockServer, ProviderSummary};
use assured_models::{AccountId, ProfileId};

/// A mock with `providers` seeded providers.
pub async fn mock(providers: u32) -> MockServer {
    MockServer::start(MockConfig::default().with_providers(providers))
        .await
        .unwrap()
}

/// A client of `mock`: pages of 100, 4 pages at a time, quick retries.
pub fn client(mock: &MockServer) -> Client {
    Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .credentials(mock.user_email(), mock.user_password())
            .page_size(100)
            .page_concurrency(4)
            .retry_policy(
                RetryPolicy::default()
                    .max_attempts(3)
                    .initial_backoff(Duration::from_millis(2))
                    .max_backoff(Duration::from_millis(20))
                    .quota(RetryQuota::default().capacity(1000)),
            )
            .build()
            .unwrap(),
    )
    .unwrap()
}

/// Helpers with the default settings.
pub fn helpers(mock: &MockServer) -> Helpers {
    Helpers::new(client(mock))
}

/// A builder for helpers with other settings.
pub fn builder(mock: &MockServer) -> HelpersBuilder {
    Helpers::builder(client(mock))
}

/// The mock's provider at `index`.
pub fn provider(mock: &MockServer, index: u32) -> ProviderSummary {
    mock.with_state(|state| state.provider(index)).unwrap()
}

/// Its account id.
pub fn account(mock: &MockServer, index: u32) -> AccountId {
    provider(mock, index).account_id.parse().unwrap()
}

/// Its profile id.
pub fn profile(mock: &MockServer, index: u32) -> ProfileId {
    provider(mock, index).profile_id.parse().unwrap()
}

/// Its NPI.
pub fn npi(mock: &MockServer, index: u32) -> String {
    provider(mock, index).npi.unwrap()
}

/// A fixed delay on these endpoints, so that concurrent callers overlap.
pub fn slow(mock: &MockServer, keys: &[&str], delay: Duration) {
    mock.set_faults(Faults {
        latency: Latency::Fixed(delay),
        only_endpoints: keys.iter().map(|key| (*key).to_owned()).collect(),
        ..Faults::default()
    });
}

/// Every endpoint named answers `status` to every request.
pub fn failing(mock: &MockServer, keys: &[&str], status: u16) {
    mock.set_faults(Faults {
        server_error_every: Some(1),
        server_error_status: status,
        only_endpoints: keys.iter().map(|key| (*key).to_owned()).collect(),
        ..Faults::default()
    });
}
