//! NPI lookup through the cached, single-flight index, against the mock.
#![allow(missing_docs)]

mod support;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use assured_helpers::{HelperError, NpiCheck};
use assured_mock::{Faults, MockServer};
use serde_json::json;
use support::{account, builder, failing, helpers, mock, npi, slow};
use tokio::sync::Barrier;

/// 250 providers in pages of 100: one listing is 3 requests.
const PROVIDERS: u32 = 250;
const LISTING: u64 = 3;

/// A valid NPI that no provider of `mock` has.
fn unused_npi(mock: &MockServer) -> String {
    let taken: HashSet<String> = (0..PROVIDERS).map(|i| npi(mock, i)).collect();
    (100_000_000u32..200_000_000)
        .map(|payload| {
            let first_nine = payload.to_string();
            let check = assured_mock::npi_check_digit(&first_nine).unwrap();
            format!("{first_nine}{check}")
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap()
}

#[tokio::test]
async fn an_invalid_npi_is_refused_before_any_request() {
    let mock = mock(3).await;
    let strict = helpers(&mock);
    for bad in ["1234567890", "123456789", "12345678931", "12345a7893", ""] {
        let err = strict.get_by_npi(bad).await.unwrap_err();
        assert!(err.is_invalid_input(), "{bad}: {err}");
    }
    let err = strict
        .get_by_npis(&["1234567893", "1234567890"])
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err}");
    assert_eq!(mock.stats().total, 0);

    // Sandbox data fails the check digit: format-only lets it through.
    let relaxed = builder(&mock)
        .npi_check(NpiCheck::FormatOnly)
        .build()
        .unwrap();
    let err = relaxed.get_by_npi("1234567890").await.unwrap_err();
    assert!(
        matches!(&err, HelperError::NpiNotFound { npi } if npi == "1234567890"),
        "{err}"
    );
    assert!(
        relaxed
            .get_by_npi("123456789")
            .await
            .unwrap_err()
            .is_invalid_input()
    );
    assert_eq!(mock.count("PV1"), 1);
}

#[tokio::test]
async fn format_only_finds_sandbox_npis_that_fail_the_check_digit() {
    let mock = mock(3).await;
    let sandbox = support::provider(&mock, 2).profile_id;
    mock.with_state(|state| {
        let fields = json!({"individual_npi": "1234567890"})
            .as_object()
            .unwrap()
            .clone();
        assert!(state.set_personal_info(&sandbox, fields));
    });
    let strict = helpers(&mock);
    assert!(
        strict
            .get_by_npi("1234567890")
            .await
            .unwrap_err()
            .is_invalid_input()
    );
    assert_eq!(mock.stats().total, 0);
    let relaxed = builder(&mock)
        .npi_check(NpiCheck::FormatOnly)
        .build()
        .unwrap();
    assert_eq!(
        relaxed.get_by_npi("1234567890").await.unwrap().id,
        account(&mock, 2)
    );
    assert_eq!(mock.count("PV1"), 1);
}

#[tokio::test]
async fn within_the_ttl_every_lookup_hit_or_miss_sends_nothing() {
    let mock = mock(PROVIDERS).await;
    let helpers = helpers(&mock);
    let first = helpers.get_by_npi(&npi(&mock, 0)).await.unwrap();
    assert_eq!(first.id, account(&mock, 0));
    assert_eq!(mock.count("PV1"), LISTING);
    assert_eq!(mock.stats().total, LISTING);

    let missing = unused_npi(&mock);
    for index in (0..PROVIDERS).step_by(7) {
        let found = helpers.get_by_npi(&npi(&mock, index)).await.unwrap();
        assert_eq!(found.id, account(&mock, index));
        let err = helpers.get_by_npi(&missing).await.unwrap_err();
        assert!(err.is_not_found(), "{err}");
        assert!(err.to_string().contains(&missing), "{err}");
    }
    assert_eq!(mock.stats().total, LISTING);
}

#[tokio::test]
async fn ten_concurrent_cold_lookups_share_one_listing() {
    let mock = mock(PROVIDERS).await;
    let helpers = helpers(&mock);
    // Slow pages: every caller arrives while the first listing is running.
    slow(&mock, &["PV1"], Duration::from_millis(150));
    let barrier = Arc::new(Barrier::new(10));
    let lookups = (0..10).map(|i| {
        let helpers = helpers.clone();
        let barrier = Arc::clone(&barrier);
        let wanted = npi(&mock, i * 20);
        tokio::spawn(async move {
            barrier.wait().await;
            helpers.get_by_npi(&wanted).await
        })
    });
    for (i, lookup) in futures_util::future::join_all(lookups)
        .await
        .into_iter()
        .enumerate()
    {
        let index = u32::try_from(i).unwrap() * 20;
        assert_eq!(lookup.unwrap().unwrap().id, account(&mock, index));
    }
    assert_eq!(mock.count("PV1"), LISTING);
}

#[tokio::test]
async fn a_failed_refresh_fails_every_waiter_and_leaves_nothing_cached() {
    let mock = mock(PROVIDERS).await;
    let helpers = helpers(&mock);
    // 500 is not retried: the listing fails on its first page.
    mock.set_faults(Faults {
        latency: assured_mock::Latency::Fixed(Duration::from_millis(150)),
        ..failing_faults()
    });
    let barrier = Arc::new(Barrier::new(8));
    let lookups = (0..8).map(|i| {
        let helpers = helpers.clone();
        let barrier = Arc::clone(&barrier);
        let wanted = npi(&mock, i);
        tokio::spawn(async move {
            barrier.wait().await;
            helpers.get_by_npi(&wanted).await
        })
    });
    for lookup in futures_util::future::join_all(lookups).await {
        let err = lookup.unwrap().unwrap_err();
        let HelperError::NpiIndexRefresh(core) = &err else {
            panic!("{err:?}");
        };
        assert_eq!(core.status(), Some(500), "{err}");
    }
    assert_eq!(mock.count("PV1"), 1);

    // Nothing poisoned: the next lookup refreshes and succeeds.
    mock.set_faults(Faults::none());
    assert_eq!(
        helpers.get_by_npi(&npi(&mock, 3)).await.unwrap().id,
        account(&mock, 3)
    );
    assert_eq!(mock.count("PV1"), 1 + LISTING);
}

fn failing_faults() -> Faults {
    Faults {
        server_error_every: Some(1),
        server_error_status: 500,
        only_endpoints: vec!["PV1".to_owned()],
        ..Faults::default()
    }
}

#[tokio::test]
async fn an_npi_held_by_two_providers_is_reported_with_both_account_ids() {
    let mock = mock(5).await;
    let shared = npi(&mock, 1);
    let other = support::provider(&mock, 4).profile_id;
    mock.with_state(|state| {
        let fields = json!({"individual_npi": shared})
            .as_object()
            .unwrap()
            .clone();
        assert!(state.set_personal_info(&other, fields));
    });
    let helpers = helpers(&mock);
    let err = helpers.get_by_npi(&shared).await.unwrap_err();
    let HelperError::DuplicateNpi {
        npi: held,
        accounts,
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(held, &shared);
    assert_eq!(accounts, &[account(&mock, 1), account(&mock, 4)]);
    let shown = err.to_string();
    assert!(shown.contains(&account(&mock, 1).to_string()), "{shown}");
    assert!(shown.contains(&account(&mock, 4).to_string()), "{shown}");
    let batch = helpers
        .get_by_npis(&[npi(&mock, 0), shared])
        .await
        .unwrap_err();
    assert!(matches!(batch, HelperError::DuplicateNpi { .. }));
    assert_eq!(mock.count("PV1"), 1);
}

#[tokio::test]
async fn a_batch_lookup_answers_in_order_from_one_listing() {
    let mock = mock(PROVIDERS).await;
    let helpers = helpers(&mock);
    let missing = unused_npi(&mock);
    let found = helpers
        .get_by_npis(&[npi(&mock, 200), missing, npi(&mock, 0)])
        .await
        .unwrap();
    let ids: Vec<_> = found.iter().map(|p| p.as_ref().map(|p| p.id)).collect();
    assert_eq!(
        ids,
        [Some(account(&mock, 200)), None, Some(account(&mock, 0))]
    );
    assert_eq!(mock.count("PV1"), LISTING);
}

#[tokio::test]
async fn a_stale_or_invalidated_index_is_rebuilt_once_per_lookup() {
    let mock = mock(PROVIDERS).await;
    let always_stale = builder(&mock).npi_ttl(Duration::ZERO).build().unwrap();
    always_stale.get_by_npi(&npi(&mock, 1)).await.unwrap();
    always_stale.get_by_npi(&npi(&mock, 2)).await.unwrap();
    assert_eq!(mock.count("PV1"), 2 * LISTING);

    // A TTL that runs out between two lookups.
    mock.reset_stats();
    let short = builder(&mock)
        .npi_ttl(Duration::from_millis(100))
        .build()
        .unwrap();
    short.get_by_npi(&npi(&mock, 1)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(250)).await;
    short.get_by_npi(&npi(&mock, 2)).await.unwrap();
    assert_eq!(mock.count("PV1"), 2 * LISTING);

    mock.reset_stats();
    let cached = helpers(&mock);
    cached.get_by_npi(&npi(&mock, 1)).await.unwrap();
    cached.invalidate_npi_cache();
    cached.get_by_npi(&npi(&mock, 2)).await.unwrap();
    cached.get_by_npi(&npi(&mock, 3)).await.unwrap();
    assert_eq!(mock.count("PV1"), 2 * LISTING);
}

#[tokio::test]
async fn a_fresh_index_answers_even_while_the_server_fails() {
    let mock = mock(PROVIDERS).await;
    let helpers = helpers(&mock);
    helpers.get_by_npi(&npi(&mock, 0)).await.unwrap();
    failing(&mock, &["PV1"], 500);
    assert_eq!(
        helpers.get_by_npi(&npi(&mock, 249)).await.unwrap().id,
        account(&mock, 249)
    );
    assert_eq!(mock.count("PV1"), LISTING);
}
