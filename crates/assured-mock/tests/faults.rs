//! Fault injection: latency, 429, 5xx, dropped connections, malformed JSON,
//! scoping, and switching at run time.
#![allow(missing_docs, clippy::too_many_lines, clippy::cast_possible_truncation)]

mod common;

use std::time::{Duration, Instant};

use assured_mock::{Faults, Latency, MockConfig};
use assured_models::catalog::{CreateProvider, ListExternalUsers, ListProviders};
use common::{client, get, path, start, url, with_query};

fn list() -> String {
    with_query(path::<ListProviders>(), "limit=1")
}

async fn raw(mock: &assured_mock::MockServer, path: &str) -> reqwest::Result<reqwest::Response> {
    client()
        .get(url(mock, path))
        .header("x-api-key", mock.api_key())
        .send()
        .await
}

#[tokio::test]
async fn fixed_and_random_latency() {
    let faults = Faults {
        latency: Latency::Fixed(Duration::from_millis(150)),
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    let started = Instant::now();
    assert_eq!(get(&mock, &list()).await.0, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    mock.set_faults(Faults {
        latency: Latency::Random {
            min: Duration::from_millis(20),
            max: Duration::from_millis(60),
        },
        ..Faults::default()
    });
    for _ in 0..5 {
        let started = Instant::now();
        assert_eq!(get(&mock, &list()).await.0, 200);
        let elapsed = started.elapsed();
        // A sleep lasts at least its duration; no upper bound is asserted.
        assert!(elapsed >= Duration::from_millis(20), "{elapsed:?}");
    }
    assert!(mock.stats().faults_injected["latency"] >= 6);
}

#[tokio::test]
async fn rate_limit_every_n_with_retry_after_and_nothing_processed() {
    let faults = Faults {
        rate_limit_every: Some(3),
        retry_after_secs: 7,
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let response = raw(&mock, &list()).await.unwrap();
        if response.status() == 429 {
            assert_eq!(response.headers()["retry-after"], "7");
        }
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 429, 200, 200, 429]);

    // A throttled POST is not processed.
    mock.set_faults(Faults {
        rate_limit_every: Some(1),
        ..Faults::default()
    });
    let response = client()
        .post(url(&mock, path::<CreateProvider>()))
        .header("x-api-key", mock.api_key())
        .json(&serde_json::json!({"email": "x@example.org", "first_name": "X", "last_name": "Y"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(mock.with_state(|state| state.provider_count()), 300);
}

#[tokio::test]
async fn server_errors_every_n_with_a_chosen_status() {
    let faults = Faults {
        server_error_every: Some(2),
        server_error_status: 502,
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(raw(&mock, &list()).await.unwrap().status().as_u16());
    }
    assert_eq!(statuses, [200, 502, 200, 502]);
    mock.set_faults(Faults {
        server_error_every: Some(1),
        ..Faults::default()
    });
    assert_eq!(raw(&mock, &list()).await.unwrap().status(), 503);
    assert_eq!(mock.stats().faults_injected["5xx"], 3);
}

#[tokio::test]
async fn dropped_connections_close_without_a_reply() {
    let faults = Faults {
        drop_connection_every: Some(2),
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    assert!(raw(&mock, &list()).await.is_ok());
    let error = raw(&mock, &list()).await.expect_err("connection dropped");
    assert!(!error.is_status());
    assert!(raw(&mock, &list()).await.is_ok());
    assert_eq!(mock.stats().faults_injected["drop"], 1);
    assert_eq!(mock.count("PV1"), 3);
}

#[tokio::test]
async fn malformed_json_bodies() {
    let faults = Faults {
        malformed_json_every: Some(2),
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    let good = raw(&mock, &list()).await.unwrap();
    assert!(good.json::<serde_json::Value>().await.is_ok());
    let bad = raw(&mock, &list()).await.unwrap();
    assert_eq!(bad.status(), 200);
    assert_eq!(bad.headers()["content-type"], "application/json");
    let text = bad.bytes().await.unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&text).is_err());
}

#[tokio::test]
async fn faults_can_be_scoped_to_endpoints_and_switched_off() {
    let faults = Faults {
        server_error_every: Some(1),
        only_endpoints: vec!["US1".to_owned()],
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    assert_eq!(get(&mock, &list()).await.0, 200);
    assert_eq!(get(&mock, path::<ListExternalUsers>()).await.0, 503);
    assert!(mock.faults().any_active());
    mock.set_faults(Faults::none());
    assert_eq!(get(&mock, path::<ListExternalUsers>()).await.0, 200);
}
