//! [`RetryQuota`]: the client-wide token bucket of retries, in the manner of
//! the AWS SDKs' standard retry mode.

use std::sync::Mutex;

/// The client-wide retry quota.
///
/// Every retry after a server error or a transport failure takes
/// [`retry_cost`](RetryQuota::retry_cost) tokens
/// ([`timeout_cost`](RetryQuota::timeout_cost) after a timeout); a request
/// that succeeds after retrying gives them back, and a request that
/// succeeds at once adds one (up to the capacity). When the quota cannot
/// pay for a retry, the failure is returned at once.
///
/// So an error rate that retries overcome costs nothing in the long run,
/// while a server that keeps failing stops being retried after
/// `capacity / retry_cost` failed retries (100 by default).
///
/// ```
/// use assured_core::{RetryPolicy, RetryQuota};
///
/// let small = RetryQuota::default().capacity(15); // 3 failed retries
/// let policy = RetryPolicy::default().quota(small);
/// assert_eq!(policy.quota_settings().capacity_value(), 15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryQuota {
    capacity: u32,
    retry_cost: u32,
    timeout_cost: u32,
}

impl Default for RetryQuota {
    /// 500 tokens, 5 per retry, 10 per retry after a timeout.
    fn default() -> Self {
        Self {
            capacity: 500,
            retry_cost: 5,
            timeout_cost: 10,
        }
    }
}

impl RetryQuota {
    /// Tokens when full.
    #[must_use]
    pub fn capacity(mut self, tokens: u32) -> Self {
        self.capacity = tokens;
        self
    }

    /// Tokens a retry takes (at least 1).
    #[must_use]
    pub fn retry_cost(mut self, tokens: u32) -> Self {
        self.retry_cost = tokens.max(1);
        self
    }

    /// Tokens a retry after a timeout takes (at least 1).
    #[must_use]
    pub fn timeout_cost(mut self, tokens: u32) -> Self {
        self.timeout_cost = tokens.max(1);
        self
    }

    /// Tokens when full.
    pub fn capacity_value(&self) -> u32 {
        self.capacity
    }
}

/// The live quota of one client.
#[derive(Debug)]
pub(crate) struct QuotaBucket {
    tokens: Mutex<u32>,
    settings: RetryQuota,
}

impl QuotaBucket {
    pub(crate) fn new(settings: RetryQuota) -> Self {
        Self {
            tokens: Mutex::new(settings.capacity),
            settings,
        }
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, u32> {
        self.tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Takes the cost of one retry; `None` when the quota cannot pay.
    pub(crate) fn try_acquire(&self, after_timeout: bool) -> Option<u32> {
        let cost = if after_timeout {
            self.settings.timeout_cost
        } else {
            self.settings.retry_cost
        };
        let mut tokens = self.tokens();
        (*tokens >= cost).then(|| {
            *tokens -= cost;
            cost
        })
    }

    /// A request succeeded, having spent `spent` tokens on its retries.
    pub(crate) fn on_success(&self, spent: u32) {
        let refund = if spent == 0 { 1 } else { spent };
        let mut tokens = self.tokens();
        *tokens = tokens.saturating_add(refund).min(self.settings.capacity);
    }

    #[cfg(test)]
    fn available(&self) -> u32 {
        *self.tokens()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_server_empties_it_and_successes_refill_it() {
        let bucket = QuotaBucket::new(RetryQuota::default().capacity(15));
        assert_eq!(bucket.try_acquire(false), Some(5));
        assert_eq!(bucket.try_acquire(false), Some(5));
        assert_eq!(bucket.try_acquire(true), None, "a timeout costs 10");
        assert_eq!(bucket.try_acquire(false), Some(5));
        assert_eq!(bucket.try_acquire(false), None);
        bucket.on_success(0);
        assert_eq!(bucket.available(), 1);
        bucket.on_success(5);
        assert_eq!(bucket.available(), 6);
    }

    #[test]
    fn retries_that_succeed_cost_nothing() {
        let bucket = QuotaBucket::new(RetryQuota::default());
        for _ in 0..10_000 {
            let spent = bucket.try_acquire(false).unwrap();
            bucket.on_success(spent);
        }
        assert_eq!(bucket.available(), 500);
    }
}
