//! [`PaceLayer`]: the rate concern of the request stack.
//!
//! A request waits for its slot of the fixed rate, then of the adaptive
//! rate, in `poll_ready`, before the layers below are asked to be ready: a
//! paced request does not hold an in-flight permit while it waits. Every
//! reply is fed back to the adaptive rate.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use http::StatusCode;
use tokio::time::{Instant, Sleep};

use super::Limits;
use crate::transport::{HttpRequest, HttpResponse};

/// Paces requests by the client's [`Limits`].
#[derive(Debug, Clone)]
pub(crate) struct PaceLayer {
    limits: Arc<Limits>,
}

impl PaceLayer {
    pub(crate) fn new(limits: Arc<Limits>) -> Self {
        Self { limits }
    }
}

impl<S> tower::Layer<S> for PaceLayer {
    type Service = Paced<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Paced {
            inner,
            limits: Arc::clone(&self.limits),
            stage: Stage::Fixed,
        }
    }
}

/// The service of [`PaceLayer`].
#[derive(Debug)]
pub(crate) struct Paced<S> {
    inner: S,
    limits: Arc<Limits>,
    stage: Stage,
}

/// How far the next request has come through the pacers.
#[derive(Debug)]
enum Stage {
    /// Next: reserve a slot of the fixed rate.
    Fixed,
    WaitingFixed(Pin<Box<Sleep>>),
    /// Next: reserve a slot of the adaptive rate.
    Adaptive,
    WaitingAdaptive(Pin<Box<Sleep>>),
    /// Paced: the layers below are asked to be ready.
    Paced,
}

// A clone starts afresh: a slot belongs to the request it was reserved for.
impl<S: Clone> Clone for Paced<S> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            limits: Arc::clone(&self.limits),
            stage: Stage::Fixed,
        }
    }
}

/// A sleep until `slot`, unless it has come.
fn wait_for(slot: Option<Instant>) -> Option<Pin<Box<Sleep>>> {
    slot.filter(|slot| *slot > Instant::now())
        .map(|slot| Box::pin(tokio::time::sleep_until(slot)))
}

impl<S> tower::Service<HttpRequest> for Paced<S>
where
    S: tower::Service<HttpRequest, Response = HttpResponse>,
    S::Future: Send + 'static,
{
    type Response = HttpResponse;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        loop {
            self.stage = match &mut self.stage {
                Stage::Fixed => match wait_for(self.limits.fixed.reserve()) {
                    Some(sleep) => Stage::WaitingFixed(sleep),
                    None => Stage::Adaptive,
                },
                Stage::WaitingFixed(sleep) => {
                    ready!(sleep.as_mut().poll(cx));
                    Stage::Adaptive
                }
                Stage::Adaptive => match wait_for(self.limits.adaptive_pacer.reserve()) {
                    Some(sleep) => Stage::WaitingAdaptive(sleep),
                    None => Stage::Paced,
                },
                Stage::WaitingAdaptive(sleep) => {
                    ready!(sleep.as_mut().poll(cx));
                    Stage::Paced
                }
                Stage::Paced => return self.inner.poll_ready(cx),
            };
        }
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        // The next request is paced afresh.
        self.stage = Stage::Fixed;
        let limits = Arc::clone(&self.limits);
        let sent = Instant::now();
        let reply = self.inner.call(request);
        Box::pin(async move {
            let response = reply.await?;
            limits.record_reply(sent, response.status() == StatusCode::TOO_MANY_REQUESTS);
            Ok(response)
        })
    }
}
