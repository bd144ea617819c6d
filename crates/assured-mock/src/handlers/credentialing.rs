//! Credentialing requests, packets, monitoring and approval letters.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::context::Ctx;
use crate::filters::{self, Filters, as_text};
use crate::paging::{self, paginate};
use crate::reply::{Reply, ReplyBody};
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;
use crate::time::now_rfc3339;

use super::common::{
    Who, array, body_provider, filter_provider, invalid_pk, object, path_provider, path_record,
    require, resolve, text,
};
use super::professional_records::professional_id_type;
use super::providers::uuid_list;

pub(crate) fn credentialing_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let owner = body_provider(&state, &body, "provider", Who::Account)?;
    let kind = text(&body, "credentialing_type")
        .unwrap_or("INITIAL_CREDENTIALING")
        .to_owned();
    let states = body.get("state_codes").cloned().unwrap_or(json!([]));
    let now = now_rfc3339();
    let mut record = state.generate(Kind::CredRequest, owner, 0);
    for key in [
        "request_completed_at",
        "oa_completed_at",
        "approval_date",
        "approver_name",
        "re_credentialing_date",
    ] {
        record.insert(key.into(), Value::Null);
    }
    record.insert("status".into(), json!("NEW"));
    record.insert("credentialing_type".into(), json!(kind));
    record.insert("state_codes".into(), states.clone());
    record.insert("created_at".into(), json!(now));
    record.insert("updated_at".into(), json!(now));
    record.insert("verifier_signed_off".into(), json!(false));
    let record = state.insert(Kind::CredRequest, Some(owner), record);
    Ok(Reply::created(json!({
        "id": record["id"],
        "provider": state.account_id(owner).to_string(),
        "status": "NEW",
        "credentialing_type": kind,
        "state_codes": states,
        "requested_by": ctx.shared.user_id,
        "created_at": now,
        "updated_at": now,
    })))
}

pub(crate) fn credentialing_filters(ctx: &Ctx<'_>) -> Filters<'static> {
    // `tab` (a UI tab, no documented semantics) is not implemented.
    Filters::new()
        .datetime_range(ctx, "assigned_at", "assigned_at")
        .datetime_range(ctx, "created_at", "created_at")
        .month(ctx, "created_at_month", "created_at")
        .datetime_range(ctx, "oa_completed_at", "oa_completed_at")
        .datetime_range(ctx, "request_completed_at", "request_completed_at")
        .datetime_range(ctx, "updated_at", "updated_at")
        .eq(ctx, "automation_status", "automation_status")
        .eq(ctx, "requested_by", "requested_by")
        .any_of(ctx, "requested_by_in", "requested_by")
        .eq(ctx, "status", "status")
        .any_of(ctx, "status_in", "status")
        .eq(ctx, "credentialing_type", "credentialing_type")
        .eq(ctx, "request_type", "request_type")
        .eq(ctx, "assignee", "assignee")
        .any_of(ctx, "assignee_in", "assignee")
        .any_of(ctx, "provider_in", "provider_details.id")
        .any_of(ctx, "individual_npis", "provider_details.individual_npi")
        .any_of(ctx, "state_codes_in", "state_codes")
        .any_of(ctx, "client_ids", "client_details.id")
        .eq(ctx, "provider_type", "provider_details.provider_type")
        .boolean(ctx, "verifier_signed_off", "verifier_signed_off")
        .search(
            ctx,
            &[
                "request_id",
                "provider_details.first_name",
                "provider_details.last_name",
                "provider_details.email",
            ],
        )
}

pub(crate) fn credentialing_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Account)?;
    let ids = state.ids_of(Kind::CredRequest, owner);
    let filters = credentialing_filters(ctx);
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::CredRequest, id),
        &filters,
    ))
}

pub(crate) fn packets_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::Packet, owner);
    let filters = Filters::new()
        .eq(ctx, "credentialing_request", "credentialing_request")
        .eq(ctx, "credentialing_status", "credentialing_status")
        .eq(ctx, "packet_status", "packet_status");
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::Packet, id),
        &filters,
    ))
}

