//! An in-memory transport (a `tower::Service`, no sockets): replies come
//! from the test's handler, optionally after steps of Tokio time (to pace
//! a reply like a body arriving in chunks under a paused clock), or never.
//! It counts the requests and the reply futures still alive, so a test can
//! see that abandoned fetches were dropped.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use assured_core::{HttpRequest, HttpResponse, TransportError};
use bytes::Bytes;

use super::{Reply, Seen};

/// How a reply is delivered.
#[derive(Debug, Clone, Copy)]
pub enum Pace {
    /// At once.
    Now,
    /// After `steps` waits of `each` (Tokio time), one after another.
    Steps { steps: u32, each: Duration },
    /// Never: the request stays in flight until its future is dropped.
    Never,
}

type Handler = dyn Fn(&Seen, usize) -> (Reply, Pace) + Send + Sync;

struct State {
    handler: Box<Handler>,
    seen: Mutex<Vec<Seen>>,
    alive: AtomicUsize,
}

/// The transport; clones share their state.
#[derive(Clone)]
pub struct Memory {
    state: Arc<State>,
}

impl Memory {
    pub fn new(handler: impl Fn(&Seen, usize) -> (Reply, Pace) + Send + Sync + 'static) -> Self {
        Self {
            state: Arc::new(State {
                handler: Box::new(handler),
                seen: Mutex::new(Vec::new()),
                alive: AtomicUsize::new(0),
            }),
        }
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    /// Requests to this path.
    pub fn count(&self, path: &str) -> usize {
        self.seen().iter().filter(|s| s.path == path).count()
    }

    /// Reply futures neither finished nor dropped.
    pub fn alive(&self) -> usize {
        self.state.alive.load(Ordering::SeqCst)
    }
}

/// Counts a reply future as alive until it finishes or is dropped.
struct Alive(Arc<State>);

impl Drop for Alive {
    fn drop(&mut self) {
        self.0.alive.fetch_sub(1, Ordering::SeqCst);
    }
}

impl tower::Service<HttpRequest> for Memory {
    type Response = HttpResponse;
    type Error = TransportError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        let uri = request.uri();
        let seen = Seen {
            method: request.method().clone(),
            path: uri.path().to_owned(),
            query: uri
                .query()
                .map(|q| serde_urlencoded::from_str(q).unwrap())
                .unwrap_or_default(),
            headers: request.headers().clone(),
            // Bodies in these tests are in memory (no file parts).
            body: request.body().in_memory().unwrap_or_default(),
        };
        let index = {
            let mut all = self.state.seen.lock().unwrap();
            all.push(seen.clone());
            all.len() - 1
        };
        let (reply, pace) = (self.state.handler)(&seen, index);
        self.state.alive.fetch_add(1, Ordering::SeqCst);
        let alive = Alive(Arc::clone(&self.state));
        Box::pin(async move {
            let _alive = alive;
            match pace {
                Pace::Now => {}
                Pace::Steps { steps, each } => {
                    for _ in 0..steps {
                        tokio::time::sleep(each).await;
                    }
                }
                Pace::Never => std::future::pending::<()>().await,
            }
            let mut response = http::Response::builder().status(reply.status);
            for (name, value) in reply.headers {
                response = response.header(name, value);
            }
            Ok(response.body(Bytes::from(reply.body)).unwrap())
        })
    }
}
