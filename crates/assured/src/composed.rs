//! The smart helpers of [`assured_helpers`], on the resource handles they
//! belong to: `client.providers().get_by_npi(..)`,
//! `client.provider_profile().update_personal_info(..)`, ...
//!
//! Each method hands over to the client's one [`Helpers`] value, so every
//! clone of a [`Client`](crate::Client) shares the profile-id and NPI
//! caches. See the helpers' guides for what each one guards against.

use assured_crypto::Ssn;
use assured_helpers::{DocumentFile, HelperError, Helpers, S3Url};
use assured_models::models::provider_profile::{
    ProviderDocument, ProviderPersonalInfo, ProviderPersonalInfoUpdate,
};
use assured_models::models::providers::Provider;
use assured_models::{AccountId, ProfileId};

use crate::engine::SessionJwt;
use crate::engine::transport::UploadProgress;
use crate::resources::{ProviderProfile, Providers};

impl Providers<'_> {
    fn helpers(&self) -> &Helpers {
        self.client.helpers()
    }

    /// The provider record of an account (see [`Helpers::get_provider`]).
    #[doc(alias = "get_provider")]
    pub async fn get(&self, account: &AccountId) -> Result<Provider, HelperError> {
        self.helpers().get_provider(account).await
    }

    /// The profile id of a provider account, cached for good (see
    /// [`Helpers::get_profile_id`]).
    pub async fn get_profile_id(&self, account: &AccountId) -> Result<ProfileId, HelperError> {
        self.helpers().get_profile_id(account).await
    }

    /// The profile ids of many accounts, in few requests (see
    /// [`Helpers::get_profile_ids`]).
    pub async fn get_profile_ids(
        &self,
        accounts: &[AccountId],
    ) -> Result<Vec<ProfileId>, HelperError> {
        self.helpers().get_profile_ids(accounts).await
    }

    /// The provider with this NPI, through the cached NPI index (see
    /// [`Helpers::get_by_npi`]).
    pub async fn get_by_npi(&self, npi: &str) -> Result<Provider, HelperError> {
        self.helpers().get_by_npi(npi).await
    }

    /// The providers with these NPIs, one index refresh at most (see
    /// [`Helpers::get_by_npis`]).
    pub async fn get_by_npis<S: AsRef<str>>(
        &self,
        npis: &[S],
    ) -> Result<Vec<Option<Provider>>, HelperError> {
        self.helpers().get_by_npis(npis).await
    }

    /// Drops the NPI index; the next lookup refreshes it.
    pub fn invalidate_npi_cache(&self) {
        self.helpers().invalidate_npi_cache();
    }
}

impl ProviderProfile<'_> {
    fn helpers(&self) -> &Helpers {
        self.client.helpers()
    }

    /// Fetch-merge-patch of a provider's personal info (see
    /// [`Helpers::update_personal_info`]): only the fields set in `update`
    /// change.
    ///
    /// `PATCH /api/v1/users/provider-personal-info/{id}/` (reference row PP2),
    /// preceded by its GET (PP1).
    pub async fn update_personal_info(
        &self,
        profile: &ProfileId,
        update: ProviderPersonalInfoUpdate,
    ) -> Result<ProviderPersonalInfo, HelperError> {
        self.helpers().update_personal_info(profile, update).await
    }

    /// Sets a provider's SSN, checked first and encrypted with the JWT of
    /// each attempt (see [`Helpers::update_ssn`]; reference row PP4).
    pub async fn update_ssn(
        &self,
        profile: &ProfileId,
        ssn: &str,
    ) -> Result<serde_json::Value, HelperError> {
        self.helpers().update_ssn(profile, ssn).await
    }

    /// Sets a provider's SSN from a parsed [`Ssn`].
    pub async fn update_ssn_value(
        &self,
        profile: &ProfileId,
        ssn: &Ssn,
    ) -> Result<serde_json::Value, HelperError> {
        self.helpers().update_ssn_value(profile, ssn).await
    }

    /// Sets a provider's SSN with a session JWT obtained elsewhere (see
    /// [`Helpers::update_ssn_with_jwt`]).
    pub async fn update_ssn_with_jwt(
        &self,
        profile: &ProfileId,
        ssn: &Ssn,
        jwt: SessionJwt,
    ) -> Result<serde_json::Value, HelperError> {
        self.helpers().update_ssn_with_jwt(profile, ssn, jwt).await
    }

    /// Whether the stored SSN equals `ssn`, compared without printing it
    /// (see [`Helpers::verify_ssn`]).
    pub async fn verify_ssn(&self, profile: &ProfileId, ssn: &Ssn) -> Result<bool, HelperError> {
        self.helpers().verify_ssn(profile, ssn).await
    }

    /// Uploads a PDF, PNG or JPEG and links it to the provider, checked
    /// before any request (see [`Helpers::upload_and_associate_document`]).
    pub async fn upload_and_associate_document(
        &self,
        profile: &ProfileId,
        file: impl Into<DocumentFile>,
        document_name: &str,
        document_type: &str,
    ) -> Result<ProviderDocument, HelperError> {
        self.helpers()
            .upload_and_associate_document(profile, file, document_name, document_type)
            .await
    }

    /// [`upload_and_associate_document`](Self::upload_and_associate_document),
    /// reporting the upload's bytes to `progress` as they are sent (see
    /// [`Helpers::upload_and_associate_document_with_progress`]).
    pub async fn upload_and_associate_document_with_progress(
        &self,
        profile: &ProfileId,
        file: impl Into<DocumentFile>,
        document_name: &str,
        document_type: &str,
        progress: UploadProgress,
    ) -> Result<ProviderDocument, HelperError> {
        self.helpers()
            .upload_and_associate_document_with_progress(
                profile,
                file,
                document_name,
                document_type,
                progress,
            )
            .await
    }

    /// Links an already uploaded file (its `s3://` URL) to the provider:
    /// finishes an upload whose association failed (see
    /// [`Helpers::associate_document`]).
    pub async fn associate_document(
        &self,
        profile: &ProfileId,
        s3_url: &S3Url,
        document_name: &str,
        document_type: &str,
    ) -> Result<ProviderDocument, HelperError> {
        self.helpers()
            .associate_document(profile, s3_url, document_name, document_type)
            .await
    }
}
