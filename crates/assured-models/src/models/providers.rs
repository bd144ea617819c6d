//! Providers: the provider list, onboarding (invite, CAQH import, create),
//! practice-location membership, provider-authorised CAQH re-imports and the
//! organisation joining date.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{AccountId, CaqhImportRequestId, ClientId, PracticeLocationId, ProfileId};
use crate::query::QueryParams;
use crate::time::ApiDate;

/// A provider account from `providers-list` (and `providers-not-in-practice-loc`).
///
/// Carries both of the provider's ids: `id` is the **account** id,
/// `provider_profile_id` the **profile** id every provider-profile endpoint
/// wants. This record is the only place that maps one to the other.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    /// The provider **account** id.
    pub id: AccountId,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Individual NPI (10 digits).
    pub npi: Option<String>,
    /// Full display name.
    pub full_name: Option<String>,
    /// The provider **profile** id (for the provider-profile endpoints).
    pub provider_profile_id: Option<ProfileId>,
    /// Profile completeness, in percent.
    pub profile_completeness_percentage: Option<f64>,
    /// Whether the account is active (client-model field, not in the spec).
    pub is_active: Option<bool>,
    /// User type, normally `provider` (client-model field, not in the spec).
    pub user_type: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of `providers-list`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderListParams {
    /// Only providers of this client (client-model filter, not in the spec).
    pub client: Option<ClientId>,
    /// Only providers of these clients (sent comma-separated; client-model
    /// filter, not in the spec).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_in: Option<Vec<ClientId>>,
    /// Only this e-mail address.
    pub email: Option<String>,
    /// Only this first name.
    pub first_name: Option<String>,
    /// Only these provider **account** ids (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub id_in: Option<Vec<AccountId>>,
    /// Only active (or inactive) providers (client-model filter, not in the spec).
    pub is_active: Option<bool>,
    /// Only this last name.
    pub last_name: Option<String>,
    /// Page size.
    pub limit: Option<u32>,
    /// Only this NPI (a spec filter; the Python client does not use it).
    pub npi: Option<String>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only providers whose profile is (or is not) complete.
    pub profile_completeness: Option<bool>,
    /// Free-text search.
    pub search: Option<String>,
}

impl QueryParams for ProviderListParams {}

/// Filters of `providers-not-in-practice-loc`: the providers-list filters
/// plus the **required** `practice_location`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvidersNotInPracticeLocationParams {
    /// The practice location the providers must not belong to (required).
    pub practice_location: PracticeLocationId,
    /// Only providers of this client.
    pub client: Option<ClientId>,
    /// Only providers of these clients (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_in: Option<Vec<ClientId>>,
    /// Only this e-mail address.
    pub email: Option<String>,
    /// Only this first name.
    pub first_name: Option<String>,
    /// Only these provider **account** ids (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub id_in: Option<Vec<AccountId>>,
    /// Only active (or inactive) providers.
    pub is_active: Option<bool>,
    /// Only this last name.
    pub last_name: Option<String>,
    /// Page size.
    pub limit: Option<u32>,
    /// Only this NPI.
    pub npi: Option<String>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only providers whose profile is (or is not) complete.
    pub profile_completeness: Option<bool>,
    /// Free-text search.
    pub search: Option<String>,
}

impl ProvidersNotInPracticeLocationParams {
    /// Providers not in `practice_location`, no other filter.
    #[must_use]
    pub fn new(practice_location: PracticeLocationId) -> Self {
        Self::with_filters(practice_location, ProviderListParams::default())
    }

    /// Providers not in `practice_location`, narrowed by the providers-list
    /// filters.
    #[must_use]
    pub fn with_filters(
        practice_location: PracticeLocationId,
        filters: ProviderListParams,
    ) -> Self {
        let ProviderListParams {
            client,
            client_in,
            email,
            first_name,
            id_in,
            is_active,
            last_name,
            limit,
            npi,
            offset,
            ordering,
            profile_completeness,
            search,
        } = filters;
        Self {
            practice_location,
            client,
            client_in,
            email,
            first_name,
            id_in,
            is_active,
            last_name,
            limit,
            npi,
            offset,
            ordering,
            profile_completeness,
            search,
        }
    }
}

impl QueryParams for ProvidersNotInPracticeLocationParams {}

/// One provider to invite (`invite-providers` takes a JSON array of these).
///
/// Unset optional fields are omitted: production answers 400 "This field may
/// not be null." to `null` on them.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderInvite {
    /// E-mail address the invitation goes to.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Practice locations to attach the provider to.
    pub provider_practice_locations: Option<Vec<PracticeLocationId>>,
    /// The primary practice location (client-model field, not in the spec).
    pub primary_practice_location: Option<PracticeLocationId>,
    /// The client (organisation) to invite into.
    pub client: Option<ClientId>,
    /// Date the provider joined the organisation.
    pub org_joining_date: Option<ApiDate>,
    /// Addresses copied on the invitation (client-model field, not in the spec).
    pub cc_emails: Option<Vec<String>>,
}

