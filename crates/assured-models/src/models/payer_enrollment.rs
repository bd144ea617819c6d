//! Payer enrollment: enrollment requests (group and provider), health plans,
//! request detail, status and timeline, active and existing enrollments, and
//! OA (operations associate) assignment.
//!
//! The two create bodies carry the spec's `required` fields as non-`Option`
//! fields (quirk 18); the Python client keeps them optional and sends `null`s.
//!
//! Provider ids in this group are plain strings: no source states whether
//! the payer-enrollment `provider` fields take the account or the profile id.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{
    ActiveEnrollmentId, ClientId, EnrollmentRequestId, EnrollmentTimelineEntryId,
    ExistingEnrollmentId, HealthPlanId, PracticeLocationId, TaxEntityId, UserId,
};
use crate::query::QueryParams;
use crate::time::{ApiDate, ApiDateTime};

/// Body of the group enrollment request create call.
///
/// The spec-required fields are not `Option`. `practice_location` and
/// `effective_date` are not in the spec body (the Python client sends them,
/// as `null` unless set); they are sent here only when set. Prefer
/// `primary_practice_location`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupEnrollmentRequestCreate {
    /// The health plan (payer) to enroll with.
    pub health_plan: HealthPlanId,
    /// Non-spec key the Python client sends; prefer `primary_practice_location`.
    pub practice_location: Option<PracticeLocationId>,
    /// The tax entity (group) to enroll.
    pub tax_entity: TaxEntityId,
    /// Non-spec key the Python client sends.
    pub effective_date: Option<ApiDate>,
    /// State (two-letter code).
    pub state: String,
    /// Lines of business (a string; e.g. `COMMERCIAL`, or several
    /// comma-separated).
    pub lobs: String,
    /// Whether to enroll the group's providers too.
    pub enroll_providers: bool,
    /// Provider ids of the group (kind not stated by any source; plain strings).
    pub group_providers: Vec<String>,
    /// The primary practice location.
    pub primary_practice_location: PracticeLocationId,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Notes.
    pub notes: Option<String>,
    /// Request type: `NEW`, `REVALIDATION`, `DEMOGRAPHIC_UPDATE`.
    pub request_type: Option<String>,
}

impl GroupEnrollmentRequestCreate {
    /// A request with the spec-required fields; set the others as needed.
    #[must_use]
    pub fn new(
        tax_entity: TaxEntityId,
        state: impl Into<String>,
        health_plan: HealthPlanId,
        lobs: impl Into<String>,
        enroll_providers: bool,
        group_providers: Vec<String>,
        primary_practice_location: PracticeLocationId,
    ) -> Self {
        Self {
            health_plan,
            practice_location: None,
            tax_entity,
            effective_date: None,
            state: state.into(),
            lobs: lobs.into(),
            enroll_providers,
            group_providers,
            primary_practice_location,
            other_practice_locations: None,
            notes: None,
            request_type: None,
        }
    }
}

/// Body of the provider enrollment request create call.
///
/// The spec-required fields are not `Option`. `practice_location` and
/// `effective_date` are not in the spec body; they are sent only when set.
/// Prefer `primary_practice_location`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderEnrollmentRequestCreate {
    /// Provider id (account or profile id: not stated by any source).
    pub provider: String,
    /// The health plan (payer) to enroll with.
    pub health_plan: HealthPlanId,
    /// Non-spec key the Python client sends; prefer `primary_practice_location`.
    pub practice_location: Option<PracticeLocationId>,
    /// The tax entity to enroll under.
    pub tax_entity: TaxEntityId,
    /// Non-spec key the Python client sends.
    pub effective_date: Option<ApiDate>,
    /// State (two-letter code).
    pub state: String,
    /// Lines of business (a string; e.g. `COMMERCIAL`, or several
    /// comma-separated).
    pub lobs: String,
    /// The primary practice location.
    pub primary_practice_location: PracticeLocationId,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Notes.
    pub notes: Option<String>,
    /// Request type: `NEW`, `REVALIDATION`, `DEMOGRAPHIC_UPDATE`.
    pub request_type: String,
}

impl ProviderEnrollmentRequestCreate {
    /// A request with the spec-required fields; set the others as needed.
    #[must_use]
    pub fn new(
        provider: impl Into<String>,
        tax_entity: TaxEntityId,
        state: impl Into<String>,
        health_plan: HealthPlanId,
        lobs: impl Into<String>,
        primary_practice_location: PracticeLocationId,
        request_type: impl Into<String>,
    ) -> Self {
        Self {
            provider: provider.into(),
            health_plan,
            practice_location: None,
            tax_entity,
            effective_date: None,
            state: state.into(),
            lobs: lobs.into(),
            primary_practice_location,
            other_practice_locations: None,
            notes: None,
            request_type: request_type.into(),
        }
    }
}

