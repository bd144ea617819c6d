//! Payer enrollment requests, timelines and OA assignment.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::context::Ctx;
use crate::data;
use crate::filters::{Filters, as_text};
use crate::paging::paginate;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;
use crate::time::now_rfc3339;

use super::collection::{Collection, GLOBAL_SEARCH, Scope, as_sent};
use super::common::{
    Who, body_provider, filter_provider, invalid_pk, object, overlay, path_record, require,
    template, text,
};

pub(crate) fn enrollment_create(ctx: &Ctx<'_>, group: bool) -> HResult {
    let body = object(ctx)?;
    let required: &[&str] = if group {
        &[
            "tax_entity",
            "state",
            "health_plan",
            "lobs",
            "enroll_providers",
            "group_providers",
            "primary_practice_location",
        ]
    } else {
        &[
            "tax_entity",
            "state",
            "health_plan",
            "lobs",
            "provider",
            "primary_practice_location",
            "request_type",
        ]
    };
    require(&body, required)?;
    let mut state = ctx.shared.state();
    let owner = if group {
        None
    } else {
        Some(body_provider(&state, &body, "provider", Who::Any)?)
    };
    for (key, kind) in [
        ("tax_entity", Kind::TaxEntity),
        ("health_plan", Kind::HealthPlan),
        ("primary_practice_location", Kind::PracticeLocation),
    ] {
        let value = body.get(key).and_then(as_text).unwrap_or_default();
        if state.get_str(kind, &value).is_none() {
            return Err(invalid_pk(key, &value));
        }
    }
    let mut record = match owner {
        Some(owner) => state.generate(Kind::EnrollmentRequest, owner, 0),
        None => template(&state, Kind::EnrollmentRequest),
    };
    let now = now_rfc3339();
    record = overlay(record, &body);
    record.insert("status".into(), json!("NEW"));
    record.insert(
        "enrollment_type".into(),
        json!(if group { "GROUP" } else { "PROVIDER" }),
    );
    record.insert("created_at".into(), json!(now));
    record.insert("updated_at".into(), json!(now));
    let plan = text(&body, "health_plan").unwrap_or_default().to_owned();
    if let Some(index) = state.global_index(Kind::HealthPlan, &plan) {
        record.insert("health_plan_name".into(), json!(data::plan_name(index)));
        record.insert("health_plan_id".into(), json!(plan));
    }
    let record = state.insert(Kind::EnrollmentRequest, owner, record);
    let mut reply = body.clone();
    reply.insert("id".into(), record["id"].clone());
    Ok(Reply::created(Value::Object(reply)))
}

pub(crate) fn enrollment_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = state.ids_of(Kind::EnrollmentRequest, None);
    let filters = Filters::new()
        .eq(ctx, "status", "status")
        .any_of(ctx, "status_in", "status")
        .eq(ctx, "enrollment_type", "enrollment_type")
        .any_of(ctx, "enrollment_type_in", "enrollment_type")
        .eq(ctx, "client", "client")
        .any_of(ctx, "client_ids", "client")
        .any_of(ctx, "provider_ids", "provider")
        .eq(ctx, "health_plan", "health_plan")
        .any_of(ctx, "health_plan_ids", "health_plan")
        .eq(ctx, "tax_entity", "tax_entity")
        .any_of(ctx, "tax_entity_ids", "tax_entity")
        .eq(ctx, "request_type", "request_type")
        .eq(ctx, "state", "state")
        .any_of(ctx, "state_in", "state")
        .search(
            ctx,
            &["provider_full_name", "health_plan_name", "request_id"],
        );
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::EnrollmentRequest, id),
        &filters,
    ))
}

pub(crate) fn enrollment_status(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let (uuid, mut record) = path_record(ctx, &state, Kind::EnrollmentRequest)?;
    if text(&body, "status_reason") == Some("OTHER")
        && text(&body, "note").is_none_or(|note| note.trim().is_empty())
    {
        return Err(Reply::field(
            "note",
            "A note is required when the status reason is OTHER.",
        ));
    }
    for key in ["status", "status_reason"] {
        if let Some(value) = body.get(key) {
            record.insert(key.into(), value.clone());
        }
    }
    record.insert("updated_at".into(), json!(now_rfc3339()));
    let status = record.get("status").cloned().unwrap_or(Value::Null);
    state.put(Kind::EnrollmentRequest, uuid, record);
    Ok(Reply::ok(
        json!({"status": status, "proof_of_documents": []}),
    ))
}

