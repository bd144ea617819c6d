//! Hospital-affiliation endpoints (reference rows HA1–HA9).

use super::macros::endpoints;
use crate::ids::AffiliationId;
use crate::models::hospital_affiliations::{
    AdmittingArrangement, AdmittingArrangementCreate, AdmittingPrivilege, AdmittingPrivilegeCreate,
    HospitalAffiliationListParams, NonAdmittingAffiliation, NonAdmittingAffiliationCreate,
};

endpoints! {
    /// Admitting arrangements (filter by provider account id).
    HA1 ListAdmittingArrangements {
        GET "/api/v1/users/provider-hospital-with-admitting-arrangements/",
        auth: ApiKey, paging: Paged, ids: Account,
        path_arg: (), query: HospitalAffiliationListParams, body: () [None],
        response: AdmittingArrangement,
        origin: Spec,
        facade: hospital_affiliations.list_arrangements,
        python: ["hospital_affiliations.list_arrangements", "hospital_affiliations.list_arrangements_all", "hospital_affiliations.list_arrangements_df"],
    }
    /// One admitting arrangement.
    HA2 GetAdmittingArrangement {
        GET "/api/v1/users/provider-hospital-with-admitting-arrangements/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: AffiliationId, query: (), body: () [None],
        response: AdmittingArrangement,
        origin: Spec,
        facade: hospital_affiliations.get_arrangement,
        python: ["hospital_affiliations.get_arrangement"],
    }
    /// Add an admitting arrangement; the spec's 201 reply is the full record.
    HA3 CreateAdmittingArrangement {
        POST "/api/v1/users/provider-hospital-with-admitting-arrangements/",
        auth: ApiKey, paging: Single, ids: Account,
        path_arg: (), query: (), body: AdmittingArrangementCreate [Json],
        response: AdmittingArrangement,
        origin: Spec,
        facade: hospital_affiliations.create_arrangement,
        python: ["hospital_affiliations.create_arrangement"],
    }
    /// Admitting privileges (filter by provider account id).
    HA4 ListAdmittingPrivileges {
        GET "/api/v1/users/provider-hospital-with-admitting-privileges/",
        auth: ApiKey, paging: Paged, ids: Account,
        path_arg: (), query: HospitalAffiliationListParams, body: () [None],
        response: AdmittingPrivilege,
        origin: Spec,
        facade: hospital_affiliations.list_privileges,
        python: ["hospital_affiliations.list_privileges", "hospital_affiliations.list_privileges_all", "hospital_affiliations.list_privileges_df"],
    }
    /// One admitting privilege.
    HA5 GetAdmittingPrivilege {
        GET "/api/v1/users/provider-hospital-with-admitting-privileges/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: AffiliationId, query: (), body: () [None],
        response: AdmittingPrivilege,
        origin: Spec,
        facade: hospital_affiliations.get_privilege,
        python: ["hospital_affiliations.get_privilege"],
    }
    /// Add an admitting privilege; the spec's 201 reply is the full record.
    HA6 CreateAdmittingPrivilege {
        POST "/api/v1/users/provider-hospital-with-admitting-privileges/",
        auth: ApiKey, paging: Single, ids: Account,
        path_arg: (), query: (), body: AdmittingPrivilegeCreate [Json],
        response: AdmittingPrivilege,
        origin: Spec,
        facade: hospital_affiliations.create_privilege,
        python: ["hospital_affiliations.create_privilege"],
    }
    /// Non-admitting affiliations (filter by provider account id).
    HA7 ListNonAdmittingAffiliations {
        GET "/api/v1/users/provider-hospital-with-non-admitting-affiliations/",
        auth: ApiKey, paging: Paged, ids: Account,
        path_arg: (), query: HospitalAffiliationListParams, body: () [None],
        response: NonAdmittingAffiliation,
        origin: Spec,
        facade: hospital_affiliations.list_non_admitting,
        python: ["hospital_affiliations.list_non_admitting", "hospital_affiliations.list_non_admitting_all", "hospital_affiliations.list_non_admitting_df"],
    }
    /// One non-admitting affiliation.
    HA8 GetNonAdmittingAffiliation {
        GET "/api/v1/users/provider-hospital-with-non-admitting-affiliations/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: AffiliationId, query: (), body: () [None],
        response: NonAdmittingAffiliation,
        origin: Spec,
        facade: hospital_affiliations.get_non_admitting,
        python: ["hospital_affiliations.get_non_admitting"],
    }
    /// Add a non-admitting affiliation; the spec's 201 reply is the full record.
    HA9 CreateNonAdmittingAffiliation {
        POST "/api/v1/users/provider-hospital-with-non-admitting-affiliations/",
        auth: ApiKey, paging: Single, ids: Account,
        path_arg: (), query: (), body: NonAdmittingAffiliationCreate [Json],
        response: NonAdmittingAffiliation,
        origin: Spec,
        facade: hospital_affiliations.create_non_admitting,
        python: ["hospital_affiliations.create_non_admitting"],
    }
}
