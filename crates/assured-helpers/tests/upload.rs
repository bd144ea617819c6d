//! The two-stage upload against the mock.
#![allow(missing_docs)]

mod support;

use std::path::PathBuf;

use assured_helpers::{DocumentFile, DocumentFormat, DocumentProblem, HelperError, S3Url};
use assured_mock::{Faults, MockServer};
use support::{builder, failing, helpers, mock, profile};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

/// A fresh path under the test scratch directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(uuid::Uuid::new_v4().to_string());
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stored_bytes(mock: &MockServer, s3: &str) -> Option<Vec<u8>> {
    mock.with_state(|state| state.uploaded_file(s3).map(|file| file.bytes.clone()))
}

/// A PDF of `size` bytes after its signature, written under `name`.
fn large_pdf(name: &str, size: u32) -> (PathBuf, Vec<u8>) {
    let content: Vec<u8> = PDF
        .iter()
        .copied()
        .chain((0..size).map(|i| (i % 251) as u8))
        .collect();
    let path = scratch(name);
    std::fs::write(&path, &content).unwrap();
    (path, content)
}

/// Every second upload is answered 429 (never processed); after a warm-up
/// upload, the next upload's first attempt is refused and its retry goes
/// through.
async fn refuse_the_next_upload_once(mock: &MockServer, helpers: &assured_helpers::Helpers) {
    mock.set_faults(Faults {
        rate_limit_every: Some(2),
        only_endpoints: vec!["FI1".to_owned()],
        ..Faults::default()
    });
    helpers
        .upload_document(DocumentFile::from_bytes("warm-up.pdf", PDF))
        .await
        .unwrap();
}

fn problem(err: &HelperError) -> &DocumentProblem {
    match err {
        HelperError::InvalidDocument { problem, .. } => problem,
        other => panic!("not a refused document: {other:?}"),
    }
}

#[tokio::test]
async fn bytes_are_uploaded_then_linked_with_the_expected_requests() {
    let mock = mock(2).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 1);
    let document = helpers
        .upload_and_associate_document(
            &profile,
            DocumentFile::from_bytes("Licence.PDF", PDF),
            "State Medical License",
            "State License",
        )
        .await
        .unwrap();
    let s3 = document.document_url.clone().unwrap();
    assert!(s3.starts_with("s3://"), "{s3}");
    assert_eq!(document.provider, Some(profile));
    assert_eq!(
        document.document_name.as_deref(),
        Some("State Medical License")
    );
    assert_eq!(stored_bytes(&mock, &s3).as_deref(), Some(PDF));
    assert_eq!(mock.count("FI1"), 1);
    assert_eq!(mock.count("PP31"), 1);

    // Step 1: multipart `name` = a fresh UUID plus the extension, `file`
    // under its own name with the PDF media type.
    let upload = mock.last_request("FI1").unwrap();
    assert!(
        upload
            .content_type
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    let stored_name = mock.with_state(|state| state.uploaded_file(&s3).unwrap().name.clone());
    let (uuid, extension) = stored_name.split_once('.').unwrap();
    assert!(uuid::Uuid::parse_str(uuid).is_ok(), "{stored_name}");
    assert_eq!(extension, "pdf");
    let body = String::from_utf8_lossy(&upload.body);
    assert!(
        body.contains("name=\"file\"; filename=\"Licence.PDF\"\r\nContent-Type: application/pdf"),
        "{body}"
    );

    // Step 2: the link body.
    let mut link = mock.last_body("PP31").unwrap();
    assert_eq!(link["document_url"], s3.as_str());
    link["document_url"] = "[s3 url]".into();
    insta::assert_json_snapshot!("link_body", link);
}

