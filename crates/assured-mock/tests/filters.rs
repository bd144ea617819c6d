//! List filters: every filter the vendor spec or the endpoint reference
//! names for a paged GET is read by the mock, and each one narrows a list
//! exactly as django-filter would (counts computed from the unfiltered
//! list).
#![allow(missing_docs, clippy::too_many_lines)]

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use assured_mock::{MockConfig, MockServer};
use assured_models::catalog::{
    self, ListActiveEnrollments, ListCredentialingNeedActions, ListCredentialingRequests,
    ListDeaRecords, ListEnrollmentRequests, ListEnrollmentTimeline, ListExpirables,
    ListExternalUsers, ListHealthPlans, ListLicenses, ListMonitoringEvents,
    ListPracticeLocationProviders, ListPracticeLocations, ListProviders,
    ListProvidersNotInPracticeLocation, ListTasks, ListTaxEntities, ListUsersSlim, Method, Origin,
};
use common::{get, login, path, start, with_query};
use reqwest::Method as HttpMethod;
use serde_json::Value;

/// Filters deliberately left out, with the reason.
const NOT_IMPLEMENTED: &[(&str, &str)] = &[(
    "tab",
    "a UI tab of the credentialing lists; no source says what it selects",
)];

fn repo_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../spec")
        .join(name)
}

/// A path template with its placeholder names erased (`{task_id}` = `{id}`).
fn erase_placeholders(path: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push('{');
            }
            '}' => {
                inside = false;
                out.push('}');
            }
            _ if inside => {}
            _ => out.push(c),
        }
    }
    out
}

/// Query parameters of every paged GET, by catalog key: the vendor spec's,
/// plus the "Query params" column of the endpoint reference.
fn documented_filters() -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut filters: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    let paged_get = |key: &str| {
        catalog::all()
            .find(|d| d.key == key)
            .filter(|d| d.method == Method::Get && d.paging.is_paged())
    };

    let spec: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_file("assured-openapi.json")).unwrap())
            .unwrap();
    let mut spec_lists = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        let Some(operation) = item.get("get") else {
            continue;
        };
        let names: BTreeSet<String> = operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|parameter| parameter["in"] == "query")
            .filter_map(|parameter| parameter["name"].as_str().map(ToOwned::to_owned))
            .collect();
        if !names.contains("limit") {
            continue;
        }
        let descriptor = catalog::all()
            .find(|d| {
                d.method == Method::Get && erase_placeholders(d.path) == erase_placeholders(path)
            })
            .unwrap_or_else(|| panic!("spec list {path} is not in the catalog"));
        spec_lists += 1;
        filters.entry(descriptor.key).or_default().extend(names);
    }
    assert!(spec_lists >= 20, "{spec_lists} paged GETs in the spec");

    let reference = std::fs::read_to_string(repo_file("ENDPOINTS.md")).unwrap();
    for line in reference.lines().filter(|line| line.starts_with("| ")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        if cells.len() < 7 || cells[1] != "GET" || !cells[4].contains("yes") {
            continue;
        }
        let Some(descriptor) = paged_get(cells[0].trim_start_matches("| ")) else {
            continue;
        };
        // `TypeName`: a, b, c (prose in parentheses dropped).
        let mut cell = cells[6].to_owned();
        while let (Some(open), Some(close)) = (cell.find('('), cell.find(')')) {
            if close < open {
                break;
            }
            cell.replace_range(open..=close, "");
        }
        let list = cell.split_once(':').map_or(cell.as_str(), |(_, list)| list);
        let names = list
            .split([',', ' '])
            .map(|name| name.trim().trim_end_matches('*'))
            .filter(|name| {
                !name.is_empty()
                    && name.starts_with(|c: char| c.is_ascii_lowercase())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
            .map(ToOwned::to_owned);
        filters.entry(descriptor.key).or_default().extend(names);
    }
    filters
}

#[tokio::test]
async fn every_documented_list_filter_is_read_by_its_handler() {
    let mock = start(MockConfig::default()).await;
    let jwt = login(&mock).await;
    let (_, profile) = common::first_provider(&mock).await;
    let first_id = |page: Value| page["results"][0]["id"].as_str().unwrap().to_owned();
    let location = first_id(
        get(
            &mock,
            &with_query(path::<ListPracticeLocations>(), "limit=1"),
        )
        .await
        .1,
    );
    let enrollment = first_id(
        get(
            &mock,
            &with_query(path::<ListEnrollmentRequests>(), "limit=1"),
        )
        .await
        .1,
    );
    let task = first_id(
        get(&mock, &with_query(path::<ListTasks>(), "limit=1"))
            .await
            .1,
    );

    let documented = documented_filters();
    let mut missing = Vec::new();
    let mut lists = 0;
    for (key, names) in &documented {
        let descriptor = catalog::all().find(|d| d.key == *key).unwrap();
        if matches!(descriptor.origin, Origin::Dead { .. }) {
            continue;
        }
        let extra = match *key {
            "PV5" => format!("&practice_location={location}"),
            "PE12" => format!("&enrollment_request={enrollment}"),
            "PP30" => format!("&provider={profile}"),
            _ => String::new(),
        };
        let path = format!(
            "{}?limit=1{extra}",
            erase_placeholders(descriptor.path).replace("{}", &task)
        );
        let (status, body) = common::send(&mock, HttpMethod::GET, &path, Some(&jwt), None).await;
        assert_eq!(status, 200, "{path}: {body}");
        let read = mock
            .stats()
            .query_params_read
            .get(*key)
            .cloned()
            .unwrap_or_default();
        for name in names {
            if !read.contains(name) && !NOT_IMPLEMENTED.iter().any(|(n, _)| n == name) {
                missing.push(format!("{key} {name}"));
            }
        }
        lists += 1;
    }
    assert!(lists >= 35, "{lists} lists checked");
    assert!(
        missing.is_empty(),
        "documented filters the mock ignores: {missing:#?}"
    );
}

// ----- helpers -----

/// Every record of a list (one page of up to 1000).
async fn all(mock: &MockServer, path: &str) -> Vec<Value> {
    let separator = if path.contains('?') { '&' } else { '?' };
    let (status, page) = get(mock, &format!("{path}{separator}limit=1000")).await;
    assert_eq!(status, 200, "{path}: {page}");
    let results = page["results"].as_array().unwrap().clone();
    assert_eq!(page["count"].as_u64().unwrap(), results.len() as u64);
    results
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|record| record["id"].to_string())
        .collect()
}

