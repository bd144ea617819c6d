//! Professional records of a provider profile: board certifications,
//! licenses, DEA and CDS registrations, Medicaid and Medicare ids,
//! employment, gap history, education, professional training and
//! professional liability insurance.
//!
//! Every collection is keyed by the provider **profile** id
//! ([`ProfileId`]): the `provider` query parameter of the lists and the
//! `provider` field of the create bodies.
//!
//! # Legacy field names
//!
//! Several collections have older field names that the Python client still
//! models (production quirks 2 and 3 of the endpoint reference). These types
//! carry only the production names, and **send only those**; on input the
//! legacy name is accepted in place of the production one:
//!
//! | collection | production name (sent) | legacy name (accepted on input) |
//! |---|---|---|
//! | employment | `currently_employed` | `is_current` |
//! | employment | `reason_for_discontinuance` | `reason_for_leaving` |
//! | gap history | `gap_explanation` | `reason` |
//! | education | `name` | `institution_name` |
//! | training | `training_type` | `program_type` |
//! | training | `speciality` | `specialty` |
//! | insurance | `name` | `carrier_name` |
//! | insurance | `per_occurence_limit` (sic) | `coverage_amount_per_occurrence` |
//! | insurance | `aggregate_limit` | `coverage_amount_aggregate` |
//! | insurance | `current_effective_date` | `effective_date` |
//! | insurance | `current_expiration_date` | `expiration_date` |
//!
//! A legacy value fills the production field only when the production key
//! is missing or `null`. Otherwise (both keys sent) the production value
//! wins and the legacy key is kept among a record's unknown fields (`extra`),
//! so nothing the server sent is lost; request types ignore it. Employment's
//! legacy `position` has no production counterpart: records keep it in
//! `extra`, request types ignore it.
//!
//! ```
//! use assured_models::models::professional_records::{Education, EducationCreate};
//! use assured_models::ProfileId;
//!
//! let record: Education = serde_json::from_str(
//!     r#"{"id": "0b6f3a52-8f52-4c1e-9d55-4f0b0c1e2d3a", "institution_name": "State University"}"#,
//! )?;
//! assert_eq!(record.name.as_deref(), Some("State University"));
//!
//! let provider: ProfileId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301".parse()?;
//! let body = EducationCreate {
//!     name: Some("State University".into()),
//!     ..EducationCreate::new(provider)
//! };
//! let json = serde_json::to_value(&body)?;
//! assert_eq!(json["name"], "State University");
//! assert!(json.get("institution_name").is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{ProfileId, RecordId};
use crate::query::QueryParams;
use crate::time::ApiDate;

// ---------------------------------------------------------------------------
// Legacy-name handling
// ---------------------------------------------------------------------------

/// What a legacy value must look like to fill the production field.
#[derive(Clone, Copy)]
enum Fold {
    /// Any non-null value.
    Any,
    /// A number, or a string that [`parse_amount`] reads as one (the legacy
    /// insurance amounts were strings, the production limits are numbers).
    Number,
}

/// Moves each legacy key's value to its production key when the production
/// key is missing or `null` and the value fits; otherwise leaves the legacy
/// key where it is (a record keeps it in `extra`, a request ignores it).
fn fold_legacy(map: &mut Map<String, Value>, pairs: &[(&str, &str, Fold)]) {
    for &(legacy, current, fold) in pairs {
        let current_unset = map.get(current).is_none_or(Value::is_null);
        let fits = match (map.get(legacy), fold) {
            (None | Some(Value::Null), _) => false,
            (Some(_), Fold::Any) => true,
            (Some(value), Fold::Number) => match value {
                Value::Number(_) => true,
                Value::String(text) => matches!(parse_amount(text), Ok(Some(_))),
                _ => false,
            },
        };
        if current_unset
            && fits
            && let Some(value) = map.remove(legacy)
        {
            map.insert(current.to_owned(), value);
        }
    }
}

/// Reads an amount sent as a string: `""` is no amount (`Ok(None)`),
/// `"1000000"`, `"1,000,000.00"` and `"$1000000"` are numbers, anything else
/// is an error.
fn parse_amount(text: &str) -> Result<Option<f64>, std::num::ParseFloatError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned.parse::<f64>().map(Some)
}

