//! Practice locations and their links to providers.
//!
//! The Python client and the vendor spec name the location fields
//! differently (quirk 17): client `address_line_1`, `city`, `zip_code`,
//! `phone`, `fax`; spec `mailing_street_address_1`, `mailing_city`,
//! `mailing_zip_code`, `phone_number`, `fax_number`. No source says which one
//! production follows, so these types carry the spec's names, send them, and
//! accept the client's names as aliases on input.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{ClientId, PracticeLocationId, PracticeLocationProviderId, TaxEntityId};
use crate::query::QueryParams;
use crate::time::ApiDateTime;

/// A practice location of the organisation.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocation {
    /// Practice location id.
    pub id: PracticeLocationId,
    /// Location name.
    pub name: Option<String>,
    /// The tax entity the location belongs to (spec field).
    pub tax_entity: Option<TaxEntityId>,
    /// Name of the tax entity (spec field).
    pub tax_entity_name: Option<String>,
    /// Practice e-mail (spec field).
    pub practice_email: Option<String>,
    /// Phone number (spec name; client name `phone` accepted).
    #[serde(alias = "phone")]
    pub phone_number: Option<String>,
    /// Fax number (spec name; client name `fax` accepted).
    #[serde(alias = "fax")]
    pub fax_number: Option<String>,
    /// How the address follows the tax entity's (spec field).
    pub address_sync_with_tax_entity_type: Option<String>,
    /// Completion of the location's data (spec field).
    pub practice_locations_completion_info: Option<PracticeLocationCompletionInfo>,
    /// When the location was last updated (spec field).
    pub updated_at: Option<ApiDateTime>,
    /// Contact's title (spec field).
    pub contact_title: Option<String>,
    /// Contact's name (spec field).
    pub contact_name: Option<String>,
    /// Practice speciality (sic) (spec field).
    pub practice_speciality: Option<String>,
    /// Contact e-mail (spec field).
    pub practice_location_contact_email_id: Option<String>,
    /// Department (spec field).
    pub department: Option<String>,
    /// Medicaid id of the location (spec field).
    pub medicaid_id: Option<String>,
    /// Whether the practice qualifies as a minority business enterprise (spec field).
    pub qualify_minority_business_enterprise: Option<bool>,
    /// Client id (spec field).
    pub client: Option<ClientId>,
    /// Location type (spec field).
    pub practice_location_type: Option<String>,
    /// County (spec field).
    pub practice_location_county: Option<String>,
    /// Mailing street, line 1 (spec name; client name `address_line_1` accepted).
    #[serde(alias = "address_line_1")]
    pub mailing_street_address_1: Option<String>,
    /// Mailing street, line 2 (spec name; client name `address_line_2` accepted).
    #[serde(alias = "address_line_2")]
    pub mailing_street_address_2: Option<String>,
    /// Mailing city (spec name; client name `city` accepted).
    #[serde(alias = "city")]
    pub mailing_city: Option<String>,
    /// Mailing state, two-letter code (`CA`, `NY`, ...).
    pub mailing_state: Option<String>,
    /// Mailing ZIP code (spec name; client name `zip_code` accepted).
    #[serde(alias = "zip_code")]
    pub mailing_zip_code: Option<String>,
    /// Billing street, line 1 (spec field).
    pub billing_street_address_1: Option<String>,
    /// Billing street, line 2 (spec field).
    pub billing_street_address_2: Option<String>,
    /// Billing city (spec field).
    pub billing_city: Option<String>,
    /// Billing state (spec field).
    pub billing_state: Option<String>,
    /// Billing ZIP code (spec field).
    pub billing_zip_code: Option<String>,
    /// Whether the billing address is the mailing address (spec field).
    pub billing_address_same_as_mailing: Option<bool>,
    /// State (client-model field, kept apart from `mailing_state`, which the
    /// client model also has).
    pub state: Option<String>,
    /// NPI (client-model field; not in the spec record).
    pub npi: Option<String>,
    /// Tax id (client-model field; not in the spec record).
    pub tax_id: Option<String>,
    /// When the location was archived (client-model field).
    pub archived_at: Option<ApiDateTime>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `practice_locations_completion_info` of a practice location.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocationCompletionInfo {
    /// Percentage of the data filled in.
    pub completion_percentage: Option<i64>,
    /// What is missing.
    pub missing_info: Option<Vec<String>>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the practice-location create call.
///
/// Sends the spec's field names; the Python client's names (`address_line_1`,
/// `address_line_2`, `city`, `state`, `zip_code`, `phone`, `fax`) are accepted
/// as aliases on input only. Which set production honours is unverified
/// (quirk 17).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocationCreate {
    /// Location name (required).
    pub name: String,
    /// The tax entity the location belongs to (the spec body has it; it
    /// looks required there, though the spec lists no required fields).
    pub tax_entity: Option<TaxEntityId>,
    /// Practice e-mail.
    pub practice_email: Option<String>,
    /// Phone number (client name `phone`).
    #[serde(alias = "phone")]
    pub phone_number: Option<String>,
    /// Fax number (client name `fax`).
    #[serde(alias = "fax")]
    pub fax_number: Option<String>,
    /// How the address follows the tax entity's.
    pub address_sync_with_tax_entity_type: Option<String>,
    /// Contact's title.
    pub contact_title: Option<String>,
    /// Contact's name.
    pub contact_name: Option<String>,
    /// Practice speciality (sic).
    pub practice_speciality: Option<String>,
    /// Contact e-mail.
    pub practice_location_contact_email_id: Option<String>,
    /// Department.
    pub department: Option<String>,
    /// Medicaid id of the location.
    pub medicaid_id: Option<String>,
    /// Whether the practice qualifies as a minority business enterprise.
    pub qualify_minority_business_enterprise: Option<bool>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Location type.
    pub practice_location_type: Option<String>,
    /// County.
    pub practice_location_county: Option<String>,
    /// Mailing street, line 1 (client name `address_line_1`).
    #[serde(alias = "address_line_1")]
    pub mailing_street_address_1: Option<String>,
    /// Mailing street, line 2 (client name `address_line_2`).
    #[serde(alias = "address_line_2")]
    pub mailing_street_address_2: Option<String>,
    /// Mailing city (client name `city`).
    #[serde(alias = "city")]
    pub mailing_city: Option<String>,
    /// Mailing state, two-letter code (client name `state`).
    #[serde(alias = "state")]
    pub mailing_state: Option<String>,
    /// Mailing ZIP code (client name `zip_code`).
    #[serde(alias = "zip_code")]
    pub mailing_zip_code: Option<String>,
    /// Billing street, line 1.
    pub billing_street_address_1: Option<String>,
    /// Billing street, line 2.
    pub billing_street_address_2: Option<String>,
    /// Billing city.
    pub billing_city: Option<String>,
    /// Billing state.
    pub billing_state: Option<String>,
    /// Billing ZIP code.
    pub billing_zip_code: Option<String>,
    /// Whether the billing address is the mailing address.
    pub billing_address_same_as_mailing: Option<bool>,
    /// NPI (client-model field with no spec counterpart; whether production
    /// accepts it is unverified).
    pub npi: Option<String>,
    /// Tax id (client-model field with no spec counterpart; whether
    /// production accepts it is unverified).
    pub tax_id: Option<String>,
}