/// The reply of both enrollment-request create calls: per the spec, the
/// request echoed back with its new `id`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentRequestCreated {
    /// Id of the new enrollment request.
    pub id: EnrollmentRequestId,
    /// Tax entity.
    pub tax_entity: Option<TaxEntityId>,
    /// State.
    pub state: Option<String>,
    /// Health plan.
    pub health_plan: Option<HealthPlanId>,
    /// Lines of business.
    pub lobs: Option<String>,
    /// Whether the group's providers are enrolled too (group requests).
    pub enroll_providers: Option<bool>,
    /// Provider ids of the group (group requests; kind not stated).
    pub group_providers: Option<Vec<String>>,
    /// Provider id (provider requests; kind not stated).
    pub provider: Option<String>,
    /// Primary practice location.
    pub primary_practice_location: Option<PracticeLocationId>,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Notes.
    pub notes: Option<String>,
    /// Request type.
    pub request_type: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A health plan (payer).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthPlan {
    /// Health plan id.
    pub id: HealthPlanId,
    /// Plan name.
    pub name: Option<String>,
    /// Payer name (client-model field; not in the spec record).
    pub payer_name: Option<String>,
    /// States the plan covers (spec field).
    pub state: Option<Vec<String>>,
    /// Lines of business (spec field).
    pub lob: Option<Vec<String>>,
    /// Networks (spec field).
    pub network: Option<Vec<String>>,
    /// Service-level agreement (spec field).
    pub sla: Option<String>,
    /// Follow-up modes (spec field).
    pub followup_mode: Option<Vec<String>>,
    /// Contact note (spec field).
    pub contact_note: Option<String>,
    /// Submission type: `PDF`, `PORTAL_FULLY_AUTOMATIC`, `PORTAL_MANUAL`,
    /// `PORTAL_SEMI_AUTOMATIC` (spec field).
    pub submission_type: Option<String>,
    /// Documents the plan needs (spec field).
    pub documents: Option<Vec<String>>,
    /// When the plan was last updated (spec field).
    pub updated_at: Option<ApiDateTime>,
    /// Enrollment type (spec field).
    pub enrollment_type: Option<String>,
    /// The plan's URL (spec field).
    pub url: Option<String>,
    /// Days between follow-ups (spec field).
    pub followup_days: Option<i64>,
    /// Follow-up phone (spec field).
    pub followup_phone: Option<String>,
    /// Follow-up e-mail (spec field).
    pub followup_email: Option<String>,
    /// Standard operating procedure document (spec field).
    pub sop_document: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the health-plan list.
///
/// `limit`, `offset` and `search` are what the Python client sends; the
/// other filters are documented by the spec only.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HealthPlanListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only plans with this follow-up mode (spec-only).
    pub followup_mode: Option<String>,
    /// Only these plans (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub health_plan_in: Option<Vec<HealthPlanId>>,
    /// Only plans with this line of business (spec-only).
    pub lob: Option<String>,
    /// Only plans with this name (spec-only).
    pub name: Option<String>,
    /// Only plans of this network (spec-only).
    pub network: Option<String>,
    /// Field to order by (spec-only).
    pub ordering: Option<String>,
    /// Only plans covering this state (spec-only).
    pub state: Option<String>,
    /// Only plans with this submission type (spec-only): `PDF`,
    /// `PORTAL_FULLY_AUTOMATIC`, `PORTAL_MANUAL`, `PORTAL_SEMI_AUTOMATIC`.
    pub submission_type: Option<String>,
}

impl QueryParams for HealthPlanListParams {}

