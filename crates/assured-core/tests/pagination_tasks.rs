//! Page fetches of a listing run as tasks of their own: they progress while
//! the consumer is busy, hold no permit the consumer's own calls need, are
//! prefetched while the first page is consumed, and are aborted when the
//! stream is dropped or fails. Against an in-memory transport under Tokio's
//! paused clock: no real sleeps, and a deadlock fails at once (the clock
//! jumps to the guard's deadline as soon as nothing can run).
#![allow(missing_docs)]

mod support;

use std::time::Duration;

use assured_core::{Client, Config, RequestOptions, RetryPolicy};
use assured_models::catalog::{Endpoint, GetLoggedInUser, ListExternalUsers};
use assured_models::models::users::{User, UserListParams};
use futures_util::{StreamExt as _, TryStreamExt as _};
use serde_json::json;
use support::Reply;
use support::memory::{Memory, Pace};

const PATH: &str = ListExternalUsers::DESCRIPTOR.path;
const ME: &str = GetLoggedInUser::DESCRIPTOR.path;

fn user(index: u64) -> serde_json::Value {
    json!({"id": uuid::Uuid::from_u128(u128::from(index) + 1).to_string(), "email": format!("user{index}@example.org")})
}

/// The page at the request's offset of a list of `total` users, or the
/// logged-in user for [`ME`].
fn answer(seen: &support::Seen, total: u64) -> Reply {
    if seen.path == ME {
        return Reply::json(200, user(999));
    }
    let offset: u64 = seen.query("offset").unwrap().parse().unwrap();
    let limit: u64 = seen.query("limit").unwrap().parse().unwrap();
    let end = (offset + limit).min(total);
    let next = (end < total)
        .then(|| format!("https://elsewhere.invalid{PATH}?limit={limit}&offset={end}"));
    Reply::json(
        200,
        json!({"count": total, "next": next, "previous": null, "results": (offset..end).map(user).collect::<Vec<_>>()}),
    )
}

fn config() -> assured_core::ConfigBuilder {
    Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k")
        .retry_policy(RetryPolicy::default().max_attempts(1))
}

fn emails(users: &[User]) -> Vec<String> {
    users.iter().map(|u| u.email.clone().unwrap()).collect()
}

fn expected_emails(total: u64) -> Vec<String> {
    (0..total).map(|i| format!("user{i}@example.org")).collect()
}

/// Far longer than anything here takes on the paused clock: reaching it
/// means nothing could make progress.
const DEADLOCK: Duration = Duration::from_secs(3600);

#[tokio::test(start_paused = true)]
async fn a_call_inside_the_consuming_loop_gets_a_permit_with_one_in_flight_and_four_pages_at_once()
{
    // Replies take a moment, as over a network: pages wait for the one
    // permit together.
    let memory = Memory::new(|seen, _| {
        let pace = Pace::Steps {
            steps: 1,
            each: Duration::from_millis(10),
        };
        (answer(seen, 6), pace)
    });
    let client = Client::with_transport(
        config()
            .max_in_flight(1)
            .page_concurrency(1)
            .page_size(1)
            .build()
            .unwrap(),
        memory.clone(),
    )
    .with_options(RequestOptions::default().page_concurrency(4))
    .unwrap();
    let run = async {
        let mut stream = client
            .stream::<ListExternalUsers>(&(), &UserListParams::default())
            .unwrap();
        let mut got = Vec::new();
        while let Some(user) = stream.try_next().await.unwrap() {
            client.call::<GetLoggedInUser>(&(), &(), &()).await.unwrap();
            got.push(user);
        }
        got
    };
    let got = tokio::time::timeout(DEADLOCK, run)
        .await
        .expect("the call inside the loop never got a permit (deadlock)");
    assert_eq!(emails(&got), expected_emails(6));
    assert_eq!(memory.count(PATH), 6);
    assert_eq!(memory.count(ME), 6);
}

