//! Providers: the accounts list, the creation trio, practice-location links, CAQH imports.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::context::Ctx;
use crate::data::{self, Identity};
use crate::filters::{self, Filters, as_text};
use crate::paging::paginate;
use crate::reply::{Reply, ReplyBody};
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;
use crate::time::now_rfc3339;

use super::common::{
    Who, array, filter_provider, invalid_pk, no_nulls, object, path_provider, require, resolve,
    text, valid_date,
};

pub(crate) fn provider_record(state: &State, index: u32) -> Map<String, Value> {
    let identity = state.identity(index);
    let mut record = Map::new();
    record.insert("id".into(), json!(state.account_id(index).to_string()));
    record.insert("email".into(), json!(identity.email));
    record.insert("first_name".into(), json!(identity.first_name));
    record.insert("middle_name".into(), json!(identity.middle_name));
    record.insert("last_name".into(), json!(identity.last_name));
    record.insert("npi".into(), json!(identity.npi));
    record.insert("full_name".into(), json!(identity.full_name()));
    record.insert(
        "provider_profile_id".into(),
        json!(state.profile_id(index).to_string()),
    );
    record.insert(
        "profile_completeness_percentage".into(),
        json!(identity.completeness),
    );
    record.insert("is_active".into(), json!(identity.is_active));
    record.insert("user_type".into(), json!("provider"));
    record
}

pub(crate) fn uuid_list(ctx: &Ctx<'_>, param: &str) -> Result<Option<Vec<String>>, Reply> {
    let Some(value) = ctx.q(param) else {
        return Ok(None);
    };
    let mut ids = Vec::new();
    for part in value
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        if Uuid::parse_str(part).is_err() {
            return Err(Reply::field(param, "Enter a valid UUID."));
        }
        ids.push(part.to_lowercase());
    }
    Ok(Some(ids))
}

pub(crate) fn provider_filters(ctx: &Ctx<'_>, state: &State) -> Filters<'static> {
    let mut filters = Filters::new()
        .eq(ctx, "email", "email")
        .eq(ctx, "first_name", "first_name")
        .eq(ctx, "last_name", "last_name")
        .eq(ctx, "npi", "npi")
        .boolean(ctx, "is_active", "is_active")
        .search(
            ctx,
            &["first_name", "last_name", "email", "npi", "full_name"],
        );
    if let Some(flag) = ctx.q("profile_completeness").and_then(filters::parse_bool) {
        filters = filters.with(move |record| {
            let complete = record
                .get("profile_completeness_percentage")
                .and_then(Value::as_f64)
                .unwrap_or(0.0)
                >= 100.0;
            complete == flag
        });
    }
    let clients: Vec<String> = ctx
        .q("client")
        .into_iter()
        .chain(ctx.q("client_in"))
        .flat_map(|value| value.split(','))
        .map(|value| value.trim().to_lowercase())
        .filter(|value| !value.is_empty())
        .collect();
    if !clients.is_empty() {
        let allowed: Vec<u32> = (0..data::CLIENTS)
            .filter(|client| clients.contains(&state.global_id(Kind::Client, *client).to_string()))
            .collect();
        let codec = state.codec;
        let seed = state.seed;
        let seeded = state.seeded;
        filters = filters.with(move |record| {
            let index = record
                .get("id")
                .and_then(Value::as_str)
                .and_then(|id| codec.decode_str(id, Kind::Account))
                .map(|(index, _)| index);
            index.is_some_and(|index| {
                let client = if index < seeded {
                    data::seeded_identity(seed, index).client
                } else {
                    0
                };
                allowed.contains(&client)
            })
        });
    }
    filters
}

pub(crate) fn providers_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let items: Vec<u32> = match uuid_list(ctx, "id_in")? {
        Some(ids) => ids
            .iter()
            .filter_map(|id| state.account_index(id))
            .collect(),
        None => match (ctx.q("npi"), ctx.q("email")) {
            // Fast paths for exact lookups.
            (_, Some(email)) => state.provider_by_email(email).into_iter().collect(),
            (Some(npi), None) => (0..state.provider_count())
                .filter(|index| state.identity(*index).npi.as_deref() == Some(npi.trim()))
                .collect(),
            (None, None) => (0..state.provider_count()).collect(),
        },
    };
    let filters = provider_filters(ctx, &state);
    Ok(paginate(
        ctx,
        &items,
        |index| Some(provider_record(&state, *index)),
        &filters,
    ))
}

