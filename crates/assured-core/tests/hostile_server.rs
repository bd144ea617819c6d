//! The transport against servers that misbehave: connect attempts that
//! time out, slow replies, oversized bodies. Outcomes and request counts
//! only, never timings.
#![allow(missing_docs)]

mod support;

use std::time::Duration;

use assured_core::{Client, Config, RequestOptions, RetryPolicy, TransportErrorKind};
use assured_models::catalog::{GetLoggedInUser, PasswordReset};
use assured_models::models::users::PasswordResetRequest;
use support::raw::{FullListener, RawReply, RawServer};

const ME: &str = r#"{"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","email":"a@b.c"}"#;

fn config(base_url: &str) -> assured_core::ConfigBuilder {
    Config::builder()
        .base_url(base_url)
        .api_key("k")
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
}

fn reset() -> PasswordResetRequest {
    PasswordResetRequest {
        email: "a@b.c".to_owned(),
    }
}

fn kind(err: &assured_core::Error) -> Option<TransportErrorKind> {
    match err {
        assured_core::Error::Transport { kind, .. } => Some(*kind),
        _ => None,
    }
}

#[tokio::test]
async fn a_connect_attempt_that_timed_out_is_a_connect_failure_so_a_post_may_retry() {
    let listener = FullListener::start();
    let client = Client::new(
        config(&listener.base_url())
            .connect_timeout(Duration::from_millis(100))
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = client
        .call::<PasswordReset>(&(), &(), &reset())
        .await
        .unwrap_err();
    // Nothing was sent: the retry logic must see "not sent", not "timed out
    // after sending" (which forbids retrying a POST).
    assert_eq!(kind(&err), Some(TransportErrorKind::Connect), "{err:?}");
}

#[tokio::test]
async fn the_per_request_timeout_is_the_only_one_on_an_attempt() {
    // The configured timeout is shorter than the reply; the per-request
    // option is longer, so the call must succeed.
    let server =
        RawServer::start(|_| RawReply::json(200, ME).after(Duration::from_millis(600))).await;
    let client = Client::new(
        config(&server.base_url())
            .timeout(Duration::from_millis(150))
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap(),
    )
    .unwrap();
    let patient = client
        .with_options(RequestOptions::new().timeout(Duration::from_secs(30)))
        .unwrap();
    let me = patient
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap();
    assert_eq!(me.email.as_deref(), Some("a@b.c"));
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn one_user_agent_header_is_sent() {
    let server = RawServer::start(|_| RawReply::json(200, ME)).await;
    let client = Client::new(
        config(&server.base_url())
            .user_agent("ops-console/2")
            .build()
            .unwrap(),
    )
    .unwrap();
    client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    let heads = server.heads();
    let agents: Vec<&str> = heads[0]
        .lines()
        .filter(|line| line.to_ascii_lowercase().starts_with("user-agent:"))
        .collect();
    assert_eq!(agents, ["user-agent: ops-console/2"]);
}

/// The client sets the one `User-Agent`; the transport adds none of its
/// own (a transport that did would send two, or the wrong one).
#[tokio::test]
async fn the_transport_adds_no_user_agent_of_its_own() {
    use tower::ServiceExt as _;

    let server = RawServer::start(|_| RawReply::json(200, ME)).await;
    let config = config(&server.base_url())
        .user_agent("ops-console/2")
        .build()
        .unwrap();
    let transport = assured_core::transport::ReqwestTransport::new(&config).unwrap();
    let request = http::Request::get(format!("{}/me", server.base_url()))
        .body(assured_core::transport::RequestBody::empty())
        .unwrap();
    let response = transport.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200);
    let heads = server.heads();
    assert!(
        !heads[0].to_ascii_lowercase().contains("user-agent:"),
        "{}",
        heads[0]
    );
}

fn capped_client(server: &RawServer, limit: u64) -> Client {
    Client::new(
        config(&server.base_url())
            .max_response_bytes(limit)
            .build()
            .unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn a_body_up_to_the_limit_is_read_and_one_byte_more_is_refused() {
    let server = RawServer::start(|_| RawReply::json(200, ME)).await;
    let exact = capped_client(&server, ME.len() as u64);
    exact.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    let short = capped_client(&server, ME.len() as u64 - 1);
    let err = short
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_response_too_large(), "{err:?}");
    assert_eq!(kind(&err), Some(TransportErrorKind::ResponseTooLarge));
    assert!(
        err.to_string().contains(&format!("{} bytes", ME.len() - 1)),
        "{err}"
    );
    // Not retried: the same server would send the same body again.
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn a_chunked_body_without_a_length_is_cut_off_at_the_limit() {
    // 4 MiB in 64 KiB chunks, no Content-Length; the limit is 100 KiB.
    let server = RawServer::start(|_| RawReply::chunked(200, 64 * 1024, 64)).await;
    let err = capped_client(&server, 100 * 1024)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_response_too_large(), "{err:?}");
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn an_error_reply_is_capped_too() {
    let body = format!(r#"{{"detail":"{}"}}"#, "x".repeat(4096));
    let server = RawServer::start(move |_| RawReply::json(503, &body)).await;
    let err = capped_client(&server, 1024)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_response_too_large(), "{err:?}");
    assert_eq!(server.requests(), 1);
}

#[test]
fn a_zero_response_limit_is_a_config_error() {
    let err = Config::builder()
        .api_key("k")
        .max_response_bytes(0)
        .build()
        .unwrap_err();
    assert!(err.is_config(), "{err:?}");
    assert_eq!(
        Config::builder()
            .api_key("k")
            .build()
            .unwrap()
            .max_response_bytes(),
        assured_core::config::DEFAULT_MAX_RESPONSE_BYTES
    );
}
