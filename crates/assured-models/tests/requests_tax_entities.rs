#![allow(missing_docs)]

use assured_models::catalog::{self, Endpoint};
use assured_models::models::tax_entities::{TaxEntity, TaxEntityCreate};
use serde_json::json;

const TAX_ENTITY: &str = "7c6b5a49-3827-4165-9e4d-3c2b1a098f7e";
const CLIENT: &str = "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716";

#[test]
fn tax_entity_create() {
    let mut entity = TaxEntityCreate::new("Springfield Medical Group LLC");
    entity.dba = Some("Springfield Medical".into());
    entity.incorporation_state = Some("IL".into());
    entity.incorporation_type = Some("LLC".into());
    entity.tax_id = Some("12-3456789".into());
    entity.npi = Some("1234567893".into());
    entity.client = Some(CLIENT.parse().unwrap());
    entity.mailing_street_address_1 = Some("1 Main St".into());
    entity.mailing_city = Some("Springfield".into());
    entity.mailing_state = Some("IL".into());
    entity.mailing_zip_code = Some("62701".into());
    entity.billing_address_same_as_mailing = Some(true);
    insta::assert_json_snapshot!(entity);
}

#[test]
fn tax_entity_create_accepts_the_client_name_and_sends_legal_name() {
    let from_client: TaxEntityCreate =
        serde_json::from_value(json!({"name": "Acme Health", "tax_id": "98-7654321"})).unwrap();
    assert_eq!(
        serde_json::to_value(&from_client).unwrap(),
        json!({"legal_name": "Acme Health", "tax_id": "98-7654321"})
    );
    // The legal name is required.
    assert!(serde_json::from_value::<TaxEntityCreate>(json!({"tax_id": "1"})).is_err());
}

#[test]
fn tax_entity_unknown_fields_survive_a_round_trip() {
    let sent = json!({
        "id": TAX_ENTITY,
        "legal_name": "Springfield Medical Group LLC",
        "dba": "Springfield Medical",
        "tax_id": "12-3456789",
        "created_at": "2024-01-02T03:04:05Z",
        "tax_entity_completion_info": {"completion_percent": 80, "other_profile_missing_info": ["w9"], "weights": [1, 2]},
        "client": CLIENT,
        "w9_on_file": true
    });
    let entity: TaxEntity = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(entity.extra["w9_on_file"], true);
    assert_eq!(serde_json::to_value(&entity).unwrap(), sent);
}

#[test]
fn create_reply_has_the_spec_shape() {
    catalog::CreateTaxEntity::DESCRIPTOR
        .check_response_json(&json!({
            "id": TAX_ENTITY,
            "legal_name": "Springfield Medical Group LLC",
            "dba": null,
            "incorporation_state": "IL",
            "tax_id": "12-3456789",
            "npi": "1234567893",
            "created_at": "2024-01-02T03:04:05Z",
            "updated_at": "2024-01-02T03:04:05Z",
            "tax_entity_completion_info": {"completion_percent": 40, "other_profile_missing_info": []},
            "client": CLIENT,
            "mailing_street_address_1": "1 Main St",
            "mailing_state": "IL",
            "mailing_zip_code": "62701",
            "billing_address_same_as_mailing": true
        }))
        .unwrap();
}