pub(crate) fn enrollment_timeline(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = match ctx.q("enrollment_request") {
        Some(request) => match state.get_str(Kind::EnrollmentRequest, request) {
            Some((uuid, _)) => match state.codec.decode(&uuid) {
                Some((_, owner, index)) if owner < crate::seed::CREATED => (0
                    ..data::TIMELINE_PER_PARENT)
                    .map(|n| {
                        state.codec.encode(
                            Kind::EnrollmentTimeline,
                            owner,
                            index * data::TIMELINE_PER_PARENT + n,
                        )
                    })
                    .collect(),
                _ => Vec::new(),
            },
            None => {
                return Err(Reply::json(
                    StatusCode::BAD_REQUEST,
                    json!({"enrollment_request": ["Select a valid choice. That choice is not one of the available choices."]}),
                ));
            }
        },
        None => state.ids_of(Kind::EnrollmentTimeline, None),
    };
    let filters = Filters::new()
        .eq(ctx, "change_type", "change_type")
        .on_date(ctx, "created_at", "created_at")
        .eq(ctx, "status", "status")
        .eq(ctx, "assignee", "assignee")
        .eq(ctx, "updated_by", "updated_by")
        .search(ctx, &["note", "change_description", "updated_by_full_name"]);
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::EnrollmentTimeline, id),
        &filters,
    ))
}

pub(crate) fn active_enrollment_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::ActiveEnrollment, owner);
    let filters = Filters::new()
        .any_of(
            ctx,
            "additional_practice_location_in",
            "other_practice_locations",
        )
        .any_of(ctx, "client_in", "client")
        .date_range(ctx, "effective_date", "effective_date")
        .date_range(ctx, "re_validation_date", "re_validation_date")
        // The record's own sub-status stands for its enrollment request's.
        .eq(
            ctx,
            "enrollment_request__current_contracting_sub_status",
            "current_contracting_sub_status",
        )
        .eq(ctx, "existing_enrollment_type", "existing_enrollment_type")
        .eq(ctx, "health_plan", "health_plan")
        .any_of(ctx, "health_plan_ids", "health_plan")
        .any_of(ctx, "provider_ids", "provider")
        .eq(ctx, "state", "state")
        .any_of(ctx, "state_in", "state")
        .eq(ctx, "tax_entity", "tax_entity")
        .any_of(ctx, "tax_entity_ids", "tax_entity")
        .search(
            ctx,
            &["provider_full_name", "health_plan_name", "tax_entity_name"],
        );
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::ActiveEnrollment, id),
        &filters,
    ))
}

pub(crate) fn existing_enrollment(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    let body = object(ctx)?;
    let provider_enrollment = kind == Kind::ExistingProviderEnrollment;
    if provider_enrollment {
        require(
            &body,
            &[
                "provider",
                "tax_entity",
                "state",
                "health_plan",
                "primary_practice_location",
                "par_status",
            ],
        )?;
    } else {
        require(
            &body,
            &[
                "tax_entity",
                "state",
                "health_plan",
                "primary_practice_location",
                "par_status",
                "client",
            ],
        )?;
    }
    let mut state = ctx.shared.state();
    let owner = if provider_enrollment {
        Some(body_provider(&state, &body, "provider", Who::Any)?)
    } else {
        None
    };
    let mut record = Map::new();
    for (key, value) in &body {
        if key != "id" {
            record.insert(key.clone(), value.clone());
        }
    }
    record.insert("created_at".into(), json!(now_rfc3339()));
    let record = state.insert(kind, owner, record);
    Ok(Reply::created(Value::Object(record)))
}

