//! Settings of the helpers, set through [`HelpersBuilder`].

use std::time::Duration;

use assured_core::Client;

use crate::error::HelperError;
use crate::helpers::Helpers;
use crate::npi::NpiCheck;

/// How long the NPI index is trusted by default: the mapping changes rarely
/// and rebuilding it lists every provider.
pub const DEFAULT_NPI_TTL: Duration = Duration::from_secs(5 * 60);

/// The largest document accepted by default (100 MiB).
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 100 * 1024 * 1024;

/// Account ids per `id_in` request by default: 50 UUIDs keep the URL under
/// 2 KiB.
pub const DEFAULT_ID_CHUNK_SIZE: usize = 50;

/// The most account ids one `id_in` request may carry (about 37 KiB of URL).
pub const MAX_ID_CHUNK_SIZE: usize = 1000;

/// The helpers' settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpersConfig {
    pub(crate) npi_check: NpiCheck,
    pub(crate) npi_ttl: Duration,
    pub(crate) max_upload_bytes: u64,
    pub(crate) id_chunk_size: usize,
}

impl Default for HelpersConfig {
    fn default() -> Self {
        Self {
            npi_check: NpiCheck::Strict,
            npi_ttl: DEFAULT_NPI_TTL,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            id_chunk_size: DEFAULT_ID_CHUNK_SIZE,
        }
    }
}

impl HelpersConfig {
    /// How NPIs are checked before a lookup.
    pub fn npi_check(&self) -> NpiCheck {
        self.npi_check
    }

    /// How long a built NPI index answers lookups.
    pub fn npi_ttl(&self) -> Duration {
        self.npi_ttl
    }

    /// The largest document an upload accepts, in bytes.
    pub fn max_upload_bytes(&self) -> u64 {
        self.max_upload_bytes
    }

    /// Account ids per `id_in` request.
    pub fn id_chunk_size(&self) -> usize {
        self.id_chunk_size
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
        let config = self.config;
        if !(1..=MAX_ID_CHUNK_SIZE).contains(&config.id_chunk_size) {
            return Err(HelperError::invalid_input(format!(
                "id_chunk_size must be 1..={MAX_ID_CHUNK_SIZE}, got {}",
                config.id_chunk_size
            )));
        }
        if config.max_upload_bytes == 0 {
            return Err(HelperError::invalid_input(
                "max_upload_bytes must be at least 1",
            ));
        }
        Ok(Helpers::from_parts(self.client, config))
    }
}
