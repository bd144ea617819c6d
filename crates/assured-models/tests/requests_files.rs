#![allow(missing_docs)]

use assured_models::catalog::{self, Auth, BodyKind, Endpoint};
use assured_models::models::files::{FileRecord, FileUpload, PresignRequest};
use serde_json::json;

const FILE: &str = "8e9f0a1b-2c3d-4e4f-9a6b-7c8d9e0f1a2b";

#[test]
fn file_upload_describes_the_form_without_the_bytes() {
    let upload = FileUpload::new(
        "2f1c9a7e-0d4b-4c55-9f1e-3a2b1c0d9e8f.pdf",
        "license.pdf",
        "application/pdf",
        b"%PDF-1.7 ...".to_vec(),
    );
    insta::assert_json_snapshot!(upload);
    assert_eq!(FileUpload::FORM_FIELD, "name");
    assert_eq!(FileUpload::FILE_PART, "file");
    assert!(format!("{upload:?}").contains("<12 bytes>"));
    // The serde rendering carries no bytes: reading it back gives none.
    let back: FileUpload = serde_json::from_value(serde_json::to_value(&upload).unwrap()).unwrap();
    assert!(back.bytes.is_empty());
    assert_eq!(back.file_name, "license.pdf");
}

#[test]
fn presign_request() {
    let request = PresignRequest::new("s3://assured-prod/uploads/2f1c9a7e.pdf");
    assert_eq!(request.presigned_url(), "");
    insta::assert_json_snapshot!(request);
}

#[test]
fn file_endpoints_need_the_jwt() {
    let upload = catalog::UploadFile::DESCRIPTOR;
    assert_eq!(upload.auth, Auth::Jwt);
    assert_eq!(upload.body, BodyKind::Multipart);
    let presign = catalog::PresignUrl::DESCRIPTOR;
    assert_eq!(presign.auth, Auth::Jwt);
    assert_eq!(presign.body, BodyKind::Json);
    presign
        .check_response_json(&
            json!({"presigned_url": "https://assured-prod.s3.amazonaws.com/x?X-Amz-Signature=abc"}),
        )
        .unwrap();
}

#[test]
fn file_record_unknown_fields_survive_a_round_trip() {
    let sent = json!({
        "id": FILE,
        "file": "https://assured-prod.s3.amazonaws.com/uploads/2f1c9a7e.pdf",
        "file_url": "s3://assured-prod/uploads/2f1c9a7e.pdf",
        "name": "2f1c9a7e.pdf",
        "created_at": "2024-05-06T07:08:09Z",
        "storage_metadata": {
            "bucket_name": "assured-prod",
            "region": "us-east-1",
            "content_type": "application/pdf",
            "file_size_bytes": 12,
            "s3_uri": "s3://assured-prod/uploads/2f1c9a7e.pdf",
            "checksum_sha256": "abc"
        },
        "uploaded_file_uri": "s3://assured-prod/uploads/2f1c9a7e.pdf",
        "virus_scan": "PENDING"
    });
    let record: FileRecord = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(record.extra["virus_scan"], "PENDING");
    assert_eq!(
        record.storage_metadata.as_ref().unwrap().extra["checksum_sha256"],
        "abc"
    );
    assert_eq!(serde_json::to_value(&record).unwrap(), sent);
}