/// Deserializes an optional amount that may arrive as a JSON number or as a
/// numeric string (Django decimal fields are often rendered as strings).
fn lenient_amount<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    use serde::de::Error as _;
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(number)) => number
            .as_f64()
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("amount out of range: {number}"))),
        Some(Value::String(text)) => {
            parse_amount(&text).map_err(|_| D::Error::custom(format!("not an amount: {text:?}")))
        }
        Some(other) => Err(D::Error::custom(format!(
            "expected an amount (number or numeric string), got {other}"
        ))),
    }
}

/// Declares a payload type whose input accepts legacy field names.
///
/// Emits the public struct (derived `Serialize`: production names only) and
/// a private mirror with derived `Deserialize`; the public type's
/// `Deserialize` folds the legacy keys into the production ones (see the
/// module docs), then reads the mirror. Plain `#[serde(alias)]` would fail
/// with "duplicate field" when a reply carries both spellings, which the
/// Python client's models allow.
macro_rules! with_legacy_names {
    (
        $(#[$struct_attr:meta])*
        pub struct $name:ident {
            $( $(#[$field_attr:meta])* pub $field:ident: $field_ty:ty, )+
        }
        legacy: [$(($legacy:literal => $current:literal, $fold:ident)),+ $(,)?]
    ) => {
        $(#[$struct_attr])*
        #[skip_serializing_none]
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name {
            $( $(#[$field_attr])* pub $field: $field_ty, )+
        }

        const _: () = {
            #[derive(Deserialize)]
            struct Mirror {
                $( $(#[$field_attr])* $field: $field_ty, )+
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let mut map = Map::<String, Value>::deserialize(deserializer)?;
                    fold_legacy(&mut map, &[$(($legacy, $current, Fold::$fold)),+]);
                    let mirror = Mirror::deserialize(Value::Object(map))
                        .map_err(serde::de::Error::custom)?;
                    Ok($name { $( $field: mirror.$field, )+ })
                }
            }
        };
    };
}

// ---------------------------------------------------------------------------
// List parameters
// ---------------------------------------------------------------------------

/// Parameters of the provider-record lists (certifications, licenses, DEA,
/// CDS, Medicaid, Medicare, employment, gap history, liability insurance):
/// the provider whose records to list, and the page.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderRecordListParams {
    /// The provider **profile** id (required: without it the list is not
    /// scoped to one provider).
    pub provider: ProfileId,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
}

impl ProviderRecordListParams {
    /// The records of this provider, server-default paging.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            limit: None,
            offset: None,
        }
    }
}

impl QueryParams for ProviderRecordListParams {}

/// Parameters of the education and professional-training lists: as
/// [`ProviderRecordListParams`], plus `ordering`, which only these two lists
/// accept (per the vendor spec).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderRecordOrderedListParams {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending), e.g. `start_date`.
    pub ordering: Option<String>,
}

impl ProviderRecordOrderedListParams {
    /// The records of this provider, server-default paging and order.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            limit: None,
            offset: None,
            ordering: None,
        }
    }
}

impl From<ProviderRecordListParams> for ProviderRecordOrderedListParams {
    fn from(params: ProviderRecordListParams) -> Self {
        Self {
            provider: params.provider,
            limit: params.limit,
            offset: params.offset,
            ordering: None,
        }
    }
}

impl QueryParams for ProviderRecordOrderedListParams {}

// ---------------------------------------------------------------------------
// Board certifications
// ---------------------------------------------------------------------------

/// A board certification (`provider-certifications`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certification {
    /// Record id.
    pub id: RecordId,
    /// Speciality, e.g. `Family Medicine (207Q00000X)` (a ~700-value open set).
    pub speciality: Option<String>,
    /// Certifying board, e.g. `American Board of Family Medicine` (~116 values).
    pub certifying_board_name: Option<String>,
    /// Certificate number.
    pub number: Option<String>,
    /// Date of initial certification.
    pub initial_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// `PRIMARY`, `SECONDARY` or `ADDITIONAL`.
    pub speciality_level: Option<String>,
    /// Attached document (as sent by the server).
    pub document: Option<String>,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Recertification date.
    pub recertification_date: Option<ApiDate>,
    /// Whether the provider is board certified.
    pub is_board_certified: Option<bool>,
    /// Why not board certified: `TAKEN_EXAM_RESULT_PENDING`,
    /// `TAKEN_PART_I_ELIGIBLE_FOR_PART_II`, `INTENDING_TO_SIT_IN_BOARDS`,
    /// `NOT_PLANNING_BOARDS`.
    pub not_board_certified_reason: Option<String>,
    /// Whether the provider takes part in maintenance of certification.
    pub maintenance_of_certification: Option<bool>,
    /// List the speciality in HMO directories.
    pub list_in_hmo_directory: Option<bool>,
    /// List the speciality in PPO directories.
    pub list_in_ppo_directory: Option<bool>,
    /// List the speciality in POS directories.
    pub list_in_pos_directory: Option<bool>,
    /// Other practice interest or focus.
    pub other_practice_interest_or_focus: Option<String>,
    /// Date of the board exam.
    pub board_exam_date: Option<ApiDate>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of a new board certification.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificationCreate {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// Speciality (open set, see [`Certification::speciality`]).
    pub speciality: Option<String>,
    /// Certifying board (open set).
    pub certifying_board_name: Option<String>,
    /// Certificate number.
    pub number: Option<String>,
    /// Date of initial certification.
    pub initial_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// `PRIMARY`, `SECONDARY` or `ADDITIONAL`.
    pub speciality_level: Option<String>,
    /// Attached document.
    pub document: Option<String>,
    /// Recertification date.
    pub recertification_date: Option<ApiDate>,
    /// Whether the provider is board certified.
    pub is_board_certified: Option<bool>,
    /// Why not board certified (see [`Certification::not_board_certified_reason`]).
    pub not_board_certified_reason: Option<String>,
    /// Maintenance of certification (client-model field; the bundled spec's
    /// create body does not list it).
    pub maintenance_of_certification: Option<bool>,
    /// List the speciality in HMO directories.
    pub list_in_hmo_directory: Option<bool>,
    /// List the speciality in PPO directories.
    pub list_in_ppo_directory: Option<bool>,
    /// List the speciality in POS directories.
    pub list_in_pos_directory: Option<bool>,
    /// Other practice interest or focus.
    pub other_practice_interest_or_focus: Option<String>,
    /// Date of the board exam.
    pub board_exam_date: Option<ApiDate>,
}

impl CertificationCreate {
    /// A certification of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            speciality: None,
            certifying_board_name: None,
            number: None,
            initial_date: None,
            expiration_date: None,
            speciality_level: None,
            document: None,
            recertification_date: None,
            is_board_certified: None,
            not_board_certified_reason: None,
            maintenance_of_certification: None,
            list_in_hmo_directory: None,
            list_in_ppo_directory: None,
            list_in_pos_directory: None,
            other_practice_interest_or_focus: None,
            board_exam_date: None,
        }
    }
}

