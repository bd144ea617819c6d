#![allow(missing_docs)]

use assured_models::models::hospital_affiliations::{
    AdmittingArrangementCreate, AdmittingPrivilege, AdmittingPrivilegeCreate,
    NonAdmittingAffiliation, NonAdmittingAffiliationCreate,
};
use serde_json::json;

const ACCOUNT: &str = "4e5f6a7b-8c9d-4e0f-9a2b-3c4d5e6f7a8b";
const RECORD: &str = "7b8c9d0e-1f2a-4b3c-8d5e-6f7a8b9c0d1e";

#[test]
fn admitting_arrangement_create() {
    let mut body = AdmittingArrangementCreate::new(ACCOUNT.parse().unwrap());
    body.hospital_name = Some("Springfield General".into());
    body.admitting_arrangement_status = Some("ACTIVE".into());
    body.start_date = Some("2020-01-15".parse().unwrap());
    body.state = Some("IL".into());
    body.admitter = Some("Dr. Bob Smith".into());
    body.first_name = Some("Bob".into());
    body.last_name = Some("Smith".into());
    body.is_the_admitting_provider_specialty_the_same_as_your_specialty = Some(true);
    insta::assert_json_snapshot!(body);
}

#[test]
fn admitting_privilege_create() {
    let mut body = AdmittingPrivilegeCreate::new(ACCOUNT.parse().unwrap());
    body.hospital_name = Some("Springfield General".into());
    body.admitting_privilege_type = Some("FULL".into());
    body.privilege_status = Some("ACTIVE".into());
    body.primary_hospital = Some(true);
    body.hospital_percentage = Some(80);
    body.start_date = Some("2019-06-01".parse().unwrap());
    body.city = Some("Springfield".into());
    body.state = Some("IL".into());
    insta::assert_json_snapshot!(body);
}

#[test]
fn non_admitting_affiliation_create() {
    let mut body = NonAdmittingAffiliationCreate::new(ACCOUNT.parse().unwrap());
    body.hospital_name = Some("Lakeside Hospital".into());
    body.non_admitting_affiliation_status = Some("COURTESY".into());
    body.start_date = Some("2021-02-01".parse().unwrap());
    body.end_date = Some("2023-02-01".parse().unwrap());
    body.reasons_for_discontinuance = Some("Relocated".into());
    insta::assert_json_snapshot!(body);
}

#[test]
fn create_bodies_accept_the_client_names_and_send_the_spec_names() {
    let privilege: AdmittingPrivilegeCreate = serde_json::from_value(json!({
        "provider": ACCOUNT, "hospital_name": "General",
        "privilege_type": "FULL", "status": "ACTIVE", "start_date": "2019-06-01"
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&privilege).unwrap(),
        json!({
            "provider": ACCOUNT, "hospital_name": "General",
            "admitting_privilege_type": "FULL", "privilege_status": "ACTIVE",
            "start_date": "2019-06-01"
        })
    );
    let arrangement: AdmittingArrangementCreate = serde_json::from_value(json!({
        "provider": ACCOUNT, "arrangement_type": "GROUP"
    }))
    .unwrap();
    assert_eq!(
        arrangement.admitting_arrangement_status.as_deref(),
        Some("GROUP")
    );
    let affiliation: NonAdmittingAffiliationCreate = serde_json::from_value(json!({
        "provider": ACCOUNT, "affiliation_type": "COURTESY"
    }))
    .unwrap();
    assert_eq!(
        affiliation.non_admitting_affiliation_status.as_deref(),
        Some("COURTESY")
    );
}

#[test]
fn records_read_the_client_names() {
    let record: NonAdmittingAffiliation = serde_json::from_value(json!({
        "id": RECORD, "provider": ACCOUNT, "hospital_name": "Lakeside",
        "affiliation_type": "COURTESY", "start_date": "2021-02-01", "end_date": null
    }))
    .unwrap();
    assert_eq!(
        record.non_admitting_affiliation_status.as_deref(),
        Some("COURTESY")
    );
}

#[test]
fn admitting_privilege_unknown_fields_survive_a_round_trip() {
    let sent = json!({
        "id": RECORD,
        "provider": ACCOUNT,
        "hospital_name": "Springfield General",
        "admitting_privilege_type": "FULL",
        "privilege_status": "ACTIVE",
        "start_date": "2019-06-01",
        "submission_date": "2019-05-20",
        "hospital_percentage": 80,
        "verified_by": {"name": "Credentialing desk"},
        "board_approved": true
    });
    let record: AdmittingPrivilege = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(record.extra["board_approved"], true);
    assert_eq!(serde_json::to_value(&record).unwrap(), sent);
}
