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

/// The measurement window: short, so that a throttle met while the rate
/// was still growing is measured at about the rate it was met at (over the
/// last second, a fast-growing rate reads far below the limit it just hit).
const WINDOW: Duration = Duration::from_millis(250);
/// How long a probe lasts, at least: a probe above the limit is answered
/// with 429s for as long as it lasts.
const PROBE: Duration = Duration::from_millis(250);
/// How long a probe's first requests are not counted.
const PROBE_SETTLE: Duration = Duration::from_millis(50);
/// Requests a probe needs before it can decide.
const PROBE_REQUESTS: u32 = 10;
/// A probe with this share throttled decides at once (after its first
/// [`MIN_SPAN`] counted).
const PLAINLY_THROTTLED: f64 = 0.25;
/// Probes before giving up on finding a rate.
const PROBE_ROUNDS: u8 = 4;
/// A throttled share at or below this means the probed rate is right.
const CLEAR_SHARE: f64 = 0.02;
/// A lower rate must cut the throttled share at least this much for the
/// throttles to count as following the rate.
const SHARE_CUT: f64 = 0.67;
/// The share of the measured rate paced at after a throttle.
const DECREASE: f64 = 0.9;
/// The first guess, in requests per second, after a burst too fast to
/// measure (fewer requests than this were allowed): a probe above the
/// limit is measured by its successes within about 150 ms, one below it
/// doubles from there, so the guess costs little either way, while a guess
/// of the burst's size per second would leave a burst of 1 probing at 1/s.
const FAST_BURST_FLOOR: f64 = 100.0;
/// The share of the measured rate the first probe paces at when the first
/// throttle comes after a long burst: what it measures includes the
/// server's burst, often far above its rate, and a probe above the limit
/// costs 429s for as long as it lasts, while one below it costs only the
/// slow start back up.
const FIRST_DECREASE: f64 = 0.5;
/// Growth per second without throttles, once a throttle has been met at a
/// paced rate.
const INCREASE_PER_SECOND: f64 = 0.1;
/// Before that, the rate doubles this often: the first probe's rate comes
/// from the burst the server allowed, which says little about its rate, and
/// overshooting costs only the few requests in flight when the next
/// throttle comes (the decrease is measured over the short window).
const SLOW_START_DOUBLING: Duration = Duration::from_millis(250);
/// How long pacing stays off after a probe showed throttles do not follow
/// the rate.
const SUSPEND: Duration = Duration::from_secs(30);
/// How long without a throttle before pacing ends.
const RELEASE: Duration = Duration::from_secs(60);
/// How long after a decrease throttles do not decrease the rate again.
const COOLDOWN: Duration = WINDOW;
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

/// How far back the outcomes in the window go.
fn history(recent: &VecDeque<(Instant, bool)>, now: Instant) -> Duration {
    recent.front().map_or(Duration::ZERO, |(first, _)| {
        now.saturating_duration_since(*first)
    })
}

/// Successes per second over the window, or over the part of it that has
/// history (a listing's first second must not read as a slow one).
fn measure(recent: &VecDeque<(Instant, bool)>, now: Instant) -> f64 {
    let span = history(recent, now).clamp(MIN_SPAN, WINDOW);
    successes(recent) / span.as_secs_f64()
}

/// How many of the recent requests succeeded.
fn successes(recent: &VecDeque<(Instant, bool)>) -> f64 {
    let count = recent.iter().filter(|(_, throttled)| !*throttled).count();
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let count = count as f64;
    count
}

/// The shortest history a rate is measured over.
const MIN_SPAN: Duration = Duration::from_millis(100);

/// Successes per second of a probe so far (over the requests it counts).
fn probe_rate(requests: u32, throttles: u32, since: Instant, now: Instant) -> f64 {
    let counted_from = since + PROBE_SETTLE;
    let span = now.saturating_duration_since(counted_from).max(MIN_SPAN);
    f64::from(requests.saturating_sub(throttles)) / span.as_secs_f64()
}

/// The first probe, after the first throttle.
fn first_probe(recent: &VecDeque<(Instant, bool)>, now: Instant) -> Mode {
    // A burst that went by too fast to measure a rate says only how many
    // requests the server allows at once: take that many per second (at
    // least the first guess), and let the probe or the slow start find the
    // rest. A longer burst is measured, at half the rate it reads.
    let rate = if history(recent, now) < MIN_SPAN {
        successes(recent).max(FAST_BURST_FLOOR) * DECREASE
    } else {
        measure(recent, now) * FIRST_DECREASE
    };
    Mode::Probing {
        rate: rate.max(MIN_RATE),
        since: now,
        previous: None,
        round: 1,
        requests: 0,
        throttles: 0,
    }
}

/// A probe's next step: go on, or decide.
fn next_probe(mode: Mode, sent: Instant, is_throttle: bool, now: Instant) -> Mode {
    let Mode::Probing {
        rate,
        since,
        previous,
        round,
        requests,
        throttles,
    } = mode
    else {
        return mode;
    };
    // Only requests sent at the probe's rate tell anything, and
    // not the first ones: the bucket may still be empty from before.
    if sent < since + PROBE_SETTLE {
        return mode;
    }
    let requests = requests + 1;
    let throttles = throttles + u32::from(is_throttle);
    let counted_for = now.saturating_duration_since(since + PROBE_SETTLE);
    let long_enough = now.saturating_duration_since(since) >= PROBE;
    // A probe far above the limit is answered with 429s for as long
    // as it lasts: decide as soon as that is plain.
    let plainly_throttled = requests >= PROBE_REQUESTS
        && counted_for >= MIN_SPAN
        && f64::from(throttles) >= f64::from(requests) * PLAINLY_THROTTLED;
    // No early "clear": a few requests without a throttle say little
    // (counted faults skip most short runs).
    if !plainly_throttled && (!long_enough || requests < PROBE_REQUESTS) {
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
            // A throttled earlier probe measured the limit: no
            // need to search for it.
            slow_start: previous.is_none(),
        };
    }
    let not_following = previous.is_some_and(|previous| share > previous * SHARE_CUT);
    if not_following || round >= PROBE_ROUNDS {
        return Mode::Suspended {
            until: now + SUSPEND,
        };
    }
    // Above the limit, a probe's successes come at the limit's rate.
    let measured = probe_rate(requests, throttles, since, now);
    Mode::Probing {
        rate: (rate.min(measured) * DECREASE).max(MIN_RATE),
        since: now,
        previous: Some(share),
        round: round + 1,
        requests: 0,
        throttles: 0,
    }
}

fn next_mode(
    mode: Mode,
    recent: &VecDeque<(Instant, bool)>,
    sent: Instant,
    is_throttle: bool,
    now: Instant,
) -> Mode {
    match mode {
        Mode::Open if is_throttle => first_probe(recent, now),
        Mode::Suspended { until } if now >= until => Mode::Open,
        Mode::Probing { .. } => next_probe(mode, sent, is_throttle, now),
        Mode::Limiting {
            rate,
            since,
            updated,
            last_throttle,
            slow_start,
        } => {
            // One decrease per throttling episode: after a decrease the
            // server's bucket is still empty for a while, and the requests
            // it refuses then say nothing about the new rate.
            if is_throttle && sent >= last_throttle + COOLDOWN {
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
                2f64.powf(elapsed / SLOW_START_DOUBLING.as_secs_f64())
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
mod tests;
