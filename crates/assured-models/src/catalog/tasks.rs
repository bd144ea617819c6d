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
        facade: tasks.list_expirables,
        python: ["tasks.list_expirables", "tasks.list_expirables_all", "tasks.list_expirables_df"],
    }
    /// One expirable task.
    TK2 GetExpirable {
        GET "/api/v1/task-management/expirables/{task_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: ExpirableId, query: (), body: () [None],
        response: ExpirableTask,
        origin: Undocumented,
        facade: tasks.get_expirable,
        python: ["tasks.get_expirable"],
    }
    /// Archive or unarchive an expirable task (only the keys set are sent).
    TK3 UpdateExpirable {
        PATCH "/api/v1/task-management/expirables/{task_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: ExpirableId, query: (), body: ExpirableUpdate [Json],
        response: ExpirableTask,
        origin: Undocumented,
        idempotent: true,
        facade: tasks.update_expirable,
        python: ["tasks.update_expirable"],
    }
    /// Create a task for an admin or a provider; the spec's 201 reply is a task record.
    TK4 CreateTask {
        POST "/api/v1/task-management/tasks/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: TaskCreate [Json],
        response: Task,
        origin: Spec,
        facade: tasks.create_task,
        python: ["tasks.create_task"],
    }
    /// Tasks.
    TK5 ListTasks {
        GET "/api/v1/task-management/tasks/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: TaskListParams, body: () [None],
        response: Task,
        origin: Spec,
        facade: tasks.list_tasks,
        python: ["tasks.list_tasks", "tasks.list_tasks_all", "tasks.list_tasks_df"],
    }
    /// One task.
    TK6 GetTask {
        GET "/api/v1/task-management/tasks/{task_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: TaskId, query: (), body: () [None],
        response: Task,
        origin: Spec,
        facade: tasks.get_task,
        python: ["tasks.get_task"],
    }
    /// The timeline of a task: paged per the spec, a bare array in
    /// production too (quirk 15).
    TK7 GetTaskTimeline {
        GET "/api/v1/task-management/task-timelines/{task_id}/",
        auth: ApiKey, paging: ArrayOrPaged, ids: Other,
        path_arg: TaskId, query: TaskTimelineParams, body: () [None],
        response: TaskTimeline,
        origin: Spec,
        facade: tasks.get_timeline,
        python: ["tasks.get_timeline"],
    }
}
