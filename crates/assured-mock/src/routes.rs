//! Every route the mock serves, registered per catalog endpoint type (a
//! wrong endpoint is a compile error), with its reference body rule and
//! its special properties. Dead catalog endpoints have no route: they
//! answer Django's 500 page.

use assured_models::catalog::{
    AddExistingGroupEnrollment, AddExistingProviderEnrollment, AddProvidersToPracticeLocation,
    BulkAssignOas, ChangePassword, CloseCredentialingRequests, CreateAdmittingArrangement,
    CreateAdmittingPrivilege, CreateCdsRecord, CreateCertification, CreateCredentialingRequest,
    CreateDeaRecord, CreateDocument, CreateEducation, CreateEmployment, CreateGapHistory,
    CreateGroupEnrollmentRequest, CreateLiabilityInsurance, CreateLicense, CreateMedicaidRecord,
    CreateMedicareRecord, CreateNonAdmittingAffiliation, CreatePracticeLocation,
    CreateProfessionalTraining, CreateProvider, CreateProviderEnrollmentRequest,
    CreateProviderPracticeLocationsBulk, CreateTask, CreateTaxEntity,
    DeletePracticeLocationProvider, DownloadCredentialingPackets, GetAdmittingArrangement,
    GetAdmittingPrivilege, GetApprovalLetter, GetCredentialingPacket, GetCredentialingRequest,
    GetEncryptedSsn, GetEnrollmentRequestDetail, GetExpirable, GetLoggedInUser,
    GetNonAdmittingAffiliation, GetOrgJoiningDate, GetPersonalInfo, GetPlaintextSsn,
    GetPracticeLocation, GetPracticeLocationProvider, GetProviderCredentialingOverview, GetTask,
    GetTaskTimeline, GetTaxEntity, ImportProviderWithCaqh, InviteProviders, ListActiveEnrollments,
    ListAdmittingArrangements, ListAdmittingPrivileges, ListCaqhImportRequests, ListCdsRecords,
    ListCertifications, ListCredentialingNeedActions, ListCredentialingPackets,
    ListCredentialingRequests, ListDeaRecords, ListDocuments, ListEducation, ListEmployments,
    ListEnrollmentRequests, ListEnrollmentTimeline, ListExpirables, ListExternalUsers,
    ListFacilities, ListGapHistory, ListHealthPlans, ListLiabilityInsurances, ListLicenses,
    ListMedicaidRecords, ListMedicareRecords, ListMonitoringEvents, ListNonAdmittingAffiliations,
    ListPracticeLocationProviders, ListPracticeLocations, ListProfessionalTraining, ListProviders,
    ListProvidersForCredentialing, ListProvidersNotInPracticeLocation, ListSelectableOaUsers,
    ListTasks, ListTaxEntities, ListUsersSlim, Login, MarkPrimaryPracticeLocation, Method,
    PasswordReset, PresignUrl, RequestCaqhImport, SendApprovalLetter, UpdateEncryptedSsn,
    UpdateEnrollmentRequestStatus, UpdateExpirable, UpdateOrgJoiningDate, UpdatePersonalInfo,
    UploadFile,
};
use axum::http::StatusCode;

use crate::body_rules as body;
use crate::handlers::collection::{create, detail, get, list};
use crate::handlers::hospital_affiliations as affiliations;
use crate::handlers::professional_records as records;
use crate::handlers::{
    account, credentialing, facilities, files, payer_enrollment, practice_locations,
    provider_profile, providers, tasks, tax_entities, users,
};
use crate::route::{Route, route};
use crate::seed::Kind;

