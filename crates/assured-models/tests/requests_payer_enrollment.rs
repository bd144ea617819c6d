#![allow(missing_docs)]

use assured_models::QueryParams;
use assured_models::models::payer_enrollment::{
    BulkOaAssignment, EnrollmentRequestDetail, EnrollmentRequestStatusUpdate,
    ExistingGroupEnrollmentCreate, ExistingProviderEnrollment, ExistingProviderEnrollmentCreate,
    GroupEnrollmentRequestCreate, InvalidStatusUpdate, Lobs, ProviderEnrollmentRequestCreate,
    SelectableOaUserListParams,
};
use serde_json::json;

const TAX_ENTITY: &str = "7c6b5a49-3827-4165-9e4d-3c2b1a098f7e";
const HEALTH_PLAN: &str = "8d7c6b5a-4938-4276-8f5e-4d3c2b1a0987";
const LOCATION_A: &str = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
const LOCATION_B: &str = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const CLIENT: &str = "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716";
const PROVIDER: &str = "4e5f6a7b-8c9d-4e0f-9a2b-3c4d5e6f7a8b";
const PROVIDER_2: &str = "5f6a7b8c-9d0e-4f1a-8b3c-4d5e6f7a8b9c";
const REQUEST: &str = "6a7b8c9d-0e1f-4a2b-9c4d-5e6f7a8b9c0d";
const OA: &str = "0b8e7c6d-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

#[test]
fn group_enrollment_request_create() {
    let mut request = GroupEnrollmentRequestCreate::new(
        TAX_ENTITY.parse().unwrap(),
        "IL",
        HEALTH_PLAN.parse().unwrap(),
        "COMMERCIAL",
        true,
        vec![PROVIDER.into(), PROVIDER_2.into()],
        LOCATION_A.parse().unwrap(),
    );
    request.other_practice_locations = Some(vec![LOCATION_B.parse().unwrap()]);
    request.notes = Some("Group enrollment for the new clinic".into());
    request.request_type = Some("NEW".into());
    insta::assert_json_snapshot!(request);
}

#[test]
fn provider_enrollment_request_create() {
    let mut request = ProviderEnrollmentRequestCreate::new(
        PROVIDER,
        TAX_ENTITY.parse().unwrap(),
        "IL",
        HEALTH_PLAN.parse().unwrap(),
        "MEDICAID",
        LOCATION_A.parse().unwrap(),
        "NEW",
    );
    request.notes = Some("Initial enrollment".into());
    insta::assert_json_snapshot!(request);
}

#[test]
fn create_bodies_require_the_spec_required_fields() {
    // A body the Python client would send (everything optional, nulls) does
    // not pass for a request type that enforces the spec's required list.
    let client_style = json!({
        "health_plan": HEALTH_PLAN, "practice_location": null, "tax_entity": null,
        "effective_date": null, "state": "IL", "lobs": null, "enroll_providers": null,
        "group_providers": null, "primary_practice_location": null,
        "other_practice_locations": null, "notes": null, "request_type": null
    });
    assert!(serde_json::from_value::<GroupEnrollmentRequestCreate>(client_style).is_err());
    assert!(
        serde_json::from_value::<ProviderEnrollmentRequestCreate>(json!({
            "provider": PROVIDER, "tax_entity": TAX_ENTITY, "state": "IL",
            "health_plan": HEALTH_PLAN, "lobs": "MEDICAID",
            "primary_practice_location": LOCATION_A
        }))
        .is_err(),
        "request_type is spec-required"
    );
}

#[test]
fn enrollment_request_status_update() {
    let update = EnrollmentRequestStatusUpdate {
        status: Some("ON_HOLD".into()),
        status_reason: Some("OTHER".into()),
        note: Some("Waiting for the payer's callback".into()),
    };
    assert_eq!(update.validate(), Ok(()));
    insta::assert_json_snapshot!(update);
}

#[test]
fn status_update_sends_only_set_keys() {
    assert_eq!(
        serde_json::to_value(EnrollmentRequestStatusUpdate::status("COMPLETED")).unwrap(),
        json!({"status": "COMPLETED"})
    );
}

#[test]
fn status_update_with_reason_other_needs_a_note() {
    let mut update = EnrollmentRequestStatusUpdate::status("CANCELLED");
    update.status_reason = Some("OTHER".into());
    assert_eq!(update.validate(), Err(InvalidStatusUpdate::NoteRequired));
    update.note = Some("   ".into());
    assert_eq!(update.validate(), Err(InvalidStatusUpdate::NoteRequired));
    update.status_reason = Some("other".into());
    assert_eq!(update.validate(), Err(InvalidStatusUpdate::NoteRequired));
    update.note = Some("Provider left the group".into());
    assert_eq!(update.validate(), Ok(()));
    assert!(
        InvalidStatusUpdate::NoteRequired
            .to_string()
            .contains("note is required")
    );

    // Other reasons, or no reason, need no note.
    let mut update = EnrollmentRequestStatusUpdate::status("CANCELLED");
    assert_eq!(update.validate(), Ok(()));
    update.status_reason = Some("DUPLICATE".into());
    assert_eq!(update.validate(), Ok(()));
    assert_eq!(EnrollmentRequestStatusUpdate::default().validate(), Ok(()));
}

