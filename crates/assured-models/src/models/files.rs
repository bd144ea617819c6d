//! Files: the multipart upload and presigned S3 URLs (both need the session
//! JWT).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::FileId;
use crate::time::ApiDateTime;

/// The record of an uploaded file.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    /// File record id.
    pub id: FileId,
    /// HTTPS URL of the file.
    pub file: Option<String>,
    /// The `s3://` URI of the file: the value to store as a provider
    /// document's `document_url`.
    pub file_url: Option<String>,
    /// The name sent with the upload (`<uuid>.<ext>`).
    pub name: Option<String>,
    /// When the file was uploaded.
    pub created_at: Option<ApiDateTime>,
    /// Where and how the file is stored.
    pub storage_metadata: Option<StorageMetadata>,
    /// URI of the uploaded file.
    pub uploaded_file_uri: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `storage_metadata` of a [`FileRecord`].
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorageMetadata {
    /// Storage backend name.
    pub storage_backend: Option<String>,
    /// Storage backend class.
    pub storage_backend_class: Option<String>,
    /// S3 bucket.
    pub bucket_name: Option<String>,
    /// S3 region.
    pub region: Option<String>,
    /// S3 endpoint URL.
    pub endpoint_url: Option<String>,
    /// Custom domain.
    pub custom_domain: Option<String>,
    /// Credential profile.
    pub credential_profile: Option<String>,
    /// Media root.
    pub media_root: Option<String>,
    /// Whether S3 is used for media.
    pub use_s3_for_media: Option<bool>,
    /// Object ACL.
    pub acl: Option<String>,
    /// Signature version.
    pub signature_version: Option<String>,
    /// Whether files are overwritten.
    pub file_overwrite: Option<bool>,
    /// Whether URLs carry query-string auth.
    pub querystring_auth: Option<bool>,
    /// Object parameters (free-form).
    pub object_parameters: Option<Map<String, Value>>,
    /// The uploaded file's original name.
    pub original_filename: Option<String>,
    /// Content type.
    pub content_type: Option<String>,
    /// Size in bytes.
    pub file_size_bytes: Option<u64>,
    /// Upload path in the bucket.
    pub upload_path: Option<String>,
    /// Id of the uploading user.
    pub uploaded_by_user_id: Option<String>,
    /// Id of the uploading user's client.
    pub uploaded_by_client_id: Option<String>,
    /// HTTPS URL of the S3 object.
    pub s3_object_url: Option<String>,
    /// `s3://` URI of the object.
    pub s3_uri: Option<String>,
    /// Server environment.
    pub django_env: Option<String>,
    /// Whether the server runs in debug mode.
    pub debug_mode: Option<bool>,
    /// URL of the uploaded file.
    pub uploaded_file_url: Option<String>,
    /// URI of the uploaded file.
    pub uploaded_file_uri: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The upload body: a `multipart/form-data` form with a text field `name`
/// and a file part `file`.
///
/// The transport encodes this as multipart, not JSON: the form field
/// [`FORM_FIELD`](Self::FORM_FIELD) carries [`name`](Self::name), and the
/// file part [`FILE_PART`](Self::FILE_PART) carries [`bytes`](Self::bytes)
/// with [`file_name`](Self::file_name) and
/// [`content_type`](Self::content_type). It derives `Serialize` and
/// `Deserialize` like every body type, but the bytes are skipped there
/// (`#[serde(skip)]`): a JSON rendering only describes the form.
/// `Debug` shows the byte count, not the bytes.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileUpload {
    /// Value of the form field `name`: by convention a fresh UUID4 followed
    /// by the original extension (`<uuid>.pdf`).
    pub name: String,
    /// File name of the `file` part (the original file name).
    pub file_name: String,
    /// Content type of the `file` part, guessed from the extension
    /// (`application/pdf`, `image/png`, `image/jpeg`; otherwise
    /// `application/octet-stream`).
    pub content_type: String,
    /// The file's contents (not part of the serde rendering).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl FileUpload {
    /// Name of the multipart text field carrying [`name`](Self::name).
    pub const FORM_FIELD: &'static str = "name";
    /// Name of the multipart file part.
    pub const FILE_PART: &'static str = "file";
    /// Content type used when none can be guessed.
    pub const DEFAULT_CONTENT_TYPE: &'static str = "application/octet-stream";

    /// An upload of `bytes` as `file_name`, with form field `name` and the
    /// given content type.
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: Vec<u8>,
    ) -> Self {
        Self {
            name: name.into(),
            file_name: file_name.into(),
            content_type: content_type.into(),
            bytes,
        }
    }
}

impl std::fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileUpload")
            .field("name", &self.name)
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("bytes", &format_args!("<{} bytes>", self.bytes.len()))
            .finish()
    }
}

/// Body of the presign call: `{"s3_url": "s3://…", "presigned_url": ""}`.
///
/// `presigned_url` is always the empty string (the Python client always
/// sends it so); build the request with [`new`](Self::new).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresignRequest {
    /// The `s3://` URI to presign (a [`FileRecord::file_url`]).
    pub s3_url: String,
    /// Always `""`.
    #[serde(default)]
    presigned_url: String,
}

impl PresignRequest {
    /// A request to presign `s3_url`.
    #[must_use]
    pub fn new(s3_url: impl Into<String>) -> Self {
        Self {
            s3_url: s3_url.into(),
            presigned_url: String::new(),
        }
    }

    /// The `presigned_url` field as sent (always `""` for requests built
    /// with [`new`](Self::new)).
    pub fn presigned_url(&self) -> &str {
        &self.presigned_url
    }
}

/// Reply of the presign call. The URL expires quickly: mint one when it is
/// needed rather than storing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PresignedUrlResponse {
    /// The short-lived HTTPS URL.
    pub presigned_url: String,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