pub(crate) fn bulk_oa_assignment(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let list = |key: &str| -> Vec<String> {
        body.get(key)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(as_text).collect())
            .unwrap_or_default()
    };
    let oas = list("oas_to_assign");
    let phases = list("request_phase");
    if oas.is_empty() {
        return Err(Reply::field("oas_to_assign", "This list may not be empty."));
    }
    for phase in &phases {
        if phase != "SUBMISSION_PHASE" && phase != "FOLLOWUP_PHASE" {
            return Err(Reply::field(
                "request_phase",
                &format!("\"{phase}\" is not a valid choice."),
            ));
        }
    }
    let mut state = ctx.shared.state();
    for oa in &oas {
        if state.global_index(Kind::Staff, oa).is_none() {
            return Err(invalid_pk("oas_to_assign", oa));
        }
    }
    let wanted_ids = list("enrollment_request_ids");
    let plans = list("health_plan_ids");
    let states = list("states");
    let candidates: Vec<Uuid> = if wanted_ids.is_empty() {
        state.ids_of(Kind::EnrollmentRequest, None)
    } else {
        wanted_ids
            .iter()
            .filter_map(|id| {
                state
                    .get_str(Kind::EnrollmentRequest, id)
                    .map(|(uuid, _)| uuid)
            })
            .collect()
    };
    let mut assigned: Vec<(String, Vec<String>)> =
        oas.iter().map(|oa| (oa.clone(), Vec::new())).collect();
    let mut n = 0;
    for uuid in candidates {
        let Some(mut record) = state.get(Kind::EnrollmentRequest, &uuid) else {
            continue;
        };
        let plan_ok = plans.is_empty()
            || record
                .get("health_plan")
                .and_then(as_text)
                .is_some_and(|p| plans.contains(&p));
        let state_ok = states.is_empty()
            || record
                .get("state")
                .and_then(as_text)
                .is_some_and(|s| states.contains(&s));
        if !(plan_ok && state_ok) {
            continue;
        }
        let slot = n % assigned.len();
        n += 1;
        let oa = assigned[slot].0.clone();
        for phase in &phases {
            let key = if phase == "SUBMISSION_PHASE" {
                "submission_oa"
            } else {
                "followup_oa"
            };
            record.insert(key.into(), json!(oa));
        }
        assigned[slot].1.push(uuid.to_string());
        state.put(Kind::EnrollmentRequest, uuid, record);
    }
    Ok(Reply::ok(json!({
        "message": format!("Assigned {n} enrollment requests."),
        "assigned_oas_data": assigned
            .into_iter()
            .map(|(oa, ids)| json!({"oa": oa, "enrollment_request_ids": ids}))
            .collect::<Vec<_>>(),
    })))
}

pub(crate) fn selectable_oa_users(ctx: &Ctx<'_>) -> HResult {
    let Some(request) = ctx.q("enrollment_request") else {
        return Err(Reply::field(
            "enrollment_request",
            "This field is required.",
        ));
    };
    let state = ctx.shared.state();
    if state.get_str(Kind::EnrollmentRequest, request).is_none() {
        return Err(Reply::field(
            "enrollment_request",
            "Select a valid choice. That choice is not one of the available choices.",
        ));
    }
    let items: Vec<u32> = (1..data::STAFF).collect();
    let filters = Filters::new().search(ctx, &["oa_full_name"]);
    let render = |index: &u32| {
        let (first, last) = State::staff_name(*index);
        let mut record = Map::new();
        record.insert(
            "id".into(),
            json!(state.global_id(Kind::Staff, *index).to_string()),
        );
        record.insert("oa_full_name".into(), json!(format!("{first} {last}")));
        Some(record)
    };
    Ok(paginate(ctx, &items, render, &filters))
}

fn health_plan_filters<'a>(
    ctx: &'a Ctx<'_>,
    _: &'a State,
    _: Kind,
    filters: Filters<'a>,
) -> Filters<'a> {
    filters
        .eq(ctx, "followup_mode", "followup_mode")
        .any_of(ctx, "health_plan_in", "id")
        .eq(ctx, "lob", "lob")
        .eq(ctx, "name", "name")
        .eq(ctx, "network", "network")
        .eq(ctx, "state", "state")
        .eq(ctx, "submission_type", "submission_type")
}

/// The health plans enrollments are made with.
pub(crate) const HEALTH_PLANS: Collection = Collection {
    kind: Kind::HealthPlan,
    scope: Scope::Global {
        seeded: data::HEALTH_PLANS,
    },
    search: GLOBAL_SEARCH,
    filters: health_plan_filters,
    on_create: as_sent,
};