/// `base&query` answers exactly the records of `base` that `expected`
/// keeps, and that is neither none nor all of them. Returns how many.
async fn narrows(
    mock: &MockServer,
    base: &str,
    query: &str,
    expected: impl Fn(&Value) -> bool,
) -> usize {
    let count = filtered(mock, base, query, expected).await;
    let total = all(mock, base).await.len();
    assert!(
        count > 0 && count < total,
        "{base} {query}: {count} of {total} records, not a narrowing"
    );
    count
}

/// `base&query` answers exactly the records of `base` that `expected`
/// keeps (possibly none or all). Returns how many.
async fn filtered(
    mock: &MockServer,
    base: &str,
    query: &str,
    expected: impl Fn(&Value) -> bool,
) -> usize {
    let everything = all(mock, base).await;
    let want: Vec<Value> = everything.into_iter().filter(|r| expected(r)).collect();
    let separator = if base.contains('?') { '&' } else { '?' };
    let got = all(mock, &format!("{base}{separator}{query}")).await;
    assert_eq!(ids(&got), ids(&want), "{base} {query}");
    want.len()
}

fn text<'a>(record: &'a Value, path: &str) -> &'a str {
    path.split('.')
        .fold(record, |value, key| &value[key])
        .as_str()
        .unwrap_or("")
}

/// The middle value of a text field over the records (non-null only).
fn median(records: &[Value], path: &str) -> String {
    let mut values: Vec<&str> = records
        .iter()
        .map(|record| text(record, path))
        .filter(|value| !value.is_empty())
        .collect();
    values.sort_unstable();
    assert!(values.len() > 2, "{path}: too few values");
    values[values.len() / 2].to_owned()
}

/// `x_after` / `x_before` with a date and with an instant, against the
/// field's text (RFC 3339 instants in UTC, or dates, sort as text).
async fn date_range(mock: &MockServer, base: &str, param: &str, path: &str) {
    let records = all(mock, base).await;
    let pivot = median(&records, path);
    let day = pivot[..10].to_owned();
    let field = |record: &Value| text(record, path).to_owned();
    narrows(mock, base, &format!("{param}_after={day}"), |r| {
        let value = field(r);
        !value.is_empty() && value[..10] >= *day
    })
    .await;
    narrows(mock, base, &format!("{param}_before={day}"), |r| {
        let value = field(r);
        !value.is_empty() && value[..10] <= *day
    })
    .await;
    if pivot.len() > 10 {
        // Instants compare as instants.
        narrows(mock, base, &format!("{param}_before={pivot}"), |r| {
            let value = field(r);
            !value.is_empty() && value <= pivot
        })
        .await;
        narrows(mock, base, &format!("{param}_after={pivot}"), |r| {
            let value = field(r);
            !value.is_empty() && value >= pivot
        })
        .await;
    }
    // Both bounds together.
    let low = {
        let mut values: Vec<String> = records
            .iter()
            .map(field)
            .filter(|v| !v.is_empty())
            .collect();
        values.sort_unstable();
        values[values.len() / 4][..10].to_owned()
    };
    filtered(
        mock,
        base,
        &format!("{param}_after={low}&{param}_before={day}"),
        |r| {
            let value = field(r);
            !value.is_empty() && value[..10] >= *low && value[..10] <= *day
        },
    )
    .await;
}

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

