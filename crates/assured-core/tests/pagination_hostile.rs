//! The pagination engine against servers that page wrongly: every listing
//! ends after a bounded, exact number of requests, with a typed error where
//! the server misbehaved, and never yields a record after an error.
#![allow(missing_docs)]

mod support;

use std::sync::Arc;

use assured_core::{Client, Config, Error, RetryPolicy};
use assured_models::catalog::{Endpoint, GetTaskTimeline, ListExternalUsers};
use assured_models::ids::TaskId;
use assured_models::models::tasks::TaskTimelineParams;
use assured_models::models::users::{User, UserListParams};
use futures_util::{StreamExt as _, TryStreamExt as _};
use serde_json::json;
use support::{Reply, Seen, TestServer};

const PATH: &str = ListExternalUsers::DESCRIPTOR.path;
const TRILLION: u64 = 1_000_000_000_000;
/// A test server answers 400 from this request on: an engine that keeps
/// asking ends with that error instead of running for ever.
const CUTOFF: usize = 50;

fn user(index: u64) -> serde_json::Value {
    json!({"id": uuid::Uuid::from_u128(u128::from(index) + 1).to_string(), "email": format!("user{index}@example.org")})
}

fn page(count: u64, next: Option<String>, results: Vec<serde_json::Value>) -> Reply {
    let mut body = json!({"count": count, "previous": null});
    body["next"] = next.into();
    body["results"] = results.into();
    Reply::json(200, body)
}

fn link(offset: u64, limit: u64) -> String {
    format!("https://elsewhere.invalid{PATH}?limit={limit}&offset={offset}")
}

fn query(seen: &Seen, name: &str) -> u64 {
    seen.query(name).unwrap().parse().unwrap()
}

/// `handler`, until the cutoff.
async fn server(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> TestServer {
    TestServer::start(move |seen, index| {
        if index >= CUTOFF {
            return Reply::json(400, json!({"detail": "test cutoff"}));
        }
        handler(seen)
    })
    .await
}

fn client(server: &TestServer, page_size: u32, concurrency: usize) -> Client {
    Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("k")
            .page_size(page_size)
            .page_concurrency(concurrency)
            .retry_policy(RetryPolicy::default().max_attempts(1))
            .build()
            .unwrap(),
    )
    .unwrap()
}

/// Every item of a listing, errors included.
async fn items(client: &Client) -> Vec<Result<User, Error>> {
    client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap()
        .collect()
        .await
}

fn emails(items: &[Result<User, Error>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|u| u.email.clone().unwrap())
        .collect()
}

fn expected_emails(range: std::ops::Range<u64>) -> Vec<String> {
    range.map(|i| format!("user{i}@example.org")).collect()
}

