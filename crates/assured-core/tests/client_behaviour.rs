//! The core against a scripted loopback server: retries, errors, limits,
//! configuration. Request counts are asserted exactly.
#![allow(missing_docs)]

mod support;

use std::time::{Duration, Instant};

use assured_core::{Client, Config, Error, RetryPolicy};
use assured_models::catalog::{Endpoint, GetLoggedInUser, ListExternalUsers, PasswordReset};
use assured_models::models::users::{PasswordResetRequest, UserListParams};
use serde_json::json;
use support::{Reply, TestServer};

const API_KEY: &str = "test-api-key-0123456789";

fn config_for(server: &TestServer) -> assured_core::ConfigBuilder {
    Config::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .retry_policy(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(10))
                .max_backoff(Duration::from_millis(50)),
        )
}

fn user_json(id: u128) -> serde_json::Value {
    json!({"id": uuid::Uuid::from_u128(id).to_string(), "email": format!("u{id}@example.org")})
}

#[tokio::test]
async fn get_with_two_503s_succeeds_on_the_third_attempt() {
    let path = GetLoggedInUser::DESCRIPTOR.path;
    let server = TestServer::start(|_, index| {
        if index < 2 {
            Reply::json(503, json!({"detail": "busy"}))
        } else {
            Reply::json(200, user_json(1))
        }
    })
    .await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let me = client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    assert_eq!(me.email.as_deref(), Some("u1@example.org"));
    assert_eq!(server.count(path), 3);
    // Every attempt carried the API key.
    assert!(
        server
            .seen()
            .iter()
            .all(|s| s.header("x-api-key") == Some(API_KEY))
    );
}

#[tokio::test]
async fn post_with_500_is_not_retried() {
    let server = TestServer::start(|_, _| Reply::json(500, json!({"detail": "boom"}))).await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let body = PasswordResetRequest {
        email: "a@b.c".to_owned(),
    };
    let err = client
        .call::<PasswordReset>(&(), &(), &body)
        .await
        .unwrap_err();
    assert!(err.is_server());
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.api_message(), Some("boom"));
    assert_eq!(server.count(PasswordReset::DESCRIPTOR.path), 1);
    let shown = err.to_string();
    assert!(
        shown.contains("POST /api/v1/users/password-reset/"),
        "{shown}"
    );
    assert!(shown.contains("HTTP 500"), "{shown}");
}

#[tokio::test]
async fn post_with_503_is_not_retried_but_429_is() {
    let server = TestServer::start(|_, index| match index {
        0 => Reply::json(503, json!({})),
        1 => Reply::json(429, json!({"detail": "slow down"})).with_header("retry-after", "0"),
        _ => Reply::json(200, json!({})),
    })
    .await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let body = PasswordResetRequest {
        email: "a@b.c".to_owned(),
    };
    assert_eq!(
        client
            .call::<PasswordReset>(&(), &(), &body)
            .await
            .unwrap_err()
            .status(),
        Some(503)
    );
    client.call::<PasswordReset>(&(), &(), &body).await.unwrap();
    assert_eq!(server.count(PasswordReset::DESCRIPTOR.path), 3);
    // The retried POST sent the same body again.
    let seen = server.seen();
    assert_eq!(seen[1].body, seen[2].body);
}

#[tokio::test]
async fn rate_limited_with_retry_after_waits_then_succeeds() {
    let server = TestServer::start(|_, index| {
        if index == 0 {
            Reply::json(429, json!({"detail": "Request was throttled."}))
                .with_header("retry-after", "1")
        } else {
            Reply::json(200, user_json(7))
        }
    })
    .await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let started = Instant::now();
    client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    // The wait is the server's Retry-After, not the (10 ms) backoff. This is
    // a lower bound only: it cannot be flaky on a slow machine.
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(server.count(GetLoggedInUser::DESCRIPTOR.path), 2);
}

#[tokio::test]
async fn retries_are_bounded_and_the_error_says_why() {
    let server = TestServer::start(|_, _| {
        Reply::json(429, json!({"detail": "throttled"})).with_header("retry-after", "0")
    })
    .await;
    let client = Client::new(
        config_for(&server)
            .retry_policy(
                RetryPolicy::default()
                    .max_throttle_retries(2)
                    .initial_backoff(Duration::from_millis(1)),
            )
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = client
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    // Throttles have their own bound: 1 attempt + 2 throttle retries.
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), Some(Duration::ZERO));
    assert_eq!(server.count(GetLoggedInUser::DESCRIPTOR.path), 3);
}

#[tokio::test]
async fn validation_errors_carry_the_field_map() {
    let server = TestServer::start(|_, _| {
        Reply::json(400, json!({"email": ["Enter a valid email address."]}))
    })
    .await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let body = PasswordResetRequest {
        email: "nope".to_owned(),
    };
    let err = client
        .call::<PasswordReset>(&(), &(), &body)
        .await
        .unwrap_err();
    assert!(err.is_validation());
    assert_eq!(
        err.field_errors().unwrap()["email"],
        vec!["Enter a valid email address.".to_owned()]
    );
}

