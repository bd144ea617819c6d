//! The facade's [`Client`]: the engine plus the typed resource handles.

use assured_core::{Config, Error};

/// An Assured API client with one handle per resource
/// (`client.providers()`, `client.provider_profile()`, ...), each with one
/// method per endpoint.
///
/// Cheap to clone: clones share the connection pool, the session JWT, the
/// retry budget and the limits. `Debug` shows no secret.
///
/// ```no_run
/// # async fn run() -> Result<(), assured::Error> {
/// let client = assured::Client::from_env()?;
/// let providers = client.providers().list().all().await?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    core: assured_core::Client,
    #[cfg(feature = "helpers")]
    helpers: assured_helpers::Helpers,
}

impl Client {
    /// A client over the default transport (HTTPS through rustls).
    pub fn new(config: Config) -> Result<Self, Error> {
        assured_core::Client::new(config).map(Self::from_core)
    }

    /// Reads the configuration from `ASSURED_*` variables and a `.env` file
    /// (see [`Config::from_env`]).
    pub fn from_env() -> Result<Self, Error> {
        Self::new(Config::from_env()?)
    }

    /// Wraps an engine client (e.g. one built over a custom transport with
    /// [`assured_core::Client::with_transport`]).
    pub fn from_core(core: assured_core::Client) -> Self {
        Self {
            #[cfg(feature = "helpers")]
            helpers: assured_helpers::Helpers::new(core.clone()),
            core,
        }
    }

    /// Wraps helpers configured by hand (NPI check, cache TTL, upload
    /// limit; see [`assured_helpers::HelpersBuilder`]), with their client.
    #[cfg(feature = "helpers")]
    pub fn from_helpers(helpers: assured_helpers::Helpers) -> Self {
        Self {
            core: helpers.client().clone(),
            helpers,
        }
    }

    /// The smart helpers, with the caches every clone shares; their methods
    /// are also on the handles (`client.providers().get_by_npi(..)`).
    #[cfg(feature = "helpers")]
    pub fn helpers(&self) -> &assured_helpers::Helpers {
        &self.helpers
    }

    /// The engine: the generic calls (`call::<E>`, `page`, `all`, `stream`)
    /// for any catalog endpoint, dead ones included.
    pub fn core(&self) -> &assured_core::Client {
        &self.core
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        self.core.config()
    }
}

impl From<assured_core::Client> for Client {
    fn from(core: assured_core::Client) -> Self {
        Self::from_core(core)
    }
}
