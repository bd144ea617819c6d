//! Start-up configuration and fault switches.

use std::time::Duration;

/// The host that foreign `next` links name (as the spec's examples do).
pub const FOREIGN_ORIGIN: &str = "http://api.example.org";

/// Default capacity of the request journal ([`MockConfig::journal_capacity`]).
pub const DEFAULT_JOURNAL_CAPACITY: usize = 10_000;

/// How the mock server starts.
#[derive(Debug, Clone)]
pub struct MockConfig {
    /// Port on 127.0.0.1; `0` (the default) picks a free one.
    pub port: u16,
    /// Seed of the generated data; the same seed gives the same records.
    pub seed: u64,
    /// Number of seeded providers (default 300).
    pub providers: u32,
    /// The API key the server accepts in `x-api-key`.
    pub api_key: String,
    /// E-mail of the user that can log in.
    pub user_email: String,
    /// Password of that user.
    pub user_password: String,
    /// Lifetime of the session JWTs that login issues (default 2.8 h, as
    /// observed in production).
    pub jwt_lifetime: Duration,
    /// Page size when a list request has no `limit` (default 10).
    pub default_page_size: u32,
    /// Largest `limit` honoured; larger ones are clamped (default 1000).
    pub max_page_size: u32,
    /// Personal-info PATCH demands **every** writable key, not only those
    /// whose stored value is non-null (default off).
    pub strict_personal_info: bool,
    /// Fault injection at start-up (changeable at run time).
    pub faults: Faults,
    /// How many requests the journal ([`MockServer::requests`]) keeps; the
    /// oldest are dropped beyond it (default
    /// [`DEFAULT_JOURNAL_CAPACITY`]; `0` keeps none).
    ///
    /// [`MockServer::requests`]: crate::MockServer::requests
    pub journal_capacity: usize,
    /// Log each request (endpoint key, method, path, status, time to the
    /// reply) as one line on stderr; what the binary's `--verbose` turns
    /// on (default off). Headers, query and body are never logged.
    pub log_requests: bool,
}

impl Default for MockConfig {
    fn default() -> Self {
        Self {
            port: 0,
            seed: 1,
            providers: 300,
            api_key: "mock-api-key-0123456789abcdef".to_owned(),
            user_email: "admin@mock.assured.test".to_owned(),
            user_password: "mock-password".to_owned(),
            jwt_lifetime: Duration::from_secs(10_080),
            default_page_size: 10,
            max_page_size: 1000,
            strict_personal_info: false,
            faults: Faults::default(),
            journal_capacity: DEFAULT_JOURNAL_CAPACITY,
            log_requests: false,
        }
    }
}

impl MockConfig {
    /// The default configuration with this many providers.
    #[must_use]
    pub fn with_providers(mut self, providers: u32) -> Self {
        self.providers = providers;
        self
    }

    /// The default configuration with this seed.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the JWT lifetime.
    #[must_use]
    pub fn with_jwt_lifetime(mut self, lifetime: Duration) -> Self {
        self.jwt_lifetime = lifetime;
        self
    }

    /// Sets the fault switches.
    #[must_use]
    pub fn with_faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }

    /// Sets how many requests the journal keeps.
    #[must_use]
    pub fn with_journal_capacity(mut self, capacity: usize) -> Self {
        self.journal_capacity = capacity;
        self
    }

    /// Turns the strict personal-info PATCH on or off.
    #[must_use]
    pub fn with_strict_personal_info(mut self, strict: bool) -> Self {
        self.strict_personal_info = strict;
        self
    }
}

/// Added delay before each reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Latency {
    /// No delay.
    #[default]
    None,
    /// The same delay every time.
    Fixed(Duration),
    /// A uniformly random delay in `min..=max`.
    Random {
        /// Shortest delay.
        min: Duration,
        /// Longest delay.
        max: Duration,
    },
}

