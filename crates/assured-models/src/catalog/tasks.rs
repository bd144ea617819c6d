//! Task endpoints (reference rows TK1–TK7).

use super::macros::endpoints;
use crate::ids::{ExpirableId, TaskId};
use crate::models::tasks::{
    ExpirableListParams, ExpirableTask, ExpirableUpdate, Task, TaskCreate, TaskListParams,
    TaskTimeline, TaskTimelineParams,
};

endpoints! {
    /// Expirable tasks.
    TK1 ListExpirables {
        GET "/api/v1/task-management/expirables/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: ExpirableListParams, body: () [None],
        response: ExpirableTask,
        origin: Spec,
    }
    /// One expirable task.
    TK2 GetExpirable {
        GET "/api/v1/task-management/expirables/{task_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: ExpirableId, query: (), body: () [None],
        response: ExpirableTask,
        origin: Undocumented,
    }
    /// Archive or unarchive an expirable task (only the keys set are sent).
    TK3 UpdateExpirable {
        PATCH "/api/v1/task-management/expirables/{task_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: ExpirableId, query: (), body: ExpirableUpdate [Json],
        response: ExpirableTask,
        origin: Undocumented,
        idempotent: true,
    }
    /// Create a task for an admin or a provider; the spec's 201 reply is a task record.
    TK4 CreateTask {
        POST "/api/v1/task-management/tasks/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: TaskCreate [Json],
        response: Task,
        origin: Spec,
    }
    /// Tasks.
    TK5 ListTasks {
        GET "/api/v1/task-management/tasks/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: TaskListParams, body: () [None],
        response: Task,
        origin: Spec,
    }
    /// One task.
    TK6 GetTask {
        GET "/api/v1/task-management/tasks/{task_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: TaskId, query: (), body: () [None],
        response: Task,
        origin: Spec,
    }
    /// The timeline of a task: paged per the spec, a bare array in
    /// production too (quirk 15).
    TK7 GetTaskTimeline {
        GET "/api/v1/task-management/task-timelines/{task_id}/",
        auth: ApiKey, paging: ArrayOrPaged, ids: Other,
        path_arg: TaskId, query: TaskTimelineParams, body: () [None],
        response: TaskTimeline,
        origin: Spec,
    }
}
