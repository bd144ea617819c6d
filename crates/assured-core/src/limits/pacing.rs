//! [`Pacer`]: spaces requests at a rate that can change at run time.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Hands out send slots `1 / rate` apart (no burst); without a rate every
/// slot is now. Slots are reserved under a short lock and waited for
/// outside it, so waiting callers do not block one another.
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    interval: Option<Duration>,
    next_slot: Option<Instant>,
}

impl Pacer {
    pub(crate) fn new(rate: Option<f64>) -> Self {
        let pacer = Self::default();
        pacer.set_rate(rate);
        pacer
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Sets the rate in requests per second (`None`: unlimited). A rate
    /// too small to represent is treated as one request per day.
    pub(crate) fn set_rate(&self, rate: Option<f64>) {
        let interval = rate.map(|rate| {
            Duration::try_from_secs_f64(1.0 / rate).map_or(DAY, |interval| interval.min(DAY))
        });
        let mut state = self.state();
        state.interval = interval;
        if interval.is_none() {
            state.next_slot = None;
        }
    }

    /// Reserves the next slot: when to send (`None`: now, unpaced).
    pub(crate) fn reserve(&self) -> Option<Instant> {
        let mut state = self.state();
        let interval = state.interval?;
        let now = Instant::now();
        let slot = state.next_slot.map_or(now, |next| next.max(now));
        state.next_slot = slot.checked_add(interval);
        Some(slot)
    }

    /// Waits for the next slot.
    #[cfg(test)]
    pub(crate) async fn wait(&self) {
        if let Some(slot) = self.reserve() {
            tokio::time::sleep_until(slot).await;
        }
    }
}

const DAY: Duration = Duration::from_secs(86_400);

#[cfg(test)]
mod tests {
    use super::*;

    /// With the clock paused, tokio advances virtual time only as far as the
    /// sleeps require: the elapsed virtual time is exact, not a wall-clock race.
    #[tokio::test(start_paused = true)]
    async fn requests_are_spaced_by_the_rate() {
        let pacer = Pacer::new(Some(10.0));
        let start = Instant::now();
        for _ in 0..5 {
            pacer.wait().await;
        }
        // Slots at 0, 100, 200, 300 and 400 ms.
        assert_eq!(start.elapsed(), Duration::from_millis(400));
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_rate_nothing_waits_and_the_rate_can_change() {
        let pacer = Pacer::new(None);
        let start = Instant::now();
        for _ in 0..50 {
            pacer.wait().await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
        pacer.set_rate(Some(2.0));
        pacer.wait().await;
        pacer.wait().await;
        assert_eq!(start.elapsed(), Duration::from_millis(500));
    }

    #[tokio::test(start_paused = true)]
    async fn absurd_rates_do_not_panic() {
        let pacer = Pacer::new(Some(1e-300));
        pacer.set_rate(Some(f64::MIN_POSITIVE));
        pacer.set_rate(Some(1e300));
        pacer.wait().await;
    }
}
