//! The retry policy at the client level, over a scripted transport on
//! tokio's paused clock: waits are exact virtual time, never wall time.
#![allow(missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use assured_core::{
    Client, Config, HttpRequest, HttpResponse, RetryPolicy, RetryQuota, TransportError,
};
use assured_models::catalog::{GetLoggedInUser, ListProviders};
use assured_models::models::providers::ProviderListParams;
use bytes::Bytes;
use futures_util::TryStreamExt as _;

const USER: &str = r#"{"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","email":"a@b.c"}"#;

/// A reply of the script: status, `Retry-After`, body.
type Reply = (u16, Option<String>, String);

/// Answers each call from `script(call_number)`; counts the calls.
#[derive(Clone)]
struct Scripted {
    script: Arc<dyn Fn(usize) -> Reply + Send + Sync>,
    calls: Arc<AtomicUsize>,
}

impl Scripted {
    fn new(script: impl Fn(usize) -> Reply + Send + Sync + 'static) -> Self {
        Self {
            script: Arc::new(script),
            calls: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
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

    fn call(&mut self, _request: HttpRequest) -> Self::Future {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        let (status, retry_after, body) = (self.script)(n);
        let mut reply = http::Response::builder().status(status);
        if let Some(value) = retry_after {
            reply = reply.header("retry-after", value);
        }
        std::future::ready(Ok(reply.body(Bytes::from(body)).unwrap()))
    }
}

fn client(transport: Scripted, policy: RetryPolicy) -> Client {
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .retry_policy(policy)
        .build()
        .unwrap();
    Client::with_transport(config, transport)
}

fn ok() -> Reply {
    (200, None, USER.to_owned())
}

fn status(code: u16, retry_after: Option<&str>) -> Reply {
    (code, retry_after.map(str::to_owned), "{}".to_owned())
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_http_date_is_waited_for() {
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
    let transport = Scripted::new(move |n| {
        if n == 0 {
            status(429, Some(&date))
        } else {
            ok()
        }
    });
    let start = tokio::time::Instant::now();
    client(transport.clone(), RetryPolicy::default())
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap();
    let waited = tokio::time::Instant::now() - start;
    assert_eq!(transport.calls(), 2);
    // The date has one-second resolution: 29 to 30 s of virtual time.
    assert!(
        (Duration::from_secs(28)..=Duration::from_secs(31)).contains(&waited),
        "waited {waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_longer_than_allowed_ends_the_retries() {
    let transport = Scripted::new(|_| status(429, Some("3600")));
    let err = client(transport.clone(), RetryPolicy::default())
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(
        transport.calls(),
        1,
        "no retry: the server asks for an hour"
    );
}

#[tokio::test(start_paused = true)]
async fn a_wait_past_the_total_time_is_not_made() {
    let transport = Scripted::new(|_| status(429, Some("5")));
    let policy = RetryPolicy::default().max_total(Duration::from_secs(12));
    let start = tokio::time::Instant::now();
    let err = client(transport.clone(), policy)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    // Waits end at 5 and 10 s; a third would end at 15 s, past 12.
    assert_eq!(transport.calls(), 3);
    assert_eq!(tokio::time::Instant::now() - start, Duration::from_secs(10));
}

#[tokio::test(start_paused = true)]
async fn throttles_do_not_drain_the_quota_for_server_errors() {
    // A quota with room for one retry after a server error.
    let policy = RetryPolicy::default().quota(RetryQuota::default().capacity(5));
    let transport = Scripted::new(|n| match n {
        0..=2 => status(429, Some("1")),
        4 => status(503, None),
        _ => ok(),
    });
    let client = client(transport.clone(), policy);
    client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    assert_eq!(transport.calls(), 4, "three throttles waited out");
    client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
    assert_eq!(transport.calls(), 6, "the 503 was still retried");
}

#[tokio::test(start_paused = true)]
async fn a_server_that_dies_mid_listing_gets_a_bounded_number_of_requests() {
    // Page one announces 1 000 pages; every later request answers 503.
    let transport = Scripted::new(|n| {
        if n == 0 {
            let records: Vec<String> = (0..1)
                .map(|i| format!(r#"{{"id":"00000000-0000-4000-8000-{i:012}","email":"p@x"}}"#))
                .collect();
            (
                200,
                None,
                format!(
                    r#"{{"count":1000,"next":"https://x/?limit=1&offset=1","previous":null,"results":[{}]}}"#,
                    records.join(",")
                ),
            )
        } else {
            status(503, None)
        }
    });
    let policy = RetryPolicy::default();
    let attempts = policy.attempts() as usize;
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .retry_policy(policy)
        .page_size(1)
        .build()
        .unwrap();
    let concurrency = config.page_concurrency();
    let client = Client::with_transport(config, transport.clone());
    let mut stream = client
        .stream::<ListProviders>(&(), &ProviderListParams::default())
        .unwrap();
    assert!(stream.try_next().await.unwrap().is_some());
    let err = stream.try_next().await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    // The first page, then at most every page in flight with all its
    // attempts: not 1 000 pages' worth.
    let bound = 1 + concurrency * attempts;
    assert!(
        transport.calls() <= bound,
        "{} requests, bound {bound}",
        transport.calls()
    );
}

#[tokio::test(start_paused = true)]
async fn a_dead_server_empties_the_quota_and_later_calls_fail_at_once() {
    let transport = Scripted::new(|_| status(503, None));
    let client = client(transport.clone(), RetryPolicy::default());
    let mut calls = Vec::new();
    for _ in 0..15 {
        client
            .call::<GetLoggedInUser>(&(), &(), &())
            .await
            .unwrap_err();
        calls.push(transport.calls());
    }
    // 10 attempts each until the quota (500 tokens, 5 a retry) is spent
    // after 100 retries; then one attempt per call.
    let last = calls.windows(2).last().map(|w| w[1] - w[0]);
    assert_eq!(last, Some(1), "{calls:?}");
    assert_eq!(calls[0], 10);
    assert!(transport.calls() <= 100 + 15, "{calls:?}");
}