/// The keys of a need-action record taken from its credentialing request.
pub(crate) const NEED_ACTION_KEYS: &[&str] = &[
    "id",
    "provider_details",
    "state_codes",
    "status",
    "created_at",
    "credentialing_type",
    "sla_days",
    "client_details",
    "assigned_at",
    "requested_by_full_name",
    "request_id",
    "assignee",
    "request_type",
    "verifier_signed_off",
    "assignee_details",
    "verification_event_tasks",
];

/// Verification types of the need-action list's `verification_event_tasks`.
pub(crate) const VERIFICATION_TYPES: &[&str] = &[
    "DEA_VERIFICATION",
    "BOARD_CERTIFICATION_VERIFICATION",
    "EDUCATION_VERIFICATION",
];

pub(crate) fn need_action_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::CredRequest, owner);
    let mut filters = credentialing_filters(ctx)
        .with(|record| text(record, "status") == Some("NEEDS_ACTION"))
        .date_range(ctx, "org_joining_date", "provider_details.org_joining_date")
        .date_range(ctx, "recredentialing_date", "re_credentialing_date");
    if let Some(wanted) = ctx.q("pending_verification_type_in") {
        let wanted = filters::split_list(wanted);
        filters = filters.with(move |record| {
            record
                .get("verification_event_tasks")
                .and_then(Value::as_array)
                .is_some_and(|tasks| {
                    tasks.iter().any(|task| {
                        task.get("status").and_then(Value::as_str) == Some("PENDING")
                            && task
                                .get("type")
                                .and_then(Value::as_str)
                                .is_some_and(|kind| wanted.contains(&kind.to_lowercase()))
                    })
                })
        });
    }
    // Filters see the whole request; the reply shows the need-action view.
    let render = |id: &Uuid| {
        let mut record = state.get(Kind::CredRequest, id)?;
        let (first, last) = State::staff_name(2);
        record.insert(
            "assignee_details".into(),
            json!({"id": record.get("assignee"), "email": "oa2@mock.assured.test", "first_name": first,
                   "middle_name": Value::Null, "last_name": last, "suffix": Value::Null,
                   "user_type": "oa", "is_active": true}),
        );
        // A pending license verification, and one more whose type and
        // status follow from the id.
        let bits = id.as_u128();
        let other = VERIFICATION_TYPES[usize::try_from(bits % 3).unwrap_or(0)];
        let other_status = if (bits >> 8).is_multiple_of(2) {
            "PENDING"
        } else {
            "COMPLETED"
        };
        record.insert(
            "verification_event_tasks".into(),
            json!([
                {"type": "LICENSE_VERIFICATION", "status": "PENDING"},
                {"type": other, "status": other_status},
            ]),
        );
        Some(record)
    };
    let view = |record: Map<String, Value>| {
        record
            .into_iter()
            .filter(|(key, _)| NEED_ACTION_KEYS.contains(&key.as_str()))
            .collect()
    };
    Ok(paging::paginate_view(ctx, &ids, render, &filters, view))
}

pub(crate) fn monitoring_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let owner = filter_provider(ctx, state, "credentialing_request__provider", Who::Any)?;
    let ids = state.ids_of(Kind::MonitoringEvent, owner);
    // Fields of the event's credentialing request and professional id.
    let request_field = move |record: &Map<String, Value>, key: &str| {
        let (_, request) =
            state.get_str(Kind::CredRequest, text(record, "credentialing_request")?)?;
        request.get(key).cloned()
    };
    let professional_id = move |record: &Map<String, Value>| {
        let uuid = Uuid::parse_str(text(record, "professional_id")?).ok()?;
        let (kind, _, _) = state.codec.decode(&uuid)?;
        Some((kind, state.get(kind, &uuid)?))
    };
    let mut filters = Filters::new()
        .datetime_range(ctx, "oa_verified_at", "oa_verified_at")
        .month(ctx, "created_at_month", "created_at")
        .eq(ctx, "acted_by", "acted_by_user")
        .eq(ctx, "admin_acknowledgement", "admin_acknowledgement")
        .eq_by(
            ctx,
            "credentialing_request__credentialing_type",
            move |record| {
                request_field(record, "credentialing_type")
                    .as_ref()
                    .and_then(as_text)
            },
        )
        .eq_by(ctx, "credentialing_request__request_type", move |record| {
            request_field(record, "request_type")
                .as_ref()
                .and_then(as_text)
        })
        .eq_by(ctx, "credentialing_request__status", move |record| {
            request_field(record, "status").as_ref().and_then(as_text)
        })
        .eq_by(
            ctx,
            "professional_id__professional_id_type",
            move |record| {
                professional_id(record)
                    .and_then(|(kind, _)| professional_id_type(kind))
                    .map(ToOwned::to_owned)
            },
        )
        .eq_by(ctx, "professional_id__state", move |record| {
            professional_id(record).and_then(|(_, id)| id.get("state").and_then(as_text))
        });
    if let Some(flag) = ctx
        .q("credentialing_request__verifier_signed_off")
        .and_then(filters::parse_bool)
    {
        filters = filters.with(move |record| {
            request_field(record, "verifier_signed_off").and_then(|value| value.as_bool())
                == Some(flag)
        });
    }
    let filters = filters
        .eq(ctx, "result", "result")
        .eq(ctx, "type", "type")
        .any_of(ctx, "type_in", "type")
        .eq(ctx, "id", "id")
        .eq(ctx, "credentialing_request", "credentialing_request")
        .any_of(ctx, "individual_npis", "provider_details.individual_npi")
        .search(
            ctx,
            &[
                "provider_details.first_name",
                "provider_details.last_name",
                "psv_val",
            ],
        );
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::MonitoringEvent, id),
        &filters,
    ))
}

