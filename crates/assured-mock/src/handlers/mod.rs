//! One handler per endpoint, one file per catalog module; the plain record
//! collections share the generic handler of [`collection`] and their files
//! hold only what differs (kind, owner, filters).

// Handlers share one signature (`Result<Reply, Reply>`), even those that
// cannot fail.
#![allow(clippy::unnecessary_wraps, clippy::single_match_else)]

pub(crate) mod account;
pub(crate) mod collection;
pub(crate) mod common;
pub(crate) mod credentialing;
pub(crate) mod facilities;
pub(crate) mod files;
pub(crate) mod hospital_affiliations;
pub(crate) mod payer_enrollment;
pub(crate) mod practice_locations;
pub(crate) mod professional_records;
pub(crate) mod provider_profile;
pub(crate) mod providers;
pub(crate) mod tasks;
pub(crate) mod tax_entities;
pub(crate) mod users;