/// A payer enrollment request from the request list.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentRequest {
    /// Enrollment request id.
    pub id: EnrollmentRequestId,
    /// Status: `NEW`, `IN_PROGRESS`, `SUBMITTED`, `FOLLOW_UP`, `ON_HOLD`,
    /// `RESUBMISSION_IN_PROGRESS`, `RESUBMISSION_ON_HOLD`, `RESUBMITTED`,
    /// `COMPLETED`, `APPLICATION_DENIED`, `CANCELLED` (open set).
    pub status: Option<String>,
    /// `GROUP` or `PROVIDER`.
    pub enrollment_type: Option<String>,
    /// Provider's full name (spec name; the client's `provider_name` is
    /// accepted).
    #[serde(alias = "provider_name")]
    pub provider_full_name: Option<String>,
    /// Health plan name (client-model field).
    pub health_plan_name: Option<String>,
    /// When the request was created.
    pub created_at: Option<ApiDateTime>,
    /// When the request was last updated.
    pub updated_at: Option<ApiDateTime>,
    /// Human-readable request number (spec field).
    pub request_id: Option<String>,
    /// Client id (spec field).
    pub client: Option<ClientId>,
    /// State (spec field).
    pub state: Option<String>,
    /// Provider id (spec field; kind not stated).
    pub provider: Option<String>,
    /// Tax entity id (spec field).
    pub tax_entity: Option<TaxEntityId>,
    /// Tax entity name (spec field).
    pub tax_entity_name: Option<String>,
    /// Primary practice location (spec field).
    pub primary_practice_location: Option<PracticeLocationId>,
    /// Notes (spec field).
    pub notes: Option<String>,
    /// Lines of business (spec field).
    pub lobs: Option<String>,
    /// Request type: `NEW`, `REVALIDATION`, `DEMOGRAPHIC_UPDATE` (spec field).
    pub request_type: Option<String>,
    /// Health-plan id as the spec types it: a plain string, not marked as a
    /// UUID (spec field).
    pub health_plan_id: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the enrollment-request list.
///
/// `limit`, `offset`, `search`, `ordering` and `status` are what the Python
/// client sends; the other filters are documented by the spec only.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only requests with this status.
    pub status: Option<String>,
    /// Only requests of this client (spec-only).
    pub client: Option<ClientId>,
    /// Only requests of these clients (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_ids: Option<Vec<ClientId>>,
    /// Only `GROUP` or `PROVIDER` requests (spec-only).
    pub enrollment_type: Option<String>,
    /// Only these enrollment types (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub enrollment_type_in: Option<Vec<String>>,
    /// Only requests for this health plan (spec-only).
    pub health_plan: Option<HealthPlanId>,
    /// Only requests for these health plans (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub health_plan_ids: Option<Vec<HealthPlanId>>,
    /// Only requests of these providers (spec-only; sent comma-separated;
    /// account or profile ids: not stated).
    #[serde(with = "crate::query::comma_list", default)]
    pub provider_ids: Option<Vec<String>>,
    /// Only requests of this type: `NEW`, `REVALIDATION`,
    /// `DEMOGRAPHIC_UPDATE` (spec-only).
    pub request_type: Option<String>,
    /// Only requests for this state (spec-only).
    pub state: Option<String>,
    /// Only requests for these states (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub state_in: Option<Vec<String>>,
    /// Only requests with these statuses (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub status_in: Option<Vec<String>>,
    /// Only requests of this tax entity (spec-only).
    pub tax_entity: Option<TaxEntityId>,
    /// Only requests of these tax entities (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub tax_entity_ids: Option<Vec<TaxEntityId>>,
}

impl QueryParams for EnrollmentListParams {}

