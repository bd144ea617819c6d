//! Payload types, one module per resource group.
//!
//! Conventions (every module follows them):
//! * Response records keep unknown fields in `extra` (`#[serde(flatten)]`),
//!   so nothing the server sent is lost on a round trip; their optional
//!   fields are `Option` and are omitted on output when `None`.
//! * Request types omit unset optional fields (production rejects `null` on
//!   optional non-nullable fields); a field the caller must be able to clear
//!   is a [`Tristate`](crate::Tristate). Fields the spec lists as required
//!   are not `Option`.
//! * Dates are [`ApiDate`](crate::ApiDate) / [`ApiDateTime`](crate::ApiDateTime).
//! * Ids are the typed ids of [`crate::ids`].

/// Field names whose values are credentials: their `Debug` is redacted,
/// and tables and exports (`assured::table`, the command-line tool's CSV)
/// leave them out, at any depth.
pub const SECRET_FIELDS: &[&str] = &[
    "caqh_password",
    "password",
    "old_password",
    "new_password",
    "confirm_new_password",
];

pub mod account;
pub mod common;
pub mod credentialing;
pub mod facilities;
pub mod files;
pub mod hospital_affiliations;
pub mod payer_enrollment;
pub mod practice_locations;
pub mod professional_records;
pub mod provider_profile;
pub mod providers;
pub mod tasks;
pub mod tax_entities;
pub mod users;
