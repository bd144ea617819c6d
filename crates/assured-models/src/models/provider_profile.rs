//! Provider profile: personal info, the SSN endpoints and provider
//! documents. (The profile's record collections — licenses, DEA, education,
//! ... — are in [`professional_records`](super::professional_records).)

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{DocumentId, ProfileId};
use crate::query::QueryParams;
use crate::time::{ApiDate, ApiDateTime};
use crate::tristate::Tristate;

/// An SSN as text (masked, ciphertext or plaintext, whatever the server
/// sent). Serialized as the bare string; `Debug` shows `<redacted>`.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SsnText(pub String);

impl SsnText {
    /// The text, for code that must use it (never log it).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SsnText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SsnText(<redacted>)")
    }
}

/// A provider's personal information (`provider-personal-info/{id}`, path
/// id = **profile** id): all 75 fields of the client model, unknown fields
/// kept in `extra`.
///
/// Read-only on the server (never to be sent back in a PATCH): `id`,
/// `updated_at`, `management_type`, `personal_completion_info`,
/// `other_emails`, `other_names`, `last_caqh_attestation_date`, `ssn`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderPersonalInfo {
    /// The provider **profile** id.
    pub id: ProfileId,
    /// Full name.
    pub full_name: Option<String>,
    /// NUCC taxonomy grouping.
    pub nucc_grouping: Option<String>,
    /// NUCC taxonomy code (e.g. `207Q00000X`).
    pub nucc_taxonomy_code: Option<String>,
    /// NUCC taxonomy classification.
    pub nucc_classification: Option<String>,
    /// Specialization (NUCC specialization).
    pub specialization: Option<String>,
    /// Provider type (e.g. `MD`, `NP`; open set).
    pub provider_type: Option<String>,
    /// Provider role (open set).
    pub provider_role: Option<String>,
    /// Practice setting (open set).
    pub practice_setting: Option<String>,
    /// Primary practice state (two-letter code).
    pub primary_practice_state: Option<String>,
    /// Languages spoken.
    pub languages: Option<Vec<String>>,
    /// Other states the provider practises in (two-letter codes).
    pub additional_practice_states: Option<Vec<String>>,
    /// First name.
    pub first_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Name suffix (`Jr.`, `III`, ...).
    pub suffix: Option<String>,
    /// Home address, first line.
    pub home_street_address_1: Option<String>,
    /// Home address, second line.
    pub home_street_address_2: Option<String>,
    /// Home city.
    pub home_city: Option<String>,
    /// Home state (two-letter code).
    pub home_state: Option<String>,
    /// Home ZIP code.
    pub home_zip_code: Option<String>,
    /// Home country.
    pub home_country: Option<String>,
    /// Primary e-mail address.
    pub primary_email_address: Option<String>,
    /// Public e-mail address.
    pub public_email: Option<String>,
    /// Personal e-mail address.
    pub personal_email: Option<String>,
    /// Business e-mail address.
    pub business_email: Option<String>,
    /// Another e-mail address.
    pub other_email: Option<String>,
    /// Further e-mail addresses (free-form items; read-only).
    pub other_emails: Option<Vec<Value>>,
    /// Other names used (free-form items; read-only).
    pub other_names: Option<Vec<Value>>,
    /// Primary phone number.
    pub primary_phone: Option<String>,
    /// Individual NPI (10 digits).
    pub individual_npi: Option<String>,
    /// CAQH provider id.
    pub caqh_id: Option<String>,
    /// Date of the last CAQH attestation (read-only).
    pub last_caqh_attestation_date: Option<ApiDate>,
    /// The SSN as the server shows it: masked or ciphertext, never plaintext (read-only here; `Debug` redacts it). Write it through the encrypted SSN endpoint.
    pub ssn: Option<SsnText>,
    /// Gender (a 7-value enum on the server; kept as a string).
    pub gender: Option<String>,
    /// Date of birth.
    pub birth_date: Option<ApiDate>,
    /// Whether the provider is a US citizen.
    pub us_citizen: Option<bool>,
    /// Country of birth.
    pub birth_country: Option<String>,
    /// State of birth.
    pub birth_state: Option<String>,
    /// City of birth.
    pub birth_city: Option<String>,
    /// Race (open set).
    pub race: Option<String>,
    /// County.
    pub county: Option<String>,
    /// Height in inches.
    pub height_inches: Option<i64>,
    /// Weight in pounds.
    pub weight_in_lbs: Option<i64>,
    /// Hair colour (a 9-value enum on the server; kept as a string).
    pub hair_color: Option<String>,
    /// Eye colour (a 9-value enum on the server; kept as a string).
    pub eye_color: Option<String>,
    /// Name of the supervising or collaborating physician.
    pub supervising_or_collaborative_physician_name: Option<String>,
    /// NPI of the supervising or collaborating physician.
    pub physician_individual_npi: Option<String>,
    /// Home phone number.
    pub home_phone_number: Option<String>,
    /// Fax number.
    pub fax_number: Option<String>,
    /// Whether the correspondence address is the home address.
    pub correspondence_address_same_as_residence: Option<bool>,
    /// Correspondence address, first line.
    pub correspondence_street_address_1: Option<String>,
    /// Correspondence address, second line.
    pub correspondence_street_address_2: Option<String>,
    /// Correspondence city.
    pub correspondence_city: Option<String>,
    /// Correspondence state (two-letter code).
    pub correspondence_state: Option<String>,
    /// Correspondence country.
    pub correspondence_country: Option<String>,
    /// Correspondence postal code.
    pub correspondence_postal_code: Option<String>,
    /// UPIN (legacy Medicare id).
    pub upin: Option<String>,
    /// Visa number (required by the server for non-US citizens).
    pub visa_number: Option<String>,
    /// Visa status (open set).
    pub visa_status: Option<String>,
    /// Country of citizenship (the server requires it on every write).
    pub citizenship_country: Option<String>,
    /// Whether the provider may work in the US.
    pub eligible_to_work_in_us: Option<bool>,
    /// Whether the provider served in the military.
    pub served_military: Option<bool>,
    /// Whether the provider is on active or reserve duty.
    pub active_or_reserve_duty: Option<bool>,
    /// Start of military service.
    pub date_of_service_start: Option<ApiDate>,
    /// End of military service.
    pub date_of_service_end: Option<ApiDate>,
    /// Last location of military service.
    pub last_location_of_service: Option<String>,
    /// Branch of military service.
    pub branch_of_service: Option<String>,
    /// Whether the provider holds an ECFMG certificate.
    pub is_ecfmg: Option<bool>,
    /// ECFMG certificate number.
    pub ecfmg_number: Option<String>,
    /// ECFMG certificate issue date.
    pub ecfmg_issue_date: Option<ApiDate>,
    /// Completion of the personal section (free-form; read-only).
    pub personal_completion_info: Option<Map<String, Value>>,
    /// Credentialing readiness (free-form).
    pub credentialing_readiness_info: Option<Map<String, Value>>,
    /// Who manages the profile: `PROVIDER_MANAGED` or `ADMIN_MANAGED` (read-only).
    pub management_type: Option<String>,
    /// When the record was last changed (read-only).
    pub updated_at: Option<ApiDateTime>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ProviderPersonalInfo {
    /// Keys the server treats as read-only: they are dropped from the
    /// fetched record before a PATCH (`ssn` above all: the fetched value is
    /// masked or ciphertext and must never be sent back).
    pub const READ_ONLY_KEYS: [&'static str; 8] = [
        "id",
        "updated_at",
        "management_type",
        "personal_completion_info",
        "other_emails",
        "other_names",
        "last_caqh_attestation_date",
        "ssn",
    ];
}

