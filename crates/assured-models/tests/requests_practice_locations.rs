#![allow(missing_docs)]

use assured_models::QueryParams;
use assured_models::models::practice_locations::{
    MarkPrimaryLocationRequest, PracticeLocation, PracticeLocationCreate, PracticeLocationProvider,
    PracticeLocationProviderListParams, ProviderPracticeLocationsBulkCreate,
};
use serde_json::json;

const TAX_ENTITY: &str = "7c6b5a49-3827-4165-9e4d-3c2b1a098f7e";
const CLIENT: &str = "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716";
const LOCATION_A: &str = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
const LOCATION_B: &str = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const LINK: &str = "3d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f7a";
const PROVIDER: &str = "4e5f6a7b-8c9d-4e0f-9a2b-3c4d5e6f7a8b";

#[test]
fn practice_location_create() {
    let mut location = PracticeLocationCreate::new("Downtown Clinic");
    location.tax_entity = Some(TAX_ENTITY.parse().unwrap());
    location.client = Some(CLIENT.parse().unwrap());
    location.practice_email = Some("frontdesk@example.com".into());
    location.phone_number = Some("555-0100".into());
    location.fax_number = Some("555-0101".into());
    location.mailing_street_address_1 = Some("1 Main St".into());
    location.mailing_street_address_2 = Some("Suite 200".into());
    location.mailing_city = Some("Springfield".into());
    location.mailing_state = Some("IL".into());
    location.mailing_zip_code = Some("62701".into());
    location.billing_address_same_as_mailing = Some(true);
    location.practice_location_type = Some("OFFICE".into());
    insta::assert_json_snapshot!(location);
}

#[test]
fn practice_location_create_accepts_the_client_names_and_sends_the_spec_names() {
    let from_client: PracticeLocationCreate = serde_json::from_value(json!({
        "name": "Downtown Clinic",
        "address_line_1": "1 Main St",
        "address_line_2": "Suite 200",
        "city": "Springfield",
        "state": "IL",
        "zip_code": "62701",
        "phone": "555-0100",
        "fax": "555-0101",
        "npi": "1234567893",
        "tax_id": "12-3456789"
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&from_client).unwrap(),
        json!({
            "name": "Downtown Clinic",
            "phone_number": "555-0100",
            "fax_number": "555-0101",
            "mailing_street_address_1": "1 Main St",
            "mailing_street_address_2": "Suite 200",
            "mailing_city": "Springfield",
            "mailing_state": "IL",
            "mailing_zip_code": "62701",
            "npi": "1234567893",
            "tax_id": "12-3456789"
        })
    );
}

#[test]
fn provider_practice_locations_bulk_create() {
    let body = ProviderPracticeLocationsBulkCreate::new(
        PROVIDER,
        [LOCATION_A.parse().unwrap(), LOCATION_B.parse().unwrap()],
    );
    insta::assert_json_snapshot!(body);
}

#[test]
fn mark_primary_location() {
    insta::assert_json_snapshot!(MarkPrimaryLocationRequest::default());
}

#[test]
fn practice_location_provider_params_use_double_underscore_names() {
    let params = PracticeLocationProviderListParams {
        practice_location_is_archived: Some(false),
        practice_location_mailing_state_in: Some(vec!["IL".into(), "WI".into()]),
        practice_location_tax_entity: Some(TAX_ENTITY.parse().unwrap()),
        ..PracticeLocationProviderListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!(
            "practice_location__is_archived=false&practice_location__mailing_state_in=IL%2CWI&practice_location__tax_entity={TAX_ENTITY}"
        )
    );
}

#[test]
fn practice_location_reads_both_spellings() {
    let client: PracticeLocation = serde_json::from_value(json!({
        "id": LOCATION_A, "name": "Downtown", "address_line_1": "1 Main St",
        "city": "Springfield", "state": "IL", "mailing_state": "IL", "zip_code": "62701",
        "phone": "555-0100", "archived_at": null
    }))
    .unwrap();
    assert_eq!(
        client.mailing_street_address_1.as_deref(),
        Some("1 Main St")
    );
    assert_eq!(client.mailing_city.as_deref(), Some("Springfield"));
    assert_eq!(client.state.as_deref(), Some("IL"));
    assert_eq!(client.phone_number.as_deref(), Some("555-0100"));
    assert_eq!(client.archived_at, None);
}

#[test]
fn practice_location_provider_unknown_fields_survive_a_round_trip() {
    let sent = json!({
        "id": LINK,
        "practice_location": LOCATION_A,
        "provider": PROVIDER,
        "provider_name": "Dr. Ann Lee",
        "practice_location_name": "Downtown Clinic",
        "is_primary_location": true,
        "archived_at": "2024-01-02T03:04:05Z",
        "hours": {"mon": "9-5"},
        "accepting_new_patients": false
    });
    let link: PracticeLocationProvider = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(link.extra["accepting_new_patients"], false);
    assert_eq!(serde_json::to_value(&link).unwrap(), sent);
}
