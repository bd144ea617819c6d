// The dead endpoints are exercised on purpose: their types are deprecated.
#![allow(deprecated)]
#![allow(missing_docs)]
//! Request bodies of the professional-record endpoints (PP6–PP29): what is
//! sent (snapshots; production names only, no nulls), what is accepted on
//! input (legacy names), and that unknown fields survive a round trip.

use assured_models::catalog::{self, Endpoint, IdKind, Method, Paging};
use assured_models::models::professional_records::{
    CDSRecordCreate, Certification, CertificationCreate, DEARecordCreate, Education,
    EducationCreate, Employment, EmploymentCreate, GapHistory, GapHistoryCreate, LicenseCreate,
    MedicaidRecordCreate, MedicareRecordCreate, ProfessionalLiabilityInsurance,
    ProfessionalLiabilityInsuranceCreate, ProfessionalTraining, ProfessionalTrainingCreate,
    ProviderRecordListParams, ProviderRecordOrderedListParams,
};
use assured_models::{ApiDate, ProfileId, QueryParams};
use serde::Serialize;
use serde_json::{Value, json};

const RECORD_ID: &str = "0b6f3a52-8f52-4c1e-9d55-4f0b0c1e2d3a";

fn profile() -> ProfileId {
    "3f2504e0-4f89-41d3-9a0c-0305e82c3301".parse().unwrap()
}

/// `Some(date)`, for the optional date fields.
#[allow(clippy::unnecessary_wraps)]
fn date(text: &str) -> Option<ApiDate> {
    Some(text.parse().unwrap())
}