/// The changes a caller wants to make to a provider's personal info.
///
/// Every writable field of the client model is a [`Tristate`]: leave it
/// [`Absent`](Tristate::Absent) to keep the server's value, set it to
/// [`Null`](Tristate::Null) to clear it, or to a value. Serialization emits
/// only the non-absent fields.
///
/// Production rejects a partial PATCH: the whole record must be sent. This
/// type is the *overlay*: the helpers crate fetches the record, drops
/// [`ProviderPersonalInfo::READ_ONLY_KEYS`] and the null keys, applies this
/// overlay and sends the result as the PATCH body. On the first write to a
/// fresh profile set `us_citizen` and `citizenship_country`.
///
/// There is deliberately no `ssn` field: an SSN goes only through the
/// encrypted SSN endpoint ([`EncryptedSsnUpdate`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderPersonalInfoUpdate {
    /// Full name.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub full_name: Tristate<String>,
    /// NUCC taxonomy grouping.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub nucc_grouping: Tristate<String>,
    /// NUCC taxonomy code (e.g. `207Q00000X`).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub nucc_taxonomy_code: Tristate<String>,
    /// NUCC taxonomy classification.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub nucc_classification: Tristate<String>,
    /// Specialization (NUCC specialization).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub specialization: Tristate<String>,
    /// Provider type (e.g. `MD`, `NP`; open set).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub provider_type: Tristate<String>,
    /// Provider role (open set).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub provider_role: Tristate<String>,
    /// Practice setting (open set).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub practice_setting: Tristate<String>,
    /// Primary practice state (two-letter code).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub primary_practice_state: Tristate<String>,
    /// Languages spoken.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub languages: Tristate<Vec<String>>,
    /// Other states the provider practises in (two-letter codes).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub additional_practice_states: Tristate<Vec<String>>,
    /// First name.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub first_name: Tristate<String>,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub middle_name: Tristate<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub last_name: Tristate<String>,
    /// Name suffix (`Jr.`, `III`, ...).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub suffix: Tristate<String>,
    /// Home address, first line.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_street_address_1: Tristate<String>,
    /// Home address, second line.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_street_address_2: Tristate<String>,
    /// Home city.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_city: Tristate<String>,
    /// Home state (two-letter code).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_state: Tristate<String>,
    /// Home ZIP code.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_zip_code: Tristate<String>,
    /// Home country.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_country: Tristate<String>,
    /// Primary e-mail address.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub primary_email_address: Tristate<String>,
    /// Public e-mail address.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub public_email: Tristate<String>,
    /// Personal e-mail address.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub personal_email: Tristate<String>,
    /// Business e-mail address.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub business_email: Tristate<String>,
    /// Another e-mail address.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub other_email: Tristate<String>,
    /// Primary phone number.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub primary_phone: Tristate<String>,
    /// Individual NPI (10 digits).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub individual_npi: Tristate<String>,
    /// CAQH provider id.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub caqh_id: Tristate<String>,
    /// Gender (a 7-value enum on the server; kept as a string).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub gender: Tristate<String>,
    /// Date of birth.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub birth_date: Tristate<ApiDate>,
    /// Whether the provider is a US citizen.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub us_citizen: Tristate<bool>,
    /// Country of birth.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub birth_country: Tristate<String>,
    /// State of birth.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub birth_state: Tristate<String>,
    /// City of birth.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub birth_city: Tristate<String>,
    /// Race (open set).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub race: Tristate<String>,
    /// County.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub county: Tristate<String>,
    /// Height in inches.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub height_inches: Tristate<i64>,
    /// Weight in pounds.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub weight_in_lbs: Tristate<i64>,
    /// Hair colour (a 9-value enum on the server; kept as a string).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub hair_color: Tristate<String>,
    /// Eye colour (a 9-value enum on the server; kept as a string).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub eye_color: Tristate<String>,
    /// Name of the supervising or collaborating physician.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub supervising_or_collaborative_physician_name: Tristate<String>,
    /// NPI of the supervising or collaborating physician.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub physician_individual_npi: Tristate<String>,
    /// Home phone number.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub home_phone_number: Tristate<String>,
    /// Fax number.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub fax_number: Tristate<String>,
    /// Whether the correspondence address is the home address.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_address_same_as_residence: Tristate<bool>,
    /// Correspondence address, first line.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_street_address_1: Tristate<String>,
    /// Correspondence address, second line.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_street_address_2: Tristate<String>,
    /// Correspondence city.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_city: Tristate<String>,
    /// Correspondence state (two-letter code).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_state: Tristate<String>,
    /// Correspondence country.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_country: Tristate<String>,
    /// Correspondence postal code.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub correspondence_postal_code: Tristate<String>,
    /// UPIN (legacy Medicare id).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub upin: Tristate<String>,
    /// Visa number (required by the server for non-US citizens).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub visa_number: Tristate<String>,
    /// Visa status (open set).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub visa_status: Tristate<String>,
    /// Country of citizenship (the server requires it on every write).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub citizenship_country: Tristate<String>,
    /// Whether the provider may work in the US.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub eligible_to_work_in_us: Tristate<bool>,
    /// Whether the provider served in the military.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub served_military: Tristate<bool>,
    /// Whether the provider is on active or reserve duty.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub active_or_reserve_duty: Tristate<bool>,
    /// Start of military service.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub date_of_service_start: Tristate<ApiDate>,
    /// End of military service.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub date_of_service_end: Tristate<ApiDate>,
    /// Last location of military service.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub last_location_of_service: Tristate<String>,
    /// Branch of military service.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub branch_of_service: Tristate<String>,
    /// Whether the provider holds an ECFMG certificate.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub is_ecfmg: Tristate<bool>,
    /// ECFMG certificate number.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub ecfmg_number: Tristate<String>,
    /// ECFMG certificate issue date.
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub ecfmg_issue_date: Tristate<ApiDate>,
    /// Credentialing readiness (free-form).
    #[serde(default, skip_serializing_if = "Tristate::is_absent")]
    pub credentialing_readiness_info: Tristate<Map<String, Value>>,
}

