//! Hospital affiliations of a provider: admitting arrangements, admitting
//! privileges and non-admitting affiliations.
//!
//! `provider` is the provider **account** id in all three families.
//!
//! The Python client's models are small subsets whose names differ from the
//! vendor spec (quirk 17): client `arrangement_type`, `privilege_type` +
//! `status`, `affiliation_type`; spec `admitting_arrangement_status`,
//! `admitting_privilege_type` + `privilege_status`,
//! `non_admitting_affiliation_status`. No source says which one production
//! follows, so these types carry (and send) the spec's names, accept the
//! client's as aliases, and include the spec-only fields as options.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{AccountId, AffiliationId};
use crate::query::QueryParams;
use crate::time::ApiDate;

/// An admitting arrangement.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdmittingArrangement {
    /// Record id.
    pub id: AffiliationId,
    /// The provider's account id.
    pub provider: Option<AccountId>,
    /// Hospital name.
    pub hospital_name: Option<String>,
    /// Arrangement status (spec name; the client's `arrangement_type` is
    /// accepted).
    #[serde(alias = "arrangement_type")]
    pub admitting_arrangement_status: Option<String>,
    /// Start date.
    pub start_date: Option<ApiDate>,
    /// End date.
    pub end_date: Option<ApiDate>,
    /// State (spec field).
    pub state: Option<String>,
    /// Country (spec field).
    pub country: Option<String>,
    /// Who admits (spec field).
    pub admitter: Option<String>,
    /// Street, line 1 (spec field).
    pub street_1: Option<String>,
    /// Street, line 2 (spec field).
    pub street_2: Option<String>,
    /// City (spec field).
    pub city: Option<String>,
    /// ZIP code (spec field).
    pub zip_code: Option<String>,
    /// Phone number (spec field).
    pub phone_number: Option<String>,
    /// Fax number (spec field).
    pub fax_number: Option<String>,
    /// Admitting contact's first name (spec field).
    pub first_name: Option<String>,
    /// Admitting contact's last name (spec field).
    pub last_name: Option<String>,
    /// Whether the admitting provider has the same specialty (spec field).
    pub is_the_admitting_provider_specialty_the_same_as_your_specialty: Option<bool>,
    /// Admitting contact's e-mail (spec field).
    pub email_address: Option<String>,
    /// Admitting provider's individual NPI (spec field).
    pub individual_npi: Option<String>,
    /// Description of the arrangement (spec field).
    pub admitting_arrangement_description: Option<String>,
    /// Admitting contact's phone (spec field).
    pub phone_number_admitting_contact: Option<String>,
    /// Group name (spec field).
    pub group_name: Option<String>,
    /// Organisation NPI (spec field).
    pub organization_npi_number: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the admitting-arrangement create call (spec names sent; client
/// names accepted on input).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdmittingArrangementCreate {
    /// The provider's account id (required).
    pub provider: AccountId,
    /// Hospital name.
    pub hospital_name: Option<String>,
    /// Arrangement status (client name `arrangement_type`).
    #[serde(alias = "arrangement_type")]
    pub admitting_arrangement_status: Option<String>,
    /// Start date.
    pub start_date: Option<ApiDate>,
    /// End date.
    pub end_date: Option<ApiDate>,
    /// State (spec field).
    pub state: Option<String>,
    /// Country (spec field).
    pub country: Option<String>,
    /// Who admits (spec field).
    pub admitter: Option<String>,
    /// Street, line 1 (spec field).
    pub street_1: Option<String>,
    /// Street, line 2 (spec field).
    pub street_2: Option<String>,
    /// City (spec field).
    pub city: Option<String>,
    /// ZIP code (spec field).
    pub zip_code: Option<String>,
    /// Phone number (spec field).
    pub phone_number: Option<String>,
    /// Fax number (spec field).
    pub fax_number: Option<String>,
    /// Admitting contact's first name (spec field).
    pub first_name: Option<String>,
    /// Admitting contact's last name (spec field).
    pub last_name: Option<String>,
    /// Whether the admitting provider has the same specialty (spec field).
    pub is_the_admitting_provider_specialty_the_same_as_your_specialty: Option<bool>,
    /// Admitting contact's e-mail (spec field).
    pub email_address: Option<String>,
    /// Admitting provider's individual NPI (spec field).
    pub individual_npi: Option<String>,
    /// Description of the arrangement (spec field).
    pub admitting_arrangement_description: Option<String>,
    /// Admitting contact's phone (spec field).
    pub phone_number_admitting_contact: Option<String>,
    /// Group name (spec field).
    pub group_name: Option<String>,
    /// Organisation NPI (spec field).
    pub organization_npi_number: Option<String>,
}