impl PracticeLocationCreate {
    /// A location with just a name; set the other fields as needed
    /// (`tax_entity` in particular).
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            tax_entity: None,
            practice_email: None,
            phone_number: None,
            fax_number: None,
            address_sync_with_tax_entity_type: None,
            contact_title: None,
            contact_name: None,
            practice_speciality: None,
            practice_location_contact_email_id: None,
            department: None,
            medicaid_id: None,
            qualify_minority_business_enterprise: None,
            client: None,
            practice_location_type: None,
            practice_location_county: None,
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
            npi: None,
            tax_id: None,
        }
    }
}

/// Filters of the practice-location list.
///
/// `limit`, `offset`, `search`, `ordering` and `is_archived` are what the
/// Python client sends; the other filters are documented by the spec only.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocationListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Field to order by (`-field` for descending; client-only parameter).
    pub ordering: Option<String>,
    /// Only archived (or unarchived) locations (client-only parameter).
    pub is_archived: Option<bool>,
    /// Only locations of this client (spec-only parameter).
    pub client: Option<ClientId>,
    /// Only locations of these clients (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_ids: Option<Vec<ClientId>>,
    /// Only these locations (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub id_in: Option<Vec<PracticeLocationId>>,
    /// Only locations with this mailing state (spec-only; two-letter code).
    pub mailing_state: Option<String>,
    /// Only locations with these mailing states (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub mailing_state_in: Option<Vec<String>>,
    /// Only locations of this type (spec-only).
    pub practice_location_type: Option<String>,
    /// Only locations of this tax entity (spec-only).
    pub tax_entity: Option<TaxEntityId>,
    /// Only locations of these tax entities (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub tax_entity_in: Option<Vec<TaxEntityId>>,
    /// Only locations whose tax entity is incorporated in these states
    /// (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub tax_entity_incorporation_state_in: Option<Vec<String>>,
}

impl QueryParams for PracticeLocationListParams {}

