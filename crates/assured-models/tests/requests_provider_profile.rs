#![allow(missing_docs)]
#![recursion_limit = "256"]
//! Request bodies, query strings and response records of the
//! provider-profile endpoints owned here (PP1–PP5, PP30–PP31).

use assured_models::catalog::{self, Auth, BodyKind, Endpoint, IdKind, Method, Origin, Paging};
use assured_models::ids::DocumentId;
use assured_models::models::provider_profile::{
    EmptyString, EncryptedSsnRecord, EncryptedSsnUpdate, PlaintextSsnRecord, ProviderDocument,
    ProviderDocumentCreate, ProviderDocumentListParams, ProviderPersonalInfo,
    ProviderPersonalInfoUpdate,
};
use assured_models::{ApiDate, Page, ProfileId, QueryParams, Tristate};
use serde_json::{Map, Value, json};

const PROFILE: &str = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const DOCUMENT: &str = "6b1d7e2a-9c3f-4d5e-8a7b-0c1d2e3f4a5b";

/// The 75 fields of `ProviderPersonalInfo` in models.json, in model order.
const PERSONAL_INFO_FIELDS: [&str; 75] = [
    "id",
    "full_name",
    "nucc_grouping",
    "nucc_taxonomy_code",
    "nucc_classification",
    "specialization",
    "provider_type",
    "provider_role",
    "practice_setting",
    "primary_practice_state",
    "languages",
    "additional_practice_states",
    "first_name",
    "middle_name",
    "last_name",
    "suffix",
    "home_street_address_1",
    "home_street_address_2",
    "home_city",
    "home_state",
    "home_zip_code",
    "home_country",
    "primary_email_address",
    "public_email",
    "personal_email",
    "business_email",
    "other_email",
    "other_emails",
    "other_names",
    "primary_phone",
    "individual_npi",
    "caqh_id",
    "last_caqh_attestation_date",
    "ssn",
    "gender",
    "birth_date",
    "us_citizen",
    "birth_country",
    "birth_state",
    "birth_city",
    "race",
    "county",
    "height_inches",
    "weight_in_lbs",
    "hair_color",
    "eye_color",
    "supervising_or_collaborative_physician_name",
    "physician_individual_npi",
    "home_phone_number",
    "fax_number",
    "correspondence_address_same_as_residence",
    "correspondence_street_address_1",
    "correspondence_street_address_2",
    "correspondence_city",
    "correspondence_state",
    "correspondence_country",
    "correspondence_postal_code",
    "upin",
    "visa_number",
    "visa_status",
    "citizenship_country",
    "eligible_to_work_in_us",
    "served_military",
    "active_or_reserve_duty",
    "date_of_service_start",
    "date_of_service_end",
    "last_location_of_service",
    "branch_of_service",
    "is_ecfmg",
    "ecfmg_number",
    "ecfmg_issue_date",
    "personal_completion_info",
    "credentialing_readiness_info",
    "management_type",
    "updated_at",
];

/// The writable fields: `ProviderPersonalInfoUpdate` of models.json minus `ssn`.
fn writable_fields() -> Vec<&'static str> {
    const READ_ONLY: [&str; 8] = [
        "id",
        "updated_at",
        "management_type",
        "personal_completion_info",
        "other_emails",
        "other_names",
        "last_caqh_attestation_date",
        "ssn",
    ];
    PERSONAL_INFO_FIELDS
        .into_iter()
        .filter(|f| !READ_ONLY.contains(f))
        .collect()
}

fn profile() -> ProfileId {
    PROFILE.parse().unwrap()
}

