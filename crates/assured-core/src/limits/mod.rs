//! Client-wide limits: requests in flight (a tokio semaphore), a fixed
//! request rate when configured, and the [adaptive rate](adaptive) that
//! follows a server's rate limit.

mod adaptive;
mod pacing;

use tokio::sync::{Semaphore, SemaphorePermit};
use tokio::time::Instant;

use adaptive::AdaptiveRate;
use pacing::Pacer;

/// Caps concurrent requests and paces them.
#[derive(Debug)]
pub(crate) struct Limits {
    in_flight: Semaphore,
    fixed: Pacer,
    adaptive: AdaptiveRate,
    adaptive_pacer: Pacer,
}

impl Limits {
    pub(crate) fn new(max_in_flight: usize, requests_per_second: Option<f64>) -> Self {
        Self {
            in_flight: Semaphore::new(max_in_flight),
            fixed: Pacer::new(requests_per_second),
            adaptive: AdaptiveRate::default(),
            adaptive_pacer: Pacer::new(None),
        }
    }

    /// Waits for the rate slots and an in-flight permit; the permit is
    /// released when dropped.
    pub(crate) async fn acquire(&self) -> Option<SemaphorePermit<'_>> {
        self.fixed.wait().await;
        self.adaptive_pacer.wait().await;
        // The semaphore is never closed, so this only fails if it were.
        self.in_flight.acquire().await.ok()
    }

    /// Feeds the reply to a request sent at `sent` (throttled or not) to
    /// the adaptive rate.
    pub(crate) fn record_reply(&self, sent: Instant, throttled: bool) {
        let rate = self.adaptive.record(sent, throttled, Instant::now());
        self.adaptive_pacer.set_rate(rate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
