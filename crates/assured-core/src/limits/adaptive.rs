//! [`AdaptiveRate`]: a client-side rate that follows a server's rate limit.
//!
//! A server that limits requests per second answers the excess with 429.
//! Honouring each `Retry-After` alone keeps hitting the limit (every slot
//! comes back at once when its wait ends), so on a throttle the client
//! measures the rate its requests actually succeeded at over the last
//! second and paces itself just below it, then creeps up again while no
//! throttle comes (additive increase, multiplicative decrease).
//!
//! A throttle is not always a rate limit: a server (or a test mock) may
//! refuse a share of requests whatever their rate. So the first reductions
//! are probes: pacing starts only once a rate is found at which requests
//! are (almost) never throttled. If a lower rate leaves the throttled share
//! about where it was, the throttles do not follow the rate, and pacing is
//! suspended for a while instead of slowing everything down for nothing.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// The measurement window.
const WINDOW: Duration = Duration::from_secs(1);
/// How long a probe lasts, at least.
const PROBE: Duration = Duration::from_secs(1);
/// Requests a probe needs before it can decide.
const PROBE_REQUESTS: u32 = 10;
/// Probes before giving up on finding a rate.
const PROBE_ROUNDS: u8 = 4;
/// A throttled share at or below this means the probed rate is right.
const CLEAR_SHARE: f64 = 0.02;
/// A lower rate must cut the throttled share at least this much for the
/// throttles to count as following the rate.
const SHARE_CUT: f64 = 0.67;
/// The share of the measured rate paced at after a throttle.
const DECREASE: f64 = 0.9;
/// Growth per second without throttles, once a throttle has been met at a
/// paced rate (before that the rate doubles every second: the probe's
/// first measure is often far below the limit, since a bucket's burst is
/// spent by then).
const INCREASE_PER_SECOND: f64 = 0.1;
/// How long pacing stays off after a probe showed throttles do not follow
/// the rate.
const SUSPEND: Duration = Duration::from_secs(30);
/// How long without a throttle before pacing ends.
const RELEASE: Duration = Duration::from_secs(60);
/// The lowest paced rate, per second.
const MIN_RATE: f64 = 1.0;

/// The adaptive rate of one client.
#[derive(Debug, Default)]
pub(crate) struct AdaptiveRate {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Recent outcomes: when the request was sent, whether it was throttled.
    recent: VecDeque<(Instant, bool)>,
    mode: Mode,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Mode {
    /// No pacing.
    #[default]
    Open,
    /// Pacing at `rate` to see whether throttles follow it.
    Probing {
        rate: f64,
        since: Instant,
        /// Throttled share at the previous probe's rate.
        previous: Option<f64>,
        round: u8,
        requests: u32,
        throttles: u32,
    },
    /// A rate limit: pacing at `rate`.
    Limiting {
        rate: f64,
        since: Instant,
        updated: Instant,
        last_throttle: Instant,
        /// No throttle met yet at a paced rate: grow fast.
        slow_start: bool,
    },
    /// Throttles did not follow the rate: no pacing until `until`.
    Suspended { until: Instant },
}

impl AdaptiveRate {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records the reply to a request sent at `sent`; returns the pacing
    /// rate from now on (`None`: unpaced).
    pub(crate) fn record(&self, sent: Instant, was_throttled: bool, now: Instant) -> Option<f64> {
        let mut state = self.state();
        state.recent.push_back((sent, was_throttled));
        while state
            .recent
            .front()
            .is_some_and(|(at, _)| now.saturating_duration_since(*at) > WINDOW)
        {
            state.recent.pop_front();
        }
        let mode = next_mode(state.mode, &state.recent, sent, was_throttled, now);
        state.mode = mode;
        rate_of(mode)
    }

