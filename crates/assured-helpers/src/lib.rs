//! The smart helpers of the Assured SDK, over a bare [`assured_core::Client`].
//!
//! The raw API makes some everyday operations hard to get right; each
//! helper here does one of them correctly:
//!
//! * [`Helpers::get_profile_id`] / [`Helpers::get_profile_ids`]: account id
//!   → profile id, cached, in chunks of `id_in`;
//! * [`Helpers::get_by_npi`] / [`Helpers::get_by_npis`]: NPI lookup, checked
//!   first, through a cached index of the full provider list refreshed once
//!   for all concurrent callers;
//! * [`Helpers::update_personal_info`]: fetch-merge-patch of the
//!   whole-record personal info, serialised per profile;
//! * [`Helpers::update_ssn`], [`Helpers::get_ssn`], [`Helpers::verify_ssn`]:
//!   the SSN, encrypted with the JWT of each attempt;
//! * [`Helpers::upload_and_associate_document`],
//!   [`Helpers::associate_document`], [`Helpers::presign_url`]: the checked
//!   two-stage upload that never loses an uploaded file.
//!
//! One [`Helpers`] value holds the caches; clones share them. The
//! [guides] explain each pitfall and what the helper does about it.
//!
//! ```no_run
//! use assured_helpers::Helpers;
//! use assured_models::AccountId;
//! use assured_models::models::provider_profile::ProviderPersonalInfoUpdate;
//!
//! # async fn demo(account: AccountId) -> Result<(), assured_helpers::HelperError> {
//! let helpers = Helpers::new(assured_core::Client::from_env()?);
//! let profile = helpers.get_profile_id(&account).await?;
//! let update = ProviderPersonalInfoUpdate {
//!     home_city: "Salem".to_owned().into(),
//!     ..ProviderPersonalInfoUpdate::default()
//! };
//! let info = helpers.update_personal_info(&profile, update).await?;
//! assert_eq!(info.home_city.as_deref(), Some("Salem"));
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod config;
mod document;
mod error;
pub mod guides;
mod helpers;
mod keyed_lock;
mod npi;
mod npi_index;
mod npi_lookup;
mod personal_info;
mod profile_id_cache;
mod profile_ids;
mod s3_url;
mod ssn;
mod upload;

pub use config::{
    DEFAULT_ID_CHUNK_SIZE, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_NPI_TTL, HelpersConfig,
    MAX_ID_CHUNK_SIZE,
};
pub use document::{DocumentFormat, DocumentProblem};
pub use error::HelperError;
pub use helpers::{Helpers, HelpersBuilder};
pub use npi::{Npi, NpiCheck};
pub use s3_url::{InvalidS3Url, S3Url};
pub use upload::DocumentFile;
