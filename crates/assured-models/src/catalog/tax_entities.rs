//! Tax-entity endpoints (reference rows TE1–TE3).

use super::macros::endpoints;
use crate::ids::TaxEntityId;
use crate::models::tax_entities::{
    TaxEntity, TaxEntityCreate, TaxEntityCreated, TaxEntityListParams,
};

endpoints! {
    /// Tax entities of the organisation.
    TE1 ListTaxEntities {
        GET "/api/v1/clients/tax-entities/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: TaxEntityListParams, body: () [None],
        response: TaxEntity,
        origin: Spec,
        facade: tax_entities.list,
        python: ["tax_entities.list", "tax_entities.list_all", "tax_entities.list_df"],
    }
    /// One tax entity.
    TE2 GetTaxEntity {
        GET "/api/v1/clients/tax-entities/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: TaxEntityId, query: (), body: () [None],
        response: TaxEntity,
        origin: Spec,
        facade: tax_entities.get,
        python: ["tax_entities.get"],
    }
    /// Create a tax entity.
    TE3 CreateTaxEntity {
        POST "/api/v1/clients/tax-entities/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: TaxEntityCreate [Json],
        response: TaxEntityCreated,
        origin: Spec,
        facade: tax_entities.create,
        python: ["tax_entities.create"],
    }
}
