//! Facilities.
//!
//! The Python client models a facility as `name` and `status`; the vendor
//! spec as `facility_name` and `credentialing_status` plus a few more fields.
//! No source says which one production follows (quirk 17), so
//! [`FacilityProfile`] carries the spec's names and accepts the client's as
//! aliases.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::FacilityId;
use crate::query::QueryParams;

/// A facility profile from the facility list.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacilityProfile {
    /// Facility id.
    pub id: FacilityId,
    /// Facility name (spec name; the client's `name` is accepted).
    #[serde(alias = "name")]
    pub facility_name: Option<String>,
    /// Facility type.
    pub facility_type: Option<String>,
    /// Facility NPI (spec field).
    pub npi: Option<String>,
    /// States the facility is licensed in (spec field; two-letter codes).
    pub licensed_states: Option<Vec<String>>,
    /// Profile completeness in percent (spec field).
    pub profile_completeness_percent: Option<i64>,
    /// Credentialing status (spec name; the client's `status` is accepted).
    #[serde(alias = "status")]
    pub credentialing_status: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the facility list.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacilityListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Field to order by (`-field` for descending; client-only parameter).
    pub ordering: Option<String>,
}

impl QueryParams for FacilityListParams {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_and_spec_names_both_read() {
        let id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        let client: FacilityProfile = serde_json::from_value(serde_json::json!({
            "id": id, "name": "General", "status": "APPROVED"
        }))
        .unwrap();
        let spec: FacilityProfile = serde_json::from_value(serde_json::json!({
            "id": id, "facility_name": "General", "credentialing_status": "APPROVED"
        }))
        .unwrap();
        assert_eq!(client, spec);
        assert_eq!(
            serde_json::to_value(&client).unwrap(),
            serde_json::json!({
                "id": id, "facility_name": "General", "credentialing_status": "APPROVED"
            })
        );
    }
}
