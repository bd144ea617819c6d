//! The request builders against `assured-mock`: filters and page sizes reach
//! the query, per-call options reach the engine, bad values fail before any
//! request. Counts come from the mock's own counters.
#![allow(missing_docs)]

use std::time::Duration;

use assured::models::ProviderListParams;
use assured::{Client, Config, RetryPolicy};
use assured_mock::{Faults, Latency, MockConfig, MockServer};
use futures_util::TryStreamExt as _;

async fn mock(providers: u32) -> MockServer {
    MockServer::start(MockConfig::default().with_providers(providers))
        .await
        .unwrap()
}

fn client(mock: &MockServer) -> Client {
    Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .credentials(mock.user_email(), mock.user_password())
            .allow_insecure_http(true)
            .retry_policy(
                RetryPolicy::default()
                    .initial_backoff(Duration::from_millis(1))
                    .max_backoff(Duration::from_millis(2)),
            )
            .build()
            .unwrap(),
    )
    .unwrap()
}

fn query(mock: &MockServer, key: &str) -> Vec<(String, String)> {
    let mut pairs = mock.last_request(key).unwrap().query_pairs();
    pairs.sort();
    pairs
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn filter_setters_and_limit_reach_the_query() {
    let mock = mock(30).await;
    let client = client(&mock);
    let page = client
        .providers()
        .list()
        .is_active(true)
        .search("a")
        .limit(7)
        .page(14)
        .await
        .unwrap();
    assert!(page.results.len() <= 7);
    assert_eq!(
        query(&mock, "PV1"),
        pairs(&[
            ("is_active", "true"),
            ("limit", "7"),
            ("offset", "14"),
            ("search", "a")
        ])
    );

    // A whole params struct, then a closure on it.
    let params = ProviderListParams {
        last_name: Some("Garcia".to_owned()),
        ..ProviderListParams::default()
    };
    client
        .providers()
        .list()
        .params(params)
        .filter(|p| p.first_name = Some("Keiko".to_owned()))
        .page(0)
        .await
        .unwrap();
    assert_eq!(
        query(&mock, "PV1"),
        pairs(&[
            ("first_name", "Keiko"),
            ("last_name", "Garcia"),
            ("limit", "100"),
            ("offset", "0"),
        ])
    );
}

#[tokio::test]
async fn all_pages_with_the_builders_limit() {
    let mock = mock(30).await;
    let client = client(&mock);
    let all = client.providers().list().limit(4).all().await.unwrap();
    assert_eq!(all.len(), 30);
    // ceil(30 / 4) pages, one request each.
    assert_eq!(mock.count("PV1"), 8);
}

#[tokio::test]
async fn retry_policy_per_call_overrides_the_client() {
    let mock = mock(5).await;
    let client = client(&mock);
    mock.set_faults(Faults {
        server_error_every: Some(1),
        server_error_status: 503,
        only_endpoints: vec!["PV1".to_owned()],
        ..Faults::default()
    });
    let err = client
        .providers()
        .list()
        .retry_policy(RetryPolicy::none())
        .page(0)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(mock.count("PV1"), 1, "no retry with RetryPolicy::none()");

    mock.reset_stats();
    let err = client.providers().list().page(0).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(
        mock.count("PV1"),
        u64::from(RetryPolicy::default().attempts()),
        "the client's policy retries"
    );
}

#[tokio::test]
async fn timeout_per_call_overrides_the_client() {
    let mock = mock(5).await;
    let client = client(&mock);
    let profile = client.providers().list().page(0).await.unwrap().results[0]
        .provider_profile_id
        .unwrap();
    mock.set_faults(Faults {
        latency: Latency::Fixed(Duration::from_secs(2)),
        only_endpoints: vec!["PP1".to_owned()],
        ..Faults::default()
    });
    let err = client
        .provider_profile()
        .get_personal_info(&profile)
        .timeout(Duration::from_millis(50))
        .retry_policy(RetryPolicy::none())
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
}

#[tokio::test]
async fn bad_options_fail_before_any_request() {
    let mock = mock(5).await;
    let client = client(&mock);
    let mut stream = client.providers().list().limit(0).stream();
    let err = stream.try_next().await.unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(
        stream.try_next().await.unwrap().is_none(),
        "the stream ends"
    );
    let err = client
        .providers()
        .list()
        .limit(5000)
        .page(0)
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    let err = client
        .users()
        .get_logged_in_user()
        .timeout(Duration::ZERO)
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert_eq!(mock.stats().total, 0, "no request was sent");
}

#[tokio::test]
async fn a_per_call_retry_policy_out_of_range_fails_before_any_request() {
    let mock = mock(5).await;
    let client = client(&mock);
    let err = client
        .providers()
        .list()
        .retry_policy(RetryPolicy::default().max_retry_after(Duration::MAX))
        .page(0)
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(err.to_string().contains("max_retry_after"), "{err}");
    assert_eq!(mock.stats().total, 0);
}
