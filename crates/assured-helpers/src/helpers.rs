//! [`Helpers`]: the value that holds the caches.

use std::sync::Arc;

use assured_core::Client;

use crate::config::{HelpersBuilder, HelpersConfig};
use crate::keyed_lock::KeyedLocks;
use crate::npi_cache::NpiCache;
use crate::profile_ids::ProfileIdCache;

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
