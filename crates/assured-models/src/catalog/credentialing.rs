//! Credentialing endpoints (reference rows CR1–CR13).

use super::macros::endpoints;
use crate::ids::{AccountId, CredentialingPacketId, CredentialingRequestId};
use crate::models::credentialing::{
    ApprovalLetterDetail, ApprovalLetterSend, CloseRequestItem, CredentialingDownloadRequest,
    CredentialingListParams, CredentialingNeedAction, CredentialingNeedActionListParams,
    CredentialingPacket, CredentialingPacketListParams, CredentialingRequest,
    CredentialingRequestCreate, CredentialingRequestCreated, CredentialingRequestDetail,
    MonitoringPacketEvent, MonitoringPacketEventListParams, ProviderCredentialingOverview,
    ProviderWithStates, ProviderWithStatesListParams,
};

endpoints! {
    /// Request credentialing of a provider (body `provider` = **account** id).
    CR1 CreateCredentialingRequest {
        POST "/api/v1/credentialing/create-credentialing-request/",
        auth: ApiKey, paging: Single, ids: Account,
        path_arg: (), query: (), body: CredentialingRequestCreate [Json],
        response: CredentialingRequestCreated,
        origin: Spec,
        facade: credentialing.create_request,
        python: ["credentialing.create_request"],
    }
    /// One credentialing request.
    CR2 GetCredentialingRequest {
        GET "/api/v1/credentialing/request-detail/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: CredentialingRequestId, query: (), body: () [None],
        response: CredentialingRequestDetail,
        origin: Spec,
        facade: credentialing.get_request,
        python: ["credentialing.get_request"],
    }
    /// Credentialing requests (`provider` filter = **account** id).
    CR3 ListCredentialingRequests {
        GET "/api/v1/credentialing/request-list/",
        auth: ApiKey, paging: Paged, ids: Account,
        path_arg: (), query: CredentialingListParams, body: () [None],
        response: CredentialingRequest,
        origin: Spec,
        facade: credentialing.list_requests,
        python: ["credentialing.list_requests", "credentialing.list_requests_all", "credentialing.list_requests_df"],
    }
    /// Credentialing packets.
    CR4 ListCredentialingPackets {
        GET "/api/v1/credentialing/credentialing-packets/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: CredentialingPacketListParams, body: () [None],
        response: CredentialingPacket,
        origin: Undocumented,
        facade: credentialing.list_packets,
        python: ["credentialing.list_packets", "credentialing.list_packets_all", "credentialing.list_packets_df"],
    }
    /// One credentialing packet.
    CR5 GetCredentialingPacket {
        GET "/api/v1/credentialing/credentialing-packets/{id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: CredentialingPacketId, query: (), body: () [None],
        response: CredentialingPacket,
        origin: Undocumented,
        facade: credentialing.get_packet,
        python: ["credentialing.get_packet"],
    }
    /// Credentialing requests that need action.
    CR6 ListCredentialingNeedActions {
        GET "/api/v1/credentialing/credentialing-need-action-list/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: CredentialingNeedActionListParams, body: () [None],
        response: CredentialingNeedAction,
        origin: Undocumented,
        facade: credentialing.list_need_actions,
        python: ["credentialing.list_need_actions"],
    }
    /// Ongoing-monitoring events.
    CR7 ListMonitoringEvents {
        GET "/api/v1/credentialing/monitoring-packet-events-list/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: MonitoringPacketEventListParams, body: () [None],
        response: MonitoringPacketEvent,
        origin: Undocumented,
        facade: credentialing.list_monitoring_events,
        python: ["credentialing.list_monitoring_events"],
    }
    /// A provider's credentialing overview. No source states whether the
    /// path id is the account or the profile id; the reply (`id` + `email`)
    /// suggests the account, so the path takes an [`AccountId`].
    CR8 GetProviderCredentialingOverview {
        GET "/api/v1/credentialing/provider-credentialing-overview/{id}/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: AccountId, query: (), body: () [None],
        response: ProviderCredentialingOverview,
        origin: Undocumented,
        facade: credentialing.get_provider_overview,
        python: ["credentialing.get_provider_overview"],
    }
    /// Providers that can be credentialed, with their selectable states.
    CR9 ListProvidersForCredentialing {
        GET "/api/v1/credentialing/providers-for-credentialing-with-states/",
        auth: ApiKey, paging: Paged, ids: Unknown,
        path_arg: (), query: ProviderWithStatesListParams, body: () [None],
        response: ProviderWithStates,
        origin: Undocumented,
        facade: credentialing.list_providers_for_credentialing,
        python: ["credentialing.list_providers_for_credentialing"],
    }
    /// Close (cancel) credentialing requests; the body is a JSON array.
    CR10 CloseCredentialingRequests {
        PATCH "/api/v1/credentialing/close-request/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: Vec<CloseRequestItem> [JsonArray],
        response: serde_json::Value,
        origin: Undocumented,
        idempotent: true,
        facade: credentialing.close_request,
        python: ["credentialing.close_request"],
    }
    /// Request the packets of credentialing requests for download.
    CR11 DownloadCredentialingPackets {
        POST "/api/v1/credentialing/credentialing-download/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: (), query: (), body: CredentialingDownloadRequest [Json],
        response: serde_json::Value,
        origin: Undocumented,
        facade: credentialing.download_packets,
        python: ["credentialing.download_packets"],
    }
    /// The approval letter of a credentialing request.
    CR12 GetApprovalLetter {
        GET "/api/v1/clients/credentialing-approval-letter-detail/{cred_request_id}/",
        auth: ApiKey, paging: Single, ids: Other,
        path_arg: CredentialingRequestId, query: (), body: () [None],
        response: ApprovalLetterDetail,
        origin: Undocumented,
        facade: credentialing.get_approval_letter,
        python: ["credentialing.get_approval_letter"],
    }
    /// Send the approval letter of a credentialing request.
    CR13 SendApprovalLetter {
        POST "/api/v1/clients/credentialing-send-approval-letter/",
        auth: ApiKey, paging: Single, ids: Unknown,
        path_arg: (), query: (), body: ApprovalLetterSend [Json],
        response: serde_json::Value,
        origin: Undocumented,
        facade: credentialing.send_approval_letter,
        python: ["credentialing.send_approval_letter"],
    }
}
