//! List filters of the enrollment, health-plan, practice-location, tax-entity,
//! user and professional-id lists, each narrowing a list exactly as
//! django-filter would (counts computed from the unfiltered list).
#![allow(missing_docs, clippy::too_many_lines)]

mod common;
mod filter_support;

use std::collections::{BTreeSet, HashMap};

use assured_mock::MockConfig;
use assured_models::catalog::{
    ListActiveEnrollments, ListEnrollmentRequests, ListEnrollmentTimeline, ListExternalUsers,
    ListHealthPlans, ListLicenses, ListPracticeLocationProviders, ListPracticeLocations,
    ListProviders, ListProvidersNotInPracticeLocation, ListTaxEntities, ListUsersSlim,
};
use common::{get, path, start, with_query};
use filter_support::{all, date_range, filtered, narrows, text};
use serde_json::Value;

// ----- enrollments -----

#[tokio::test]
async fn enrollment_request_and_timeline_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListEnrollmentRequests>();
    let records = all(&mock, base).await;
    let first = &records[0];
    for (param, key) in [
        ("client", "client"),
        ("health_plan", "health_plan"),
        ("tax_entity", "tax_entity"),
    ] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            base,
            &format!("{param}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    let clients: Vec<&str> = records
        .iter()
        .filter_map(|r| r["client"].as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .take(2)
        .collect();
    narrows(
        &mock,
        base,
        &format!("client_ids={}", clients.join(",")),
        |r| clients.contains(&text(r, "client")),
    )
    .await;
    let two_states = [text(first, "state"), text(&records[1], "state")];
    narrows(
        &mock,
        base,
        &format!("state_in={},{}", two_states[0], two_states[1]),
        |r| two_states.contains(&text(r, "state")),
    )
    .await;
    filtered(&mock, base, "enrollment_type_in=GROUP,PROVIDER", |_| true).await;
    assert_eq!(
        filtered(&mock, base, "enrollment_type_in=GROUP", |_| false).await,
        0
    );
    filtered(&mock, base, "request_type=NEW", |r| {
        r["request_type"] == "NEW"
    })
    .await;

    let timeline = with_query(
        path::<ListEnrollmentTimeline>(),
        &format!("enrollment_request={}", text(first, "id")),
    );
    let entries = all(&mock, &timeline).await;
    let day = text(&entries[0], "created_at")[..10].to_owned();
    filtered(&mock, &timeline, &format!("created_at={day}"), |r| {
        text(r, "created_at").starts_with(&day)
    })
    .await;
    let everything = path::<ListEnrollmentTimeline>();
    narrows(&mock, everything, &format!("created_at={day}"), |r| {
        text(r, "created_at").starts_with(&day)
    })
    .await;
    let (status, body) = get(&mock, &format!("{everything}?created_at=soon")).await;
    assert_eq!(
        (status, body),
        (
            400,
            serde_json::json!({"created_at": ["Enter a valid date/time."]})
        )
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn active_enrollment_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListActiveEnrollments>();
    date_range(&mock, base, "effective_date", "effective_date").await;
    date_range(&mock, base, "re_validation_date", "re_validation_date").await;
    let records = all(&mock, base).await;
    let first = &records[0];
    for (param, key) in [
        ("health_plan", "health_plan"),
        ("tax_entity", "tax_entity"),
        ("health_plan_ids", "health_plan"),
        ("tax_entity_ids", "tax_entity"),
        ("client_in", "client"),
        ("provider_ids", "provider"),
        ("state", "state"),
        ("state_in", "state"),
        (
            "enrollment_request__current_contracting_sub_status",
            "current_contracting_sub_status",
        ),
    ] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            base,
            &format!("{param}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    filtered(&mock, base, "existing_enrollment_type=PROVIDER", |r| {
        r["existing_enrollment_type"] == "PROVIDER"
    })
    .await;
    let location = records
        .iter()
        .find_map(|r| r["other_practice_locations"][0].as_str())
        .unwrap()
        .to_owned();
    narrows(
        &mock,
        base,
        &format!("additional_practice_location_in={location}"),
        |r| {
            r["other_practice_locations"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l == location.as_str())
        },
    )
    .await;
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn health_plan_filters() {
    let mock = start(MockConfig::default()).await;
    let base = path::<ListHealthPlans>();
    let records = all(&mock, base).await;
    let first = &records[0];
    let contains = |r: &Value, key: &str, wanted: &str| {
        r[key]
            .as_array()
            .unwrap()
            .iter()
            .any(|value| value == wanted)
    };
    for key in ["followup_mode", "lob", "network", "state"] {
        let wanted = first[key][0].as_str().unwrap().to_owned();
        narrows(&mock, base, &format!("{key}={wanted}"), |r| {
            contains(r, key, &wanted)
        })
        .await;
    }
    for key in ["name", "submission_type"] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            base,
            &format!("{key}={}", wanted.as_str().unwrap().replace(' ', "+")),
            |r| r[key] == wanted,
        )
        .await;
    }
    let two = [text(first, "id"), text(&records[5], "id")];
    narrows(
        &mock,
        base,
        &format!("health_plan_in={}", two.join(",")),
        |r| two.contains(&text(r, "id")),
    )
    .await;
    common::assert_types_agree(&mock);
}