impl AdmittingArrangementCreate {
    /// An arrangement of `provider`; set the other fields as needed.
    #[must_use]
    pub fn new(provider: AccountId) -> Self {
        Self {
            provider,
            hospital_name: None,
            admitting_arrangement_status: None,
            start_date: None,
            end_date: None,
            state: None,
            country: None,
            admitter: None,
            street_1: None,
            street_2: None,
            city: None,
            zip_code: None,
            phone_number: None,
            fax_number: None,
            first_name: None,
            last_name: None,
            is_the_admitting_provider_specialty_the_same_as_your_specialty: None,
            email_address: None,
            individual_npi: None,
            admitting_arrangement_description: None,
            phone_number_admitting_contact: None,
            group_name: None,
            organization_npi_number: None,
        }
    }
}

/// An admitting privilege.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdmittingPrivilege {
    /// Record id.
    pub id: AffiliationId,
    /// The provider's account id.
    pub provider: Option<AccountId>,
    /// Hospital name.
    pub hospital_name: Option<String>,
    /// Privilege type (spec name; the client's `privilege_type` is accepted).
    #[serde(alias = "privilege_type")]
    pub admitting_privilege_type: Option<String>,
    /// Privilege status (spec name; the client's `status` is accepted).
    #[serde(alias = "status")]
    pub privilege_status: Option<String>,
    /// Start date.
    pub start_date: Option<ApiDate>,
    /// End date.
    pub end_date: Option<ApiDate>,
    /// State (spec field).
    pub state: Option<String>,
    /// Country (spec field).
    pub country: Option<String>,
    /// Whether this is the primary hospital (spec field).
    pub primary_hospital: Option<bool>,
    /// Share of admissions to this hospital, in percent (spec field).
    pub hospital_percentage: Option<i64>,
    /// Department (spec field).
    pub department: Option<String>,
    /// Contact's first name (spec field).
    pub contact_first_name: Option<String>,
    /// Contact's last name (spec field).
    pub contact_last_name: Option<String>,
    /// Contact's middle initial (spec field).
    pub contact_middle_initial: Option<String>,
    /// Street, line 1 (spec field).
    pub street_1: Option<String>,
    /// Street, line 2 (spec field).
    pub street_2: Option<String>,
    /// City (spec field).
    pub city: Option<String>,
    /// ZIP code (spec field).
    pub zip_code: Option<String>,
    /// Phone number (spec field).
    pub phone_number: Option<String>,
    /// Fax number (spec field).
    pub fax_number: Option<String>,
    /// Reasons for discontinuance (spec field).
    pub reasons_for_discontinuance: Option<String>,
    /// Reason for termination (spec field).
    pub reason_for_termination: Option<String>,
    /// Contact's e-mail (spec field).
    pub contact_email_address: Option<String>,
    /// Contact's phone (spec field).
    pub contact_phone_number: Option<String>,
    /// Contact's fax (spec field).
    pub contact_fax_number: Option<String>,
    /// Submission date (spec field).
    pub submission_date: Option<ApiDate>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the admitting-privilege create call (spec names sent; client
/// names accepted on input).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdmittingPrivilegeCreate {
    /// The provider's account id (required).
    pub provider: AccountId,
    /// Hospital name.
    pub hospital_name: Option<String>,
    /// Privilege type (client name `privilege_type`).
    #[serde(alias = "privilege_type")]
    pub admitting_privilege_type: Option<String>,
    /// Privilege status (client name `status`).
    #[serde(alias = "status")]
    pub privilege_status: Option<String>,
    /// Start date.
    pub start_date: Option<ApiDate>,
    /// End date.
    pub end_date: Option<ApiDate>,
    /// State (spec field).
    pub state: Option<String>,
    /// Country (spec field).
    pub country: Option<String>,
    /// Whether this is the primary hospital (spec field).
    pub primary_hospital: Option<bool>,
    /// Share of admissions to this hospital, in percent (spec field).
    pub hospital_percentage: Option<i64>,
    /// Department (spec field).
    pub department: Option<String>,
    /// Contact's first name (spec field).
    pub contact_first_name: Option<String>,
    /// Contact's last name (spec field).
    pub contact_last_name: Option<String>,
    /// Contact's middle initial (spec field).
    pub contact_middle_initial: Option<String>,
    /// Street, line 1 (spec field).
    pub street_1: Option<String>,
    /// Street, line 2 (spec field).
    pub street_2: Option<String>,
    /// City (spec field).
    pub city: Option<String>,
    /// ZIP code (spec field).
    pub zip_code: Option<String>,
    /// Phone number (spec field).
    pub phone_number: Option<String>,
    /// Fax number (spec field).
    pub fax_number: Option<String>,
    /// Reasons for discontinuance (spec field).
    pub reasons_for_discontinuance: Option<String>,
    /// Reason for termination (spec field).
    pub reason_for_termination: Option<String>,
    /// Contact's e-mail (spec field).
    pub contact_email_address: Option<String>,
    /// Contact's phone (spec field).
    pub contact_phone_number: Option<String>,
    /// Contact's fax (spec field).
    pub contact_fax_number: Option<String>,
    /// Submission date (spec field).
    pub submission_date: Option<ApiDate>,
}