/// A production-like record: every field set, `updated_at` date-only (as
/// production sometimes sends), a date-time in a date field, and one field
/// this SDK does not know.
fn full_record() -> Value {
    json!({
        "id": PROFILE,
        "full_name": "Ann Marie Lee",
        "nucc_grouping": "Allopathic & Osteopathic Physicians",
        "nucc_taxonomy_code": "207Q00000X",
        "nucc_classification": "Family Medicine",
        "specialization": "Family Medicine",
        "provider_type": "MD",
        "provider_role": "PCP",
        "practice_setting": "Outpatient",
        "primary_practice_state": "CA",
        "languages": ["English", "Spanish"],
        "additional_practice_states": ["NV", "OR"],
        "first_name": "Ann",
        "middle_name": "Marie",
        "last_name": "Lee",
        "suffix": "Jr.",
        "home_street_address_1": "1200 Harbor Blvd",
        "home_street_address_2": "Apt 4B",
        "home_city": "Oakland",
        "home_state": "CA",
        "home_zip_code": "94607",
        "home_country": "US",
        "primary_email_address": "ann.lee@example.org",
        "public_email": "dr.lee@example.org",
        "personal_email": "annlee77@example.net",
        "business_email": "alee@clinic.example.org",
        "other_email": "ann.m.lee@example.org",
        "other_emails": ["old.ann@example.org"],
        "other_names": [{"first_name": "Ann", "last_name": "Park", "type": "MAIDEN"}],
        "primary_phone": "(510) 555-0142",
        "individual_npi": "1234567893",
        "caqh_id": "16012345",
        "last_caqh_attestation_date": "2024-04-30T18:22:05.123456Z",
        "ssn": "***-**-6789",
        "gender": "Female",
        "birth_date": "1980-02-29",
        "us_citizen": true,
        "birth_country": "US",
        "birth_state": "WA",
        "birth_city": "Seattle",
        "race": "Asian",
        "county": "Alameda",
        "height_inches": 65,
        "weight_in_lbs": 140,
        "hair_color": "Black",
        "eye_color": "Brown",
        "supervising_or_collaborative_physician_name": "Dr. Raj Patel",
        "physician_individual_npi": "1245319599",
        "home_phone_number": "(510) 555-0100",
        "fax_number": "(510) 555-0199",
        "correspondence_address_same_as_residence": false,
        "correspondence_street_address_1": "500 Clinic Way",
        "correspondence_street_address_2": "Suite 210",
        "correspondence_city": "Oakland",
        "correspondence_state": "CA",
        "correspondence_country": "US",
        "correspondence_postal_code": "94612",
        "upin": "A12345",
        "visa_number": "N/A",
        "visa_status": "Citizen",
        "citizenship_country": "US",
        "eligible_to_work_in_us": true,
        "served_military": true,
        "active_or_reserve_duty": false,
        "date_of_service_start": "2002-06-01",
        "date_of_service_end": "2006-05-31",
        "last_location_of_service": "Naval Medical Center San Diego",
        "branch_of_service": "Navy",
        "is_ecfmg": false,
        "ecfmg_number": "0-123-456-7",
        "ecfmg_issue_date": "2007-01-15",
        "personal_completion_info": {"completed": 61, "total": 68, "percentage": 89.7},
        "credentialing_readiness_info": {"is_ready": false, "missing": ["DEA"]},
        "management_type": "PROVIDER_MANAGED",
        "updated_at": "2024-05-01",
        "caqh_status": "ATTESTED"
    })
}

#[test]
fn full_personal_info_record_round_trips_with_unknown_fields() {
    let input = full_record();
    let object = input.as_object().unwrap();
    for field in PERSONAL_INFO_FIELDS {
        assert!(
            !object[field].is_null(),
            "{field} must be set in the sample"
        );
    }
    assert_eq!(object.len(), PERSONAL_INFO_FIELDS.len() + 1);

    let info: ProviderPersonalInfo = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(info.id, profile());
    // Every known field landed in a typed field, only the unknown one in `extra`.
    assert_eq!(info.extra.keys().collect::<Vec<_>>(), ["caqh_status"]);
    assert_eq!(info.height_inches, Some(65));
    assert_eq!(info.birth_date, ApiDate::from_ymd(1980, 2, 29));
    assert_eq!(
        info.last_caqh_attestation_date,
        ApiDate::from_ymd(2024, 4, 30)
    );

    let output = serde_json::to_value(&info).unwrap();
    let out = output.as_object().unwrap();
    assert_eq!(out.len(), PERSONAL_INFO_FIELDS.len() + 1);
    for (key, value) in object {
        match key.as_str() {
            // Normalised, same instant / day.
            "updated_at" => assert_eq!(out[key], "2024-05-01T00:00:00Z"),
            "last_caqh_attestation_date" => assert_eq!(out[key], "2024-04-30"),
            _ => assert_eq!(&out[key], value, "{key}"),
        }
    }
    let again: ProviderPersonalInfo = serde_json::from_value(output).unwrap();
    assert_eq!(again, info);
}

#[test]
fn personal_info_tolerates_a_fresh_profile_and_hides_the_ssn() {
    let mut fresh = Map::new();
    for field in PERSONAL_INFO_FIELDS {
        fresh.insert(field.to_owned(), Value::Null);
    }
    fresh.insert("id".to_owned(), json!(PROFILE));
    let info: ProviderPersonalInfo = serde_json::from_value(Value::Object(fresh)).unwrap();
    assert_eq!(info.first_name, None);
    assert_eq!(serde_json::to_value(&info).unwrap(), json!({"id": PROFILE}));

    let info: ProviderPersonalInfo = serde_json::from_value(full_record()).unwrap();
    let debug = format!("{info:?}");
    assert!(!debug.contains("***-**-6789"), "{debug}");
    assert!(debug.contains("SsnText(<redacted>)"));
    assert_eq!(info.ssn.as_ref().unwrap().expose(), "***-**-6789");
}