/// The routes of every live endpoint.
pub(crate) fn all() -> Vec<Route> {
    [
        users(),
        providers(),
        provider_profile(),
        professional_records(),
        credentialing(),
        tasks(),
        practice_locations(),
        tax_entities_and_facilities(),
        payer_enrollment(),
        hospital_affiliations(),
        account_and_files(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn users() -> Vec<Route> {
    vec![
        route::<ListExternalUsers>(|ctx| users::users_list(ctx, false)),
        route::<ListUsersSlim>(|ctx| users::users_list(ctx, true)),
        route::<GetLoggedInUser>(|ctx| Ok(users::logged_in_user(ctx))).optional_bearer(),
        route::<Login>(users::login).body(&body::LOGIN),
        route::<PasswordReset>(users::password_reset).body(&body::PASSWORD_RESET),
    ]
}

fn providers() -> Vec<Route> {
    vec![
        route::<ListProviders>(providers::providers_list),
        route::<InviteProviders>(providers::invite_providers).body(&body::INVITE_PROVIDERS),
        route::<ImportProviderWithCaqh>(providers::caqh_import_provider)
            .body(&body::IMPORT_WITH_CAQH),
        route::<CreateProvider>(providers::create_provider).body(&body::CREATE_PROVIDER),
        route::<ListProvidersNotInPracticeLocation>(providers::providers_not_in_location),
        route::<AddProvidersToPracticeLocation>(providers::add_providers_to_location)
            .body(&body::ADD_TO_PRACTICE_LOCATION),
        route::<RequestCaqhImport>(providers::caqh_request_create).body(&body::REQUEST_CAQH_IMPORT),
        route::<ListCaqhImportRequests>(providers::caqh_request_list),
        route::<GetOrgJoiningDate>(providers::org_joining_get),
        route::<UpdateOrgJoiningDate>(providers::org_joining_patch).body(&body::ORG_JOINING_DATE),
    ]
}

fn provider_profile() -> Vec<Route> {
    vec![
        route::<GetPersonalInfo>(provider_profile::personal_get),
        route::<UpdatePersonalInfo>(provider_profile::personal_patch).body(&body::PERSONAL_INFO),
        route::<GetEncryptedSsn>(provider_profile::ssn_encrypted_get),
        route::<UpdateEncryptedSsn>(provider_profile::ssn_encrypted_patch)
            .body(&body::ENCRYPTED_SSN)
            .encrypted_ssn(),
        route::<GetPlaintextSsn>(provider_profile::ssn_plain_get).refuse(
            Method::Patch,
            StatusCode::BAD_REQUEST,
            "SSN is not updatable via this endpoint.",
        ),
        route::<ListDocuments>(|ctx| list(ctx, &records::DOCUMENTS)),
        route::<CreateDocument>(provider_profile::document_create).body(&body::DOCUMENT),
    ]
}

/// The per-provider record collections keyed by profile id: one generic
/// list and create handler per record kind.
fn professional_records() -> Vec<Route> {
    vec![
        route::<ListCertifications>(|ctx| list(ctx, &records::CERTIFICATIONS)),
        route::<CreateCertification>(|ctx| create(ctx, &records::CERTIFICATIONS))
            .body(&body::CERTIFICATION),
        route::<ListLicenses>(|ctx| list(ctx, &records::LICENSES)),
        route::<CreateLicense>(|ctx| create(ctx, &records::LICENSES)).body(&body::LICENSE),
        route::<ListDeaRecords>(|ctx| list(ctx, &records::DEA_RECORDS)),
        route::<CreateDeaRecord>(|ctx| create(ctx, &records::DEA_RECORDS)).body(&body::DEA),
        route::<ListCdsRecords>(|ctx| list(ctx, &records::CDS_RECORDS)),
        route::<CreateCdsRecord>(|ctx| create(ctx, &records::CDS_RECORDS)).body(&body::CDS),
        route::<ListMedicaidRecords>(|ctx| list(ctx, &records::MEDICAID_RECORDS)),
        route::<CreateMedicaidRecord>(|ctx| create(ctx, &records::MEDICAID_RECORDS))
            .body(&body::MEDICAID),
        route::<ListMedicareRecords>(|ctx| list(ctx, &records::MEDICARE_RECORDS)),
        route::<CreateMedicareRecord>(|ctx| create(ctx, &records::MEDICARE_RECORDS))
            .body(&body::MEDICARE),
        route::<ListEmployments>(|ctx| list(ctx, &records::EMPLOYMENTS)),
        route::<CreateEmployment>(|ctx| create(ctx, &records::EMPLOYMENTS)).body(&body::EMPLOYMENT),
        route::<ListGapHistory>(|ctx| list(ctx, &records::GAP_HISTORY)),
        route::<CreateGapHistory>(|ctx| create(ctx, &records::GAP_HISTORY))
            .body(&body::GAP_HISTORY),
        route::<ListEducation>(|ctx| list(ctx, &records::EDUCATION)),
        route::<CreateEducation>(|ctx| create(ctx, &records::EDUCATION)).body(&body::EDUCATION),
        route::<ListProfessionalTraining>(|ctx| list(ctx, &records::TRAINING)),
        route::<CreateProfessionalTraining>(|ctx| create(ctx, &records::TRAINING))
            .body(&body::TRAINING),
        route::<ListLiabilityInsurances>(|ctx| list(ctx, &records::LIABILITY_INSURANCES)),
        route::<CreateLiabilityInsurance>(|ctx| create(ctx, &records::LIABILITY_INSURANCES))
            .body(&body::LIABILITY_INSURANCE),
    ]
}

fn credentialing() -> Vec<Route> {
    vec![
        route::<CreateCredentialingRequest>(credentialing::credentialing_create)
            .body(&body::CREDENTIALING_REQUEST),
        route::<GetCredentialingRequest>(|ctx| detail(ctx, Kind::CredRequest)),
        route::<ListCredentialingRequests>(credentialing::credentialing_list),
        route::<ListCredentialingPackets>(credentialing::packets_list),
        route::<GetCredentialingPacket>(|ctx| detail(ctx, Kind::Packet)),
        route::<ListCredentialingNeedActions>(credentialing::need_action_list),
        route::<ListMonitoringEvents>(credentialing::monitoring_list),
        route::<GetProviderCredentialingOverview>(credentialing::credentialing_overview),
        route::<ListProvidersForCredentialing>(credentialing::providers_with_states),
        route::<CloseCredentialingRequests>(credentialing::close_requests)
            .body(&body::CLOSE_REQUESTS),
        route::<DownloadCredentialingPackets>(credentialing::credentialing_download)
            .body(&body::DOWNLOAD_PACKETS),
        route::<GetApprovalLetter>(credentialing::approval_letter),
        route::<SendApprovalLetter>(credentialing::send_approval_letter)
            .body(&body::SEND_APPROVAL_LETTER),
    ]
}

fn tasks() -> Vec<Route> {
    vec![
        route::<ListExpirables>(tasks::expirables_list),
        route::<GetExpirable>(|ctx| detail(ctx, Kind::Expirable)),
        route::<UpdateExpirable>(tasks::expirable_patch).body(&body::UPDATE_EXPIRABLE),
        route::<CreateTask>(tasks::task_create).body(&body::CREATE_TASK),
        route::<ListTasks>(tasks::tasks_list),
        route::<GetTask>(|ctx| detail(ctx, Kind::Task)),
        route::<GetTaskTimeline>(tasks::task_timeline),
    ]
}

fn practice_locations() -> Vec<Route> {
    vec![
        route::<ListPracticeLocations>(|ctx| list(ctx, &practice_locations::PRACTICE_LOCATIONS)),
        route::<GetPracticeLocation>(|ctx| get(ctx, &practice_locations::PRACTICE_LOCATIONS)),
        route::<CreatePracticeLocation>(|ctx| create(ctx, &practice_locations::PRACTICE_LOCATIONS))
            .body(&body::PRACTICE_LOCATION),
        route::<ListPracticeLocationProviders>(practice_locations::location_links_list),
        route::<GetPracticeLocationProvider>(|ctx| detail(ctx, Kind::PlProvider)),
        route::<DeletePracticeLocationProvider>(practice_locations::location_link_delete),
        route::<CreateProviderPracticeLocationsBulk>(practice_locations::location_links_bulk)
            .body(&body::PRACTICE_LOCATIONS_BULK),
        route::<MarkPrimaryPracticeLocation>(practice_locations::mark_primary)
            .body(&body::MARK_PRIMARY),
    ]
}

fn tax_entities_and_facilities() -> Vec<Route> {
    vec![
        route::<ListTaxEntities>(|ctx| list(ctx, &tax_entities::TAX_ENTITIES)),
        route::<GetTaxEntity>(|ctx| get(ctx, &tax_entities::TAX_ENTITIES)),
        route::<CreateTaxEntity>(|ctx| create(ctx, &tax_entities::TAX_ENTITIES))
            .body(&body::TAX_ENTITY),
        route::<ListFacilities>(|ctx| list(ctx, &facilities::FACILITIES)),
    ]
}

fn payer_enrollment() -> Vec<Route> {
    vec![
        route::<CreateGroupEnrollmentRequest>(|ctx| payer_enrollment::enrollment_create(ctx, true))
            .body(&body::GROUP_ENROLLMENT),
        route::<CreateProviderEnrollmentRequest>(|ctx| {
            payer_enrollment::enrollment_create(ctx, false)
        })
        .body(&body::PROVIDER_ENROLLMENT),
        route::<ListHealthPlans>(|ctx| list(ctx, &payer_enrollment::HEALTH_PLANS)),
        route::<ListEnrollmentRequests>(payer_enrollment::enrollment_list),
        route::<GetEnrollmentRequestDetail>(|ctx| detail(ctx, Kind::EnrollmentRequest)),
        route::<UpdateEnrollmentRequestStatus>(payer_enrollment::enrollment_status)
            .body(&body::ENROLLMENT_STATUS),
        route::<ListEnrollmentTimeline>(payer_enrollment::enrollment_timeline),
        route::<ListActiveEnrollments>(payer_enrollment::active_enrollment_list),
        route::<AddExistingGroupEnrollment>(|ctx| {
            payer_enrollment::existing_enrollment(ctx, Kind::ExistingGroupEnrollment)
        })
        .body(&body::EXISTING_GROUP_ENROLLMENT),
        route::<AddExistingProviderEnrollment>(|ctx| {
            payer_enrollment::existing_enrollment(ctx, Kind::ExistingProviderEnrollment)
        })
        .body(&body::EXISTING_PROVIDER_ENROLLMENT),
        route::<BulkAssignOas>(payer_enrollment::bulk_oa_assignment)
            .body(&body::BULK_OA_ASSIGNMENT),
        route::<ListSelectableOaUsers>(payer_enrollment::selectable_oa_users),
    ]
}

/// The three affiliation collections, keyed by account id.
fn hospital_affiliations() -> Vec<Route> {
    vec![
        route::<ListAdmittingArrangements>(|ctx| list(ctx, &affiliations::ADMITTING_ARRANGEMENTS)),
        route::<GetAdmittingArrangement>(|ctx| get(ctx, &affiliations::ADMITTING_ARRANGEMENTS)),
        route::<CreateAdmittingArrangement>(|ctx| {
            create(ctx, &affiliations::ADMITTING_ARRANGEMENTS)
        })
        .body(&body::ADMITTING_ARRANGEMENT),
        route::<ListAdmittingPrivileges>(|ctx| list(ctx, &affiliations::ADMITTING_PRIVILEGES)),
        route::<GetAdmittingPrivilege>(|ctx| get(ctx, &affiliations::ADMITTING_PRIVILEGES)),
        route::<CreateAdmittingPrivilege>(|ctx| create(ctx, &affiliations::ADMITTING_PRIVILEGES))
            .body(&body::ADMITTING_PRIVILEGE),
        route::<ListNonAdmittingAffiliations>(|ctx| {
            list(ctx, &affiliations::NON_ADMITTING_AFFILIATIONS)
        }),
        route::<GetNonAdmittingAffiliation>(|ctx| {
            get(ctx, &affiliations::NON_ADMITTING_AFFILIATIONS)
        }),
        route::<CreateNonAdmittingAffiliation>(|ctx| {
            create(ctx, &affiliations::NON_ADMITTING_AFFILIATIONS)
        })
        .body(&body::NON_ADMITTING_AFFILIATION),
    ]
}

fn account_and_files() -> Vec<Route> {
    vec![
        route::<ChangePassword>(account::change_password).body(&body::CHANGE_PASSWORD),
        route::<UploadFile>(files::upload),
        route::<PresignUrl>(files::presign).body(&body::PRESIGN),
    ]
}
