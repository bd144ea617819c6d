//! Per-request options: what one call (or one listing) changes of the
//! client's configuration.
//!
//! A [`Client`](crate::Client) carries a set of options; by default none is
//! set and the configuration decides. [`Client::with_options`] returns a
//! clone whose calls use the given ones, which is how the facade's request
//! builders pass a timeout or a retry policy down to one call.
//!
//! ```
//! use std::time::Duration;
//! use assured_core::{RequestOptions, RetryPolicy};
//!
//! let options = RequestOptions::new()
//!     .timeout(Duration::from_secs(5))
//!     .retry_policy(RetryPolicy::none())
//!     .page_size(500);
//! assert_eq!(options.timeout_value(), Some(Duration::from_secs(5)));
//! ```
//!
//! [`Client::with_options`]: crate::Client::with_options

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret as _, SecretString};

use crate::error::Error;
use crate::retry::RetryPolicy;

/// Options of one call or listing, each overriding the client's
/// configuration when set.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct RequestOptions {
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    idempotent: Option<bool>,
    page_size: Option<u32>,
    page_concurrency: Option<usize>,
    session_jwt: Option<SessionJwt>,
}

/// A session JWT the caller owns (obtained elsewhere), sent instead of the
/// client's own. `Debug` shows no part of it.
#[derive(Clone)]
pub struct SessionJwt(Arc<SecretString>);

impl SessionJwt {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        Self(Arc::new(SecretString::from(token.into())))
    }

    pub(crate) fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl PartialEq for SessionJwt {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.expose() == other.expose()
    }
}

impl fmt::Debug for SessionJwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionJwt(<redacted>)")
    }
}

impl RequestOptions {
    /// No override: the configuration decides everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// The time one attempt may take, from sending to the whole reply.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy of this call (e.g. [`RetryPolicy::none`]).
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Declares whether repeating this request is safe, overriding the
    /// catalog. Only say `true` for a write the server de-duplicates (or one
    /// you have made safe): a POST marked idempotent is retried after a
    /// timeout, when the server may already have processed it.
    #[must_use]
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = Some(idempotent);
        self
    }

    /// Records per page for listings (1 to [`MAX_PAGE_SIZE`]).
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Pages fetched at once by a listing, once `count` is known (at least 1).
    #[must_use]
    pub fn page_concurrency(mut self, pages: usize) -> Self {
        self.page_concurrency = Some(pages);
        self
    }

    /// Sends this session JWT on JWT endpoints instead of logging in with
    /// the configured credentials (assured-py's explicit `jwt` argument).
    /// The caller owns the token: a 401 is returned as it is, with no
    /// re-login.
    #[must_use]
    pub fn session_jwt(mut self, jwt: SessionJwt) -> Self {
        self.session_jwt = Some(jwt);
        self
    }

    /// The caller's session JWT, if one is set.
    pub fn session_jwt_value(&self) -> Option<&SessionJwt> {
        self.session_jwt.as_ref()
    }

    /// The timeout set, if any.
    pub fn timeout_value(&self) -> Option<Duration> {
        self.timeout
    }

    /// The retry policy set, if any.
    pub fn retry_policy_value(&self) -> Option<&RetryPolicy> {
        self.retry.as_ref()
    }

    /// The idempotency override, if any.
    pub fn idempotent_value(&self) -> Option<bool> {
        self.idempotent
    }

    /// The page size set, if any.
    pub fn page_size_value(&self) -> Option<u32> {
        self.page_size
    }

    /// The page concurrency set, if any.
    pub fn page_concurrency_value(&self) -> Option<usize> {
        self.page_concurrency
    }

    /// `self` with every option that `other` sets replaced by `other`'s.
    #[must_use]
    pub fn merged_with(self, other: Self) -> Self {
        Self {
            timeout: other.timeout.or(self.timeout),
            retry: other.retry.or(self.retry),
            idempotent: other.idempotent.or(self.idempotent),
            page_size: other.page_size.or(self.page_size),
            page_concurrency: other.page_concurrency.or(self.page_concurrency),
            session_jwt: other.session_jwt.or(self.session_jwt),
        }
    }

    /// Checks the values set, so that a bad one is an error before any
    /// request rather than a hang or a panic.
    pub fn validate(&self) -> Result<(), Error> {
        if self.timeout.is_some_and(|timeout| timeout.is_zero()) {
            return Err(Error::invalid_input("request timeout must be above zero"));
        }
        if let Some(size) = self.page_size
            && !(1..=MAX_PAGE_SIZE).contains(&size)
        {
            return Err(Error::invalid_input(format!(
                "page size must be between 1 and {MAX_PAGE_SIZE}, got {size}"
            )));
        }
        if let Some(policy) = &self.retry {
            // The same range checks as a policy set on the configuration.
            crate::config::checks::retry_policy(policy).map_err(Error::invalid_input)?;
        }
        if self.page_concurrency == Some(0) {
            return Err(Error::invalid_input("page concurrency must be at least 1"));
        }
        if self
            .session_jwt
            .as_ref()
            .is_some_and(|jwt| jwt.expose().trim().is_empty())
        {
            return Err(Error::invalid_input("the session JWT is empty"));
        }
        Ok(())
    }
}

/// The largest page size a listing may ask for.
pub const MAX_PAGE_SIZE: u32 = 1000;
