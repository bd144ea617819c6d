//! File endpoints (reference rows FI1–FI2); both need the session JWT.

use super::macros::endpoints;
use crate::models::files::{FileRecord, FileUpload, PresignRequest, PresignedUrlResponse};

endpoints! {
    /// Upload a file (`multipart/form-data`: field `name`, file part
    /// `file`); the reply's `file_url` is the `s3://` URI to keep.
    FI1 UploadFile {
        POST "/api/v1/files/handle/",
        auth: Jwt, paging: Single, ids: None,
        path_arg: (), query: (), body: FileUpload [Multipart],
        response: FileRecord,
        origin: Undocumented,
        facade: files.upload,
        python: ["files.upload"],
    }
    /// Get a short-lived HTTPS URL for an `s3://` URI (mint on demand, do
    /// not cache).
    FI2 PresignUrl {
        POST "/api/v1/files/presign-s3-url/presign_s3_url/",
        auth: Jwt, paging: Single, ids: None,
        path_arg: (), query: (), body: PresignRequest [Json],
        response: PresignedUrlResponse,
        origin: Undocumented,
        idempotent: true,
        facade: files.presign_url,
        python: ["files.presign_url"],
    }
}
