//! The classifier: what a failed attempt's outcome allows.
//!
//! [`StandardClassifier`] holds the SDK's rules; a [`RetryClassifier`] of
//! your own replaces them in a [`RetryPolicy`](super::RetryPolicy) (for the
//! whole client, or one call through its per-request options). How long to
//! wait and whether the retry quota pays stay the policy's: a classifier
//! only says which kind of retry an outcome deserves.

use std::fmt;
use std::sync::Arc;

use assured_models::catalog::EndpointDescriptor;

use crate::error::TransportErrorKind;

/// What a failed attempt ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttemptOutcome {
    /// The server replied with this status (not a success).
    Status(u16),
    /// The transport failed (see [`TransportErrorKind`] for what each kind
    /// says about whether the server got the request).
    Transport(TransportErrorKind),
}

/// A failed attempt, as a classifier sees it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct FailedAttempt {
    /// The endpoint called.
    pub endpoint: &'static EndpointDescriptor,
    /// Whether the request may be repeated without effect: the catalog's
    /// word for the endpoint, or the per-request
    /// [`idempotent`](crate::RequestOptions::idempotent) override.
    pub idempotent: bool,
    /// What the attempt ended with.
    pub outcome: AttemptOutcome,
    /// Which attempt this was, from 1.
    pub attempt: u32,
}

impl FailedAttempt {
    /// A failed attempt (to test a classifier of your own).
    pub fn new(
        endpoint: &'static EndpointDescriptor,
        idempotent: bool,
        outcome: AttemptOutcome,
        attempt: u32,
    ) -> Self {
        Self {
            endpoint,
            idempotent,
            outcome,
            attempt,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryDecision {
    /// Return the error.
    DoNotRetry,
    /// The server throttled: wait its `Retry-After` (the backoff when it
    /// sent none) and retry, without spending the retry quota.
    RetryAfterThrottle,
    /// Back off and retry, paying the client-wide retry quota (a timeout
    /// pays more).
    RetryWithBackoff,
}

/// Decides which failed attempts are retried, and how.
///
/// A classifier that retries a request the server may have processed
/// (a POST after a timeout or a 5xx) can write it twice: only do that for
/// requests you have made safe to repeat. Delegate to
/// [`StandardClassifier`] for the cases you do not change:
///
/// ```
/// use assured_core::retry::{
///     AttemptOutcome, FailedAttempt, RetryClassifier, RetryDecision, StandardClassifier,
/// };
/// use assured_core::RetryPolicy;
///
/// /// Also retries the 500s a flaky proxy returns, for idempotent requests.
/// #[derive(Debug)]
/// struct Retry500s;
///
/// impl RetryClassifier for Retry500s {
///     fn classify(&self, attempt: &FailedAttempt) -> RetryDecision {
///         match attempt.outcome {
///             AttemptOutcome::Status(500) if attempt.idempotent => RetryDecision::RetryWithBackoff,
///             _ => StandardClassifier.classify(attempt),
///         }
///     }
/// }
///
/// let policy = RetryPolicy::default().classifier(Retry500s);
/// # drop(policy);
/// ```
pub trait RetryClassifier: fmt::Debug + Send + Sync + 'static {
    /// The decision for one failed attempt.
    fn classify(&self, attempt: &FailedAttempt) -> RetryDecision;
}

/// A shared classifier (keep a handle to one that records or counts).
impl<C: RetryClassifier + ?Sized> RetryClassifier for Arc<C> {
    fn classify(&self, attempt: &FailedAttempt) -> RetryDecision {
        (**self).classify(attempt)
    }
}

/// The SDK's rules.
///
/// * A 429 is a throttle, whatever the method: the server did not process
///   the request.
/// * A connection that failed before the request was sent is retried with
///   backoff, whatever the method.
/// * An idempotent request is also retried with backoff after a 502, 503
///   or 504, a broken connection or a timeout.
/// * Anything else (a POST that may have been processed, a 500, a 4xx) is
///   returned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StandardClassifier;

impl RetryClassifier for StandardClassifier {
    fn classify(&self, attempt: &FailedAttempt) -> RetryDecision {
        match attempt.outcome {
            AttemptOutcome::Status(429) => RetryDecision::RetryAfterThrottle,
            AttemptOutcome::Transport(TransportErrorKind::Connect) => {
                RetryDecision::RetryWithBackoff
            }
            AttemptOutcome::Status(502..=504)
            | AttemptOutcome::Transport(
                TransportErrorKind::Connection | TransportErrorKind::Timeout,
            ) if attempt.idempotent => RetryDecision::RetryWithBackoff,
            AttemptOutcome::Status(_) | AttemptOutcome::Transport(_) => RetryDecision::DoNotRetry,
        }
    }
}

/// The classifier a policy holds: the standard one, or one of the
/// caller's, shared by every clone of the policy and equal only to itself.
#[derive(Clone, Default)]
pub(crate) struct SharedClassifier(Option<Arc<dyn RetryClassifier>>);

impl SharedClassifier {
    pub(crate) fn new(classifier: impl RetryClassifier) -> Self {
        Self(Some(Arc::new(classifier)))
    }

    fn classify(&self, attempt: &FailedAttempt) -> RetryDecision {
        match &self.0 {
            Some(custom) => custom.classify(attempt),
            None => StandardClassifier.classify(attempt),
        }
    }
}

impl PartialEq for SharedClassifier {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(one), Some(other)) => Arc::ptr_eq(one, other),
            _ => false,
        }
    }
}