impl ProviderInvite {
    /// An invitation with the required fields only.
    #[must_use]
    pub fn new(
        email: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Self {
        Self {
            email: email.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            provider_practice_locations: None,
            primary_practice_location: None,
            client: None,
            org_joining_date: None,
            cc_emails: None,
        }
    }
}

/// A provider as the onboarding endpoints echo it: one item of the
/// `invite-providers` reply (an array), or the whole
/// `import-single-provider-with-caqh` reply.
///
/// The shape is the vendor spec's 200 response; the Python client hands the
/// reply back as raw JSON, so unknown fields are kept.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OnboardedProvider {
    /// Id of the new provider. Assumed to be the **account** (user) id: the
    /// reply is the user record; no source states the kind explicitly.
    pub id: AccountId,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Practice locations the provider was attached to.
    pub provider_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of `import-single-provider-with-caqh`: onboard a provider from their
/// CAQH account. `Debug` redacts the CAQH password.
#[skip_serializing_none]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderCAQHImport {
    /// The provider's e-mail address.
    pub email: String,
    /// CAQH user name.
    pub caqh_username: String,
    /// CAQH password (secret).
    pub caqh_password: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Practice locations to attach the provider to.
    pub provider_practice_locations: Option<Vec<PracticeLocationId>>,
    /// The primary practice location (client-model field, not in the spec).
    pub primary_practice_location: Option<PracticeLocationId>,
}

impl ProviderCAQHImport {
    /// An import with the required fields only.
    #[must_use]
    pub fn new(
        email: impl Into<String>,
        caqh_username: impl Into<String>,
        caqh_password: impl Into<String>,
    ) -> Self {
        Self {
            email: email.into(),
            caqh_username: caqh_username.into(),
            caqh_password: caqh_password.into(),
            first_name: None,
            last_name: None,
            provider_practice_locations: None,
            primary_practice_location: None,
        }
    }
}

impl fmt::Debug for ProviderCAQHImport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderCAQHImport")
            .field("email", &self.email)
            .field("caqh_username", &self.caqh_username)
            .field("caqh_password", &"<redacted>")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field(
                "provider_practice_locations",
                &self.provider_practice_locations,
            )
            .field("primary_practice_location", &self.primary_practice_location)
            .finish()
    }
}

/// Body of `create-providers`: create a provider without CAQH credentials.
///
/// Unset optional fields are omitted (`client`, `document_url` and
/// `document_type` are non-nullable strings: `null` is a 400).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderCreate {
    /// E-mail address.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The client (organisation) the provider belongs to.
    pub client: Option<ClientId>,
    /// URL of a document to attach (e.g. an `s3://` URI from file upload).
    pub document_url: Option<String>,
    /// Type of that document (open set, e.g. `CV`).
    pub document_type: Option<String>,
    /// Practice locations to attach the provider to.
    pub provider_practice_locations: Option<Vec<PracticeLocationId>>,
    /// The primary practice location (client-model field, not in the spec).
    pub primary_practice_location: Option<PracticeLocationId>,
    /// Date the provider joined the organisation.
    pub org_joining_date: Option<ApiDate>,
}

impl ProviderCreate {
    /// A provider with the required fields only.
    #[must_use]
    pub fn new(
        email: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Self {
        Self {
            email: email.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            client: None,
            document_url: None,
            document_type: None,
            provider_practice_locations: None,
            primary_practice_location: None,
            org_joining_date: None,
        }
    }
}

/// The `create-providers` reply (201).
///
/// A freshly created profile is almost entirely empty: the first
/// personal-info write must include `us_citizen` and `citizenship_country`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderCreateResponse {
    /// Id of the new provider. Assumed to be the **account** (user) id: the
    /// reply is the user record (it carries `source_of_joining`, a user
    /// field); no source states the kind explicitly. Resolve the profile id
    /// through `providers-list?id_in=<id>`.
    pub id: AccountId,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Practice locations the provider was attached to.
    pub provider_practice_locations: Option<Vec<PracticeLocationId>>,
    /// The primary practice location (client-model field, not in the spec).
    pub primary_practice_location: Option<PracticeLocationId>,
    /// The client (organisation).
    pub client: Option<ClientId>,
    /// URL of the attached document.
    pub document_url: Option<String>,
    /// Type of the attached document.
    pub document_type: Option<String>,
    /// How the provider joined: `FROM_INVITE`,
    /// `FROM_BULK_PROVIDERS_EXCEL_IMPORT`, `FROM_SINGLE_PROVIDER_IMPORT`,
    /// `FROM_MIGRATION_SCRIPTS`, `PROVIDER_CREATE_API`,
    /// `SINGLE_USER_ADDED_FROM_BACKEND` (open set).
    pub source_of_joining: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of `practice-location-providers` (POST): add providers to a practice
/// location. The reply is raw JSON echoing both fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLocationProvidersCreate {
    /// The providers to add. Plain strings: no source states whether these
    /// are account or profile ids.
    pub providers: Vec<String>,
    /// The practice location.
    pub practice_location: PracticeLocationId,
}

