//! Practice-location endpoints (reference rows PL1–PL8).

use super::macros::endpoints;
use crate::ids::{PracticeLocationId, PracticeLocationProviderId};
use crate::models::practice_locations::{
    BulkPracticeLocationsResult, MarkPrimaryLocationRequest, PracticeLocation,
    PracticeLocationCreate, PracticeLocationListParams, PracticeLocationProvider,
    PracticeLocationProviderListParams, ProviderPracticeLocationsBulkCreate,
};

endpoints! {
    /// Practice locations of the organisation.
    PL1 ListPracticeLocations {
        GET "/api/v1/clients/practice-locations/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: PracticeLocationListParams, body: () [None],
        response: PracticeLocation,
        origin: Spec,
        facade: practice_locations.list,
        python: ["practice_locations.list", "practice_locations.list_all", "practice_locations.list_df"],
    }
    /// One practice location.
    PL2 GetPracticeLocation {
        GET "/api/v1/clients/practice-locations/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: PracticeLocationId, query: (), body: () [None],
        response: PracticeLocation,
        origin: Spec,
        facade: practice_locations.get,
        python: ["practice_locations.get"],
    }
    /// Create a practice location; the spec's 201 reply is the full record.
    PL3 CreatePracticeLocation {
        POST "/api/v1/clients/practice-locations/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: PracticeLocationCreate [Json],
        response: PracticeLocation,
        origin: Spec,
        facade: practice_locations.create,
        python: ["practice_locations.create"],
    }
    /// Provider-to-location links.
    PL4 ListPracticeLocationProviders {
        GET "/api/v1/users/practice-location-provider/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: PracticeLocationProviderListParams, body: () [None],
        response: PracticeLocationProvider,
        origin: Undocumented,
        facade: practice_locations.list_providers,
        python: ["practice_locations.list_providers", "practice_locations.list_providers_all", "practice_locations.list_providers_df"],
    }
    /// One provider-to-location link.
    PL5 GetPracticeLocationProvider {
        GET "/api/v1/users/practice-location-provider/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: PracticeLocationProviderId, query: (), body: () [None],
        response: PracticeLocationProvider,
        origin: Undocumented,
        facade: practice_locations.get_provider,
        python: ["practice_locations.get_provider"],
    }
    /// Remove a provider-to-location link. The reply is usually 204 with
    /// an empty body (read it as `null`); otherwise whatever JSON the
    /// server sends.
    PL6 DeletePracticeLocationProvider {
        DELETE "/api/v1/users/practice-location-provider/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: PracticeLocationProviderId, query: (), body: () [None],
        response: serde_json::Value,
        origin: Undocumented,
        facade: practice_locations.delete_provider,
        python: ["practice_locations.delete_provider"],
    }
    /// Link one provider to several practice locations.
    PL7 CreateProviderPracticeLocationsBulk {
        POST "/api/v1/users/provider-practice-locations-bulk/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: ProviderPracticeLocationsBulkCreate [Json],
        response: BulkPracticeLocationsResult,
        origin: Undocumented,
        facade: practice_locations.create_provider_locations_bulk,
        python: ["practice_locations.create_provider_locations_bulk"],
    }
    /// Make a linked location the provider's primary one (path = link id).
    PL8 MarkPrimaryPracticeLocation {
        PATCH "/api/v1/users/mark-primary-practice-location/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: PracticeLocationProviderId, query: (), body: MarkPrimaryLocationRequest [Json],
        response: PracticeLocationProvider,
        origin: Undocumented,
        idempotent: true,
        facade: practice_locations.mark_primary,
        python: ["practice_locations.mark_primary"],
    }
}
