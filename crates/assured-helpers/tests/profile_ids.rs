//! Account id → profile id resolution against the mock.
#![allow(missing_docs)]

mod support;

use assured_helpers::HelperError;
use assured_models::catalog::GetPersonalInfo;
use assured_models::{AccountId, ProfileId};
use support::{account, builder, helpers, mock, profile};

#[tokio::test]
async fn resolving_the_same_account_again_sends_no_request() {
    let mock = mock(5).await;
    let helpers = helpers(&mock);
    let account = account(&mock, 3);
    assert_eq!(
        helpers.get_profile_id(&account).await.unwrap(),
        profile(&mock, 3)
    );
    assert_eq!(mock.count("PV1"), 1);
    let query = mock.last_request("PV1").unwrap().query_pairs();
    assert!(
        query.contains(&("id_in".to_owned(), account.to_string())),
        "{query:?}"
    );
    // Again, and through a clone: the cache is shared.
    assert_eq!(
        helpers.get_profile_id(&account).await.unwrap(),
        profile(&mock, 3)
    );
    assert_eq!(
        helpers.clone().get_profile_id(&account).await.unwrap(),
        profile(&mock, 3)
    );
    assert_eq!(mock.stats().total, 1);
}

#[tokio::test]
async fn many_accounts_resolve_in_chunks_of_id_in() {
    let mock = mock(25).await;
    let helpers = builder(&mock).id_chunk_size(10).build().unwrap();
    let mut accounts: Vec<AccountId> = (0..25).map(|i| account(&mock, i)).collect();
    // A repeated id is resolved once and answered twice.
    accounts.push(accounts[4]);
    let profiles = helpers.get_profile_ids(&accounts).await.unwrap();
    let expected: Vec<ProfileId> = (0..25)
        .map(|i| profile(&mock, i))
        .chain([profile(&mock, 4)])
        .collect();
    assert_eq!(profiles, expected);
    assert_eq!(mock.count("PV1"), 3);
    // The last chunk: the five remaining ids, in one page sized for them.
    let last = mock.last_request("PV1").unwrap().query_pairs();
    insta::assert_debug_snapshot!("last_id_in_chunk", last);
    let id_in = last.iter().find(|(key, _)| key == "id_in").unwrap();
    let expected: Vec<String> = (20..25).map(|i| account(&mock, i).to_string()).collect();
    assert_eq!(id_in.1, expected.join(","));

    // Nothing to resolve, nothing sent.
    assert!(helpers.get_profile_ids(&[]).await.unwrap().is_empty());
    // Everything is cached now, one at a time or in a batch.
    helpers.get_profile_ids(&accounts[..7]).await.unwrap();
    helpers.get_profile_id(&accounts[20]).await.unwrap();
    assert_eq!(mock.stats().total, 3);
}

#[tokio::test]
async fn an_unknown_account_is_a_not_found_error_naming_it() {
    let mock = mock(3).await;
    let helpers = helpers(&mock);
    let unknown: AccountId = "0b6c2d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e".parse().unwrap();
    let err = helpers.get_profile_id(&unknown).await.unwrap_err();
    assert!(err.is_not_found());
    assert!(
        matches!(&err, HelperError::AccountNotFound { accounts } if accounts == &[unknown]),
        "{err:?}"
    );
    assert!(err.to_string().contains(&unknown.to_string()), "{err}");
    assert_eq!(mock.count("PV1"), 1);

    // In a batch, only the unknown one is named; the known ones are cached.
    let known = account(&mock, 1);
    let err = helpers
        .get_profile_ids(&[known, unknown])
        .await
        .unwrap_err();
    assert!(matches!(&err, HelperError::AccountNotFound { accounts } if accounts == &[unknown]));
    assert_eq!(
        helpers.get_profile_id(&known).await.unwrap(),
        profile(&mock, 1)
    );
    assert_eq!(mock.count("PV1"), 2);
}

#[tokio::test]
async fn the_account_id_hint_of_the_core_names_the_helper_that_fixes_it() {
    let mock = mock(3).await;
    let helpers = helpers(&mock);
    let account = account(&mock, 0);
    let forced = ProfileId::from_uuid(*account.as_uuid());
    let err = helpers
        .client()
        .call::<GetPersonalInfo>(&forced, &(), &())
        .await
        .unwrap_err();
    assert!(err.hint().unwrap().contains("get_profile_id"), "{err}");
    let profile = helpers.get_profile_id(&account).await.unwrap();
    let info = helpers
        .client()
        .call::<GetPersonalInfo>(&profile, &(), &())
        .await
        .unwrap();
    assert_eq!(info.id, profile);
}

#[tokio::test]
async fn an_npi_index_refresh_also_fills_the_profile_id_cache() {
    let mock = mock(30).await;
    let helpers = helpers(&mock);
    helpers.get_by_npi(&support::npi(&mock, 7)).await.unwrap();
    let listed = mock.stats().total;
    assert_eq!(
        helpers.get_profile_id(&account(&mock, 29)).await.unwrap(),
        profile(&mock, 29)
    );
    assert_eq!(mock.stats().total, listed);
}

#[tokio::test]
async fn a_chunk_size_out_of_range_is_refused() {
    let mock = mock(1).await;
    for size in [0, 1001] {
        let err = builder(&mock).id_chunk_size(size).build().unwrap_err();
        assert!(err.is_invalid_input(), "{err}");
    }
    assert!(builder(&mock).max_upload_bytes(0).build().is_err());
    assert_eq!(mock.stats().total, 0);
}

#[tokio::test]
async fn get_provider_reads_one_account_and_caches_its_profile_id() {
    let mock = mock(5).await;
    let helpers = helpers(&mock);
    let account = account(&mock, 2);
    let provider = helpers.get_provider(&account).await.unwrap();
    assert_eq!(provider.id, account);
    assert_eq!(provider.provider_profile_id, Some(profile(&mock, 2)));
    assert_eq!(mock.count("PV1"), 1);
    // The profile id came with the record.
    assert_eq!(
        helpers.get_profile_id(&account).await.unwrap(),
        profile(&mock, 2)
    );
    assert_eq!(mock.stats().total, 1);

    let unknown: AccountId = "0b6c2d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e".parse().unwrap();
    let err = helpers.get_provider(&unknown).await.unwrap_err();
    assert!(
        matches!(&err, HelperError::AccountNotFound { accounts } if accounts == &[unknown]),
        "{err:?}"
    );
}