#[tokio::test]
async fn a_malformed_reply_is_a_decode_error_naming_the_endpoint() {
    let server = TestServer::start(|_, _| Reply {
        status: 200,
        headers: vec![("content-type", "application/json".to_owned())],
        body: "{\"id\": \"not-closed".to_owned(),
    })
    .await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let err = client
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert_eq!(
        err.endpoint().unwrap().path,
        GetLoggedInUser::DESCRIPTOR.path
    );
}

#[tokio::test]
async fn a_server_that_never_answers_is_a_timeout_after_bounded_retries() {
    // A listener that is never accepted from: connections queue, no reply
    // ever comes. Kept open for the whole test, so no other test can take
    // the port.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let client = Client::new(
        Config::builder()
            .base_url(format!("http://{addr}"))
            .api_key(API_KEY)
            .timeout(Duration::from_millis(300))
            .retry_policy(
                RetryPolicy::default()
                    .max_attempts(2)
                    .initial_backoff(Duration::from_millis(1)),
            )
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = client
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(
        err.endpoint().unwrap().path,
        GetLoggedInUser::DESCRIPTOR.path
    );
    drop(listener);
}

#[tokio::test]
async fn missing_configuration_fails_before_any_request() {
    let server = TestServer::start(|_, _| Reply::json(200, json!({}))).await;
    let lookup = |name: &str| (name == "ASSURED_BASE_URL").then(|| server.base_url());
    let err = Config::from_lookup(lookup).unwrap_err();
    assert!(err.is_config());
    assert_eq!(err.config_variable(), Some("ASSURED_API_KEY"));
    assert!(err.to_string().contains("ASSURED_API_KEY"));
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn debug_of_a_client_shows_no_secret() {
    let server = TestServer::start(|_, _| Reply::json(200, json!({}))).await;
    let client = Client::new(
        config_for(&server)
            .credentials("ops@example.org", "correct horse battery staple")
            .build()
            .unwrap(),
    )
    .unwrap();
    let shown = format!("{client:?}");
    assert!(!shown.contains(API_KEY), "{shown}");
    assert!(!shown.contains("correct horse"), "{shown}");
    assert!(shown.contains("ops@example.org"), "{shown}");
}

#[tokio::test]
async fn query_parameters_are_encoded_and_unset_ones_omitted() {
    let server = TestServer::start(|_, _| {
        Reply::json(
            200,
            json!({"count": 0, "next": null, "previous": null, "results": []}),
        )
    })
    .await;
    let client = Client::new(config_for(&server).build().unwrap()).unwrap();
    let params = UserListParams {
        is_active: Some(true),
        search: Some("a&b c".to_owned()),
        ..UserListParams::default()
    };
    let page = client
        .page::<ListExternalUsers>(&(), &params, 0, Some(25))
        .await
        .unwrap();
    assert!(page.results.is_empty());
    let seen = &server.seen()[0];
    assert_eq!(seen.query("is_active"), Some("true"));
    assert_eq!(seen.query("search"), Some("a&b c"));
    assert_eq!(seen.query("limit"), Some("25"));
    assert_eq!(seen.query("offset"), Some("0"));
    assert_eq!(seen.query("ordering"), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_in_flight_limit_caps_concurrent_requests() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let current = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (c, p) = (Arc::clone(&current), Arc::clone(&peak));
    let server = TestServer::start(move |_, _| {
        let now = c.fetch_add(1, Ordering::SeqCst) + 1;
        p.fetch_max(now, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(30));
        c.fetch_sub(1, Ordering::SeqCst);
        Reply::json(200, user_json(1))
    })
    .await;
    let client = Client::new(config_for(&server).max_in_flight(2).build().unwrap()).unwrap();
    let calls = (0..8).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.call::<GetLoggedInUser>(&(), &(), &()).await })
    });
    for call in futures_util::future::join_all(calls).await {
        call.unwrap().unwrap();
    }
    assert_eq!(server.count(GetLoggedInUser::DESCRIPTOR.path), 8);
    // Exactly the limit: never above it, and reached (a limit of 1 fails).
    assert_eq!(peak.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn odd_server_replies_are_errors_never_panics() {
    let replies: Vec<(u16, &str)> = vec![
        (200, ""),
        (200, "[]"),
        (200, "<html>oops</html>"),
        (204, ""),
        (302, ""),
        (418, "I'm a teapot"),
        (400, "[\"a\", 1, null]"),
        (400, "{\"detail\": {\"nested\": true}}"),
        (500, "\u{0}\u{1}binary"),
    ];
    let table = replies.clone();
    let server = TestServer::start(move |_, index| {
        let (status, body) = table[index % table.len()];
        Reply {
            status,
            headers: vec![],
            body: body.to_owned(),
        }
    })
    .await;
    let client = Client::new(
        config_for(&server)
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap(),
    )
    .unwrap();
    for (status, _) in replies {
        let err = client
            .call::<GetLoggedInUser>(&(), &(), &())
            .await
            .unwrap_err();
        if status < 300 {
            assert!(matches!(err, Error::Decode { .. }), "{status}: {err:?}");
        } else {
            assert_eq!(err.status(), Some(status));
        }
    }
}