    /// The pacing rate now.
    #[cfg(test)]
    fn rate(&self) -> Option<f64> {
        rate_of(self.state().mode)
    }
}

fn rate_of(mode: Mode) -> Option<f64> {
    match mode {
        Mode::Probing { rate, .. } | Mode::Limiting { rate, .. } => Some(rate),
        Mode::Open | Mode::Suspended { .. } => None,
    }
}

/// Successes per second over the window, or over the part of it that has
/// history (a listing's first second must not read as a slow one).
fn measure(recent: &VecDeque<(Instant, bool)>, now: Instant) -> f64 {
    let successes = recent.iter().filter(|(_, throttled)| !*throttled).count();
    let span = recent
        .front()
        .map_or(WINDOW, |(first, _)| now.saturating_duration_since(*first))
        .clamp(MIN_SPAN, WINDOW);
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let rate = successes as f64 / span.as_secs_f64();
    rate
}

/// The shortest history a rate is measured over.
const MIN_SPAN: Duration = Duration::from_millis(100);

fn next_mode(
    mode: Mode,
    recent: &VecDeque<(Instant, bool)>,
    sent: Instant,
    is_throttle: bool,
    now: Instant,
) -> Mode {
    match mode {
        Mode::Open if is_throttle => {
            let rate = measure(recent, now);
            Mode::Probing {
                rate: (rate * DECREASE).max(MIN_RATE),
                since: now,
                previous: None,
                round: 1,
                requests: 0,
                throttles: 0,
            }
        }
        Mode::Suspended { until } if now >= until => Mode::Open,
        Mode::Probing {
            rate,
            since,
            previous,
            round,
            requests,
            throttles,
        } => {
            // Only requests sent at the probe's rate tell anything.
            if sent < since {
                return mode;
            }
            let requests = requests + 1;
            let throttles = throttles + u32::from(is_throttle);
            if now.saturating_duration_since(since) < PROBE || requests < PROBE_REQUESTS {
                return Mode::Probing {
                    rate,
                    since,
                    previous,
                    round,
                    requests,
                    throttles,
                };
            }
            let share = f64::from(throttles) / f64::from(requests);
            if share <= CLEAR_SHARE {
                return Mode::Limiting {
                    rate,
                    since,
                    updated: now,
                    last_throttle: since,
                    slow_start: true,
                };
            }
            let not_following = previous.is_some_and(|previous| share > previous * SHARE_CUT);
            if not_following || round >= PROBE_ROUNDS {
                return Mode::Suspended {
                    until: now + SUSPEND,
                };
            }
            let measured = measure(recent, now);
            Mode::Probing {
                rate: (rate.min(measured) * DECREASE).max(MIN_RATE),
                since: now,
                previous: Some(share),
                round: round + 1,
                requests: 0,
                throttles: 0,
            }
        }
        Mode::Limiting {
            rate,
            since,
            updated,
            last_throttle,
            slow_start,
        } => {
            if is_throttle && sent >= last_throttle {
                let measured = measure(recent, now);
                let rate = (rate.min(measured) * DECREASE).max(MIN_RATE);
                return Mode::Limiting {
                    rate,
                    since,
                    updated: now,
                    last_throttle: now,
                    slow_start: false,
                };
            }
            if now.saturating_duration_since(last_throttle) > RELEASE {
                return Mode::Open;
            }
            let elapsed = now.saturating_duration_since(updated).as_secs_f64();
            let growth = if slow_start {
                2f64.powf(elapsed)
            } else {
                1.0 + INCREASE_PER_SECOND * elapsed
            };
            Mode::Limiting {
                rate: rate * growth,
                since,
                updated: now,
                last_throttle,
                slow_start,
            }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives the detector for `seconds` with a client that sends 200
    /// requests/s unless paced; `throttle(now)` says whether the server
    /// throttles a request sent at `now`. Returns (requests, throttles) of
    /// the last `tail` seconds.
    fn drive(
        adaptive: &AdaptiveRate,
        seconds: u64,
        tail: u64,
        mut throttle: impl FnMut(Instant, u64) -> bool,
    ) -> (u64, u64) {
        let start = Instant::now();
        let mut now = start;
        let mut rate = None;
        let (mut i, mut requests, mut throttles) = (0, 0, 0);
        let end = start + Duration::from_secs(seconds);
        let counted_from = end - Duration::from_secs(tail);
        while now < end {
            let pace: f64 = rate.unwrap_or(200.0_f64).min(200.0);
            now += Duration::from_secs_f64(1.0 / pace);
            let refused = throttle(now, i);
            if now >= counted_from {
                requests += 1;
                throttles += u64::from(refused);
            }
            rate = adaptive.record(now, refused, now);
            i += 1;
        }
        (requests, throttles)
    }

    /// A server's token bucket: `per_second` refill, `burst` capacity.
    fn bucket(per_second: f64, burst: f64) -> impl FnMut(Instant, u64) -> bool {
        let mut tokens = burst;
        let mut last: Option<Instant> = None;
        move |now, _| {
            if let Some(last) = last {
                tokens = (tokens + per_second * (now - last).as_secs_f64()).min(burst);
            }
            last = Some(now);
            if tokens >= 1.0 {
                tokens -= 1.0;
                false
            } else {
                true
            }
        }
    }

    #[test]
    fn a_true_rate_limit_is_followed_closely_with_few_throttles() {
        let adaptive = AdaptiveRate::default();
        let (requests, throttles) = drive(&adaptive, 60, 30, bucket(50.0, 10.0));
        let rate = adaptive.rate().expect("pacing");
        assert!((35.0..=60.0).contains(&rate), "paced at {rate}/s");
        // Over the last 30 s: at least 90 % of the limit, at most 5 % throttled.
        assert!(requests >= 30 * 45, "{requests} requests in 30 s");
        assert!(
            throttles * 20 <= requests,
            "{throttles} of {requests} throttled"
        );
    }

    #[test]
    fn a_rate_limit_with_a_large_burst_is_followed_too() {
        let adaptive = AdaptiveRate::default();
        let (requests, throttles) = drive(&adaptive, 60, 30, bucket(50.0, 100.0));
        assert!(adaptive.rate().is_some(), "pacing");
        assert!(requests >= 30 * 45, "{requests} requests in 30 s");
        assert!(
            throttles * 20 <= requests,
            "{throttles} of {requests} throttled"
        );
    }

    #[test]
    fn throttles_that_ignore_the_rate_suspend_pacing() {
        let adaptive = AdaptiveRate::default();
        // Every 10th request is throttled whatever the rate.
        let (requests, _) = drive(&adaptive, 10, 5, |_, i| i % 10 == 9);
        assert_eq!(adaptive.rate(), None, "no pacing for counted faults");
        assert!(
            requests >= 5 * 190,
            "full speed: {requests} requests in 5 s"
        );
    }
}
