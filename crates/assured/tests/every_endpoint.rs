//! Every live endpoint of the catalog, called through its generated facade
//! method against `assured-mock`: the call succeeds, sends exactly one
//! request to its endpoint, and the query and body the server received are
//! snapshotted.
//!
//! The inputs come from `fixtures/every_endpoint.json` (ids are taken from
//! earlier replies by JSON pointer), the dispatch from `generated/calls.rs`
//! (`cargo xtask codegen`). A live endpoint without a facade method, or
//! without a fixture step, fails the test.
#![allow(missing_docs, clippy::too_many_lines)]

#[path = "generated/calls.rs"]
mod calls;
#[path = "generated/listed.rs"]
mod listed;
mod support;

use std::collections::BTreeMap;

use assured::MultipartForm;
use assured::models::catalog::{self, PagedEndpoint};
use assured::request::{List, ListTableError};
use assured::table::{Table, Tabular};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// A fixture value at `pointer`, decoded into the type the method takes.
fn take<T: DeserializeOwned>(input: &Value, pointer: &str) -> T {
    let value = input
        .pointer(pointer)
        .unwrap_or_else(|| panic!("the fixture step has no {pointer}: {input}"));
    serde_json::from_value(value.clone())
        .unwrap_or_else(|err| panic!("fixture {pointer} = {value}: {err}"))
}

/// The multipart form of an upload step.
fn form(input: &Value) -> MultipartForm {
    let text = |name: &str| take::<String>(input, &format!("/form/{name}"));
    MultipartForm::new().text("name", text("name")).file(
        "file",
        text("file_name"),
        text("content_type"),
        text("text").into_bytes(),
    )
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("replies serialize")
}

/// A paged endpoint read three ways: its first page's `count`, the whole
/// listing as a table, and (feature `polars`) as a `DataFrame`.
struct Listed {
    count: u64,
    table: Table,
    #[cfg(feature = "polars")]
    frame: assured::table::polars_core::prelude::DataFrame,
}

async fn listed_with<'a, E>(list: impl Fn() -> List<'a, E>) -> Result<Listed, ListTableError>
where
    E: PagedEndpoint,
    E::Response: Tabular + Send + 'static,
{
    Ok(Listed {
        count: list().page(0).await?.count,
        table: list().table().await?,
        #[cfg(feature = "polars")]
        frame: list().df().await?,
    })
}

/// The table (and frame) of a listing has one row per record and, even
/// when empty, its typed columns.
fn check_listed(key: &str, listed: &Listed) {
    let rows = u64::try_from(listed.table.len()).unwrap();
    assert_eq!(rows, listed.count, "{key}: one table row per record");
    assert!(
        listed
            .table
            .columns()
            .iter()
            .any(assured::table::Column::is_declared),
        "{key}: the table has the model's columns"
    );
    #[cfg(feature = "polars")]
    {
        let frame = &listed.frame;
        assert_eq!(frame.height(), listed.table.len(), "{key}: frame height");
        let names: Vec<&str> = frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        let expected: Vec<&str> = listed
            .table
            .columns()
            .iter()
            .map(assured::table::Column::name)
            .collect();
        assert_eq!(names, expected, "{key}: frame columns");
    }
}

/// Replaces `$name` strings by the saved values, recursively.
fn substitute(value: &Value, saved: &BTreeMap<String, Value>) -> Value {
    match value {
        Value::String(text) if text.starts_with('$') => saved
            .get(&text[1..])
            .cloned()
            .unwrap_or_else(|| panic!("{text} is used before it is saved")),
        Value::Array(items) => Value::Array(items.iter().map(|v| substitute(v, saved)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, v)| (key.clone(), substitute(v, saved)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Puts the `$name`s back in place of the saved values, for stable snapshots.
fn unsubstitute(value: &Value, saved: &BTreeMap<String, Value>) -> Value {
    match value {
        Value::String(_) => saved
            .iter()
            .find(|(_, saved)| *saved == value)
            .map_or_else(|| value.clone(), |(name, _)| json!(format!("${name}"))),
        Value::Array(items) => Value::Array(items.iter().map(|v| unsubstitute(v, saved)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, v)| (key.clone(), unsubstitute(v, saved)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[tokio::test]
async fn every_live_endpoint_works_through_its_facade_method() {
    let (mock, client) = support::start(20).await;
    let steps: Vec<Value> =
        serde_json::from_str(include_str!("fixtures/every_endpoint.json")).unwrap();
    let mut saved = BTreeMap::from([
        ("user".to_owned(), json!(mock.user_email())),
        ("password".to_owned(), json!(mock.user_password())),
    ]);

    // Every live endpoint without a helper has a facade method and a step.
    let stepped: Vec<&str> = steps.iter().map(|s| s["key"].as_str().unwrap()).collect();
    for descriptor in catalog::all() {
        let Some(facade) = descriptor.facade else {
            continue;
        };
        if facade.via_helper {
            continue;
        }
        assert!(
            calls::KEYS.contains(&descriptor.key),
            "{descriptor:?} has no generated facade method"
        );
        assert!(
            stepped.contains(&descriptor.key),
            "{descriptor:?} has no step in fixtures/every_endpoint.json"
        );
    }

    let mut received = BTreeMap::new();
    let mut tabled = 0;
    for step in &steps {
        let key = step["key"].as_str().unwrap();
        let input = substitute(step, &saved);
        let before = mock.count(key);
        let reply = calls::call(&client, key, &input)
            .await
            .unwrap_or_else(|err| panic!("{key} through the facade: {err}"));
        assert_eq!(
            mock.count(key) - before,
            1,
            "{key}: exactly one request to the endpoint"
        );
        if let Some(saves) = step.get("save").and_then(Value::as_object) {
            for (name, pointer) in saves {
                let value = reply
                    .pointer(pointer.as_str().unwrap())
                    .unwrap_or_else(|| panic!("{key}: no {pointer} in {reply}"))
                    .clone();
                saved.insert(name.clone(), value);
            }
        }
        let request = mock.last_request(key).expect("the mock recorded it");
        let query: BTreeMap<String, String> = request.query_pairs().into_iter().collect();
        received.insert(
            key.to_owned(),
            json!({
                "query": unsubstitute(&json!(query), &saved),
                "body": request.json().map(|body| unsubstitute(&body, &saved)),
            }),
        );
        if let Some(listed) = listed::listed(&client, key, &input).await {
            let listed = listed.unwrap_or_else(|err| panic!("{key} as a table: {err}"));
            check_listed(key, &listed);
            tabled += 1;
        }
    }
    let paged = catalog::all()
        .filter(|d| d.paging.is_paged() && d.facade.is_some_and(|f| !f.via_helper))
        .count();
    assert_eq!(tabled, paged, "every paged endpoint was read as a table");
    // JWT endpoints logged in once, lazily, for all of them.
    assert_eq!(
        mock.count("US5"),
        2,
        "one login by the client, one by US5's own step"
    );
    insta::assert_json_snapshot!("requests_received", received);
}