#[test]
fn existing_group_enrollment_create() {
    let mut body = ExistingGroupEnrollmentCreate::new(
        TAX_ENTITY.parse().unwrap(),
        "IL",
        HEALTH_PLAN.parse().unwrap(),
        LOCATION_A.parse().unwrap(),
        "PAR",
        CLIENT.parse().unwrap(),
    );
    body.new_health_plan_id = Some("GRP-0042".into());
    body.effective_date = Some("2023-07-01".parse().unwrap());
    body.no_re_validation_date = Some(true);
    body.lobs = Some("COMMERCIAL".into());
    insta::assert_json_snapshot!(body);
}

#[test]
fn existing_provider_enrollment_create() {
    let mut body = ExistingProviderEnrollmentCreate::new(
        PROVIDER,
        TAX_ENTITY.parse().unwrap(),
        "IL",
        HEALTH_PLAN.parse().unwrap(),
        LOCATION_A.parse().unwrap(),
        "PAR",
    );
    body.client = Some(CLIENT.parse().unwrap());
    body.lobs = Some(Lobs::List(vec!["MEDICAID".into(), "COMMERCIAL".into()]));
    body.other_practice_locations = Some(vec![LOCATION_B.parse().unwrap()]);
    body.effective_date = Some("2023-07-01".parse().unwrap());
    body.re_validation_date = Some("2028-07-01".parse().unwrap());
    body.welcome_letters = Some(json!(["s3://bucket/welcome.pdf"]));
    insta::assert_json_snapshot!(body);
}

#[test]
fn lobs_accept_a_list_and_a_comma_separated_string() {
    let base = json!({
        "provider": PROVIDER, "tax_entity": TAX_ENTITY, "state": "IL",
        "health_plan": HEALTH_PLAN, "primary_practice_location": LOCATION_A, "par_status": "PAR"
    });
    let mut as_list = base.clone();
    as_list["lobs"] = json!(["MEDICAID", "COMMERCIAL"]);
    let mut as_text = base;
    as_text["lobs"] = json!("MEDICAID, COMMERCIAL");

    let list: ExistingProviderEnrollmentCreate = serde_json::from_value(as_list.clone()).unwrap();
    let text: ExistingProviderEnrollmentCreate = serde_json::from_value(as_text.clone()).unwrap();
    let list_lobs = list.lobs.clone().unwrap();
    let text_lobs = text.lobs.clone().unwrap();
    assert!(matches!(list_lobs, Lobs::List(_)));
    assert!(matches!(text_lobs, Lobs::CommaSeparated(_)));
    assert_eq!(list_lobs.items(), vec!["MEDICAID", "COMMERCIAL"]);
    assert_eq!(list_lobs.items(), text_lobs.items());
    // Each shape goes back out as it came.
    assert_eq!(serde_json::to_value(&list).unwrap(), as_list);
    assert_eq!(serde_json::to_value(&text).unwrap(), as_text);

    // The reply record accepts both shapes as well.
    for lobs in [json!(["MEDICAID"]), json!("MEDICAID")] {
        let record: ExistingProviderEnrollment =
            serde_json::from_value(json!({"id": REQUEST, "lobs": lobs})).unwrap();
        assert_eq!(record.lobs.unwrap().items(), vec!["MEDICAID"]);
    }
}

#[test]
fn bulk_oa_assignment() {
    let mut body = BulkOaAssignment::new(
        vec![OA.parse().unwrap()],
        vec!["SUBMISSION_PHASE".into(), "FOLLOWUP_PHASE".into()],
    );
    body.health_plan_ids = Some(vec![HEALTH_PLAN.parse().unwrap()]);
    body.states = Some(vec!["IL".into(), "WI".into()]);
    insta::assert_json_snapshot!(body);
}

#[test]
fn selectable_oa_users_always_send_the_enrollment_request() {
    let params = SelectableOaUserListParams::new(REQUEST.parse().unwrap());
    assert_eq!(
        params.to_query_string().unwrap(),
        format!("enrollment_request={REQUEST}")
    );
}

#[test]
fn enrollment_request_detail_unknown_fields_survive_a_round_trip() {
    let sent = json!({
        "id": REQUEST,
        "request_id": "ER-1001",
        "enrollment_type": "GROUP",
        "status": "IN_PROGRESS",
        "created_at": "2024-03-04T05:06:07Z",
        "submission_oa": OA,
        "group_providers": [{"id": PROVIDER, "full_name": "Ann Lee", "npi": "1234567893"}],
        "oa_actions_available": {"can_retrigger": true},
        "retrigger_attempts": 2,
        "sla_breached": false,
        "payer_portal": {"name": "Availity"}
    });
    let detail: EnrollmentRequestDetail = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(detail.extra["sla_breached"], false);
    assert_eq!(
        detail.group_providers.as_ref().unwrap()[0].extra["npi"],
        "1234567893"
    );
    assert_eq!(serde_json::to_value(&detail).unwrap(), sent);
}