// ---------------------------------------------------------------------------
// State licenses
// ---------------------------------------------------------------------------

/// A state license (`provider-professional-ids-license`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct License {
    /// Record id.
    pub id: RecordId,
    /// Issuing state, a two-letter code such as `MD` (56 values).
    pub state: Option<String>,
    /// License number.
    pub number: Option<String>,
    /// Issue date.
    pub issue_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// License type: `MD`, `DO`, `NP`, `PA`, `RN`, `LCSW`, ... (87 values).
    pub license_type: Option<String>,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Status override: `PROBATION`, `SUSPENDED`, `INACTIVE`, `DECEASED`,
    /// `NOT_RENEWED`, `CANCELLED`.
    pub override_licenses_status: Option<String>,
    /// Whether the provider currently practises in the state.
    pub is_currently_practicing_in_state: Option<bool>,
    /// Attached document (client-model field).
    pub document: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of a new state license.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LicenseCreate {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// Issuing state (two-letter code).
    pub state: Option<String>,
    /// License number.
    pub number: Option<String>,
    /// Issue date.
    pub issue_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// License type (see [`License::license_type`]).
    pub license_type: Option<String>,
    /// Status override (see [`License::override_licenses_status`]).
    pub override_licenses_status: Option<String>,
    /// Whether the provider currently practises in the state.
    pub is_currently_practicing_in_state: Option<bool>,
    /// Attached document (client-model field).
    pub document: Option<String>,
}

impl LicenseCreate {
    /// A license of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            state: None,
            number: None,
            issue_date: None,
            expiration_date: None,
            license_type: None,
            override_licenses_status: None,
            is_currently_practicing_in_state: None,
            document: None,
        }
    }
}

// ---------------------------------------------------------------------------
// DEA registrations
// ---------------------------------------------------------------------------

