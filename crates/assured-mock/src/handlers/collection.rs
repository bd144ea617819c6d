//! The generic handler of the plain record collections.

use serde_json::Value;

use crate::context::Ctx;
use crate::filters::{self, Filters, as_text};
use crate::paging::paginate;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;

use super::common::{
    Who, body_provider, filter_provider, object, overlay, path_record, template, text, valid_date,
};

pub(crate) fn detail(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    let state = ctx.shared.state();
    let (_, record) = path_record(ctx, &state, kind)?;
    Ok(Reply::ok(Value::Object(record)))
}

/// The `professional_id_type` of the professional-id kinds.
pub(crate) fn professional_id_type(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::License => Some("LICENSE"),
        Kind::Dea => Some("DEA"),
        Kind::Cds => Some("CDS"),
        Kind::Medicaid => Some("MEDICAID"),
        Kind::Medicare => Some("MEDICARE"),
        _ => None,
    }
}

pub(crate) fn sub_list(ctx: &Ctx<'_>, kind: Kind, who: Who) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", who)?;
    let ids = state.ids_of(kind, owner);
    let mut filters = Filters::new()
        .search(
            ctx,
            &[
                "provider_full_name",
                "health_plan_name",
                "hospital_name",
                "name",
            ],
        )
        .eq(ctx, "state", "state")
        .eq(ctx, "number", "number");
    // Each professional-id list holds one type: its own type keeps every
    // record, another type none.
    if let Some(own) = professional_id_type(kind)
        && let Some(wanted) = ctx.q("professional_id_type")
    {
        let same = wanted.trim().eq_ignore_ascii_case(own);
        filters = filters.with(move |_| same);
    }
    Ok(paginate(ctx, &ids, |id| state.get(kind, id), &filters))
}

pub(crate) fn sub_create(ctx: &Ctx<'_>, kind: Kind, who: Who) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let owner = body_provider(&state, &body, "provider", who)?;
    for date_key in [
        "issue_date",
        "expiration_date",
        "start_date",
        "end_date",
        "initial_date",
    ] {
        if let Some(date) = text(&body, date_key)
            && !valid_date(date)
            && kind != Kind::Arrangement
            && kind != Kind::Privilege
            && kind != Kind::NonAdmitting
        {
            return Err(Reply::field(
                date_key,
                "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            ));
        }
    }
    let record = overlay(template(&state, kind), &body);
    let record = state.insert(kind, Some(owner), record);
    Ok(Reply::created(Value::Object(record)))
}

pub(crate) fn global_list(ctx: &Ctx<'_>, kind: Kind, seeded: u32) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let ids = state.global_ids(kind, seeded);
    let mut filters = Filters::new().search(
        ctx,
        &[
            "name",
            "legal_name",
            "facility_name",
            "payer_name",
            "mailing_city",
            "mailing_street_address_1",
            "tax_id",
            "npi",
        ],
    );
    match kind {
        Kind::PracticeLocation => {
            filters = filters
                .eq(ctx, "client", "client")
                .any_of(ctx, "client_ids", "client")
                .any_of(ctx, "id_in", "id")
                .eq(ctx, "mailing_state", "mailing_state")
                .any_of(ctx, "mailing_state_in", "mailing_state")
                .eq(ctx, "practice_location_type", "practice_location_type")
                .eq(ctx, "tax_entity", "tax_entity")
                .any_of(ctx, "tax_entity_in", "tax_entity")
                .any_of_by(ctx, "tax_entity_incorporation_state_in", move |record| {
                    incorporation_state(state, record.get("tax_entity"))
                });
            if let Some(archived) = ctx.q("is_archived").and_then(filters::parse_bool) {
                filters = filters.with(move |record| {
                    record
                        .get("archived_at")
                        .is_some_and(|value| !value.is_null())
                        == archived
                });
            }
        }
        Kind::TaxEntity => {
            filters = filters
                .eq(ctx, "client", "client")
                .any_of(ctx, "client_ids", "client")
                .eq(ctx, "incorporation_state", "incorporation_state")
                .any_of(ctx, "incorporation_state_in", "incorporation_state")
                .eq(ctx, "npi", "npi")
                .eq(ctx, "tax_id", "tax_id");
        }
        Kind::HealthPlan => {
            filters = filters
                .eq(ctx, "followup_mode", "followup_mode")
                .any_of(ctx, "health_plan_in", "id")
                .eq(ctx, "lob", "lob")
                .eq(ctx, "name", "name")
                .eq(ctx, "network", "network")
                .eq(ctx, "state", "state")
                .eq(ctx, "submission_type", "submission_type");
        }
        _ => {}
    }
    Ok(paginate(ctx, &ids, |id| state.get(kind, id), &filters))
}

/// The incorporation state of the tax entity a record points to.
pub(crate) fn incorporation_state(state: &State, tax_entity: Option<&Value>) -> Option<String> {
    let (_, entity) = state.get_str(Kind::TaxEntity, tax_entity?.as_str()?)?;
    entity.get("incorporation_state").and_then(as_text)
}

pub(crate) fn global_create(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    // Required fields were checked against the reference body rule.
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let mut record = overlay(template(&state, kind), &body);
    if kind == Kind::TaxEntity {
        // The spec's `legal_name`; the client's `name` is accepted too.
        let name = body.get("legal_name").or_else(|| body.get("name")).cloned();
        record.insert("legal_name".into(), name.unwrap_or(Value::Null));
        record.remove("name");
    }
    let record = state.insert(kind, None, record);
    Ok(Reply::created(Value::Object(record)))
}