impl AdmittingPrivilegeCreate {
    /// A privilege of `provider`; set the other fields as needed.
    #[must_use]
    pub fn new(provider: AccountId) -> Self {
        Self {
            provider,
            hospital_name: None,
            admitting_privilege_type: None,
            privilege_status: None,
            start_date: None,
            end_date: None,
            state: None,
            country: None,
            primary_hospital: None,
            hospital_percentage: None,
            department: None,
            contact_first_name: None,
            contact_last_name: None,
            contact_middle_initial: None,
            street_1: None,
            street_2: None,
            city: None,
            zip_code: None,
            phone_number: None,
            fax_number: None,
            reasons_for_discontinuance: None,
            reason_for_termination: None,
            contact_email_address: None,
            contact_phone_number: None,
            contact_fax_number: None,
            submission_date: None,
        }
    }
}

/// A non-admitting affiliation.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NonAdmittingAffiliation {
    /// Record id.
    pub id: AffiliationId,
    /// The provider's account id.
    pub provider: Option<AccountId>,
    /// Hospital name.
    pub hospital_name: Option<String>,
    /// Affiliation status (spec name; the client's `affiliation_type` is
    /// accepted).
    #[serde(alias = "affiliation_type")]
    pub non_admitting_affiliation_status: Option<String>,
    /// Start date.
    pub start_date: Option<ApiDate>,
    /// End date.
    pub end_date: Option<ApiDate>,
    /// State (spec field).
    pub state: Option<String>,
    /// Country (spec field).
    pub country: Option<String>,
    /// Description (spec field).
    pub description: Option<String>,
    /// Reasons for discontinuance (spec field).
    pub reasons_for_discontinuance: Option<String>,
    /// Street, line 1 (spec field).
    pub street_1: Option<String>,
    /// Street, line 2 (spec field).
    pub street_2: Option<String>,
    /// City (spec field).
    pub city: Option<String>,
    /// ZIP code (spec field).
    pub zip_code: Option<String>,
    /// Phone number (spec field).
    pub phone_number: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the non-admitting-affiliation create call (spec names sent;
/// client names accepted on input).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NonAdmittingAffiliationCreate {
    /// The provider's account id (required).
    pub provider: AccountId,
    /// Hospital name.
    pub hospital_name: Option<String>,
    /// Affiliation status (client name `affiliation_type`).
    #[serde(alias = "affiliation_type")]
    pub non_admitting_affiliation_status: Option<String>,
    /// Start date.
    pub start_date: Option<ApiDate>,
    /// End date.
    pub end_date: Option<ApiDate>,
    /// State (spec field).
    pub state: Option<String>,
    /// Country (spec field).
    pub country: Option<String>,
    /// Description (spec field).
    pub description: Option<String>,
    /// Reasons for discontinuance (spec field).
    pub reasons_for_discontinuance: Option<String>,
    /// Street, line 1 (spec field).
    pub street_1: Option<String>,
    /// Street, line 2 (spec field).
    pub street_2: Option<String>,
    /// City (spec field).
    pub city: Option<String>,
    /// ZIP code (spec field).
    pub zip_code: Option<String>,
    /// Phone number (spec field).
    pub phone_number: Option<String>,
}

impl NonAdmittingAffiliationCreate {
    /// An affiliation of `provider`; set the other fields as needed.
    #[must_use]
    pub fn new(provider: AccountId) -> Self {
        Self {
            provider,
            hospital_name: None,
            non_admitting_affiliation_status: None,
            start_date: None,
            end_date: None,
            state: None,
            country: None,
            description: None,
            reasons_for_discontinuance: None,
            street_1: None,
            street_2: None,
            city: None,
            zip_code: None,
            phone_number: None,
        }
    }
}

/// Filters of the three affiliation lists.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HospitalAffiliationListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Only records of this provider (the **account** id).
    pub provider: Option<AccountId>,
}

impl QueryParams for HospitalAffiliationListParams {}
