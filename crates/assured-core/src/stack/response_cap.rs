//! [`ResponseCapLayer`]: refuses a response body longer than the
//! configured limit, whatever the transport.
//!
//! The default transport stops reading at the limit (memory stays bounded
//! by it); a transport of your own hands over a whole body, which this
//! layer refuses all the same, so the limit means one thing for every
//! transport.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::error::TransportErrorKind;
use crate::transport::{HttpRequest, HttpResponse, TransportError};

/// Caps response bodies.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResponseCapLayer {
    limit: u64,
}

impl ResponseCapLayer {
    pub(crate) fn new(limit: u64) -> Self {
        Self { limit }
    }
}

impl<S> tower::Layer<S> for ResponseCapLayer {
    type Service = Capped<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Capped {
            inner,
            limit: self.limit,
        }
    }
}

/// The service of [`ResponseCapLayer`].
#[derive(Debug, Clone)]
pub(crate) struct Capped<S> {
    inner: S,
    limit: u64,
}

/// The error for a body past `limit` bytes.
pub(crate) fn too_large(limit: u64) -> TransportError {
    TransportError::new(
        TransportErrorKind::ResponseTooLarge,
        format!("the response body is longer than the limit of {limit} bytes"),
    )
}

impl<S> tower::Service<HttpRequest> for Capped<S>
where
    S: tower::Service<HttpRequest, Response = HttpResponse, Error = TransportError>,
    S::Future: Send + 'static,
{
    type Response = HttpResponse;
    type Error = TransportError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        let limit = self.limit;
        let reply = self.inner.call(request);
        Box::pin(async move {
            let response = reply.await?;
            if u64::try_from(response.body().len()).unwrap_or(u64::MAX) > limit {
                return Err(too_large(limit));
            }
            Ok(response)
        })
    }
}
