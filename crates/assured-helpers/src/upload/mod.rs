//! The two-stage document upload: the file goes up (multipart) and comes
//! back as an `s3://` URL, then that URL is linked to the provider.

mod source;

pub use source::DocumentFile;

use source::Content;

use assured_core::MultipartForm;
use assured_core::transport::UploadProgress;
use assured_models::ProfileId;
use assured_models::catalog::{CreateDocument, Endpoint as _, PresignUrl, UploadFile};
use assured_models::models::files::{FileUpload, PresignRequest};
use assured_models::models::provider_profile::{ProviderDocument, ProviderDocumentCreate};

use crate::document::DocumentProblem;
use crate::error::HelperError;
use crate::helpers::Helpers;
use crate::s3_url::S3Url;

impl Helpers {
    /// Uploads a document and links it to a provider.
    ///
    /// Before any request the document is checked: extension `.pdf`, `.png`,
    /// `.jpg` or `.jpeg` (any case), content starting with that format's
    /// signature, not empty, not over
    /// [`max_upload_bytes`](crate::HelpersBuilder::max_upload_bytes); and the
    /// name and type must not be blank. A refusal is
    /// [`HelperError::InvalidDocument`] and sends nothing.
    ///
    /// If the upload succeeds but the link fails, the error is
    /// [`HelperError::AssociationFailed`] with the uploaded `s3://` URL:
    /// finish with [`Helpers::associate_document`], without uploading again.
    pub async fn upload_and_associate_document(
        &self,
        profile: &ProfileId,
        file: impl Into<DocumentFile>,
        document_name: &str,
        document_type: &str,
    ) -> Result<ProviderDocument, HelperError> {
        self.upload_and_associate(profile, file.into(), document_name, document_type, None)
            .await
    }

    /// [`Helpers::upload_and_associate_document`], reporting the upload's
    /// bytes to `progress` as they are sent (a retry reports from 0 again).
    pub async fn upload_and_associate_document_with_progress(
        &self,
        profile: &ProfileId,
        file: impl Into<DocumentFile>,
        document_name: &str,
        document_type: &str,
        progress: UploadProgress,
    ) -> Result<ProviderDocument, HelperError> {
        self.upload_and_associate(
            profile,
            file.into(),
            document_name,
            document_type,
            Some(progress),
        )
        .await
    }

    async fn upload_and_associate(
        &self,
        profile: &ProfileId,
        file: DocumentFile,
        document_name: &str,
        document_type: &str,
        progress: Option<UploadProgress>,
    ) -> Result<ProviderDocument, HelperError> {
        if let Some(field) = blank_link_field(document_name, document_type) {
            return Err(HelperError::InvalidDocument {
                file: file.label(),
                problem: DocumentProblem::BlankField(field),
            });
        }
        let s3_url = self.upload(file, progress).await?;
        self.link(profile, &s3_url, document_name, document_type)
            .await
            .map_err(|source| HelperError::AssociationFailed { s3_url, source })
    }

    /// Uploads a document (checked as in
    /// [`Helpers::upload_and_associate_document`]) and returns its `s3://`
    /// URL. The form's `name` is a fresh UUID with the file's extension; the
    /// file part keeps its own name and gets its format's media type.
    pub async fn upload_document(
        &self,
        file: impl Into<DocumentFile>,
    ) -> Result<S3Url, HelperError> {
        self.upload(file.into(), None).await
    }

    /// [`Helpers::upload_document`], reporting the upload's bytes to
    /// `progress` as they are sent (a retry reports from 0 again).
    pub async fn upload_document_with_progress(
        &self,
        file: impl Into<DocumentFile>,
        progress: UploadProgress,
    ) -> Result<S3Url, HelperError> {
        self.upload(file.into(), Some(progress)).await
    }

    async fn upload(
        &self,
        file: DocumentFile,
        progress: Option<UploadProgress>,
    ) -> Result<S3Url, HelperError> {
        let document = source::check_document(file, self.shared.config.max_upload_bytes).await?;
        let name = format!("{}.{}", uuid::Uuid::new_v4(), document.extension);
        let form = MultipartForm::new().text(FileUpload::FORM_FIELD, name);
        let (file_name, content_type) = (document.file_name, document.format.content_type());
        let form = match document.content {
            Content::Bytes(bytes) => {
                form.file(FileUpload::FILE_PART, file_name, content_type, bytes)
            }
            // Streamed from disk by each attempt, never read into memory.
            Content::Path(path) => {
                form.file_from_path(FileUpload::FILE_PART, file_name, content_type, path)
            }
        };
        let form = match progress {
            Some(progress) => form.progress(progress),
            None => form,
        };
        let record = self.client.call_multipart::<UploadFile>(&(), &form).await?;
        let url = record.file_url.unwrap_or_default();
        url.parse().map_err(|_| HelperError::UnexpectedReply {
            endpoint: UploadFile::DESCRIPTOR.into(),
            message: format!("file_url is not an s3:// URL: {url:?}"),
        })
    }

    /// Links an uploaded file to a provider (`provider-documents`): the
    /// second stage of an upload, or the way to finish one whose link
    /// failed ([`HelperError::uploaded_s3_url`]).
    pub async fn associate_document(
        &self,
        profile: &ProfileId,
        s3_url: &S3Url,
        document_name: &str,
        document_type: &str,
    ) -> Result<ProviderDocument, HelperError> {
        if let Some(field) = blank_link_field(document_name, document_type) {
            return Err(HelperError::InvalidDocument {
                file: s3_url.to_string(),
                problem: DocumentProblem::BlankField(field),
            });
        }
        Ok(self
            .link(profile, s3_url, document_name, document_type)
            .await?)
    }

    /// A short-lived HTTPS URL to download an uploaded file. Mint one when
    /// needed; do not store it.
    pub async fn presign_url(&self, s3_url: &S3Url) -> Result<String, HelperError> {
        let reply = self
            .client
            .call::<PresignUrl>(&(), &(), &PresignRequest::new(s3_url.as_str()))
            .await?;
        Ok(reply.presigned_url)
    }

    async fn link(
        &self,
        profile: &ProfileId,
        s3_url: &S3Url,
        document_name: &str,
        document_type: &str,
    ) -> Result<ProviderDocument, assured_core::Error> {
        let mut body = ProviderDocumentCreate::new(*profile);
        body.document_name = Some(document_name.to_owned());
        body.document_type = Some(document_type.to_owned());
        body.document_url = Some(s3_url.as_str().to_owned());
        self.client.call::<CreateDocument>(&(), &(), &body).await
    }
}

/// Which of the link's fields is blank, if any. Checked before the upload
/// too, so a blank one does not leave an unlinked file behind.
fn blank_link_field(document_name: &str, document_type: &str) -> Option<&'static str> {
    [("name", document_name), ("type", document_type)]
        .into_iter()
        .find(|(_, value)| value.trim().is_empty())
        .map(|(field, _)| field)
}
