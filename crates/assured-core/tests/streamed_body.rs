//! Multipart bodies with file parts on disk: streamed, replayable, checked.
#![allow(missing_docs)]

mod support;

use std::path::PathBuf;

use assured_core::transport::RequestBody;
use assured_core::{Client, Config, MultipartForm, RetryPolicy};
use assured_models::catalog::{Endpoint as _, Login, UploadFile};
use futures_util::TryStreamExt as _;
use serde_json::json;
use support::{Reply, TestServer, login_reply};

fn scratch(name: &str, content: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(uuid::Uuid::new_v4().to_string());
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn content() -> Vec<u8> {
    (0..300_000u32).map(|i| (i % 253) as u8).collect()
}

#[tokio::test]
async fn a_file_part_streams_in_chunks_the_same_bytes_every_time() {
    let path = scratch("scan.pdf", &content());
    let form = MultipartForm::new().text("name", "x.pdf").file_from_path(
        "file",
        "scan.pdf",
        "application/pdf",
        &path,
    );
    let body = form.body().await.unwrap();
    assert!(body.in_memory().is_none(), "the file is not loaded");
    let mut chunks = 0;
    let mut streamed = Vec::new();
    let mut stream = body.stream();
    while let Some(chunk) = stream.try_next().await.unwrap() {
        chunks += 1;
        streamed.extend_from_slice(&chunk);
    }
    assert!(chunks > 4, "{chunks} chunks");
    assert_eq!(streamed.len() as u64, body.len());
    // Again: a fresh stream re-reads the file.
    assert_eq!(body.collect().await.unwrap(), streamed);
    let text = String::from_utf8_lossy(&streamed);
    assert!(
        text.contains(
            "name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
    );
    let start = streamed
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| at + 4)
        .unwrap();
    assert_eq!(&streamed[start..start + 5], b"x.pdf");
    assert!(streamed.windows(64).any(|w| w == &content()[1000..1064]));
    assert!(text.ends_with("--\r\n"));
}

#[tokio::test]
async fn a_file_that_changed_length_fails_the_stream() {
    for (label, changed) in [
        ("grew", [content(), b"more".to_vec()].concat()),
        ("shrank", content()[..1000].to_vec()),
    ] {
        let path = scratch("scan.pdf", &content());
        let body = MultipartForm::new()
            .file_from_path("file", "scan.pdf", "application/pdf", &path)
            .body()
            .await
            .unwrap();
        std::fs::write(&path, changed).unwrap();
        let err = body.collect().await.unwrap_err();
        assert!(err.to_string().contains(label), "{label}: {err}");
    }
}

#[tokio::test]
async fn a_missing_file_is_invalid_input_before_any_request() {
    let server = TestServer::start(|_, _| Reply::json(200, json!({}))).await;
    let client = Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("k")
            .credentials("a@b.c", "pw")
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap(),
    )
    .unwrap();
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-file.pdf");
    let form = MultipartForm::new().file_from_path("file", "a.pdf", "application/pdf", &missing);
    let err = client
        .call_multipart::<UploadFile>(&(), &form)
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(err.to_string().contains("no-such-file.pdf"), "{err}");
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn a_streamed_form_reaches_the_server_whole_with_its_length() {
    let server = TestServer::start(|seen, _| {
        if seen.path == Login::DESCRIPTOR.path {
            return login_reply("header.payload.sig");
        }
        Reply::json(
            201,
            json!({"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "file_url": "s3://bucket/key"}),
        )
    })
    .await;
    let client = Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("k")
            .credentials("a@b.c", "pw")
            .build()
            .unwrap(),
    )
    .unwrap();
    let path = scratch("scan.pdf", &content());
    let form = MultipartForm::new().file_from_path("file", "scan.pdf", "application/pdf", &path);
    let expected = form.body().await.unwrap().collect().await.unwrap();
    client
        .call_multipart::<UploadFile>(&(), &form)
        .await
        .unwrap();
    let upload = server
        .seen()
        .into_iter()
        .find(|s| {
            s.header("content-type")
                .is_some_and(|t| t.starts_with("multipart/"))
        })
        .unwrap();
    assert_eq!(upload.body, expected);
    assert_eq!(
        upload.header("content-length"),
        Some(expected.len().to_string().as_str())
    );
}

#[tokio::test]
async fn bytes_bodies_are_in_memory() {
    let body = RequestBody::from(b"{\"a\":1}".to_vec());
    assert_eq!(body.in_memory().as_deref(), Some(&b"{\"a\":1}"[..]));
    assert!(RequestBody::empty().is_empty());
    let form = MultipartForm::new().file("file", "a.pdf", "application/pdf", b"%PDF".to_vec());
    let body = form.body().await.unwrap();
    assert_eq!(body.in_memory().unwrap().len() as u64, body.len());
}
