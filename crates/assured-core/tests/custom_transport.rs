//! A transport of the caller's own (any `tower::Service` over `http` types):
//! no network at all, and exact control over transport failures.
#![allow(missing_docs)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use assured_core::retry::{
    AttemptOutcome, FailedAttempt, RetryClassifier, RetryDecision, StandardClassifier,
};
use assured_core::{
    Client, Config, HttpRequest, HttpResponse, RequestOptions, RetryPolicy, RetryQuota,
    TransportError, TransportErrorKind,
};
use assured_models::catalog::{Endpoint, GetLoggedInUser, PasswordReset};
use assured_models::models::users::PasswordResetRequest;
use bytes::Bytes;

/// What the fake transport does for each call, in order.
#[derive(Clone, Copy)]
enum Step {
    Fail(TransportErrorKind),
    Reply(u16),
}

#[derive(Clone)]
struct Scripted {
    steps: Arc<Mutex<Vec<Step>>>,
    seen: Arc<Mutex<Vec<HttpRequest>>>,
}

impl Scripted {
    fn new(steps: &[Step]) -> Self {
        let mut steps = steps.to_vec();
        steps.reverse();
        Self {
            steps: Arc::new(Mutex::new(steps)),
            seen: Arc::new(Mutex::new(Vec::new())),
        }
    }

    fn calls(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

impl tower::Service<HttpRequest> for Scripted {
    type Response = HttpResponse;
    type Error = TransportError;
    type Future = std::future::Ready<Result<HttpResponse, TransportError>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), TransportError>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        self.seen.lock().unwrap().push(request);
        let step = self.steps.lock().unwrap().pop().unwrap_or(Step::Reply(200));
        std::future::ready(match step {
            Step::Fail(kind) => Err(TransportError::new(kind, "scripted failure")),
            Step::Reply(status) => Ok(http::Response::builder()
                .status(status)
                .body(Bytes::from_static(
                    br#"{"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","email":"a@b.c"}"#,
                ))
                .unwrap()),
        })
    }
}

fn client(transport: Scripted) -> Client {
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
        .build()
        .unwrap();
    Client::with_transport(config, transport)
}

fn reset() -> PasswordResetRequest {
    PasswordResetRequest {
        email: "a@b.c".to_owned(),
    }
}

#[tokio::test]
async fn requests_reach_a_custom_transport_with_absolute_uri_and_headers() {
    let transport = Scripted::new(&[]);
    let me = client(transport.clone())
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap();
    assert_eq!(me.email.as_deref(), Some("a@b.c"));
    let seen = transport.seen.lock().unwrap();
    assert_eq!(
        seen[0].uri().to_string(),
        format!(
            "https://api.example.invalid{}",
            GetLoggedInUser::DESCRIPTOR.path
        )
    );
    assert_eq!(seen[0].headers()["x-api-key"], "k");
}

#[tokio::test]
async fn a_post_whose_connection_failed_before_sending_is_retried() {
    let transport = Scripted::new(&[Step::Fail(TransportErrorKind::Connect), Step::Reply(200)]);
    client(transport.clone())
        .call::<PasswordReset>(&(), &(), &reset())
        .await
        .unwrap();
    assert_eq!(transport.calls(), 2);
}

#[tokio::test]
async fn a_post_whose_connection_broke_after_sending_is_not_retried() {
    for kind in [TransportErrorKind::Connection, TransportErrorKind::Timeout] {
        let transport = Scripted::new(&[Step::Fail(kind), Step::Reply(200)]);
        let err = client(transport.clone())
            .call::<PasswordReset>(&(), &(), &reset())
            .await
            .unwrap_err();
        assert!(err.is_transport());
        assert_eq!(err.is_timeout(), kind == TransportErrorKind::Timeout);
        assert_eq!(transport.calls(), 1, "{kind:?}");
    }
}

#[tokio::test]
async fn a_post_marked_idempotent_is_retried_after_a_timeout() {
    let transport = Scripted::new(&[Step::Fail(TransportErrorKind::Timeout), Step::Reply(200)]);
    client(transport.clone())
        .with_options(RequestOptions::new().idempotent(true))
        .unwrap()
        .call::<PasswordReset>(&(), &(), &reset())
        .await
        .unwrap();
    assert_eq!(transport.calls(), 2);
}

#[tokio::test]
async fn a_get_marked_not_idempotent_is_not_retried_after_a_503() {
    let transport = Scripted::new(&[Step::Reply(503), Step::Reply(200)]);
    let err = client(transport.clone())
        .with_options(RequestOptions::new().idempotent(false))
        .unwrap()
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(transport.calls(), 1);
}

