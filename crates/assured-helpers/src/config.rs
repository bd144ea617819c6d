//! Settings of the helpers and their defaults.

use std::time::Duration;

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

/// The helpers' settings (set through
/// [`HelpersBuilder`](crate::HelpersBuilder)).
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
    /// Why these settings cannot be used, if they cannot.
    pub(crate) fn problem(&self) -> Option<String> {
        if !(1..=MAX_ID_CHUNK_SIZE).contains(&self.id_chunk_size) {
            return Some(format!(
                "id_chunk_size must be 1..={MAX_ID_CHUNK_SIZE}, got {}",
                self.id_chunk_size
            ));
        }
        (self.max_upload_bytes == 0).then(|| "max_upload_bytes must be at least 1".to_owned())
    }

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
