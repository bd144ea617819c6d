//! The pagination engine against a scripted loopback server.
#![allow(missing_docs)]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use assured_core::{Client, Config, RetryPolicy};
use assured_models::catalog::{Endpoint, ListExternalUsers};
use assured_models::models::users::UserListParams;
use futures_util::{StreamExt as _, TryStreamExt as _};
use serde_json::json;
use support::{Reply, Seen, TestServer};

const PATH: &str = ListExternalUsers::DESCRIPTOR.path;

fn user(index: u64) -> serde_json::Value {
    json!({"id": uuid::Uuid::from_u128(u128::from(index) + 1).to_string(), "email": format!("user{index}@example.org")})
}

/// A server listing `total` users, with `next` links on `link_host`.
fn listing(
    total: u64,
    link_host: String,
) -> impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static {
    move |seen, _| {
        let offset: u64 = seen.query("offset").unwrap().parse().unwrap();
        let limit: u64 = seen.query("limit").unwrap().parse().unwrap();
        let end = (offset + limit).min(total);
        let results: Vec<_> = (offset..end).map(user).collect();
        let next = (end < total).then(|| format!("{link_host}{PATH}?limit={limit}&offset={end}"));
        Reply::json(
            200,
            json!({"count": total, "next": next, "previous": null, "results": results}),
        )
    }
}

fn client(server: &TestServer, page_size: u32, concurrency: usize) -> Client {
    Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("k")
            .page_size(page_size)
            .page_concurrency(concurrency)
            .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
            .build()
            .unwrap(),
    )
    .unwrap()
}

fn emails(users: &[assured_models::models::users::User]) -> Vec<String> {
    users.iter().map(|u| u.email.clone().unwrap()).collect()
}

#[tokio::test]
async fn all_records_over_37_pages_with_concurrency_4_come_once_in_order() {
    let total = 37 * 10 - 3; // 37 pages, the last one short
    let server = TestServer::start(listing(total, "http://api.example.org".to_owned())).await;
    let client = client(&server, 10, 4);
    let users = client
        .all::<ListExternalUsers>(&(), &UserListParams::default())
        .await
        .unwrap();
    let expected: Vec<String> = (0..total).map(|i| format!("user{i}@example.org")).collect();
    assert_eq!(emails(&users), expected);
    assert_eq!(server.count(PATH), 37);
    // Every page asked once.
    let mut offsets: Vec<u64> = server
        .seen()
        .iter()
        .map(|s| s.query("offset").unwrap().parse().unwrap())
        .collect();
    offsets.sort_unstable();
    assert_eq!(offsets, (0..37).map(|p| p * 10).collect::<Vec<_>>());
}

#[tokio::test]
async fn a_next_link_to_another_host_is_never_contacted() {
    let other = TestServer::start(|_, _| Reply::json(500, json!({}))).await;
    let server = TestServer::start(listing(25, other.base_url())).await;
    let client = client(&server, 10, 1);
    let users = client
        .all::<ListExternalUsers>(&(), &UserListParams::default())
        .await
        .unwrap();
    assert_eq!(users.len(), 25);
    assert!(other.seen().is_empty(), "the foreign host was contacted");
    assert_eq!(server.count(PATH), 3);
}

#[tokio::test]
async fn filters_of_the_original_request_are_kept_on_every_page() {
    let server = TestServer::start(listing(30, "https://elsewhere.invalid".to_owned())).await;
    let client = client(&server, 10, 2);
    let params = UserListParams {
        search: Some("smith".to_owned()),
        user_type: Some("provider".to_owned()),
        offset: Some(999),
        ..UserListParams::default()
    };
    client.all::<ListExternalUsers>(&(), &params).await.unwrap();
    for seen in server.seen() {
        assert_eq!(seen.query("search"), Some("smith"));
        assert_eq!(seen.query("user_type"), Some("provider"));
        assert_ne!(seen.query("offset"), Some("999"));
        assert_eq!(seen.header("x-api-key"), Some("k"));
    }
}