/// The last item is a pagination error whose message contains `words`.
fn assert_ends_with_pagination_error(items: &[Result<User, Error>], words: &str) {
    let (last, before) = items.split_last().unwrap();
    assert!(before.iter().all(Result::is_ok), "an error before the end");
    match last {
        Err(err @ Error::Pagination { .. }) => {
            assert!(err.to_string().contains(words), "{err}");
        }
        other => panic!("expected a pagination error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_count_of_a_trillion_then_empty_pages_ends_at_the_first_empty_page() {
    let server = server(|seen| {
        let offset = query(seen, "offset");
        let results = if offset == 0 {
            vec![user(0), user(1)]
        } else {
            vec![]
        };
        page(TRILLION, Some(link(offset + 2, 2)), results)
    })
    .await;
    let items = items(&client(&server, 2, 1)).await;
    assert_eq!(emails(&items), expected_emails(0..2));
    assert_ends_with_pagination_error(&items, "empty");
    assert_eq!(server.count(PATH), 2);
}

#[tokio::test]
async fn with_four_pages_at_once_the_empty_pages_cost_exactly_those_four_requests() {
    // The four pages asked together are answered together (none can be
    // aborted unsent), so the count is exact.
    let barrier = Arc::new(tokio::sync::Barrier::new(4));
    let server = TestServer::start_async(move |seen, index| {
        let barrier = Arc::clone(&barrier);
        Box::pin(async move {
            let offset = query(&seen, "offset");
            if index >= 5 {
                return Reply::json(400, json!({"detail": "test cutoff"}));
            }
            if offset > 0 {
                barrier.wait().await;
            }
            let results = if offset == 0 {
                vec![user(0), user(1)]
            } else {
                vec![]
            };
            page(TRILLION, Some(link(offset + 2, 2)), results)
        })
    })
    .await;
    let items = items(&client(&server, 2, 4)).await;
    assert_eq!(emails(&items), expected_emails(0..2));
    assert_ends_with_pagination_error(&items, "empty");
    assert_eq!(server.count(PATH), 5);
}

#[tokio::test]
async fn a_server_that_ignores_offset_is_stopped_at_the_first_repeated_page() {
    let server = server(|seen| {
        let offset = query(seen, "offset");
        page(TRILLION, Some(link(offset + 2, 2)), vec![user(0), user(1)])
    })
    .await;
    let client = client(&server, 2, 1);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(item);
    }
    assert_eq!(emails(&items), expected_emails(0..2));
    assert_ends_with_pagination_error(&items, "only repeats records");
    assert_eq!(server.count(PATH), 2);
    assert_eq!(stream.duplicates_skipped(), 2);
}

#[tokio::test]
async fn one_record_repeated_with_next_at_offset_plus_one_ends_after_one_repeat() {
    // No count (sequential mode): every page is user 0, `next` one further.
    let server =
        server(|seen| page(0, Some(link(query(seen, "offset") + 1, 1)), vec![user(0)])).await;
    let items = items(&client(&server, 1, 4)).await;
    assert_eq!(emails(&items), expected_emails(0..1));
    assert_ends_with_pagination_error(&items, "only repeats records");
    assert_eq!(server.count(PATH), 2);
}

#[tokio::test]
async fn a_next_link_that_goes_back_ends_with_an_error() {
    let server = server(|seen| {
        let offset = query(seen, "offset");
        let next = if offset == 0 { 5 } else { 3 };
        page(
            0,
            Some(link(next, 5)),
            (offset..offset + 5).map(user).collect(),
        )
    })
    .await;
    let items = items(&client(&server, 5, 2)).await;
    assert_eq!(emails(&items), expected_emails(0..10));
    assert_ends_with_pagination_error(&items, "pagination loop");
    assert_eq!(server.count(PATH), 2);
}

#[tokio::test]
async fn a_next_link_to_the_largest_offset_is_an_error_not_an_overflow() {
    // Sequential: the page at u64::MAX has two records, the second of
    // which would sit past the largest offset.
    let server = server(|seen| match query(seen, "offset") {
        0 => page(0, Some(link(u64::MAX, 1)), vec![user(0)]),
        _ => page(0, None, vec![user(1), user(2)]),
    })
    .await;
    let client = client(&server, 1, 4);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(item);
    }
    assert_eq!(emails(&items), expected_emails(0..2));
    assert_ends_with_pagination_error(&items, "largest offset");
    assert_eq!(
        server.seen()[1].query("offset"),
        Some("18446744073709551615")
    );
    assert_eq!(server.count(PATH), 2);
    assert_eq!(stream.resume_offset(), u64::MAX);
}

#[tokio::test]
async fn a_count_near_the_largest_offset_schedules_without_overflow() {
    // Concurrent: count u64::MAX and a `next` five short of it; the only
    // page there is short and ends the list.
    let server = server(|seen| match query(seen, "offset") {
        0 => page(
            u64::MAX,
            Some(link(u64::MAX - 5, 10)),
            (0..10).map(user).collect(),
        ),
        _ => page(u64::MAX, None, (10..13).map(user).collect()),
    })
    .await;
    let items = items(&client(&server, 10, 4)).await;
    assert_eq!(emails(&items), expected_emails(0..13));
    assert!(items.iter().all(Result::is_ok));
    assert_eq!(server.count(PATH), 2);
    assert_eq!(
        server.seen()[1].query("offset").map(str::to_owned),
        Some((u64::MAX - 5).to_string())
    );
}

