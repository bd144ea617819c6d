//! Single flight of the session login under time pressure: short-lived
//! tokens, skewed clocks, slow and failing logins. An in-process transport
//! (no sockets) lets tokio's paused clock stand in for time passing; the
//! outcomes asserted are login counts and which token each request carried.
#![allow(missing_docs)]

mod support;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use assured_core::config::MAX_DURATION;
use assured_core::{Client, Config, HttpRequest, HttpResponse, RetryPolicy, TransportError};
use assured_models::ProfileId;
use assured_models::catalog::{Endpoint, GetEncryptedSsn, Login};
use bytes::Bytes;
use support::{jwt_with_exp, now_secs};
use tokio::sync::Notify;

const LOGIN: &str = Login::DESCRIPTOR.path;

fn profile() -> ProfileId {
    "3f2504e0-4f89-41d3-9a0c-0305e82c3301".parse().unwrap()
}

/// Seconds since the epoch by the paused clock: the wall clock at the start
/// plus what the test advanced.
struct TestClock {
    start_wall: u64,
    start: tokio::time::Instant,
}

impl TestClock {
    fn new() -> Self {
        Self {
            start_wall: now_secs(),
            start: tokio::time::Instant::now(),
        }
    }

    fn now(&self) -> u64 {
        self.start_wall + self.start.elapsed().as_secs()
    }
}

/// The fake server's behaviour, shared with the test.
struct Server {
    clock: TestClock,
    /// Token lifetime handed out by a login, in seconds (may be negative:
    /// a server clock behind the client's).
    lifetime: i64,
    logins: AtomicUsize,
    /// Login number N (1-based) waits for `release` when N is in here.
    held_logins: Mutex<Vec<usize>>,
    login_started: Notify,
    release: Notify,
    /// Login number N fails with this status when N is in here.
    failing_logins: Mutex<Vec<usize>>,
    /// (path, bearer token nonce or 0, status answered), in order.
    log: Mutex<Vec<(String, usize, u16)>>,
}

impl Server {
    fn new(lifetime: i64) -> Arc<Self> {
        Arc::new(Self {
            clock: TestClock::new(),
            lifetime,
            logins: AtomicUsize::new(0),
            held_logins: Mutex::new(Vec::new()),
            login_started: Notify::new(),
            release: Notify::new(),
            failing_logins: Mutex::new(Vec::new()),
            log: Mutex::new(Vec::new()),
        })
    }

    fn logins(&self) -> usize {
        self.logins.load(Ordering::SeqCst)
    }

    fn log(&self) -> Vec<(String, usize, u16)> {
        self.log.lock().unwrap().clone()
    }

    async fn answer(&self, request: HttpRequest) -> (u16, String) {
        let path = request.uri().path().to_owned();
        if path == LOGIN {
            let n = self.logins.fetch_add(1, Ordering::SeqCst) + 1;
            if self.held_logins.lock().unwrap().contains(&n) {
                self.login_started.notify_one();
                self.release.notified().await;
            }
            if self.failing_logins.lock().unwrap().contains(&n) {
                self.log.lock().unwrap().push((path, 0, 503));
                return (503, r#"{"detail":"login is down"}"#.to_owned());
            }
            let exp = self.clock.now().saturating_add_signed(self.lifetime);
            let token = jwt_with_exp(exp, n);
            self.log.lock().unwrap().push((path, 0, 200));
            let body = serde_json::json!({"data": {"id": null, "email": "ops@example.org", "jwt": {"access": token, "refresh": "r"}}, "msg": "ok", "extra_data": {}});
            return (200, body.to_string());
        }
        let nonce = request
            .headers()
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.rsplit_once("sig"))
            .and_then(|(_, n)| n.parse().ok())
            .unwrap_or(0);
        // Every token the server issued stays valid: the test is about when
        // the client logs in, not about the server refusing.
        let status = if nonce > 0 { 200 } else { 401 };
        self.log.lock().unwrap().push((path, nonce, status));
        (
            status,
            r#"{"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","ssn":"x"}"#.to_owned(),
        )
    }
}

#[derive(Clone)]
struct InProcess(Arc<Server>);

impl tower::Service<HttpRequest> for InProcess {
    type Response = HttpResponse;
    type Error = TransportError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        let server = Arc::clone(&self.0);
        Box::pin(async move {
            let (status, body) = server.answer(request).await;
            Ok(http::Response::builder()
                .status(status)
                .body(Bytes::from(body))
                .unwrap())
        })
    }
}

fn client(server: &Arc<Server>) -> Client {
    let config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .credentials("ops@example.org", "pw")
        .jwt_refresh_margin(Duration::from_secs(60))
        // No attempt timeout fires while a login is held on purpose.
        .timeout(MAX_DURATION)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    Client::with_transport(config, InProcess(Arc::clone(server)))
}

