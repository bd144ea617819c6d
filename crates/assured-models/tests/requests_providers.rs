#![allow(missing_docs)]
//! Request bodies, query strings and response records of the providers
//! group (PV1–PV10).

use assured_models::catalog::{self, Auth, BodyKind, Endpoint, IdKind, Method, Origin, Paging};
use assured_models::ids::{CaqhImportRequestId, ClientId, PracticeLocationId};
use assured_models::models::providers::{
    CaqhImportRequest, CaqhImportRequestCreate, CaqhImportRequestListParams, OnboardedProvider,
    PracticeLocationProvidersCreate, Provider, ProviderCAQHImport, ProviderCreate,
    ProviderCreateResponse, ProviderInvite, ProviderListParams, ProviderOrgJoiningDate,
    ProviderOrgJoiningDateUpdate, ProvidersNotInPracticeLocationParams,
};
use assured_models::{AccountId, ApiDate, Page, ProfileId, QueryParams};
use serde_json::json;

const ACCOUNT: &str = "0b6f0a57-8c1e-4a8e-9d3f-2f4b1c6d7e80";
const ACCOUNT_2: &str = "5d2c9b1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e";
const PROFILE: &str = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const LOCATION: &str = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const LOCATION_2: &str = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const CLIENT: &str = "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9";

fn location() -> PracticeLocationId {
    LOCATION.parse().unwrap()
}

fn client() -> ClientId {
    CLIENT.parse().unwrap()
}

fn date(text: &str) -> ApiDate {
    text.parse().unwrap()
}

#[test]
fn invite_body_is_an_array_without_nulls() {
    let mut full = ProviderInvite::new("ann.lee@example.org", "Ann", "Lee");
    full.provider_practice_locations = Some(vec![location(), LOCATION_2.parse().unwrap()]);
    full.primary_practice_location = Some(location());
    full.client = Some(client());
    full.org_joining_date = Some(date("2025-11-27"));
    full.cc_emails = Some(vec!["credentialing@example.org".to_owned()]);
    let minimal = ProviderInvite::new("bo.kim@example.org", "Bo", "Kim");
    let body: Vec<ProviderInvite> = vec![full, minimal];
    insta::assert_json_snapshot!(body);
}

#[test]
fn caqh_import_body_and_redacted_debug() {
    let mut body = ProviderCAQHImport::new("ann.lee@example.org", "annlee77", "hunter2-secret");
    body.first_name = Some("Ann".to_owned());
    body.last_name = Some("Lee".to_owned());
    body.provider_practice_locations = Some(vec![location()]);
    body.primary_practice_location = Some(location());
    insta::assert_json_snapshot!(body);
    let debug = format!("{body:?}");
    assert!(!debug.contains("hunter2-secret"), "{debug}");
    assert!(debug.contains("<redacted>"));
}

#[test]
fn caqh_import_minimal_body_omits_unset_fields() {
    let body = ProviderCAQHImport::new("bo.kim@example.org", "bokim", "pw");
    let value = serde_json::to_value(&body).unwrap();
    assert_eq!(
        value,
        json!({"email": "bo.kim@example.org", "caqh_username": "bokim", "caqh_password": "pw"})
    );
}

#[test]
fn create_provider_body() {
    let mut body = ProviderCreate::new("ann.lee@example.org", "Ann", "Lee");
    body.client = Some(client());
    body.document_url = Some("s3://assured-uploads/docs/2f1c9a.pdf".to_owned());
    body.document_type = Some("CV".to_owned());
    body.provider_practice_locations = Some(vec![location()]);
    body.primary_practice_location = Some(location());
    body.org_joining_date = Some(date("2024-03-01"));
    insta::assert_json_snapshot!(body);
}

#[test]
fn create_provider_minimal_body_omits_unset_fields() {
    let body = ProviderCreate::new("bo.kim@example.org", "Bo", "Kim");
    insta::assert_json_snapshot!(body);
}

#[test]
fn practice_location_providers_body() {
    let body = PracticeLocationProvidersCreate::new([ACCOUNT, ACCOUNT_2], location());
    insta::assert_json_snapshot!(body);
}