#[tokio::test]
async fn refused_documents_send_nothing() {
    let mock = mock(1).await;
    let helpers = builder(&mock).max_upload_bytes(64).build().unwrap();
    let profile = profile(&mock, 0);
    let upload = |file: DocumentFile| {
        let helpers = helpers.clone();
        async move {
            helpers
                .upload_and_associate_document(&profile, file, "CV", "CV")
                .await
                .unwrap_err()
        }
    };
    let err = upload(DocumentFile::from_bytes("notes.txt", PDF)).await;
    assert!(
        matches!(problem(&err), DocumentProblem::UnsupportedExtension { extension } if extension == "txt")
    );
    assert!(err.is_invalid_input());
    let err = upload(DocumentFile::from_bytes("scan.pdf", PNG)).await;
    assert!(
        matches!(
            problem(&err),
            DocumentProblem::SignatureMismatch {
                format: DocumentFormat::Pdf
            }
        ),
        "{err}"
    );
    let err = upload(DocumentFile::from_bytes("photo.JPG", PNG)).await;
    assert!(matches!(
        problem(&err),
        DocumentProblem::SignatureMismatch {
            format: DocumentFormat::Jpeg
        }
    ));
    let err = upload(DocumentFile::from_bytes("empty.pdf", Vec::new())).await;
    assert!(matches!(problem(&err), DocumentProblem::Empty));
    let err = upload(DocumentFile::from_bytes(
        "big.pdf",
        [PDF, &[b' '; 64]].concat(),
    ))
    .await;
    assert!(
        matches!(problem(&err), DocumentProblem::TooLarge { max: 64, .. }),
        "{err}"
    );
    let err = helpers
        .upload_and_associate_document(&profile, DocumentFile::from_bytes("a.pdf", PDF), " ", "CV")
        .await
        .unwrap_err();
    assert!(matches!(problem(&err), DocumentProblem::BlankField("name")));
    assert_eq!(mock.stats().total, 0);
}

#[tokio::test]
async fn a_path_is_checked_by_metadata_and_signature_before_it_is_read() {
    let mock = mock(1).await;
    let helpers = builder(&mock).max_upload_bytes(1024).build().unwrap();
    let profile = profile(&mock, 0);

    let png = scratch("Badge.png");
    std::fs::write(&png, PNG).unwrap();
    let document = helpers
        .upload_and_associate_document(&profile, png.as_path(), "Badge", "Other")
        .await
        .unwrap();
    let s3 = document.document_url.unwrap();
    assert_eq!(stored_bytes(&mock, &s3).as_deref(), Some(PNG));
    let file = mock
        .with_state(|state| state.uploaded_file(&s3).cloned())
        .unwrap();
    assert_eq!(file.original_filename.as_deref(), Some("Badge.png"));
    assert_eq!(file.content_type, "image/png");
    mock.reset_stats();

    let big = scratch("big.pdf");
    std::fs::write(&big, [PDF, &[b' '; 2048]].concat()).unwrap();
    let err = helpers.upload_document(big).await.unwrap_err();
    assert!(
        matches!(problem(&err), DocumentProblem::TooLarge { size, max: 1024 } if *size == 2048 + PDF.len() as u64)
    );

    let fake = scratch("fake.pdf");
    std::fs::write(&fake, b"GIF89a not a pdf").unwrap();
    let err = helpers.upload_document(fake).await.unwrap_err();
    assert!(matches!(
        problem(&err),
        DocumentProblem::SignatureMismatch { .. }
    ));

    let empty = scratch("empty.jpeg");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        problem(&helpers.upload_document(empty).await.unwrap_err()),
        DocumentProblem::Empty
    ));

    let dir = scratch("folder.pdf");
    std::fs::create_dir_all(&dir).unwrap();
    assert!(matches!(
        problem(&helpers.upload_document(dir).await.unwrap_err()),
        DocumentProblem::NotAFile
    ));

    let missing = scratch("missing.pdf");
    let err = helpers.upload_document(missing.clone()).await.unwrap_err();
    assert!(matches!(problem(&err), DocumentProblem::Unreadable(_)));
    assert!(
        err.to_string().contains(&missing.display().to_string()),
        "{err}"
    );
    assert_eq!(mock.stats().total, 0);
}

#[tokio::test]
async fn a_path_upload_is_streamed_from_disk_again_when_retried() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    // Over a megabyte: many chunks of the streamed body.
    let (path, content) = large_pdf("Large Licence.pdf", 1_200_000);
    refuse_the_next_upload_once(&mock, &helpers).await;
    let document = helpers
        .upload_and_associate_document(&profile, path.as_path(), "Licence", "License")
        .await
        .unwrap();
    assert_eq!(mock.count("FI1"), 3, "1 + a refused attempt + its retry");
    assert_eq!(mock.count("PP31"), 1);
    let s3 = document.document_url.unwrap();
    assert_eq!(
        stored_bytes(&mock, &s3).as_deref(),
        Some(content.as_slice())
    );
    let file = mock
        .with_state(|state| state.uploaded_file(&s3).cloned())
        .unwrap();
    assert_eq!(file.original_filename.as_deref(), Some("Large Licence.pdf"));
    assert_eq!(file.content_type, "application/pdf");
    // The retried request carried the same form as any upload would.
    let upload = mock.last_request("FI1").unwrap();
    let body = String::from_utf8_lossy(&upload.body);
    assert!(
        body.contains("name=\"file\"; filename=\"Large Licence.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7"),
        "{}",
        &body[..300]
    );
}