/// A DEA registration (`provider-professional-ids-dea`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DEARecord {
    /// Record id.
    pub id: RecordId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// DEA number, e.g. `AB1234567`.
    pub number: Option<String>,
    /// Issue date.
    pub issue_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// Whether the registration has no limitation.
    pub license_unlimited: Option<bool>,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Attached document (client-model field).
    pub document: Option<String>,
    /// Whether a DEA registration is available (client-model field).
    pub is_available: Option<bool>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of a new DEA registration.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DEARecordCreate {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// DEA number.
    pub number: Option<String>,
    /// Issue date.
    pub issue_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// Whether the registration has no limitation.
    pub license_unlimited: Option<bool>,
    /// Attached document (client-model field).
    pub document: Option<String>,
    /// Whether a DEA registration is available (client-model field).
    pub is_available: Option<bool>,
}

impl DEARecordCreate {
    /// A DEA registration of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            state: None,
            number: None,
            issue_date: None,
            expiration_date: None,
            license_unlimited: None,
            document: None,
            is_available: None,
        }
    }
}

// ---------------------------------------------------------------------------
// CDS registrations
// ---------------------------------------------------------------------------

/// A state controlled-dangerous-substances registration
/// (`provider-professional-ids-cds`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CDSRecord {
    /// Record id.
    pub id: RecordId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// CDS number.
    pub number: Option<String>,
    /// Issue date.
    pub issue_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Whether the provider currently practises in the state.
    pub is_currently_practicing_in_state: Option<bool>,
    /// Whether the registration has no limitation (client-model field).
    pub license_unlimited: Option<bool>,
    /// Attached document (client-model field).
    pub document: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of a new CDS registration.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CDSRecordCreate {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// CDS number.
    pub number: Option<String>,
    /// Issue date.
    pub issue_date: Option<ApiDate>,
    /// Expiration date.
    pub expiration_date: Option<ApiDate>,
    /// Whether the provider currently practises in the state.
    pub is_currently_practicing_in_state: Option<bool>,
    /// Whether the registration has no limitation (client-model field).
    pub license_unlimited: Option<bool>,
    /// Attached document (client-model field).
    pub document: Option<String>,
}

impl CDSRecordCreate {
    /// A CDS registration of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            state: None,
            number: None,
            issue_date: None,
            expiration_date: None,
            is_currently_practicing_in_state: None,
            license_unlimited: None,
            document: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Medicaid and Medicare ids
// ---------------------------------------------------------------------------

/// A state Medicaid id (`provider-professional-ids-medicaid`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicaidRecord {
    /// Record id.
    pub id: RecordId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// Medicaid number.
    pub number: Option<String>,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Attached document (client-model field).
    pub document: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of a new Medicaid id.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicaidRecordCreate {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// Medicaid number.
    pub number: Option<String>,
    /// Attached document (client-model field).
    pub document: Option<String>,
}

impl MedicaidRecordCreate {
    /// A Medicaid id of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            state: None,
            number: None,
            document: None,
        }
    }
}

/// A Medicare id (`provider-professional-ids-medicare`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicareRecord {
    /// Record id.
    pub id: RecordId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// Medicare number.
    pub number: Option<String>,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Attached document (client-model field).
    pub document: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of a new Medicare id.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicareRecordCreate {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// State (two-letter code).
    pub state: Option<String>,
    /// Medicare number.
    pub number: Option<String>,
    /// Attached document (client-model field).
    pub document: Option<String>,
}