#[test]
fn caqh_import_request_body_and_redacted_debug() {
    let body = CaqhImportRequestCreate::new("annlee77", "hunter2-secret", "Ann Lee", "Ann Lee");
    insta::assert_json_snapshot!(body);
    assert!(!format!("{body:?}").contains("hunter2-secret"));
}

#[test]
fn org_joining_date_body_is_always_sent() {
    let set = ProviderOrgJoiningDateUpdate::set(date("2023-07-15"));
    let clear = ProviderOrgJoiningDateUpdate::clear();
    insta::assert_json_snapshot!("org_joining_date_set", set);
    insta::assert_json_snapshot!("org_joining_date_clear", clear);
    // Required on input: a missing key is an error, an explicit null is not.
    assert!(serde_json::from_value::<ProviderOrgJoiningDateUpdate>(json!({})).is_err());
    let back: ProviderOrgJoiningDateUpdate =
        serde_json::from_value(json!({"org_joining_date": null})).unwrap();
    assert_eq!(back, clear);
    let back: ProviderOrgJoiningDateUpdate =
        serde_json::from_value(json!({"org_joining_date": "2023-07-15"})).unwrap();
    assert_eq!(back, set);
}

#[test]
fn provider_list_query_string() {
    let params = ProviderListParams {
        id_in: Some(vec![ACCOUNT.parse().unwrap(), ACCOUNT_2.parse().unwrap()]),
        client_in: Some(vec![client()]),
        is_active: Some(true),
        limit: Some(100),
        offset: Some(200),
        ..ProviderListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!(
            "client_in={CLIENT}&id_in={ACCOUNT}%2C{ACCOUNT_2}&is_active=true&limit=100&offset=200"
        )
    );
    assert_eq!(ProviderListParams::default().to_query_string().unwrap(), "");
}

#[test]
fn not_in_practice_location_query_requires_the_location() {
    let params = ProvidersNotInPracticeLocationParams::with_filters(
        location(),
        ProviderListParams {
            search: Some("lee".to_owned()),
            limit: Some(50),
            ..ProviderListParams::default()
        },
    );
    assert_eq!(
        params.to_query_string().unwrap(),
        format!("practice_location={LOCATION}&limit=50&search=lee")
    );
    assert_eq!(
        ProvidersNotInPracticeLocationParams::new(location())
            .to_query_string()
            .unwrap(),
        format!("practice_location={LOCATION}")
    );
}

#[test]
fn caqh_import_request_list_query_string() {
    let params = CaqhImportRequestListParams {
        provider: Some(PROFILE.to_owned()),
        limit: Some(10),
        ..CaqhImportRequestListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!("limit=10&provider={PROFILE}")
    );
}

#[test]
fn provider_page_keeps_unknown_fields() {
    let page = json!({
        "count": 1,
        "next": null,
        "previous": null,
        "results": [{
            "id": ACCOUNT,
            "email": "ann.lee@example.org",
            "first_name": "Ann",
            "middle_name": null,
            "last_name": "Lee",
            "npi": "1234567893",
            "full_name": "Ann Lee",
            "provider_profile_id": PROFILE,
            "profile_completeness_percentage": 87.5,
            "is_active": true,
            "user_type": "provider",
            "caqh_status": "ATTESTED"
        }]
    });
    let parsed: Page<Provider> = serde_json::from_value(page).unwrap();
    let provider = &parsed.results[0];
    assert_eq!(provider.id, ACCOUNT.parse::<AccountId>().unwrap());
    assert_eq!(
        provider.provider_profile_id,
        Some(PROFILE.parse::<ProfileId>().unwrap())
    );
    assert_eq!(provider.extra["caqh_status"], "ATTESTED");
    let out = serde_json::to_value(provider).unwrap();
    assert_eq!(out["caqh_status"], "ATTESTED");
    assert!(out.get("middle_name").is_none(), "nulls are not echoed");
    let back: Provider = serde_json::from_value(out).unwrap();
    assert_eq!(&back, provider);
}

