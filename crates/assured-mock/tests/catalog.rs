//! Every live endpoint of the catalog answers, and every reply deserializes
//! into the catalog's response type (the mock and the models agree).
#![allow(missing_docs, clippy::too_many_lines, clippy::cast_possible_truncation)]

mod common;

use assured_mock::{MockConfig, MockServer};
use assured_models::catalog::{
    self, AddExistingGroupEnrollment, AddExistingProviderEnrollment,
    AddProvidersToPracticeLocation, BulkAssignOas, ChangePassword, CloseCredentialingRequests,
    CreateAdmittingArrangement, CreateAdmittingPrivilege, CreateCdsRecord, CreateCertification,
    CreateCredentialingRequest, CreateDeaRecord, CreateEducation, CreateEmployment,
    CreateGapHistory, CreateGroupEnrollmentRequest, CreateLiabilityInsurance, CreateLicense,
    CreateMedicaidRecord, CreateMedicareRecord, CreateNonAdmittingAffiliation,
    CreatePracticeLocation, CreateProfessionalTraining, CreateProviderEnrollmentRequest,
    CreateProviderPracticeLocationsBulk, CreateTask, CreateTaxEntity,
    DeletePracticeLocationProvider, DownloadCredentialingPackets, Endpoint,
    GetAdmittingArrangement, GetAdmittingPrivilege, GetApprovalLetter, GetCredentialingPacket,
    GetCredentialingRequest, GetEnrollmentRequestDetail, GetExpirable, GetLoggedInUser,
    GetNonAdmittingAffiliation, GetOrgJoiningDate, GetPracticeLocation,
    GetPracticeLocationProvider, GetProviderCredentialingOverview, GetTask, GetTaskTimeline,
    GetTaxEntity, ImportProviderWithCaqh, InviteProviders, ListActiveEnrollments,
    ListAdmittingArrangements, ListAdmittingPrivileges, ListCaqhImportRequests, ListCdsRecords,
    ListCertifications, ListCredentialingNeedActions, ListCredentialingPackets,
    ListCredentialingRequests, ListDeaRecords, ListEducation, ListEmployments,
    ListEnrollmentRequests, ListEnrollmentTimeline, ListExpirables, ListExternalUsers,
    ListFacilities, ListGapHistory, ListHealthPlans, ListLiabilityInsurances, ListLicenses,
    ListMedicaidRecords, ListMedicareRecords, ListMonitoringEvents, ListNonAdmittingAffiliations,
    ListPracticeLocationProviders, ListPracticeLocations, ListProfessionalTraining,
    ListProvidersForCredentialing, ListProvidersNotInPracticeLocation, ListSelectableOaUsers,
    ListTasks, ListTaxEntities, ListUsersSlim, MarkPrimaryPracticeLocation, Origin, PasswordReset,
    RequestCaqhImport, SendApprovalLetter, UpdateEnrollmentRequestStatus, UpdateExpirable,
    UpdateOrgJoiningDate,
};
use reqwest::Method;
use serde_json::{Value, json};

use common::{first_provider, login, path, path_with, render, send, start, template, with_query};

struct Run<'a> {
    mock: &'a MockServer,
    jwt: String,
}

impl Run<'_> {
    async fn call(&self, method: Method, path: &str, body: Option<Value>, expect: u16) -> Value {
        let (status, reply) = send(self.mock, method.clone(), path, Some(&self.jwt), body).await;
        assert_eq!(status, expect, "{method} {path}: {reply}");
        reply
    }

    async fn first_id(&self, path: &str) -> String {
        let page = self.call(Method::GET, path, None, 200).await;
        page["results"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no record at {path}: {page}"))
            .to_owned()
    }
}

