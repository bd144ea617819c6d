#![allow(missing_docs)]
//! Request bodies and parameters of the credentialing endpoints (CR1–CR13):
//! what is sent (snapshots, query strings), and that unknown fields survive
//! a round trip.

use assured_models::catalog::{self, BodyKind, Endpoint, IdKind, Paging};
use assured_models::ids::{ClientId, CredentialingRequestId, UserId};
use assured_models::models::credentialing::{
    ApprovalLetterSend, CloseRequestItem, CredentialingDownloadRequest, CredentialingListParams,
    CredentialingNeedActionListParams, CredentialingRequest, CredentialingRequestCreate,
    CredentialingRequestCreated, MonitoringPacketEventListParams, ProviderCredentialingOverview,
};
use assured_models::{AccountId, ApiDate, ApiDateTime, QueryParams};
use serde_json::{Value, json};

const ACCOUNT: &str = "9c1d2e3f-4a5b-4c6d-8e7f-a1b2c3d4e5f6";
const PROFILE: &str = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const REQUEST: &str = "5d8e1c2a-7b3f-4e9a-9c1d-2f3e4a5b6c7d";
const REQUEST_2: &str = "6e9f2d3b-8c4a-4f0b-8d2e-3a4b5c6d7e8f";
const CLIENT: &str = "7a0b3c4d-9e5f-4a1b-9c3d-4e5f6a7b8c9d";
const USER: &str = "8b1c4d5e-0f6a-4b2c-8d4e-5f6a7b8c9d0e";

fn account() -> AccountId {
    ACCOUNT.parse().unwrap()
}

fn request(text: &str) -> CredentialingRequestId {
    text.parse().unwrap()
}

fn assert_no_nulls(value: &Value) {
    match value {
        Value::Null => panic!("a null is sent"),
        Value::Array(items) => items.iter().for_each(assert_no_nulls),
        Value::Object(map) => map.values().for_each(assert_no_nulls),
        _ => {}
    }
}

// --- request bodies --------------------------------------------------------

#[test]
fn create_request_defaults_to_initial_credentialing() {
    let bare = CredentialingRequestCreate::new(account());
    assert_eq!(
        serde_json::to_value(&bare).unwrap(),
        json!({"provider": ACCOUNT, "credentialing_type": "INITIAL_CREDENTIALING"})
    );
    // The default also applies when the mock reads a body without the key.
    let read: CredentialingRequestCreate =
        serde_json::from_value(json!({"provider": ACCOUNT})).unwrap();
    assert_eq!(read, bare);

    let body = CredentialingRequestCreate {
        state_codes: Some(vec!["MD".into(), "VA".into()]),
        ..CredentialingRequestCreate::new(account())
    };
    assert_no_nulls(&serde_json::to_value(&body).unwrap());
    insta::assert_json_snapshot!("credentialing_request_create", body);
}

#[test]
fn close_request_body_is_an_array_of_cancellations() {
    let body = vec![
        CloseRequestItem {
            reason: Some("PROVIDER_WITHDRAWN_APPLICATION".into()),
            closure_remarks: Some("Provider left the group".into()),
            request_closed_by: Some("ops@example.com".into()),
            ..CloseRequestItem::new(request(REQUEST))
        },
        CloseRequestItem {
            reason: Some("OTHER".into()),
            notes: Some("Duplicate of an older request".into()),
            approval_date: Some("2024-05-01T12:00:00Z".parse::<ApiDateTime>().unwrap()),
            approver_name: Some("Dr. B. Jones".into()),
            ..CloseRequestItem::new(request(REQUEST_2))
        },
    ];
    let value = serde_json::to_value(&body).unwrap();
    assert!(value.is_array());
    assert!(
        value
            .as_array()
            .unwrap()
            .iter()
            .all(|item| item["status"] == "CANCELLED")
    );
    assert_no_nulls(&value);
    insta::assert_json_snapshot!("close_request_items", body);

    let read: CloseRequestItem = serde_json::from_value(json!({"id": REQUEST})).unwrap();
    assert_eq!(read, CloseRequestItem::new(request(REQUEST)));
}

#[test]
fn download_body() {
    let body = CredentialingDownloadRequest::new(vec![request(REQUEST), request(REQUEST_2)]);
    insta::assert_json_snapshot!("credentialing_download", body);
}

#[test]
fn approval_letter_send_body() {
    let client: ClientId = CLIENT.parse().unwrap();
    let bare = ApprovalLetterSend::new(client, ACCOUNT, request(REQUEST));
    assert_eq!(
        serde_json::to_value(&bare).unwrap(),
        json!({"client": CLIENT, "provider": ACCOUNT, "request": REQUEST})
    );
    let body = ApprovalLetterSend {
        additional_cc_emails: Some(vec!["cmo@example.com".into()]),
        ..bare
    };
    insta::assert_json_snapshot!("approval_letter_send", body);
}

// --- list parameters -------------------------------------------------------

