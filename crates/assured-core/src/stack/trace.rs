//! [`TraceLayer`]: one `assured.request` span per attempt, with the
//! endpoint, the attempt number, the status and the latency.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tracing::Instrument as _;

use super::AttemptInfo;
use crate::transport::{HttpRequest, HttpResponse};

/// Traces each attempt.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TraceLayer;

impl<S> tower::Layer<S> for TraceLayer {
    type Service = Traced<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Traced { inner }
    }
}

/// The service of [`TraceLayer`].
#[derive(Debug, Clone)]
pub(crate) struct Traced<S> {
    inner: S,
}

impl<S> tower::Service<HttpRequest> for Traced<S>
where
    S: tower::Service<HttpRequest, Response = HttpResponse>,
    S::Future: Send + 'static,
{
    type Response = HttpResponse;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        let info = request.extensions().get::<AttemptInfo>().copied();
        let span = tracing::debug_span!(
            "assured.request",
            method = info.map(|info| info.descriptor.method.as_str()),
            path = info.map(|info| info.descriptor.path),
            attempt = info.map(|info| info.number),
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let sent_at = tokio::time::Instant::now();
        let reply = self.inner.call(request).instrument(span.clone());
        Box::pin(async move {
            let result = reply.await;
            span.record("latency_ms", sent_at.elapsed().as_millis());
            if let Ok(response) = &result {
                span.record("status", response.status().as_u16());
            }
            result
        })
    }
}
