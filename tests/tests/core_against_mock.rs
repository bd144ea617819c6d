//! The client against the mock server: end to end through the public API,
//! with request counts taken from the mock's own counters. These drive the
//! engine (`assured::engine::Client`) directly, with catalog types.
#![allow(missing_docs)]

use std::collections::HashSet;
use std::time::Duration;

use assured::crypto::{Ssn, SsnKey};
use assured::engine::Client;
use assured::engine::RetryQuota;
use assured::models::ProfileId;
use assured::models::catalog::{
    CreateCredentialingRequest, GetPersonalInfo, GetPlaintextSsn, ListProviders, PresignUrl,
    UpdateEncryptedSsn, UploadFile,
};
use assured::models::{
    CredentialingRequestCreate, EncryptedSsnUpdate, PresignRequest, Provider, ProviderListParams,
};
use assured::{Config, Error};
use assured::{MultipartForm, RetryPolicy};
use assured_mock::{Faults, MockConfig, MockServer};
use futures_util::TryStreamExt as _;

async fn mock(providers: u32) -> MockServer {
    MockServer::start(MockConfig::default().with_providers(providers))
        .await
        .unwrap()
}

fn client(mock: &MockServer) -> Client {
    Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .credentials(mock.user_email(), mock.user_password())
            .page_size(100)
            .page_concurrency(4)
            .retry_policy(
                RetryPolicy::default()
                    .max_attempts(5)
                    .initial_backoff(Duration::from_millis(2))
                    .max_backoff(Duration::from_millis(20))
                    .quota(RetryQuota::default().capacity(1000)),
            )
            .build()
            .unwrap(),
    )
    .unwrap()
}

async fn first_provider(client: &Client) -> Provider {
    client
        .page::<ListProviders>(&(), &ProviderListParams::default(), 0, Some(1))
        .await
        .unwrap()
        .results
        .remove(0)
}

#[tokio::test]
async fn ten_thousand_providers_stream_once_each_through_503s_and_dropped_connections() {
    let mock = mock(10_000).await;
    mock.set_faults(Faults {
        server_error_every: Some(9),
        server_error_status: 503,
        drop_connection_every: Some(13),
        foreign_next_links: true,
        ..Faults::default()
    });
    let client = client(&mock);
    let mut stream = client
        .stream::<ListProviders>(&(), &ProviderListParams::default())
        .unwrap();
    let mut ids = HashSet::new();
    let mut npis = HashSet::new();
    while let Some(provider) = stream.try_next().await.unwrap() {
        assert!(ids.insert(provider.id), "duplicate {}", provider.id);
        npis.insert(provider.npi.clone().unwrap());
    }
    assert_eq!(ids.len(), 10_000);
    assert_eq!(npis.len(), 10_000);
    assert_eq!(stream.shortfall(), Some(0));
    // The engine de-duplicates by id, which would hide a page fetched
    // twice: it skipped nothing, and the requests are exactly one success
    // per page plus the faults. The fault switches count requests, so the
    // total is fixed: the 121st request is the 100th that is neither a
    // 13th (dropped) nor a 9th (503) one.
    assert_eq!(stream.duplicates_skipped(), 0);
    let stats = mock.stats();
    assert_eq!(mock.count("PV1"), 121, "{stats:?}");
    let faults: u64 = stats.faults_injected.values().sum();
    assert_eq!(faults, 21, "{stats:?}");
}

#[tokio::test]
async fn a_post_answered_503_is_not_retried_and_not_duplicated() {
    let mock = mock(5).await;
    let client = client(&mock);
    let provider = first_provider(&client).await;
    mock.set_faults(Faults {
        server_error_every: Some(1),
        server_error_status: 503,
        only_endpoints: vec!["CR1".to_owned()],
        ..Faults::default()
    });
    let err = client
        .call::<CreateCredentialingRequest>(&(), &(), &CredentialingRequestCreate::new(provider.id))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(mock.count("CR1"), 1);
    mock.set_faults(Faults::none());
    let created = client
        .call::<CreateCredentialingRequest>(&(), &(), &CredentialingRequestCreate::new(provider.id))
        .await
        .unwrap();
    assert_eq!(created.provider, Some(provider.id));
    assert_eq!(mock.count("CR1"), 2);
}