#[test]
fn personal_info_update_snapshot() {
    let update = ProviderPersonalInfoUpdate {
        first_name: Tristate::Value("Ann".to_owned()),
        languages: Tristate::Value(vec!["English".to_owned(), "Spanish".to_owned()]),
        us_citizen: Tristate::Value(true),
        citizenship_country: Tristate::Value("US".to_owned()),
        birth_date: Tristate::Value(ApiDate::from_ymd(1980, 2, 29).unwrap()),
        height_inches: Tristate::Value(65),
        // Cleared: sent as null.
        middle_name: Tristate::Null,
        ecfmg_issue_date: Tristate::Null,
        // Everything else is absent: not sent.
        ..ProviderPersonalInfoUpdate::default()
    };
    insta::assert_json_snapshot!(update);
    assert_eq!(
        serde_json::to_string(&ProviderPersonalInfoUpdate::default()).unwrap(),
        "{}"
    );
}

#[test]
fn personal_info_update_covers_every_writable_field_and_no_ssn() {
    let mut all_null = Map::new();
    for field in writable_fields() {
        all_null.insert(field.to_owned(), Value::Null);
    }
    all_null.insert("ssn".to_owned(), json!("123-45-6789"));
    let update: ProviderPersonalInfoUpdate =
        serde_json::from_value(Value::Object(all_null)).unwrap();
    let out = serde_json::to_value(&update).unwrap();
    let keys: Vec<&str> = out
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = writable_fields();
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(keys.len(), 67);
    assert!(
        out.get("ssn").is_none(),
        "an SSN must never go in clear text"
    );
    assert!(out.as_object().unwrap().values().all(Value::is_null));

    // A key that is missing stays absent; a present null is a clear.
    let update: ProviderPersonalInfoUpdate =
        serde_json::from_value(json!({"suffix": null, "home_city": "Oakland"})).unwrap();
    assert_eq!(update.suffix, Tristate::Null);
    assert_eq!(update.home_city, Tristate::Value("Oakland".to_owned()));
    assert_eq!(update.first_name, Tristate::Absent);
}

