//! `EndpointDescriptor::canonical_body_json`: bodies checked against and
//! rewritten by each endpoint's `Body` type.
#![allow(missing_docs)]

use assured_models::catalog::{self, BodyKind, Endpoint};
use serde_json::json;

#[test]
fn aliases_become_the_canonical_names() {
    let body = catalog::CreatePracticeLocation::DESCRIPTOR
        .canonical_body_json(json!({"name": "Main", "phone": "5550100", "city": "Salem"}))
        .unwrap();
    assert_eq!(
        body,
        json!({"name": "Main", "phone_number": "5550100", "mailing_city": "Salem"})
    );
    let body = catalog::CreateTaxEntity::DESCRIPTOR
        .canonical_body_json(json!({"name": "Salem Physicians LLC"}))
        .unwrap();
    assert_eq!(body, json!({"legal_name": "Salem Physicians LLC"}));
}

#[test]
fn errors_name_the_failing_field() {
    let d = catalog::CreatePracticeLocation::DESCRIPTOR;
    let error = d
        .canonical_body_json(json!({"name": "Main", "mailing_city": 7}))
        .unwrap_err();
    assert_eq!(error.path, "mailing_city");
    assert!(
        error.message.starts_with("invalid type: integer `7`"),
        "{error}"
    );

    // A missing field is reported at the body itself, named in the message.
    let error = d.canonical_body_json(json!({})).unwrap_err();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        (".", "missing field `name`")
    );

    // Inside a JSON-array body.
    let error = catalog::CloseCredentialingRequests::DESCRIPTOR
        .canonical_body_json(json!([
            {"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301"},
            {"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "approver_name": false},
        ]))
        .unwrap_err();
    assert_eq!(error.path, "[1].approver_name");
    assert_eq!(
        error.to_string(),
        format!("{} at [1].approver_name", error.message)
    );
}

#[test]
fn endpoints_without_a_body_take_only_null() {
    let mut checked = 0;
    for d in catalog::all().filter(|d| d.body == BodyKind::None) {
        assert_eq!(
            d.canonical_body_json(json!(null)).unwrap(),
            json!(null),
            "{d:?}"
        );
        let error = d.canonical_body_json(json!({"x": 1})).unwrap_err();
        assert_eq!(error.path, ".", "{d:?}");
        checked += 1;
    }
    assert!(checked > 50, "{checked}");
}

#[test]
fn every_json_body_type_round_trips_its_own_canonical_form() {
    // Whatever a JSON body type accepts, its canonical form is accepted
    // again unchanged.
    for d in catalog::all().filter(|d| matches!(d.body, BodyKind::Json | BodyKind::JsonArray)) {
        let empty = if d.body == BodyKind::JsonArray {
            json!([])
        } else {
            json!({})
        };
        if let Ok(canonical) = d.canonical_body_json(empty) {
            assert_eq!(
                d.canonical_body_json(canonical.clone()).unwrap(),
                canonical,
                "{d:?}"
            );
        }
    }
}

#[test]
fn multipart_bodies_check_only_the_form_fields() {
    let d = catalog::UploadFile::DESCRIPTOR;
    assert_eq!(d.body, BodyKind::Multipart);
    let form = json!({"name": "a.pdf", "file_name": "cv.pdf", "content_type": "application/pdf"});
    assert_eq!(d.canonical_body_json(form.clone()).unwrap(), form);
    let error = d.canonical_body_json(json!({"name": "a.pdf"})).unwrap_err();
    assert_eq!(error.message, "missing field `file_name`");
}
