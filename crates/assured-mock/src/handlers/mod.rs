//! One handler per endpoint, one file per catalog module.

// Handlers share one signature (`Result<Reply, Reply>`), even those that
// cannot fail.
#![allow(clippy::unnecessary_wraps, clippy::single_match_else)]

pub(crate) mod account;
pub(crate) mod collection;
pub(crate) mod common;
pub(crate) mod credentialing;
pub(crate) mod files;
pub(crate) mod payer_enrollment;
pub(crate) mod practice_locations;
pub(crate) mod provider_profile;
pub(crate) mod providers;
pub(crate) mod tasks;
pub(crate) mod users;
