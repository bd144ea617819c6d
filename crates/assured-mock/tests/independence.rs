//! Request bodies are checked against the reference (`spec/models.json`
//! and the body rules of `spec/ENDPOINTS.md`), not the SDK's types: a
//! field name the reference does not have is ignored and not stored, a
//! missing required field is a 400, a value of the wrong type gets DRF's
//! message, and nothing is created by a refused body.
#![allow(missing_docs)]

mod common;

use assured_mock::MockConfig;
use assured_models::catalog::{
    CreateLicense, CreateProvider, CreateTask, InviteProviders, ListLicenses, ListTasks, Login,
    UpdatePersonalInfo,
};
use reqwest::Method;
use serde_json::json;

use common::{first_provider, get, path, path_with, post, send, start, with_query};

#[tokio::test]
async fn a_field_name_the_reference_does_not_have_is_ignored() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    // `licence_number` is no field of LicenseCreate (the field is `number`).
    let body = json!({"provider": profile, "state": "CA", "licence_number": "CA123"});
    let (status, record) = post(&mock, path::<CreateLicense>(), body).await;
    assert_eq!(status, 201, "{record}");
    assert!(record.get("licence_number").is_none(), "{record}");
    assert_eq!(record["number"], json!(null));
    assert_eq!(record["state"], "CA");
    let (_, page) = get(
        &mock,
        &with_query(
            path::<ListLicenses>(),
            &format!("provider={profile}&limit=100"),
        ),
    )
    .await;
    let stored = page["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == record["id"])
        .unwrap();
    assert!(stored.get("licence_number").is_none());
}

#[tokio::test]
async fn a_missing_required_field_is_refused_before_anything_is_created() {
    let mock = start(MockConfig::default()).await;
    let (_, before) = get(&mock, path::<ListTasks>()).await;
    // `nme` is no field of TaskCreate; its required `name` is missing.
    let (status, error) = post(&mock, path::<CreateTask>(), json!({"nme": "Call back"})).await;
    assert_eq!(
        (status, error),
        (400, json!({"name": ["This field is required."]}))
    );
    let (_, after) = get(&mock, path::<ListTasks>()).await;
    assert_eq!(after["count"], before["count"]);

    let body = json!({"email": "x@example.org", "first_nam": "X", "last_name": "Y"});
    let (status, error) = post(&mock, path::<CreateProvider>(), body).await;
    assert_eq!(
        (status, error),
        (400, json!({"first_name": ["This field is required."]}))
    );
    assert_eq!(mock.with_state(|state| state.provider_count()), 300);

    // In an array body, each item is checked against the reference model.
    let invites = json!([
        {"email": "a@example.org", "first_name": "A", "last_name": "B"},
        {"email": "c@example.org", "last_name": "D"},
    ]);
    let (status, error) = post(&mock, path::<InviteProviders>(), invites).await;
    assert_eq!(
        (status, error),
        (
            400,
            json!([{}, {"first_name": ["This field is required."]}])
        )
    );
    assert_eq!(mock.with_state(|state| state.provider_count()), 300);
}

#[tokio::test]
async fn types_are_the_reference_types_with_drf_coercion() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let body = json!({"provider": profile, "issue_date": "05/01/2024", "is_currently_practicing_in_state": "sometimes"});
    let (status, error) = post(&mock, path::<CreateLicense>(), body).await;
    assert_eq!(status, 400);
    assert_eq!(
        error,
        json!({
            "issue_date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."],
            "is_currently_practicing_in_state": ["Must be a valid boolean."],
        })
    );
    // Coercible values are stored in their reference type, as DRF's
    // validated data is: the reply is a boolean, not the text sent.
    let body = json!({"provider": profile, "is_currently_practicing_in_state": "true"});
    let (status, record) = post(&mock, path::<CreateLicense>(), body).await;
    assert_eq!(status, 201, "{record}");
    assert_eq!(record["is_currently_practicing_in_state"], json!(true));
    // The personal-info PATCH is typed by the reference model too.
    let patch = path_with::<UpdatePersonalInfo>(&profile);
    let (status, error) = send(
        &mock,
        Method::PATCH,
        &patch,
        None,
        Some(json!({"height_inches": "tall"})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        error,
        json!({"height_inches": ["A valid integer is required."]})
    );
    common::assert_types_agree(&mock);
    // DRF's BooleanField takes "true": a client sending a string is served.
    let login =
        json!({"email": mock.user_email(), "password": mock.user_password(), "remember": "true"});
    let (status, reply) = post(&mock, path::<Login>(), login).await;
    assert_eq!(status, 200, "{reply}");
    // A required field sent as null.
    let (status, error) = post(
        &mock,
        path::<Login>(),
        json!({"email": null, "password": "x"}),
    )
    .await;
    assert_eq!(
        (status, error),
        (400, json!({"email": ["This field may not be null."]}))
    );
}