pub(crate) fn credentialing_overview(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Any)?;
    let identity = state.identity(index);
    let last_request = state
        .ids_of(Kind::CredRequest, Some(index))
        .last()
        .and_then(|id| state.get(Kind::CredRequest, id))
        .map(|request| {
            json!({
                "id": request.get("id"), "status": request.get("status"),
                "request_completed_at": request.get("request_completed_at"),
                "state_codes": request.get("state_codes"),
                "oa_completed_at": request.get("oa_completed_at"),
                "packet_events_data": [], "attestation_url": request.get("attestation_url"),
                "approver_name": request.get("approver_name"), "approval_date": request.get("approval_date"),
            })
        });
    let last_packet = state
        .ids_of(Kind::Packet, Some(index))
        .last()
        .and_then(|id| state.get(Kind::Packet, id))
        .map(|packet| {
            json!({
                "id": packet.get("id"), "credentialing_date": packet.get("credentialing_date"),
                "next_credentialing_date": packet.get("recredentialing_date"),
                "states": packet.get("states").and_then(Value::as_str).map(|s| vec![s.to_owned()]),
                "credentialing_status": packet.get("credentialing_status"),
                "packet_status": packet.get("packet_status"), "provider": packet.get("provider"),
                "attestation_url": packet.get("attestation_url"),
            })
        });
    Ok(Reply::ok(json!({
        "id": state.account_id(index).to_string(),
        "email": identity.email,
        "last_credentialing_request": last_request,
        "provider_type": identity.provider_type,
        "last_packet": last_packet,
        "org_joining_date": state.org_joining_date(index),
    })))
}

pub(crate) fn providers_with_states(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let items: Vec<u32> = match uuid_list(ctx, "id_in")? {
        Some(ids) => ids
            .iter()
            .filter_map(|id| state.provider_index_any(id))
            .collect(),
        None => (0..state.provider_count()).collect(),
    };
    let filters = Filters::new().search(ctx, &["first_name", "last_name", "email"]);
    let render = |index: &u32| {
        let identity = state.identity(*index);
        let states: Vec<Value> = state
            .ids_of(Kind::License, Some(*index))
            .iter()
            .filter_map(|id| state.get(Kind::License, id))
            .filter_map(|license| license.get("state").cloned())
            .collect();
        let mut record = Map::new();
        record.insert("id".into(), json!(state.account_id(*index).to_string()));
        record.insert("email".into(), json!(identity.email));
        record.insert("first_name".into(), json!(identity.first_name));
        record.insert("last_name".into(), json!(identity.last_name));
        record.insert("states_selector".into(), Value::Array(states));
        Some(record)
    };
    Ok(paginate(ctx, &items, render, &filters))
}

