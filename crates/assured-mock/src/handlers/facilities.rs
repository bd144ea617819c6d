//! Facilities: an organisation-wide collection searched by name.

use crate::data;
use crate::seed::Kind;

use super::collection::{Collection, GLOBAL_SEARCH, Scope, as_sent, no_filters};

pub(crate) const FACILITIES: Collection = Collection {
    kind: Kind::Facility,
    scope: Scope::Global {
        seeded: data::FACILITIES,
    },
    search: GLOBAL_SEARCH,
    filters: no_filters,
    on_create: as_sent,
};