pub(crate) fn new_identity(body: &Map<String, Value>, state: &State, source: &str) -> Identity {
    let client = text(body, "client")
        .and_then(|client| state.global_index(Kind::Client, client))
        .unwrap_or(0);
    Identity {
        first_name: text(body, "first_name").unwrap_or_default().to_owned(),
        middle_name: None,
        last_name: text(body, "last_name").unwrap_or_default().to_owned(),
        email: text(body, "email").unwrap_or_default().trim().to_owned(),
        npi: None,
        is_active: true,
        client,
        date_joined: now_rfc3339(),
        source_of_joining: source.to_owned(),
        provider_type: None,
        completeness: 5.0,
    }
}

/// Checks the fields shared by the provider-creation trio.
pub(crate) fn check_new_provider(
    state: &State,
    body: &Map<String, Value>,
    required: &[&str],
) -> Result<(), Reply> {
    require(body, required)?;
    no_nulls(
        body,
        &[
            "first_name",
            "last_name",
            "client",
            "document_url",
            "document_type",
            "provider_practice_locations",
            "primary_practice_location",
            "org_joining_date",
            "cc_emails",
        ],
    )?;
    let email = text(body, "email").unwrap_or_default();
    if !email.contains('@') {
        return Err(Reply::field("email", "Enter a valid email address."));
    }
    if state.provider_by_email(email).is_some() {
        return Err(Reply::field(
            "email",
            "user with this email already exists.",
        ));
    }
    if let Some(date) = text(body, "org_joining_date")
        && !valid_date(date)
    {
        return Err(Reply::field(
            "org_joining_date",
            "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        ));
    }
    for location in location_ids(body) {
        if state
            .global_index(Kind::PracticeLocation, &location)
            .is_none()
            && state.get_str(Kind::PracticeLocation, &location).is_none()
        {
            return Err(invalid_pk("provider_practice_locations", &location));
        }
    }
    Ok(())
}

pub(crate) fn location_ids(body: &Map<String, Value>) -> Vec<String> {
    let mut ids: Vec<String> = body
        .get("provider_practice_locations")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(as_text).collect())
        .unwrap_or_default();
    if let Some(primary) = text(body, "primary_practice_location")
        && !ids.iter().any(|id| id == primary)
    {
        ids.push(primary.to_owned());
    }
    ids
}

/// Creates a provider from a creation body; returns its index.
pub(crate) fn create_provider_from(
    state: &mut State,
    body: &Map<String, Value>,
    source: &str,
) -> u32 {
    let identity = new_identity(body, state, source);
    let index = state.add_provider(identity);
    if let Some(date) = text(body, "org_joining_date") {
        state.org_joining.insert(index, Some(date.to_owned()));
    }
    let primary = text(body, "primary_practice_location").map(ToOwned::to_owned);
    for location in location_ids(body) {
        link_location(
            state,
            index,
            &location,
            primary.as_deref() == Some(location.as_str()),
        );
    }
    index
}

pub(crate) fn link_location(
    state: &mut State,
    provider: u32,
    location: &str,
    primary: bool,
) -> Option<Map<String, Value>> {
    let (_, place) = state.get_str(Kind::PracticeLocation, location)?;
    let id = state.new_id(Kind::PlProvider);
    let mut record = match state.global_index(Kind::PracticeLocation, location) {
        Some(seeded) => state.pl_provider_record(&id.to_string(), provider, seeded, primary),
        None => {
            let mut record = state.pl_provider_record(&id.to_string(), provider, 0, primary);
            record.insert("practice_location".into(), json!(location));
            record.insert(
                "practice_location_name".into(),
                place.get("name").cloned().unwrap_or(Value::Null),
            );
            record
        }
    };
    record.insert("id".into(), json!(id.to_string()));
    let collection = state.collection_mut(Kind::PlProvider);
    collection.created.push((Some(provider), id));
    collection.written.insert(id, record.clone());
    Some(record)
}

pub(crate) fn invite_providers(ctx: &Ctx<'_>) -> HResult {
    let items = array(ctx)?;
    let mut state = ctx.shared.state();
    let mut errors = Vec::new();
    let mut failed = false;
    let mut seen = std::collections::HashSet::new();
    for item in &items {
        let Value::Object(body) = item else {
            errors.push(json!({"non_field_errors": ["Invalid data. Expected a dictionary."]}));
            failed = true;
            continue;
        };
        match check_new_provider(&state, body, &["email", "first_name", "last_name"]) {
            Err(Reply {
                body: ReplyBody::Json(error),
                ..
            }) => {
                errors.push(error);
                failed = true;
            }
            Err(_) => failed = true,
            Ok(()) => {
                let email = text(body, "email").unwrap_or_default().to_lowercase();
                if seen.insert(email) {
                    errors.push(json!({}));
                } else {
                    errors.push(json!({"email": ["Duplicate e-mail in this request."]}));
                    failed = true;
                }
            }
        }
    }
    if failed {
        return Err(Reply::json(StatusCode::BAD_REQUEST, Value::Array(errors)));
    }
    let mut created = Vec::new();
    for item in &items {
        if let Value::Object(body) = item {
            let index = create_provider_from(&mut state, body, "FROM_INVITE");
            let identity = state.identity(index);
            created.push(json!({
                "id": state.account_id(index).to_string(),
                "email": identity.email,
                "first_name": identity.first_name,
                "last_name": identity.last_name,
                "provider_practice_locations": location_ids(body),
            }));
        }
    }
    Ok(Reply::ok(Value::Array(created)))
}

pub(crate) fn caqh_import_provider(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    check_new_provider(&state, &body, &["email", "caqh_username", "caqh_password"])?;
    let index = create_provider_from(&mut state, &body, "FROM_SINGLE_PROVIDER_IMPORT");
    let identity = state.identity(index);
    Ok(Reply::ok(json!({
        "id": state.account_id(index).to_string(),
        "email": identity.email,
        "first_name": identity.first_name,
        "last_name": identity.last_name,
        "provider_practice_locations": location_ids(&body),
    })))
}

pub(crate) fn create_provider(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    check_new_provider(&state, &body, &["email", "first_name", "last_name"])?;
    let index = create_provider_from(&mut state, &body, "PROVIDER_CREATE_API");
    let identity = state.identity(index);
    Ok(Reply::created(json!({
        "id": state.account_id(index).to_string(),
        "email": identity.email,
        "first_name": identity.first_name,
        "last_name": identity.last_name,
        "provider_practice_locations": body.get("provider_practice_locations").cloned().unwrap_or(json!([])),
        "primary_practice_location": body.get("primary_practice_location").cloned().unwrap_or(Value::Null),
        "client": state.global_id(Kind::Client, identity.client).to_string(),
        "document_url": body.get("document_url").cloned().unwrap_or(Value::Null),
        "document_type": body.get("document_type").cloned().unwrap_or(Value::Null),
        "source_of_joining": "PROVIDER_CREATE_API",
    })))
}

/// The (provider, practice-location id) of a link, cheaply for seeded links.
pub(crate) fn link_of(state: &State, id: &Uuid) -> Option<(u32, String)> {
    let written = state
        .collection(Kind::PlProvider)
        .and_then(|collection| collection.written.get(id));
    let provider = state.owner_of(Kind::PlProvider, id)?;
    match written {
        Some(record) => Some((provider, text(record, "practice_location")?.to_owned())),
        None => Some((
            provider,
            state
                .global_id(Kind::PracticeLocation, provider % data::PRACTICE_LOCATIONS)
                .to_string(),
        )),
    }
}

pub(crate) fn providers_not_in_location(ctx: &Ctx<'_>) -> HResult {
    let Some(location) = ctx.q("practice_location") else {
        return Err(Reply::field("practice_location", "This field is required."));
    };
    let state = ctx.shared.state();
    if state.get_str(Kind::PracticeLocation, location).is_none() {
        return Err(Reply::field(
            "practice_location",
            "Select a valid choice. That choice is not one of the available choices.",
        ));
    }
    let location = location.trim().to_lowercase();
    let mut linked = std::collections::HashSet::new();
    for id in state.ids_of(Kind::PlProvider, None) {
        if let Some((provider, place)) = link_of(&state, &id)
            && place == location
        {
            linked.insert(provider);
        }
    }
    let wanted: Option<Vec<u32>> = uuid_list(ctx, "id_in")?.map(|ids| {
        ids.iter()
            .filter_map(|id| state.account_index(id))
            .collect()
    });
    let items: Vec<u32> = (0..state.provider_count())
        .filter(|index| !linked.contains(index))
        .filter(|index| wanted.as_ref().is_none_or(|wanted| wanted.contains(index)))
        .collect();
    let filters = provider_filters(ctx, &state);
    Ok(paginate(
        ctx,
        &items,
        |index| Some(provider_record(&state, *index)),
        &filters,
    ))
}

pub(crate) fn add_providers_to_location(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let location = text(&body, "practice_location")
        .unwrap_or_default()
        .to_owned();
    if state.get_str(Kind::PracticeLocation, &location).is_none() {
        return Err(invalid_pk("practice_location", &location));
    }
    let providers: Vec<String> = body
        .get("providers")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(as_text).collect())
        .unwrap_or_default();
    let mut indices = Vec::new();
    for provider in &providers {
        indices.push(
            resolve(&state, Who::Any, provider).ok_or_else(|| invalid_pk("providers", provider))?,
        );
    }
    for index in indices {
        link_location(&mut state, index, &location, false);
    }
    Ok(Reply::created(
        json!({"providers": providers, "practice_location": location}),
    ))
}

