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
use crate::data;
use crate::handlers::collection::{detail, global_create, global_list, sub_create, sub_list};
use crate::handlers::common::Who;
use crate::handlers::{
    account, credentialing, files, payer_enrollment, practice_locations, provider_profile,
    providers, tasks, users,
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
        route::<ListDocuments>(|ctx| sub_list(ctx, Kind::Document, Who::Profile)),
        route::<CreateDocument>(provider_profile::document_create).body(&body::DOCUMENT),
    ]
}

/// The per-provider record collections keyed by profile id: one generic
/// list and create handler per record kind.
fn professional_records() -> Vec<Route> {
    vec![
        route::<ListCertifications>(|ctx| sub_list(ctx, Kind::Certification, Who::Profile)),
        route::<CreateCertification>(|ctx| sub_create(ctx, Kind::Certification, Who::Profile))
            .body(&body::CERTIFICATION),
        route::<ListLicenses>(|ctx| sub_list(ctx, Kind::License, Who::Profile)),
        route::<CreateLicense>(|ctx| sub_create(ctx, Kind::License, Who::Profile))
            .body(&body::LICENSE),
        route::<ListDeaRecords>(|ctx| sub_list(ctx, Kind::Dea, Who::Profile)),
        route::<CreateDeaRecord>(|ctx| sub_create(ctx, Kind::Dea, Who::Profile)).body(&body::DEA),
        route::<ListCdsRecords>(|ctx| sub_list(ctx, Kind::Cds, Who::Profile)),
        route::<CreateCdsRecord>(|ctx| sub_create(ctx, Kind::Cds, Who::Profile)).body(&body::CDS),
        route::<ListMedicaidRecords>(|ctx| sub_list(ctx, Kind::Medicaid, Who::Profile)),
        route::<CreateMedicaidRecord>(|ctx| sub_create(ctx, Kind::Medicaid, Who::Profile))
            .body(&body::MEDICAID),
        route::<ListMedicareRecords>(|ctx| sub_list(ctx, Kind::Medicare, Who::Profile)),
        route::<CreateMedicareRecord>(|ctx| sub_create(ctx, Kind::Medicare, Who::Profile))
            .body(&body::MEDICARE),
        route::<ListEmployments>(|ctx| sub_list(ctx, Kind::Employment, Who::Profile)),
        route::<CreateEmployment>(|ctx| sub_create(ctx, Kind::Employment, Who::Profile))
            .body(&body::EMPLOYMENT),
        route::<ListGapHistory>(|ctx| sub_list(ctx, Kind::GapHistory, Who::Profile)),
        route::<CreateGapHistory>(|ctx| sub_create(ctx, Kind::GapHistory, Who::Profile))
            .body(&body::GAP_HISTORY),
        route::<ListEducation>(|ctx| sub_list(ctx, Kind::Education, Who::Profile)),
        route::<CreateEducation>(|ctx| sub_create(ctx, Kind::Education, Who::Profile))
            .body(&body::EDUCATION),
        route::<ListProfessionalTraining>(|ctx| sub_list(ctx, Kind::Training, Who::Profile)),
        route::<CreateProfessionalTraining>(|ctx| sub_create(ctx, Kind::Training, Who::Profile))
            .body(&body::TRAINING),
        route::<ListLiabilityInsurances>(|ctx| sub_list(ctx, Kind::Insurance, Who::Profile)),
        route::<CreateLiabilityInsurance>(|ctx| sub_create(ctx, Kind::Insurance, Who::Profile))
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
        route::<ListPracticeLocations>(|ctx| {
            global_list(ctx, Kind::PracticeLocation, data::PRACTICE_LOCATIONS)
        }),
        route::<GetPracticeLocation>(|ctx| detail(ctx, Kind::PracticeLocation)),
        route::<CreatePracticeLocation>(|ctx| global_create(ctx, Kind::PracticeLocation))
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
        route::<ListTaxEntities>(|ctx| global_list(ctx, Kind::TaxEntity, data::TAX_ENTITIES)),
        route::<GetTaxEntity>(|ctx| detail(ctx, Kind::TaxEntity)),
        route::<CreateTaxEntity>(|ctx| global_create(ctx, Kind::TaxEntity)).body(&body::TAX_ENTITY),
        route::<ListFacilities>(|ctx| global_list(ctx, Kind::Facility, data::FACILITIES)),
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
        route::<ListHealthPlans>(|ctx| global_list(ctx, Kind::HealthPlan, data::HEALTH_PLANS)),
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
        route::<ListAdmittingArrangements>(|ctx| sub_list(ctx, Kind::Arrangement, Who::Account)),
        route::<GetAdmittingArrangement>(|ctx| detail(ctx, Kind::Arrangement)),
        route::<CreateAdmittingArrangement>(|ctx| sub_create(ctx, Kind::Arrangement, Who::Account))
            .body(&body::ADMITTING_ARRANGEMENT),
        route::<ListAdmittingPrivileges>(|ctx| sub_list(ctx, Kind::Privilege, Who::Account)),
        route::<GetAdmittingPrivilege>(|ctx| detail(ctx, Kind::Privilege)),
        route::<CreateAdmittingPrivilege>(|ctx| sub_create(ctx, Kind::Privilege, Who::Account))
            .body(&body::ADMITTING_PRIVILEGE),
        route::<ListNonAdmittingAffiliations>(|ctx| {
            sub_list(ctx, Kind::NonAdmitting, Who::Account)
        }),
        route::<GetNonAdmittingAffiliation>(|ctx| detail(ctx, Kind::NonAdmitting)),
        route::<CreateNonAdmittingAffiliation>(|ctx| {
            sub_create(ctx, Kind::NonAdmitting, Who::Account)
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