/// A link between a provider and a practice location.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocationProvider {
    /// Link id (the path id of the get/delete/mark-primary calls).
    pub id: PracticeLocationProviderId,
    /// Practice location id.
    pub practice_location: Option<PracticeLocationId>,
    /// Provider id; no source states whether it is the account or the
    /// profile id, so it stays a plain string.
    pub provider: Option<String>,
    /// Provider's display name.
    pub provider_name: Option<String>,
    /// Location's name.
    pub practice_location_name: Option<String>,
    /// State (two-letter code).
    pub state: Option<String>,
    /// Mailing street, line 1.
    pub mailing_street_address_1: Option<String>,
    /// Mailing street, line 2.
    pub mailing_street_address_2: Option<String>,
    /// Mailing city.
    pub mailing_city: Option<String>,
    /// Mailing ZIP code.
    pub mailing_zip_code: Option<String>,
    /// Phone number.
    pub phone_number: Option<String>,
    /// Fax number.
    pub fax_number: Option<String>,
    /// Tax entity name.
    pub tax_entity_name: Option<String>,
    /// NPI.
    pub npi: Option<String>,
    /// The provider's CAQH id.
    pub caqh_id: Option<String>,
    /// Whether this is the provider's primary location.
    pub is_primary_location: Option<bool>,
    /// When the location was archived.
    pub archived_at: Option<ApiDateTime>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the practice-location-provider list.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocationProviderListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Only links to this practice location.
    pub practice_location: Option<PracticeLocationId>,
    /// Only links to archived (or unarchived) locations.
    #[serde(rename = "practice_location__is_archived")]
    pub practice_location_is_archived: Option<bool>,
    /// Only locations with this mailing state (two-letter code).
    #[serde(rename = "practice_location__mailing_state")]
    pub practice_location_mailing_state: Option<String>,
    /// Only locations with these mailing states (sent comma-separated).
    #[serde(
        rename = "practice_location__mailing_state_in",
        with = "crate::query::comma_list",
        default
    )]
    pub practice_location_mailing_state_in: Option<Vec<String>>,
    /// Only locations of this tax entity.
    #[serde(rename = "practice_location__tax_entity")]
    pub practice_location_tax_entity: Option<TaxEntityId>,
    /// Only locations whose tax entity is incorporated in this state.
    #[serde(rename = "practice_location__tax_entity__incorporation_state")]
    pub practice_location_tax_entity_incorporation_state: Option<String>,
    /// Only locations whose tax entity is incorporated in these states
    /// (sent comma-separated).
    #[serde(
        rename = "practice_location__tax_entity__incorporation_state_in",
        with = "crate::query::comma_list",
        default
    )]
    pub practice_location_tax_entity_incorporation_state_in: Option<Vec<String>>,
    /// Only locations of these tax entities (sent comma-separated).
    #[serde(
        rename = "practice_location__tax_entity_in",
        with = "crate::query::comma_list",
        default
    )]
    pub practice_location_tax_entity_in: Option<Vec<TaxEntityId>>,
    /// Only links of this provider; no source states whether it is the
    /// account or the profile id, so it stays a plain string.
    pub provider: Option<String>,
    /// Free-text search.
    pub search: Option<String>,
}

impl QueryParams for PracticeLocationProviderListParams {}

/// Body of the bulk call linking one provider to several practice locations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderPracticeLocationsBulkCreate {
    /// Provider id; no source states whether it is the account or the
    /// profile id, so it stays a plain string.
    pub provider: String,
    /// The practice locations to link.
    pub practice_locations: Vec<PracticeLocationId>,
}

impl ProviderPracticeLocationsBulkCreate {
    /// Links `provider` to `practice_locations`.
    #[must_use]
    pub fn new(
        provider: impl Into<String>,
        practice_locations: impl IntoIterator<Item = PracticeLocationId>,
    ) -> Self {
        Self {
            provider: provider.into(),
            practice_locations: practice_locations.into_iter().collect(),
        }
    }
}

/// Reply of the bulk link call.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkPracticeLocationsResult {
    /// Server message.
    pub message: Option<String>,
    /// How many links were created.
    pub created_count: Option<u64>,
    /// How many were skipped (already linked, presumably).
    pub skipped_count: Option<u64>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the mark-primary call.
///
/// `Default` marks the location primary, as the Python client does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkPrimaryLocationRequest {
    /// Whether the linked location becomes the provider's primary one.
    pub is_primary_location: bool,
}

impl MarkPrimaryLocationRequest {
    /// Marks the location primary (`is_primary_location: true`).
    #[must_use]
    pub fn primary() -> Self {
        Self {
            is_primary_location: true,
        }
    }
}

impl Default for MarkPrimaryLocationRequest {
    fn default() -> Self {
        Self::primary()
    }
}
