//! The classifier: what an attempt's outcome allows.

use crate::error::TransportErrorKind;

/// What an attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
    Status(u16),
    Transport(TransportErrorKind),
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Return the error.
    Fail,
    /// The server throttled: wait its `Retry-After`, no quota spent.
    Throttled,
    /// Back off and retry, paying the quota (`after_timeout` pays more).
    Backoff { after_timeout: bool },
}

/// Whether and how an outcome may be retried for a request of this kind.
/// A request that is not idempotent is retried only when the server
/// provably did not process it: a 429, or a connection that never reached it.
pub(crate) fn classify(outcome: Outcome, idempotent: bool) -> Decision {
    match outcome {
        Outcome::Status(429) => Decision::Throttled,
        Outcome::Transport(TransportErrorKind::Connect) => Decision::Backoff {
            after_timeout: false,
        },
        Outcome::Status(502..=504) | Outcome::Transport(TransportErrorKind::Connection)
            if idempotent =>
        {
            Decision::Backoff {
                after_timeout: false,
            }
        }
        Outcome::Transport(TransportErrorKind::Timeout) if idempotent => Decision::Backoff {
            after_timeout: true,
        },
        Outcome::Status(_) | Outcome::Transport(_) => Decision::Fail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_retries_only_when_provably_unprocessed() {
        let post = |outcome| classify(outcome, false);
        assert_eq!(post(Outcome::Status(429)), Decision::Throttled);
        assert!(matches!(
            post(Outcome::Transport(TransportErrorKind::Connect)),
            Decision::Backoff { .. }
        ));
        assert_eq!(post(Outcome::Status(503)), Decision::Fail);
        assert_eq!(post(Outcome::Status(500)), Decision::Fail);
        assert_eq!(
            post(Outcome::Transport(TransportErrorKind::Timeout)),
            Decision::Fail
        );
        let get = |outcome| classify(outcome, true);
        assert!(matches!(
            get(Outcome::Status(503)),
            Decision::Backoff { .. }
        ));
        assert_eq!(
            get(Outcome::Transport(TransportErrorKind::Timeout)),
            Decision::Backoff {
                after_timeout: true
            }
        );
        assert_eq!(get(Outcome::Status(500)), Decision::Fail);
        assert_eq!(get(Outcome::Status(404)), Decision::Fail);
    }
}
