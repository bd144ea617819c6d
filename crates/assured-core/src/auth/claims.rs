//! What the cache reads from a token: its `exp` claim, without verifying
//! the signature (the server does that), and the renewal time it implies.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;

/// When a token expires and when to start renewing it, by this client's
/// clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lifetime {
    pub(super) expires_at: SystemTime,
    pub(super) renew_at: SystemTime,
}

impl Lifetime {
    /// The lifetime of a token acquired at `now`, renewed `margin` before
    /// its `exp`, but never before half of its life has passed: a token that
    /// lives no longer than the margin would otherwise be "due for renewal"
    /// the moment it arrives, and every caller would log in again.
    ///
    /// `None` when the token has no usable `exp`, or one that is not after
    /// `now` (the server's clock is behind ours): the cache cannot tell when
    /// it expires, so it uses it until the server answers 401.
    pub(super) fn of(token: &str, now: SystemTime, margin: Duration) -> Option<Self> {
        let expires_at = expiry_of(token)?;
        let life = expires_at
            .duration_since(now)
            .ok()
            .filter(|life| !life.is_zero())?;
        let lead = margin.min(life / 2);
        Some(Self {
            expires_at,
            renew_at: expires_at.checked_sub(lead).unwrap_or(now),
        })
    }
}

/// The `exp` claim of a JWT, read without verifying the signature.
pub(super) fn expiry_of(token: &str) -> Option<SystemTime> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?.as_f64()?;
    // The server may send anything: an `exp` that is not a representable
    // time reads as "no known expiry" (the 401 re-login still applies).
    if !(exp.is_finite() && exp > 0.0) {
        return None;
    }
    UNIX_EPOCH.checked_add(Duration::try_from_secs_f64(exp).ok()?)
}

#[cfg(test)]
pub(super) fn token_with_exp(exp: &str) -> String {
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        "{}.{}.sig",
        engine.encode(br#"{"alg":"HS256"}"#),
        engine.encode(format!(r#"{{"exp":{exp}}}"#))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_claim_is_read() {
        assert_eq!(
            expiry_of(&token_with_exp("2000000000")),
            Some(UNIX_EPOCH + Duration::from_secs(2_000_000_000))
        );
        assert_eq!(expiry_of("not-a-jwt"), None);
    }

    #[test]
    fn an_exp_claim_beyond_any_time_reads_as_no_expiry() {
        for exp in ["1e19", "1e20", "18446744073709551615", "9.9e307", "-5", "0"] {
            assert_eq!(expiry_of(&token_with_exp(exp)), None, "{exp}");
        }
    }

    #[test]
    fn renewal_waits_for_half_the_life_of_a_short_lived_token() {
        let now = UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        let margin = Duration::from_secs(60);
        let long = Lifetime::of(&token_with_exp("2000003600"), now, margin).unwrap();
        assert_eq!(long.renew_at, now + Duration::from_secs(3540));
        let short = Lifetime::of(&token_with_exp("2000000030"), now, margin).unwrap();
        assert_eq!(short.renew_at, now + Duration::from_secs(15));
        assert_eq!(short.expires_at, now + Duration::from_secs(30));
        // Already expired by our clock (skew): no usable lifetime.
        assert_eq!(
            Lifetime::of(&token_with_exp("1999999990"), now, margin),
            None
        );
        assert_eq!(
            Lifetime::of(&token_with_exp("2000000000"), now, margin),
            None
        );
    }
}