#[tokio::test]
async fn a_repeated_next_link_ends_with_an_error_not_a_loop() {
    // count 0 forces sequential mode; every page points back at offset 10.
    let server = TestServer::start(|seen, _| {
        let offset: u64 = seen.query("offset").unwrap().parse().unwrap();
        Reply::json(200, json!({"count": 0, "next": format!("http://x{PATH}?offset=10&limit=10"), "previous": null, "results": [user(offset)]}))
    })
    .await;
    let client = client(&server, 10, 4);
    let err = client
        .all::<ListExternalUsers>(&(), &UserListParams::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, assured_core::Error::Pagination { .. }),
        "{err:?}"
    );
    // Offset 0, offset 10, then the repeated link to 10 is refused unsent.
    assert_eq!(server.count(PATH), 2);
}

#[tokio::test]
async fn an_empty_page_that_announces_more_ends_with_an_error() {
    let server = TestServer::start(|seen, _| {
        let offset: u64 = seen.query("offset").unwrap().parse().unwrap();
        let results = if offset == 0 { vec![user(0)] } else { vec![] };
        Reply::json(200, json!({"count": 0, "next": format!("http://x{PATH}?offset={}", offset + 1), "previous": null, "results": results}))
    })
    .await;
    let client = client(&server, 1, 4);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    assert!(stream.next().await.unwrap().is_ok());
    let err = stream.next().await.unwrap().unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn shifted_pages_do_not_duplicate_records_and_a_shortfall_is_reported() {
    // Page 2 repeats the last record of page 1 (a record was inserted), and
    // the listing ends one short of count.
    let server = TestServer::start(|seen, _| {
        let offset: u64 = seen.query("offset").unwrap().parse().unwrap();
        let (results, next) = match offset {
            0 => (vec![user(0), user(1), user(2)], Some(3)),
            3 => (vec![user(2), user(3), user(4)], None),
            // count still says 7: the engine asks for the last page, now empty.
            _ => (vec![], None),
        };
        let next = next.map(|n| format!("http://x{PATH}?offset={n}&limit=3"));
        Reply::json(
            200,
            json!({"count": 7, "next": next, "previous": null, "results": results}),
        )
    })
    .await;
    let client = client(&server, 3, 4);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let mut got = Vec::new();
    while let Some(user) = stream.try_next().await.unwrap() {
        got.push(user);
    }
    assert_eq!(
        emails(&got),
        (0..5)
            .map(|i| format!("user{i}@example.org"))
            .collect::<Vec<_>>()
    );
    assert_eq!(stream.duplicates_skipped(), 1);
    assert_eq!(stream.expected_count(), Some(7));
    assert_eq!(stream.shortfall(), Some(2));
}

#[tokio::test]
async fn a_failed_page_ends_the_stream_and_the_listing_resumes_where_it_stopped() {
    let fail = Arc::new(AtomicUsize::new(1));
    let fail_in_server = Arc::clone(&fail);
    let inner = listing(50, "http://x".to_owned());
    let server = TestServer::start(move |seen, index| {
        if seen.query("offset") == Some("30") && fail_in_server.load(Ordering::SeqCst) == 1 {
            return Reply::json(500, json!({"detail": "page 3 broke"}));
        }
        inner(seen, index)
    })
    .await;
    let client = client(&server, 10, 2);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let mut got = Vec::new();
    let err = loop {
        match stream.next().await.unwrap() {
            Ok(user) => got.push(user),
            Err(err) => break err,
        }
    };
    assert_eq!(err.status(), Some(500));
    assert_eq!(
        got.len(),
        30,
        "records before the failed page are all delivered"
    );
    assert_eq!(stream.resume_offset(), 30);
    assert!(stream.next().await.is_none());

    fail.store(0, Ordering::SeqCst);
    let rest: Vec<_> = client
        .stream_from::<ListExternalUsers>(&(), &UserListParams::default(), stream.resume_offset())
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    got.extend(rest);
    assert_eq!(
        emails(&got),
        (0..50)
            .map(|i| format!("user{i}@example.org"))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn streams_are_static_and_can_be_spawned() {
    let server = TestServer::start(listing(12, "http://x".to_owned())).await;
    let stream = client(&server, 5, 2)
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let handle = tokio::spawn(async move { stream.try_collect::<Vec<_>>().await });
    assert_eq!(handle.await.unwrap().unwrap().len(), 12);
}
