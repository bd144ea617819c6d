//! List filters of the credentialing and task lists, each narrowing a list
//! exactly as django-filter would (counts computed from the unfiltered list).
#![allow(missing_docs, clippy::too_many_lines)]

mod common;
mod filter_support;

use std::collections::HashMap;

use assured_mock::MockConfig;
use assured_models::catalog::{
    ListCredentialingNeedActions, ListCredentialingRequests, ListDeaRecords, ListExpirables,
    ListLicenses, ListMonitoringEvents, ListTasks,
};
use common::{get, path, start, with_query};
use filter_support::{all, date_range, filtered, median, narrows, text};
use serde_json::Value;

// ----- date ranges -----

#[tokio::test]
async fn credentialing_request_date_ranges_and_month() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListCredentialingRequests>();
    for (param, path) in [
        ("assigned_at", "assigned_at"),
        ("created_at", "created_at"),
        ("oa_completed_at", "oa_completed_at"),
        ("request_completed_at", "request_completed_at"),
        ("updated_at", "updated_at"),
    ] {
        date_range(&mock, base, param, path).await;
    }
    let records = all(&mock, base).await;
    let pivot = median(&records, "created_at");
    // assured-py sends `str(datetime)`: a space and a `+00:00` offset.
    let python = format!("{} {}+00:00", &pivot[..10], &pivot[11..19]);
    narrows(
        &mock,
        base,
        &format!("created_at_before={}", python.replace('+', "%2B")),
        |r| text(r, "created_at") <= pivot.as_str(),
    )
    .await;
    // created_at_month: `YYYY-MM`, or a month number of any year.
    let month = &pivot[..7];
    narrows(&mock, base, &format!("created_at_month={month}"), |r| {
        text(r, "created_at").starts_with(month)
    })
    .await;
    let number = &pivot[5..7];
    narrows(
        &mock,
        base,
        &format!("created_at_month={}", number.trim_start_matches('0')),
        |r| &text(r, "created_at")[5..7] == number,
    )
    .await;
    // Invalid values are django-filter's 400s.
    let (status, body) = get(&mock, &format!("{base}?created_at_after=yesterday")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        serde_json::json!({"created_at_after": ["Enter a valid date/time."]})
    );
    let (status, body) = get(&mock, &format!("{base}?created_at_month=13")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        serde_json::json!({"created_at_month": ["Enter a whole number."]})
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn credentialing_request_value_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListCredentialingRequests>();
    let records = all(&mock, base).await;
    narrows(&mock, base, "automation_status=FINISHED", |r| {
        r["automation_status"] == "FINISHED"
    })
    .await;
    let requester = text(&records[0], "requested_by").to_owned();
    filtered(&mock, base, &format!("requested_by={requester}"), |r| {
        r["requested_by"] == requester.as_str()
    })
    .await;
    let other = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    filtered(
        &mock,
        base,
        &format!("requested_by_in={other},{requester}"),
        |r| r["requested_by"] == requester.as_str(),
    )
    .await;
    assert_eq!(
        filtered(&mock, base, &format!("requested_by={other}"), |_| false).await,
        0
    );
}