/// A provider of a group enrollment request (in the request detail).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupProviderRef {
    /// Provider id (kind not stated).
    pub id: Option<String>,
    /// Provider's full name.
    pub full_name: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The detail of one enrollment request.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentRequestDetail {
    /// Enrollment request id.
    pub id: EnrollmentRequestId,
    /// Human-readable request number.
    pub request_id: Option<String>,
    /// `GROUP` or `PROVIDER`.
    pub enrollment_type: Option<String>,
    /// Status (see [`EnrollmentRequest::status`]).
    pub status: Option<String>,
    /// When the request was created.
    pub created_at: Option<ApiDateTime>,
    /// Health plan name.
    pub health_plan_name: Option<String>,
    /// Health-plan id (as sent).
    pub health_plan_id: Option<String>,
    /// When the follow-up OA completed.
    pub followup_oa_completed_at: Option<ApiDateTime>,
    /// Id of the user who created the request.
    pub created_by: Option<UserId>,
    /// Reason of the current status (`OTHER`, ...).
    pub status_reason: Option<String>,
    /// Tax entity name.
    pub tax_entity_name: Option<String>,
    /// Client name.
    pub client_name: Option<String>,
    /// The last submission OA (as sent).
    pub last_submission_oa: Option<String>,
    /// The last follow-up OA (as sent).
    pub last_followup_oa: Option<String>,
    /// When the submission OA submitted the application.
    pub submission_oa_submitted_at: Option<ApiDateTime>,
    /// Primary practice location name.
    pub primary_practice_location_name: Option<String>,
    /// Submission OA's name.
    pub submission_oa_name: Option<String>,
    /// Follow-up OA's name.
    pub followup_oa_name: Option<String>,
    /// Submission OA's user id.
    pub submission_oa: Option<UserId>,
    /// Follow-up OA's user id.
    pub followup_oa: Option<UserId>,
    /// State.
    pub state: Option<String>,
    /// Submission type (`PDF`, `PORTAL_MANUAL`, ...).
    pub submission_type: Option<String>,
    /// Names of the other practice locations.
    pub other_practice_location_names: Option<Vec<String>>,
    /// Notes.
    pub notes: Option<String>,
    /// Name of the user who created the request.
    pub created_by_name: Option<String>,
    /// How many times the request was retriggered.
    pub retrigger_attempts: Option<i64>,
    /// Request type (`NEW`, `REVALIDATION`, `DEMOGRAPHIC_UPDATE`).
    pub request_type: Option<String>,
    /// Provider id (provider requests; kind not stated).
    pub provider: Option<String>,
    /// Provider name (provider requests).
    pub provider_name: Option<String>,
    /// Providers of a group request.
    pub group_providers: Option<Vec<GroupProviderRef>>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Actions available to OAs (free-form).
    pub oa_actions_available: Option<Map<String, Value>>,
    /// Whether tasks are ongoing.
    pub ongoing_tasks: Option<bool>,
    /// CAQH audit status.
    pub caqh_audit_status: Option<String>,
    /// CAQH audit id.
    pub caqh_audit_id: Option<String>,
    /// Whether billing is enabled.
    pub billing_enabled: Option<bool>,
    /// Current contracting sub-status (`PENDING`, `IN_PROGRESS`, `ON_HOLD`,
    /// `COMPLETE`).
    pub current_contracting_sub_status: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the enrollment-request status update: only the keys that are set
/// are sent.
///
/// When `status_reason` is `OTHER`, the server requires a `note`;
/// [`validate`](Self::validate) checks that before the request is sent.
///
/// ```
/// use assured_models::models::payer_enrollment::{
///     EnrollmentRequestStatusUpdate, InvalidStatusUpdate,
/// };
///
/// let mut update = EnrollmentRequestStatusUpdate::status("ON_HOLD");
/// update.status_reason = Some("OTHER".into());
/// assert_eq!(update.validate(), Err(InvalidStatusUpdate::NoteRequired));
/// update.note = Some("waiting for the payer".into());
/// assert_eq!(update.validate(), Ok(()));
/// ```
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentRequestStatusUpdate {
    /// New status (see [`EnrollmentRequest::status`]).
    pub status: Option<String>,
    /// Reason of the status; `OTHER` needs a `note`.
    pub status_reason: Option<String>,
    /// Free-text note; required when `status_reason` is `OTHER`.
    pub note: Option<String>,
}

/// Why an [`EnrollmentRequestStatusUpdate`] would be rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidStatusUpdate {
    /// `status_reason` is `OTHER` but `note` is missing or blank.
    #[error("a note is required when status_reason is OTHER")]
    NoteRequired,
}

impl EnrollmentRequestStatusUpdate {
    /// An update setting only the status.
    #[must_use]
    pub fn status(status: impl Into<String>) -> Self {
        Self {
            status: Some(status.into()),
            ..Self::default()
        }
    }

    /// Checks the server's rules that can be checked locally: a `note`
    /// (not blank) when `status_reason` is `OTHER` (compared ignoring case).
    pub fn validate(&self) -> Result<(), InvalidStatusUpdate> {
        let reason_is_other = self
            .status_reason
            .as_deref()
            .is_some_and(|reason| reason.trim().eq_ignore_ascii_case("OTHER"));
        let has_note = self
            .note
            .as_deref()
            .is_some_and(|note| !note.trim().is_empty());
        if reason_is_other && !has_note {
            return Err(InvalidStatusUpdate::NoteRequired);
        }
        Ok(())
    }
}

