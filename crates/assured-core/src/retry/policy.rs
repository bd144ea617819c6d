//! [`RetryPolicy`]: how many attempts, how long to wait, how long in all.

use std::time::Duration;

use super::classify::{RetryClassifier, SharedClassifier};
use super::quota::RetryQuota;

/// Retry settings.
///
/// ```
/// use std::time::Duration;
/// use assured_core::RetryPolicy;
///
/// let patient = RetryPolicy::default()
///     .max_attempts(12)
///     .initial_backoff(Duration::from_millis(200));
/// assert_eq!(patient.attempts(), 12);
/// let never = RetryPolicy::none();
/// assert_eq!(never.attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct RetryPolicy {
    max_attempts: u32,
    max_throttle_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    max_total: Duration,
    quota: RetryQuota,
    classifier: SharedClassifier,
}

impl Default for RetryPolicy {
    /// 10 attempts for server errors and transport failures, backoff from
    /// 100 ms up to 4 s; 20 retries after throttles, each waiting its
    /// `Retry-After` (up to 60 s); at most 2 minutes in all; the AWS-standard
    /// retry quota (see [`RetryQuota`]).
    ///
    /// Many attempts are affordable because the quota, not the attempt
    /// count, is what stops a retry storm: against a dead server the client
    /// as a whole stops retrying after about 100 failed retries.
    fn default() -> Self {
        Self {
            max_attempts: 10,
            max_throttle_retries: 20,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(60),
            max_total: Duration::from_secs(120),
            quota: RetryQuota::default(),
            classifier: SharedClassifier::default(),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self::default().max_attempts(1).max_throttle_retries(0)
    }

    /// Attempts per request for server errors and transport failures, the
    /// first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Retries per request after throttles (429), which wait their
    /// `Retry-After` and cost no quota.
    pub fn max_throttle_retries(mut self, retries: u32) -> Self {
        self.max_throttle_retries = retries;
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

    /// Longest time spent on one request, retries included: a retry whose
    /// wait would end past it is not made.
    pub fn max_total(mut self, total: Duration) -> Self {
        self.max_total = total;
        self
    }

    /// The client-wide retry quota (shared by every request of the client).
    pub fn quota(mut self, quota: RetryQuota) -> Self {
        self.quota = quota;
        self
    }

    /// Which failed attempts are retried, and how (default:
    /// [`StandardClassifier`](super::StandardClassifier)). The waits, the
    /// attempt counts and the quota still apply to whatever it allows.
    pub fn classifier(mut self, classifier: impl RetryClassifier) -> Self {
        self.classifier = SharedClassifier::new(classifier);
        self
    }

    /// Attempts per request for server errors and transport failures.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Retries per request after throttles.
    pub fn throttle_retries(&self) -> u32 {
        self.max_throttle_retries
    }

    /// The quota settings.
    pub fn quota_settings(&self) -> &RetryQuota {
        &self.quota
    }

    /// The wait before backoff retry number `retry` (0 for the first):
    /// full jitter over an exponentially growing bound.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let bound = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry))
            .min(self.max_backoff);
        bound.mul_f64(fastrand::f64())
    }

    /// The wait a throttle asks for, if it is within
    /// [`max_retry_after`](RetryPolicy::max_retry_after); a throttle without
    /// `Retry-After` waits the backoff.
    pub(crate) fn throttle_wait(&self, retry: u32, asked: Option<Duration>) -> Option<Duration> {
        match asked {
            Some(asked) if asked > self.max_retry_after => None,
            Some(asked) => Some(asked),
            None => Some(self.backoff(retry)),
        }
    }

    pub(crate) fn shared_classifier(&self) -> &SharedClassifier {
        &self.classifier
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_bounded_even_far_out() {
        let policy = RetryPolicy::default();
        for retry in [0, 1, 5, 20, 63, u32::MAX] {
            assert!(policy.backoff(retry) <= Duration::from_secs(4));
        }
    }

    #[test]
    fn throttles_wait_what_they_ask_within_the_cap() {
        let policy = RetryPolicy::default();
        let asked = Duration::from_secs(3);
        assert_eq!(policy.throttle_wait(0, Some(asked)), Some(asked));
        assert_eq!(
            policy.throttle_wait(0, Some(Duration::from_secs(3600))),
            None
        );
        assert!(policy.throttle_wait(0, None).unwrap() <= Duration::from_millis(100));
        let huge = RetryPolicy::default().max_retry_after(Duration::MAX);
        assert_eq!(
            huge.throttle_wait(0, Some(Duration::MAX)),
            Some(Duration::MAX)
        );
    }
}
