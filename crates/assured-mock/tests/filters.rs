//! List filters: every filter the vendor spec or the endpoint reference
//! names for a paged GET is read by the mock, and each one narrows a list
//! exactly as django-filter would (counts computed from the unfiltered
//! list).
#![allow(missing_docs, clippy::too_many_lines)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use assured_mock::MockConfig;
use assured_models::catalog::{
    self, ListEnrollmentRequests, ListPracticeLocations, ListTasks, Method, Origin,
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