#[test]
fn request_list_parameters_encode_lists_comma_separated() {
    let user: UserId = USER.parse().unwrap();
    let params = CredentialingListParams {
        provider: Some(account()),
        status_in: Some(vec!["PENDING".into(), "IN_PROGRESS".into()]),
        state_codes_in: Some(vec!["MD".into(), "VA".into()]),
        individual_npis: Some(vec!["1234567893".into(), "1245319599".into()]),
        client_ids: Some(vec![CLIENT.parse().unwrap()]),
        assignee_in: Some(vec![user]),
        created_at_after: Some("2024-01-02T03:04:05Z".parse().unwrap()),
        verifier_signed_off: Some(false),
        limit: Some(100),
        ..CredentialingListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!(
            "assignee_in={USER}&client_ids={CLIENT}&created_at_after=2024-01-02T03%3A04%3A05Z\
             &individual_npis=1234567893%2C1245319599&limit=100&provider={ACCOUNT}\
             &state_codes_in=MD%2CVA&status_in=PENDING%2CIN_PROGRESS&verifier_signed_off=false"
        )
    );
    assert_eq!(
        CredentialingListParams::default()
            .to_query_string()
            .unwrap(),
        ""
    );
}

#[test]
fn need_action_parameters_add_date_filters() {
    let params = CredentialingNeedActionListParams {
        provider: Some(ACCOUNT.into()),
        org_joining_date_after: Some(ApiDate::from_ymd(2024, 1, 1).unwrap()),
        pending_verification_type_in: Some(vec!["LICENSE".into(), "DEA".into()]),
        ..CredentialingNeedActionListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!(
            "provider={ACCOUNT}&org_joining_date_after=2024-01-01\
             &pending_verification_type_in=LICENSE%2CDEA"
        )
    );
}

#[test]
fn monitoring_parameters_use_the_double_underscore_names() {
    let params = MonitoringPacketEventListParams {
        request_provider: Some(ACCOUNT.into()),
        request_status: Some("CLEAR".into()),
        professional_id_type: Some("LICENSE".into()),
        event_type: Some("LICENSE_EXPIRY".into()),
        type_in: Some(vec!["A".into(), "B".into()]),
        ..MonitoringPacketEventListParams::default()
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        format!(
            "credentialing_request__provider={ACCOUNT}&credentialing_request__status=CLEAR\
             &professional_id__professional_id_type=LICENSE&type=LICENSE_EXPIRY&type_in=A%2CB"
        )
    );
}

// --- replies ---------------------------------------------------------------

#[test]
fn create_reply_has_the_spec_shape() {
    let reply: CredentialingRequestCreated = serde_json::from_value(json!({
        "id": REQUEST,
        "provider": ACCOUNT,
        "status": "PENDING",
        "credentialing_type": "INITIAL_CREDENTIALING",
        "state_codes": ["MD"],
        "requested_by": USER,
        "created_at": "2024-05-01T12:00:00.123456Z",
        "updated_at": "2024-05-01 12:00:00+00:00",
    }))
    .unwrap();
    assert_eq!(reply.id, request(REQUEST));
    assert_eq!(reply.provider, Some(account()));
    assert!(reply.extra.is_empty());
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let input = json!({
        "id": REQUEST,
        "provider_details": {
            "id": ACCOUNT,
            "provider_profile_id": PROFILE,
            "individual_npi": "1234567893",
            "x_nested_future": true,
        },
        "client_details": {"id": CLIENT, "name": "Acme Health"},
        "state_codes": ["MD"],
        "status": "PENDING",
        "is_signoff_allowed": {"value": false, "msg": "Pending verifications"},
        "sla_days": 30,
        "x_future_field": {"nested": [1, "a"]},
    });
    let record: CredentialingRequest = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(record.extra["x_future_field"], json!({"nested": [1, "a"]}));
    let details = record.provider_details.as_ref().unwrap();
    assert_eq!(details.provider_profile_id.unwrap().to_string(), PROFILE);
    assert_eq!(serde_json::to_value(&record).unwrap(), input);

    let overview = json!({
        "id": ACCOUNT,
        "email": "dr@example.com",
        "last_credentialing_request": {"id": REQUEST, "state_codes": ["MD"], "packet_events_data": [{"a": 1}]},
        "last_packet": {"states": ["MD", "VA"], "credentialing_status": "CREDENTIALED"},
        "x_future_field": 1,
    });
    let record: ProviderCredentialingOverview = serde_json::from_value(overview.clone()).unwrap();
    assert_eq!(serde_json::to_value(&record).unwrap(), overview);
}

// --- catalog ---------------------------------------------------------------

#[test]
fn catalog_rows_cr1_to_cr13() {
    let keys: Vec<_> = catalog::all()
        .filter(|d| d.key.starts_with("CR"))
        .map(|d| d.key)
        .collect();
    let expected: Vec<String> = (1..=13).map(|n| format!("CR{n}")).collect();
    assert_eq!(keys, expected);

    let close = catalog::CloseCredentialingRequests::DESCRIPTOR;
    assert_eq!(close.body, BodyKind::JsonArray);
    assert!(close.idempotent);
    assert_eq!(
        catalog::CreateCredentialingRequest::DESCRIPTOR.ids,
        IdKind::Account
    );
    assert_eq!(
        catalog::ListCredentialingRequests::DESCRIPTOR.paging,
        Paging::Paged
    );
    let letter = catalog::GetApprovalLetter::DESCRIPTOR;
    assert_eq!(
        letter.render_path(&request(REQUEST)),
        letter.path.replace("{cred_request_id}", REQUEST)
    );
    catalog::GetCredentialingRequest::DESCRIPTOR
        .check_response_json(&json!({"id": REQUEST, "status": "APPROVED"}))
        .unwrap();
    catalog::ListCredentialingPackets::DESCRIPTOR
        .check_response_json(&json!({
            "count": 1, "next": null, "previous": null,
            "results": [{"id": REQUEST_2, "credentialing_request": REQUEST, "states": "MD,VA"}],
        }))
        .unwrap();
}
