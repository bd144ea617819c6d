//! Users: the external users list, the slim list, the logged-in user, login
//! and password reset.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{ClientId, ProfileId, UserId};
use crate::query::QueryParams;
use crate::time::ApiDateTime;

/// A user record from `external-users-list` (for a provider, `id` is the
/// account id).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// User id (for providers: the account id).
    pub id: UserId,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Full display name.
    pub name: Option<String>,
    /// Whether the account is active.
    pub is_active: Option<bool>,
    /// User type: `provider`, `client_admin`, `oa`, ... (open set).
    pub user_type: Option<String>,
    /// When the user joined.
    pub date_joined: Option<ApiDateTime>,
    /// When the e-mail was verified.
    pub email_verified_at: Option<ApiDateTime>,
    /// When the user was invited (production-only field).
    pub invited_at: Option<ApiDateTime>,
    /// When the account was activated.
    pub activated_at: Option<ApiDateTime>,
    /// When the account was deactivated.
    pub deactivated_at: Option<ApiDateTime>,
    /// How the user joined (`FROM_INVITE`, `PROVIDER_CREATE_API`, ...).
    pub source_of_joining: Option<String>,
    /// Client (organisation) id (production-only field).
    pub client: Option<ClientId>,
    /// Client name (production-only field).
    pub client_name: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the users lists (`external-users-list`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserListParams {
    /// Only active (or inactive) users.
    pub is_active: Option<bool>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only providers ready (or not) for credentialing.
    #[serde(rename = "provider_profile__ready_for_credentialing")]
    pub ready_for_credentialing: Option<bool>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only this user type.
    pub user_type: Option<String>,
    /// Only deactivated users.
    pub users_deactivated: Option<bool>,
    /// Only invited users.
    pub users_invited: Option<bool>,
}

impl QueryParams for UserListParams {}

/// A reduced user record from `user-list-slim`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserSlim {
    /// User id.
    pub id: UserId,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Whether the account is active.
    pub is_active: Option<bool>,
    /// User type (open set).
    pub user_type: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of `user-list-slim`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserSlimListParams {
    /// Only users of this client.
    pub client: Option<ClientId>,
    /// Only these user ids (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub id_in: Option<Vec<UserId>>,
    /// Include users whose e-mail is not verified.
    pub include_unverified: Option<bool>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Only providers ready (or not) for credentialing.
    #[serde(rename = "provider_profile__ready_for_credentialing")]
    pub ready_for_credentialing: Option<bool>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only this user type.
    pub user_type: Option<String>,
    /// Only these user types (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub user_type_in: Option<Vec<String>>,
}

impl QueryParams for UserSlimListParams {}

/// The user the credentials belong to (`logged-in-user-details`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedInUserDetails {
    /// User id.
    pub id: UserId,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// User type (open set).
    pub user_type: Option<String>,
    /// Whether the account is active.
    pub is_active: Option<bool>,
    /// The provider profile, for provider users (free-form).
    pub provider_profile: Option<Map<String, Value>>,
    /// Extra data (free-form).
    pub extra_data: Option<Map<String, Value>>,
    /// Profile completion (free-form).
    pub provider_profile_completion_info: Option<Map<String, Value>>,
    /// Features enabled for the user.
    pub user_associated_features: Option<Vec<String>>,
    /// Credentialing readiness (free-form).
    pub credentialing_readiness_info: Option<Map<String, Value>>,
    /// Id of the user in Assured.
    pub assured_user_id: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The login request body. The password is not shown by `Debug`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginRequest {
    /// The user's e-mail (`ASSURED_USER`).
    pub email: String,
    /// The user's password (`ASSURED_PASS`).
    pub password: String,
    /// Long-lived session; the Python client always sends `true`.
    pub remember: bool,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .field("remember", &self.remember)
            .finish()
    }
}

/// The login reply: the session JWT is at `data.jwt.access`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginResponse {
    /// The logged-in user and the tokens.
    pub data: LoginData,
    /// Server message.
    #[serde(default)]
    pub msg: Option<String>,
    /// Account flags (`client_exists`, `provider_profile_id`, MFA settings, ...).
    #[serde(default)]
    pub extra_data: Option<LoginExtraData>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `data` of the login reply.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginData {
    /// User id.
    pub id: Option<UserId>,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// User type.
    pub user_type: Option<String>,
    /// Whether the account is active.
    pub is_active: Option<bool>,
    /// The session tokens.
    pub jwt: JwtPair,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The tokens of a session. `Debug` redacts them.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct JwtPair {
    /// The access token: `Authorization: Bearer <access>`.
    pub access: String,
    /// The refresh token.
    #[serde(default)]
    pub refresh: Option<String>,
}

impl std::fmt::Debug for JwtPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtPair { access: <redacted>, refresh: <redacted> }")
    }
}

/// `extra_data` of the login reply.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginExtraData {
    /// Whether the user belongs to a client.
    pub client_exists: Option<bool>,
    /// The client (free-form).
    pub client_details: Option<Value>,
    /// Whether a tax entity exists.
    pub tax_entity_exists: Option<bool>,
    /// The user's provider profile id, for providers.
    pub provider_profile_id: Option<ProfileId>,
    /// Whether the minimal profile is complete.
    pub min_profile_completed: Option<bool>,
    /// Whether a CAQH account exists.
    pub caqh_account_exists: Option<bool>,
    /// Features enabled for the user.
    pub user_associated_features: Option<Vec<String>>,
    /// MFA settings and anything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of `password-reset`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasswordResetRequest {
    /// The user to send the reset e-mail to.
    pub email: String,
}