#[tokio::test]
async fn a_failed_link_keeps_the_upload_and_associate_document_finishes_it() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    // The link is a POST: a 503 is not retried.
    failing(&mock, &["PP31"], 503);
    let err = helpers
        .upload_and_associate_document(
            &profile,
            DocumentFile::from_bytes("cv.pdf", PDF),
            "CV",
            "CV",
        )
        .await
        .unwrap_err();
    let s3 = err.uploaded_s3_url().cloned().unwrap();
    assert!(
        matches!(&err, HelperError::AssociationFailed { source, .. } if source.status() == Some(503)),
        "{err:?}"
    );
    assert!(err.to_string().contains(s3.as_str()), "{err}");
    assert_eq!(stored_bytes(&mock, s3.as_str()).as_deref(), Some(PDF));
    assert_eq!(mock.count("FI1"), 1);
    assert_eq!(mock.count("PP31"), 1);

    mock.set_faults(assured_mock::Faults::none());
    let document = helpers
        .associate_document(&profile, &s3, "CV", "CV")
        .await
        .unwrap();
    assert_eq!(document.document_url.as_deref(), Some(s3.as_str()));
    assert_eq!(mock.count("FI1"), 1);
    assert_eq!(mock.count("PP31"), 2);
}

#[tokio::test]
async fn presign_url_gives_a_download_url_for_an_upload() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let s3 = helpers
        .upload_document(DocumentFile::from_bytes(
            "id.jpeg",
            b"\xFF\xD8\xFF\xE0 jpeg".to_vec(),
        ))
        .await
        .unwrap();
    let url = helpers.presign_url(&s3).await.unwrap();
    assert!(url.starts_with(mock.base_url()), "{url}");
    assert_eq!(mock.last_body("FI2").unwrap()["s3_url"], s3.as_str());
    let unknown: S3Url = "s3://mock-assured-media/provider-documents/none.pdf"
        .parse()
        .unwrap();
    let err = helpers.presign_url(&unknown).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
    assert_eq!(mock.count("US5"), 1);
}

#[tokio::test]
async fn upload_progress_counts_every_byte_sent_and_starts_again_on_a_retry() {
    use std::sync::{Arc, Mutex};

    use assured_core::transport::{Transferred, UploadProgress};

    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    let (path, _) = large_pdf("Scan.pdf", 1_000_000);
    refuse_the_next_upload_once(&mock, &helpers).await;
    let steps: Arc<Mutex<Vec<Transferred>>> = Arc::default();
    let seen = Arc::clone(&steps);
    let progress = UploadProgress::new(move |step| seen.lock().unwrap().push(step));
    helpers
        .upload_and_associate_document_with_progress(
            &profile,
            path.as_path(),
            "Licence",
            "License",
            progress.clone(),
        )
        .await
        .unwrap();
    assert_eq!(mock.count("FI1"), 3, "1 + a refused attempt + its retry");
    assert_eq!(progress.attempts(), 2);

    let steps = steps.lock().unwrap().clone();
    let sent_len = mock.last_request("FI1").unwrap().body.len() as u64;
    assert!(steps.iter().all(|step| step.total == sent_len), "{steps:?}");
    let retry: Vec<u64> = steps
        .iter()
        .filter(|step| step.attempt == 2)
        .map(|step| step.sent)
        .collect();
    // From 0, in steps of at most 64 KiB, to the last byte the server got.
    assert_eq!(retry.first(), Some(&0));
    assert_eq!(retry.last(), Some(&sent_len));
    assert!(
        retry
            .windows(2)
            .all(|pair| pair[0] < pair[1] && pair[1] - pair[0] <= 64 * 1024),
        "{retry:?}"
    );
    assert!(retry.len() as u64 > sent_len / (64 * 1024), "{retry:?}");
    // The first attempt reported from 0 as well, before the 429 came.
    assert_eq!(
        steps.first().map(|step| (step.attempt, step.sent)),
        Some((1, 0))
    );
}