/// `Some(text)`, for the optional text fields.
#[allow(clippy::unnecessary_wraps)]
fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// The JSON object a body serializes to.
fn to_object(body: &impl Serialize) -> serde_json::Map<String, Value> {
    match serde_json::to_value(body).unwrap() {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// No key of `body` is in `names`, and no value is `null`.
fn assert_sends_none_of(body: &impl Serialize, names: &[&str]) {
    let map = to_object(body);
    for name in names {
        assert!(
            !map.contains_key(*name),
            "`{name}` must not be sent: {map:?}"
        );
    }
    for (key, value) in &map {
        assert!(!value.is_null(), "`{key}` is sent as null: {map:?}");
    }
}

// --- what is sent ----------------------------------------------------------

#[test]
fn a_bare_create_sends_only_the_provider() {
    let expected = json!({"provider": profile().to_string()});
    let bodies = [
        serde_json::to_value(CertificationCreate::new(profile())).unwrap(),
        serde_json::to_value(LicenseCreate::new(profile())).unwrap(),
        serde_json::to_value(DEARecordCreate::new(profile())).unwrap(),
        serde_json::to_value(CDSRecordCreate::new(profile())).unwrap(),
        serde_json::to_value(MedicaidRecordCreate::new(profile())).unwrap(),
        serde_json::to_value(MedicareRecordCreate::new(profile())).unwrap(),
        serde_json::to_value(EmploymentCreate::new(profile())).unwrap(),
        serde_json::to_value(GapHistoryCreate::new(profile())).unwrap(),
        serde_json::to_value(EducationCreate::new(profile())).unwrap(),
        serde_json::to_value(ProfessionalTrainingCreate::new(profile())).unwrap(),
        serde_json::to_value(ProfessionalLiabilityInsuranceCreate::new(profile())).unwrap(),
    ];
    for body in bodies {
        assert_eq!(body, expected);
    }
}

#[test]
fn certification_create_body() {
    let body = CertificationCreate {
        speciality: some("Family Medicine (207Q00000X)"),
        certifying_board_name: some("American Board of Family Medicine"),
        number: some("FM-123456"),
        initial_date: date("2015-07-01"),
        expiration_date: date("2025-12-31"),
        speciality_level: some("PRIMARY"),
        recertification_date: date("2025-06-30"),
        is_board_certified: Some(true),
        maintenance_of_certification: Some(true),
        list_in_hmo_directory: Some(true),
        list_in_ppo_directory: Some(false),
        board_exam_date: date("2015-04-15"),
        ..CertificationCreate::new(profile())
    };
    assert_sends_none_of(&body, &[]);
    insta::assert_json_snapshot!("certification_create", body);
}

#[test]
fn license_create_body() {
    let body = LicenseCreate {
        state: some("MD"),
        number: some("D0012345"),
        issue_date: date("2016-01-15"),
        expiration_date: date("2026-09-30"),
        license_type: some("MD"),
        is_currently_practicing_in_state: Some(true),
        ..LicenseCreate::new(profile())
    };
    assert_sends_none_of(&body, &[]);
    insta::assert_json_snapshot!("license_create", body);
}

#[test]
fn dea_create_body() {
    let body = DEARecordCreate {
        state: some("MD"),
        number: some("AB1234567"),
        issue_date: date("2022-03-01"),
        expiration_date: date("2025-02-28"),
        license_unlimited: Some(true),
        is_available: Some(true),
        ..DEARecordCreate::new(profile())
    };
    assert_sends_none_of(&body, &[]);
    insta::assert_json_snapshot!("dea_create", body);
}

#[test]
fn cds_create_body() {
    let body = CDSRecordCreate {
        state: some("MD"),
        number: some("AA123456"),
        issue_date: date("2022-03-01"),
        expiration_date: date("2025-02-28"),
        is_currently_practicing_in_state: Some(true),
        license_unlimited: Some(false),
        ..CDSRecordCreate::new(profile())
    };
    assert_sends_none_of(&body, &[]);
    insta::assert_json_snapshot!("cds_create", body);
}

#[test]
fn medicaid_and_medicare_create_bodies() {
    let medicaid = MedicaidRecordCreate {
        state: some("MD"),
        number: some("MED1234567"),
        ..MedicaidRecordCreate::new(profile())
    };
    let medicare = MedicareRecordCreate {
        state: some("MD"),
        number: some("MCR7654321"),
        ..MedicareRecordCreate::new(profile())
    };
    assert_sends_none_of(&medicaid, &[]);
    assert_sends_none_of(&medicare, &[]);
    insta::assert_json_snapshot!("medicaid_create", medicaid);
    insta::assert_json_snapshot!("medicare_create", medicare);
}

#[test]
fn employment_create_sends_v1_names_only() {
    let body = EmploymentCreate {
        employer_name: some("American Brain, LLC"),
        employment_type: some("EMPLOYED"),
        currently_employed: Some(false),
        start_date: date("2018-08-01"),
        end_date: date("2023-06-30"),
        address: some("1 Main St"),
        city: some("Baltimore"),
        state: some("MD"),
        country: some("US"),
        zip_code: some("21201"),
        phone_number: some("4105550100"),
        email_address: some("hr@example.com"),
        contact_information: some("HR department"),
        reason_for_discontinuance: some("Relocated"),
        ..EmploymentCreate::new(profile())
    };
    assert_sends_none_of(&body, &["position", "is_current", "reason_for_leaving"]);
    assert_eq!(to_object(&body)["type"], "EMPLOYED");
    insta::assert_json_snapshot!("employment_create", body);
}

#[test]
fn gap_history_create_sends_gap_explanation_only() {
    let body = GapHistoryCreate {
        start_date: date("2023-07-01"),
        end_date: date("2023-12-31"),
        gap_explanation: some("Parental leave"),
        ..GapHistoryCreate::new(profile())
    };
    assert_sends_none_of(&body, &["reason"]);
    insta::assert_json_snapshot!("gap_history_create", body);
}

#[test]
fn education_create_sends_name_only() {
    let body = EducationCreate {
        name: some("University of Maryland School of Medicine"),
        degree: some("MD"),
        start_date: date("2008-08-15"),
        end_date: date("2012-05-20"),
        city: some("Baltimore"),
        state: some("MD"),
        country: some("US"),
        is_primary: Some(true),
        address_street_1: some("655 W Baltimore St"),
        postal_code: some("21201"),
        ..EducationCreate::new(profile())
    };
    assert_sends_none_of(&body, &["institution_name"]);
    insta::assert_json_snapshot!("education_create", body);
}

#[test]
fn training_create_sends_spec_names_only() {
    let body = ProfessionalTrainingCreate {
        institution_name: some("Johns Hopkins Hospital"),
        training_type: some("Residency"),
        speciality: some("Internal Medicine"),
        city: some("Baltimore"),
        state: some("MD"),
        street_1: some("1800 Orleans St"),
        postal_code: some("21287"),
        country: some("US"),
        start_date: date("2012-07-01"),
        end_date: date("2015-06-30"),
        is_program_successfully_completed: Some(true),
        program_director: some("Dr. A. Smith"),
        ..ProfessionalTrainingCreate::new(profile())
    };
    assert_sends_none_of(&body, &["program_type", "specialty"]);
    insta::assert_json_snapshot!("professional_training_create", body);
}

#[test]
fn insurance_create_sends_production_names_only() {
    let body = ProfessionalLiabilityInsuranceCreate {
        policy_number: some("PLI-2024-0001"),
        name: some("MedPro Group"),
        current_effective_date: date("2024-01-01"),
        current_expiration_date: date("2025-01-01"),
        per_occurence_limit: Some(1_000_000.0),
        aggregate_limit: Some(3_000_000.0),
        is_self_insured: Some(false),
        city: some("Fort Wayne"),
        state: some("IN"),
        country: some("US"),
        coverage_type: some("INDIVIDUAL"),
        length_of_time_with_carrier: some("5 years"),
        ..ProfessionalLiabilityInsuranceCreate::new(profile())
    };
    assert_sends_none_of(
        &body,
        &[
            "carrier_name",
            "coverage_amount_per_occurrence",
            "coverage_amount_aggregate",
            "effective_date",
            "expiration_date",
        ],
    );
    insta::assert_json_snapshot!("liability_insurance_create", body);
}

// --- what is accepted ------------------------------------------------------

#[test]
fn records_using_legacy_names_fill_the_production_fields() {
    let employment: Employment = serde_json::from_value(json!({
        "id": RECORD_ID,
        "employer_name": "Clinic",
        "position": "Staff physician",
        "is_current": true,
        "reason_for_leaving": "Moved",
    }))
    .unwrap();
    assert_eq!(employment.currently_employed, Some(true));
    assert_eq!(
        employment.reason_for_discontinuance.as_deref(),
        Some("Moved")
    );
    // `position` has no v1 counterpart: kept as sent.
    assert_eq!(employment.extra["position"], "Staff physician");
    assert!(!employment.extra.contains_key("is_current"));

    let gap: GapHistory =
        serde_json::from_value(json!({"id": RECORD_ID, "reason": "Travel"})).unwrap();
    assert_eq!(gap.gap_explanation.as_deref(), Some("Travel"));
    assert!(gap.extra.is_empty());

    let education: Education =
        serde_json::from_value(json!({"id": RECORD_ID, "institution_name": "State U"})).unwrap();
    assert_eq!(education.name.as_deref(), Some("State U"));

    let training: ProfessionalTraining = serde_json::from_value(json!({
        "id": RECORD_ID,
        "program_type": "Fellowship",
        "specialty": "Cardiology",
    }))
    .unwrap();
    assert_eq!(training.training_type.as_deref(), Some("Fellowship"));
    assert_eq!(training.speciality.as_deref(), Some("Cardiology"));

    let insurance: ProfessionalLiabilityInsurance = serde_json::from_value(json!({
        "id": RECORD_ID,
        "carrier_name": "MedPro Group",
        "coverage_amount_per_occurrence": "1000000.00",
        "coverage_amount_aggregate": 3_000_000,
        "effective_date": "2024-01-01",
        "expiration_date": "2025-01-01",
    }))
    .unwrap();
    assert_eq!(insurance.name.as_deref(), Some("MedPro Group"));
    assert_eq!(insurance.per_occurence_limit, Some(1_000_000.0));
    assert_eq!(insurance.aggregate_limit, Some(3_000_000.0));
    assert_eq!(insurance.current_effective_date, date("2024-01-01"));
    assert_eq!(insurance.current_expiration_date, date("2025-01-01"));
    assert!(insurance.extra.is_empty(), "{:?}", insurance.extra);

    // Serialized back, only the production names appear.
    let out = serde_json::to_value(&insurance).unwrap();
    assert_eq!(out["per_occurence_limit"], json!(1_000_000.0));
    assert!(out.get("carrier_name").is_none());
}

#[test]
fn create_bodies_using_legacy_names_fill_the_production_fields() {
    let body: EmploymentCreate = serde_json::from_value(json!({
        "provider": profile(),
        "position": "Staff physician",
        "is_current": false,
        "reason_for_leaving": "Moved",
    }))
    .unwrap();
    assert_eq!(body.currently_employed, Some(false));
    assert_eq!(body.reason_for_discontinuance.as_deref(), Some("Moved"));
    assert_sends_none_of(&body, &["position", "is_current", "reason_for_leaving"]);

    // The Python client sends every key, unset ones as null: the null
    // production key does not hide the legacy value.
    let body: EducationCreate = serde_json::from_value(json!({
        "provider": profile(),
        "name": null,
        "institution_name": "State U",
        "degree": null,
    }))
    .unwrap();
    assert_eq!(body.name.as_deref(), Some("State U"));
    assert_sends_none_of(&body, &["institution_name"]);

    let body: GapHistoryCreate =
        serde_json::from_value(json!({"provider": profile(), "reason": "Travel"})).unwrap();
    assert_eq!(body.gap_explanation.as_deref(), Some("Travel"));

    let body: ProfessionalTrainingCreate = serde_json::from_value(json!({
        "provider": profile(),
        "program_type": "Internship",
        "specialty": "Surgery",
    }))
    .unwrap();
    assert_eq!(body.training_type.as_deref(), Some("Internship"));
    assert_eq!(body.speciality.as_deref(), Some("Surgery"));

    let body: ProfessionalLiabilityInsuranceCreate = serde_json::from_value(json!({
        "provider": profile(),
        "carrier_name": "MedPro Group",
        "coverage_amount_per_occurrence": "1,000,000",
        "effective_date": "2024-01-01",
    }))
    .unwrap();
    assert_eq!(body.name.as_deref(), Some("MedPro Group"));
    assert_eq!(body.per_occurence_limit, Some(1_000_000.0));
    assert_eq!(body.current_effective_date, date("2024-01-01"));
}

#[test]
fn both_spellings_together_do_not_fail_and_the_production_one_wins() {
    // With plain serde aliases this would be a "duplicate field" error.
    let gap: GapHistory = serde_json::from_value(json!({
        "id": RECORD_ID,
        "gap_explanation": "Parental leave",
        "reason": "old text",
    }))
    .unwrap();
    assert_eq!(gap.gap_explanation.as_deref(), Some("Parental leave"));
    assert_eq!(gap.extra["reason"], "old text");

    let employment: Employment = serde_json::from_value(json!({
        "id": RECORD_ID,
        "currently_employed": true,
        "is_current": null,
        "reason_for_discontinuance": null,
        "reason_for_leaving": "Moved",
    }))
    .unwrap();
    assert_eq!(employment.currently_employed, Some(true));
    assert_eq!(
        employment.reason_for_discontinuance.as_deref(),
        Some("Moved")
    );

    let body: EducationCreate = serde_json::from_value(json!({
        "provider": profile(),
        "name": "New name",
        "institution_name": "Old name",
    }))
    .unwrap();
    assert_eq!(body.name.as_deref(), Some("New name"));
    assert_sends_none_of(&body, &["institution_name"]);
}

#[test]
fn insurance_limits_accept_numbers_numeric_strings_and_nothing() {
    let insurance: ProfessionalLiabilityInsurance = serde_json::from_value(json!({
        "id": RECORD_ID,
        "per_occurence_limit": "250000.50",
        "aggregate_limit": null,
    }))
    .unwrap();
    assert_eq!(insurance.per_occurence_limit, Some(250_000.5));
    assert_eq!(insurance.aggregate_limit, None);

    // A legacy amount that is not a number stays under its own name.
    let insurance: ProfessionalLiabilityInsurance = serde_json::from_value(json!({
        "id": RECORD_ID,
        "coverage_amount_aggregate": "unlimited",
    }))
    .unwrap();
    assert_eq!(insurance.aggregate_limit, None);
    assert_eq!(insurance.extra["coverage_amount_aggregate"], "unlimited");

    let bad = serde_json::from_value::<ProfessionalLiabilityInsurance>(json!({
        "id": RECORD_ID,
        "per_occurence_limit": "a lot",
    }));
    assert!(bad.is_err());
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let input = json!({
        "id": RECORD_ID,
        "speciality": "Pediatrics (208000000X)",
        "provider": profile(),
        "initial_date": "2019-01-01",
        "x_future_field": {"nested": [1, "a"]},
    });
    let record: Certification = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(record.extra["x_future_field"], json!({"nested": [1, "a"]}));
    assert_eq!(serde_json::to_value(&record).unwrap(), input);

    // The same through the legacy-aware deserializer.
    let input = json!({
        "id": RECORD_ID,
        "training_type": "Residency",
        "x_future_field": {"nested": [1, "a"]},
    });
    let record: ProfessionalTraining = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(serde_json::to_value(&record).unwrap(), input);
    let again: ProfessionalTraining =
        serde_json::from_value(serde_json::to_value(&record).unwrap()).unwrap();
    assert_eq!(again, record);
}

// --- list parameters and catalog -------------------------------------------

#[test]
fn list_parameters_encode_the_profile_id() {
    let params = ProviderRecordListParams {
        limit: Some(50),
        ..ProviderRecordListParams::new(profile())
    };
    assert_eq!(
        params.to_query_string().unwrap(),
        "provider=3f2504e0-4f89-41d3-9a0c-0305e82c3301&limit=50"
    );
    let ordered = ProviderRecordOrderedListParams {
        ordering: some("-start_date"),
        ..ProviderRecordOrderedListParams::from(ProviderRecordListParams::new(profile()))
    };
    assert_eq!(
        ordered.to_query_string().unwrap(),
        "provider=3f2504e0-4f89-41d3-9a0c-0305e82c3301&ordering=-start_date"
    );
}

#[test]
fn catalog_rows_pp6_to_pp29() {
    let rows: Vec<_> = catalog::all()
        .filter(|d| {
            d.key
                .strip_prefix("PP")
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| (6..=29).contains(&n))
        })
        .collect();
    assert_eq!(rows.len(), 24);
    for d in &rows {
        assert_eq!(d.ids, IdKind::Profile, "{d:?}");
        assert!(!d.has_path_param(), "{d:?}");
        match d.method {
            Method::Get => assert_eq!(d.paging, Paging::Paged, "{d:?}"),
            Method::Post => assert_eq!(d.paging, Paging::Single, "{d:?}"),
            _ => panic!("unexpected method: {d:?}"),
        }
    }
    // Employment lives at the v1 path; the documented one is dead, and each
    // points at the other.
    for (live, dead) in [
        (
            catalog::ListEmployments::DESCRIPTOR,
            catalog::ListEmploymentsDead::DESCRIPTOR,
        ),
        (
            catalog::CreateEmployment::DESCRIPTOR,
            catalog::CreateEmploymentDead::DESCRIPTOR,
        ),
    ] {
        assert!(live.path.contains("provider-employment-v1"), "{live:?}");
        assert!(!dead.origin.is_live());
        assert_eq!(dead.origin.replacement().map(|d| d.key), Some(live.key));
        assert_eq!(live.origin.replaces().map(|d| d.key), Some(dead.key));
        assert_eq!((live.method, live.ids), (dead.method, dead.ids));
    }
    // A created record comes back in the record shape.
    catalog::CreateEducation::DESCRIPTOR
        .check_response_json(&json!({"id": RECORD_ID, "name": "State U", "provider": profile()}))
        .unwrap();
}