/// Reply of the status update.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentStatusUpdateResult {
    /// The status now set.
    pub status: Option<String>,
    /// Proof-of-enrollment documents (shape not documented; kept as sent).
    pub proof_of_documents: Option<Value>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One entry of an enrollment request's timeline.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentTimelineEntry {
    /// Timeline entry id.
    pub id: EnrollmentTimelineEntryId,
    /// The enrollment request.
    pub enrollment_request: Option<EnrollmentRequestId>,
    /// Kind of change: `ASSIGNEE_CHANGE`, `CONTRACTING_STATUS_CHANGE`,
    /// `ENROLLMENT_APPLICATION_FORM_FAILURE`, `FOLLOWUP_EMAIL`,
    /// `NEW_FOLLOWUP`, `PROCESSING_ERROR`, `RETRIGGER`, `STATUS_CHANGE`.
    pub change_type: Option<String>,
    /// Status after the change.
    pub status: Option<String>,
    /// Id of the user who made the change.
    pub updated_by: Option<UserId>,
    /// When the entry was created.
    pub created_at: Option<ApiDateTime>,
    /// Id of the assigned user.
    pub assignee: Option<UserId>,
    /// Full name of the user who made the change.
    pub updated_by_full_name: Option<String>,
    /// Full name of the assigned user.
    pub assignee_full_name: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Description of the change.
    pub change_description: Option<String>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Reason of the status.
    pub status_reason: Option<String>,
    /// The payer's application id.
    pub submission_application_id: Option<String>,
    /// Follow-up date (format not documented; as sent).
    pub followup_date: Option<String>,
    /// Reference of the retrigger.
    pub retrigger_reference: Option<String>,
    /// Reference of the semi-automatic enrollment request.
    pub semi_automatic_enrollment_request_reference: Option<String>,
    /// Reference of the fully automatic enrollment request.
    pub full_automatic_enrollment_request_reference: Option<String>,
    /// Details of the retrigger reference (free-form).
    pub retrigger_reference_details: Option<Map<String, Value>>,
    /// Follow-up mode.
    pub followup_mode: Option<String>,
    /// Context.
    pub context: Option<String>,
    /// Follow-up phone.
    pub followup_phone: Option<String>,
    /// Follow-up e-mail.
    pub followup_email: Option<String>,
    /// Proof-of-enrollment documents.
    pub proof_of_documents: Option<Vec<String>>,
    /// Welcome letters.
    pub welcome_letters: Option<Vec<String>>,
    /// Contract files.
    pub contract_files: Option<Vec<String>>,
    /// Fee structures.
    pub fee_structures: Option<Vec<String>>,
    /// Contracting status.
    pub contracting_status: Option<String>,
    /// Contracting status before the change.
    pub contracting_old_status: Option<String>,
    /// Contracting status files (as sent).
    pub contracting_status_files: Option<String>,
    /// Next action date while on hold (format not documented; as sent).
    pub on_hold_next_action_date: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the enrollment timeline.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EnrollmentTimelineParams {
    /// Only entries assigned to this user.
    pub assignee: Option<UserId>,
    /// Only entries of this change type (see
    /// [`EnrollmentTimelineEntry::change_type`]).
    pub change_type: Option<String>,
    /// Only entries created at this date (format not documented; as given).
    pub created_at: Option<String>,
    /// Only entries of this enrollment request.
    pub enrollment_request: Option<EnrollmentRequestId>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only entries with this status.
    pub status: Option<String>,
    /// Only entries made by this user.
    pub updated_by: Option<UserId>,
}

impl QueryParams for EnrollmentTimelineParams {}

/// An active (existing) enrollment.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveEnrollment {
    /// Active enrollment id.
    pub id: ActiveEnrollmentId,
    /// Provider's full name (spec name; the client's `provider_name` is
    /// accepted).
    #[serde(alias = "provider_name")]
    pub provider_full_name: Option<String>,
    /// Health plan name.
    pub health_plan_name: Option<String>,
    /// Status (client-model field; not in the spec record).
    pub status: Option<String>,
    /// Effective date.
    pub effective_date: Option<ApiDate>,
    /// Human-readable request number (spec field).
    pub request_id: Option<String>,
    /// Provider id (spec field; kind not stated).
    pub provider: Option<String>,
    /// Provider's NPI (spec field).
    pub provider_npi: Option<String>,
    /// Tax entity id (spec field).
    pub tax_entity: Option<TaxEntityId>,
    /// Tax entity name (spec field).
    pub tax_entity_name: Option<String>,
    /// Tax entity NPI (spec field).
    pub tax_entity_npi: Option<String>,
    /// State (spec field).
    pub state: Option<String>,
    /// Health plan id (spec field).
    pub health_plan: Option<HealthPlanId>,
    /// `GROUP` or `PROVIDER` (spec field).
    pub existing_enrollment_type: Option<String>,
    /// Primary practice location (spec field).
    pub primary_practice_location: Option<PracticeLocationId>,
    /// Further practice locations (spec field).
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Primary practice location name (spec field).
    pub primary_practice_location_name: Option<String>,
    /// Revalidation date (spec field).
    pub re_validation_date: Option<ApiDate>,
    /// Lines of business (spec field).
    pub lobs: Option<String>,
    /// Notes (spec field).
    pub notes: Option<String>,
    /// The enrollment request this came from (spec field).
    pub enrollment_request: Option<EnrollmentRequestId>,
    /// Client id (spec field).
    pub client: Option<ClientId>,
    /// Client name (spec field).
    pub client_name: Option<String>,
    /// Request type (spec field).
    pub request_type: Option<String>,
    /// Whether the enrollment is active (spec field).
    pub is_active: Option<bool>,
    /// Current contracting sub-status: `PENDING`, `IN_PROGRESS`, `ON_HOLD`,
    /// `COMPLETE` (spec field).
    pub current_contracting_sub_status: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the active-enrollment list.
