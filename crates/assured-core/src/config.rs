//! Client configuration: a builder, and `from_env()` for the `ASSURED_*` variables.

use std::fmt;
use std::time::Duration;

use secrecy::SecretString;
use url::Url;

use crate::error::Error;
use crate::options::MAX_PAGE_SIZE;
use crate::retry::RetryPolicy;

mod base_url;
pub(crate) mod checks;

use base_url::parse_base_url;

use checks::Zero;
pub use checks::{MAX_DURATION, RATE_RANGE};

/// Production API base URL.
pub const PRODUCTION_BASE_URL: &str = "https://prod-backend.withassured.com";
/// Staging API base URL.
pub const STAGING_BASE_URL: &str = "https://staging-backend.withassured.com";
/// Demo API base URL (the Python client's default).
pub const DEMO_BASE_URL: &str = "https://demo-backend.withassured.com";

/// Environment variable holding the base URL (default: [`DEMO_BASE_URL`]).
pub const ENV_BASE_URL: &str = "ASSURED_BASE_URL";
/// Environment variable holding the API key (required).
pub const ENV_API_KEY: &str = "ASSURED_API_KEY";
/// Environment variable holding the login e-mail (needed for JWT endpoints).
pub const ENV_USER: &str = "ASSURED_USER";
/// Environment variable holding the login password (needed for JWT endpoints).
pub const ENV_PASS: &str = "ASSURED_PASS";

/// The default largest response body: 32 MiB (a page of 1000 records is
/// far below it).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// Everything a client needs; built by [`ConfigBuilder`] or [`Config::from_env`].
///
/// `Debug` never shows the API key or the password.
#[derive(Clone)]
pub struct Config {
    pub(crate) base_url: Url,
    pub(crate) api_key: SecretString,
    pub(crate) user: Option<String>,
    pub(crate) password: Option<SecretString>,
    pub(crate) timeout: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) page_size: u32,
    pub(crate) page_concurrency: usize,
    pub(crate) max_in_flight: usize,
    pub(crate) requests_per_second: Option<f64>,
    pub(crate) user_agent: String,
    pub(crate) jwt_refresh_margin: Duration,
    pub(crate) max_response_bytes: u64,
}

impl Config {
    /// Starts a builder.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Reads `ASSURED_BASE_URL`, `ASSURED_API_KEY`, `ASSURED_USER` and
    /// `ASSURED_PASS`, after loading a `.env` file from the current directory
    /// (or a parent) when there is one; variables already set win over the file.
    ///
    /// A missing `ASSURED_API_KEY` or a malformed value is an
    /// [`Error::Config`] naming the variable; no request is sent.
    pub fn from_env() -> Result<Self, Error> {
        // A missing .env file is normal; a malformed one is an error.
        match dotenvy::dotenv() {
            Ok(_) => {}
            Err(err) if err.not_found() => {}
            Err(err) => {
                return Err(Error::config(
                    None,
                    format!("could not read the .env file: {err}"),
                ));
            }
        }
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Config::from_env`], reading variables through `lookup` (for
    /// tests and for applications with their own configuration source).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let non_empty = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let mut builder = Self::builder();
        if let Some(url) = non_empty(ENV_BASE_URL) {
            builder = builder.base_url(url.trim());
        }
        let api_key = non_empty(ENV_API_KEY).ok_or_else(|| {
            Error::config(
                Some(ENV_API_KEY),
                format!("{ENV_API_KEY} is not set: every request needs the API key"),
            )
        })?;
        builder = builder.api_key(api_key.trim());
        if let Some(user) = non_empty(ENV_USER) {
            builder = builder.user(user.trim());
        }
        if let Some(password) = lookup(ENV_PASS).filter(|p| !p.is_empty()) {
            builder = builder.password(password);
        }
        builder.build_with_variable_names()
    }

    /// The base URL every request goes to.
    pub fn base_url(&self) -> &str {
        self.base_url.as_str()
    }

    /// The configured page size.
    pub fn page_size(&self) -> u32 {
        self.page_size
    }

    /// How many pages a listing fetches at once.
    pub fn page_concurrency(&self) -> usize {
        self.page_concurrency
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The largest response body accepted, in bytes.
    pub fn max_response_bytes(&self) -> u64 {
        self.max_response_bytes
    }

    /// Whether login credentials are configured.
    pub fn has_credentials(&self) -> bool {
        self.user.is_some() && self.password.is_some()
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url.as_str())
            .field("api_key", &"<redacted>")
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("page_size", &self.page_size)
            .field("page_concurrency", &self.page_concurrency)
            .field("max_in_flight", &self.max_in_flight)
            .field("requests_per_second", &self.requests_per_second)
            .field("user_agent", &self.user_agent)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

/// Builder of [`Config`].
///
/// ```
/// use std::time::Duration;
/// use assured_core::Config;
///
/// let config = Config::builder()
///     .base_url(assured_core::config::STAGING_BASE_URL)
///     .api_key("my-api-key")
///     .credentials("ops@example.org", "hunter2")
///     .timeout(Duration::from_secs(20))
///     .page_size(200)
///     .build()?;
/// assert!(!format!("{config:?}").contains("my-api-key"));
/// # Ok::<(), assured_core::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct ConfigBuilder {
    base_url: String,
    api_key: Option<SecretString>,
    user: Option<String>,
    password: Option<SecretString>,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    page_size: u32,
    page_concurrency: usize,
    max_in_flight: usize,
    requests_per_second: Option<f64>,
    user_agent: String,
    allow_insecure_http: bool,
    jwt_refresh_margin: Duration,
    max_response_bytes: u64,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            base_url: DEMO_BASE_URL.to_owned(),
            api_key: None,
            user: None,
            password: None,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            page_size: 100,
            page_concurrency: 8,
            max_in_flight: 32,
            requests_per_second: None,
            user_agent: concat!("assured-rs/", env!("CARGO_PKG_VERSION")).to_owned(),
            allow_insecure_http: false,
            jwt_refresh_margin: Duration::from_secs(60),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl ConfigBuilder {
    /// The API base URL (scheme and host, optionally a port); default: demo.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The API key sent as `x-api-key`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(SecretString::from(key.into()));
        self
    }

    /// The login e-mail, for JWT endpoints.
    pub fn user(mut self, email: impl Into<String>) -> Self {
        self.user = Some(email.into());
        self
    }

    /// The login password, for JWT endpoints.
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.password = Some(SecretString::from(password.into()));
        self
    }

