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
    }
    /// Create a provider enrollment request; the spec's 201 reply echoes the
    /// request with its id.
    PE2 CreateProviderEnrollmentRequest {
        POST "/api/v1/payer-enrollment/provider-enrollment-request/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: ProviderEnrollmentRequestCreate [Json],
        response: EnrollmentRequestCreated,
        origin: Spec,
    }
    /// Health plans (payers).
    PE3 ListHealthPlans {
        GET "/api/v1/payer-enrollment/health-plan/",
        auth: ApiKey, paging: Paged, ids: None,
        path_arg: (), query: HealthPlanListParams, body: () [None],
        response: HealthPlan,
        origin: Spec,
    }
    /// Enrollment requests.
    PE4 ListEnrollmentRequests {
        GET "/api/v1/payer-enrollment/enrollment-request-list/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: EnrollmentListParams, body: () [None],
        response: EnrollmentRequest,
        origin: Spec,
    }
    /// The detail of one enrollment request.
    PE5 GetEnrollmentRequestDetail {
        GET "/api/v1/payer-enrollment/enrollment-request-detail/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: EnrollmentRequestId, query: (), body: () [None],
        response: EnrollmentRequestDetail,
        origin: Undocumented,
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
    }
    /// The timeline of enrollment requests (filter by `enrollment_request`).
    PE7 ListEnrollmentTimeline {
        GET "/api/v1/payer-enrollment/enrollment-request-timeline/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: EnrollmentTimelineParams, body: () [None],
        response: EnrollmentTimelineEntry,
        origin: Undocumented,
    }
    /// Active enrollments.
    PE8 ListActiveEnrollments {
        GET "/api/v1/payer-enrollment/active-enrollment-list/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: ActiveEnrollmentListParams, body: () [None],
        response: ActiveEnrollment,
        origin: Spec,
    }
    /// Record an existing group enrollment.
    PE9 AddExistingGroupEnrollment {
        POST "/api/v1/payer-enrollment/add-existing-group-enrollment/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: ExistingGroupEnrollmentCreate [Json],
        response: ExistingGroupEnrollment,
        origin: Undocumented,
    }
    /// Record an existing provider enrollment.
    PE10 AddExistingProviderEnrollment {
        POST "/api/v1/payer-enrollment/add-existing-provider-enrollment/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: ExistingProviderEnrollmentCreate [Json],
        response: ExistingProviderEnrollment,
        origin: Undocumented,
    }
    /// Assign OAs round-robin to the matching enrollment requests.
    PE11 BulkAssignOas {
        POST "/api/v1/payer-enrollment/self-serve/bulk-oa-assignment/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: BulkOaAssignment [Json],
        response: BulkOaAssignmentResult,
        origin: Undocumented,
    }
    /// OA users selectable for reassigning an enrollment request
    /// (`enrollment_request` is a required query parameter).
    PE12 ListSelectableOaUsers {
        GET "/api/v1/payer-enrollment/payer-enrollment-request-reassignment-selectable-oa-users-list/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: SelectableOaUserListParams, body: () [None],
        response: SelectableOaUser,
        origin: Undocumented,
    }
}
