#![allow(missing_docs)]
//! Unknown fields of every response record survive deserialize → serialize.
//!
//! For each record type named in [`record_types!`] (one test per group), the
//! input is the vendor spec's example for an endpoint answering with that
//! type (for paged replies: the first record of the envelope), laid over a
//! minimal object (just an `id` UUID unless said otherwise), plus the unknown
//! key `"x_future_field": {"nested": [1, "a"]}`. The record must serialize
//! that key back with the same value, and the output must deserialize to an
//! equal record.
//!
//! `every_catalog_record_type_is_round_tripped` fails when the catalog
//! answers with a record type that is not listed here: add it to its group.

mod support;

use std::collections::BTreeSet;
use std::fmt::Debug;

use assured_models::catalog;
use assured_models::models::account::ChangePasswordResponse;
use assured_models::models::credentialing::{
    ApprovalLetterDetail, CredentialingNeedAction, CredentialingPacket, CredentialingRequest,
    CredentialingRequestCreated, CredentialingRequestDetail, MonitoringPacketEvent,
    ProviderCredentialingOverview, ProviderWithStates,
};
use assured_models::models::facilities::FacilityProfile;
use assured_models::models::files::{FileRecord, PresignedUrlResponse};
use assured_models::models::hospital_affiliations::{
    AdmittingArrangement, AdmittingPrivilege, NonAdmittingAffiliation,
};
use assured_models::models::payer_enrollment::{
    ActiveEnrollment, BulkOaAssignmentResult, EnrollmentRequest, EnrollmentRequestCreated,
    EnrollmentRequestDetail, EnrollmentStatusUpdateResult, EnrollmentTimelineEntry,
    ExistingGroupEnrollment, ExistingProviderEnrollment, HealthPlan, SelectableOaUser,
};
use assured_models::models::practice_locations::{
    BulkPracticeLocationsResult, PracticeLocation, PracticeLocationProvider,
};
use assured_models::models::professional_records::{
    CDSRecord, Certification, DEARecord, Education, Employment, GapHistory, License,
    MedicaidRecord, MedicareRecord, ProfessionalLiabilityInsurance, ProfessionalTraining,
};
use assured_models::models::provider_profile::{
    EncryptedSsnRecord, PlaintextSsnRecord, ProviderDocument, ProviderPersonalInfo,
};
use assured_models::models::providers::{
    CaqhImportRequest, OnboardedProvider, Provider, ProviderCreateResponse, ProviderOrgJoiningDate,
};
use assured_models::models::tasks::{ExpirableTask, Task, TaskTimeline};
use assured_models::models::tax_entities::{TaxEntity, TaxEntityCreated};
use assured_models::models::users::{LoggedInUserDetails, LoginResponse, User, UserSlim};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use support::response_example;

const UNKNOWN_KEY: &str = "x_future_field";

/// `{"id": <uuid>}`: the smallest object most records accept.
fn minimal() -> Value {
    json!({"id": "0b6f3a52-8f52-4c1e-9d55-4f0b0c1e2d3a"})
}

/// Deserializes `base` plus the unknown key into `T`, serializes it back, and
/// checks the unknown key kept its value and the output reads back equal.
fn assert_round_trip<T>(base: Value)
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let type_name = std::any::type_name::<T>();
    let unknown = json!({"nested": [1, "a"]});
    let Value::Object(mut input) = base else {
        panic!("{type_name}: the sample must be a JSON object, got {base}");
    };
    input.insert(UNKNOWN_KEY.to_owned(), unknown.clone());
    let input = Value::Object(input);

    let record: T = serde_json::from_value(input.clone())
        .unwrap_or_else(|err| panic!("{type_name}: cannot deserialize {input}: {err}"));
    let output = serde_json::to_value(&record)
        .unwrap_or_else(|err| panic!("{type_name}: cannot serialize {record:?}: {err}"));
    assert_eq!(
        output.get(UNKNOWN_KEY),
        Some(&unknown),
        "{type_name}: the unknown key was lost or changed\n  input:  {input}\n  output: {output}"
    );
    let again: T = serde_json::from_value(output.clone())
        .unwrap_or_else(|err| panic!("{type_name}: cannot read back {output}: {err}"));
    assert_eq!(
        again, record,
        "{type_name}: the round trip changed the record"
    );
}

/// Declares the record types to check, per group: `Type => fallback` where
/// the fallback is the minimal object the spec example is laid over.
macro_rules! record_types {
    ($( $group:ident { $( $ty:ident => $fallback:expr ),* $(,)? } )*) => {
        $(
            #[test]
            fn $group() {
                $( assert_round_trip::<$ty>(sample(stringify!($ty), $fallback)); )*
            }
        )*

        /// Every record type checked above.
        const COVERED: &[&str] = &[$( $( stringify!($ty), )* )*];
    };
}

