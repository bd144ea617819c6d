//! Practice-location links of providers.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::context::Ctx;
use crate::data;
use crate::filters::{self, Filters, as_text};
use crate::paging::paginate;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;

use super::collection::{Collection, GLOBAL_SEARCH, Scope, as_sent};
use super::common::{Who, body_provider, filter_provider, invalid_pk, object, path_record, text};
use super::providers::{link_location, link_of};

pub(crate) fn location_links_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let owner = filter_provider(ctx, state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::PlProvider, owner);
    // Fields of the linked practice location.
    let location = move |record: &Map<String, Value>| {
        state
            .get_str(Kind::PracticeLocation, text(record, "practice_location")?)
            .map(|(_, location)| location)
    };
    let tax_entity =
        move |record: &Map<String, Value>| location(record)?.get("tax_entity").and_then(as_text);
    let incorporation = move |record: &Map<String, Value>| {
        incorporation_state(state, location(record)?.get("tax_entity"))
    };
    let mut filters = Filters::new()
        .eq(ctx, "practice_location", "practice_location")
        .eq(ctx, "practice_location__mailing_state", "state")
        .any_of(ctx, "practice_location__mailing_state_in", "state")
        .eq_by(ctx, "practice_location__tax_entity", tax_entity)
        .any_of_by(ctx, "practice_location__tax_entity_in", tax_entity)
        .eq_by(
            ctx,
            "practice_location__tax_entity__incorporation_state",
            incorporation,
        )
        .any_of_by(
            ctx,
            "practice_location__tax_entity__incorporation_state_in",
            incorporation,
        )
        .search(ctx, &["provider_name", "practice_location_name", "npi"]);
    if let Some(archived) = ctx
        .q("practice_location__is_archived")
        .and_then(filters::parse_bool)
    {
        filters = filters.with(move |record| {
            location(record).is_some_and(|location| {
                location
                    .get("archived_at")
                    .is_some_and(|value| !value.is_null())
                    == archived
            })
        });
    }
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::PlProvider, id),
        &filters,
    ))
}

pub(crate) fn location_link_delete(ctx: &Ctx<'_>) -> HResult {
    let mut state = ctx.shared.state();
    let (uuid, _) = path_record(ctx, &state, Kind::PlProvider)?;
    state.delete(Kind::PlProvider, uuid);
    Ok(Reply::empty(StatusCode::NO_CONTENT))
}

pub(crate) fn location_links_bulk(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let provider = body_provider(&state, &body, "provider", Who::Any)?;
    let locations: Vec<String> = body
        .get("practice_locations")
        .and_then(Value::as_array)
        .ok_or_else(|| Reply::field("practice_locations", "Expected a list of items."))?
        .iter()
        .filter_map(as_text)
        .collect();
    for location in &locations {
        if state.get_str(Kind::PracticeLocation, location).is_none() {
            return Err(invalid_pk("practice_locations", location));
        }
    }
    let existing: Vec<String> = state
        .ids_of(Kind::PlProvider, Some(provider))
        .iter()
        .filter_map(|id| link_of(&state, id))
        .map(|(_, location)| location)
        .collect();
    let (mut created, mut skipped) = (0, 0);
    for location in locations {
        if existing.contains(&location.to_lowercase()) {
            skipped += 1;
        } else if link_location(&mut state, provider, &location, false).is_some() {
            created += 1;
        }
    }
    Ok(Reply::created(json!({
        "message": "Practice locations added.",
        "created_count": created,
        "skipped_count": skipped,
    })))
}

pub(crate) fn mark_primary(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let (uuid, mut record) = path_record(ctx, &state, Kind::PlProvider)?;
    let primary = match body.get("is_primary_location") {
        None => true,
        Some(Value::Bool(flag)) => *flag,
        Some(_) => {
            return Err(Reply::field(
                "is_primary_location",
                "Must be a valid boolean.",
            ));
        }
    };
    if primary && let Some(provider) = state.owner_of(Kind::PlProvider, &uuid) {
        for other in state.ids_of(Kind::PlProvider, Some(provider)) {
            if other != uuid
                && let Some(mut link) = state.get(Kind::PlProvider, &other)
                && link.get("is_primary_location") == Some(&Value::Bool(true))
            {
                link.insert("is_primary_location".into(), json!(false));
                state.put(Kind::PlProvider, other, link);
            }
        }
    }
    record.insert("is_primary_location".into(), json!(primary));
    state.put(Kind::PlProvider, uuid, record.clone());
    Ok(Reply::ok(Value::Object(record)))
}

/// The incorporation state of the tax entity a record points to.
pub(crate) fn incorporation_state(state: &State, tax_entity: Option<&Value>) -> Option<String> {
    let (_, entity) = state.get_str(Kind::TaxEntity, tax_entity?.as_str()?)?;
    entity.get("incorporation_state").and_then(as_text)
}

fn location_filters<'a>(
    ctx: &'a Ctx<'_>,
    state: &'a State,
    _: Kind,
    filters: Filters<'a>,
) -> Filters<'a> {
    let mut filters = filters
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
    filters
}

/// The organisation's practice locations.
pub(crate) const PRACTICE_LOCATIONS: Collection = Collection {
    kind: Kind::PracticeLocation,
    scope: Scope::Global {
        seeded: data::PRACTICE_LOCATIONS,
    },
    search: GLOBAL_SEARCH,
    filters: location_filters,
    on_create: as_sent,
};
