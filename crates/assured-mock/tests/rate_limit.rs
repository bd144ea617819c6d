//! The rate-limit mode: a token bucket in requests per second; the excess
//! is answered 429 with a computed `Retry-After` and not processed.
#![allow(missing_docs)]

mod common;

use assured_mock::{Faults, MockConfig, RateLimit};
use assured_models::catalog::{CreateProvider, ListProviders};
use serde_json::json;

use common::{client, get, path, post, start, url};

/// A bucket of `burst` that refills one token per 1000 s: no refill can
/// happen during a test.
fn slow_bucket(burst: u32) -> Faults {
    Faults {
        rate_limit: Some(RateLimit::per_second(0.001).with_burst(burst)),
        ..Faults::default()
    }
}

#[tokio::test]
async fn the_bucket_serves_its_burst_and_throttles_the_excess() {
    let mock = start(MockConfig::default().with_faults(slow_bucket(3))).await;
    let mut statuses = Vec::new();
    let mut retry_after = Vec::new();
    for _ in 0..5 {
        let response = client()
            .get(url(&mock, path::<ListProviders>()))
            .header("x-api-key", mock.api_key())
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
        if let Some(value) = response.headers().get("retry-after") {
            retry_after.push(value.to_str().unwrap().parse::<u64>().unwrap());
        }
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
    // Whole seconds until the next token: at most 1000 at this rate.
    assert_eq!(retry_after.len(), 2);
    assert!(
        retry_after.iter().all(|secs| (1..=1000).contains(secs)),
        "{retry_after:?}"
    );
    let stats = mock.stats();
    assert_eq!(stats.rate_limited, 2);
    assert_eq!(stats.faults_injected["rate_limit"], 2);
    assert_eq!(stats.by_status[&429], 2);
    assert_eq!(mock.count("PV1"), 5);
}

#[tokio::test]
async fn throttled_requests_are_not_processed() {
    let mock = start(MockConfig::default().with_faults(slow_bucket(1))).await;
    for n in 0..3 {
        let body =
            json!({"email": format!("p{n}@example.org"), "first_name": "P", "last_name": "Q"});
        let (status, reply) = post(&mock, path::<CreateProvider>(), body).await;
        let expected = if n == 0 { 201 } else { 429 };
        assert_eq!(status, expected, "{reply}");
    }
    assert_eq!(mock.with_state(|state| state.provider_count()), 301);
}

#[tokio::test]
async fn the_limit_changes_at_run_time_and_respects_the_endpoint_scope() {
    let mock = start(MockConfig::default().with_faults(slow_bucket(1))).await;
    assert_eq!(get(&mock, path::<ListProviders>()).await.0, 200);
    assert_eq!(get(&mock, path::<ListProviders>()).await.0, 429);
    // New switches refill the bucket.
    mock.set_faults(slow_bucket(2));
    assert_eq!(get(&mock, path::<ListProviders>()).await.0, 200);
    assert_eq!(get(&mock, path::<ListProviders>()).await.0, 200);
    assert_eq!(get(&mock, path::<ListProviders>()).await.0, 429);
    // Scoped to another endpoint: the providers list is not limited.
    mock.set_faults(Faults {
        only_endpoints: vec!["US1".to_owned()],
        ..slow_bucket(1)
    });
    for _ in 0..3 {
        assert_eq!(get(&mock, path::<ListProviders>()).await.0, 200);
    }
    mock.set_faults(Faults::none());
    assert_eq!(get(&mock, path::<ListProviders>()).await.0, 200);
    assert_eq!(mock.stats().rate_limited, 2);
}