record_types! {
    users {
        User => minimal(),
        UserSlim => minimal(),
        LoggedInUserDetails => minimal(),
        LoginResponse => json!({"data": {"jwt": {"access": "token"}}}),
    }
    providers {
        Provider => minimal(),
        OnboardedProvider => minimal(),
        ProviderCreateResponse => minimal(),
        // The only integer id of the API.
        CaqhImportRequest => json!({"id": 7}),
        ProviderOrgJoiningDate => minimal(),
    }
    provider_profile {
        ProviderPersonalInfo => minimal(),
        EncryptedSsnRecord => minimal(),
        PlaintextSsnRecord => json!({}),
        ProviderDocument => minimal(),
    }
    professional_records {
        Certification => minimal(),
        License => minimal(),
        DEARecord => minimal(),
        CDSRecord => minimal(),
        MedicaidRecord => minimal(),
        MedicareRecord => minimal(),
        Employment => minimal(),
        GapHistory => minimal(),
        Education => minimal(),
        ProfessionalTraining => minimal(),
        ProfessionalLiabilityInsurance => minimal(),
    }
    credentialing {
        CredentialingRequestCreated => minimal(),
        CredentialingRequest => minimal(),
        CredentialingRequestDetail => minimal(),
        CredentialingPacket => minimal(),
        CredentialingNeedAction => minimal(),
        MonitoringPacketEvent => minimal(),
        ProviderCredentialingOverview => minimal(),
        ProviderWithStates => minimal(),
        ApprovalLetterDetail => json!({}),
    }
    tasks {
        ExpirableTask => minimal(),
        Task => minimal(),
        TaskTimeline => minimal(),
    }
    practice_locations {
        PracticeLocation => minimal(),
        PracticeLocationProvider => minimal(),
        BulkPracticeLocationsResult => json!({}),
    }
    tax_entities {
        TaxEntity => minimal(),
        TaxEntityCreated => minimal(),
    }
    facilities {
        FacilityProfile => minimal(),
    }
    payer_enrollment {
        EnrollmentRequestCreated => minimal(),
        HealthPlan => minimal(),
        EnrollmentRequest => minimal(),
        EnrollmentRequestDetail => minimal(),
        EnrollmentStatusUpdateResult => json!({}),
        EnrollmentTimelineEntry => minimal(),
        ActiveEnrollment => minimal(),
        ExistingGroupEnrollment => minimal(),
        ExistingProviderEnrollment => minimal(),
        BulkOaAssignmentResult => json!({}),
        SelectableOaUser => minimal(),
    }
    hospital_affiliations {
        AdmittingArrangement => minimal(),
        AdmittingPrivilege => minimal(),
        NonAdmittingAffiliation => minimal(),
    }
    account {
        ChangePasswordResponse => json!({}),
    }
    files {
        FileRecord => minimal(),
        PresignedUrlResponse => json!({"presigned_url": "https://bucket.example/object?sig=1"}),
    }
}

/// The record type named by a catalog `response_type`, or `None` for
/// `serde_json::Value`, `()` and other non-record types.
fn record_type_name(response_type: &str) -> Option<String> {
    let compact: String = response_type
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let inner = compact
        .strip_prefix("Vec<")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or(&compact);
    let name = inner.rsplit("::").next().unwrap_or(inner);
    let is_record = name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name.contains('<')
        && !["Value", "String", "Map"].contains(&name);
    is_record.then(|| name.to_owned())
}

#[test]
fn every_catalog_record_type_is_round_tripped() {
    let missing: BTreeSet<String> = catalog::all()
        .filter_map(|d| record_type_name(d.response_type))
        .filter(|name| !COVERED.contains(&name.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "record types of the catalog with no round-trip check here: {missing:?}"
    );
}

#[test]
fn some_samples_come_from_the_spec() {
    let from_spec: Vec<&str> = COVERED
        .iter()
        .copied()
        .filter(|name| spec_example_of(name).is_some())
        .collect();
    println!("samples built from spec examples: {from_spec:?}");
    assert!(
        !from_spec.is_empty(),
        "no record type found a spec example: is the lookup broken?"
    );
}

#[test]
fn record_type_names() {
    assert_eq!(record_type_name("User").as_deref(), Some("User"));
    assert_eq!(record_type_name("Vec < Task >").as_deref(), Some("Task"));
    assert_eq!(
        record_type_name("crate::models::x::Thing").as_deref(),
        Some("Thing")
    );
    assert_eq!(record_type_name("serde_json::Value"), None);
    assert_eq!(record_type_name("serde_json :: Value"), None);
    assert_eq!(record_type_name("()"), None);
    assert_eq!(record_type_name("Map<String, Value>"), None);
}

// ---------------------------------------------------------------------------
// The spec example of a record type.

/// `fallback` overlaid with the spec's example of `type_name`, if any.
fn sample(type_name: &str, fallback: Value) -> Value {
    let Value::Object(mut object) = fallback else {
        panic!("{type_name}: the fallback must be a JSON object");
    };
    if let Some(example) = spec_example_of(type_name) {
        object.extend(example);
    }
    Value::Object(object)
}

/// The spec's example record for the first live catalog endpoint answering
/// with `type_name` whose spec response carries one.
fn spec_example_of(type_name: &str) -> Option<Map<String, Value>> {
    catalog::all()
        .filter(|d| d.origin.is_live())
        .filter(|d| record_type_name(d.response_type).as_deref() == Some(type_name))
        .find_map(|d| {
            let value = response_example(d)?;
            // Paged replies: the first record of the envelope; arrays: the
            // first item.
            let record = match value {
                Value::Object(mut envelope)
                    if d.paging.is_paged() && envelope.contains_key("results") =>
                {
                    envelope.remove("results")?.as_array()?.first()?.clone()
                }
                Value::Array(items) => items.into_iter().next()?,
                other => other,
            };
            match record {
                Value::Object(fields) => Some(fields),
                _ => None,
            }
        })
}