#[tokio::test]
async fn a_get_is_retried_after_any_transport_failure() {
    let transport = Scripted::new(&[
        Step::Fail(TransportErrorKind::Connection),
        Step::Fail(TransportErrorKind::Timeout),
        Step::Reply(502),
        Step::Reply(200),
    ]);
    client(transport.clone())
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap();
    assert_eq!(transport.calls(), 4);
}

#[tokio::test]
async fn an_exhausted_retry_quota_stops_retrying() {
    let transport = Scripted::new(&[Step::Reply(503); 20]);
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(10)
                .initial_backoff(Duration::from_millis(1))
                .quota(RetryQuota::default().capacity(15)),
        )
        .build()
        .unwrap();
    let client = Client::with_transport(config, transport.clone());
    assert_eq!(
        client
            .call::<GetLoggedInUser>(&(), &(), &())
            .await
            .unwrap_err()
            .status(),
        Some(503)
    );
    // 1 attempt + the 3 retries the quota pays for (5 tokens each).
    assert_eq!(transport.calls(), 4);
    // The quota is client-wide: the next call gets no retry at all.
    client
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert_eq!(transport.calls(), 5);
}

/// Retries the 500s of idempotent requests; otherwise the standard rules.
#[derive(Debug)]
struct Retry500s;

impl RetryClassifier for Retry500s {
    fn classify(&self, attempt: &FailedAttempt) -> RetryDecision {
        match attempt.outcome {
            AttemptOutcome::Status(500) if attempt.idempotent => RetryDecision::RetryWithBackoff,
            _ => StandardClassifier.classify(attempt),
        }
    }
}

/// Records what it was asked, and never retries.
#[derive(Debug, Default)]
struct Recording(Mutex<Vec<(String, bool, AttemptOutcome, u32)>>);

impl RetryClassifier for Recording {
    fn classify(&self, attempt: &FailedAttempt) -> RetryDecision {
        self.0.lock().unwrap().push((
            attempt.endpoint.key.to_owned(),
            attempt.idempotent,
            attempt.outcome,
            attempt.attempt,
        ));
        RetryDecision::DoNotRetry
    }
}

fn client_with(transport: Scripted, policy: RetryPolicy) -> Client {
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .retry_policy(policy.initial_backoff(Duration::from_millis(1)))
        .build()
        .unwrap();
    Client::with_transport(config, transport)
}

#[tokio::test]
async fn a_classifier_of_ones_own_decides_what_is_retried() {
    // The standard rules return a 500.
    let transport = Scripted::new(&[Step::Reply(500), Step::Reply(200)]);
    let err = client(transport.clone())
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert_eq!((err.status(), transport.calls()), (Some(500), 1));

    // Retry500s retries it for a GET, and not for a POST.
    let policy = RetryPolicy::default().classifier(Retry500s);
    let transport = Scripted::new(&[Step::Reply(500), Step::Reply(500), Step::Reply(200)]);
    let client = client_with(transport.clone(), policy);
    client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    assert_eq!(transport.calls(), 3);
    let transport = Scripted::new(&[Step::Reply(500), Step::Reply(200)]);
    let client = client_with(
        transport.clone(),
        RetryPolicy::default().classifier(Retry500s),
    );
    let err = client
        .call::<PasswordReset>(&(), &(), &reset())
        .await
        .unwrap_err();
    assert_eq!((err.status(), transport.calls()), (Some(500), 1));
}

#[tokio::test]
async fn a_classifier_is_told_the_endpoint_the_idempotency_the_outcome_and_the_attempt() {
    let recording = Arc::new(Recording::default());
    let policy = RetryPolicy::default().classifier(Arc::clone(&recording));
    // Per call: the policy of the options replaces the client's.
    let transport = Scripted::new(&[Step::Reply(429), Step::Fail(TransportErrorKind::Timeout)]);
    let plain = client(transport.clone());
    let recorded = plain
        .with_options(RequestOptions::new().retry_policy(policy))
        .unwrap();
    let err = recorded
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429), "not retried: {err:?}");
    let err = recorded
        .call::<PasswordReset>(&(), &(), &reset())
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(transport.calls(), 2);
    assert_eq!(
        *recording.0.lock().unwrap(),
        [
            (
                GetLoggedInUser::DESCRIPTOR.key.to_owned(),
                true,
                AttemptOutcome::Status(429),
                1
            ),
            (
                PasswordReset::DESCRIPTOR.key.to_owned(),
                false,
                AttemptOutcome::Transport(TransportErrorKind::Timeout),
                1
            ),
        ]
    );
}
