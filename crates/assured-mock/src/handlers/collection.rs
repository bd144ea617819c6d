//! The generic handler of the plain record collections: the endpoints that
//! only list, create or get one record kind. What differs between them is
//! data ([`Collection`]): the kind, who owns the records, the query
//! filters beyond the common ones, and how a created record is stored.

use serde_json::{Map, Value};

use crate::context::Ctx;
use crate::filters::Filters;
use crate::paging::paginate;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;

use super::common::{Who, body_provider, filter_provider, object, overlay, path_record, template};

/// Extra filters of one collection's list (beyond search and paging),
/// given the collection's record kind.
pub(crate) type ExtraFilters = for<'a> fn(&'a Ctx<'_>, &'a State, Kind, Filters<'a>) -> Filters<'a>;

/// Who owns a collection's records.
#[derive(Clone, Copy)]
pub(crate) enum Scope {
    /// Each record belongs to a provider, named by the `provider` query
    /// filter and body field (profile or account id).
    Provider(Who),
    /// Organisation-wide records, `seeded` of them generated.
    Global { seeded: u32 },
}

/// One plain record collection.
pub(crate) struct Collection {
    pub(crate) kind: Kind,
    pub(crate) scope: Scope,
    /// Fields the `search` parameter looks in.
    pub(crate) search: &'static [&'static str],
    pub(crate) filters: ExtraFilters,
    /// Adjusts a created record from its body (two names of one field).
    pub(crate) on_create: fn(&mut Map<String, Value>, &Map<String, Value>),
}

/// Where `search` looks in per-provider records.
pub(crate) const PROVIDER_SEARCH: &[&str] = &[
    "provider_full_name",
    "health_plan_name",
    "hospital_name",
    "name",
];

/// Where `search` looks in organisation-wide records.
pub(crate) const GLOBAL_SEARCH: &[&str] = &[
    "name",
    "legal_name",
    "facility_name",
    "payer_name",
    "mailing_city",
    "mailing_street_address_1",
    "tax_id",
    "npi",
];

/// No extra filters.
pub(crate) fn no_filters<'a>(
    _: &'a Ctx<'_>,
    _: &'a State,
    _: Kind,
    filters: Filters<'a>,
) -> Filters<'a> {
    filters
}

/// A created record is the body over the kind's null record.
pub(crate) fn as_sent(_: &mut Map<String, Value>, _: &Map<String, Value>) {}

/// The record of `kind` the path names (any record kind read by id).
pub(crate) fn detail(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    let state = ctx.shared.state();
    let (_, record) = path_record(ctx, &state, kind)?;
    Ok(Reply::ok(Value::Object(record)))
}

/// The collection's record the path names.
pub(crate) fn get(ctx: &Ctx<'_>, collection: &Collection) -> HResult {
    detail(ctx, collection.kind)
}

/// One page of the collection, filtered.
pub(crate) fn list(ctx: &Ctx<'_>, collection: &Collection) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let kind = collection.kind;
    let ids = match collection.scope {
        Scope::Provider(who) => {
            let owner = filter_provider(ctx, state, "provider", who)?;
            state.ids_of(kind, owner)
        }
        Scope::Global { seeded } => state.global_ids(kind, seeded),
    };
    let search = Filters::new().search(ctx, collection.search);
    let filters = (collection.filters)(ctx, state, kind, search);
    Ok(paginate(ctx, &ids, |id| state.get(kind, id), &filters))
}

/// Creates a record from the body (already checked against the reference
/// rule of the route: required fields, types).
pub(crate) fn create(ctx: &Ctx<'_>, collection: &Collection) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let owner = match collection.scope {
        Scope::Provider(who) => Some(body_provider(&state, &body, "provider", who)?),
        Scope::Global { .. } => None,
    };
    let mut record = overlay(template(&state, collection.kind), &body);
    (collection.on_create)(&mut record, &body);
    let record = state.insert(collection.kind, owner, record);
    Ok(Reply::created(Value::Object(record)))
}