    /// Login e-mail and password together.
    pub fn credentials(self, email: impl Into<String>, password: impl Into<String>) -> Self {
        self.user(email).password(password)
    }

    /// Timeout of one HTTP attempt (default 30 s; more than zero, at most
    /// [`MAX_DURATION`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Timeout for establishing a connection (default 10 s; more than zero,
    /// at most [`MAX_DURATION`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Retry policy (default: [`RetryPolicy::default`]); each of its
    /// durations at most [`MAX_DURATION`].
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Records per page for listings (default 100; 1 to 1000).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = size;
        self
    }

    /// Pages fetched at once by a listing once `count` is known (default 8).
    pub fn page_concurrency(mut self, pages: usize) -> Self {
        self.page_concurrency = pages;
        self
    }

    /// Most requests in flight at once for the whole client (default 32).
    pub fn max_in_flight(mut self, requests: usize) -> Self {
        self.max_in_flight = requests;
        self
    }

    /// Caps the request rate of the whole client (default: no cap); within
    /// [`RATE_RANGE`].
    pub fn requests_per_second(mut self, rate: f64) -> Self {
        self.requests_per_second = Some(rate);
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = agent.into();
        self
    }

    /// Allows a plain `http://` base URL on a host that is not loopback.
    /// Credentials then travel in clear text: only for trusted networks.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// How long before its `exp` claim a session JWT is renewed (default
    /// 60 s; at most [`MAX_DURATION`]).
    pub fn jwt_refresh_margin(mut self, margin: Duration) -> Self {
        self.jwt_refresh_margin = margin;
        self
    }

    /// The largest response body accepted, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`]; at least 1). A longer body is not
    /// read past the limit: the call fails with a transport error of kind
    /// [`TransportErrorKind::ResponseTooLarge`](crate::TransportErrorKind::ResponseTooLarge),
    /// and is not retried.
    pub fn max_response_bytes(mut self, bytes: u64) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Checks the settings and builds the configuration.
    pub fn build(self) -> Result<Config, Error> {
        self.build_inner(false)
    }

    fn build_with_variable_names(self) -> Result<Config, Error> {
        self.build_inner(true)
    }

    fn build_inner(self, from_env: bool) -> Result<Config, Error> {
        let variable = |name: &'static str| from_env.then_some(name);
        self.check_ranges()
            .map_err(|message| Error::config(None, message))?;
        let base_url = parse_base_url(&self.base_url, self.allow_insecure_http)
            .map_err(|message| Error::config(variable(ENV_BASE_URL), message))?;
        let api_key = self.api_key.ok_or_else(|| {
            Error::config(variable(ENV_API_KEY), "no API key configured".to_owned())
        })?;
        if !(1..=MAX_PAGE_SIZE).contains(&self.page_size) {
            return Err(Error::config(
                None,
                format!(
                    "page size must be 1 to {MAX_PAGE_SIZE}, got {}",
                    self.page_size
                ),
            ));
        }
        if self.page_concurrency == 0 || self.max_in_flight == 0 {
            return Err(Error::config(
                None,
                "page concurrency and in-flight limit must be at least 1".to_owned(),
            ));
        }
        if self.user.is_some() != self.password.is_some() {
            let missing = if self.user.is_some() {
                ENV_PASS
            } else {
                ENV_USER
            };
            return Err(Error::config(
                Some(missing),
                format!("login needs both {ENV_USER} and {ENV_PASS}; {missing} is missing"),
            ));
        }
        Ok(Config {
            base_url,
            api_key,
            user: self.user,
            password: self.password,
            timeout: self.timeout,
            connect_timeout: self.connect_timeout,
            retry: self.retry,
            page_size: self.page_size,
            page_concurrency: self.page_concurrency,
            max_in_flight: self.max_in_flight,
            requests_per_second: self.requests_per_second,
            user_agent: self.user_agent,
            jwt_refresh_margin: self.jwt_refresh_margin,
            max_response_bytes: self.max_response_bytes,
        })
    }
}

