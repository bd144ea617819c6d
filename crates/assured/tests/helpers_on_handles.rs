//! The smart helpers through the facade's handles, against `assured-mock`:
//! each composed method reaches the client's one `Helpers` value (clones
//! share its caches), with request counts from the mock.
#![allow(missing_docs)]

use assured::Client;
use assured::crypto::Ssn;
use assured::helpers::{DocumentFile, HelperError};
use assured::models::{AccountId, ProfileId, ProviderPersonalInfoUpdate};
use assured_mock::MockServer;

mod support;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n";

async fn setup() -> (MockServer, Client, AccountId, ProfileId, String) {
    let (mock, client) = support::start(12).await;
    let summary = mock.with_state(|state| state.provider(4)).unwrap();
    (
        mock,
        client,
        summary.account_id.parse().unwrap(),
        summary.profile_id.parse().unwrap(),
        summary.npi.unwrap(),
    )
}

#[tokio::test]
async fn provider_lookups_share_one_cache_across_clones() {
    let (mock, client, account, profile, npi) = setup().await;
    assert_eq!(client.providers().get(&account).await.unwrap().id, account);
    assert_eq!(
        client
            .clone()
            .providers()
            .get_profile_id(&account)
            .await
            .unwrap(),
        profile,
        "the record's profile id was cached"
    );
    assert_eq!(mock.count("PV1"), 1);

    let found = client.providers().get_by_npi(&npi).await.unwrap();
    assert_eq!(found.id, account);
    let refresh = mock.count("PV1");
    let again = client
        .clone()
        .providers()
        .get_by_npis(&[npi.as_str()])
        .await
        .unwrap();
    assert_eq!(again[0].as_ref().map(|p| p.id), Some(account));
    assert_eq!(mock.count("PV1"), refresh, "the index is shared and warm");

    let err = client
        .providers()
        .get_by_npi("1234567890")
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert_eq!(mock.count("PV1"), refresh, "an invalid NPI sends nothing");

    client.providers().invalidate_npi_cache();
    client.providers().get_by_npi(&npi).await.unwrap();
    assert!(mock.count("PV1") > refresh, "invalidated: refreshed");
}

#[tokio::test]
async fn profile_writes_go_through_the_helpers() {
    let (mock, client, _, profile, _) = setup().await;
    let profile_handle = client.provider_profile();

    let update = ProviderPersonalInfoUpdate {
        home_city: "Salem".to_owned().into(),
        ..ProviderPersonalInfoUpdate::default()
    };
    let info = profile_handle
        .update_personal_info(&profile, update)
        .await
        .unwrap();
    assert_eq!(info.home_city.as_deref(), Some("Salem"));
    assert_eq!((mock.count("PP1"), mock.count("PP2")), (1, 1));

    profile_handle
        .update_ssn(&profile, "219-09-9999")
        .await
        .unwrap();
    let ssn = Ssn::parse("219-09-9999").unwrap();
    assert!(profile_handle.verify_ssn(&profile, &ssn).await.unwrap());
    assert_eq!((mock.count("PP4"), mock.count("PP5")), (1, 1));
    assert_eq!(mock.count("US5"), 1, "one lazy login");

    let document = profile_handle
        .upload_and_associate_document(
            &profile,
            DocumentFile::from_bytes("licence.pdf", PDF),
            "State Medical License",
            "License",
        )
        .await
        .unwrap();
    assert_eq!(
        document.document_name.as_deref(),
        Some("State Medical License")
    );
    assert_eq!((mock.count("FI1"), mock.count("PP31")), (1, 1));

    let err = profile_handle
        .upload_and_associate_document(
            &profile,
            DocumentFile::from_bytes("licence.exe", PDF),
            "x",
            "License",
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, HelperError::InvalidDocument { .. }),
        "{err:?}"
    );
    assert_eq!(mock.count("FI1"), 1, "refused before any request");
}