///
/// `limit`, `offset`, `search` and `ordering` are what the Python client
/// sends; the other filters are documented by the spec only.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActiveEnrollmentListParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Only enrollments with these additional practice locations (spec-only;
    /// sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub additional_practice_location_in: Option<Vec<PracticeLocationId>>,
    /// Only enrollments of these clients (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_in: Option<Vec<ClientId>>,
    /// Only enrollments effective after this date (spec-only).
    pub effective_date_after: Option<ApiDate>,
    /// Only enrollments effective before this date (spec-only).
    pub effective_date_before: Option<ApiDate>,
    /// Only enrollments whose request has this contracting sub-status:
    /// `PENDING`, `IN_PROGRESS`, `ON_HOLD`, `COMPLETE` (spec-only).
    #[serde(rename = "enrollment_request__current_contracting_sub_status")]
    pub enrollment_request_current_contracting_sub_status: Option<String>,
    /// Only `GROUP` or `PROVIDER` enrollments (spec-only).
    pub existing_enrollment_type: Option<String>,
    /// Only enrollments with this health plan (spec-only).
    pub health_plan: Option<HealthPlanId>,
    /// Only enrollments with these health plans (spec-only; sent
    /// comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub health_plan_ids: Option<Vec<HealthPlanId>>,
    /// Only enrollments of these providers (spec-only; sent comma-separated;
    /// account or profile ids: not stated).
    #[serde(with = "crate::query::comma_list", default)]
    pub provider_ids: Option<Vec<String>>,
    /// Only enrollments due for revalidation after this date (spec-only).
    pub re_validation_date_after: Option<ApiDate>,
    /// Only enrollments due for revalidation before this date (spec-only).
    pub re_validation_date_before: Option<ApiDate>,
    /// Only enrollments in this state (spec-only).
    pub state: Option<String>,
    /// Only enrollments in these states (spec-only; sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub state_in: Option<Vec<String>>,
    /// Only enrollments of this tax entity (spec-only).
    pub tax_entity: Option<TaxEntityId>,
    /// Only enrollments of these tax entities (spec-only; sent
    /// comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub tax_entity_ids: Option<Vec<TaxEntityId>>,
}

impl QueryParams for ActiveEnrollmentListParams {}

/// Body of the call recording an existing group enrollment.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExistingGroupEnrollmentCreate {
    /// Tax entity (the group).
    pub tax_entity: TaxEntityId,
    /// State (two-letter code).
    pub state: String,
    /// Health plan.
    pub health_plan: HealthPlanId,
    /// Primary practice location.
    pub primary_practice_location: PracticeLocationId,
    /// Participation status with the plan.
    pub par_status: String,
    /// Client id.
    pub client: ClientId,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Set when the plan assigned no id.
    pub no_health_plan_id: Option<bool>,
    /// The id the plan assigned.
    pub new_health_plan_id: Option<String>,
    /// Effective date.
    pub effective_date: Option<ApiDate>,
    /// Set when there is no revalidation date.
    pub no_re_validation_date: Option<bool>,
    /// Revalidation date.
    pub re_validation_date: Option<ApiDate>,
    /// Set when there is no proof of enrollment.
    pub no_proof_of_enrollment: Option<bool>,
    /// Proof-of-enrollment documents (as the client sends them: a string).
    pub proof_of_enrollments: Option<String>,
    /// Lines of business.
    pub lobs: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Welcome letters (a string in the client model).
    pub welcome_letters: Option<String>,
    /// Contract files (a string in the client model).
    pub contract_files: Option<String>,
    /// Fee structures (a string in the client model).
    pub fee_structures: Option<String>,
}

impl ExistingGroupEnrollmentCreate {
    /// A record with the required fields; set the others as needed.
    #[must_use]
    pub fn new(
        tax_entity: TaxEntityId,
        state: impl Into<String>,
        health_plan: HealthPlanId,
        primary_practice_location: PracticeLocationId,
        par_status: impl Into<String>,
        client: ClientId,
    ) -> Self {
        Self {
            tax_entity,
            state: state.into(),
            health_plan,
            primary_practice_location,
            par_status: par_status.into(),
            client,
            other_practice_locations: None,
            no_health_plan_id: None,
            new_health_plan_id: None,
            effective_date: None,
            no_re_validation_date: None,
            re_validation_date: None,
            no_proof_of_enrollment: None,
            proof_of_enrollments: None,
            lobs: None,
            notes: None,
            welcome_letters: None,
            contract_files: None,
            fee_structures: None,
        }
    }
}