/// The encrypted-SSN record (`retrieve-update-provider-ssn-sym-encrypted/{id}`
/// GET, JWT only). `Debug` redacts the SSN.
#[skip_serializing_none]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct EncryptedSsnRecord {
    /// The provider **profile** id.
    pub id: ProfileId,
    /// The SSN as ciphertext (never plaintext); `None` if none is stored.
    pub ssn: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for EncryptedSsnRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncryptedSsnRecord")
            .field("id", &self.id)
            .field("ssn", &self.ssn.as_ref().map(|_| "<redacted>"))
            .field("extra", &self.extra)
            .finish()
    }
}

/// Body of the encrypted-SSN PATCH (JWT only): `{"ssn": "<token>"}`.
///
/// The token is Base64(IV ‖ AES-256-CTR(SHA-256(JWT), IV, SSN digits)), as
/// `assured_crypto::SsnToken` builds it; it is bound to the JWT of the
/// request that carries it. `Debug` redacts it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedSsnUpdate {
    /// The SSN token (not the SSN itself).
    pub ssn: String,
}

impl EncryptedSsnUpdate {
    /// Wraps a token built for the JWT this request will carry.
    #[must_use]
    pub fn new(token: impl Into<String>) -> Self {
        Self { ssn: token.into() }
    }
}

