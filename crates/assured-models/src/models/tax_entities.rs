//! Tax entities of the organisation.
//!
//! The Python client models a tax entity as `name`, `tax_id`, `npi`; the
//! vendor spec as `legal_name`, `dba`, `incorporation_state`, addresses, ...
//! No source says which one production follows (quirk 17), so these types
//! carry the spec's names, send them, and accept `name` as an alias of
//! `legal_name` on input.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{ClientId, TaxEntityId};
use crate::query::QueryParams;
use crate::time::ApiDateTime;

/// A tax entity (list and detail records).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxEntity {
    /// Tax entity id.
    pub id: TaxEntityId,
    /// Legal name (spec name; the client's `name` is accepted).
    #[serde(alias = "name")]
    pub legal_name: Option<String>,
    /// Doing-business-as name.
    pub dba: Option<String>,
    /// State of incorporation (two-letter code).
    pub incorporation_state: Option<String>,
    /// Tax id (TIN/EIN).
    pub tax_id: Option<String>,
    /// Group NPI.
    pub npi: Option<String>,
    /// When the entity was created.
    pub created_at: Option<ApiDateTime>,
    /// When the entity was last updated.
    pub updated_at: Option<ApiDateTime>,
    /// Completion of the entity's data.
    pub tax_entity_completion_info: Option<TaxEntityCompletionInfo>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Mailing street, line 1 (detail record).
    pub mailing_street_address_1: Option<String>,
    /// Mailing street, line 2 (detail record).
    pub mailing_street_address_2: Option<String>,
    /// Mailing city (detail record).
    pub mailing_city: Option<String>,
    /// Mailing state (detail record).
    pub mailing_state: Option<String>,
    /// Mailing ZIP code (detail record).
    pub mailing_zip_code: Option<String>,
    /// Billing street, line 1 (detail record).
    pub billing_street_address_1: Option<String>,
    /// Billing street, line 2 (detail record).
    pub billing_street_address_2: Option<String>,
    /// Billing city (detail record).
    pub billing_city: Option<String>,
    /// Billing state (detail record).
    pub billing_state: Option<String>,
    /// Billing ZIP code (detail record).
    pub billing_zip_code: Option<String>,
    /// Whether the billing address is the mailing address (detail record).
    pub billing_address_same_as_mailing: Option<bool>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `tax_entity_completion_info` of a tax entity.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxEntityCompletionInfo {
    /// Percentage of the data filled in.
    pub completion_percent: Option<i64>,
    /// What is missing.
    pub other_profile_missing_info: Option<Vec<String>>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the tax-entity list.
///
/// `limit`, `offset`, `search` and `ordering` are what the Python client
/// sends; the other filters are documented by the spec only.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaxEntityListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Field to order by (`-field` for descending; client-only parameter).
    pub ordering: Option<String>,
    /// Only entities of this client (spec-only).
    pub client: Option<ClientId>,
    /// Only entities of these clients (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_ids: Option<Vec<ClientId>>,
    /// Only entities incorporated in this state (spec-only; two-letter code).
    pub incorporation_state: Option<String>,
    /// Only entities incorporated in these states (spec-only; sent
    /// comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub incorporation_state_in: Option<Vec<String>>,
    /// Only the entity with this NPI (spec-only).
    pub npi: Option<String>,
    /// Only the entity with this tax id (spec-only).
    pub tax_id: Option<String>,
}

impl QueryParams for TaxEntityListParams {}

/// Body of the tax-entity create call.
///
/// Sends the spec's names; the Python client's `name` is accepted as an
/// alias of `legal_name` on input only (quirk 17, unverified).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxEntityCreate {
    /// Legal name (required; the client calls it `name`).
    #[serde(alias = "name")]
    pub legal_name: String,
    /// Doing-business-as name.
    pub dba: Option<String>,
    /// State of incorporation (two-letter code).
    pub incorporation_state: Option<String>,
    /// Tax id (TIN/EIN).
    pub tax_id: Option<String>,
    /// Group NPI.
    pub npi: Option<String>,
    /// Incorporation type.
    pub incorporation_type: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Mailing street, line 1.
    pub mailing_street_address_1: Option<String>,
    /// Mailing street, line 2.
    pub mailing_street_address_2: Option<String>,
    /// Mailing city.
    pub mailing_city: Option<String>,
    /// Mailing state (two-letter code).
    pub mailing_state: Option<String>,
    /// Mailing ZIP code.
    pub mailing_zip_code: Option<String>,
    /// Billing street, line 1.
    pub billing_street_address_1: Option<String>,
    /// Billing street, line 2.
    pub billing_street_address_2: Option<String>,
    /// Billing city.
    pub billing_city: Option<String>,
    /// Billing state (two-letter code).
    pub billing_state: Option<String>,
    /// Billing ZIP code.
    pub billing_zip_code: Option<String>,
    /// Whether the billing address is the mailing address.
    pub billing_address_same_as_mailing: Option<bool>,
}

impl TaxEntityCreate {
    /// An entity with just a legal name; set the other fields as needed.
    #[must_use]
    pub fn new(legal_name: impl Into<String>) -> Self {
        Self {
            legal_name: legal_name.into(),
            dba: None,
            incorporation_state: None,
            tax_id: None,
            npi: None,
            incorporation_type: None,
            notes: None,
            client: None,
            mailing_street_address_1: None,
            mailing_street_address_2: None,
            mailing_city: None,
            mailing_state: None,
            mailing_zip_code: None,
            billing_street_address_1: None,
            billing_street_address_2: None,
            billing_city: None,
            billing_state: None,
            billing_zip_code: None,
            billing_address_same_as_mailing: None,
        }
    }
}

/// The create reply as the spec documents it (201).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxEntityCreated {
    /// Id of the new tax entity.
    pub id: TaxEntityId,
    /// Legal name (the client's `name` is accepted).
    #[serde(alias = "name")]
    pub legal_name: Option<String>,
    /// Doing-business-as name.
    pub dba: Option<String>,
    /// State of incorporation.
    pub incorporation_state: Option<String>,
    /// Tax id.
    pub tax_id: Option<String>,
    /// Group NPI.
    pub npi: Option<String>,
    /// When the entity was created.
    pub created_at: Option<ApiDateTime>,
    /// When the entity was last updated.
    pub updated_at: Option<ApiDateTime>,
    /// Completion of the entity's data.
    pub tax_entity_completion_info: Option<TaxEntityCompletionInfo>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Mailing street, line 1.
    pub mailing_street_address_1: Option<String>,
    /// Mailing state.
    pub mailing_state: Option<String>,
    /// Mailing ZIP code.
    pub mailing_zip_code: Option<String>,
    /// Whether the billing address is the mailing address.
    pub billing_address_same_as_mailing: Option<bool>,
    /// Fields this SDK does not know yet (other address fields included),
    /// kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
