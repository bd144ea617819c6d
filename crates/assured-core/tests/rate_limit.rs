//! A listing against a server that limits requests per second with a token
//! bucket (the excess answered 429 with a whole-second `Retry-After`, as
//! production throttles), on tokio's paused clock: the client's adaptive
//! rate and the pagination engine together must sustain at least 90 % of
//! the limit with at most 5 % of requests throttled, at several limits.
//!
//! Virtual time only: the figures are counts over the virtual seconds the
//! listing took, the same on any machine.
#![allow(missing_docs)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use assured_core::{Client, Config, HttpRequest, HttpResponse, TransportError};
use assured_models::catalog::{Endpoint, ListExternalUsers};
use assured_models::models::users::{User, UserListParams};
use bytes::Bytes;
use futures_util::TryStreamExt as _;
use serde_json::json;
use tokio::time::Instant;

const PATH: &str = ListExternalUsers::DESCRIPTOR.path;
const RECORDS: u64 = 10_000;
const PAGE: u32 = 10;
/// What one exchange takes, in virtual time.
const LATENCY: Duration = Duration::from_millis(2);

#[derive(Debug, Default)]
struct Counts {
    requests: u64,
    throttled: u64,
}

struct Bucket {
    per_second: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl Bucket {
    /// Takes a token, or says how long until the next one.
    fn take(&mut self, now: Instant) -> Result<(), Duration> {
        let refill = self.per_second * now.duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + refill).min(self.burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64(
                (1.0 - self.tokens) / self.per_second,
            ))
        }
    }
}

/// A server of `RECORDS` users behind a token bucket.
#[derive(Clone)]
struct Limited {
    bucket: Arc<Mutex<Bucket>>,
    counts: Arc<Mutex<Counts>>,
}

impl Limited {
    fn new(per_second: f64, burst: u32) -> Self {
        Self {
            bucket: Arc::new(Mutex::new(Bucket {
                per_second,
                burst: f64::from(burst),
                tokens: f64::from(burst),
                last: Instant::now(),
            })),
            counts: Arc::default(),
        }
    }

    fn reply(&self, request: &HttpRequest) -> HttpResponse {
        let mut counts = self.counts.lock().unwrap();
        counts.requests += 1;
        if let Err(wait) = self.bucket.lock().unwrap().take(Instant::now()) {
            counts.throttled += 1;
            let seconds = wait.as_secs_f64().ceil().max(1.0);
            return http::Response::builder()
                .status(429)
                .header("retry-after", format!("{seconds}"))
                .body(Bytes::from_static(
                    br#"{"detail":"Request was throttled."}"#,
                ))
                .unwrap();
        }
        let query: Vec<(String, String)> =
            serde_urlencoded::from_str(request.uri().query().unwrap_or("")).unwrap();
        let get = |name: &str| -> u64 {
            query
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.parse().unwrap())
                .unwrap()
        };
        let (offset, limit) = (get("offset"), get("limit"));
        let end = (offset + limit).min(RECORDS);
        let results: Vec<_> = (offset..end)
            .map(|index| {
                json!({"id": uuid::Uuid::from_u128(u128::from(index) + 1).to_string(), "email": format!("user{index}@example.org")})
            })
            .collect();
        let next = (end < RECORDS)
            .then(|| format!("https://api.example.invalid{PATH}?limit={limit}&offset={end}"));
        let body = json!({"count": RECORDS, "next": next, "previous": null, "results": results});
        http::Response::builder()
            .status(200)
            .body(Bytes::from(body.to_string()))
            .unwrap()
    }
}

impl tower::Service<HttpRequest> for Limited {
    type Response = HttpResponse;
    type Error = TransportError;
    type Future =
        std::pin::Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), TransportError>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        // The server decides when the request arrives, half way.
        let server = self.clone();
        Box::pin(async move {
            tokio::time::sleep(LATENCY / 2).await;
            let response = server.reply(&request);
            tokio::time::sleep(LATENCY / 2).await;
            Ok(response)
        })
    }
}

/// Lists every record against a limit of `per_second` with `burst`;
/// returns (requests, throttled, virtual seconds).
async fn list_under_limit(per_second: f64, burst: u32) -> (u64, u64, f64) {
    let server = Limited::new(per_second, burst);
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .page_size(PAGE)
        .build()
        .unwrap();
    let client = Client::with_transport(config, server.clone());
    let started = Instant::now();
    let users: Vec<User> = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(users.len(), 10_000, "every record");
    let counts = server.counts.lock().unwrap();
    (counts.requests, counts.throttled, seconds)
}

async fn assert_follows(per_second: f64, burst: u32) {
    let (requests, throttled, seconds) = list_under_limit(per_second, burst).await;
    // Sustained: the requests the server accepted, per second.
    #[allow(clippy::cast_precision_loss)]
    let rate = (requests - throttled) as f64 / seconds;
    eprintln!(
        "limit {per_second}/s, burst {burst}: {requests} requests, {throttled} throttled, {seconds:.2} s, {rate:.1}/s"
    );
    assert!(
        rate >= 0.9 * per_second,
        "{rate:.1} accepted/s against a limit of {per_second}/s ({requests} in {seconds:.2} virtual s)"
    );
    assert!(
        throttled * 20 <= requests,
        "{throttled} of {requests} requests throttled"
    );
}

#[tokio::test(start_paused = true)]
async fn a_limit_of_50_per_second_is_followed() {
    assert_follows(50.0, 10).await;
}

#[tokio::test(start_paused = true)]
async fn a_limit_of_100_per_second_is_followed() {
    assert_follows(100.0, 10).await;
}

#[tokio::test(start_paused = true)]
async fn a_limit_of_200_per_second_is_followed() {
    assert_follows(200.0, 10).await;
}

/// A burst as large as the rate (the mock's default, and how windowed
/// limits behave): the first throttle comes after the whole burst, at a
/// measured rate far above the limit.
#[tokio::test(start_paused = true)]
async fn a_limit_with_a_burst_as_large_as_its_rate_is_followed() {
    assert_follows(100.0, 100).await;
}
