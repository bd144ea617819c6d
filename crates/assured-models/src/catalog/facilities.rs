//! Facility endpoints (reference row FA1).

use super::macros::endpoints;
use crate::models::facilities::{FacilityListParams, FacilityProfile};

endpoints! {
    /// Facility profiles.
    FA1 ListFacilities {
        GET "/api/v1/facility/facility-profile-list/",
        auth: ApiKey, paging: Paged, ids: None,
        path_arg: (), query: FacilityListParams, body: () [None],
        response: FacilityProfile,
        origin: Spec,
        facade: facilities.list,
        python: ["facilities.list", "facilities.list_all", "facilities.list_df"],
    }
}