#[tokio::test]
async fn every_live_endpoint_answers_with_the_catalog_types() {
    let mock = start(MockConfig::default()).await;
    let (account, profile) = first_provider(&mock).await;
    let run = Run {
        jwt: login(&mock).await,
        mock: &mock,
    };
    let get = Method::GET;
    let post = Method::POST;
    let patch = Method::PATCH;

    // Users.
    run.call(get.clone(), path::<ListExternalUsers>(), None, 200)
        .await;
    run.call(
        get.clone(),
        &with_query(path::<ListUsersSlim>(), "user_type_in=oa,provider"),
        None,
        200,
    )
    .await;
    run.call(get.clone(), path::<GetLoggedInUser>(), None, 200)
        .await;
    run.call(
        post.clone(),
        path::<PasswordReset>(),
        Some(json!({"email": "a@b.org"})),
        200,
    )
    .await;

    // Reference data.
    let location = run.first_id(path::<ListPracticeLocations>()).await;
    run.call(
        get.clone(),
        &path_with::<GetPracticeLocation>(&location),
        None,
        200,
    )
    .await;
    let created_location = run
        .call(
            post.clone(),
            path::<CreatePracticeLocation>(),
            Some(json!({"name": "New Clinic", "city": "Salem"})),
            201,
        )
        .await;
    assert!(created_location["id"].is_string());
    let tax_entity = run.first_id(path::<ListTaxEntities>()).await;
    run.call(
        get.clone(),
        &path_with::<GetTaxEntity>(&tax_entity),
        None,
        200,
    )
    .await;
    run.call(
        post.clone(),
        path::<CreateTaxEntity>(),
        Some(json!({"legal_name": "Acme LLC", "tax_id": "12-3456789"})),
        201,
    )
    .await;
    run.call(
        get.clone(),
        &with_query(path::<ListFacilities>(), "search=a"),
        None,
        200,
    )
    .await;
    let plan = run.first_id(path::<ListHealthPlans>()).await;

    // Providers.
    run.call(
        get.clone(),
        &with_query(
            path::<ListProvidersNotInPracticeLocation>(),
            &format!("practice_location={location}"),
        ),
        None,
        200,
    )
    .await;
    run.call(
        get.clone(),
        path::<ListProvidersNotInPracticeLocation>(),
        None,
        400,
    )
    .await;
    let invited = run
        .call(post.clone(), path::<InviteProviders>(), Some(json!([{"email": "inv@example.org", "first_name": "In", "last_name": "Vited", "provider_practice_locations": [location]}])), 200)
        .await;
    assert_eq!(invited[0]["email"], "inv@example.org");
    run.call(
        post.clone(),
        path::<ImportProviderWithCaqh>(),
        Some(json!({"email": "caqh@example.org", "caqh_username": "u", "caqh_password": "p"})),
        200,
    )
    .await;
    run.call(
        post.clone(),
        path::<AddProvidersToPracticeLocation>(),
        Some(json!({"providers": [account], "practice_location": location})),
        201,
    )
    .await;
    run.call(post.clone(), path::<RequestCaqhImport>(), Some(json!({"caqh_username": "u", "caqh_password": "p", "full_name": "F N", "signature": "F N"})), 201).await;
    let caqh = run
        .call(get.clone(), path::<ListCaqhImportRequests>(), None, 200)
        .await;
    assert_eq!(caqh["results"][0]["id"], 1);
    run.call(
        get.clone(),
        &path_with::<GetOrgJoiningDate>(&profile),
        None,
        200,
    )
    .await;
    let joined = run
        .call(
            patch.clone(),
            &path_with::<UpdateOrgJoiningDate>(&profile),
            Some(json!({"org_joining_date": "2024-05-06"})),
            200,
        )
        .await;
    assert_eq!(joined["org_joining_date"], "2024-05-06");

    // Provider profile collections: list and create each.
    for (list, create, extra) in [
        (
            ListCertifications::DESCRIPTOR,
            CreateCertification::DESCRIPTOR,
            json!({"speciality": "Cardiology", "is_board_certified": true}),
        ),
        (
            ListLicenses::DESCRIPTOR,
            CreateLicense::DESCRIPTOR,
            json!({"state": "CA", "number": "A123", "issue_date": "2020-01-02"}),
        ),
        (
            ListDeaRecords::DESCRIPTOR,
            CreateDeaRecord::DESCRIPTOR,
            json!({"state": "CA", "number": "B1234567"}),
        ),
        (
            ListCdsRecords::DESCRIPTOR,
            CreateCdsRecord::DESCRIPTOR,
            json!({"state": "CA", "number": "C1"}),
        ),
        (
            ListMedicaidRecords::DESCRIPTOR,
            CreateMedicaidRecord::DESCRIPTOR,
            json!({"state": "CA", "number": "M1"}),
        ),
        (
            ListMedicareRecords::DESCRIPTOR,
            CreateMedicareRecord::DESCRIPTOR,
            json!({"state": "CA", "number": "M2"}),
        ),
        (
            ListEmployments::DESCRIPTOR,
            CreateEmployment::DESCRIPTOR,
            json!({"employer_name": "Clinic", "currently_employed": true}),
        ),
        (
            ListGapHistory::DESCRIPTOR,
            CreateGapHistory::DESCRIPTOR,
            json!({"start_date": "2019-01-01", "end_date": "2019-06-01", "gap_explanation": "Travel"}),
        ),
        (
            ListEducation::DESCRIPTOR,
            CreateEducation::DESCRIPTOR,
            json!({"name": "State U", "degree": "MD", "is_primary": true}),
        ),
        (
            ListProfessionalTraining::DESCRIPTOR,
            CreateProfessionalTraining::DESCRIPTOR,
            json!({"institution_name": "General", "training_type": "Residency"}),
        ),
        (
            ListLiabilityInsurances::DESCRIPTOR,
            CreateLiabilityInsurance::DESCRIPTOR,
            json!({"name": "MedPro", "per_occurence_limit": 1_000_000.0}),
        ),
    ] {
        run.call(
            get.clone(),
            &with_query(template(list), &format!("provider={profile}")),
            None,
            200,
        )
        .await;
        let mut body = extra;
        body["provider"] = json!(profile);
        let created = run
            .call(post.clone(), template(create), Some(body), 201)
            .await;
        assert!(created["id"].is_string(), "{create:?}");
    }

    // Credentialing.
    let created = run
        .call(
            post.clone(),
            path::<CreateCredentialingRequest>(),
            Some(json!({"provider": account, "state_codes": ["CA"]})),
            201,
        )
        .await;
    let request = created["id"].as_str().unwrap().to_owned();
    run.call(
        get.clone(),
        &path_with::<GetCredentialingRequest>(&request),
        None,
        200,
    )
    .await;
    run.call(
        get.clone(),
        &with_query(
            path::<ListCredentialingRequests>(),
            &format!("provider={account}&status=NEW"),
        ),
        None,
        200,
    )
    .await;
    let packet = run.first_id(path::<ListCredentialingPackets>()).await;
    run.call(
        get.clone(),
        &path_with::<GetCredentialingPacket>(&packet),
        None,
        200,
    )
    .await;
    run.call(
        get.clone(),
        path::<ListCredentialingNeedActions>(),
        None,
        200,
    )
    .await;
    run.call(
        get.clone(),
        &with_query(path::<ListMonitoringEvents>(), "result=CLEAR"),
        None,
        200,
    )
    .await;
    run.call(
        get.clone(),
        &path_with::<GetProviderCredentialingOverview>(&account),
        None,
        200,
    )
    .await;
    run.call(
        get.clone(),
        &with_query(
            path::<ListProvidersForCredentialing>(),
            &format!("id_in={account}"),
        ),
        None,
        200,
    )
    .await;
    run.call(
        post.clone(),
        path::<DownloadCredentialingPackets>(),
        Some(json!({"credentialing_request_ids": [request]})),
        200,
    )
    .await;
    run.call(
        get.clone(),
        &path_with::<GetApprovalLetter>(&request),
        None,
        200,
    )
    .await;
    let client_id = run
        .call(
            get.clone(),
            &with_query(path::<ListExternalUsers>(), "limit=1"),
            None,
            200,
        )
        .await["results"][0]["client"]
        .clone();
    run.call(
        post.clone(),
        path::<SendApprovalLetter>(),
        Some(json!({"client": client_id, "provider": account, "request": request})),
        200,
    )
    .await;
    run.call(
        patch.clone(),
        path::<CloseCredentialingRequests>(),
        Some(json!([{"id": request, "status": "CANCELLED", "reason": "OTHER"}])),
        200,
    )
    .await;
    run.call(
        patch.clone(),
        path::<CloseCredentialingRequests>(),
        Some(json!([{"id": request, "status": "COMPLETED"}])),
        400,
    )
    .await;
    let detail = run
        .call(
            get.clone(),
            &path_with::<GetCredentialingRequest>(&request),
            None,
            200,
        )
        .await;
    assert_eq!(detail["status"], "CANCELLED");

    // Tasks.
    let expirable = run.first_id(path::<ListExpirables>()).await;
    run.call(
        get.clone(),
        &path_with::<GetExpirable>(&expirable),
        None,
        200,
    )
    .await;
    let archived = run
        .call(
            patch.clone(),
            &path_with::<UpdateExpirable>(&expirable),
            Some(json!({"archived": true})),
            200,
        )
        .await;
    assert_eq!(archived["archived"], true);
    run.call(
        post.clone(),
        path::<CreateTask>(),
        Some(json!({"name": "Call the provider", "assignee": account, "status": "PENDING"})),
        201,
    )
    .await;
    let task = run
        .first_id(&with_query(
            path::<ListTasks>(),
            "status_in=PENDING,IN_PROGRESS,COMPLETED,CANCELLED",
        ))
        .await;
    run.call(get.clone(), &path_with::<GetTask>(&task), None, 200)
        .await;
    let bare = run
        .call(get.clone(), &path_with::<GetTaskTimeline>(&task), None, 200)
        .await;
    assert!(bare.is_array());
    let paged = run
        .call(
            get.clone(),
            &with_query(&path_with::<GetTaskTimeline>(&task), "limit=2"),
            None,
            200,
        )
        .await;
    assert!(paged["results"].is_array());

    // Practice-location links.
    let link = run
        .first_id(&with_query(
            path::<ListPracticeLocationProviders>(),
            &format!("provider={account}"),
        ))
        .await;
    run.call(
        get.clone(),
        &path_with::<GetPracticeLocationProvider>(&link),
        None,
        200,
    )
    .await;
    let primary = run
        .call(
            patch.clone(),
            &path_with::<MarkPrimaryPracticeLocation>(&link),
            Some(json!({"is_primary_location": true})),
            200,
        )
        .await;
    assert_eq!(primary["is_primary_location"], true);
    let bulk = run
        .call(post.clone(), path::<CreateProviderPracticeLocationsBulk>(), Some(json!({"provider": account, "practice_locations": [location, created_location["id"]]})), 201)
        .await;
    assert_eq!(
        bulk["created_count"].as_u64().unwrap() + bulk["skipped_count"].as_u64().unwrap(),
        2
    );
    let (status, _) = send(
        &mock,
        Method::DELETE,
        &path_with::<DeletePracticeLocationProvider>(&link),
        None,
        None,
    )
    .await;
    assert_eq!(status, 204);
    run.call(
        get.clone(),
        &path_with::<GetPracticeLocationProvider>(&link),
        None,
        404,
    )
    .await;

    // Payer enrollment.
    let group = run
        .call(post.clone(), path::<CreateGroupEnrollmentRequest>(), Some(json!({
            "health_plan": plan, "tax_entity": tax_entity, "state": "CA", "lobs": "COMMERCIAL",
            "enroll_providers": true, "group_providers": [account], "primary_practice_location": location})), 201)
        .await;
    assert!(group["id"].is_string());
    run.call(post.clone(), path::<CreateProviderEnrollmentRequest>(), Some(json!({
        "provider": account, "health_plan": plan, "tax_entity": tax_entity, "state": "CA", "lobs": "COMMERCIAL",
        "primary_practice_location": location, "request_type": "NEW"})), 201).await;
    run.call(
        post.clone(),
        path::<CreateProviderEnrollmentRequest>(),
        Some(json!({"provider": account})),
        400,
    )
    .await;
    let enrollment = run.first_id(path::<ListEnrollmentRequests>()).await;
    run.call(
        get.clone(),
        &path_with::<GetEnrollmentRequestDetail>(&enrollment),
        None,
        200,
    )
    .await;
    run.call(
        patch.clone(),
        &path_with::<UpdateEnrollmentRequestStatus>(&enrollment),
        Some(json!({"status": "SUBMITTED"})),
        200,
    )
    .await;
    run.call(
        patch.clone(),
        &path_with::<UpdateEnrollmentRequestStatus>(&enrollment),
        Some(json!({"status": "DENIED", "status_reason": "OTHER"})),
        400,
    )
    .await;
    run.call(
        get.clone(),
        &with_query(
            path::<ListEnrollmentTimeline>(),
            &format!("enrollment_request={enrollment}"),
        ),
        None,
        200,
    )
    .await;
    run.call(get.clone(), path::<ListActiveEnrollments>(), None, 200)
        .await;
    run.call(post.clone(), path::<AddExistingGroupEnrollment>(), Some(json!({
        "tax_entity": tax_entity, "state": "CA", "health_plan": plan, "primary_practice_location": location,
        "par_status": "PAR", "client": client_id})), 201).await;
    run.call(
        post.clone(),
        path::<AddExistingProviderEnrollment>(),
        Some(json!({
        "provider": account, "tax_entity": tax_entity, "state": "CA", "health_plan": plan,
        "primary_practice_location": location, "par_status": "PAR"})),
        201,
    )
    .await;
    let oas = run
        .call(
            get.clone(),
            &with_query(
                path::<ListSelectableOaUsers>(),
                &format!("enrollment_request={enrollment}"),
            ),
            None,
            200,
        )
        .await;
    let oa = oas["results"][0]["id"].clone();
    run.call(get.clone(), path::<ListSelectableOaUsers>(), None, 400)
        .await;
    let assigned = run
        .call(post.clone(), path::<BulkAssignOas>(), Some(json!({"oas_to_assign": [oa], "request_phase": ["SUBMISSION_PHASE"], "enrollment_request_ids": [enrollment]})), 200)
        .await;
    assert_eq!(
        assigned["assigned_oas_data"][0]["enrollment_request_ids"][0],
        enrollment.as_str()
    );

    // Hospital affiliations (account ids).
    for (list, one, create) in [
        (
            ListAdmittingArrangements::DESCRIPTOR,
            GetAdmittingArrangement::DESCRIPTOR,
            CreateAdmittingArrangement::DESCRIPTOR,
        ),
        (
            ListAdmittingPrivileges::DESCRIPTOR,
            GetAdmittingPrivilege::DESCRIPTOR,
            CreateAdmittingPrivilege::DESCRIPTOR,
        ),
        (
            ListNonAdmittingAffiliations::DESCRIPTOR,
            GetNonAdmittingAffiliation::DESCRIPTOR,
            CreateNonAdmittingAffiliation::DESCRIPTOR,
        ),
    ] {
        let record = run.first_id(template(list)).await;
        run.call(get.clone(), &render(one, &record), None, 200)
            .await;
        run.call(
            get.clone(),
            &with_query(template(list), &format!("provider={account}")),
            None,
            200,
        )
        .await;
        run.call(
            get.clone(),
            &with_query(template(list), &format!("provider={profile}")),
            None,
            422,
        )
        .await;
        run.call(
            post.clone(),
            template(create),
            Some(json!({"provider": account, "hospital_name": "General"})),
            201,
        )
        .await;
        run.call(
            post.clone(),
            template(create),
            Some(json!({"provider": profile, "hospital_name": "General"})),
            400,
        )
        .await;
    }

    // Account.
    let password = mock.user_password().to_owned();
    run.call(post.clone(), path::<ChangePassword>(), Some(json!({"old_password": "wrong", "new_password": "long-enough-1", "confirm_new_password": "long-enough-1"})), 400).await;
    run.call(post.clone(), path::<ChangePassword>(), Some(json!({"old_password": password, "new_password": "long-enough-1", "confirm_new_password": "long-enough-1"})), 200).await;
    assert_eq!(
        mock.with_state(|state| state.password().to_owned()),
        "long-enough-1"
    );

    // Every live endpoint was exercised here or in the other test files.
    let counters = mock.stats();
    let tested_elsewhere = [
        "US1", "US5", "PV1", "PV4", "PP1", "PP2", "PP3", "PP4", "PP5", "PP30", "PP31", "FI1", "FI2",
    ];
    for descriptor in catalog::all() {
        if matches!(descriptor.origin, Origin::Dead { .. })
            || tested_elsewhere.contains(&descriptor.key)
        {
            continue;
        }
        assert!(
            counters.count(descriptor.key) > 0,
            "{} not exercised",
            descriptor.key
        );
    }
    assert!(
        !counters.by_status.contains_key(&501),
        "an endpoint is not implemented"
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn every_dead_endpoint_answers_like_production() {
    let mock = start(MockConfig::default()).await;
    let mut dead = 0;
    for descriptor in catalog::all() {
        if let Origin::Dead { .. } = descriptor.origin {
            let method = Method::from_bytes(descriptor.method.as_str().as_bytes()).unwrap();
            let (status, _) = send(&mock, method, descriptor.path, None, Some(json!({}))).await;
            assert_eq!(status, 500, "{descriptor:?}");
            dead += 1;
        }
    }
    assert_eq!(dead, 3);
}

#[tokio::test]
async fn every_paged_list_pages_with_limit_offset_and_links() {
    use assured_models::catalog::{Method as M, Paging};
    let mock = start(MockConfig::default()).await;
    let jwt = login(&mock).await;
    let (_, profile) = first_provider(&mock).await;
    let location = common::get(
        &mock,
        &with_query(path::<ListPracticeLocations>(), "limit=1"),
    )
    .await
    .1["results"][0]["id"]
        .clone();
    let enrollment = common::get(
        &mock,
        &with_query(path::<ListEnrollmentRequests>(), "limit=1"),
    )
    .await
    .1["results"][0]["id"]
        .clone();
    let mut checked = 0;
    for descriptor in catalog::all() {
        if descriptor.method != M::Get
            || descriptor.paging != Paging::Paged
            || descriptor.has_path_param()
            || matches!(descriptor.origin, Origin::Dead { .. })
        {
            continue;
        }
        let extra = match descriptor.key {
            "PV5" => format!("&practice_location={}", location.as_str().unwrap()),
            "PE12" => format!("&enrollment_request={}", enrollment.as_str().unwrap()),
            "PP30" => format!("&provider={profile}"),
            _ => String::new(),
        };
        let path = format!("{}?limit=1{extra}", descriptor.path);
        let (status, page) = send(&mock, Method::GET, &path, Some(&jwt), None).await;
        assert_eq!(status, 200, "{path}: {page}");
        let count = page["count"].as_u64().unwrap();
        assert!(page["results"].as_array().unwrap().len() <= 1, "{path}");
        if count > 1 {
            let next = page["next"].as_str().unwrap();
            assert!(
                next.starts_with(mock.base_url()) && next.contains("offset=1"),
                "{next}"
            );
            let (_, second) = send(
                &mock,
                Method::GET,
                &format!("{path}&offset=1"),
                Some(&jwt),
                None,
            )
            .await;
            assert_eq!(second["count"], count, "{path}");
            assert!(second["previous"].is_string());
            assert_ne!(second["results"][0], page["results"][0], "{path}");
        } else {
            assert!(page["next"].is_null());
        }
        checked += 1;
    }
    assert!(checked >= 30, "{checked}");
    common::assert_types_agree(&mock);
}