#[tokio::test(start_paused = true)]
async fn a_consumer_slower_than_the_timeout_does_not_time_out_healthy_fetches() {
    // Page k's reply arrives in k + 1 steps of 100 ms (at most 500 ms, well
    // inside the 1 s timeout), so the pages finish at different times; the
    // consumer spends 5 s on every record. No retries: a timeout would be
    // the stream's error.
    let memory = Memory::new(|seen, _| {
        let offset: u32 = seen.query("offset").unwrap().parse().unwrap();
        let pace = Pace::Steps {
            steps: offset / 2 + 1,
            each: Duration::from_millis(100),
        };
        (answer(seen, 10), pace)
    });
    let client = Client::with_transport(
        config()
            .timeout(Duration::from_secs(1))
            .page_size(2)
            .page_concurrency(4)
            .build()
            .unwrap(),
        memory.clone(),
    );
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let mut got = Vec::new();
    while let Some(user) = stream.try_next().await.unwrap() {
        tokio::time::sleep(Duration::from_secs(5)).await;
        got.push(user);
    }
    assert_eq!(emails(&got), expected_emails(10));
    assert_eq!(memory.count(PATH), 5, "one request per page, none retried");
}

#[tokio::test]
async fn the_rest_is_prefetched_while_the_first_page_is_consumed() {
    let memory = Memory::new(|seen, _| (answer(seen, 50), Pace::Now));
    let client = Client::with_transport(
        config().page_size(10).page_concurrency(4).build().unwrap(),
        memory.clone(),
    );
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    // One record taken, nine of the first page still unread.
    stream.next().await.unwrap().unwrap();
    for _ in 0..1000 {
        if memory.count(PATH) == 5 {
            break;
        }
        tokio::task::yield_now().await;
    }
    assert_eq!(
        memory.count(PATH),
        5,
        "pages 2 to 5 are requested before page 1 is consumed"
    );
    let rest: Vec<User> = stream.try_collect().await.unwrap();
    assert_eq!(rest.len(), 49);
    assert_eq!(memory.count(PATH), 5);
}

/// Yields until the transport has no reply future alive, or gives up.
async fn settle(memory: &Memory) {
    for _ in 0..1000 {
        if memory.alive() == 0 {
            return;
        }
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn dropping_the_stream_aborts_the_fetches_in_flight() {
    // Page 1 answers; the other pages never do.
    let memory = Memory::new(|seen, _| {
        let pace = if seen.query("offset") == Some("0") {
            Pace::Now
        } else {
            Pace::Never
        };
        (answer(seen, 40), pace)
    });
    let client = Client::with_transport(
        config().page_size(10).page_concurrency(3).build().unwrap(),
        memory.clone(),
    );
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    stream.next().await.unwrap().unwrap();
    for _ in 0..1000 {
        if memory.count(PATH) == 4 {
            break;
        }
        tokio::task::yield_now().await;
    }
    assert_eq!(memory.count(PATH), 4);
    assert_eq!(memory.alive(), 3, "three pages in flight");
    drop(stream);
    settle(&memory).await;
    assert_eq!(
        memory.alive(),
        0,
        "the fetches were aborted with the stream"
    );
    assert_eq!(memory.count(PATH), 4);
}

#[tokio::test]
async fn a_failed_page_yields_its_error_then_nothing_and_aborts_the_pages_after_it() {
    // Page 2 fails; pages 3 and 4 never answer.
    let memory = Memory::new(|seen, _| match seen.query("offset") {
        Some("0") => (answer(seen, 40), Pace::Now),
        Some("10") => (
            Reply::json(500, json!({"detail": "page 2 broke"})),
            Pace::Now,
        ),
        _ => (answer(seen, 40), Pace::Never),
    });
    let client = Client::with_transport(
        config().page_size(10).page_concurrency(3).build().unwrap(),
        memory.clone(),
    );
    let mut stream = client
        .stream::<ListExternalUsers>(&(), &UserListParams::default())
        .unwrap();
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(item);
    }
    assert_eq!(items.len(), 11, "ten records, then the error, then the end");
    assert!(items[..10].iter().all(Result::is_ok));
    assert_eq!(items[10].as_ref().unwrap_err().status(), Some(500));
    assert_eq!(stream.resume_offset(), 10);
    assert_eq!(memory.count(PATH), 4);
    settle(&memory).await;
    assert_eq!(memory.alive(), 0, "the pages after the error were aborted");
}