/// An existing group enrollment (the reply of the add call).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExistingGroupEnrollment {
    /// Existing enrollment id.
    pub id: ExistingEnrollmentId,
    /// Tax entity.
    pub tax_entity: Option<TaxEntityId>,
    /// State.
    pub state: Option<String>,
    /// Health plan.
    pub health_plan: Option<HealthPlanId>,
    /// Primary practice location.
    pub primary_practice_location: Option<PracticeLocationId>,
    /// Participation status.
    pub par_status: Option<String>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Set when the plan assigned no id.
    pub no_health_plan_id: Option<bool>,
    /// The id the plan assigned.
    pub new_health_plan_id: Option<String>,
    /// Effective date.
    pub effective_date: Option<ApiDate>,
    /// Set when there is no revalidation date.
    pub no_re_validation_date: Option<bool>,
    /// Revalidation date.
    pub re_validation_date: Option<ApiDate>,
    /// Set when there is no proof of enrollment.
    pub no_proof_of_enrollment: Option<bool>,
    /// Proof-of-enrollment documents (as sent).
    pub proof_of_enrollments: Option<Value>,
    /// Lines of business (a list or a comma-separated string).
    pub lobs: Option<Lobs>,
    /// Notes.
    pub notes: Option<String>,
    /// Welcome letters (as sent).
    pub welcome_letters: Option<Value>,
    /// Contract files (as sent).
    pub contract_files: Option<Value>,
    /// Fee structures (as sent).
    pub fee_structures: Option<Value>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Lines of business: a JSON list or one comma-separated string; both are
/// accepted on input and sent back as they came.
///
/// ```
/// use assured_models::models::payer_enrollment::Lobs;
///
/// let list: Lobs = serde_json::from_str(r#"["MEDICAID", "COMMERCIAL"]"#)?;
/// let text: Lobs = serde_json::from_str(r#""MEDICAID, COMMERCIAL""#)?;
/// assert_eq!(list.items(), text.items());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Lobs {
    /// A JSON list of lines of business.
    List(Vec<String>),
    /// One string, lines of business separated by commas.
    CommaSeparated(String),
}

