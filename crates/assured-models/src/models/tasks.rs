//! Tasks: expirable tasks, task-management tasks and task timelines.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::{
    ClientId, EnrollmentRequestId, ExpirableId, FacilityId, TaskId, TaskTimelineEntryId, UserId,
};
use crate::query::QueryParams;
use crate::time::ApiDateTime;

pub use super::common::ClientDetails;

/// An expirable task (a reminder about something that expires).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpirableTask {
    /// Expirable task id.
    pub id: ExpirableId,
    /// Task name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// When the task is due.
    pub due_on: Option<ApiDateTime>,
    /// Display name of who last updated the task.
    pub last_updated_by_name: Option<String>,
    /// When the task was created.
    pub created_at: Option<ApiDateTime>,
    /// When the task was last updated.
    pub updated_at: Option<ApiDateTime>,
    /// The assigned user's id.
    pub assignee: Option<UserId>,
    /// The assigned user's display name.
    pub assignee_name: Option<String>,
    /// Whether the task is archived.
    pub archived: Option<bool>,
    /// The client the task belongs to.
    pub client_details: Option<ClientDetails>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the expirable-task list.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpirableListParams {
    /// Only archived (or unarchived) tasks.
    pub archived: Option<bool>,
    /// Only tasks assigned to this user.
    pub assignee: Option<UserId>,
    /// Only tasks of these clients (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_ids: Option<Vec<ClientId>>,
    /// Only tasks created after this instant.
    pub created_at_after: Option<ApiDateTime>,
    /// Only tasks created before this instant.
    pub created_at_before: Option<ApiDateTime>,
    /// Only tasks due after this instant.
    pub due_on_after: Option<ApiDateTime>,
    /// Only tasks due before this instant.
    pub due_on_before: Option<ApiDateTime>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only tasks updated after this instant.
    pub updated_at_after: Option<ApiDateTime>,
    /// Only tasks updated before this instant.
    pub updated_at_before: Option<ApiDateTime>,
}

impl QueryParams for ExpirableListParams {}

/// Body of the expirable-task PATCH: only the keys that are set are sent.
///
/// ```
/// use assured_models::models::tasks::ExpirableUpdate;
///
/// assert_eq!(serde_json::to_string(&ExpirableUpdate::default())?, "{}");
/// assert_eq!(serde_json::to_string(&ExpirableUpdate::archive())?, r#"{"archived":true}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpirableUpdate {
    /// Archive (`true`) or unarchive (`false`) the task; not sent when `None`.
    pub archived: Option<bool>,
}

impl ExpirableUpdate {
    /// An update that archives the task.
    #[must_use]
    pub fn archive() -> Self {
        Self {
            archived: Some(true),
        }
    }

    /// An update that unarchives the task.
    #[must_use]
    pub fn unarchive() -> Self {
        Self {
            archived: Some(false),
        }
    }
}

/// Body of the task create call.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskCreate {
    /// Task name (required).
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Status: `PENDING`, `IN_PROGRESS`, `COMPLETED`, `CANCELLED`.
    pub status: Option<String>,
    /// When the task is due.
    pub due_on: Option<ApiDateTime>,
    /// The user to assign: a user id from the users list, or a provider's
    /// account id (for providers the user id *is* the account id; convert
    /// with `UserId::from_uuid(*account_id.as_uuid())`).
    pub assignee: Option<UserId>,
    /// Task type: `INCOMPLETE_PROFILE`, `INFORMATION_REQUIRED`,
    /// `CREDENTIALING_REQUEST`, `SIGNATURE`.
    pub task_type: Option<String>,
    /// The facility the task is about (id from the facilities list).
    pub facility: Option<FacilityId>,
}

impl TaskCreate {
    /// A task with just a name; set the other fields as needed.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            status: None,
            due_on: None,
            assignee: None,
            task_type: None,
            facility: None,
        }
    }
}

