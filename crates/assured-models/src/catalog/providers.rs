//! Providers endpoints (reference rows PV1–PV10).

use super::macros::endpoints;
use crate::ids::ProfileId;
use crate::models::providers::{
    CaqhImportRequest, CaqhImportRequestCreate, CaqhImportRequestListParams, OnboardedProvider,
    PracticeLocationProvidersCreate, Provider, ProviderCAQHImport, ProviderCreate,
    ProviderCreateResponse, ProviderInvite, ProviderListParams, ProviderOrgJoiningDate,
    ProviderOrgJoiningDateUpdate, ProvidersNotInPracticeLocationParams,
};

endpoints! {
    /// Provider accounts; each record carries the account id and the profile
    /// id (the only account → profile mapping).
    PV1 ListProviders {
        GET "/api/v1/users/providers-list/",
        auth: ApiKey, paging: Paged, ids: Account,
        path_arg: (), query: ProviderListParams, body: () [None],
        response: Provider,
        origin: Spec,
        facade: providers.list,
        python: ["providers.list", "providers.list_all", "providers.list_df"],
    }
    /// Invite providers by e-mail (a JSON array, several at once).
    PV2 InviteProviders {
        POST "/api/v1/users/invite-providers/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: Vec<ProviderInvite> [JsonArray],
        response: Vec<OnboardedProvider>,
        origin: Spec,
        facade: providers.invite,
        python: ["providers.invite"],
    }
    /// Onboard one provider from their CAQH account.
    PV3 ImportProviderWithCaqh {
        POST "/api/v1/users/import-single-provider-with-caqh/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: ProviderCAQHImport [Json],
        response: OnboardedProvider,
        origin: Spec,
        facade: providers.import_with_caqh,
        python: ["providers.import_with_caqh"],
    }
    /// Create a provider without CAQH credentials (201).
    PV4 CreateProvider {
        POST "/api/v1/users/create-providers/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: ProviderCreate [Json],
        response: ProviderCreateResponse,
        origin: Spec,
        facade: providers.create,
        python: ["providers.create"],
    }
    /// Provider accounts that are not in a practice location
    /// (`practice_location` is required).
    PV5 ListProvidersNotInPracticeLocation {
        GET "/api/v1/users/providers-not-in-practice-loc/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: ProvidersNotInPracticeLocationParams, body: () [None],
        response: Provider,
        origin: Undocumented,
        facade: providers.list_not_in_practice_location,
        python: ["providers.list_not_in_practice_location", "providers.list_all_not_in_practice_location", "providers.list_not_in_practice_location_df"],
    }
    /// Add providers to a practice location; the reply echoes the body.
    PV6 AddProvidersToPracticeLocation {
        POST "/api/v1/users/practice-location-providers/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: PracticeLocationProvidersCreate [Json],
        response: serde_json::Value,
        origin: Undocumented,
        facade: providers.add_to_practice_location,
        python: ["providers.add_to_practice_location", "practice_locations.create_provider"],
    }
    /// Request a provider-authorised CAQH re-import.
    PV7 RequestCaqhImport {
        POST "/api/v1/users/request-caqh-import/",
        auth: ApiKey, paging: Single, ids: None,
        path_arg: (), query: (), body: CaqhImportRequestCreate [Json],
        response: CaqhImportRequest,
        origin: Undocumented,
        facade: providers.request_caqh_import,
        python: ["providers.request_caqh_import"],
    }
    /// CAQH import requests (integer ids).
    PV8 ListCaqhImportRequests {
        GET "/api/v1/users/request-caqh-import/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: CaqhImportRequestListParams, body: () [None],
        response: CaqhImportRequest,
        origin: Undocumented,
        facade: providers.list_caqh_import_requests,
        python: ["providers.list_caqh_import_requests", "providers.list_all_caqh_import_requests"],
    }
    /// A provider's organisation joining date (path id = profile id).
    PV9 GetOrgJoiningDate {
        GET "/api/v1/users/update-provider-org-joining-date/{id}/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: () [None],
        response: ProviderOrgJoiningDate,
        origin: Undocumented,
        facade: providers.get_org_joining_date,
        python: ["providers.get_org_joining_date"],
    }
    /// Set or clear a provider's organisation joining date (path id =
    /// profile id).
    PV10 UpdateOrgJoiningDate {
        PATCH "/api/v1/users/update-provider-org-joining-date/{id}/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: ProviderOrgJoiningDateUpdate [Json],
        response: ProviderOrgJoiningDate,
        origin: Undocumented,
        idempotent: true,
        facade: providers.update_org_joining_date,
        python: ["providers.update_org_joining_date"],
    }
}