pub(crate) fn caqh_request_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(
        &body,
        &["caqh_username", "caqh_password", "full_name", "signature"],
    )?;
    let mut state = ctx.shared.state();
    let id = state.caqh_requests.len() + 1;
    let mut record = Map::new();
    record.insert("id".into(), json!(id));
    for key in ["caqh_username", "caqh_password", "full_name", "signature"] {
        record.insert(key.into(), body.get(key).cloned().unwrap_or(Value::Null));
    }
    record.insert("status".into(), json!("PENDING"));
    record.insert("created_at".into(), json!(now_rfc3339()));
    state.caqh_requests.push((None, record.clone()));
    Ok(Reply::created(Value::Object(record)))
}

pub(crate) fn caqh_request_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let items: Vec<&Map<String, Value>> = state
        .caqh_requests
        .iter()
        .filter(|(provider, _)| owner.is_none() || *provider == owner)
        .map(|(_, record)| record)
        .collect();
    Ok(paginate(
        ctx,
        &items,
        |record| Some((*record).clone()),
        &Filters::new(),
    ))
}

pub(crate) fn org_joining_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    Ok(Reply::ok(json!({
        "id": state.profile_id(index).to_string(),
        "org_joining_date": state.org_joining_date(index),
    })))
}

pub(crate) fn org_joining_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let date = match body.get("org_joining_date") {
        None => return Err(Reply::field("org_joining_date", "This field is required.")),
        Some(Value::Null) => None,
        Some(Value::String(date)) if valid_date(date) => Some(date.clone()),
        Some(_) => {
            return Err(Reply::field(
                "org_joining_date",
                "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            ));
        }
    };
    state.org_joining.insert(index, date.clone());
    Ok(Reply::ok(json!({
        "id": state.profile_id(index).to_string(),
        "org_joining_date": date,
    })))
}
