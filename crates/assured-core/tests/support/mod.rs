//! A scripted loopback HTTP server for the core's tests: it records every
//! request and answers with whatever the test's handler returns.
#![allow(dead_code, unreachable_pub, clippy::needless_pass_by_value)]

pub mod memory;
pub mod raw;

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Seen {
    pub fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// What the handler answers.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(status: u16, body: serde_json::Value) -> Self {
        Self {
            status,
            headers: vec![("content-type", "application/json".to_owned())],
            body: body.to_string(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

/// A reply still to come.
pub type ReplyFuture = Pin<Box<dyn Future<Output = Reply> + Send>>;

type Handler = dyn Fn(Seen, usize) -> ReplyFuture + Send + Sync;

struct State {
    seen: Mutex<Vec<Seen>>,
    handler: Box<Handler>,
}

/// A running test server.
#[derive(Clone)]
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<State>,
}

impl TestServer {
    /// Starts a server; `handler` gets each request and how many came before it.
    pub async fn start(handler: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> Self {
        Self::start_async(move |seen, index| {
            let reply = handler(&seen, index);
            Box::pin(async move { reply })
        })
        .await
    }

    /// Like [`TestServer::start`], with a handler that may wait before it
    /// answers (the server keeps serving other requests meanwhile).
    pub async fn start_async(
        handler: impl Fn(Seen, usize) -> ReplyFuture + Send + Sync + 'static,
    ) -> Self {
        let state = Arc::new(State {
            seen: Mutex::new(Vec::new()),
            handler: Box::new(handler),
        });
        let app_state = Arc::clone(&state);
        let app = axum::Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let state = Arc::clone(&app_state);
                async move {
                    let query = uri
                        .query()
                        .map(|q| serde_urlencoded::from_str(q).unwrap())
                        .unwrap_or_default();
                    let seen = Seen {
                        method,
                        path: uri.path().to_owned(),
                        query,
                        headers,
                        body,
                    };
                    let index = {
                        let mut all = state.seen.lock().unwrap();
                        all.push(seen.clone());
                        all.len() - 1
                    };
                    let reply = (state.handler)(seen, index).await;
                    let mut response: Response = reply.body.into_response();
                    *response.status_mut() = StatusCode::from_u16(reply.status).unwrap();
                    for (name, value) in reply.headers {
                        response.headers_mut().insert(name, value.parse().unwrap());
                    }
                    response
                }
            },
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { addr, state }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    /// Requests to this path.
    pub fn count(&self, path: &str) -> usize {
        self.seen().iter().filter(|s| s.path == path).count()
    }
}

/// A JWT-shaped token expiring at `exp` (seconds since the epoch).
pub fn jwt_with_exp(exp: u64, nonce: usize) -> String {
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{}.{}.sig{nonce}",
        engine.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
        engine.encode(format!(r#"{{"exp":{exp},"n":{nonce}}}"#))
    )
}

/// A JWT-shaped token with these claims (raw JSON, so a test can send
/// values no well-behaved server would).
pub fn jwt_with_claims(claims: &str, nonce: usize) -> String {
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{}.{}.sig{nonce}",
        engine.encode(br#"{"alg":"HS256","typ":"JWT"}"#),
        engine.encode(claims)
    )
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A login reply carrying `token`.
pub fn login_reply(token: &str) -> Reply {
    Reply::json(
        200,
        serde_json::json!({"data": {"id": null, "email": "ops@example.org", "jwt": {"access": token, "refresh": "r"}}, "msg": "ok", "extra_data": {}}),
    )
}
