//! The mock and the clients every scenario starts from.

use std::time::Duration;

use assured::{Client, Config, ConfigBuilder};
use assured_mock::{Faults, Latency, MockConfig, MockServer};

/// The mock's injected latency for every scenario (a remote API's round
/// trip, which loopback does not have).
pub(crate) const LATENCY: Duration = Duration::from_millis(20);

/// A multi-threaded runtime (the SDK's usual home).
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the runtime: {err}"))
}

/// A mock with `providers` seeded providers and `faults`.
pub(crate) async fn start(providers: u32, faults: Faults) -> Result<MockServer, String> {
    MockServer::start(
        MockConfig::default()
            .with_providers(providers)
            .with_faults(faults),
    )
    .await
    .map_err(|err| format!("cannot start the mock: {err}"))
}

/// Only the fixed latency, no other fault.
pub(crate) fn latency_only(latency: Duration) -> Faults {
    Faults {
        latency: Latency::Fixed(latency),
        ..Faults::default()
    }
}

/// Where a client finds a mock, in this process or another.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    pub(crate) base_url: String,
    pub(crate) api_key: String,
    pub(crate) user: String,
    pub(crate) password: String,
}

impl Endpoint {
    pub(crate) fn of(mock: &MockServer) -> Self {
        Self {
            base_url: mock.base_url().to_owned(),
            api_key: mock.api_key().to_owned(),
            user: mock.user_email().to_owned(),
            password: mock.user_password().to_owned(),
        }
    }

    /// The client configuration for this mock (plain HTTP on loopback),
    /// to finish with scenario settings.
    pub(crate) fn config(&self) -> ConfigBuilder {
        Config::builder()
            .base_url(&self.base_url)
            .api_key(&self.api_key)
            .credentials(&self.user, &self.password)
            .allow_insecure_http(true)
    }

    /// A client with default settings except `page_size`.
    pub(crate) fn client(&self, page_size: u32) -> Result<Client, String> {
        let config = self
            .config()
            .page_size(page_size)
            .build()
            .map_err(|err| format!("client configuration: {err}"))?;
        Client::new(config).map_err(|err| format!("client: {err}"))
    }
}