impl PracticeLocationProvidersCreate {
    /// Adds `providers` to `practice_location`.
    #[must_use]
    pub fn new(
        providers: impl IntoIterator<Item = impl Into<String>>,
        practice_location: PracticeLocationId,
    ) -> Self {
        Self {
            providers: providers.into_iter().map(Into::into).collect(),
            practice_location,
        }
    }
}

/// Body of `request-caqh-import` (POST): a provider-authorised CAQH
/// re-import. All four fields are required. `Debug` redacts the password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CaqhImportRequestCreate {
    /// CAQH user name.
    pub caqh_username: String,
    /// CAQH password (secret).
    pub caqh_password: String,
    /// Full name of the authorising provider.
    pub full_name: String,
    /// The provider's signature (as the API takes it: text).
    pub signature: String,
}

impl CaqhImportRequestCreate {
    /// A request with all four (required) fields.
    #[must_use]
    pub fn new(
        caqh_username: impl Into<String>,
        caqh_password: impl Into<String>,
        full_name: impl Into<String>,
        signature: impl Into<String>,
    ) -> Self {
        Self {
            caqh_username: caqh_username.into(),
            caqh_password: caqh_password.into(),
            full_name: full_name.into(),
            signature: signature.into(),
        }
    }
}

impl fmt::Debug for CaqhImportRequestCreate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaqhImportRequestCreate")
            .field("caqh_username", &self.caqh_username)
            .field("caqh_password", &"<redacted>")
            .field("full_name", &self.full_name)
            .field("signature", &self.signature)
            .finish()
    }
}

/// A CAQH import request (`request-caqh-import`). Its id is an integer.
/// `Debug` redacts the password.
#[skip_serializing_none]
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CaqhImportRequest {
    /// Request id (an integer, unlike every other id of the API).
    pub id: CaqhImportRequestId,
    /// CAQH user name.
    pub caqh_username: Option<String>,
    /// CAQH password, if the server echoes it (secret).
    pub caqh_password: Option<String>,
    /// Full name of the authorising provider.
    pub full_name: Option<String>,
    /// The provider's signature.
    pub signature: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for CaqhImportRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaqhImportRequest")
            .field("id", &self.id)
            .field("caqh_username", &self.caqh_username)
            .field(
                "caqh_password",
                &self.caqh_password.as_ref().map(|_| "<redacted>"),
            )
            .field("full_name", &self.full_name)
            .field("signature", &self.signature)
            .field("extra", &self.extra)
            .finish()
    }
}

/// Filters of the CAQH import request list.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaqhImportRequestListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Only this provider's requests. Plain string: no source states whether
    /// this is the account or the profile id.
    pub provider: Option<String>,
}

impl QueryParams for CaqhImportRequestListParams {}

/// A provider's organisation joining date (`update-provider-org-joining-date`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderOrgJoiningDate {
    /// The provider **profile** id (the endpoint is addressed by it).
    pub id: ProfileId,
    /// Date the provider joined the organisation, if known.
    pub org_joining_date: Option<ApiDate>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the org-joining-date PATCH.
///
/// `org_joining_date` is required but nullable: it is **always** sent, as a
/// `YYYY-MM-DD` string ([`set`](Self::set)) or as `null`
/// ([`clear`](Self::clear)). On input a missing key is an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderOrgJoiningDateUpdate {
    /// The new date, or `None` to clear it (sent as `null`).
    // `deserialize_with` turns off serde's "missing Option = None" rule, so
    // the key is required on input too.
    #[serde(deserialize_with = "Option::deserialize")]
    pub org_joining_date: Option<ApiDate>,
}

impl ProviderOrgJoiningDateUpdate {
    /// Sets the joining date.
    #[must_use]
    pub fn set(date: ApiDate) -> Self {
        Self {
            org_joining_date: Some(date),
        }
    }

    /// Clears the joining date (sends `null`).
    #[must_use]
    pub fn clear() -> Self {
        Self {
            org_joining_date: None,
        }
    }
}
