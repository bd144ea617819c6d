//! The rate-limit mode: a token bucket in requests per second.
//!
//! The bucket starts full (`burst` tokens), refills continuously at the
//! configured rate and never holds more than `burst`; a request takes one
//! token or is refused with the time until the next token.

use std::time::{Duration, Instant};

/// A token bucket; time is passed in, so the arithmetic is testable with
/// made-up instants.
#[derive(Debug, Clone)]
pub(crate) struct TokenBucket {
    per_second: f64,
    burst: f64,
    tokens: f64,
    updated: Instant,
}

impl TokenBucket {
    /// A full bucket; `None` when the rate is not a positive finite number
    /// (no limit can be computed from it).
    pub(crate) fn new(per_second: f64, burst: u32, now: Instant) -> Option<Self> {
        if !per_second.is_finite() || per_second <= 0.0 {
            return None;
        }
        let burst = f64::from(burst.max(1));
        Some(Self {
            per_second,
            burst,
            tokens: burst,
            updated: now,
        })
    }

    /// Takes one token, or returns how long until one is available.
    pub(crate) fn take(&mut self, now: Instant) -> Result<(), Duration> {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.burst);
        self.updated = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - self.tokens) / self.per_second;
            Err(Duration::try_from_secs_f64(wait).unwrap_or(Duration::MAX))
        }
    }
}

/// `Retry-After` as production sends it: whole seconds, rounded up, at
/// least 1.
pub(crate) fn retry_after_secs(wait: Duration) -> u64 {
    let whole = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    whole.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_bucket_serves_its_burst_then_refuses_until_refilled() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(2.0, 3, start).unwrap();
        for _ in 0..3 {
            assert_eq!(bucket.take(start), Ok(()));
        }
        // Empty: the next token comes after 1 / 2 s.
        assert_eq!(bucket.take(start), Err(Duration::from_millis(500)));
        // A quarter second later, half a token has refilled.
        let later = start + Duration::from_millis(250);
        assert_eq!(bucket.take(later), Err(Duration::from_millis(250)));
        assert_eq!(bucket.take(start + Duration::from_millis(500)), Ok(()));
    }

    #[test]
    fn the_bucket_never_holds_more_than_its_burst() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(10.0, 2, start).unwrap();
        let much_later = start + Duration::from_secs(3600);
        assert_eq!(bucket.take(much_later), Ok(()));
        assert_eq!(bucket.take(much_later), Ok(()));
        assert!(bucket.take(much_later).is_err());
    }

    #[test]
    fn slow_rates_wait_whole_seconds_rounded_up() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(0.5, 1, start).unwrap();
        assert_eq!(bucket.take(start), Ok(()));
        // Half a second later a quarter token is back: 1.5 s to go.
        let wait = bucket.take(start + Duration::from_millis(500)).unwrap_err();
        assert_eq!(wait, Duration::from_millis(1500));
        assert_eq!(retry_after_secs(wait), 2);
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_secs(2)), 2);
    }

    #[test]
    fn rates_that_cannot_limit_are_refused() {
        let now = Instant::now();
        assert!(TokenBucket::new(0.0, 1, now).is_none());
        assert!(TokenBucket::new(-1.0, 1, now).is_none());
        assert!(TokenBucket::new(f64::NAN, 1, now).is_none());
        assert!(TokenBucket::new(f64::INFINITY, 1, now).is_none());
    }
}
