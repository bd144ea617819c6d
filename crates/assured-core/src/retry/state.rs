//! [`RetryState`]: the bookkeeping of one request's retries, deciding the
//! wait before the next attempt (or that there is none).

use std::time::Duration;

use tokio::time::Instant;

use super::classify::Decision;
use super::policy::RetryPolicy;
use super::quota::QuotaBucket;

/// Why a failure is returned instead of retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GiveUp {
    /// The outcome is not retryable for this request.
    NotRetryable,
    /// The attempts (or throttle retries) allowed are used up.
    Attempts,
    /// The server asked to wait longer than the policy allows.
    RetryAfterTooLong,
    /// The wait would end past the request's total time.
    TotalTime,
    /// The client-wide quota cannot pay for another retry.
    Quota,
}

/// One request's retries so far.
#[derive(Debug)]
pub(crate) struct RetryState<'a> {
    policy: &'a RetryPolicy,
    quota: &'a QuotaBucket,
    deadline: Option<Instant>,
    attempts: u32,
    throttle_retries: u32,
    spent: u32,
}

impl<'a> RetryState<'a> {
    pub(crate) fn new(policy: &'a RetryPolicy, quota: &'a QuotaBucket) -> Self {
        Self {
            policy,
            quota,
            deadline: Instant::now().checked_add(policy.max_total_time()),
            attempts: 1,
            throttle_retries: 0,
            spent: 0,
        }
    }

    /// The wait before retrying after a failure classified as `decision`
    /// (with the server's `Retry-After`, if any), or why not to retry.
    pub(crate) fn next_wait(
        &mut self,
        decision: Decision,
        retry_after: Option<Duration>,
    ) -> Result<Duration, GiveUp> {
        let wait = match decision {
            Decision::Fail => return Err(GiveUp::NotRetryable),
            Decision::Throttled => {
                if self.throttle_retries >= self.policy.throttle_retries() {
                    return Err(GiveUp::Attempts);
                }
                let wait = self
                    .policy
                    .throttle_wait(self.throttle_retries, retry_after)
                    .ok_or(GiveUp::RetryAfterTooLong)?;
                self.within_deadline(wait)?;
                self.throttle_retries += 1;
                wait
            }
            Decision::Backoff { after_timeout } => {
                if self.attempts >= self.policy.attempts() {
                    return Err(GiveUp::Attempts);
                }
                let wait = self.policy.backoff(self.attempts - 1);
                self.within_deadline(wait)?;
                let cost = self.quota.try_acquire(after_timeout).ok_or(GiveUp::Quota)?;
                self.spent += cost;
                self.attempts += 1;
                wait
            }
        };
        Ok(wait)
    }

    fn within_deadline(&self, wait: Duration) -> Result<(), GiveUp> {
        match (self.deadline, Instant::now().checked_add(wait)) {
            (None, _) => Ok(()),
            (Some(deadline), Some(end)) if end <= deadline => Ok(()),
            _ => Err(GiveUp::TotalTime),
        }
    }

    /// The request succeeded: the quota gets its due.
    pub(crate) fn succeeded(&self) {
        self.quota.on_success(self.spent);
    }

    /// Attempts made so far (throttled ones included).
    pub(crate) fn attempt_number(&self) -> u32 {
        self.attempts + self.throttle_retries
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retry::RetryQuota;

    #[tokio::test(start_paused = true)]
    async fn throttles_do_not_spend_the_quota() {
        let policy = RetryPolicy::default().max_attempts(2);
        let quota = QuotaBucket::new(RetryQuota::default().capacity(5));
        let mut state = RetryState::new(&policy, &quota);
        for _ in 0..20 {
            assert_eq!(
                state.next_wait(Decision::Throttled, Some(Duration::from_secs(1))),
                Ok(Duration::from_secs(1))
            );
        }
        assert_eq!(
            state.next_wait(Decision::Throttled, Some(Duration::from_secs(1))),
            Err(GiveUp::Attempts)
        );
        let backoff = Decision::Backoff {
            after_timeout: false,
        };
        assert!(state.next_wait(backoff, None).is_ok(), "the quota is whole");
        assert_eq!(state.next_wait(backoff, None), Err(GiveUp::Attempts));
    }

    #[tokio::test(start_paused = true)]
    async fn huge_waits_end_the_retries_without_overflow() {
        let policy = RetryPolicy::default()
            .max_retry_after(Duration::MAX)
            .max_total(Duration::MAX);
        let quota = QuotaBucket::new(RetryQuota::default());
        let mut state = RetryState::new(&policy, &quota);
        // No deadline can be represented: every wait is within it.
        assert_eq!(
            state.next_wait(Decision::Throttled, Some(Duration::MAX)),
            Ok(Duration::MAX)
        );
        let bounded = RetryPolicy::default().max_retry_after(Duration::MAX);
        let mut state = RetryState::new(&bounded, &quota);
        assert_eq!(
            state.next_wait(Decision::Throttled, Some(Duration::MAX)),
            Err(GiveUp::TotalTime)
        );
    }
}