impl fmt::Debug for SharedClassifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(custom) => custom.fmt(f),
            None => StandardClassifier.fmt(f),
        }
    }
}

/// What the retry loop does next: the classifier's decision, with what
/// the quota needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Return the error.
    Fail,
    /// The server throttled: wait its `Retry-After`, no quota spent.
    Throttled,
    /// Back off and retry, paying the quota (`after_timeout` pays more).
    Backoff { after_timeout: bool },
}

/// Asks `classifier` about a failed attempt.
pub(crate) fn classify(classifier: &SharedClassifier, attempt: &FailedAttempt) -> Decision {
    match classifier.classify(attempt) {
        RetryDecision::DoNotRetry => Decision::Fail,
        RetryDecision::RetryAfterThrottle => Decision::Throttled,
        RetryDecision::RetryWithBackoff => Decision::Backoff {
            after_timeout: attempt.outcome
                == AttemptOutcome::Transport(TransportErrorKind::Timeout),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use assured_models::catalog::{Endpoint as _, GetLoggedInUser, PasswordReset};

    fn decide(endpoint: &'static EndpointDescriptor, outcome: AttemptOutcome) -> Decision {
        let attempt = FailedAttempt {
            endpoint,
            idempotent: endpoint.idempotent,
            outcome,
            attempt: 1,
        };
        classify(&SharedClassifier::default(), &attempt)
    }

    #[test]
    fn post_retries_only_when_provably_unprocessed() {
        let post = |outcome| decide(PasswordReset::DESCRIPTOR, outcome);
        assert_eq!(post(AttemptOutcome::Status(429)), Decision::Throttled);
        assert_eq!(
            post(AttemptOutcome::Transport(TransportErrorKind::Connect)),
            Decision::Backoff {
                after_timeout: false
            }
        );
        assert_eq!(post(AttemptOutcome::Status(503)), Decision::Fail);
        assert_eq!(post(AttemptOutcome::Status(500)), Decision::Fail);
        assert_eq!(
            post(AttemptOutcome::Transport(TransportErrorKind::Connection)),
            Decision::Fail
        );
        assert_eq!(
            post(AttemptOutcome::Transport(TransportErrorKind::Timeout)),
            Decision::Fail
        );
        let get = |outcome| decide(GetLoggedInUser::DESCRIPTOR, outcome);
        assert_eq!(
            get(AttemptOutcome::Status(503)),
            Decision::Backoff {
                after_timeout: false
            }
        );
        assert_eq!(
            get(AttemptOutcome::Transport(TransportErrorKind::Timeout)),
            Decision::Backoff {
                after_timeout: true
            }
        );
        assert_eq!(get(AttemptOutcome::Status(500)), Decision::Fail);
        assert_eq!(get(AttemptOutcome::Status(404)), Decision::Fail);
    }

    #[test]
    fn default_policies_are_equal_and_a_custom_classifier_is_only_equal_to_itself() {
        #[derive(Debug)]
        struct Never;
        impl RetryClassifier for Never {
            fn classify(&self, _: &FailedAttempt) -> RetryDecision {
                RetryDecision::DoNotRetry
            }
        }
        assert_eq!(SharedClassifier::default(), SharedClassifier::default());
        let never = SharedClassifier::new(Never);
        assert_eq!(never, never.clone());
        assert_ne!(never, SharedClassifier::default());
        assert_ne!(never, SharedClassifier::new(Never));
    }
}
