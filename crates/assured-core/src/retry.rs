//! When and how long to retry.
//!
//! * Idempotent requests (GET, PUT, DELETE and the catalog's idempotent
//!   `PATCH`es) retry on 429, 502, 503, 504 and transport failures.
//! * Other requests (POST) retry only when the server provably did not
//!   process them: a 429, or a connection that failed before the request was
//!   sent.
//! * Waits are exponential with full jitter; a `Retry-After` (seconds or an
//!   HTTP date) is honoured by waiting the larger of it and the backoff, capped.
//! * Attempts, total time and a client-wide retry budget are bounded, so a
//!   failing server is not hammered.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use crate::error::TransportErrorKind;

/// Retry settings.
///
/// ```
/// use std::time::Duration;
/// use assured_core::RetryPolicy;
///
/// let patient = RetryPolicy::default()
///     .max_attempts(6)
///     .initial_backoff(Duration::from_millis(200));
/// assert_eq!(patient.attempts(), 6);
/// let never = RetryPolicy::none();
/// assert_eq!(never.attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    max_total: Duration,
    budget_capacity: f64,
    budget_refill_per_success: f64,
}

impl Default for RetryPolicy {
    /// 4 attempts, backoff from 500 ms up to 8 s, `Retry-After` honoured up
    /// to 60 s, at most 2 minutes in all, a budget of 20 retries refilled by
    /// one for every 10 successes.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            max_total: Duration::from_secs(120),
            budget_capacity: 20.0,
            budget_refill_per_success: 0.1,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self::default().max_attempts(1)
    }

    /// Attempts per request, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Upper bound of the first backoff.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Upper bound of any backoff.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// Longest `Retry-After` honoured; a longer one ends the retries.
    pub fn max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// Longest time spent on one request, retries included.
    pub fn max_total(mut self, total: Duration) -> Self {
        self.max_total = total;
        self
    }

    /// Retries the whole client may spend before successes refill the budget.
    pub fn budget(mut self, retries: u32, refill_per_success: f64) -> Self {
        self.budget_capacity = f64::from(retries);
        self.budget_refill_per_success = refill_per_success.max(0.0);
        self
    }

    /// Attempts per request.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before retry number `retry` (0 for the first retry): full
    /// jitter over an exponentially growing bound, and never less than the
    /// server's `Retry-After`. `None` when the server asks for more than
    /// [`RetryPolicy::max_retry_after`].
    pub(crate) fn wait(&self, retry: u32, retry_after: Option<Duration>) -> Option<Duration> {
        let bound = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry))
            .min(self.max_backoff);
        let jittered = bound.mul_f64(fastrand::f64());
        match retry_after {
            Some(asked) if asked > self.max_retry_after => None,
            Some(asked) => Some(asked.max(jittered)),
            None => Some(jittered),
        }
    }

    pub(crate) fn max_total_time(&self) -> Duration {
        self.max_total
    }

    /// Every duration setting, named, for the configuration's range checks.
    pub(crate) fn duration_settings(&self) -> [(&'static str, Duration); 4] {
        [
            ("initial_backoff", self.initial_backoff),
            ("max_backoff", self.max_backoff),
            ("max_retry_after", self.max_retry_after),
            ("max_total", self.max_total),
        ]
    }
}

/// What an attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
    Status(u16),
    Transport(TransportErrorKind),
}

/// Whether the outcome may be retried for a request of this kind.
pub(crate) fn is_retryable(outcome: Outcome, idempotent: bool) -> bool {
    match outcome {
        Outcome::Status(429) | Outcome::Transport(TransportErrorKind::Connect) => true,
        Outcome::Status(502..=504)
        | Outcome::Transport(TransportErrorKind::Timeout | TransportErrorKind::Connection) => {
            idempotent
        }
        Outcome::Status(_) | Outcome::Transport(_) => false,
    }
}

/// Parses `Retry-After`: delta-seconds or an HTTP date.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A client-wide token bucket of retries: each retry takes one token, each
/// success puts a fraction back. When it is empty, failures are returned at
/// once instead of retried.
#[derive(Debug)]
pub(crate) struct RetryBudget {
    tokens: Mutex<f64>,
    capacity: f64,
    refill: f64,
}

impl RetryBudget {
    pub(crate) fn new(policy: &RetryPolicy) -> Self {
        Self {
            tokens: Mutex::new(policy.budget_capacity),
            capacity: policy.budget_capacity,
            refill: policy.budget_refill_per_success,
        }
    }

    /// Takes a token for a retry; false when the budget is exhausted.
    pub(crate) fn try_spend(&self) -> bool {
        let mut tokens = self
            .tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }

    pub(crate) fn record_success(&self) {
        let mut tokens = self
            .tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *tokens = (*tokens + self.refill).min(self.capacity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_retries_only_when_provably_unprocessed() {
        assert!(is_retryable(Outcome::Status(429), false));
        assert!(is_retryable(
            Outcome::Transport(TransportErrorKind::Connect),
            false
        ));
        assert!(!is_retryable(Outcome::Status(503), false));
        assert!(!is_retryable(Outcome::Status(500), false));
        assert!(!is_retryable(
            Outcome::Transport(TransportErrorKind::Timeout),
            false
        ));
        assert!(is_retryable(Outcome::Status(503), true));
        assert!(is_retryable(
            Outcome::Transport(TransportErrorKind::Timeout),
            true
        ));
        assert!(!is_retryable(Outcome::Status(500), true));
        assert!(!is_retryable(Outcome::Status(404), true));
    }

    #[test]
    fn retry_after_accepts_seconds_and_http_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn waits_are_bounded_and_respect_retry_after() {
        let policy = RetryPolicy::default();
        for retry in 0..20 {
            let wait = policy.wait(retry, None).unwrap();
            assert!(wait <= Duration::from_secs(8));
        }
        let asked = Duration::from_secs(3);
        assert!(policy.wait(0, Some(asked)).unwrap() >= asked);
        assert_eq!(policy.wait(0, Some(Duration::from_secs(3600))), None);
    }

    #[test]
    fn budget_empties_and_refills() {
        let budget = RetryBudget::new(&RetryPolicy::default().budget(2, 0.5));
        assert!(budget.try_spend());
        assert!(budget.try_spend());
        assert!(!budget.try_spend());
        budget.record_success();
        budget.record_success();
        assert!(budget.try_spend());
    }
}