/// The rate-limit mode: a token bucket of `burst` tokens refilled at
/// `per_second` tokens a second. A request that finds the bucket empty is
/// answered 429 with a `Retry-After` header of the whole seconds (rounded
/// up) until the next token, as production throttles; it is not processed
/// and takes no token.
///
/// ```
/// use assured_mock::{Faults, RateLimit};
///
/// // 5 requests a second, at most 10 in a burst.
/// let faults = Faults { rate_limit: Some(RateLimit::per_second(5.0).with_burst(10)), ..Faults::default() };
/// assert!(faults.any_active());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    /// Sustained rate in requests per second (a positive finite number;
    /// anything else switches the limit off).
    pub per_second: f64,
    /// Bucket size: how many requests may come at once after a quiet
    /// period (at least 1).
    pub burst: u32,
}

impl RateLimit {
    /// A limit of `per_second` requests a second with a burst of the
    /// rate rounded up (at least 1).
    pub fn per_second(per_second: f64) -> Self {
        let burst = if per_second.is_finite() && per_second >= 1.0 {
            // Saturating float-to-int conversion; the rate is positive here.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let burst = per_second.ceil() as u32;
            burst
        } else {
            1
        };
        Self { per_second, burst }
    }

    /// The same rate with this burst size.
    #[must_use]
    pub fn with_burst(mut self, burst: u32) -> Self {
        self.burst = burst.max(1);
        self
    }
}

// Bitwise comparison of the rate: an equivalence relation (NaN equals
// itself), so `Faults` can stay `Eq`.
impl PartialEq for RateLimit {
    fn eq(&self, other: &Self) -> bool {
        self.per_second.to_bits() == other.per_second.to_bits() && self.burst == other.burst
    }
}

impl Eq for RateLimit {}

/// Fault switches. Each "every N" switch fires on the N-th, 2N-th, ...
/// request the faults apply to (counted from the last change of the
/// switches); when several fire on one request, the first in this order
/// wins: dropped connection, 429 (every N), 429 (the [`RateLimit`]
/// bucket), 5xx. Requests rejected by a fault are not processed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Faults {
    /// Delay before each reply.
    pub latency: Latency,
    /// Answer every N-th request with 429 and a `Retry-After` header.
    pub rate_limit_every: Option<u64>,
    /// The `Retry-After` value in seconds for those 429s (default 1).
    pub retry_after_secs: u64,
    /// The rate-limit mode (token bucket); `None` is unlimited. Changing
    /// the switches refills the bucket.
    pub rate_limit: Option<RateLimit>,
    /// Answer every N-th request with a 5xx.
    pub server_error_every: Option<u64>,
    /// The status of those 5xx replies (default 503).
    pub server_error_status: u16,
    /// Close the connection without any reply on every N-th request.
    pub drop_connection_every: Option<u64>,
    /// Process every N-th request normally but send a truncated,
    /// unparsable JSON body.
    pub malformed_json_every: Option<u64>,
    /// Make `next`/`previous` links name another scheme and host
    /// (`http://api.example.org`, as the spec's own examples do).
    pub foreign_next_links: bool,
    /// Restrict the every-N faults and latency to these endpoint keys
    /// (e.g. `"PV1"`); empty means every request.
    pub only_endpoints: Vec<String>,
}

impl Faults {
    /// No faults.
    pub fn none() -> Self {
        Self::default()
    }

    /// Whether any every-N switch or latency is on.
    pub fn any_active(&self) -> bool {
        self.latency != Latency::None
            || self.rate_limit_every.is_some()
            || self.rate_limit.is_some()
            || self.server_error_every.is_some()
            || self.drop_connection_every.is_some()
            || self.malformed_json_every.is_some()
            || self.foreign_next_links
    }

    pub(crate) fn applies_to(&self, key: Option<&str>) -> bool {
        self.only_endpoints.is_empty()
            || key.is_some_and(|key| self.only_endpoints.iter().any(|k| k == key))
    }

    pub(crate) fn retry_after(&self) -> u64 {
        if self.retry_after_secs == 0 {
            1
        } else {
            self.retry_after_secs
        }
    }

    pub(crate) fn error_status(&self) -> u16 {
        if (500..600).contains(&self.server_error_status) {
            self.server_error_status
        } else {
            503
        }
    }
}
