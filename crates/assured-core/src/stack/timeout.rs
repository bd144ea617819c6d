//! [`TimeoutLayer`]: the time one attempt may take, from sending to the
//! whole reply: the call's option ([`AttemptTimeout`]) or the
//! configuration's. (tower's own `Timeout` has one duration for all
//! requests; a call's options may set another.)

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use super::AttemptTimeout;
use crate::error::TransportErrorKind;
use crate::transport::{HttpRequest, HttpResponse, TransportError};

/// Bounds each attempt.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeoutLayer {
    default: Duration,
}

impl TimeoutLayer {
    pub(crate) fn new(default: Duration) -> Self {
        Self { default }
    }
}

impl<S> tower::Layer<S> for TimeoutLayer {
    type Service = Timed<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Timed {
            inner,
            default: self.default,
        }
    }
}

/// The service of [`TimeoutLayer`].
#[derive(Debug, Clone)]
pub(crate) struct Timed<S> {
    inner: S,
    default: Duration,
}

impl<S> tower::Service<HttpRequest> for Timed<S>
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
        let timeout = request
            .extensions()
            .get::<AttemptTimeout>()
            .map_or(self.default, |timeout| timeout.0);
        let reply = self.inner.call(request);
        Box::pin(async move {
            tokio::time::timeout(timeout, reply)
                .await
                .unwrap_or_else(|_| {
                    Err(TransportError::new(
                        TransportErrorKind::Timeout,
                        format!("no reply within {timeout:?}"),
                    ))
                })
        })
    }
}
