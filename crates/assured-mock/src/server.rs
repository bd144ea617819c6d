//! The running server: start-up, the accept loop, the per-connection
//! service and the handle tests hold ([`MockServer`]).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::{Notify, oneshot};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt as _;

use crate::config::{Faults, MockConfig};
use crate::dispatch;
use crate::fault_plan::FaultPlan;
use crate::journal::{Journal, ReceivedRequest};
use crate::middleware::{auth, faults, faults::ConnKill, log, record, routing};
use crate::seed::{Kind, Rng};
use crate::shared::Shared;
use crate::state::State;
use crate::stats::{RecordedRequest, Stats};
use crate::sync::lock;
use crate::time::now_secs;

/// A running mock server. Dropping it stops the server too (without
/// waiting); [`MockServer::shutdown`] stops it and waits.
pub struct MockServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    user_password: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("base_url", &self.shared.base_url)
            .finish_non_exhaustive()
    }
}

impl MockServer {
    /// Starts a server on 127.0.0.1 (ephemeral port unless `config.port`
    /// is set). Needs a Tokio runtime (e.g. inside `#[tokio::test]`).
    pub async fn start(config: MockConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let mut secret_rng = Rng::new(&[config.seed, now_secs(), u64::from(addr.port())]);
        let state = State::new(
            config.seed,
            config.providers,
            config.user_password.clone(),
            config.strict_personal_info,
        );
        let user_id = state.global_id(Kind::Staff, 0).to_string();
        let shared = Arc::new(Shared {
            base_url,
            api_key: config.api_key.clone(),
            user_email: config.user_email.clone(),
            user_id,
            default_page_size: config.default_page_size.max(1),
            max_page_size: config.max_page_size.max(1),
            jwt_secret: secret_rng.bytes(),
            jwt_lifetime: Mutex::new(config.jwt_lifetime),
            state: Mutex::new(state),
            faults: Mutex::new(FaultPlan::new(config.faults.clone(), config.seed)),
            stats: Mutex::new(Stats::default()),
            journal: Mutex::new(Journal::new(config.journal_capacity)),
        });
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(serve(
            listener,
            shared.clone(),
            config.log_requests,
            stopped,
        ));
        Ok(Self {
            shared,
            addr,
            user_password: config.user_password,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// The socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API key the server accepts.
    pub fn api_key(&self) -> &str {
        &self.shared.api_key
    }

    /// The login e-mail.
    pub fn user_email(&self) -> &str {
        &self.shared.user_email
    }

    /// The login password as configured at start (see
    /// [`State::password`] for the current one after a change-password).
    pub fn user_password(&self) -> &str {
        &self.user_password
    }

    /// A copy of the counters and recordings.
    pub fn stats(&self) -> Stats {
        lock(&self.shared.stats).clone()
    }

    /// Requests to one endpoint key so far.
    pub fn count(&self, key: &str) -> u64 {
        lock(&self.shared.stats).count(key)
    }

    /// The last request to an endpoint key.
    pub fn last_request(&self, key: &str) -> Option<RecordedRequest> {
        lock(&self.shared.stats).last_requests.get(key).cloned()
    }

    /// The JSON body of the last request to an endpoint key.
    pub fn last_body(&self, key: &str) -> Option<Value> {
        self.last_request(key).and_then(|request| request.json())
    }

    /// The request journal: every request received (up to
    /// [`MockConfig::journal_capacity`], oldest dropped first), in order,
    /// with secrets redacted (see [`ReceivedRequest`]). Requests to the
    /// mock's presigned-download URLs are not API requests and are not
    /// kept.
    ///
    /// ```no_run
    /// # async fn demo(mock: &assured_mock::MockServer) {
    /// let logins: Vec<_> = mock
    ///     .requests()
    ///     .into_iter()
    ///     .filter(|request| request.endpoint.as_deref() == Some("US5"))
    ///     .collect();
    /// assert_eq!(logins[0].json().unwrap()["password"], assured_mock::REDACTED);
    /// # }
    /// ```
    pub fn requests(&self) -> Vec<ReceivedRequest> {
        lock(&self.shared.journal).entries()
    }

    /// The journal's requests to one endpoint key (`"PV1"`), in order.
    pub fn requests_to(&self, key: &str) -> Vec<ReceivedRequest> {
        self.requests()
            .into_iter()
            .filter(|request| request.endpoint.as_deref() == Some(key))
            .collect()
    }

    /// Empties the journal (its sequence numbers keep counting).
    pub fn clear_requests(&self) {
        lock(&self.shared.journal).clear();
    }

    /// Clears the counters and recordings (not the journal: see
    /// [`MockServer::clear_requests`]).
    pub fn reset_stats(&self) {
        *lock(&self.shared.stats) = Stats::default();
    }

    /// The current fault switches.
    pub fn faults(&self) -> Faults {
        lock(&self.shared.faults).faults.clone()
    }

    /// Replaces the fault switches (and restarts their request counter).
    pub fn set_faults(&self, faults: Faults) {
        lock(&self.shared.faults).replace(faults);
    }

    /// Changes the lifetime of JWTs issued from now on.
    pub fn set_jwt_lifetime(&self, lifetime: Duration) {
        *lock(&self.shared.jwt_lifetime) = lifetime;
    }

    /// Issues a session JWT directly (as login would), with an optional
    /// lifetime (`Duration::ZERO` gives an already expired token).
    pub fn issue_jwt(&self, lifetime: Option<Duration>) -> String {
        self.shared.issue_tokens(lifetime).0
    }

    /// Reads or changes the in-memory state.
    pub fn with_state<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.shared.state())
    }

    /// Stops accepting, closes every connection and waits for the server
    /// task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Runs until `signal` completes, then shuts down (used by the binary).
    pub async fn run_until(self, signal: impl std::future::Future<Output = ()>) {
        signal.await;
        self.shutdown().await;
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The routes inside their layers (the last added is the outermost).
fn router(shared: &Arc<Shared>, log_requests: bool) -> axum::Router {
    use axum::middleware::{from_fn, from_fn_with_state};
    let router = axum::Router::new()
        .fallback({
            let shared = shared.clone();
            move |request: Request<Body>| dispatch::handle(shared.clone(), request)
        })
        .layer(from_fn_with_state(shared.clone(), auth::layer))
        .layer(from_fn_with_state(shared.clone(), faults::layer))
        .layer(from_fn_with_state(shared.clone(), record::layer));
    let router = if log_requests {
        router.layer(from_fn(log::layer))
    } else {
        router
    };
    router.layer(from_fn_with_state(shared.clone(), routing::layer))
}

async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    log_requests: bool,
    mut stopped: oneshot::Receiver<()>,
) {
    let router = router(&shared, log_requests);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let router = router.clone();
                connections.spawn(async move {
                    let kill = Arc::new(Notify::new());
                    let service = hyper::service::service_fn({
                        let kill = kill.clone();
                        move |request: Request<hyper::body::Incoming>| {
                            let router = router.clone();
                            let kill = kill.clone();
                            async move {
                                let mut request = request.map(Body::new);
                                request.extensions_mut().insert(ConnKill(kill));
                                Ok::<_, Infallible>(router.oneshot(request).await.unwrap_or_else(|never| match never {}))
                            }
                        }
                    });
                    let connection = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service);
                    tokio::select! {
                        _ = connection => {}
                        () = kill.notified() => {}
                    }
                });
                // Reap finished connections so the set does not grow.
                while connections.try_join_next().is_some() {}
            }
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}
