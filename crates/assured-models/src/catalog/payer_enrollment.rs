//! Payer-enrollment endpoints (reference rows PE1–PE12).

use super::macros::endpoints;
use crate::ids::EnrollmentRequestId;
use crate::models::payer_enrollment::{
    ActiveEnrollment, ActiveEnrollmentListParams, BulkOaAssignment, BulkOaAssignmentResult,
    EnrollmentListParams, EnrollmentRequest, EnrollmentRequestCreated, EnrollmentRequestDetail,
    EnrollmentRequestStatusUpdate, EnrollmentStatusUpdateResult, EnrollmentTimelineEntry,
    EnrollmentTimelineParams, ExistingGroupEnrollment, ExistingGroupEnrollmentCreate,
    ExistingProviderEnrollment, ExistingProviderEnrollmentCreate, GroupEnrollmentRequestCreate,
    HealthPlan, HealthPlanListParams, ProviderEnrollmentRequestCreate, SelectableOaUser,
    SelectableOaUserListParams,
};

endpoints! {
    /// Create a group enrollment request; the spec's 201 reply echoes the
    /// request with its id.
    PE1 CreateGroupEnrollmentRequest {
        POST "/api/v1/payer-enrollment/group-enrollment-request/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: GroupEnrollmentRequestCreate [Json],
        response: EnrollmentRequestCreated,
        origin: Spec,
        facade: payer_enrollment.create_group_enrollment,
        python: ["payer_enrollment.create_group_enrollment"],
    }
    /// Create a provider enrollment request; the spec's 201 reply echoes the
    /// request with its id.
    PE2 CreateProviderEnrollmentRequest {
        POST "/api/v1/payer-enrollment/provider-enrollment-request/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: ProviderEnrollmentRequestCreate [Json],
        response: EnrollmentRequestCreated,
        origin: Spec,
        facade: payer_enrollment.create_provider_enrollment,
        python: ["payer_enrollment.create_provider_enrollment"],
    }
    /// Health plans (payers).
    PE3 ListHealthPlans {
        GET "/api/v1/payer-enrollment/health-plan/",
        auth: ApiKey, paging: Paged, ids: None,
        path_arg: (), query: HealthPlanListParams, body: () [None],
        response: HealthPlan,
        origin: Spec,
        facade: payer_enrollment.list_health_plans,
        python: ["payer_enrollment.list_health_plans", "payer_enrollment.list_health_plans_all", "payer_enrollment.list_health_plans_df"],
    }
    /// Enrollment requests.
    PE4 ListEnrollmentRequests {
        GET "/api/v1/payer-enrollment/enrollment-request-list/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: EnrollmentListParams, body: () [None],
        response: EnrollmentRequest,
        origin: Spec,
        facade: payer_enrollment.list_enrollment_requests,
        python: ["payer_enrollment.list_enrollment_requests", "payer_enrollment.list_enrollment_requests_all", "payer_enrollment.list_enrollment_requests_df"],
    }
    /// The detail of one enrollment request.
    PE5 GetEnrollmentRequestDetail {
        GET "/api/v1/payer-enrollment/enrollment-request-detail/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: EnrollmentRequestId, query: (), body: () [None],
        response: EnrollmentRequestDetail,
        origin: Undocumented,
        facade: payer_enrollment.get_request_detail,
        python: ["payer_enrollment.get_request_detail"],
    }
    /// Set the status of an enrollment request (a `note` is required when
    /// `status_reason` is `OTHER`: see `EnrollmentRequestStatusUpdate::validate`).
    PE6 UpdateEnrollmentRequestStatus {
        PATCH "/api/v1/payer-enrollment/enrollment-request-update-status/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: EnrollmentRequestId, query: (), body: EnrollmentRequestStatusUpdate [Json],
        response: EnrollmentStatusUpdateResult,
        origin: Undocumented,
        idempotent: true,
        facade: payer_enrollment.update_request_status,
        python: ["payer_enrollment.update_request_status"],
    }
    /// The timeline of enrollment requests (filter by `enrollment_request`).
    PE7 ListEnrollmentTimeline {
        GET "/api/v1/payer-enrollment/enrollment-request-timeline/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: EnrollmentTimelineParams, body: () [None],
        response: EnrollmentTimelineEntry,
        origin: Undocumented,
        facade: payer_enrollment.list_enrollment_timeline,
        python: ["payer_enrollment.list_enrollment_timeline", "payer_enrollment.list_enrollment_timeline_all", "payer_enrollment.list_enrollment_timeline_df"],
    }
    /// Active enrollments.
    PE8 ListActiveEnrollments {
        GET "/api/v1/payer-enrollment/active-enrollment-list/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: ActiveEnrollmentListParams, body: () [None],
        response: ActiveEnrollment,
        origin: Spec,
        facade: payer_enrollment.list_active_enrollments,
        python: ["payer_enrollment.list_active_enrollments", "payer_enrollment.list_active_enrollments_all", "payer_enrollment.list_active_enrollments_df"],
    }
    /// Record an existing group enrollment.
    PE9 AddExistingGroupEnrollment {
        POST "/api/v1/payer-enrollment/add-existing-group-enrollment/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: ExistingGroupEnrollmentCreate [Json],
        response: ExistingGroupEnrollment,
        origin: Undocumented,
        facade: payer_enrollment.add_existing_group_enrollment,
        python: ["payer_enrollment.add_existing_group_enrollment"],
    }
    /// Record an existing provider enrollment.
    PE10 AddExistingProviderEnrollment {
        POST "/api/v1/payer-enrollment/add-existing-provider-enrollment/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: ExistingProviderEnrollmentCreate [Json],
        response: ExistingProviderEnrollment,
        origin: Undocumented,
        facade: payer_enrollment.add_existing_provider_enrollment,
        python: ["payer_enrollment.add_existing_provider_enrollment"],
    }
    /// Assign OAs round-robin to the matching enrollment requests.
    PE11 BulkAssignOas {
        POST "/api/v1/payer-enrollment/self-serve/bulk-oa-assignment/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: BulkOaAssignment [Json],
        response: BulkOaAssignmentResult,
        origin: Undocumented,
        facade: payer_enrollment.bulk_oa_assignment,
        python: ["payer_enrollment.bulk_oa_assignment"],
    }
    /// OA users selectable for reassigning an enrollment request
    /// (`enrollment_request` is a required query parameter).
    PE12 ListSelectableOaUsers {
        GET "/api/v1/payer-enrollment/payer-enrollment-request-reassignment-selectable-oa-users-list/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: SelectableOaUserListParams, body: () [None],
        response: SelectableOaUser,
        origin: Undocumented,
        facade: payer_enrollment.list_reassignment_selectable_oa_users,
        python: ["payer_enrollment.list_reassignment_selectable_oa_users", "payer_enrollment.list_reassignment_selectable_oa_users_all"],
    }
}
