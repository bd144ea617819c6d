//! Client-wide limits: requests in flight, and an optional request rate.

use std::time::Duration;

use tokio::sync::{Mutex, Semaphore, SemaphorePermit};
use tokio::time::Instant;

/// Caps concurrent requests and, optionally, the request rate.
#[derive(Debug)]
pub(crate) struct Limits {
    in_flight: Semaphore,
    rate: Option<RateLimiter>,
}

impl Limits {
    pub(crate) fn new(max_in_flight: usize, requests_per_second: Option<f64>) -> Self {
        Self {
            in_flight: Semaphore::new(max_in_flight),
            rate: requests_per_second.map(|rate| RateLimiter {
                interval: Duration::from_secs_f64(1.0 / rate),
                next_slot: Mutex::new(None),
            }),
        }
    }

    /// Waits for a rate slot and an in-flight permit; the permit is released
    /// when dropped.
    pub(crate) async fn acquire(&self) -> Option<SemaphorePermit<'_>> {
        if let Some(rate) = &self.rate {
            rate.wait_for_slot().await;
        }
        // The semaphore is never closed, so this only fails if it were.
        self.in_flight.acquire().await.ok()
    }
}

/// Spaces requests `interval` apart (a leaky bucket without burst).
#[derive(Debug)]
struct RateLimiter {
    interval: Duration,
    next_slot: Mutex<Option<Instant>>,
}

impl RateLimiter {
    async fn wait_for_slot(&self) {
        let slot = {
            let mut next = self.next_slot.lock().await;
            let now = Instant::now();
            let slot = next.map_or(now, |next| next.max(now));
            *next = Some(slot + self.interval);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With the clock paused, tokio advances virtual time only as far as the
    /// sleeps require: the elapsed virtual time is exact, not a wall-clock race.
    #[tokio::test(start_paused = true)]
    async fn requests_are_spaced_by_the_rate() {
        let limits = Limits::new(8, Some(10.0));
        let start = Instant::now();
        for _ in 0..5 {
            drop(limits.acquire().await);
        }
        // Slots at 0, 100, 200, 300 and 400 ms.
        assert_eq!(start.elapsed(), Duration::from_millis(400));
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_rate_nothing_waits() {
        let limits = Limits::new(8, None);
        let start = Instant::now();
        for _ in 0..50 {
            drop(limits.acquire().await);
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test]
    async fn permits_cap_concurrency() {
        let limits = Limits::new(2, None);
        let a = limits.acquire().await;
        let b = limits.acquire().await;
        assert!(a.is_some() && b.is_some());
        assert_eq!(limits.in_flight.available_permits(), 0);
        drop(a);
        assert_eq!(limits.in_flight.available_permits(), 1);
    }
}
