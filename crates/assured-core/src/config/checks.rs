//! Range checks of configuration values.
//!
//! Each setting must stay within bounds that keep the client's arithmetic
//! (timer deadlines, the rate limiter's interval, token expiry times) far
//! from overflow, so that no value accepted here can panic later.

use std::ops::RangeInclusive;
use std::time::Duration;

use crate::retry::RetryPolicy;

/// The longest duration any setting may have: one day.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);

/// Accepted request rates, per second.
pub const RATE_RANGE: RangeInclusive<f64> = 0.01..=100_000.0;

/// Whether a zero duration makes sense for a setting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Zero {
    Allowed,
    Refused,
}

/// A duration setting is at most [`MAX_DURATION`] (and not zero when that
/// would make every request fail).
pub(super) fn duration(name: &str, value: Duration, zero: Zero) -> Result<(), String> {
    if zero == Zero::Refused && value.is_zero() {
        return Err(format!("{name} must be more than zero"));
    }
    if value > MAX_DURATION {
        return Err(format!(
            "{name} must be at most {} s (one day), got {value:?}",
            MAX_DURATION.as_secs()
        ));
    }
    Ok(())
}

/// A request rate is within [`RATE_RANGE`].
pub(super) fn rate(rate: f64) -> Result<(), String> {
    if RATE_RANGE.contains(&rate) {
        Ok(())
    } else {
        Err(format!(
            "requests per second must be {} to {}, got {rate}",
            RATE_RANGE.start(),
            RATE_RANGE.end()
        ))
    }
}

/// Every duration of a retry policy is at most [`MAX_DURATION`].
pub(crate) fn retry_policy(policy: &RetryPolicy) -> Result<(), String> {
    policy
        .duration_settings()
        .into_iter()
        .try_for_each(|(name, value)| {
            duration(&format!("retry policy {name}"), value, Zero::Allowed)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_outside_the_range_are_refused() {
        for bad in [1e-20, 0.0, -1.0, 1e9, f64::NAN, f64::INFINITY] {
            assert!(rate(bad).is_err(), "{bad}");
        }
        for good in [0.01, 1.0, 100_000.0] {
            assert!(rate(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn durations_over_a_day_are_refused() {
        assert!(duration("t", Duration::MAX, Zero::Allowed).is_err());
        assert!(duration("t", MAX_DURATION, Zero::Allowed).is_ok());
        assert!(duration("t", Duration::ZERO, Zero::Allowed).is_ok());
        assert!(duration("t", Duration::ZERO, Zero::Refused).is_err());
        let err = retry_policy(&RetryPolicy::default().max_retry_after(Duration::MAX)).unwrap_err();
        assert!(err.contains("max_retry_after"), "{err}");
    }
}
