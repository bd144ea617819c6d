//! The session JWT: acquired lazily, once, and shared.
//!
//! * The first JWT endpoint call logs in; callers arriving meanwhile wait for
//!   that login instead of starting their own (single flight).
//! * The token is renewed shortly before its `exp` claim (read without
//!   verification) when it has one.
//! * A 401 drops the cached token only if it is the one that was sent, so
//!   100 callers failing with the same token cause one re-login.
//! * A failed renewal never replaces a token that is still valid.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Mutex;

use crate::error::Error;

/// A session token with what the cache knows about it.
pub(crate) struct Jwt {
    token: SecretString,
    /// Increases with every login: identifies which token a request sent.
    generation: u64,
    expires_at: Option<SystemTime>,
}

impl Jwt {
    fn new(token: String, generation: u64) -> Self {
        let expires_at = expiry_of(&token);
        Self {
            token: SecretString::from(token),
            generation,
            expires_at,
        }
    }

    /// A token the caller supplied: not from this cache (generation 0 is
    /// never one of its own), and taken as valid for as long as it is used.
    pub(crate) fn explicit(token: &str) -> Self {
        Self {
            token: SecretString::from(token.to_owned()),
            generation: 0,
            expires_at: None,
        }
    }

    pub(crate) fn expose(&self) -> &str {
        self.token.expose_secret()
    }

    /// Usable, and not within `margin` of its expiry.
    fn is_fresh(&self, margin: Duration, now: SystemTime) -> bool {
        self.expires_at
            .is_none_or(|exp| now.checked_add(margin).is_some_and(|soon| soon < exp))
    }

    /// Not yet expired.
    fn is_valid(&self, now: SystemTime) -> bool {
        self.expires_at.is_none_or(|exp| now < exp)
    }
}

impl fmt::Debug for Jwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Jwt")
            .field("token", &"<redacted>")
            .field("generation", &self.generation)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// The `exp` claim of a JWT, read without verifying the signature.
fn expiry_of(token: &str) -> Option<SystemTime> {
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

/// The cached session token of one client.
#[derive(Debug)]
pub(crate) struct JwtCache {
    slot: Mutex<Slot>,
    refresh_margin: Duration,
}

#[derive(Debug, Default)]
struct Slot {
    current: Option<Arc<Jwt>>,
    /// Generation of the last token acquired; never reused, even after the
    /// token is dropped, so a stale 401 cannot drop its successor.
    last_generation: u64,
}

impl JwtCache {
    pub(crate) fn new(refresh_margin: Duration) -> Self {
        Self {
            slot: Mutex::new(Slot::default()),
            refresh_margin,
        }
    }

    /// The current token, logging in with `login` when there is none or it
    /// is about to expire. Concurrent callers share one login.
    pub(crate) async fn get<F, Fut>(&self, login: F) -> Result<Arc<Jwt>, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<String, Error>>,
    {
        // Holding the lock across the login is what makes it single-flight.
        let mut slot = self.slot.lock().await;
        let now = SystemTime::now();
        if let Some(jwt) = slot
            .current
            .as_ref()
            .filter(|jwt| jwt.is_fresh(self.refresh_margin, now))
        {
            return Ok(Arc::clone(jwt));
        }
        match login().await {
            Ok(token) => {
                slot.last_generation += 1;
                let generation = slot.last_generation;
                let jwt = Arc::new(Jwt::new(token, generation));
                tracing::debug!(generation, "session JWT acquired");
                slot.current = Some(Arc::clone(&jwt));
                Ok(jwt)
            }
            Err(err) => match slot
                .current
                .as_ref()
                .filter(|jwt| jwt.is_valid(SystemTime::now()))
            {
                // Early renewal failed: keep using the still-valid token.
                Some(still_valid) => {
                    tracing::warn!(error = %err, "JWT renewal failed; keeping the current token until it expires");
                    Ok(Arc::clone(still_valid))
                }
                None => Err(err),
            },
        }
    }

    /// Drops the cached token after a 401, but only if it is the one that
    /// was sent (another caller may already have replaced it).
    pub(crate) async fn invalidate(&self, sent: &Jwt) {
        let mut slot = self.slot.lock().await;
        if slot
            .current
            .as_ref()
            .is_some_and(|jwt| jwt.generation == sent.generation)
        {
            tracing::debug!(
                generation = sent.generation,
                "session JWT rejected; dropping it"
            );
            slot.current = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn token_with_exp(exp: u64) -> String {
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.sig",
            engine.encode(br#"{"alg":"HS256"}"#),
            engine.encode(format!(r#"{{"exp":{exp}}}"#))
        )
    }

    #[test]
    fn exp_claim_is_read() {
        let token = token_with_exp(2_000_000_000);
        assert_eq!(
            expiry_of(&token),
            Some(UNIX_EPOCH + Duration::from_secs(2_000_000_000))
        );
        assert_eq!(expiry_of("not-a-jwt"), None);
    }

    #[test]
    fn an_exp_claim_beyond_any_time_reads_as_no_expiry() {
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        for exp in ["1e20", "18446744073709551615", "9.9e307", "-5", "0"] {
            let token = format!(
                "{}.{}.sig",
                engine.encode(br#"{"alg":"HS256"}"#),
                engine.encode(format!(r#"{{"exp":{exp}}}"#))
            );
            assert_eq!(expiry_of(&token), None, "{exp}");
        }
    }

    #[tokio::test]
    async fn failed_renewal_keeps_a_still_valid_token() {
        let cache = JwtCache::new(Duration::from_secs(3600));
        let soon = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 600;
        let logins = AtomicUsize::new(0);
        let first = cache
            .get(|| async {
                logins.fetch_add(1, Ordering::SeqCst);
                Ok(token_with_exp(soon))
            })
            .await
            .unwrap();
        // Within the margin: a renewal is attempted, fails, the old token stays.
        let second = cache
            .get(|| async {
                logins.fetch_add(1, Ordering::SeqCst);
                Err(Error::invalid_input("login down"))
            })
            .await
            .unwrap();
        assert_eq!(first.generation, second.generation);
        assert_eq!(logins.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn invalidate_ignores_a_token_already_replaced() {
        let cache = JwtCache::new(Duration::ZERO);
        let old = cache.get(|| async { Ok("a".to_owned()) }).await.unwrap();
        cache.invalidate(&old).await;
        let new = cache.get(|| async { Ok("b".to_owned()) }).await.unwrap();
        cache.invalidate(&old).await; // stale 401: must not drop "b"
        let still = cache.get(|| async { Ok("c".to_owned()) }).await.unwrap();
        assert_eq!(still.expose(), new.expose());
    }
}
