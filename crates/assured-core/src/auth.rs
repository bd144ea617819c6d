//! The session JWT: acquired lazily, once, and shared.
//!
//! * The first JWT endpoint call logs in; callers arriving meanwhile wait for
//!   that login instead of starting their own (single flight), and share its
//!   outcome: a failed login is not repeated by each waiting caller.
//! * The token is renewed shortly before its `exp` claim (read without
//!   verification) when it has one — but not before half of its life has
//!   passed, so a token that lives no longer than the refresh margin (or a
//!   server clock that runs behind) does not make every call log in again.
//! * While a token is still valid, one caller renews it and the others keep
//!   using it: a slow or failing login delays only the caller renewing.
//! * A 401 drops the cached token only if it is the one that was sent, so
//!   100 callers failing with the same token cause one re-login.
//! * A failed renewal never replaces a token that is still valid.

mod claims;
mod clock;
pub(crate) mod layer;

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

use secrecy::{ExposeSecret, SecretString};

use crate::error::Error;
use claims::Lifetime;
use clock::Clock;

/// A session token with what the cache knows about it.
pub(crate) struct Jwt {
    token: SecretString,
    /// Increases with every login: identifies which token a request sent.
    generation: u64,
    /// `None`: no known expiry; used until the server refuses it.
    lifetime: Option<Lifetime>,
}

impl Jwt {
    /// A token the caller supplied: not from this cache (generation 0 is
    /// never one of its own), and taken as valid for as long as it is used.
    pub(crate) fn explicit(token: &str) -> Self {
        Self {
            token: SecretString::from(token.to_owned()),
            generation: 0,
            lifetime: None,
        }
    }

    pub(crate) fn expose(&self) -> &str {
        self.token.expose_secret()
    }

    /// Not yet expired.
    fn is_valid(&self, now: SystemTime) -> bool {
        self.lifetime.is_none_or(|life| now < life.expires_at)
    }

    /// Time to renew it.
    fn is_due(&self, now: SystemTime) -> bool {
        self.lifetime.is_some_and(|life| now >= life.renew_at)
    }
}

impl fmt::Debug for Jwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Jwt")
            .field("token", &"<redacted>")
            .field("generation", &self.generation)
            .field("lifetime", &self.lifetime)
            .finish()
    }
}

/// The cached session token of one client.
#[derive(Debug)]
pub(crate) struct JwtCache {
    /// Short critical sections only; never held across an await.
    slot: Mutex<Slot>,
    /// Held by the one caller logging in: what makes the login single-flight.
    login_turn: tokio::sync::Mutex<()>,
    refresh_margin: Duration,
    clock: Clock,
}

#[derive(Debug, Default)]
struct Slot {
    current: Option<Arc<Jwt>>,
    /// Generation of the last token acquired; never reused, even after the
    /// token is dropped, so a stale 401 cannot drop its successor.
    last_generation: u64,
    /// Login attempts finished, successful or not: a caller that waited for
    /// another's login can tell one ended while it waited.
    attempts: u64,
    /// The error of the last attempt, when it failed and left no valid token.
    last_failure: Option<Error>,
    /// A caller is renewing a still-valid token; the others keep using it.
    renewing: bool,
}

/// What a caller does after its first look at the slot.
enum Role {
    /// Renews a still-valid token (the others keep using it meanwhile).
    Renewer,
    /// Needs a token: logs in, or takes the outcome of a login that ended
    /// while it waited for its turn.
    Waiter { attempts_seen: u64 },
}

impl JwtCache {
    pub(crate) fn new(refresh_margin: Duration) -> Self {
        Self {
            slot: Mutex::new(Slot::default()),
            login_turn: tokio::sync::Mutex::new(()),
            refresh_margin,
            clock: Clock::new(),
        }
    }

    fn slot(&self) -> MutexGuard<'_, Slot> {
        // The slot holds plain data, consistent after every statement.
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The current token, logging in with `login` when there is none or it
    /// is due for renewal. Concurrent callers share one login.
    pub(crate) async fn get<F, Fut>(&self, login: F) -> Result<Arc<Jwt>, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<String, Error>>,
    {
        let role = {
            let mut slot = self.slot();
            let now = self.clock.now();
            match slot.current.as_ref().filter(|jwt| jwt.is_valid(now)) {
                Some(jwt) if !jwt.is_due(now) || slot.renewing => return Ok(Arc::clone(jwt)),
                Some(_) => {
                    slot.renewing = true;
                    Role::Renewer
                }
                None => Role::Waiter {
                    attempts_seen: slot.attempts,
                },
            }
        };
        // Clears `renewing` however this call ends, even if it is dropped.
        let _renewal = matches!(role, Role::Renewer).then(|| RenewalGuard(self));
        let _turn = self.login_turn.lock().await;
        {
            let slot = self.slot();
            let now = self.clock.now();
            if let Some(jwt) = slot
                .current
                .as_ref()
                .filter(|jwt| jwt.is_valid(now) && !jwt.is_due(now))
            {
                return Ok(Arc::clone(jwt));
            }
            if let Role::Waiter { attempts_seen } = role
                && slot.attempts != attempts_seen
                && let Some(failure) = &slot.last_failure
            {
                return Err(failure.duplicate());
            }
        }
        let result = login().await;
        let mut slot = self.slot();
        slot.attempts += 1;
        match result {
            Ok(token) => {
                slot.last_generation += 1;
                let jwt = Arc::new(Jwt {
                    lifetime: Lifetime::of(&token, self.clock.now(), self.refresh_margin),
                    token: SecretString::from(token),
                    generation: slot.last_generation,
                });
                tracing::debug!(generation = jwt.generation, "session JWT acquired");
                slot.current = Some(Arc::clone(&jwt));
                slot.last_failure = None;
                Ok(jwt)
            }
            Err(err) => {
                let now = self.clock.now();
                if let Some(still_valid) = slot.current.as_ref().filter(|jwt| jwt.is_valid(now)) {
                    // Early renewal failed: keep using the still-valid token.
                    tracing::warn!(error = %err, "JWT renewal failed; keeping the current token until it expires");
                    return Ok(Arc::clone(still_valid));
                }
                slot.last_failure = Some(err.duplicate());
                Err(err)
            }
        }
    }

    /// Drops the cached token after a 401, but only if it is the one that
    /// was sent (another caller may already have replaced it).
    #[allow(clippy::unused_async)] // async for its callers: a lock may be awaited here again
    pub(crate) async fn invalidate(&self, sent: &Jwt) {
        let mut slot = self.slot();
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

/// Ends a renewal claim when the renewing call finishes or is dropped.
struct RenewalGuard<'a>(&'a JwtCache);

impl Drop for RenewalGuard<'_> {
    fn drop(&mut self) {
        self.0.slot().renewing = false;
    }
}

#[cfg(test)]
mod tests;