// ----- enrollments -----

#[tokio::test]
async fn enrollment_request_and_timeline_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListEnrollmentRequests>();
    let records = all(&mock, base).await;
    let first = &records[0];
    for (param, key) in [
        ("client", "client"),
        ("health_plan", "health_plan"),
        ("tax_entity", "tax_entity"),
    ] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            base,
            &format!("{param}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    let clients: Vec<&str> = records
        .iter()
        .filter_map(|r| r["client"].as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .take(2)
        .collect();
    narrows(
        &mock,
        base,
        &format!("client_ids={}", clients.join(",")),
        |r| clients.contains(&text(r, "client")),
    )
    .await;
    let two_states = [text(first, "state"), text(&records[1], "state")];
    narrows(
        &mock,
        base,
        &format!("state_in={},{}", two_states[0], two_states[1]),
        |r| two_states.contains(&text(r, "state")),
    )
    .await;
    filtered(&mock, base, "enrollment_type_in=GROUP,PROVIDER", |_| true).await;
    assert_eq!(
        filtered(&mock, base, "enrollment_type_in=GROUP", |_| false).await,
        0
    );
    filtered(&mock, base, "request_type=NEW", |r| {
        r["request_type"] == "NEW"
    })
    .await;

    let timeline = with_query(
        path::<ListEnrollmentTimeline>(),
        &format!("enrollment_request={}", text(first, "id")),
    );
    let entries = all(&mock, &timeline).await;
    let day = text(&entries[0], "created_at")[..10].to_owned();
    filtered(&mock, &timeline, &format!("created_at={day}"), |r| {
        text(r, "created_at").starts_with(&day)
    })
    .await;
    let everything = path::<ListEnrollmentTimeline>();
    narrows(&mock, everything, &format!("created_at={day}"), |r| {
        text(r, "created_at").starts_with(&day)
    })
    .await;
    let (status, body) = get(&mock, &format!("{everything}?created_at=soon")).await;
    assert_eq!(
        (status, body),
        (
            400,
            serde_json::json!({"created_at": ["Enter a valid date/time."]})
        )
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn active_enrollment_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListActiveEnrollments>();
    date_range(&mock, base, "effective_date", "effective_date").await;
    date_range(&mock, base, "re_validation_date", "re_validation_date").await;
    let records = all(&mock, base).await;
    let first = &records[0];
    for (param, key) in [
        ("health_plan", "health_plan"),
        ("tax_entity", "tax_entity"),
        ("health_plan_ids", "health_plan"),
        ("tax_entity_ids", "tax_entity"),
        ("client_in", "client"),
        ("provider_ids", "provider"),
        ("state", "state"),
        ("state_in", "state"),
        (
            "enrollment_request__current_contracting_sub_status",
            "current_contracting_sub_status",
        ),
    ] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            base,
            &format!("{param}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    filtered(&mock, base, "existing_enrollment_type=PROVIDER", |r| {
        r["existing_enrollment_type"] == "PROVIDER"
    })
    .await;
    let location = records
        .iter()
        .find_map(|r| r["other_practice_locations"][0].as_str())
        .unwrap()
        .to_owned();
    narrows(
        &mock,
        base,
        &format!("additional_practice_location_in={location}"),
        |r| {
            r["other_practice_locations"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l == location.as_str())
        },
    )
    .await;
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn health_plan_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListHealthPlans>();
    let records = all(&mock, base).await;
    let first = &records[0];
    let contains = |r: &Value, key: &str, wanted: &str| {
        r[key]
            .as_array()
            .unwrap()
            .iter()
            .any(|value| value == wanted)
    };
    for key in ["followup_mode", "lob", "network", "state"] {
        let wanted = first[key][0].as_str().unwrap().to_owned();
        narrows(&mock, base, &format!("{key}={wanted}"), |r| {
            contains(r, key, &wanted)
        })
        .await;
    }
    for key in ["name", "submission_type"] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            base,
            &format!("{key}={}", wanted.as_str().unwrap().replace(' ', "+")),
            |r| r[key] == wanted,
        )
        .await;
    }
    let two = [text(first, "id"), text(&records[5], "id")];
    narrows(
        &mock,
        base,
        &format!("health_plan_in={}", two.join(",")),
        |r| two.contains(&text(r, "id")),
    )
    .await;
    common::assert_types_agree(&mock);
}

// ----- practice locations and tax entities -----