impl ConfigBuilder {
    /// Every numeric setting within its range (see [`checks`]).
    fn check_ranges(&self) -> Result<(), String> {
        if let Some(rate) = self.requests_per_second {
            checks::rate(rate)?;
        }
        checks::duration("timeout", self.timeout, Zero::Refused)?;
        checks::duration("connect timeout", self.connect_timeout, Zero::Refused)?;
        checks::duration("JWT refresh margin", self.jwt_refresh_margin, Zero::Allowed)?;
        if self.max_response_bytes == 0 {
            return Err("the response size limit must be at least 1 byte".to_owned());
        }
        checks::retry_policy(&self.retry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn missing_api_key_names_the_variable() {
        let err = Config::from_lookup(env(&[])).unwrap_err();
        assert_eq!(err.config_variable(), Some(ENV_API_KEY));
    }

    #[test]
    fn user_without_password_names_the_missing_variable() {
        let err = Config::from_lookup(env(&[(ENV_API_KEY, "k"), (ENV_USER, "a@b.c")])).unwrap_err();
        assert_eq!(err.config_variable(), Some(ENV_PASS));
    }

    #[test]
    fn plain_http_is_refused_off_loopback() {
        let err = Config::from_lookup(env(&[
            (ENV_API_KEY, "k"),
            (ENV_BASE_URL, "http://api.example.org"),
        ]))
        .unwrap_err();
        assert_eq!(err.config_variable(), Some(ENV_BASE_URL));
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9",
        ] {
            assert!(
                Config::builder().base_url(ok).api_key("k").build().is_ok(),
                "{ok}"
            );
        }
        assert!(
            Config::builder()
                .base_url("http://10.0.0.1")
                .api_key("k")
                .allow_insecure_http(true)
                .build()
                .is_ok()
        );
    }

    #[test]
    fn a_base_url_with_userinfo_is_refused_without_echoing_it() {
        for url in [
            "https://ops:hunter2@api.example.org",
            "https://ops@api.example.org/v1",
            "http://:hunter2@127.0.0.1:8080",
        ] {
            let err = Config::builder()
                .base_url(url)
                .api_key("k")
                .build()
                .unwrap_err();
            assert!(err.is_config(), "{url}: {err:?}");
            let shown = format!("{err} {err:?}");
            assert!(shown.contains("user name or password"), "{shown}");
            assert!(
                !shown.contains("hunter2") && !shown.contains("ops@"),
                "{shown}"
            );
        }
        let err = Config::from_lookup(env(&[
            (ENV_API_KEY, "k"),
            (ENV_BASE_URL, "https://ops:hunter2@api.example.org"),
        ]))
        .unwrap_err();
        assert_eq!(err.config_variable(), Some(ENV_BASE_URL));
        // A URL that fails to parse does not echo its password either.
        let err = Config::builder()
            .base_url("https://ops:hunter2@exa mple.org")
            .api_key("k")
            .build()
            .unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn out_of_range_values_are_config_errors_not_panics() {
        let base = || Config::builder().api_key("k");
        let refused = [
            base().requests_per_second(1e-20),
            base().requests_per_second(f64::NAN),
            base().jwt_refresh_margin(Duration::MAX),
            base().jwt_refresh_margin(Duration::from_secs(400 * 24 * 3600)),
            base().timeout(Duration::ZERO),
            base().connect_timeout(Duration::MAX),
            base().retry_policy(RetryPolicy::default().max_retry_after(Duration::MAX)),
            base().retry_policy(RetryPolicy::default().max_total(Duration::from_secs(u64::MAX))),
            base().retry_policy(RetryPolicy::default().initial_backoff(Duration::MAX)),
        ];
        for builder in refused {
            let err = builder.build().unwrap_err();
            assert!(err.is_config(), "{err:?}");
        }
        assert!(base().requests_per_second(0.5).build().is_ok());
        assert!(base().jwt_refresh_margin(MAX_DURATION).build().is_ok());
    }

    #[test]
    fn debug_redacts_secrets() {
        let config = Config::builder()
            .api_key("super-secret-key")
            .credentials("a@b.c", "pa55word")
            .build()
            .unwrap();
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("super-secret-key") && !shown.contains("pa55word"),
            "{shown}"
        );
    }
}