#[test]
fn read_only_keys_are_the_documented_ones() {
    let mut keys = ProviderPersonalInfo::READ_ONLY_KEYS.to_vec();
    keys.sort_unstable();
    let mut expected: Vec<&str> = PERSONAL_INFO_FIELDS
        .into_iter()
        .filter(|f| !writable_fields().contains(f))
        .collect();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn encrypted_ssn_update_body_and_redacted_debug() {
    let body = EncryptedSsnUpdate::new("AAECAwQFBgcICQoLDA0OD/h7eA6YugVyGg==");
    insta::assert_json_snapshot!(body);
    assert!(!format!("{body:?}").contains("AAEC"));
}

#[test]
fn ssn_records_parse_and_redact() {
    let record: EncryptedSsnRecord = serde_json::from_value(
        json!({"id": PROFILE, "ssn": "AAECAwQFBgcICQoLDA0OD/h7eA6YugVyGg=="}),
    )
    .unwrap();
    assert_eq!(record.id, profile());
    assert!(!format!("{record:?}").contains("AAEC"));

    let plain: PlaintextSsnRecord =
        serde_json::from_value(json!({"id": PROFILE, "ssn": "123456789"})).unwrap();
    assert_eq!(plain.ssn.as_deref(), Some("123456789"));
    assert!(!format!("{plain:?}").contains("123456789"));
    let bare: PlaintextSsnRecord = serde_json::from_value(json!({"ssn": "123456789"})).unwrap();
    assert_eq!(bare.id, None);
}

#[test]
fn document_create_body_always_carries_the_empty_strings() {
    let mut body = ProviderDocumentCreate::new(profile());
    body.document_name = Some("Board certificate 2024".to_owned());
    body.document_type = Some("Board Certification".to_owned());
    body.document_url = Some("s3://assured-uploads/provider-docs/2f1c9a.pdf".to_owned());
    body.document_file = Some("2f1c9a.pdf".to_owned());
    body.file_checksum = Some("9f86d081884c7d659a2feaa0c55ad015".to_owned());
    body.uploaded_date = Some("2024-05-01".to_owned());
    body.expiration_date = Some("2026-12-31".to_owned());
    body.state = Some("CA".to_owned());
    insta::assert_json_snapshot!("document_create_full", body);

    let minimal = ProviderDocumentCreate::new(profile());
    insta::assert_json_snapshot!("document_create_minimal", minimal);

    // What the Python client sends (nulls, the two empty strings) parses.
    let back: ProviderDocumentCreate = serde_json::from_value(json!({
        "id": "", "provider": PROFILE, "document_name": null, "document_type": "CV",
        "document_url": "s3://b/k.pdf", "document_file": null, "file_checksum": null,
        "uploaded_date": null, "expiration_date": null, "state": null,
        "presigned_document_url": ""
    }))
    .unwrap();
    assert_eq!(back.id, EmptyString);
    assert_eq!(back.document_type.as_deref(), Some("CV"));
}

#[test]
fn document_list_query_string() {
    let mut params = ProviderDocumentListParams::new(profile());
    assert_eq!(
        params.to_query_string().unwrap(),
        format!("provider={PROFILE}")
    );
    params.limit = Some(25);
    params.offset = Some(50);
    assert_eq!(
        params.to_query_string().unwrap(),
        format!("provider={PROFILE}&limit=25&offset=50")
    );
}

#[test]
fn document_page_keeps_unknown_fields() {
    let page: Page<ProviderDocument> = serde_json::from_value(json!({
        "count": 1, "next": null, "previous": null,
        "results": [{
            "id": DOCUMENT,
            "provider": PROFILE,
            "document_name": "CV",
            "document_type": "CV",
            "document_url": "s3://assured-uploads/provider-docs/cv.pdf",
            "document_file": null,
            "file_checksum": null,
            "uploaded_date": "2024-05-01T10:11:12Z",
            "expiration_date": null,
            "state": null,
            "presigned_document_url": "https://assured-uploads.s3.amazonaws.com/cv.pdf?X-Amz-Signature=abc",
            "verified": true
        }]
    }))
    .unwrap();
    let document = &page.results[0];
    assert_eq!(document.id, DOCUMENT.parse::<DocumentId>().unwrap());
    assert_eq!(document.extra["verified"], true);
    let out = serde_json::to_value(document).unwrap();
    assert_eq!(out["verified"], true);
    assert!(out.get("state").is_none());
}

#[test]
fn catalog_rows_match_the_reference() {
    let rows: Vec<_> = catalog::all()
        .filter(|d| ["PP1", "PP2", "PP3", "PP4", "PP5", "PP30", "PP31"].contains(&d.key))
        .map(|d| (d.key, d.name))
        .collect();
    assert_eq!(
        rows,
        [
            ("PP1", "GetPersonalInfo"),
            ("PP2", "UpdatePersonalInfo"),
            ("PP3", "GetEncryptedSsn"),
            ("PP4", "UpdateEncryptedSsn"),
            ("PP5", "GetPlaintextSsn"),
            ("PP30", "ListDocuments"),
            ("PP31", "CreateDocument"),
        ]
    );

    let get = catalog::GetPersonalInfo::DESCRIPTOR;
    assert_eq!(
        (get.method, get.auth, get.paging, get.ids),
        (Method::Get, Auth::ApiKey, Paging::Single, IdKind::Profile)
    );
    assert_eq!(
        get.render_path(&profile()),
        get.path.replace("{id}", PROFILE)
    );
    let patch = catalog::UpdatePersonalInfo::DESCRIPTOR;
    assert_eq!(patch.method, Method::Patch);
    assert!(patch.idempotent);

    for d in [
        catalog::GetEncryptedSsn::DESCRIPTOR,
        catalog::UpdateEncryptedSsn::DESCRIPTOR,
    ] {
        assert_eq!(d.auth, Auth::JwtOnly, "{d:?}");
        assert!(!d.auth.sends_api_key());
    }
    assert!(catalog::UpdateEncryptedSsn::DESCRIPTOR.idempotent);

    let list = catalog::ListDocuments::DESCRIPTOR;
    assert_eq!((list.auth, list.paging), (Auth::Jwt, Paging::Paged));
    let create = catalog::CreateDocument::DESCRIPTOR;
    assert_eq!((create.auth, create.body), (Auth::Jwt, BodyKind::Json));
    assert!(matches!(create.origin, Origin::SpecAuthDiffers { .. }));
    assert!(create.origin.in_spec());
    assert!(!create.idempotent);

    get.check_response_json(&full_record()).unwrap();
}
