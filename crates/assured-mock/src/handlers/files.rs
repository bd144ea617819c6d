//! Files: upload, presign and the presigned download.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::context::Ctx;
use crate::data::BUCKET;
use crate::reply::{Reply, ReplyBody};
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::{State, StoredFile};
use crate::time::{now_rfc3339, now_secs};

use super::common::{object, text};

/// Path prefix of the mock's own presigned-download route (not in the catalog).
pub(crate) const PRESIGNED_PREFIX: &str = "/__mock/presigned/";

/// Lifetime of presigned URLs.
pub(crate) const PRESIGN_SECS: u64 = 300;

/// The format a file name and its bytes agree on, if supported.
pub(crate) fn detect_format(name: &str, bytes: &[u8]) -> Option<&'static str> {
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_lowercase())?;
    let by_magic = if bytes.starts_with(b"%PDF-") {
        "application/pdf"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return None;
    };
    let by_extension = match extension.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => return None,
    };
    (by_magic == by_extension).then_some(by_magic)
}

pub(crate) fn upload(ctx: &Ctx<'_>) -> HResult {
    let parts = match &ctx.multipart {
        Some(Ok(parts)) => parts,
        Some(Err(error)) => {
            return Err(Reply::detail(
                StatusCode::BAD_REQUEST,
                &format!("Multipart form parse error - {error}"),
            ));
        }
        None => {
            return Err(Reply::detail(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type.",
            ));
        }
    };
    let name = parts
        .iter()
        .find(|part| part.name == "name" && part.file_name.is_none())
        .map(|part| String::from_utf8_lossy(&part.bytes).trim().to_owned());
    let Some(file) = parts.iter().find(|part| part.name == "file") else {
        return Err(Reply::field("file", "No file was submitted."));
    };
    let Some(name) = name.filter(|name| !name.is_empty()) else {
        return Err(Reply::field("name", "This field is required."));
    };
    if file.bytes.is_empty() {
        return Err(Reply::field("file", "The submitted file is empty."));
    }
    let check_name = file
        .file_name
        .as_deref()
        .filter(|file_name| file_name.contains('.'))
        .unwrap_or(&name);
    let content_type = detect_format(&name, &file.bytes)
        .filter(|format| detect_format(check_name, &file.bytes) == Some(*format))
        .ok_or_else(|| {
            Reply::field(
                "file",
                "Unsupported file type. Allowed types: pdf, png, jpg, jpeg (checked by extension and content).",
            )
        })?;
    let mut state = ctx.shared.state();
    let id = state.new_id(Kind::File).to_string();
    let key = format!("provider-documents/{id}/{name}");
    let s3 = format!("s3://{BUCKET}/{key}");
    let https = format!("https://{BUCKET}.s3.amazonaws.com/{key}");
    state.files.insert(
        s3.clone(),
        StoredFile {
            name: name.clone(),
            original_filename: file.file_name.clone(),
            content_type: content_type.to_owned(),
            bytes: file.bytes.clone(),
        },
    );
    Ok(Reply::created(json!({
        "id": id,
        "file": https,
        "file_url": s3,
        "name": name,
        "created_at": now_rfc3339(),
        "storage_metadata": {
            "storage_backend": "s3",
            "storage_backend_class": "storages.backends.s3boto3.S3Boto3Storage",
            "bucket_name": BUCKET,
            "region": "us-east-1",
            "endpoint_url": Value::Null,
            "custom_domain": Value::Null,
            "use_s3_for_media": true,
            "acl": "private",
            "signature_version": "s3v4",
            "file_overwrite": false,
            "querystring_auth": true,
            "object_parameters": {},
            "original_filename": file.file_name,
            "content_type": content_type,
            "file_size_bytes": file.bytes.len(),
            "upload_path": key,
            "uploaded_by_user_id": ctx.shared.user_id,
            "s3_object_url": https,
            "s3_uri": s3,
            "django_env": "mock",
            "debug_mode": false,
            "uploaded_file_url": https,
            "uploaded_file_uri": s3,
        },
        "uploaded_file_uri": s3,
    })))
}

pub(crate) fn presign_url(ctx: &Ctx<'_>, state: &mut State, s3_url: &str) -> String {
    state.counter += 1;
    let token = format!(
        "{:016x}{:016x}",
        crate::seed::hash(&[state.seed, state.counter, now_secs()]),
        crate::seed::hash(&[state.counter, 0x9E5])
    );
    let expires = now_secs() + PRESIGN_SECS;
    state
        .presigned
        .insert(token.clone(), (s3_url.to_owned(), expires));
    format!(
        "{}{PRESIGNED_PREFIX}{token}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires={PRESIGN_SECS}&X-Amz-Signature={token}",
        ctx.shared.base_url
    )
}

pub(crate) fn presign(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let url = text(&body, "s3_url").unwrap_or_default().trim().to_owned();
    if !url.starts_with("s3://") {
        return Err(Reply::field("s3_url", "Enter an s3:// URI."));
    }
    let mut state = ctx.shared.state();
    let seeded = url.starts_with(&format!("s3://{BUCKET}/seed/"));
    if !seeded && !state.files.contains_key(&url) {
        return Err(Reply::detail(StatusCode::NOT_FOUND, "File not found."));
    }
    let presigned = presign_url(ctx, &mut state, &url);
    Ok(Reply::ok(json!({"presigned_url": presigned})))
}

/// A minimal valid PDF, served for seeded documents.
pub(crate) const SEED_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Serves the bytes behind a presigned URL (no credentials: the URL is the
/// credential, as with S3).
pub(crate) fn presigned_download(shared: &crate::shared::Shared, token: &str) -> Reply {
    let state = shared.state();
    let denied = |message: &str| {
        Reply {
            status: StatusCode::FORBIDDEN,
            body: ReplyBody::Bytes {
                content_type: "application/xml".to_owned(),
                bytes: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>{message}</Message></Error>").into_bytes(),
            },
            headers: Vec::new(),
        }
    };
    let Some((url, expires)) = state.presigned.get(token) else {
        return denied("Access Denied");
    };
    if now_secs() > *expires {
        return denied("Request has expired");
    }
    let (content_type, bytes) = match state.files.get(url) {
        Some(file) => (file.content_type.clone(), file.bytes.clone()),
        None => ("application/pdf".to_owned(), SEED_PDF.to_vec()),
    };
    Reply {
        status: StatusCode::OK,
        body: ReplyBody::Bytes {
            content_type,
            bytes,
        },
        headers: Vec::new(),
    }
}
