//! Fetch-merge-patch of personal info against the mock.
#![allow(missing_docs)]

mod support;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use assured_helpers::HelperError;
use assured_models::Tristate;
use assured_models::catalog::CreateProvider;
use assured_models::models::provider_profile::ProviderPersonalInfoUpdate;
use assured_models::models::providers::ProviderCreate;
use serde_json::{Map, Value, json};
use support::{helpers, mock, profile, slow};
use tokio::sync::Barrier;

fn stored(
    mock: &assured_mock::MockServer,
    profile: &assured_models::ProfileId,
) -> Map<String, Value> {
    mock.with_state(|state| state.personal_info(&profile.to_string()))
        .unwrap()
}

/// Keys whose values differ between two records.
fn changed(before: &Map<String, Value>, after: &Map<String, Value>) -> BTreeSet<String> {
    before
        .keys()
        .chain(after.keys())
        .filter(|key| before.get(*key) != after.get(*key))
        .cloned()
        .collect()
}

#[tokio::test]
async fn updating_one_field_changes_exactly_that_field_and_updated_at() {
    let mock = mock(3).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 1);
    let before = stored(&mock, &profile);
    let update = ProviderPersonalInfoUpdate {
        home_city: Tristate::Value("Salem".to_owned()),
        ..ProviderPersonalInfoUpdate::default()
    };
    let info = helpers
        .update_personal_info(&profile, update)
        .await
        .unwrap();
    assert_eq!(info.home_city.as_deref(), Some("Salem"));
    assert_eq!(info.id, profile);

    let after = stored(&mock, &profile);
    assert_eq!(
        changed(&before, &after),
        BTreeSet::from(["home_city".to_owned(), "updated_at".to_owned()])
    );
    assert_eq!(mock.count("PP1"), 1);
    assert_eq!(mock.count("PP2"), 1);
    assert_eq!(mock.stats().total, 2);

    // The body: the whole record, no read-only key, no null.
    let body = mock.last_body("PP2").unwrap();
    let body = body.as_object().unwrap();
    for key in [
        "id",
        "ssn",
        "updated_at",
        "management_type",
        "personal_completion_info",
    ] {
        assert!(!body.contains_key(key), "{key} was sent");
    }
    assert!(body.values().all(|value| !value.is_null()));
    insta::assert_json_snapshot!("one_field_patch_body", body);
}

#[tokio::test]
async fn an_explicit_null_is_sent_and_unmodelled_fields_travel_unchanged() {
    let mock = mock(2).await;
    let profile = profile(&mock, 0);
    mock.with_state(|state| {
        let fields = json!({"fax_number": "555-0100", "field_from_the_future": {"tier": 2}});
        assert!(state.set_personal_info(&profile.to_string(), fields.as_object().unwrap().clone()));
    });
    let helpers = helpers(&mock);
    let update = ProviderPersonalInfoUpdate {
        fax_number: Tristate::Null,
        ..ProviderPersonalInfoUpdate::default()
    };
    let info = helpers
        .update_personal_info(&profile, update)
        .await
        .unwrap();
    assert_eq!(info.fax_number, None);
    let body = mock.last_body("PP2").unwrap();
    assert_eq!(body["fax_number"], Value::Null);
    assert_eq!(body["field_from_the_future"], json!({"tier": 2}));
    assert_eq!(stored(&mock, &profile)["fax_number"], Value::Null);
}

#[tokio::test]
async fn a_fresh_profile_must_answer_citizenship_and_nothing_is_patched_until_it_does() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let created = helpers
        .client()
        .call::<CreateProvider>(
            &(),
            &(),
            &ProviderCreate::new("new.provider@example.test", "Nia", "Okafor"),
        )
        .await
        .unwrap();
    let profile = helpers.get_profile_id(&created.id).await.unwrap();
    let update = ProviderPersonalInfoUpdate {
        middle_name: Tristate::Value("Ada".to_owned()),
        ..ProviderPersonalInfoUpdate::default()
    };
    let err = helpers
        .update_personal_info(&profile, update.clone())
        .await
        .unwrap_err();
    let HelperError::CitizenshipUnanswered { fields, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(fields, &["us_citizen", "citizenship_country"]);
    let shown = err.to_string();
    assert!(
        shown.contains("us_citizen") && shown.contains("citizenship_country"),
        "{shown}"
    );

    let non_citizen = ProviderPersonalInfoUpdate {
        us_citizen: Tristate::Value(false),
        citizenship_country: Tristate::Value("CA".to_owned()),
        ..update.clone()
    };
    let err = helpers
        .update_personal_info(&profile, non_citizen)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, HelperError::CitizenshipUnanswered { fields, .. } if fields == &["visa_number"]),
        "{err:?}"
    );
    assert_eq!(mock.count("PP2"), 0);

    let answered = ProviderPersonalInfoUpdate {
        us_citizen: Tristate::Value(true),
        citizenship_country: Tristate::Value("US".to_owned()),
        ..update
    };
    let info = helpers
        .update_personal_info(&profile, answered)
        .await
        .unwrap();
    assert_eq!(info.middle_name.as_deref(), Some("Ada"));
    assert_eq!(info.us_citizen, Some(true));
    assert_eq!(mock.count("PP2"), 1);
}

#[tokio::test]
async fn any_other_refusal_surfaces_the_server_field_errors() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    let update = ProviderPersonalInfoUpdate {
        first_name: Tristate::Null,
        ..ProviderPersonalInfoUpdate::default()
    };
    let err = helpers
        .update_personal_info(&profile, update)
        .await
        .unwrap_err();
    let core = err.core().unwrap();
    assert!(core.is_validation(), "{err}");
    assert_eq!(
        core.field_errors().unwrap()["first_name"],
        ["This field may not be null."]
    );
    assert!(matches!(err, HelperError::Core(_)));
    assert_eq!(mock.count("PP2"), 1);
}

#[tokio::test]
async fn concurrent_updates_of_different_fields_of_one_profile_all_survive() {
    let mock = mock(2).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    // Slow reads and writes: without serialisation every update would read
    // the same record and the last write would undo the others.
    slow(&mock, &["PP1", "PP2"], Duration::from_millis(60));
    let updates = [
        ProviderPersonalInfoUpdate {
            home_city: Tristate::Value("Salem".to_owned()),
            ..Default::default()
        },
        ProviderPersonalInfoUpdate {
            fax_number: Tristate::Value("555-0199".to_owned()),
            ..Default::default()
        },
        ProviderPersonalInfoUpdate {
            caqh_id: Tristate::Value("99887766".to_owned()),
            ..Default::default()
        },
        ProviderPersonalInfoUpdate {
            county: Tristate::Value("Essex".to_owned()),
            ..Default::default()
        },
    ];
    let barrier = Arc::new(Barrier::new(updates.len()));
    let tasks = updates.into_iter().map(|update| {
        let helpers = helpers.clone();
        let barrier = Arc::clone(&barrier);
        tokio::spawn(async move {
            barrier.wait().await;
            helpers.update_personal_info(&profile, update).await
        })
    });
    for task in futures_util::future::join_all(tasks).await {
        task.unwrap().unwrap();
    }
    let after = stored(&mock, &profile);
    assert_eq!(after["home_city"], "Salem");
    assert_eq!(after["fax_number"], "555-0199");
    assert_eq!(after["caqh_id"], "99887766");
    assert_eq!(after["county"], "Essex");
    assert_eq!(mock.count("PP1"), 4);
    assert_eq!(mock.count("PP2"), 4);
}
