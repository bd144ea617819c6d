//! [`Helpers`]: the value that holds the caches, and its builder.

use std::sync::Arc;
use std::time::Duration;

use assured_core::Client;

use crate::config::HelpersConfig;
use crate::error::HelperError;
use crate::keyed_lock::KeyedLocks;
use crate::npi::NpiCheck;
use crate::npi_index::NpiCache;
use crate::profile_id_cache::ProfileIdCache;

/// The smart helpers, over a bare [`assured_core::Client`].
///
/// Cheap to clone: every clone shares the client and the caches (the
/// account→profile mapping, the NPI index, the per-profile write locks).
///
/// ```no_run
/// use assured_helpers::Helpers;
///
/// # async fn demo() -> Result<(), assured_helpers::HelperError> {
/// let helpers = Helpers::new(assured_core::Client::from_env()?);
/// let provider = helpers.get_by_npi("1234567893").await?;
/// println!("{:?}", provider.full_name);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Helpers {
    pub(crate) client: Client,
    pub(crate) shared: Arc<Shared>,
}

/// What every clone shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: HelpersConfig,
    pub(crate) profile_ids: ProfileIdCache,
    pub(crate) npi: NpiCache,
    /// Serialises fetch-merge-patch per profile.
    pub(crate) personal_info_locks: KeyedLocks<assured_models::ProfileId>,
}

impl Helpers {
    /// Helpers with the default settings.
    pub fn new(client: Client) -> Self {
        Self::from_parts(client, HelpersConfig::default())
    }

    /// A builder for other settings.
    pub fn builder(client: Client) -> HelpersBuilder {
        HelpersBuilder::new(client)
    }

    pub(crate) fn from_parts(client: Client, config: HelpersConfig) -> Self {
        Self {
            client,
            shared: Arc::new(Shared {
                config,
                profile_ids: ProfileIdCache::default(),
                npi: NpiCache::default(),
                personal_info_locks: KeyedLocks::default(),
            }),
        }
    }

    /// The client the helpers call through.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The settings.
    pub fn config(&self) -> &HelpersConfig {
        &self.shared.config
    }
}

/// Builds a [`Helpers`] with non-default settings.
///
/// ```
/// use std::time::Duration;
/// use assured_helpers::{Helpers, NpiCheck};
///
/// # fn demo(client: assured_core::Client) -> Result<(), assured_helpers::HelperError> {
/// let helpers = Helpers::builder(client)
///     .npi_check(NpiCheck::FormatOnly)
///     .npi_ttl(Duration::from_secs(60))
///     .max_upload_bytes(20 * 1024 * 1024)
///     .id_chunk_size(100)
///     .build()?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct HelpersBuilder {
    client: Client,
    config: HelpersConfig,
}

impl HelpersBuilder {
    pub(crate) fn new(client: Client) -> Self {
        Self {
            client,
            config: HelpersConfig::default(),
        }
    }

    /// Strict NPI check (the default) or format only, for sandbox data.
    pub fn npi_check(mut self, check: NpiCheck) -> Self {
        self.config.npi_check = check;
        self
    }

    /// How long the NPI index answers lookups (default 5 minutes). Zero
    /// rebuilds it for every lookup.
    pub fn npi_ttl(mut self, ttl: Duration) -> Self {
        self.config.npi_ttl = ttl;
        self
    }

    /// The largest document accepted (default 100 MiB).
    pub fn max_upload_bytes(mut self, bytes: u64) -> Self {
        self.config.max_upload_bytes = bytes;
        self
    }

    /// Account ids per `id_in` request (default 50, at most 1000).
    pub fn id_chunk_size(mut self, ids: usize) -> Self {
        self.config.id_chunk_size = ids;
        self
    }

    /// Checks the settings and builds the helpers.
    pub fn build(self) -> Result<Helpers, HelperError> {
        if let Some(problem) = self.config.problem() {
            return Err(HelperError::invalid_input(problem));
        }
        Ok(Helpers::from_parts(self.client, self.config))
    }
}