impl fmt::Debug for EncryptedSsnUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncryptedSsnUpdate { ssn: <redacted> }")
    }
}

/// The plaintext-SSN reply (`retrieve-update-provider-ssn/{id}` GET), read
/// to confirm an encrypted write. `Debug` redacts the SSN.
///
/// No source records the exact shape; it is assumed to be `{id, ssn}` like
/// the encrypted endpoint's, so both fields are optional and anything else
/// is kept in `extra`.
#[skip_serializing_none]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaintextSsnRecord {
    /// The provider **profile** id, if the server sends it.
    pub id: Option<ProfileId>,
    /// The decrypted SSN (secret).
    pub ssn: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for PlaintextSsnRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlaintextSsnRecord")
            .field("id", &self.id)
            .field("ssn", &self.ssn.as_ref().map(|_| "<redacted>"))
            .field("extra", &self.extra)
            .finish()
    }
}

/// A document linked to a provider (`provider-documents`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderDocument {
    /// Document id.
    pub id: DocumentId,
    /// The provider **profile** id.
    pub provider: Option<ProfileId>,
    /// Document name.
    pub document_name: Option<String>,
    /// Document type (a 92-value enum on the server, e.g. `CV`,
    /// `State License`, `DEA`, `Board Certification`, `W-9`; kept as a string).
    pub document_type: Option<String>,
    /// Where the file lives (the `s3://` URI from the upload).
    pub document_url: Option<String>,
    /// The stored file (as the server names it).
    pub document_file: Option<String>,
    /// Checksum of the file.
    pub file_checksum: Option<String>,
    /// Upload date, as sent (text: the client model types it as a string).
    pub uploaded_date: Option<String>,
    /// Expiration date, as sent (text: the client model types it as a string).
    pub expiration_date: Option<String>,
    /// State the document applies to (two-letter code).
    pub state: Option<String>,
    /// A short-lived HTTPS URL to download the file.
    pub presigned_document_url: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A field that is always sent as the empty string `""`.
