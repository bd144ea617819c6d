//! `assured docs upload`, `associate` and `presign`.

mod common;

use std::path::PathBuf;

use assured_mock::Faults;
use common::{Mock, text};
use serde_json::Value;

fn pdf(mock: &Mock) -> PathBuf {
    let path = mock.dir().join("license.pdf");
    std::fs::write(
        &path,
        b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
    )
    .unwrap();
    path
}

#[test]
fn upload_links_the_file_to_the_provider() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    let file = pdf(&mock);
    let out = mock
        .cmd()
        .args(["docs", "upload", &profile])
        .arg(&file)
        .args([
            "--name",
            "State Medical License",
            "--type",
            "License",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let document: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(document["document_name"], "State Medical License");
    assert_eq!(document["provider"], Value::String(profile));
    let url = document["document_url"].as_str().unwrap();
    assert!(url.starts_with("s3://"), "{url}");
    assert_eq!((mock.count("FI1"), mock.count("PP31")), (1, 1));
    let stored = mock
        .server
        .with_state(|state| state.uploaded_file(url).map(|f| f.bytes.clone()));
    assert_eq!(stored, Some(std::fs::read(&file).unwrap()));
}

#[test]
fn a_file_that_is_not_a_document_is_refused_before_any_request() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    let fake = mock.dir().join("scan.pdf");
    std::fs::write(&fake, b"just text, not a PDF").unwrap();
    let missing = mock.dir().join("missing.pdf");
    for file in [&fake, &missing] {
        let out = mock
            .cmd()
            .args(["docs", "upload", &profile])
            .arg(file)
            .args(["--name", "License", "--type", "License"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    }
    let out = mock
        .cmd()
        .args(["docs", "upload", &profile])
        .arg(pdf(&mock))
        .args(["--name", " ", "--type", "License"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    assert_eq!(mock.total(), 0);
}

#[test]
fn a_failed_link_prints_the_command_that_finishes_it() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    mock.server.set_faults(Faults {
        server_error_every: Some(1),
        server_error_status: 500,
        only_endpoints: vec!["PP31".to_owned()],
        ..Faults::none()
    });
    let out = mock
        .cmd()
        .args(["docs", "upload", &profile])
        .arg(pdf(&mock))
        .args(["--name", "State Medical License", "--type", "License"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let finish = stderr
        .lines()
        .find_map(|line| line.strip_prefix("finish with: "))
        .unwrap_or_else(|| panic!("no finishing command in {stderr}"));
    let s3_url = mock.server.with_state(|state| {
        let urls: Vec<String> = state
            .uploaded_files()
            .map(|(url, _)| url.to_owned())
            .collect();
        assert_eq!(urls.len(), 1);
        urls[0].clone()
    });
    assert_eq!(
        finish,
        format!(
            "assured docs associate {profile} {s3_url} --name 'State Medical License' --type License"
        )
    );
    assert!(
        stderr.contains(&format!("uploaded to {s3_url}")),
        "{stderr}"
    );

    // The printed command finishes the job, without uploading again.
    mock.server.set_faults(Faults::none());
    let out = mock
        .cmd()
        .args(["docs", "associate", &profile, &s3_url])
        .args([
            "--name",
            "State Medical License",
            "--type",
            "License",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let document: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(document["document_url"], Value::String(s3_url));
    assert_eq!(mock.count("FI1"), 1, "uploaded once");
}

#[test]
fn presign_prints_a_download_url() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    let out = mock
        .cmd()
        .args(["docs", "upload", &profile])
        .arg(pdf(&mock))
        .args(["--name", "License", "--type", "License", "--format", "json"])
        .output()
        .unwrap();
    let document: Value = serde_json::from_slice(&out.stdout).unwrap();
    let s3_url = document["document_url"].as_str().unwrap();
    let out = mock
        .cmd()
        .args(["docs", "presign", s3_url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let url = text(&out.stdout);
    assert!(url.starts_with("http"), "{url}");
    assert_eq!(url.lines().count(), 1);
    assert_eq!(mock.count("FI2"), 1);

    let out = mock
        .cmd()
        .args(["docs", "presign", "https://example.invalid/x.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(mock.count("FI2"), 1, "a bad URL sends nothing");
}