impl Lobs {
    /// The lines of business, trimmed, empty entries dropped.
    pub fn items(&self) -> Vec<String> {
        match self {
            Self::List(items) => items
                .iter()
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect(),
            Self::CommaSeparated(text) => text
                .split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl From<Vec<String>> for Lobs {
    fn from(items: Vec<String>) -> Self {
        Self::List(items)
    }
}

impl From<String> for Lobs {
    fn from(text: String) -> Self {
        Self::CommaSeparated(text)
    }
}

impl From<&str> for Lobs {
    fn from(text: &str) -> Self {
        Self::CommaSeparated(text.to_owned())
    }
}

/// Body of the call recording an existing provider enrollment.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExistingProviderEnrollmentCreate {
    /// Provider id (account or profile id: not stated by any source).
    pub provider: String,
    /// Tax entity.
    pub tax_entity: TaxEntityId,
    /// State (two-letter code).
    pub state: String,
    /// Health plan.
    pub health_plan: HealthPlanId,
    /// Lines of business: a list or a comma-separated string (both accepted).
    pub lobs: Option<Lobs>,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Primary practice location.
    pub primary_practice_location: PracticeLocationId,
    /// Participation status with the plan.
    pub par_status: String,
    /// The id the plan assigned.
    pub new_health_plan_id: Option<String>,
    /// Effective date.
    pub effective_date: Option<ApiDate>,
    /// Set when there is no revalidation date.
    pub no_re_validation_date: Option<bool>,
    /// Revalidation date.
    pub re_validation_date: Option<ApiDate>,
    /// Set when there is no proof of enrollment.
    pub no_proof_of_enrollment: Option<bool>,
    /// Proof-of-enrollment documents (as the client sends them: a string).
    pub proof_of_enrollments: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Record id (in the client model's body; normally left unset).
    pub id: Option<String>,
    /// Set when the plan assigned no id.
    pub no_health_plan_id: Option<bool>,
    /// Welcome letters: a list or a string.
    pub welcome_letters: Option<Value>,
    /// Contract files: a list or a string.
    pub contract_files: Option<Value>,
    /// Fee structures: a list or a string.
    pub fee_structures: Option<Value>,
    /// Client id. Optional in the client model, whose text says the newer
    /// vendor spec requires it: set it.
    pub client: Option<ClientId>,
}

impl ExistingProviderEnrollmentCreate {
    /// A record with the required fields; set the others (`client` in
    /// particular) as needed.
    #[must_use]
    pub fn new(
        provider: impl Into<String>,
        tax_entity: TaxEntityId,
        state: impl Into<String>,
        health_plan: HealthPlanId,
        primary_practice_location: PracticeLocationId,
        par_status: impl Into<String>,
    ) -> Self {
        Self {
            provider: provider.into(),
            tax_entity,
            state: state.into(),
            health_plan,
            lobs: None,
            other_practice_locations: None,
            primary_practice_location,
            par_status: par_status.into(),
            new_health_plan_id: None,
            effective_date: None,
            no_re_validation_date: None,
            re_validation_date: None,
            no_proof_of_enrollment: None,
            proof_of_enrollments: None,
            notes: None,
            id: None,
            no_health_plan_id: None,
            welcome_letters: None,
            contract_files: None,
            fee_structures: None,
            client: None,
        }
    }
}

/// An existing provider enrollment (the reply of the add call).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExistingProviderEnrollment {
    /// Existing enrollment id.
    pub id: ExistingEnrollmentId,
    /// Provider id (kind not stated).
    pub provider: Option<String>,
    /// Tax entity.
    pub tax_entity: Option<TaxEntityId>,
    /// State.
    pub state: Option<String>,
    /// Health plan.
    pub health_plan: Option<HealthPlanId>,
    /// Lines of business: a list or a comma-separated string.
    pub lobs: Option<Lobs>,
    /// Further practice locations.
    pub other_practice_locations: Option<Vec<PracticeLocationId>>,
    /// Primary practice location.
    pub primary_practice_location: Option<PracticeLocationId>,
    /// Participation status.
    pub par_status: Option<String>,
    /// The id the plan assigned.
    pub new_health_plan_id: Option<String>,
    /// Effective date.
    pub effective_date: Option<ApiDate>,
    /// Set when there is no revalidation date.
    pub no_re_validation_date: Option<bool>,
    /// Revalidation date.
    pub re_validation_date: Option<ApiDate>,
    /// Set when there is no proof of enrollment.
    pub no_proof_of_enrollment: Option<bool>,
    /// Proof-of-enrollment documents (as sent).
    pub proof_of_enrollments: Option<Value>,
    /// Notes.
    pub notes: Option<String>,
    /// Set when the plan assigned no id.
    pub no_health_plan_id: Option<bool>,
    /// Welcome letters: a list or a string.
    pub welcome_letters: Option<Value>,
    /// Contract files: a list or a string.
    pub contract_files: Option<Value>,
    /// Fee structures: a list or a string.
    pub fee_structures: Option<Value>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Body of the bulk OA assignment: OAs are spread round-robin over the
/// matching enrollment requests.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkOaAssignment {
    /// User ids of the OAs to assign.
    pub oas_to_assign: Vec<UserId>,
    /// Phases to assign: `SUBMISSION_PHASE` (sets `submission_oa`),
    /// `FOLLOWUP_PHASE` (sets `followup_oa`).
    pub request_phase: Vec<String>,
    /// Only these enrollment requests.
    pub enrollment_request_ids: Option<Vec<EnrollmentRequestId>>,
    /// Only requests for these health plans.
    pub health_plan_ids: Option<Vec<HealthPlanId>>,
    /// Only requests for these states.
    pub states: Option<Vec<String>>,
}

impl BulkOaAssignment {
    /// An assignment of `oas_to_assign` for `request_phase`; narrow it with
    /// the optional filters.
    #[must_use]
    pub fn new(oas_to_assign: Vec<UserId>, request_phase: Vec<String>) -> Self {
        Self {
            oas_to_assign,
            request_phase,
            enrollment_request_ids: None,
            health_plan_ids: None,
            states: None,
        }
    }
}

/// Reply of the bulk OA assignment.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkOaAssignmentResult {
    /// Server message.
    pub message: Option<String>,
    /// What was assigned (shape not documented; kept as sent).
    pub assigned_oas_data: Option<Value>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An OA user selectable for reassigning an enrollment request.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectableOaUser {
    /// The OA's user id.
    pub id: UserId,
    /// The OA's full name.
    pub oa_full_name: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Parameters of the selectable-OA list; `enrollment_request` is required.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectableOaUserListParams {
    /// The enrollment request to reassign (required by the server).
    pub enrollment_request: EnrollmentRequestId,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Free-text search.
    pub search: Option<String>,
}

impl SelectableOaUserListParams {
    /// The OAs selectable for `enrollment_request`.
    #[must_use]
    pub fn new(enrollment_request: EnrollmentRequestId) -> Self {
        Self {
            enrollment_request,
            limit: None,
            offset: None,
            search: None,
        }
    }
}

impl QueryParams for SelectableOaUserListParams {}