#[tokio::test]
async fn need_action_list_filters() {
    let mock = start(MockConfig::default().with_providers(600)).await;
    let base = path::<ListCredentialingNeedActions>();
    date_range(&mock, base, "created_at", "created_at").await;
    date_range(
        &mock,
        base,
        "org_joining_date",
        "provider_details.org_joining_date",
    )
    .await;
    // The recredentialing date is not part of the need-action view: the
    // expectation comes from the requests behind it.
    let requests: HashMap<String, Value> = all(
        &mock,
        &with_query(path::<ListCredentialingRequests>(), "status=NEEDS_ACTION"),
    )
    .await
    .into_iter()
    .map(|r| (r["id"].as_str().unwrap().to_owned(), r))
    .collect();
    let due = |r: &Value| {
        text(
            &requests[r["id"].as_str().unwrap()],
            "re_credentialing_date",
        )
        .to_owned()
    };
    let mut dates: Vec<String> = requests
        .values()
        .map(|r| text(r, "re_credentialing_date").to_owned())
        .collect();
    dates.sort_unstable();
    let pivot = dates[dates.len() / 2].clone();
    narrows(
        &mock,
        base,
        &format!("recredentialing_date_after={pivot}"),
        |r| due(r) >= pivot,
    )
    .await;
    narrows(
        &mock,
        base,
        &format!("recredentialing_date_before={pivot}"),
        |r| due(r) <= pivot,
    )
    .await;
    let pending = |r: &Value, kind: &str| {
        r["verification_event_tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|task| task["type"] == kind && task["status"] == "PENDING")
    };
    narrows(
        &mock,
        base,
        "pending_verification_type_in=DEA_VERIFICATION,EDUCATION_VERIFICATION",
        |r| pending(r, "DEA_VERIFICATION") || pending(r, "EDUCATION_VERIFICATION"),
    )
    .await;
    filtered(
        &mock,
        base,
        "pending_verification_type_in=LICENSE_VERIFICATION",
        |_| true,
    )
    .await;
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn monitoring_event_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListMonitoringEvents>();
    date_range(&mock, base, "oa_verified_at", "oa_verified_at").await;
    let events = all(&mock, base).await;
    let month = median(&events, "created_at")[..7].to_owned();
    narrows(&mock, base, &format!("created_at_month={month}"), |r| {
        text(r, "created_at").starts_with(&month)
    })
    .await;

    // Through the credentialing request.
    let requests: HashMap<String, Value> = all(&mock, path::<ListCredentialingRequests>())
        .await
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap().to_owned(), r))
        .collect();
    let request = |r: &Value, key: &str| {
        r["credentialing_request"]
            .as_str()
            .map_or(Value::Null, |id| requests[id][key].clone())
    };
    narrows(
        &mock,
        base,
        "credentialing_request__status=COMPLETED",
        |r| request(r, "status") == "COMPLETED",
    )
    .await;
    narrows(
        &mock,
        base,
        "credentialing_request__verifier_signed_off=false",
        |r| request(r, "verifier_signed_off") == false,
    )
    .await;
    filtered(
        &mock,
        base,
        "credentialing_request__credentialing_type=INITIAL_CREDENTIALING",
        |r| request(r, "credentialing_type") == "INITIAL_CREDENTIALING",
    )
    .await;
    filtered(
        &mock,
        base,
        "credentialing_request__request_type=CREDENTIALING",
        |r| request(r, "request_type") == "CREDENTIALING",
    )
    .await;

    // Through the professional id (licenses and DEA registrations).
    let mut professional: HashMap<String, (&str, String)> = HashMap::new();
    for (path, kind) in [
        (path::<ListLicenses>(), "LICENSE"),
        (path::<ListDeaRecords>(), "DEA"),
    ] {
        for record in all(&mock, path).await {
            professional.insert(
                record["id"].as_str().unwrap().to_owned(),
                (kind, text(&record, "state").to_owned()),
            );
        }
    }
    let of = |r: &Value| {
        r["professional_id"]
            .as_str()
            .and_then(|id| professional.get(id).cloned())
    };
    narrows(
        &mock,
        base,
        "professional_id__professional_id_type=DEA",
        |r| of(r).is_some_and(|(kind, _)| kind == "DEA"),
    )
    .await;
    let state = events
        .iter()
        .find_map(|r| of(r).map(|(_, state)| state))
        .unwrap();
    narrows(
        &mock,
        base,
        &format!("professional_id__state={state}"),
        |r| of(r).is_some_and(|(_, s)| s == state),
    )
    .await;
    // Fields no seeded event sets.
    assert_eq!(
        filtered(&mock, base, "admin_acknowledgement=PENDING", |_| false).await,
        0
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn task_and_expirable_filters() {
    let mock = start(MockConfig::default()).await;
    let expirables = path::<ListExpirables>();
    for param in ["created_at", "due_on", "updated_at"] {
        date_range(&mock, expirables, param, param).await;
    }
    let tasks = path::<ListTasks>();
    for param in [
        "created_at",
        "due_on",
        "updated_at",
        "latest_task_timeline_updated_at",
    ] {
        date_range(&mock, tasks, param, param).await;
    }
    let records = all(&mock, tasks).await;
    let updater = records
        .iter()
        .find_map(|r| r["latest_task_timeline_updated_by"].as_str())
        .unwrap()
        .to_owned();
    filtered(
        &mock,
        tasks,
        &format!("latest_task_timeline_updated_by={updater}"),
        |r| r["latest_task_timeline_updated_by"] == updater.as_str(),
    )
    .await;
    filtered(
        &mock,
        tasks,
        &format!("latest_task_timeline_updated_by_in={updater}"),
        |r| r["latest_task_timeline_updated_by"] == updater.as_str(),
    )
    .await;
    let creator = text(&records[0], "created_by").to_owned();
    filtered(&mock, tasks, &format!("created_by_in={creator}"), |r| {
        r["created_by"] == creator.as_str()
    })
    .await;
    // Tasks about an enrollment request.
    let target = records
        .iter()
        .find(|r| r["target_model_name"] == "EnrollmentRequest")
        .map(|r| text(r, "target_instance_id").to_owned())
        .unwrap();
    narrows(&mock, tasks, &format!("enrollment_request={target}"), |r| {
        r["target_instance_id"] == target.as_str()
    })
    .await;
    common::assert_types_agree(&mock);
}