impl MedicareRecordCreate {
    /// A Medicare id of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            state: None,
            number: None,
            document: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Employment (v1)
// ---------------------------------------------------------------------------

with_legacy_names! {
    /// An employment record (`provider-employment-v1`; the documented
    /// `provider-employments` is dead but has the same shape).
    ///
    /// Accepts the legacy `is_current` and `reason_for_leaving` on input (see
    /// the module docs); a legacy `position` is kept in `extra`.
    pub struct Employment {
        /// Record id.
        pub id: RecordId,
        /// Employer name.
        pub employer_name: Option<String>,
        /// Employment type, e.g. `EMPLOYED` (open set; the wire name is `type`).
        #[serde(rename = "type")]
        pub employment_type: Option<String>,
        /// Whether this is the current employment (legacy input name `is_current`).
        pub currently_employed: Option<bool>,
        /// Start date.
        pub start_date: Option<ApiDate>,
        /// End date.
        pub end_date: Option<ApiDate>,
        /// Explanation of a gap before this employment.
        pub gap_explanation: Option<String>,
        /// Street address.
        pub address: Option<String>,
        /// City.
        pub city: Option<String>,
        /// State.
        pub state: Option<String>,
        /// Country.
        pub country: Option<String>,
        /// ZIP code.
        pub zip_code: Option<String>,
        /// Phone number.
        pub phone_number: Option<String>,
        /// E-mail address.
        pub email_address: Option<String>,
        /// Contact information.
        pub contact_information: Option<String>,
        /// The provider **profile** id.
        pub provider: Option<ProfileId>,
        /// Why the employment ended (legacy input name `reason_for_leaving`).
        pub reason_for_discontinuance: Option<String>,
        /// Attached document (v1 field).
        pub document: Option<String>,
        /// Fields this SDK does not know yet, kept as sent.
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }
    legacy: [
        ("is_current" => "currently_employed", Any),
        ("reason_for_leaving" => "reason_for_discontinuance", Any),
    ]
}

with_legacy_names! {
    /// Body of a new employment record. Sends the v1 names only.
    pub struct EmploymentCreate {
        /// The provider **profile** id.
        pub provider: ProfileId,
        /// Employer name.
        pub employer_name: Option<String>,
        /// Employment type, e.g. `EMPLOYED` (the wire name is `type`).
        #[serde(rename = "type")]
        pub employment_type: Option<String>,
        /// Whether this is the current employment (legacy input name `is_current`).
        pub currently_employed: Option<bool>,
        /// Start date.
        pub start_date: Option<ApiDate>,
        /// End date.
        pub end_date: Option<ApiDate>,
        /// Explanation of a gap before this employment (not required on create).
        pub gap_explanation: Option<String>,
        /// Street address.
        pub address: Option<String>,
        /// City.
        pub city: Option<String>,
        /// State.
        pub state: Option<String>,
        /// Country.
        pub country: Option<String>,
        /// ZIP code.
        pub zip_code: Option<String>,
        /// Phone number.
        pub phone_number: Option<String>,
        /// E-mail address.
        pub email_address: Option<String>,
        /// Contact information.
        pub contact_information: Option<String>,
        /// Why the employment ended (legacy input name `reason_for_leaving`).
        pub reason_for_discontinuance: Option<String>,
        /// Attached document (v1 field).
        pub document: Option<String>,
    }
    legacy: [
        ("is_current" => "currently_employed", Any),
        ("reason_for_leaving" => "reason_for_discontinuance", Any),
    ]
}

impl EmploymentCreate {
    /// An employment record of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            employer_name: None,
            employment_type: None,
            currently_employed: None,
            start_date: None,
            end_date: None,
            gap_explanation: None,
            address: None,
            city: None,
            state: None,
            country: None,
            zip_code: None,
            phone_number: None,
            email_address: None,
            contact_information: None,
            reason_for_discontinuance: None,
            document: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Gap history
// ---------------------------------------------------------------------------

with_legacy_names! {
    /// A gap in the provider's work history (`provider-gap-history`).
    ///
    /// Accepts the legacy `reason` for `gap_explanation` on input.
    pub struct GapHistory {
        /// Record id.
        pub id: RecordId,
        /// First day of the gap.
        pub start_date: Option<ApiDate>,
        /// Last day of the gap.
        pub end_date: Option<ApiDate>,
        /// Why there is a gap (legacy input name `reason`).
        pub gap_explanation: Option<String>,
        /// The provider **profile** id.
        pub provider: Option<ProfileId>,
        /// Fields this SDK does not know yet, kept as sent.
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }
    legacy: [("reason" => "gap_explanation", Any)]
}

with_legacy_names! {
    /// Body of a new gap-history record. Sends `gap_explanation`, never `reason`.
    pub struct GapHistoryCreate {
        /// The provider **profile** id.
        pub provider: ProfileId,
        /// First day of the gap.
        pub start_date: Option<ApiDate>,
        /// Last day of the gap.
        pub end_date: Option<ApiDate>,
        /// Why there is a gap (legacy input name `reason`).
        pub gap_explanation: Option<String>,
    }
    legacy: [("reason" => "gap_explanation", Any)]
}

impl GapHistoryCreate {
    /// A gap of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            start_date: None,
            end_date: None,
            gap_explanation: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Education
// ---------------------------------------------------------------------------

with_legacy_names! {
    /// An education record (`provider-education`).
    ///
    /// Accepts the legacy `institution_name` for `name` on input.
    pub struct Education {
        /// Record id.
        pub id: RecordId,
        /// Institution name (legacy input name `institution_name`).
        pub name: Option<String>,
        /// Degree (an 86-value open set, e.g. `MD`, `DO`, `BS`).
        pub degree: Option<String>,
        /// Start date.
        pub start_date: Option<ApiDate>,
        /// End (graduation) date.
        pub end_date: Option<ApiDate>,
        /// City.
        pub city: Option<String>,
        /// State.
        pub state: Option<String>,
        /// Country.
        pub country: Option<String>,
        /// Whether this is the primary (professional) degree.
        pub is_primary: Option<bool>,
        /// Street address, line 1.
        pub address_street_1: Option<String>,
        /// Street address, line 2.
        pub address_street_2: Option<String>,
        /// Postal code.
        pub postal_code: Option<String>,
        /// Attached document (client-model field).
        pub document: Option<String>,
        /// The provider **profile** id.
        pub provider: Option<ProfileId>,
        /// Fields this SDK does not know yet, kept as sent.
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }
    legacy: [("institution_name" => "name", Any)]
}

with_legacy_names! {
    /// Body of a new education record. Sends `name`, never `institution_name`.
    pub struct EducationCreate {
        /// The provider **profile** id.
        pub provider: ProfileId,
        /// Institution name (legacy input name `institution_name`).
        pub name: Option<String>,
        /// Degree (open set).
        pub degree: Option<String>,
        /// Start date.
        pub start_date: Option<ApiDate>,
        /// End (graduation) date.
        pub end_date: Option<ApiDate>,
        /// City.
        pub city: Option<String>,
        /// State.
        pub state: Option<String>,
        /// Country.
        pub country: Option<String>,
        /// Whether this is the primary (professional) degree.
        pub is_primary: Option<bool>,
        /// Street address, line 1.
        pub address_street_1: Option<String>,
        /// Street address, line 2.
        pub address_street_2: Option<String>,
        /// Postal code.
        pub postal_code: Option<String>,
        /// Attached document (client-model field).
        pub document: Option<String>,
    }
    legacy: [("institution_name" => "name", Any)]
}

impl EducationCreate {
    /// An education record of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            name: None,
            degree: None,
            start_date: None,
            end_date: None,
            city: None,
            state: None,
            country: None,
            is_primary: None,
            address_street_1: None,
            address_street_2: None,
            postal_code: None,
            document: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Professional training
// ---------------------------------------------------------------------------

with_legacy_names! {
    /// A professional training record: internship, residency, fellowship, ...
    /// (`provider-professional-training`).
    ///
    /// Accepts the legacy `program_type` and `specialty` on input.
    pub struct ProfessionalTraining {
        /// Record id.
        pub id: RecordId,
        /// Institution name.
        pub institution_name: Option<String>,
        /// `Internship`, `Residency`, `Fellowship`, `Other Training`,
        /// `Continuing Medical Education`, `Faculty Positions / Academic
        /// Appointments` (legacy input name `program_type`).
        pub training_type: Option<String>,
        /// Speciality (legacy input name `specialty`).
        pub speciality: Option<String>,
        /// Address (one line).
        pub address: Option<String>,
        /// City.
        pub city: Option<String>,
        /// State.
        pub state: Option<String>,
        /// Street, line 1.
        pub street_1: Option<String>,
        /// Street, line 2.
        pub street_2: Option<String>,
        /// Postal code.
        pub postal_code: Option<String>,
        /// Country.
        pub country: Option<String>,
        /// Start date.
        pub start_date: Option<ApiDate>,
        /// End date.
        pub end_date: Option<ApiDate>,
        /// Whether the program was completed successfully.
        pub is_program_successfully_completed: Option<bool>,
        /// Program director during the training.
        pub program_director: Option<String>,
        /// Current program director.
        pub current_program_director: Option<String>,
        /// Attached document (client-model field).
        pub document: Option<String>,
        /// The provider **profile** id.
        pub provider: Option<ProfileId>,
        /// Fields this SDK does not know yet, kept as sent.
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }
    legacy: [
        ("program_type" => "training_type", Any),
        ("specialty" => "speciality", Any),
    ]
}

with_legacy_names! {
    /// Body of a new professional training record. Sends `training_type` and
    /// `speciality`, never `program_type` or `specialty`.
    pub struct ProfessionalTrainingCreate {
        /// The provider **profile** id.
        pub provider: ProfileId,
        /// Institution name.
        pub institution_name: Option<String>,
        /// Training type (see [`ProfessionalTraining::training_type`]; legacy
        /// input name `program_type`).
        pub training_type: Option<String>,
        /// Speciality (legacy input name `specialty`).
        pub speciality: Option<String>,
        /// Address (one line).
        pub address: Option<String>,
        /// City.
        pub city: Option<String>,
        /// State.
        pub state: Option<String>,
        /// Street, line 1.
        pub street_1: Option<String>,
        /// Street, line 2.
        pub street_2: Option<String>,
        /// Postal code.
        pub postal_code: Option<String>,
        /// Country.
        pub country: Option<String>,
        /// Start date.
        pub start_date: Option<ApiDate>,
        /// End date.
        pub end_date: Option<ApiDate>,
        /// Whether the program was completed successfully.
        pub is_program_successfully_completed: Option<bool>,
        /// Program director during the training.
        pub program_director: Option<String>,
        /// Current program director.
        pub current_program_director: Option<String>,
        /// Attached document (client-model field).
        pub document: Option<String>,
    }
    legacy: [
        ("program_type" => "training_type", Any),
        ("specialty" => "speciality", Any),
    ]
}

impl ProfessionalTrainingCreate {
    /// A training record of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            institution_name: None,
            training_type: None,
            speciality: None,
            address: None,
            city: None,
            state: None,
            street_1: None,
            street_2: None,
            postal_code: None,
            country: None,
            start_date: None,
            end_date: None,
            is_program_successfully_completed: None,
            program_director: None,
            current_program_director: None,
            document: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Professional liability insurance
// ---------------------------------------------------------------------------

with_legacy_names! {
    /// A professional liability (malpractice) insurance policy
    /// (`provider-professional-liability-insurances`).
    ///
    /// Accepts the legacy `carrier_name`, `coverage_amount_per_occurrence`,
    /// `coverage_amount_aggregate`, `effective_date` and `expiration_date` on
    /// input. The limits also accept numeric strings (`"1000000.00"`).
    pub struct ProfessionalLiabilityInsurance {
        /// Record id.
        pub id: RecordId,
        /// Policy number.
        pub policy_number: Option<String>,
        /// Carrier name (legacy input name `carrier_name`).
        pub name: Option<String>,
        /// Start of the current policy period (legacy input name `effective_date`).
        pub current_effective_date: Option<ApiDate>,
        /// End of the current policy period (legacy input name `expiration_date`).
        pub current_expiration_date: Option<ApiDate>,
        /// Coverage per occurrence; the wire name is misspelt `per_occurence_limit`
        /// (legacy input name `coverage_amount_per_occurrence`).
        #[serde(default, deserialize_with = "lenient_amount")]
        pub per_occurence_limit: Option<f64>,
        /// Aggregate coverage (legacy input name `coverage_amount_aggregate`).
        #[serde(default, deserialize_with = "lenient_amount")]
        pub aggregate_limit: Option<f64>,
        /// Attached document.
        pub document: Option<String>,
        /// The provider **profile** id.
        pub provider: Option<ProfileId>,
        /// Whether the provider is self-insured.
        pub is_self_insured: Option<bool>,
        /// Carrier address, line 1.
        pub address_street_1: Option<String>,
        /// Carrier address, line 2.
        pub address_street_2: Option<String>,
        /// Carrier city.
        pub city: Option<String>,
        /// Carrier state.
        pub state: Option<String>,
        /// Carrier country.
        pub country: Option<String>,
        /// Carrier postal code.
        pub postal_code: Option<String>,
        /// Carrier phone number.
        pub phone_number: Option<String>,
        /// Coverage type, e.g. `INDIVIDUAL` (open set).
        pub coverage_type: Option<String>,
        /// How long the provider has been with the carrier (free text).
        pub length_of_time_with_carrier: Option<String>,
        /// Fields this SDK does not know yet, kept as sent.
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }
    legacy: [
        ("carrier_name" => "name", Any),
        ("coverage_amount_per_occurrence" => "per_occurence_limit", Number),
        ("coverage_amount_aggregate" => "aggregate_limit", Number),
        ("effective_date" => "current_effective_date", Any),
        ("expiration_date" => "current_expiration_date", Any),
    ]
}

with_legacy_names! {
    /// Body of a new liability insurance policy. Sends the production names
    /// (`name`, `per_occurence_limit` (sic), `aggregate_limit`,
    /// `current_effective_date`, `current_expiration_date`), never the legacy ones.
    pub struct ProfessionalLiabilityInsuranceCreate {
        /// The provider **profile** id.
        pub provider: ProfileId,
        /// Policy number.
        pub policy_number: Option<String>,
        /// Carrier name (legacy input name `carrier_name`).
        pub name: Option<String>,
        /// Start of the current policy period (legacy input name `effective_date`).
        pub current_effective_date: Option<ApiDate>,
        /// End of the current policy period (legacy input name `expiration_date`).
        pub current_expiration_date: Option<ApiDate>,
        /// Coverage per occurrence; the wire name is misspelt `per_occurence_limit`
        /// (legacy input name `coverage_amount_per_occurrence`).
        #[serde(default, deserialize_with = "lenient_amount")]
        pub per_occurence_limit: Option<f64>,
        /// Aggregate coverage (legacy input name `coverage_amount_aggregate`).
        #[serde(default, deserialize_with = "lenient_amount")]
        pub aggregate_limit: Option<f64>,
        /// Attached document.
        pub document: Option<String>,
        /// Whether the provider is self-insured.
        pub is_self_insured: Option<bool>,
        /// Carrier address, line 1.
        pub address_street_1: Option<String>,
        /// Carrier address, line 2.
        pub address_street_2: Option<String>,
        /// Carrier city.
        pub city: Option<String>,
        /// Carrier state.
        pub state: Option<String>,
        /// Carrier country.
        pub country: Option<String>,
        /// Carrier postal code.
        pub postal_code: Option<String>,
        /// Carrier phone number.
        pub phone_number: Option<String>,
        /// Coverage type, e.g. `INDIVIDUAL` (open set).
        pub coverage_type: Option<String>,
        /// How long the provider has been with the carrier (free text).
        pub length_of_time_with_carrier: Option<String>,
    }
    legacy: [
        ("carrier_name" => "name", Any),
        ("coverage_amount_per_occurrence" => "per_occurence_limit", Number),
        ("coverage_amount_aggregate" => "aggregate_limit", Number),
        ("effective_date" => "current_effective_date", Any),
        ("expiration_date" => "current_expiration_date", Any),
    ]
}

impl ProfessionalLiabilityInsuranceCreate {
    /// A policy of this provider with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            policy_number: None,
            name: None,
            current_effective_date: None,
            current_expiration_date: None,
            per_occurence_limit: None,
            aggregate_limit: None,
            document: None,
            is_self_insured: None,
            address_street_1: None,
            address_street_2: None,
            city: None,
            state: None,
            country: None,
            postal_code: None,
            phone_number: None,
            coverage_type: None,
            length_of_time_with_carrier: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_from_numbers_and_numeric_strings() {
        assert_eq!(parse_amount("1,000,000.00"), Ok(Some(1_000_000.0)));
        assert_eq!(parse_amount(" $250000 "), Ok(Some(250_000.0)));
        assert_eq!(parse_amount(""), Ok(None));
        assert!(parse_amount("one million").is_err());
    }

    #[test]
    fn a_production_value_wins_over_a_legacy_one() {
        let mut map: Map<String, Value> = serde_json::from_str(
            r#"{"gap_explanation": "travel", "reason": "old", "name": null, "institution_name": "U"}"#,
        )
        .unwrap();
        fold_legacy(
            &mut map,
            &[
                ("reason", "gap_explanation", Fold::Any),
                ("institution_name", "name", Fold::Any),
            ],
        );
        assert_eq!(map["gap_explanation"], "travel");
        assert_eq!(map["reason"], "old");
        assert_eq!(map["name"], "U");
        assert!(!map.contains_key("institution_name"));
    }

    #[test]
    fn a_non_numeric_legacy_amount_stays_where_it_was() {
        let mut map: Map<String, Value> =
            serde_json::from_str(r#"{"coverage_amount_aggregate": "unlimited"}"#).unwrap();
        fold_legacy(
            &mut map,
            &[("coverage_amount_aggregate", "aggregate_limit", Fold::Number)],
        );
        assert_eq!(map["coverage_amount_aggregate"], "unlimited");
        assert!(!map.contains_key("aggregate_limit"));
    }
}