/// A task-management task (list, detail, and the create reply).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Task id.
    pub id: TaskId,
    /// Task name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Status (`PENDING`, `IN_PROGRESS`, `COMPLETED`, `CANCELLED`, ...; open set).
    pub status: Option<String>,
    /// When the task is due.
    pub due_on: Option<ApiDateTime>,
    /// The assigned user's id.
    pub assignee: Option<UserId>,
    /// The assigned user's display name.
    pub assignee_name: Option<String>,
    /// The assigned user's type (`provider`, `client_admin`, ...).
    pub assignee_user_type: Option<String>,
    /// When the task was created.
    pub created_at: Option<ApiDateTime>,
    /// When the task was last updated.
    pub updated_at: Option<ApiDateTime>,
    /// The client the task belongs to (client-model field).
    pub client_details: Option<ClientDetails>,
    /// Client id.
    pub client: Option<ClientId>,
    /// Client name.
    pub client_name: Option<String>,
    /// Id of the user who created the task.
    pub created_by: Option<UserId>,
    /// Display name of the user who created the task.
    pub created_by_name: Option<String>,
    /// Id of the user who last updated the task.
    pub last_updated_by: Option<UserId>,
    /// First name of the user who last updated the task.
    pub last_updated_by_first_name: Option<String>,
    /// Last name of the user who last updated the task.
    pub last_updated_by_last_name: Option<String>,
    /// Task type (`PROFILE_INCOMPLETE`, `INFORMATION_REQUIRED`, `SIGNATURE`,
    /// `EXPIRABLE`, `CREDENTIALING_REQUEST`, `ENROLLMENT_REQUEST`, `GLOBAL`,
    /// `APPLICATION_REVIEW`, `PROVIDER_ONBOARDING_DOCUMENT`; open set).
    pub task_type: Option<String>,
    /// Facility id, for facility tasks.
    pub facility: Option<FacilityId>,
    /// Facility name, for facility tasks.
    pub facility_name: Option<String>,
    /// How the task was created.
    pub creation_source: Option<String>,
    /// Attached file (URL or path, as sent).
    pub file: Option<String>,
    /// Whether the task is archived.
    pub archived: Option<bool>,
    /// Id of the user currently owning the task.
    pub current_owner: Option<UserId>,
    /// The current owner (`id`, `first_name`, `last_name`, `email`; free-form).
    pub current_owner_details: Option<Map<String, Value>>,
    /// When the latest timeline entry was updated.
    pub latest_task_timeline_updated_at: Option<ApiDateTime>,
    /// Who updated the latest timeline entry.
    pub latest_task_timeline_updated_by: Option<UserId>,
    /// First name of who updated the latest timeline entry.
    pub latest_task_timeline_updated_by_first_name: Option<String>,
    /// Last name of who updated the latest timeline entry.
    pub latest_task_timeline_updated_by_last_name: Option<String>,
    /// Metadata of the object the task is about (as sent).
    pub target_instance_metadata: Option<String>,
    /// Id of the object the task is about.
    pub target_instance_id: Option<String>,
    /// Model name of the object the task is about.
    pub target_model_name: Option<String>,
    /// Timeline entries embedded in the record (free-form objects).
    pub task_timelines: Option<Vec<Map<String, Value>>>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Filters of the task list.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskListParams {
    /// Only tasks assigned to this user.
    pub assignee: Option<UserId>,
    /// Only tasks assigned to these users (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub assignee_in: Option<Vec<UserId>>,
    /// Only tasks whose assignee has this user type.
    pub assignee_user_type: Option<String>,
    /// Only tasks of this client.
    pub client: Option<ClientId>,
    /// Only tasks of these clients (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub client_in: Option<Vec<ClientId>>,
    /// Only tasks created after this instant.
    pub created_at_after: Option<ApiDateTime>,
    /// Only tasks created before this instant.
    pub created_at_before: Option<ApiDateTime>,
    /// Only tasks created by this user.
    pub created_by: Option<UserId>,
    /// Only tasks created by these users (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub created_by_in: Option<Vec<UserId>>,
    /// Only tasks currently owned by this user.
    pub current_owner: Option<UserId>,
    /// Only tasks due after this instant.
    pub due_on_after: Option<ApiDateTime>,
    /// Only tasks due before this instant.
    pub due_on_before: Option<ApiDateTime>,
    /// Only tasks of this payer enrollment request.
    pub enrollment_request: Option<EnrollmentRequestId>,
    /// Only tasks of this facility.
    pub facility: Option<FacilityId>,
    /// Only tasks of these facilities (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub facility_in: Option<Vec<FacilityId>>,
    /// Only facility (or non-facility) tasks.
    pub is_facility_task: Option<bool>,
    /// Only tasks whose latest timeline entry was updated after this instant.
    pub latest_task_timeline_updated_at_after: Option<ApiDateTime>,
    /// Only tasks whose latest timeline entry was updated before this instant.
    pub latest_task_timeline_updated_at_before: Option<ApiDateTime>,
    /// Only tasks whose latest timeline entry was updated by this user.
    pub latest_task_timeline_updated_by: Option<UserId>,
    /// Only tasks whose latest timeline entry was updated by these users
    /// (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub latest_task_timeline_updated_by_in: Option<Vec<UserId>>,
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
    /// Field to order by (`-field` for descending).
    pub ordering: Option<String>,
    /// Free-text search.
    pub search: Option<String>,
    /// Only tasks with this status.
    pub status: Option<String>,
    /// Only tasks with these statuses (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub status_in: Option<Vec<String>>,
    /// Only tasks of this type (`APPLICATION_REVIEW`, `CREDENTIALING_REQUEST`,
    /// `ENROLLMENT_REQUEST`, `EXPIRABLE`, `GLOBAL`, `INFORMATION_REQUIRED`,
    /// `PROFILE_INCOMPLETE`, `PROVIDER_ONBOARDING_DOCUMENT`, `SIGNATURE`).
    pub task_type: Option<String>,
    /// Only tasks of these types (sent comma-separated).
    #[serde(with = "crate::query::comma_list", default)]
    pub task_type_in: Option<Vec<String>>,
    /// Only tasks updated after this instant.
    pub updated_at_after: Option<ApiDateTime>,
    /// Only tasks updated before this instant.
    pub updated_at_before: Option<ApiDateTime>,
}

