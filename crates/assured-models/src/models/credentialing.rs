//! Credentialing: requests (create, detail, list, close, download), packets,
//! the need-action list, monitoring events, the provider overview, the
//! providers-with-states list, and approval letters.
//!
//! Ids: a credentialing request's `provider` is the provider **account** id
//! ([`AccountId`]); the provider ids of the packet, need-action, monitoring,
//! overview, providers-with-states and approval-letter endpoints are of a
//! kind no source states, and are plain strings here.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{
    AccountId, ClientId, CredentialingPacketId, CredentialingRequestId, MonitoringEventId,
    ProfileId, UserId,
};
use crate::query::QueryParams;
use crate::time::{ApiDate, ApiDateTime};

// ---------------------------------------------------------------------------
// Shared nested objects
// ---------------------------------------------------------------------------

/// The provider a credentialing record is about (`provider_details`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderDetails {
    /// The provider **account** id.
    pub id: Option<AccountId>,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// User type (open set, normally `provider`).
    pub user_type: Option<String>,
    /// Whether the account is active.
    pub is_active: Option<bool>,
    /// The provider **profile** id.
    pub provider_profile_id: Option<ProfileId>,
    /// Individual NPI.
    pub individual_npi: Option<String>,
    /// Provider type (open set, e.g. `MD`, `NP`).
    pub provider_type: Option<String>,
    /// Date the provider joined the organisation, as sent.
    pub org_joining_date: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The user a credentialing record is assigned to (`assignee_details`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssigneeDetails {
    /// User id.
    pub id: Option<UserId>,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Middle name.
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Name suffix.
    pub suffix: Option<String>,
    /// User type (open set, e.g. `oa`).
    pub user_type: Option<String>,
    /// Whether the account is active.
    pub is_active: Option<bool>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

pub use super::common::{ClientDetails, SignoffAllowed};

// ---------------------------------------------------------------------------
// Credentialing requests
// ---------------------------------------------------------------------------

fn initial_credentialing() -> String {
    CredentialingRequestCreate::INITIAL_CREDENTIALING.to_owned()
}

/// Body of `create-credentialing-request`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialingRequestCreate {
    /// The provider **account** id (the `id` of the providers list, not the
    /// profile id).
    pub provider: AccountId,
    /// Credentialing type; always sent, [`Self::INITIAL_CREDENTIALING`] by
    /// default (the only value the spec documents for creation;
    /// `RE_CREDENTIALING` exists in the list filters).
    #[serde(default = "initial_credentialing")]
    pub credentialing_type: String,
    /// States to credential in (two-letter codes).
    pub state_codes: Option<Vec<String>>,
}

impl CredentialingRequestCreate {
    /// The credentialing type a new request gets unless told otherwise.
    pub const INITIAL_CREDENTIALING: &'static str = "INITIAL_CREDENTIALING";

    /// An initial-credentialing request for this provider, no states given.
    #[must_use]
    pub fn new(provider: AccountId) -> Self {
        Self {
            provider,
            credentialing_type: initial_credentialing(),
            state_codes: None,
        }
    }
}

/// The reply to `create-credentialing-request` (201), per the vendor spec.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialingRequestCreated {
    /// The new request's id.
    pub id: CredentialingRequestId,
    /// The provider **account** id.
    pub provider: Option<AccountId>,
    /// Status; `PENDING` for a new request.
    pub status: Option<String>,
    /// Credentialing type, e.g. `INITIAL_CREDENTIALING`.
    pub credentialing_type: Option<String>,
    /// States to credential in.
    pub state_codes: Option<Vec<String>>,
    /// The user who made the request.
    pub requested_by: Option<UserId>,
    /// Creation time.
    pub created_at: Option<ApiDateTime>,
    /// Last update time.
    pub updated_at: Option<ApiDateTime>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A credentialing request (`request-list` items and `request-detail`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialingRequest {
    /// Request id.
    pub id: CredentialingRequestId,
    /// The provider (carries both the account and the profile id).
    pub provider_details: Option<ProviderDetails>,
    /// The client.
    pub client_details: Option<ClientDetails>,
    /// States to credential in.
    pub state_codes: Option<Vec<String>>,
    /// Id of the assigned user.
    pub assignee: Option<UserId>,
    /// `INITIAL_CREDENTIALING`, `RE_CREDENTIALING`, ... (open set).
    pub credentialing_type: Option<String>,
    /// When the request was completed.
    pub request_completed_at: Option<ApiDateTime>,
    /// When the operations analyst completed their part.
    pub oa_completed_at: Option<ApiDateTime>,
    /// `STARTED`, `FINISHED`, `FAILED`, `SKIPPED`, ... (open set).
    pub automation_status: Option<String>,
    /// `PENDING`, `IN_PROGRESS`, `CLEAR`, `CONCERN`, `CANCELLED`,
    /// `SUCCESSFUL_REQUEST`, `TERMINATE`, ... (open set).
    pub status: Option<String>,
    /// Creation time.
    pub created_at: Option<ApiDateTime>,
    /// Last update time.
    pub updated_at: Option<ApiDateTime>,
    /// Human-readable request number.
    pub request_id: Option<String>,
    /// Attestation document location.
    pub attestation_url: Option<String>,
    /// Short-lived presigned URL of the attestation.
    pub attestation_url_presigned: Option<String>,
    /// `CREDENTIALING` or `ONGOING_MONITORING` (open set).
    pub request_type: Option<String>,
    /// Whether a verifier signed the request off.
    pub verifier_signed_off: Option<bool>,
    /// Whether sign-off is allowed now.
    pub is_signoff_allowed: Option<SignoffAllowed>,
    /// When the request was assigned.
    pub assigned_at: Option<ApiDateTime>,
    /// Assignee's e-mail.
    pub assignee_email: Option<String>,
    /// Assignee's full name.
    pub assignee_full_name: Option<String>,
    /// Requester's full name.
    pub requested_by_full_name: Option<String>,
    /// Id of the requesting user.
    pub requested_by: Option<UserId>,
    /// Approval date, as sent.
    pub approval_date: Option<String>,
    /// Name of the approver.
    pub approver_name: Option<String>,
    /// Who closed the request.
    pub request_closed_by: Option<String>,
    /// Service-level agreement, in days.
    pub sla_days: Option<i64>,
    /// Re-credentialing due date, as sent.
    pub re_credentialing_date: Option<String>,
    /// Why the provider was terminated, if so.
    pub reason_for_termination: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The reply of `request-detail`: the same fields as
/// [`CredentialingRequest`].
pub type CredentialingRequestDetail = CredentialingRequest;

/// Filters of `request-list` (credentialing requests).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialingListParams {
    /// Assigned at or after.
    pub assigned_at_after: Option<ApiDateTime>,
    /// Assigned at or before.
    pub assigned_at_before: Option<ApiDateTime>,
    /// Only requests assigned to this user.
    pub assignee: Option<UserId>,
    /// Only requests assigned to these users (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub assignee_in: Option<Vec<UserId>>,
    /// `STARTED`, `FINISHED`, `FAILED`, `SKIPPED`.
    pub automation_status: Option<String>,
    /// Only these clients (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_ids: Option<Vec<ClientId>>,
    /// Created at or after.
    pub created_at_after: Option<ApiDateTime>,
    /// Created at or before.
    pub created_at_before: Option<ApiDateTime>,
    /// Creation month (format not documented).
    pub created_at_month: Option<String>,
    /// `INITIAL_CREDENTIALING` or `RE_CREDENTIALING`.
    pub credentialing_type: Option<String>,
    /// Only these individual NPIs (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub individual_npis: Option<Vec<String>>,
    /// Page size.
    pub limit: Option<u32>,
    /// Analyst completed at or after.
    pub oa_completed_at_after: Option<ApiDateTime>,
    /// Analyst completed at or before.
    pub oa_completed_at_before: Option<ApiDateTime>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only this provider (**account** id, per the spec).
    pub provider: Option<AccountId>,
    /// Only these providers (**account** ids, the same field as `provider`;
    /// sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub provider_in: Option<Vec<AccountId>>,
    /// Provider type (open set).
    pub provider_type: Option<String>,
    /// Completed at or after.
    pub request_completed_at_after: Option<ApiDateTime>,
    /// Completed at or before.
    pub request_completed_at_before: Option<ApiDateTime>,
    /// `CREDENTIALING` or `ONGOING_MONITORING`.
    pub request_type: Option<String>,
    /// Only requests made by this user.
    pub requested_by: Option<UserId>,
    /// Only requests made by these users (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub requested_by_in: Option<Vec<UserId>>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only these states (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub state_codes_in: Option<Vec<String>>,
    /// `PENDING`, `CANCELLED`, `IN_PROGRESS`, `CLEAR`, `CONCERN`,
    /// `SUCCESSFUL_REQUEST`, `TERMINATE`.
    pub status: Option<String>,
    /// Only these statuses (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub status_in: Option<Vec<String>>,
    /// UI tab (open set, undocumented).
    pub tab: Option<String>,
    /// Updated at or after.
    pub updated_at_after: Option<ApiDateTime>,
    /// Updated at or before.
    pub updated_at_before: Option<ApiDateTime>,
    /// Only requests a verifier signed off (or not).
    pub verifier_signed_off: Option<bool>,
}

impl QueryParams for CredentialingListParams {}

// ---------------------------------------------------------------------------
// Packets
// ---------------------------------------------------------------------------

/// A credentialing packet (`credentialing-packets`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialingPacket {
    /// Packet id.
    pub id: CredentialingPacketId,
    /// The credentialing request the packet belongs to.
    pub credentialing_request: Option<CredentialingRequestId>,
    /// Attestation document location.
    pub attestation_url: Option<String>,
    /// When the provider was credentialed.
    pub credentialing_date: Option<ApiDateTime>,
    /// When re-credentialing is due.
    pub recredentialing_date: Option<ApiDateTime>,
    /// The states of the packet, kept as sent (a string per the client
    /// model; the overview's last packet sends a list).
    pub states: Option<Value>,
    /// E.g. `CREDENTIALED` (open set).
    pub credentialing_status: Option<String>,
    /// E.g. `CLEAR` (open set).
    pub packet_status: Option<String>,
    /// Provider id (account or profile: not stated by any source).
    pub provider: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of `credentialing-packets`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialingPacketListParams {
    /// Only packets of this request.
    pub credentialing_request: Option<CredentialingRequestId>,
    /// E.g. `CREDENTIALED` (open set).
    pub credentialing_status: Option<String>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// E.g. `CLEAR` (open set).
    pub packet_status: Option<String>,
    /// Only this provider (account or profile id: not stated by any source).
    pub provider: Option<String>,
}

impl QueryParams for CredentialingPacketListParams {}

// ---------------------------------------------------------------------------
// Need-action list
// ---------------------------------------------------------------------------

/// A credentialing request that needs action (`credentialing-need-action-list`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialingNeedAction {
    /// The credentialing request's id.
    pub id: CredentialingRequestId,
    /// The assigned user.
    pub assignee_details: Option<AssigneeDetails>,
    /// The provider.
    pub provider_details: Option<ProviderDetails>,
    /// States to credential in.
    pub state_codes: Option<Vec<String>>,
    /// Verification tasks (free-form objects).
    pub verification_event_tasks: Option<Vec<Map<String, Value>>>,
    /// Request status (open set, see [`CredentialingRequest::status`]).
    pub status: Option<String>,
    /// Creation time.
    pub created_at: Option<ApiDateTime>,
    /// Credentialing type (open set).
    pub credentialing_type: Option<String>,
    /// Service-level agreement, in days.
    pub sla_days: Option<i64>,
    /// The client.
    pub client_details: Option<ClientDetails>,
    /// When the request was assigned.
    pub assigned_at: Option<ApiDateTime>,
    /// Requester's full name.
    pub requested_by_full_name: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of `credentialing-need-action-list`: those of
/// [`CredentialingListParams`], plus org-joining, pending-verification and
/// re-credentialing filters. The provider id kind is not stated here
/// (presumably the account id, as on `request-list`), so `provider` and
/// `provider_in` are plain strings.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialingNeedActionListParams {
    /// Assigned at or after.
    pub assigned_at_after: Option<ApiDateTime>,
    /// Assigned at or before.
    pub assigned_at_before: Option<ApiDateTime>,
    /// Only requests assigned to this user.
    pub assignee: Option<UserId>,
    /// Only requests assigned to these users (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub assignee_in: Option<Vec<UserId>>,
    /// `STARTED`, `FINISHED`, `FAILED`, `SKIPPED`.
    pub automation_status: Option<String>,
    /// Only these clients (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_ids: Option<Vec<ClientId>>,
    /// Created at or after.
    pub created_at_after: Option<ApiDateTime>,
    /// Created at or before.
    pub created_at_before: Option<ApiDateTime>,
    /// Creation month (format not documented).
    pub created_at_month: Option<String>,
    /// `INITIAL_CREDENTIALING` or `RE_CREDENTIALING`.
    pub credentialing_type: Option<String>,
    /// Only these individual NPIs (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub individual_npis: Option<Vec<String>>,
    /// Page size.
    pub limit: Option<u32>,
    /// Analyst completed at or after.
    pub oa_completed_at_after: Option<ApiDateTime>,
    /// Analyst completed at or before.
    pub oa_completed_at_before: Option<ApiDateTime>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only this provider (id kind not stated; presumably the account id).
    pub provider: Option<String>,
    /// Only these providers (id kind not stated; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub provider_in: Option<Vec<String>>,
    /// Provider type (open set).
    pub provider_type: Option<String>,
    /// Completed at or after.
    pub request_completed_at_after: Option<ApiDateTime>,
    /// Completed at or before.
    pub request_completed_at_before: Option<ApiDateTime>,
    /// `CREDENTIALING` or `ONGOING_MONITORING`.
    pub request_type: Option<String>,
    /// Only requests made by this user.
    pub requested_by: Option<UserId>,
    /// Only requests made by these users (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub requested_by_in: Option<Vec<UserId>>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only these states (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub state_codes_in: Option<Vec<String>>,
    /// Request status (see [`CredentialingListParams::status`]).
    pub status: Option<String>,
    /// Only these statuses (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub status_in: Option<Vec<String>>,
    /// UI tab (open set, undocumented).
    pub tab: Option<String>,
    /// Updated at or after.
    pub updated_at_after: Option<ApiDateTime>,
    /// Updated at or before.
    pub updated_at_before: Option<ApiDateTime>,
    /// Only requests a verifier signed off (or not).
    pub verifier_signed_off: Option<bool>,
    /// Provider joined the organisation on or after.
    pub org_joining_date_after: Option<ApiDate>,
    /// Provider joined the organisation on or before.
    pub org_joining_date_before: Option<ApiDate>,
    /// Only these pending verification types (open set; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub pending_verification_type_in: Option<Vec<String>>,
    /// Re-credentialing due on or after.
    pub recredentialing_date_after: Option<ApiDate>,
    /// Re-credentialing due on or before.
    pub recredentialing_date_before: Option<ApiDate>,
}

impl QueryParams for CredentialingNeedActionListParams {}

// ---------------------------------------------------------------------------
// Monitoring events
// ---------------------------------------------------------------------------

/// An ongoing-monitoring event (`monitoring-packet-events-list`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitoringPacketEvent {
    /// Event id.
    pub id: MonitoringEventId,
    /// Event type (open set; the wire name is `type`).
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// Where the event came from (open set).
    pub source: Option<String>,
    /// `CLEAR`, `CONCERN` or `MISSING_INFO`.
    pub result: Option<String>,
    /// Creation time.
    pub created_at: Option<ApiDateTime>,
    /// Last update time.
    pub updated_at: Option<ApiDateTime>,
    /// The user who acted on the event, as sent.
    pub acted_by_user: Option<String>,
    /// The primary-source-verified field.
    pub psv_field: Option<String>,
    /// The primary-source-verified value.
    pub psv_val: Option<String>,
    /// When the analyst verified the event.
    pub oa_verified_at: Option<ApiDateTime>,
    /// The provider.
    pub provider_details: Option<ProviderDetails>,
    /// Note.
    pub note: Option<String>,
    /// Notes on a monitoring concern.
    pub monitoring_concern_notes: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of `monitoring-packet-events-list`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MonitoringPacketEventListParams {
    /// Acting user, as the server expects it (undocumented).
    pub acted_by: Option<String>,
    /// Admin acknowledgement state (undocumented open set).
    pub admin_acknowledgement: Option<String>,
    /// Creation month (format not documented).
    pub created_at_month: Option<String>,
    /// Only events of this credentialing request.
    pub credentialing_request: Option<CredentialingRequestId>,
    /// The request's credentialing type.
    #[serde(rename = "credentialing_request__credentialing_type")]
    pub request_credentialing_type: Option<String>,
    /// The request's provider (id kind not stated by any source).
    #[serde(rename = "credentialing_request__provider")]
    pub request_provider: Option<String>,
    /// The request's type (`CREDENTIALING`, `ONGOING_MONITORING`).
    #[serde(rename = "credentialing_request__request_type")]
    pub request_type: Option<String>,
    /// The request's status.
    #[serde(rename = "credentialing_request__status")]
    pub request_status: Option<String>,
    /// Whether the request was signed off by a verifier.
    #[serde(rename = "credentialing_request__verifier_signed_off")]
    pub request_verifier_signed_off: Option<bool>,
    /// Only this event id.
    pub id: Option<String>,
    /// Only these individual NPIs (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub individual_npis: Option<Vec<String>>,
    /// Page size.
    pub limit: Option<u32>,
    /// Analyst verified at or after.
    pub oa_verified_at_after: Option<ApiDateTime>,
    /// Analyst verified at or before.
    pub oa_verified_at_before: Option<ApiDateTime>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Type of the professional id concerned (e.g. `LICENSE`, `DEA`).
    #[serde(rename = "professional_id__professional_id_type")]
    pub professional_id_type: Option<String>,
    /// State of the professional id concerned.
    #[serde(rename = "professional_id__state")]
    pub professional_id_state: Option<String>,
    /// `CLEAR`, `CONCERN` or `MISSING_INFO`.
    pub result: Option<String>,
    /// Free-text search.
    pub search: Option<String>,
    /// Event type (the wire name is `type`).
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// Only these event types (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub type_in: Option<Vec<String>>,
}

impl QueryParams for MonitoringPacketEventListParams {}

// ---------------------------------------------------------------------------
// Provider overview
// ---------------------------------------------------------------------------

/// A provider's credentialing state at a glance
/// (`provider-credentialing-overview/{id}`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderCredentialingOverview {
    /// Provider id (kind not stated by any source; the reply's `email`
    /// suggests the account).
    pub id: String,
    /// E-mail address.
    pub email: Option<String>,
    /// The latest credentialing request.
    pub last_credentialing_request: Option<OverviewLastRequest>,
    /// Provider type (open set).
    pub provider_type: Option<String>,
    /// The latest packet.
    pub last_packet: Option<OverviewLastPacket>,
    /// Date the provider joined the organisation, as sent.
    pub org_joining_date: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `last_credentialing_request` of the provider overview.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewLastRequest {
    /// Request id.
    pub id: Option<CredentialingRequestId>,
    /// Request status (open set).
    pub status: Option<String>,
    /// When the request was completed, as sent.
    pub request_completed_at: Option<String>,
    /// States to credential in.
    pub state_codes: Option<Vec<String>>,
    /// When the analyst completed their part, as sent.
    pub oa_completed_at: Option<String>,
    /// Packet events (free-form objects).
    pub packet_events_data: Option<Vec<Map<String, Value>>>,
    /// Attestation document location.
    pub attestation_url: Option<String>,
    /// Name of the approver.
    pub approver_name: Option<String>,
    /// Approval date, as sent.
    pub approval_date: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `last_packet` of the provider overview.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewLastPacket {
    /// Packet id.
    pub id: Option<CredentialingPacketId>,
    /// When the provider was credentialed, as sent.
    pub credentialing_date: Option<String>,
    /// When the next credentialing is due, as sent.
    pub next_credentialing_date: Option<String>,
    /// States of the packet.
    pub states: Option<Vec<String>>,
    /// E.g. `CREDENTIALED` (open set).
    pub credentialing_status: Option<String>,
    /// E.g. `CLEAR` (open set).
    pub packet_status: Option<String>,
    /// Provider id (kind not stated by any source).
    pub provider: Option<String>,
    /// Attestation document location.
    pub attestation_url: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

// ---------------------------------------------------------------------------
// Providers for credentialing, with states
// ---------------------------------------------------------------------------

/// A provider that can be credentialed, with the states to choose from
/// (`providers-for-credentialing-with-states`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderWithStates {
    /// Provider id (kind not stated by any source).
    pub id: String,
    /// E-mail address.
    pub email: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// States that can be selected (two-letter codes).
    pub states_selector: Option<Vec<String>>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of `providers-for-credentialing-with-states`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderWithStatesListParams {
    /// Only these providers (id kind not stated; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub id_in: Option<Vec<String>>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
}

impl QueryParams for ProviderWithStatesListParams {}

// ---------------------------------------------------------------------------
// Close, download
// ---------------------------------------------------------------------------

fn cancelled() -> String {
    CloseRequestItem::CANCELLED.to_owned()
}

/// One item of the `close-request` body (the body is a JSON **array** of
/// these).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloseRequestItem {
    /// The credentialing request to close.
    pub id: CredentialingRequestId,
    /// Always sent; [`Self::CANCELLED`] (the only value production accepts) by
    /// default.
    #[serde(default = "cancelled")]
    pub status: String,
    /// Approval time.
    pub approval_date: Option<ApiDateTime>,
    /// Name of the approver.
    pub approver_name: Option<String>,
    /// Closure remarks.
    pub closure_remarks: Option<String>,
    /// Who closed the request.
    pub request_closed_by: Option<String>,
    /// Reason code: `PROVIDER_WITHDRAWN_APPLICATION`,
    /// `CLIENT_REQUESTED_CANCELLATION`, `OUTREACH_EXHAUSTED`,
    /// `DUPLICATE_CREDENTIALING_REQUEST`, `OTHER`, ... (open set).
    pub reason: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

impl CloseRequestItem {
    /// The only status `close-request` accepts.
    pub const CANCELLED: &'static str = "CANCELLED";

    /// Cancels this request, with no reason or notes.
    #[must_use]
    pub fn new(id: CredentialingRequestId) -> Self {
        Self {
            id,
            status: cancelled(),
            approval_date: None,
            approver_name: None,
            closure_remarks: None,
            request_closed_by: None,
            reason: None,
            notes: None,
        }
    }
}

/// Body of `credentialing-download`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredentialingDownloadRequest {
    /// The requests whose packets to download.
    pub credentialing_request_ids: Vec<CredentialingRequestId>,
}

impl CredentialingDownloadRequest {
    /// Downloads the packets of these requests.
    #[must_use]
    pub fn new(credentialing_request_ids: Vec<CredentialingRequestId>) -> Self {
        Self {
            credentialing_request_ids,
        }
    }
}

// ---------------------------------------------------------------------------
// Approval letters
// ---------------------------------------------------------------------------

/// The approval letter of a credentialing request
/// (`credentialing-approval-letter-detail/{id}`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovalLetterDetail {
    /// Addresses copied on the letter.
    pub cc_emails: Option<Vec<String>>,
    /// Recipient address.
    pub recipient_email: Option<String>,
    /// When the letter was last sent.
    pub last_sent_date: Option<ApiDateTime>,
    /// Status of the last sending (open set).
    pub last_sent_status: Option<String>,
    /// Id of the last sending.
    pub last_sent_id: Option<String>,
    /// HTML preview of the letter.
    pub html_preview: Option<String>,
    /// Markdown preview of the letter.
    pub markdown_preview: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of `credentialing-send-approval-letter`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovalLetterSend {
    /// The client sending the letter.
    pub client: ClientId,
    /// The provider (id kind not stated by any source).
    pub provider: String,
    /// The credentialing request.
    pub request: CredentialingRequestId,
    /// Extra addresses to copy.
    pub additional_cc_emails: Option<Vec<String>>,
}

impl ApprovalLetterSend {
    /// Sends the approval letter of `request` to `provider`, no extra copies.
    #[must_use]
    pub fn new(
        client: ClientId,
        provider: impl Into<String>,
        request: CredentialingRequestId,
    ) -> Self {
        Self {
            client,
            provider: provider.into(),
            request,
            additional_cc_emails: None,
        }
    }
}