#[tokio::test]
async fn pages_past_twice_what_count_announced_end_with_an_error() {
    // count says 3, but every page has a fresh record and a `next`.
    let server = server(|seen| {
        let offset = query(seen, "offset");
        page(3, Some(link(offset + 1, 1)), vec![user(offset)])
    })
    .await;
    let items = items(&client(&server, 1, 4)).await;
    // Three announced pages, three more for growth, then a refusal.
    assert_eq!(emails(&items), expected_emails(0..6));
    assert_ends_with_pagination_error(&items, "twice as many pages");
    assert_eq!(server.count(PATH), 6);
}

#[tokio::test]
async fn a_page_without_next_ends_the_listing_before_the_pages_count_announced() {
    let server = server(|seen| {
        let offset = query(seen, "offset");
        match offset {
            0 => page(TRILLION, Some(link(3, 3)), (0..3).map(user).collect()),
            _ => page(TRILLION, None, (3..5).map(user).collect()),
        }
    })
    .await;
    let client = client(&server, 3, 1);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let got: Vec<User> = (&mut stream).try_collect().await.unwrap();
    assert_eq!(got.len(), 5);
    assert_eq!(server.count(PATH), 2);
    assert_eq!(stream.shortfall(), Some(TRILLION - 5));
}

#[tokio::test]
async fn a_bad_record_yields_the_records_before_it_then_the_error_then_nothing() {
    let server = server(|_| {
        page(
            3,
            None,
            vec![user(0), json!({"id": "not-a-uuid", "email": 5}), user(2)],
        )
    })
    .await;
    let client = client(&server, 10, 4);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let first = stream.next().await.unwrap();
    assert_eq!(first.unwrap().email.as_deref(), Some("user0@example.org"));
    let err = stream.next().await.unwrap().unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(stream.next().await.is_none());
    assert!(stream.next().await.is_none());
    assert_eq!(stream.yielded(), 1);
    assert_eq!(stream.resume_offset(), 1, "resume at the bad record");
    assert_eq!(server.count(PATH), 1);
}

#[tokio::test]
async fn an_unusable_next_link_comes_after_the_records_of_its_page() {
    let server = server(|_| {
        page(
            0,
            Some("https://elsewhere.invalid/?limit=2".to_owned()),
            vec![user(0), user(1)],
        )
    })
    .await;
    let items = items(&client(&server, 2, 4)).await;
    assert_eq!(items.len(), 3);
    assert_eq!(emails(&items), expected_emails(0..2));
    assert_ends_with_pagination_error(&items, "no usable offset");
    assert_eq!(server.count(PATH), 1);
}

#[tokio::test]
async fn de_duplication_remembers_recent_pages_only() {
    // One page at a time, so the window is the pages that may be held at
    // once (four per page in flight) plus one. The record of page 8 that
    // reuses page 1's id is far outside it: it is not taken for a shifted
    // duplicate (and the engine does not keep every id it saw).
    let server = server(|seen| {
        let offset = query(seen, "offset");
        let results = match offset {
            14 => vec![
                json!({"id": uuid::Uuid::from_u128(1).to_string(), "email": "again@example.org"}),
                user(15),
            ],
            _ => vec![user(offset), user(offset + 1)],
        };
        page(16, (offset < 14).then(|| link(offset + 2, 2)), results)
    })
    .await;
    let client = client(&server, 2, 1);
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let got: Vec<User> = (&mut stream).try_collect().await.unwrap();
    assert_eq!(got.len(), 16);
    assert_eq!(got[14].email.as_deref(), Some("again@example.org"));
    assert_eq!(stream.duplicates_skipped(), 0);
    assert_eq!(stream.shortfall(), Some(0));
    assert_eq!(server.count(PATH), 8);
}

