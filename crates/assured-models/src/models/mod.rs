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

/// Removes every [`SECRET_FIELDS`] key from `value`, at any depth (for
/// output that shows records whole, such as JSON exports).
///
/// ```
/// let mut record = serde_json::json!({"id": 1, "caqh_password": "x", "login": {"password": "y"}});
/// assured_models::models::strip_secrets(&mut record);
/// assert_eq!(record, serde_json::json!({"id": 1, "login": {}}));
/// ```
pub fn strip_secrets(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(object) => {
            object.retain(|key, _| !SECRET_FIELDS.contains(&key.as_str()));
            object.values_mut().for_each(strip_secrets);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_secrets),
        _ => {}
    }
}

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
