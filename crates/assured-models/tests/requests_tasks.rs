#![allow(missing_docs)]

use assured_models::ArrayOrPage;
use assured_models::QueryParams;
use assured_models::catalog::{self, Endpoint, Paging};
use assured_models::models::tasks::{
    ExpirableUpdate, Task, TaskCreate, TaskListParams, TaskTimeline, TimelineUpdatedBy,
};
use serde_json::json;

const TASK: &str = "6f1c2a9e-3b7d-4e2a-9c1f-0a1b2c3d4e5f";
const USER: &str = "0b8e7c6d-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const FACILITY: &str = "9d8c7b6a-5f4e-4d3c-ab2a-19f8e7d6c5b4";

#[test]
fn task_create() {
    let mut task = TaskCreate::new("Upload malpractice certificate");
    task.description = Some("The current certificate expires next month.".into());
    task.status = Some("PENDING".into());
    task.due_on = Some("2024-06-30T17:00:00Z".parse().unwrap());
    task.assignee = Some(USER.parse().unwrap());
    task.task_type = Some("INFORMATION_REQUIRED".into());
    task.facility = Some(FACILITY.parse().unwrap());
    insta::assert_json_snapshot!(task);
}

#[test]
fn task_create_minimal_sends_only_the_name() {
    let task = TaskCreate::new("Sign the attestation");
    insta::assert_json_snapshot!(task);
}

#[test]
fn expirable_update_archive() {
    insta::assert_json_snapshot!(ExpirableUpdate::archive());
}

#[test]
fn expirable_update_sends_only_set_keys() {
    assert_eq!(
        serde_json::to_value(ExpirableUpdate::default()).unwrap(),
        json!({})
    );
    assert_eq!(
        serde_json::to_value(ExpirableUpdate::unarchive()).unwrap(),
        json!({"archived": false})
    );
}

#[test]
fn task_list_params_query_string() {
    let params = TaskListParams {
        assignee_in: Some(vec![USER.parse().unwrap(), USER.parse().unwrap()]),
        status_in: Some(vec!["PENDING".into(), "IN_PROGRESS".into()]),
        is_facility_task: Some(false),
        limit: Some(50),
        ..TaskListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!(
            "assignee_in={USER}%2C{USER}&is_facility_task=false&limit=50&status_in=PENDING%2CIN_PROGRESS"
        )
    );
}

#[test]
fn task_unknown_fields_survive_a_round_trip() {
    let sent = json!({
        "id": TASK,
        "name": "Review application",
        "status": "IN_PROGRESS",
        "due_on": "2024-06-30T17:00:00Z",
        "assignee": USER,
        "client_details": {"id": "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716", "name": "Acme", "region": "west"},
        "current_owner_details": {"id": USER, "first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"},
        "task_timelines": [{"id": "1", "note": "created"}],
        "priority": "HIGH",
        "labels": ["a", "b"]
    });
    let task: Task = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(task.extra["priority"], "HIGH");
    assert_eq!(
        task.client_details.as_ref().unwrap().extra["region"],
        "west"
    );
    assert_eq!(serde_json::to_value(&task).unwrap(), sent);
}

fn timeline_entry(updated_by: &serde_json::Value) -> serde_json::Value {
    json!({
        "id": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
        "log_type": "STATUS_CHANGE",
        "created_at": "2024-05-01T10:00:00Z",
        "updated_by": updated_by,
        "status": "IN_PROGRESS",
        "note": "started"
    })
}

#[test]
fn task_timeline_accepts_a_bare_array_and_the_envelope() {
    let object = timeline_entry(&json!({"id": USER, "first_name": "Ann", "last_name": "Lee"}));
    let string = timeline_entry(&json!("Ann Lee"));

    let bare: ArrayOrPage<TaskTimeline> =
        serde_json::from_value(json!([object.clone(), string.clone()])).unwrap();
    let page: ArrayOrPage<TaskTimeline> = serde_json::from_value(json!({
        "count": 3,
        "next": "https://prod-backend.withassured.com/api/v1/task-management/task-timelines/x/?limit=2&offset=2",
        "previous": null,
        "results": [object.clone(), string.clone()]
    }))
    .unwrap();

    let bare = bare.into_page();
    let page = page.into_page();
    assert!(!bare.has_next());
    assert!(page.has_next());
    assert_eq!(bare.results, page.results);

    match &bare.results[0].updated_by {
        Some(TimelineUpdatedBy::User(user)) => {
            assert_eq!(user.first_name.as_deref(), Some("Ann"));
            assert_eq!(user.id.as_deref(), Some(USER));
        }
        other => panic!("expected the object shape, got {other:?}"),
    }
    assert_eq!(
        bare.results[1].updated_by,
        Some(TimelineUpdatedBy::Text("Ann Lee".into()))
    );
    // Both shapes serialize back as they came.
    assert_eq!(serde_json::to_value(&bare.results[0]).unwrap(), object);
    assert_eq!(serde_json::to_value(&bare.results[1]).unwrap(), string);

    // The catalog checks both shapes the same way.
    let d = catalog::GetTaskTimeline::DESCRIPTOR;
    assert_eq!(d.paging, Paging::ArrayOrPaged);
    d.check_response_json(&json!([object])).unwrap();
    d.check_response_json(
        &json!({"count": 1, "next": null, "previous": null, "results": [string]}),
    )
    .unwrap();
}