// ----- practice locations and tax entities -----

#[tokio::test]
async fn practice_location_and_tax_entity_filters() {
    let mock = start(MockConfig::default()).await;
    let entities = path::<ListTaxEntities>();
    let tax: Vec<Value> = all(&mock, entities).await;
    let incorporation: HashMap<String, String> = tax
        .iter()
        .map(|t| {
            (
                text(t, "id").to_owned(),
                text(t, "incorporation_state").to_owned(),
            )
        })
        .collect();
    for key in ["client", "incorporation_state", "npi", "tax_id"] {
        let wanted = tax[1][key].clone();
        narrows(
            &mock,
            entities,
            &format!("{key}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    let states = [
        text(&tax[0], "incorporation_state"),
        text(&tax[1], "incorporation_state"),
    ];
    narrows(
        &mock,
        entities,
        &format!("incorporation_state_in={},{}", states[0], states[1]),
        |r| states.contains(&text(r, "incorporation_state")),
    )
    .await;
    let client = text(&tax[0], "client").to_owned();
    narrows(&mock, entities, &format!("client_ids={client}"), |r| {
        text(r, "client") == client
    })
    .await;

    let locations = path::<ListPracticeLocations>();
    let places = all(&mock, locations).await;
    let first = &places[0];
    for (param, key) in [
        ("client", "client"),
        ("client_ids", "client"),
        ("id_in", "id"),
        ("mailing_state", "mailing_state"),
        ("mailing_state_in", "mailing_state"),
        ("practice_location_type", "practice_location_type"),
        ("tax_entity", "tax_entity"),
        ("tax_entity_in", "tax_entity"),
    ] {
        let wanted = first[key].clone();
        narrows(
            &mock,
            locations,
            &format!("{param}={}", wanted.as_str().unwrap()),
            |r| r[key] == wanted,
        )
        .await;
    }
    let state = incorporation[text(first, "tax_entity")].clone();
    narrows(
        &mock,
        locations,
        &format!("tax_entity_incorporation_state_in={state},ZZ"),
        |r| incorporation[text(r, "tax_entity")] == state,
    )
    .await;

    // The provider links follow the location.
    let place: HashMap<String, Value> = places
        .iter()
        .map(|p| (text(p, "id").to_owned(), p.clone()))
        .collect();
    let links = path::<ListPracticeLocationProviders>();
    let location_of = |r: &Value| place[text(r, "practice_location")].clone();
    narrows(&mock, links, "practice_location__is_archived=true", |r| {
        !location_of(r)["archived_at"].is_null()
    })
    .await;
    narrows(&mock, links, "practice_location__is_archived=false", |r| {
        location_of(r)["archived_at"].is_null()
    })
    .await;
    let entity = text(first, "tax_entity").to_owned();
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity={entity}"),
        |r| text(&location_of(r), "tax_entity") == entity,
    )
    .await;
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity_in={entity}"),
        |r| text(&location_of(r), "tax_entity") == entity,
    )
    .await;
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity__incorporation_state={state}"),
        |r| incorporation[text(&location_of(r), "tax_entity")] == state,
    )
    .await;
    narrows(
        &mock,
        links,
        &format!("practice_location__tax_entity__incorporation_state_in={state},ZZ"),
        |r| incorporation[text(&location_of(r), "tax_entity")] == state,
    )
    .await;
    common::assert_types_agree(&mock);
}

// ----- users and professional ids -----

#[tokio::test]
async fn user_and_professional_id_filters() {
    let mock = start(MockConfig::default()).await;
    let completeness: HashMap<String, f64> = all(&mock, path::<ListProviders>())
        .await
        .iter()
        .map(|p| {
            (
                text(p, "id").to_owned(),
                p["profile_completeness_percentage"].as_f64().unwrap(),
            )
        })
        .collect();
    let ready = |r: &Value| completeness.get(text(r, "id")).map(|pct| *pct >= 80.0);
    for base in [path::<ListExternalUsers>(), path::<ListUsersSlim>()] {
        narrows(
            &mock,
            base,
            "provider_profile__ready_for_credentialing=true",
            |r| ready(r) == Some(true),
        )
        .await;
        narrows(
            &mock,
            base,
            "provider_profile__ready_for_credentialing=false",
            |r| ready(r) == Some(false),
        )
        .await;
    }
    // Every mock user has a verified e-mail.
    filtered(
        &mock,
        path::<ListUsersSlim>(),
        "include_unverified=true",
        |_| true,
    )
    .await;

    // Providers not at a location, restricted to some account ids.
    let location = all(&mock, path::<ListPracticeLocations>()).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let base = with_query(
        path::<ListProvidersNotInPracticeLocation>(),
        &format!("practice_location={location}"),
    );
    let outside = all(&mock, &base).await;
    let two = [text(&outside[3], "id"), text(&outside[7], "id")];
    narrows(&mock, &base, &format!("id_in={},{}", two[0], two[1]), |r| {
        two.contains(&text(r, "id"))
    })
    .await;

    let licenses = path::<ListLicenses>();
    filtered(&mock, licenses, "professional_id_type=LICENSE", |_| true).await;
    assert_eq!(
        filtered(&mock, licenses, "professional_id_type=DEA", |_| false).await,
        0
    );
    common::assert_types_agree(&mock);
}