#[tokio::test]
async fn practice_location_and_tax_entity_filters() {
    let mock = start(MockConfig::default()).await;
    let entities = path::<ListTaxEntities>();
    let tax: Vec<Value> = all(&mock, entities).await;
    let incorporation: HashMap<String, String> = tax
        .iter()
        .map(|t| {
            (
                text(t, "id").to_owned(),
                text(t, "incorporation_state").to_owned(),
            )
        })
        .collect();
    for key in ["client", "incorporation_state", "npi", "tax_id"] {
        let wanted = tax[1][key].clone();
        narrows(
            &mock,
            entities,
            &format!("{key}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    let states = [
        text(&tax[0], "incorporation_state"),
        text(&tax[1], "incorporation_state"),
    ];
    narrows(
        &mock,
        entities,
        &format!("incorporation_state_in={},{}", states[0], states[1]),
        |r| states.contains(&text(r, "incorporation_state")),
    )
    .await;
    let client = text(&tax[0], "client").to_owned();
    narrows(&mock, entities, &format!("client_ids={client}"), |r| {
        text(r, "client") == client
    })
    .await;

    let locations = path::<ListPracticeLocations>();
    let places = all(&mock, locations).await;
    let first = &places[0];
    for (param, key) in [
        ("client", "client"),
        ("client_ids", "client"),
        ("id_in", "id"),
        ("mailing_state", "mailing_state"),
        ("mailing_state_in", "mailing_state"),
        ("practice_location_type", "practice_location_type"),
        ("tax_entity", "tax_entity"),
        ("tax_entity_in", "tax_entity"),
    ] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            locations,
            &format!("{param}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    let state = incorporation[text(first, "tax_entity")].clone();
    narrows(
        &mock,
        locations,
        &format!("tax_entity_incorporation_state_in={state},ZZ"),
        |r| incorporation[text(r, "tax_entity")] == state,
    )
    .await;

    // The provider links follow the location.
    let place: HashMap<String, Value> = places
        .iter()
        .map(|p| (text(p, "id").to_owned(), p.clone()))
        .collect();
    let links = path::<ListPracticeLocationProviders>();
    let location_of = |r: &Value| place[text(r, "practice_location")].clone();
    narrows(&mock, links, "practice_location__is_archived=true", |r| {
        !location_of(r)["archived_at"].is_null()
    })
    .await;
    narrows(&mock, links, "practice_location__is_archived=false", |r| {
        location_of(r)["archived_at"].is_null()
    })
    .await;
    let entity = text(first, "tax_entity").to_owned();
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity={entity}"),
        |r| text(&location_of(r), "tax_entity") == entity,
    )
    .await;
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity_in={entity}"),
        |r| text(&location_of(r), "tax_entity") == entity,
    )
    .await;
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity__incorporation_state={state}"),
        |r| incorporation[text(&location_of(r), "tax_entity")] == state,
    )
    .await;
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity__incorporation_state_in={state},ZZ"),
        |r| incorporation[text(&location_of(r), "tax_entity")] == state,
    )
    .await;
    common::assert_types_agree(&mock);
}

// ----- users and professional ids -----

#[tokio::test]
async fn user_and_professional_id_filters() {
    let mock = start(MockConfig::default()).await;
    let completeness: HashMap<String, f64> = all(&mock, path::<ListProviders>())
        .await
        .iter()
        .map(|p| {
            (
                text(p, "id").to_owned(),
                p["profile_completeness_percentage"].as_f64().unwrap(),
            )
        })
        .collect();
    let ready = |r: &Value| completeness.get(text(r, "id")).map(|pct| *pct >= 80.0);
    for base in [path::<ListExternalUsers>(), path::<ListUsersSlim>()] {
        narrows(
            &mock,
            base,
            "provider_profile__ready_for_credentialing=true",
            |r| ready(r) == Some(true),
        )
        .await;
        narrows(
            &mock,
            base,
            "provider_profile__ready_for_credentialing=false",
            |r| ready(r) == Some(false),
        )
        .await;
    }
    // Every mock user has a verified e-mail.
    filtered(
        &mock,
        path::<ListUsersSlim>(),
        "include_unverified=true",
        |_| true,
    )
    .await;

    // Providers not at a location, restricted to some account ids.
    let location = all(&mock, path::<ListPracticeLocations>()).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let base = with_query(
        path::<ListProvidersNotInPracticeLocation>(),
        &format!("practice_location={location}"),
    );
    let outside = all(&mock, &base).await;
    let two = [text(&outside[3], "id"), text(&outside[7], "id")];
    narrows(&mock, &base, &format!("id_in={},{}", two[0], two[1]), |r| {
        two.contains(&text(r, "id"))
    })
    .await;

    let licenses = path::<ListLicenses>();
    filtered(&mock, licenses, "professional_id_type=LICENSE", |_| true).await;
    assert_eq!(
        filtered(&mock, licenses, "professional_id_type=DEA", |_| false).await,
        0
    );
    common::assert_types_agree(&mock);
}