impl QueryParams for TaskListParams {}

/// One entry of a task's timeline.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskTimeline {
    /// Timeline entry id.
    pub id: TaskTimelineEntryId,
    /// What happened (client-model field).
    pub action: Option<String>,
    /// Description of the entry (client-model field).
    pub description: Option<String>,
    /// When the entry was created.
    pub created_at: Option<ApiDateTime>,
    /// Who created the entry (client-model field; as sent).
    pub created_by: Option<String>,
    /// Kind of log entry.
    pub log_type: Option<String>,
    /// When the entry was last updated.
    pub updated_at: Option<ApiDateTime>,
    /// Who updated the entry: an object (spec) or a string (the client
    /// accepts both).
    pub updated_by: Option<TimelineUpdatedBy>,
    /// Task status at this entry.
    pub status: Option<String>,
    /// Id of the user owning the task at this entry.
    pub current_owner: Option<UserId>,
    /// Display name of the owner.
    pub current_owner_name: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Attachments (URL, as sent).
    pub attachments_url: Option<String>,
    /// Due date at this entry.
    pub due_on: Option<ApiDateTime>,
    /// Whether the entry is archived.
    pub archived: Option<bool>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `updated_by` of a task-timeline entry: the spec documents an object,
/// the Python client also accepts a plain string (an id or a name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TimelineUpdatedBy {
    /// `{id, first_name, last_name}` (the spec's shape).
    User(TimelineUser),
    /// A plain string.
    Text(String),
    /// Anything else, kept as sent (so an odd value does not fail the page).
    Other(Value),
}

/// The user object in [`TimelineUpdatedBy::User`].
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineUser {
    /// User id (as sent; a UUID).
    pub id: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Paging of a task timeline (the Python client sends none of these and
/// reads one reply; the spec pages the timeline).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskTimelineParams {
    /// Page size.
    pub limit: Option<u32>,
    /// Index of the first record.
    pub offset: Option<u64>,
}

impl QueryParams for TaskTimelineParams {}
