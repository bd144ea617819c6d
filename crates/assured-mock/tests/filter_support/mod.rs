//! Helpers of the filter tests: fetch a whole list, and check that a
//! filter keeps exactly the records a predicate keeps.
#![allow(dead_code, unreachable_pub)]

use assured_mock::MockServer;
use serde_json::Value;

use crate::common::get;

/// Every record of a list (one page of up to 1000).
pub async fn all(mock: &MockServer, path: &str) -> Vec<Value> {
    let separator = if path.contains('?') { '&' } else { '?' };
    let (status, page) = get(mock, &format!("{path}{separator}limit=1000")).await;
    assert_eq!(status, 200, "{path}: {page}");
    let results = page["results"].as_array().unwrap().clone();
    assert_eq!(page["count"].as_u64().unwrap(), results.len() as u64);
    results
}

pub fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|record| record["id"].to_string())
        .collect()
}

/// `base&query` answers exactly the records of `base` that `expected`
/// keeps, and that is neither none nor all of them. Returns how many.
pub async fn narrows(
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
pub async fn filtered(
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

pub fn text<'a>(record: &'a Value, path: &str) -> &'a str {
    path.split('.')
        .fold(record, |value, key| &value[key])
        .as_str()
        .unwrap_or("")
}

/// The middle value of a text field over the records (non-null only).
pub fn median(records: &[Value], path: &str) -> String {
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
pub async fn date_range(mock: &MockServer, base: &str, param: &str, path: &str) {
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