///
/// The document-link body carries `"id": ""` and
/// `"presigned_document_url": ""` on every request (the Python client always
/// adds them; production accepts them). On input any string is accepted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct EmptyString;

impl Serialize for EmptyString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("")
    }
}

impl<'de> Deserialize<'de> for EmptyString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <std::borrow::Cow<'de, str>>::deserialize(deserializer).map(|_| Self)
    }
}

/// Body of `provider-documents` (POST, JWT): link an uploaded file to a
/// provider.
///
/// Always serializes `"id": ""` and `"presigned_document_url": ""` (quirk
/// 11). Unset optional fields are omitted (the Python client sends them as
/// `null`; omitting is the safe choice, see quirk 14).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderDocumentCreate {
    /// Always `""`.
    #[serde(default)]
    pub id: EmptyString,
    /// The provider **profile** id (required).
    pub provider: ProfileId,
    /// Document name.
    pub document_name: Option<String>,
    /// Document type (a 92-value enum on the server, e.g. `CV`,
    /// `State License`; kept as a string).
    pub document_type: Option<String>,
    /// The `s3://` URI (`file_url`) from the file upload.
    pub document_url: Option<String>,
    /// The stored file name.
    pub document_file: Option<String>,
    /// Checksum of the file.
    pub file_checksum: Option<String>,
    /// Upload date (`YYYY-MM-DD`).
    pub uploaded_date: Option<String>,
    /// Expiration date (`YYYY-MM-DD`).
    pub expiration_date: Option<String>,
    /// State the document applies to (two-letter code).
    pub state: Option<String>,
    /// Always `""`.
    #[serde(default)]
    pub presigned_document_url: EmptyString,
}

impl ProviderDocumentCreate {
    /// A link for `provider` with every optional field unset.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            id: EmptyString,
            provider,
            document_name: None,
            document_type: None,
            document_url: None,
            document_file: None,
            file_checksum: None,
            uploaded_date: None,
            expiration_date: None,
            state: None,
            presigned_document_url: EmptyString,
        }
    }
}

/// Parameters of the provider-documents list: the provider (required) and
/// the page.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderDocumentListParams {
    /// The provider **profile** id.
    pub provider: ProfileId,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
}

impl ProviderDocumentListParams {
    /// The documents of `provider`, default paging.
    #[must_use]
    pub fn new(provider: ProfileId) -> Self {
        Self {
            provider,
            limit: None,
            offset: None,
        }
    }
}

impl QueryParams for ProviderDocumentListParams {}

/// The body actually sent by the personal-info PATCH: the **complete**
/// record (quirk 1) — the fetched record without [`ProviderPersonalInfo::READ_ONLY_KEYS`] and
/// without its null values, with the caller's [`ProviderPersonalInfoUpdate`]
/// overlaid. Kept as raw JSON so that fields this SDK does not know survive
/// the round trip.
pub type PersonalInfoPatchBody = Map<String, Value>;
