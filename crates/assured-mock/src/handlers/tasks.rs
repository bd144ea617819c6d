//! Tasks, expirables and timelines.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::context::Ctx;
use crate::data::{self};
use crate::filters::{self, Filters};
use crate::paging::paginate;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::Kind;
use crate::time::now_rfc3339;

use super::common::{object, overlay, path_record, template, text};

pub(crate) fn expirables_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = state.ids_of(Kind::Expirable, None);
    let filters = Filters::new()
        .datetime_range(ctx, "created_at", "created_at")
        .datetime_range(ctx, "due_on", "due_on")
        .datetime_range(ctx, "updated_at", "updated_at")
        .boolean(ctx, "archived", "archived")
        .eq(ctx, "assignee", "assignee")
        .any_of(ctx, "client_ids", "client_details.id")
        .search(ctx, &["name", "description", "assignee_name"]);
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::Expirable, id),
        &filters,
    ))
}

pub(crate) fn expirable_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let (uuid, mut record) = path_record(ctx, &state, Kind::Expirable)?;
    if let Some(archived) = body.get("archived") {
        if !archived.is_boolean() {
            return Err(Reply::field("archived", "Must be a valid boolean."));
        }
        record.insert("archived".into(), archived.clone());
    }
    record.insert("updated_at".into(), json!(now_rfc3339()));
    state.put(Kind::Expirable, uuid, record.clone());
    Ok(Reply::ok(Value::Object(record)))
}

pub(crate) fn task_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    if let Some(status) = text(&body, "status")
        && !["PENDING", "IN_PROGRESS", "COMPLETED", "CANCELLED"].contains(&status)
    {
        return Err(Reply::field(
            "status",
            &format!("\"{status}\" is not a valid choice."),
        ));
    }
    let owner = text(&body, "assignee").and_then(|assignee| state.account_index(assignee));
    let mut record = overlay(template(&state, Kind::Task), &body);
    let now = now_rfc3339();
    if record.get("status").is_none_or(Value::is_null) {
        record.insert("status".into(), json!("PENDING"));
    }
    record.insert("created_at".into(), json!(now));
    record.insert("updated_at".into(), json!(now));
    record.insert("created_by".into(), json!(ctx.shared.user_id));
    record.insert("created_by_name".into(), json!("Mock Admin"));
    record.insert("archived".into(), json!(false));
    record.insert("task_timelines".into(), json!([]));
    record.insert(
        "client".into(),
        json!(state.global_id(Kind::Client, 0).to_string()),
    );
    record.insert("client_details".into(), state.client_details(0));
    record.insert("client_name".into(), json!(data::client_name(0)));
    record.insert("creation_source".into(), json!("API"));
    if let Some(owner) = owner {
        record.insert(
            "assignee_name".into(),
            json!(state.identity(owner).full_name()),
        );
        record.insert("assignee_user_type".into(), json!("provider"));
    }
    let record = state.insert(Kind::Task, owner, record);
    Ok(Reply::created(Value::Object(record)))
}

pub(crate) fn tasks_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = state.ids_of(Kind::Task, None);
    let mut filters = Filters::new()
        .eq(ctx, "assignee", "assignee")
        .any_of(ctx, "assignee_in", "assignee")
        .eq(ctx, "assignee_user_type", "assignee_user_type")
        .eq(ctx, "status", "status")
        .any_of(ctx, "status_in", "status")
        .eq(ctx, "task_type", "task_type")
        .any_of(ctx, "task_type_in", "task_type")
        .eq(ctx, "client", "client")
        .any_of(ctx, "client_in", "client")
        .eq(ctx, "facility", "facility")
        .any_of(ctx, "facility_in", "facility")
        .eq(ctx, "created_by", "created_by")
        .any_of(ctx, "created_by_in", "created_by")
        .eq(ctx, "current_owner", "current_owner")
        .datetime_range(ctx, "created_at", "created_at")
        .datetime_range(ctx, "due_on", "due_on")
        .datetime_range(ctx, "updated_at", "updated_at")
        .datetime_range(
            ctx,
            "latest_task_timeline_updated_at",
            "latest_task_timeline_updated_at",
        )
        .eq(
            ctx,
            "latest_task_timeline_updated_by",
            "latest_task_timeline_updated_by",
        )
        .any_of(
            ctx,
            "latest_task_timeline_updated_by_in",
            "latest_task_timeline_updated_by",
        )
        // A task about an enrollment request targets it.
        .eq_by(ctx, "enrollment_request", |record| {
            (text(record, "target_model_name") == Some(data::ENROLLMENT_REQUEST_MODEL))
                .then(|| text(record, "target_instance_id").map(ToOwned::to_owned))
                .flatten()
        })
        .search(ctx, &["name", "description", "assignee_name"]);
    if let Some(flag) = ctx.q("is_facility_task").and_then(filters::parse_bool) {
        filters = filters.with(move |record| {
            record.get("facility").is_some_and(|value| !value.is_null()) == flag
        });
    }
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::Task, id),
        &filters,
    ))
}

pub(crate) fn task_timeline(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let (uuid, _) = path_record(ctx, &state, Kind::Task)?;
    let ids: Vec<Uuid> = match state.codec.decode(&uuid) {
        Some((_, owner, index)) if owner < crate::seed::CREATED => (0..data::TIMELINE_PER_PARENT)
            .map(|n| {
                state
                    .codec
                    .encode(Kind::Timeline, owner, index * data::TIMELINE_PER_PARENT + n)
            })
            .collect(),
        _ => Vec::new(),
    };
    if ctx.q("limit").is_some() || ctx.q("offset").is_some() {
        return Ok(paginate(
            ctx,
            &ids,
            |id| state.get(Kind::Timeline, id),
            &Filters::new(),
        ));
    }
    // Without paging parameters production answers a bare array (quirk 15).
    let entries: Vec<Value> = ids
        .iter()
        .filter_map(|id| state.get(Kind::Timeline, id))
        .map(Value::Object)
        .collect();
    Ok(Reply::ok(Value::Array(entries)))
}
