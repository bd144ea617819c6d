//! What a failed attempt means to the retry loop, and the watch on its
//! throttle waits.

use std::time::SystemTime;

use assured_models::catalog::EndpointDescriptor;
use http::header::RETRY_AFTER;

use crate::error::Error;
use crate::retry::{AttemptOutcome, parse_retry_after};
use crate::transport::{HttpResponse, TransportError};

/// Told `true` when a request starts waiting out a throttle (its
/// `Retry-After`), `false` when the wait ends (or the request is dropped).
pub(crate) type ThrottleWatch<'a> = &'a (dyn Fn(bool) + Send + Sync);

/// A throttle wait in progress.
pub(super) struct ThrottleWait<'a>(ThrottleWatch<'a>);

impl<'a> ThrottleWait<'a> {
    pub(super) fn new(watch: ThrottleWatch<'a>) -> Self {
        watch(true);
        Self(watch)
    }
}

impl Drop for ThrottleWait<'_> {
    fn drop(&mut self) {
        (self.0)(false);
    }
}

/// A failed attempt, as the retry logic sees it.
pub(super) struct Failure {
    /// `None`: a failure before anything was sent, never retried.
    pub(super) outcome: Option<AttemptOutcome>,
    pub(super) retry_after: Option<std::time::Duration>,
    pub(super) error: Error,
}

impl Failure {
    /// A failure before anything was sent (login, building the request):
    /// never retried here (the login has its own retries).
    pub(super) fn local(error: Error) -> Self {
        Self {
            outcome: None,
            retry_after: None,
            error,
        }
    }

    pub(super) fn transport(descriptor: &'static EndpointDescriptor, err: TransportError) -> Self {
        let kind = err.kind();
        Self {
            outcome: Some(AttemptOutcome::Transport(kind)),
            retry_after: None,
            error: Error::Transport {
                endpoint: descriptor.into(),
                kind,
                source: err.into_source(),
            },
        }
    }

    /// A reply that is not a success.
    pub(super) fn status(descriptor: &'static EndpointDescriptor, response: &HttpResponse) -> Self {
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| parse_retry_after(value, SystemTime::now()));
        Self {
            outcome: Some(AttemptOutcome::Status(status)),
            retry_after,
            error: Error::from_response(descriptor, status, response.body(), retry_after),
        }
    }
}
