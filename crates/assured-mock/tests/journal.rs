//! The request journal: what the server received, in order, bounded, with
//! secrets redacted.
#![allow(missing_docs, clippy::too_many_lines)]

mod common;

use assured_mock::{MockConfig, REDACTED, ReceivedRequest};
use assured_models::catalog::{
    CreateProvider, GetPlaintextSsn, ListProviders, Login, UpdateEncryptedSsn, UpdatePersonalInfo,
};
use reqwest::Method;
use serde_json::{Value, json};

use common::{first_provider, get, login, path, path_with, send, start, with_query};

/// The parts of an entry that do not depend on the port or the run.
fn shape(entry: &ReceivedRequest) -> Value {
    let headers: Vec<_> = entry
        .headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "host" | "content-length"))
        .map(|(name, value)| json!([name, value]))
        .collect();
    json!({
        "endpoint": entry.endpoint,
        "method": entry.method,
        "path": entry.path,
        "query": entry.query,
        "headers": headers,
        "body": entry.json(),
    })
}

#[tokio::test]
async fn the_journal_keeps_every_request_in_order_with_exact_payloads() {
    let mock = start(MockConfig::default()).await;
    let list = with_query(path::<ListProviders>(), "limit=2&offset=4");
    assert_eq!(get(&mock, &list).await.0, 200);
    let body = json!({"email": "new@example.org", "first_name": "New", "last_name": "Person"});
    let (status, _) = send(
        &mock,
        Method::POST,
        path::<CreateProvider>(),
        None,
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(get(&mock, "/no/such/path/").await.0, 404);

    let journal = mock.requests();
    assert_eq!(journal.len(), 3);
    assert_eq!(
        journal.iter().map(|e| e.sequence).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(
        journal[0].query_pairs(),
        [
            ("limit".to_owned(), "2".to_owned()),
            ("offset".to_owned(), "4".to_owned())
        ]
    );
    assert_eq!(journal[1].json(), Some(body));
    assert_eq!(journal[2].endpoint, None);
    assert_eq!(mock.requests_to("PV4").len(), 1);
    insta::assert_json_snapshot!(
        "journal_in_order",
        journal.iter().map(shape).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn credentials_passwords_and_plaintext_ssns_are_never_kept() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let jwt = login(&mock).await;
    mock.clear_requests();

    // A personal-info PATCH carrying a plaintext SSN (a read-only key the
    // server ignores) and an encrypted-SSN PATCH carrying the token.
    let patch = path_with::<UpdatePersonalInfo>(&profile);
    let _ = send(
        &mock,
        Method::PATCH,
        &patch,
        None,
        Some(json!({"ssn": "219-09-9999", "first_name": "Ada"})),
    )
    .await;
    let token = "AAECAwQFBgcICQoLDA0OD/h7eA6YugVyGg==";
    let encrypted = path_with::<UpdateEncryptedSsn>(&profile);
    let _ = send(
        &mock,
        Method::PATCH,
        &encrypted,
        Some(&jwt),
        Some(json!({"ssn": token})),
    )
    .await;
    let _ = send(
        &mock,
        Method::POST,
        path::<Login>(),
        None,
        Some(
            json!({"email": mock.user_email(), "password": mock.user_password(), "remember": true}),
        ),
    )
    .await;

    let journal = mock.requests();
    assert_eq!(journal.len(), 3);
    for entry in &journal {
        assert_eq!(entry.header("x-api-key"), Some(REDACTED));
        let raw = String::from_utf8_lossy(&entry.body);
        assert!(
            !raw.contains("219-09-9999") && !raw.contains(mock.user_password()),
            "{raw}"
        );
        assert!(!entry.headers.iter().any(|(_, value)| value.contains(&jwt)));
    }
    assert_eq!(journal[0].json().unwrap()["ssn"], REDACTED);
    assert_eq!(journal[0].json().unwrap()["first_name"], "Ada");
    assert_eq!(journal[1].header("authorization"), Some(REDACTED));
    assert_eq!(
        journal[1].body,
        serde_json::to_vec(&json!({"ssn": token})).unwrap()
    );
    assert_eq!(journal[2].json().unwrap()["password"], REDACTED);
    assert_eq!(journal[2].json().unwrap()["email"], mock.user_email());
}

#[tokio::test]
async fn the_journal_is_bounded_and_can_be_cleared() {
    let mock = start(MockConfig::default().with_journal_capacity(3)).await;
    let (_, profile) = first_provider(&mock).await;
    let plain = path_with::<GetPlaintextSsn>(&profile);
    for _ in 0..4 {
        get(&mock, &plain).await;
    }
    let journal = mock.requests();
    assert_eq!(
        journal.iter().map(|e| e.sequence).collect::<Vec<_>>(),
        [3, 4, 5]
    );
    assert!(journal.iter().all(|e| e.endpoint.as_deref() == Some("PP5")));
    // The counters still see every request.
    assert_eq!(mock.stats().total, 5);
    mock.clear_requests();
    assert!(mock.requests().is_empty());
    get(&mock, &plain).await;
    assert_eq!(mock.requests()[0].sequence, 6);

    let silent = start(MockConfig::default().with_journal_capacity(0)).await;
    get(&silent, path::<ListProviders>()).await;
    assert!(silent.requests().is_empty());
    assert_eq!(silent.count("PV1"), 1);
}
