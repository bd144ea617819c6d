//! Tax entities: an organisation-wide collection.

use serde_json::{Map, Value};

use crate::context::Ctx;
use crate::data;
use crate::filters::Filters;
use crate::seed::Kind;
use crate::state::State;

use super::collection::{Collection, GLOBAL_SEARCH, Scope};

fn filters<'a>(ctx: &'a Ctx<'_>, _: &'a State, _: Kind, filters: Filters<'a>) -> Filters<'a> {
    filters
        .eq(ctx, "client", "client")
        .any_of(ctx, "client_ids", "client")
        .eq(ctx, "incorporation_state", "incorporation_state")
        .any_of(ctx, "incorporation_state_in", "incorporation_state")
        .eq(ctx, "npi", "npi")
        .eq(ctx, "tax_id", "tax_id")
}

/// The spec's `legal_name` is stored; the client's `name` is accepted as
/// the same field (quirk 17).
fn legal_name(record: &mut Map<String, Value>, body: &Map<String, Value>) {
    let name = body.get("legal_name").or_else(|| body.get("name")).cloned();
    record.insert("legal_name".into(), name.unwrap_or(Value::Null));
    record.remove("name");
}

pub(crate) const TAX_ENTITIES: Collection = Collection {
    kind: Kind::TaxEntity,
    scope: Scope::Global {
        seeded: data::TAX_ENTITIES,
    },
    search: GLOBAL_SEARCH,
    filters,
    on_create: legal_name,
};