pub(crate) fn close_requests(ctx: &Ctx<'_>) -> HResult {
    let items = array(ctx)?;
    let mut state = ctx.shared.state();
    let mut errors = Vec::new();
    let mut failed = false;
    let mut found = Vec::new();
    for item in &items {
        let Value::Object(body) = item else {
            errors.push(json!({"non_field_errors": ["Invalid data. Expected a dictionary."]}));
            failed = true;
            continue;
        };
        if let Err(Reply {
            body: ReplyBody::Json(error),
            ..
        }) = require(body, &["id"])
        {
            errors.push(error);
            failed = true;
            continue;
        }
        let status = text(body, "status").unwrap_or("CANCELLED");
        if status != "CANCELLED" {
            errors.push(json!({"status": [format!("\"{status}\" is not a valid choice.")]}));
            failed = true;
            continue;
        }
        let id = body.get("id").and_then(as_text).unwrap_or_default();
        match state.get_str(Kind::CredRequest, &id) {
            Some((uuid, record)) => {
                found.push((uuid, record, body.clone()));
                errors.push(json!({}));
            }
            None => {
                errors
                    .push(json!({"id": [format!("Invalid pk \"{id}\" - object does not exist.")]}));
                failed = true;
            }
        }
    }
    if failed {
        return Err(Reply::json(StatusCode::BAD_REQUEST, Value::Array(errors)));
    }
    let mut closed = Vec::new();
    for (uuid, mut record, body) in found {
        record.insert("status".into(), json!("CANCELLED"));
        record.insert("updated_at".into(), json!(now_rfc3339()));
        for key in ["approval_date", "approver_name", "request_closed_by"] {
            if let Some(value) = body.get(key) {
                record.insert(key.into(), value.clone());
            }
        }
        if let Some(reason) = body.get("reason") {
            record.insert("reason_for_termination".into(), reason.clone());
        }
        closed.push(json!({"id": uuid.to_string(), "status": "CANCELLED"}));
        state.put(Kind::CredRequest, uuid, record);
    }
    Ok(Reply::ok(
        json!({"message": "Requests closed successfully.", "results": closed}),
    ))
}

pub(crate) fn credentialing_download(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let state = ctx.shared.state();
    let ids: Vec<String> = body
        .get("credentialing_request_ids")
        .and_then(Value::as_array)
        .ok_or_else(|| Reply::field("credentialing_request_ids", "Expected a list of items."))?
        .iter()
        .filter_map(as_text)
        .collect();
    for id in &ids {
        if state.get_str(Kind::CredRequest, id).is_none() {
            return Err(invalid_pk("credentialing_request_ids", id));
        }
    }
    Ok(Reply::ok(json!({"credentialing_request_ids": ids})))
}

pub(crate) fn approval_letter(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let (uuid, request) = path_record(ctx, &state, Kind::CredRequest)?;
    let email = request
        .get("provider_details")
        .and_then(|details| details.get("email"))
        .cloned()
        .unwrap_or(Value::Null);
    let sent = state
        .collection(Kind::CredRequest)
        .and_then(|collection| collection.written.get(&uuid))
        .and_then(|record| record.get("_approval_letter").cloned());
    let name = request
        .get("provider_details")
        .and_then(|details| details.get("first_name"))
        .and_then(Value::as_str)
        .unwrap_or("Provider")
        .to_owned();
    Ok(Reply::ok(json!({
        "cc_emails": [],
        "recipient_email": email,
        "last_sent_date": sent.as_ref().and_then(|s| s.get("date").cloned()),
        "last_sent_status": sent.as_ref().map(|_| "SENT"),
        "last_sent_id": sent.as_ref().and_then(|s| s.get("id").cloned()),
        "html_preview": format!("<p>Dear {name}, your credentialing has been approved.</p>"),
        "markdown_preview": format!("Dear {name}, your credentialing has been approved."),
    })))
}

pub(crate) fn send_approval_letter(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let request = text(&body, "request").unwrap_or_default().to_owned();
    let Some((uuid, mut record)) = state.get_str(Kind::CredRequest, &request) else {
        return Err(invalid_pk("request", &request));
    };
    let provider = text(&body, "provider").unwrap_or_default().to_owned();
    if resolve(&state, Who::Any, &provider).is_none() {
        return Err(invalid_pk("provider", &provider));
    }
    let id = state.new_id(Kind::Document).to_string();
    record.insert(
        "_approval_letter".into(),
        json!({"date": now_rfc3339(), "id": id}),
    );
    state.put(Kind::CredRequest, uuid, record);
    Ok(Reply::ok(
        json!({"message": "Approval letter sent successfully.", "id": id}),
    ))
}
