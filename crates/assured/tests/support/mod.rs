//! A mock and a client talking to it, for the facade's tests.
#![allow(dead_code)]

use assured::{Client, Config};
use assured_mock::{MockConfig, MockServer};

/// A mock with `providers` seeded providers, and a client with its key and
/// credentials.
pub(crate) async fn start(providers: u32) -> (MockServer, Client) {
    let mock = MockServer::start(MockConfig::default().with_providers(providers))
        .await
        .unwrap();
    let client = Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .credentials(mock.user_email(), mock.user_password())
            .allow_insecure_http(true)
            .build()
            .unwrap(),
    )
    .unwrap();
    (mock, client)
}