/// A server capping pages at 7 records, whatever `limit` asks; its `next`
/// links carry `link_limit` (or the limit asked for).
fn capped(total: u64, link_limit: Option<u64>) -> impl Fn(&Seen) -> Reply + Send + Sync {
    move |seen| {
        let offset = query(seen, "offset");
        let limit = query(seen, "limit").min(7);
        let end = (offset + limit).min(total);
        let next = (end < total).then(|| link(end, link_limit.unwrap_or(query(seen, "limit"))));
        page(total, next, (offset..end).map(user).collect())
    }
}

fn limits_after_the_first(server: &TestServer) -> Vec<String> {
    server.seen()[1..]
        .iter()
        .map(|s| s.query("limit").unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_server_capping_the_page_size_is_paged_by_its_cap_and_the_limit_of_its_links() {
    let server = server(capped(40, Some(7))).await;
    let items = items(&client(&server, 10, 3)).await;
    assert_eq!(emails(&items), expected_emails(0..40));
    // Offsets 0, 7, ..., 35: six pages, each asked for once.
    assert_eq!(server.count(PATH), 6);
    let mut offsets: Vec<u64> = server.seen().iter().map(|s| query(s, "offset")).collect();
    offsets.sort_unstable();
    assert_eq!(offsets, [0, 7, 14, 21, 28, 35]);
    assert_eq!(server.seen()[0].query("limit"), Some("10"));
    assert_eq!(limits_after_the_first(&server), ["7"; 5]);
}

#[tokio::test]
async fn a_capped_server_whose_links_echo_the_limit_asked_is_paged_by_the_cap() {
    let server = server(capped(40, None)).await;
    let items = items(&client(&server, 10, 3)).await;
    assert_eq!(emails(&items), expected_emails(0..40));
    assert_eq!(server.count(PATH), 6);
    assert_eq!(limits_after_the_first(&server), ["7"; 5]);
}

#[tokio::test]
async fn links_followed_one_by_one_use_the_limit_they_name() {
    // No count: link by link; the links ask for pages of 4.
    let server = server(|seen| {
        let offset = query(seen, "offset");
        let limit = query(seen, "limit");
        let end = (offset + limit).min(12);
        page(
            0,
            (end < 12).then(|| link(end, 4)),
            (offset..end).map(user).collect(),
        )
    })
    .await;
    let items = items(&client(&server, 10, 4)).await;
    assert_eq!(emails(&items), expected_emails(0..12));
    assert_eq!(server.count(PATH), 2);
    assert_eq!(limits_after_the_first(&server), ["4"]);
}

fn timeline_entry(n: u128) -> serde_json::Value {
    json!({"id": uuid::Uuid::from_u128(n).to_string(), "action": format!("step {n}")})
}

#[tokio::test]
async fn a_task_timeline_is_listed_from_a_bare_array() {
    let server = server(|_| Reply::json(200, json!([timeline_entry(1), timeline_entry(2)]))).await;
    let task = TaskId::from_uuid(uuid::Uuid::from_u128(77));
    let entries = client(&server, 10, 4)
        .all::<GetTaskTimeline>(&task, &TaskTimelineParams::default())
        .await
        .unwrap();
    let actions: Vec<_> = entries.iter().map(|e| e.action.clone().unwrap()).collect();
    assert_eq!(actions, ["step 1", "step 2"]);
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn a_task_timeline_is_listed_from_paged_envelopes() {
    let server = server(|seen| {
        let offset = query(seen, "offset");
        let results: Vec<_> = (offset..(offset + 2).min(3))
            .map(|n| timeline_entry(u128::from(n) + 1))
            .collect();
        let next =
            (offset == 0).then(|| "https://elsewhere.invalid/x/?offset=2&limit=2".to_owned());
        Reply::json(
            200,
            json!({"count": 3, "next": next, "previous": null, "results": results}),
        )
    })
    .await;
    let task = TaskId::from_uuid(uuid::Uuid::from_u128(77));
    let entries = client(&server, 2, 4)
        .all::<GetTaskTimeline>(&task, &TaskTimelineParams::default())
        .await
        .unwrap();
    let actions: Vec<_> = entries.iter().map(|e| e.action.clone().unwrap()).collect();
    assert_eq!(actions, ["step 1", "step 2", "step 3"]);
    assert_eq!(server.seen().len(), 2);
}
