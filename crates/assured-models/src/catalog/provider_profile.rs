//! Provider-profile endpoints: personal info, SSN and documents (reference
//! rows PP1–PP5 and PP30–PP31; the record collections PP6–PP29 are in
//! `professional_records`).

use super::macros::endpoints;
use crate::ids::ProfileId;
use crate::models::provider_profile::{
    EncryptedSsnRecord, EncryptedSsnUpdate, PersonalInfoPatchBody, PlaintextSsnRecord,
    ProviderDocument, ProviderDocumentCreate, ProviderDocumentListParams, ProviderPersonalInfo,
};

endpoints! {
    /// A provider's personal information (path id = profile id). The `ssn`
    /// comes back masked or encrypted.
    PP1 GetPersonalInfo {
        GET "/api/v1/users/provider-personal-info/{id}/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: () [None],
        response: ProviderPersonalInfo,
        origin: Undocumented,
        facade: provider_profile.get_personal_info,
        python: ["provider_profile.get_personal_info"],
    }
    /// Update a provider's personal information (path id = profile id).
    ///
    /// Production wants the **whole** record: the body actually sent is the
    /// fetched record minus its read-only and null keys, overlaid with the
    /// [`ProviderPersonalInfoUpdate`](crate::models::provider_profile::ProviderPersonalInfoUpdate) (fetch-merge-patch, done by the
    /// helpers). Sending the same record twice has the same effect.
    PP2 UpdatePersonalInfo {
        PATCH "/api/v1/users/provider-personal-info/{id}/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: PersonalInfoPatchBody [Json],
        response: ProviderPersonalInfo,
        origin: Undocumented,
        idempotent: true,
        facade: provider_profile.update_personal_info [helper],
        python: ["provider_profile.update_personal_info"],
    }
    /// The stored SSN as ciphertext (JWT only, no API key; path id =
    /// profile id).
    PP3 GetEncryptedSsn {
        GET "/api/v1/users/retrieve-update-provider-ssn-sym-encrypted/{id}/",
        auth: JwtOnly, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: () [None],
        response: EncryptedSsnRecord,
        origin: Undocumented,
        facade: provider_profile.get_ssn,
        python: ["provider_profile.get_ssn"],
    }
    /// Set the SSN from a token encrypted with the request's JWT (JWT only,
    /// no API key; path id = profile id). The only way to write an SSN.
    PP4 UpdateEncryptedSsn {
        PATCH "/api/v1/users/retrieve-update-provider-ssn-sym-encrypted/{id}/",
        auth: JwtOnly, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: EncryptedSsnUpdate [JwtJson],
        response: serde_json::Value,
        origin: Undocumented,
        idempotent: true,
        facade: provider_profile.update_ssn [helper],
        python: ["provider_profile.update_ssn"],
    }
    /// The decrypted SSN, read-only (path id = profile id): use it to confirm
    /// an encrypted write. Its PATCH always answers 400 and is not in the
    /// catalog. No source records its auth; JWT only is assumed by analogy
    /// with the encrypted endpoint of the same family.
    PP5 GetPlaintextSsn {
        GET "/api/v1/users/retrieve-update-provider-ssn/{id}/",
        auth: JwtOnly, paging: Single, ids: Profile,
        path_arg: ProfileId, query: (), body: () [None],
        response: PlaintextSsnRecord,
        origin: Undocumented,
        facade: provider_profile.get_plaintext_ssn,
        python: [],
    }
    /// A provider's documents (`provider` = profile id; JWT).
    PP30 ListDocuments {
        GET "/api/v1/users/provider-documents/",
        auth: Jwt, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderDocumentListParams, body: () [None],
        response: ProviderDocument,
        origin: Undocumented,
        facade: provider_profile.list_documents,
        python: ["provider_profile.list_documents", "provider_profile.list_documents_all", "provider_profile.list_documents_df"],
    }
    /// Link an uploaded file (its `s3://` URI) to a provider (`provider` =
    /// profile id; JWT).
    PP31 CreateDocument {
        POST "/api/v1/users/provider-documents/",
        auth: Jwt, paging: Single, ids: Profile,
        path_arg: (), query: (), body: ProviderDocumentCreate [Json],
        response: ProviderDocument,
        origin: SpecAuthDiffers {
            note: "production requires the Bearer JWT; the spec documents API-key auth",
        },
        facade: provider_profile.create_document,
        python: ["provider_profile.create_document"],
    }
}