async fn concurrent_calls(client: &Client, calls: usize) -> Vec<Result<(), assured_core::Error>> {
    let calls = (0..calls).map(|_| {
        let client = client.clone();
        tokio::spawn(async move {
            client
                .call::<GetEncryptedSsn>(&profile(), &(), &())
                .await
                .map(drop)
        })
    });
    futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test(start_paused = true)]
async fn tokens_living_less_than_the_refresh_margin_are_shared() {
    // 30 s tokens, renewed 60 s before expiry: due "at once" without the
    // half-life rule.
    let server = Server::new(30);
    let client = client(&server);
    for result in concurrent_calls(&client, 50).await {
        result.unwrap();
    }
    assert_eq!(server.logins(), 1);
    for result in concurrent_calls(&client, 50).await {
        result.unwrap();
    }
    assert_eq!(server.logins(), 1);
    // Past half its life, the next call renews, once.
    tokio::time::advance(Duration::from_secs(16)).await;
    for result in concurrent_calls(&client, 50).await {
        result.unwrap();
    }
    assert_eq!(server.logins(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_server_clock_behind_ours_does_not_cause_a_login_per_call() {
    // Every token arrives already "expired" by the client's clock.
    let server = Server::new(-10);
    let client = client(&server);
    for result in concurrent_calls(&client, 50).await {
        result.unwrap();
    }
    for result in concurrent_calls(&client, 50).await {
        result.unwrap();
    }
    assert_eq!(server.logins(), 1);
    assert_eq!(server.log().iter().filter(|(_, n, _)| *n == 1).count(), 100);
}

#[tokio::test(start_paused = true)]
async fn a_jwt_due_for_renewal_is_renewed_before_it_is_sent() {
    let server = Server::new(300);
    let client = client(&server);
    client
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap();
    // Renewal is due 60 s before exp (at 240 s): at 250 s the token is
    // still valid, yet the next request must already carry a new one.
    tokio::time::advance(Duration::from_secs(250)).await;
    client
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap();
    let ssn = GetEncryptedSsn::DESCRIPTOR.render_path(&profile());
    assert_eq!(
        server.log(),
        [
            (LOGIN.to_owned(), 0, 200),
            (ssn.clone(), 1, 200),
            (LOGIN.to_owned(), 0, 200),
            (ssn, 2, 200),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_slow_renewal_does_not_block_calls_while_the_token_is_valid() {
    let server = Server::new(300);
    server.held_logins.lock().unwrap().push(2);
    let client = client(&server);
    client
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap();
    // Due for renewal (at 240 s), still valid (until 300 s).
    tokio::time::advance(Duration::from_secs(250)).await;
    // This call renews, and its login hangs until released.
    let renewing = tokio::spawn({
        let client = client.clone();
        async move { client.call::<GetEncryptedSsn>(&profile(), &(), &()).await }
    });
    tokio::time::timeout(Duration::from_secs(5), server.login_started.notified())
        .await
        .expect("the call due for renewal did not log in");
    // Meanwhile other calls go ahead with the still-valid token. (Were they
    // blocked behind the login, the runtime would go idle and the paused
    // clock would fire this timeout.)
    let others = tokio::time::timeout(Duration::from_secs(5), concurrent_calls(&client, 20))
        .await
        .expect("calls were blocked behind the renewal");
    for result in others {
        result.unwrap();
    }
    server.release.notify_one();
    renewing.await.unwrap().unwrap();
    assert_eq!(server.logins(), 2);
    let nonces: Vec<usize> = server.log().iter().map(|(_, n, _)| *n).collect();
    assert_eq!(nonces.iter().filter(|n| **n == 1).count(), 21, "{nonces:?}");
    assert_eq!(nonces.last(), Some(&2), "{nonces:?}");
}

#[tokio::test(start_paused = true)]
async fn callers_waiting_on_a_failed_login_share_its_error() {
    let server = Server::new(3600);
    server.held_logins.lock().unwrap().push(1);
    server.failing_logins.lock().unwrap().push(1);
    let client = client(&server);
    let calls = tokio::spawn({
        let client = client.clone();
        async move { concurrent_calls(&client, 10).await }
    });
    server.login_started.notified().await;
    // Let every caller reach the login queue before the login fails.
    tokio::task::yield_now().await;
    server.release.notify_one();
    let results = calls.await.unwrap();
    assert_eq!(server.logins(), 1, "one failed login, not one per caller");
    for result in results {
        let err = result.unwrap_err();
        assert_eq!(err.status(), Some(503), "{err:?}");
        assert_eq!(err.api_message(), Some("login is down"));
    }
    // The next call tries again.
    client
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap();
    assert_eq!(server.logins(), 2);
}