#[test]
fn onboarding_replies_parse() {
    let invited: Vec<OnboardedProvider> = serde_json::from_value(json!([{
        "id": ACCOUNT,
        "email": "ann.lee@example.org",
        "first_name": "Ann",
        "last_name": "Lee",
        "provider_practice_locations": [LOCATION],
        "invited_at": "2025-11-27T10:00:00Z"
    }]))
    .unwrap();
    assert_eq!(
        invited[0].provider_practice_locations,
        Some(vec![location()])
    );
    assert_eq!(invited[0].extra["invited_at"], "2025-11-27T10:00:00Z");

    let created: ProviderCreateResponse = serde_json::from_value(json!({
        "id": ACCOUNT,
        "email": "ann.lee@example.org",
        "first_name": "Ann",
        "last_name": "Lee",
        "provider_practice_locations": [LOCATION],
        "primary_practice_location": LOCATION,
        "client": CLIENT,
        "document_url": "s3://assured-uploads/docs/2f1c9a.pdf",
        "document_type": "CV",
        "source_of_joining": "PROVIDER_CREATE_API"
    }))
    .unwrap();
    assert_eq!(
        created.source_of_joining.as_deref(),
        Some("PROVIDER_CREATE_API")
    );
    assert_eq!(created.client, Some(client()));
}

#[test]
fn caqh_import_request_has_an_integer_id_and_redacts_the_password() {
    let record: CaqhImportRequest = serde_json::from_value(json!({
        "id": 42,
        "caqh_username": "annlee77",
        "caqh_password": "hunter2-secret",
        "full_name": "Ann Lee",
        "signature": "Ann Lee",
        "status": "PENDING"
    }))
    .unwrap();
    assert_eq!(record.id, CaqhImportRequestId(42));
    assert_eq!(record.extra["status"], "PENDING");
    assert!(!format!("{record:?}").contains("hunter2-secret"));
    assert_eq!(serde_json::to_value(&record).unwrap()["id"], 42);
}

#[test]
fn org_joining_date_record_accepts_null_and_date_times() {
    let record: ProviderOrgJoiningDate =
        serde_json::from_value(json!({"id": PROFILE, "org_joining_date": null})).unwrap();
    assert_eq!(record.org_joining_date, None);
    let record: ProviderOrgJoiningDate =
        serde_json::from_value(json!({"id": PROFILE, "org_joining_date": "2023-07-15T00:00:00Z"}))
            .unwrap();
    assert_eq!(record.org_joining_date, Some(date("2023-07-15")));
}

#[test]
fn catalog_rows_match_the_reference() {
    let rows: Vec<_> = catalog::all()
        .filter(|d| d.key.starts_with("PV"))
        .map(|d| d.key)
        .collect();
    assert_eq!(
        rows,
        [
            "PV1", "PV2", "PV3", "PV4", "PV5", "PV6", "PV7", "PV8", "PV9", "PV10"
        ]
    );

    let list = catalog::ListProviders::DESCRIPTOR;
    assert_eq!(
        (list.method, list.auth, list.paging, list.ids),
        (Method::Get, Auth::ApiKey, Paging::Paged, IdKind::Account)
    );
    assert_eq!(list.origin, Origin::Spec);

    let invite = catalog::InviteProviders::DESCRIPTOR;
    assert_eq!(invite.body, BodyKind::JsonArray);
    assert!(!invite.idempotent);

    let update = catalog::UpdateOrgJoiningDate::DESCRIPTOR;
    assert_eq!(update.method, Method::Patch);
    assert!(update.idempotent);
    let profile: ProfileId = PROFILE.parse().unwrap();
    assert_eq!(
        update.render_path(&profile),
        update.path.replace("{id}", PROFILE)
    );

    for d in catalog::all().filter(|d| d.key.starts_with("PV")) {
        assert_eq!(d.auth, Auth::ApiKey, "{d:?}");
        assert!(d.origin.is_live(), "{d:?}");
    }

    // Example replies check against the declared response types.
    catalog::InviteProviders::DESCRIPTOR
        .check_response_json(&json!([{"id": ACCOUNT, "email": "a@example.org"}]))
        .unwrap();
    catalog::ListCaqhImportRequests::DESCRIPTOR
        .check_response_json(&json!({"count": 1, "next": null, "previous": null,
            "results": [{"id": 7, "full_name": "Ann Lee"}]}))
        .unwrap();
}