#[tokio::test]
async fn the_encrypted_ssn_is_decrypted_by_the_server_to_the_digits_sent() {
    let mock = mock(3).await;
    let client = client(&mock);
    let profile = first_provider(&client).await.provider_profile_id.unwrap();
    let ssn = Ssn::parse("219-09-9999").unwrap();
    client
        .call_with_jwt_body::<UpdateEncryptedSsn, _>(&profile, &(), |jwt| {
            let token = SsnKey::from_jwt(jwt)
                .encrypt(&ssn)
                .map_err(|err| Error::invalid_input(err.to_string()))?;
            Ok(EncryptedSsnUpdate::new(token.into_string()))
        })
        .await
        .unwrap();
    let stored = mock.with_state(|state| state.ssn(&profile.to_string()));
    assert_eq!(stored.as_deref(), Some("219099999"));
    let plain = client
        .call::<GetPlaintextSsn>(&profile, &(), &())
        .await
        .unwrap();
    assert_eq!(
        plain.ssn.as_deref().map(|s| s.replace('-', "")),
        Some("219099999".to_owned())
    );
    assert_eq!(mock.count("US5"), 1);
}

#[tokio::test]
async fn revoked_sessions_cost_one_relogin_for_many_callers() {
    let mock = mock(3).await;
    let client = client(&mock);
    let profile = first_provider(&client).await.provider_profile_id.unwrap();
    client
        .call::<GetPlaintextSsn>(&profile, &(), &())
        .await
        .unwrap();
    mock.with_state(assured_mock::State::revoke_tokens);
    let calls = (0..25).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.call::<GetPlaintextSsn>(&profile, &(), &()).await })
    });
    for call in futures_util::future::join_all(calls).await {
        call.unwrap().unwrap();
    }
    assert_eq!(mock.count("US5"), 2);
}

#[tokio::test]
async fn an_account_id_forced_into_a_profile_endpoint_gets_the_hint() {
    let mock = mock(3).await;
    let client = client(&mock);
    let provider = first_provider(&client).await;
    let wrong = ProfileId::from_uuid(*provider.id.as_uuid());
    let err = client
        .call::<GetPersonalInfo>(&wrong, &(), &())
        .await
        .unwrap_err();
    assert!(err.is_not_found());
    assert!(err.hint().unwrap().contains("get_profile_id"));
    let right = provider.provider_profile_id.unwrap();
    let info = client
        .call::<GetPersonalInfo>(&right, &(), &())
        .await
        .unwrap();
    assert_eq!(info.id, right);
}

#[tokio::test]
async fn an_upload_is_replayed_whole_after_a_429_and_then_presigned() {
    let mock = mock(1).await;
    let client = client(&mock);
    client.login().await.unwrap();
    // Every 2nd upload is throttled (Retry-After: 1): the first goes
    // through, the second's first attempt is refused and its retry lands.
    mock.set_faults(Faults {
        rate_limit_every: Some(2),
        only_endpoints: vec!["FI1".to_owned()],
        ..Faults::default()
    });
    let form = |bytes: &[u8]| {
        MultipartForm::new()
            .text("name", "4b6f5a6e-0000-4000-8000-000000000001.pdf")
            .file("file", "licence.pdf", "application/pdf", bytes.to_vec())
    };
    client
        .call_multipart::<UploadFile>(&(), &form(b"%PDF-1.7 first"))
        .await
        .unwrap();
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".to_vec();
    let record = client
        .call_multipart::<UploadFile>(&(), &form(&pdf))
        .await
        .unwrap();
    let s3 = record.file_url.unwrap();
    assert!(s3.starts_with("s3://"), "{s3}");
    assert_eq!(
        mock.count("FI1"),
        3,
        "two uploads, one replayed after the 429"
    );
    assert_eq!(mock.stats().by_status.get(&429), Some(&1));
    let stored = mock.with_state(|state| state.uploaded_file(&s3).map(|f| f.bytes.clone()));
    assert_eq!(stored.as_deref(), Some(pdf.as_slice()));
    let presigned = client
        .call::<PresignUrl>(&(), &(), &PresignRequest::new(s3))
        .await
        .unwrap();
    assert!(presigned.presigned_url.starts_with("http://127.0.0.1"));
}
