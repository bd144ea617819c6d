//! The binary: clap-generated help, credentials from `ASSURED_MOCK_*`
//! variables, and the `--verbose` request log.
#![allow(missing_docs)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use assured_models::catalog::{Endpoint, ListProviders};

const BINARY: &str = env!("CARGO_BIN_EXE_assured-mock");

/// Stops the server this test started, even when an assertion fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn help_is_generated_from_the_flags() {
    let output = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in [
        "--providers",
        "--rate-limit-rps",
        "--rate-limit-burst",
        "--only-endpoints",
        "--verbose",
    ] {
        assert!(help.contains(flag), "{flag} missing:\n{help}");
    }
    let bad = Command::new(BINARY).arg("--bogus").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[tokio::test]
async fn credentials_come_from_the_environment_and_verbose_logs_each_request() {
    let mut child = Running(
        Command::new(BINARY)
            .args(["--providers", "5", "--verbose"])
            .env("ASSURED_MOCK_API_KEY", "key-from-env")
            .env("ASSURED_MOCK_USER_PASSWORD", "pass-from-env")
            .env_remove("ASSURED_MOCK_USER_EMAIL")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut stdout = BufReader::new(child.0.stdout.take().unwrap());
    let mut printed = Vec::new();
    let mut line = String::new();
    while stdout.read_line(&mut line).unwrap() > 0 {
        printed.push(line.trim_end().to_owned());
        line.clear();
        if printed
            .last()
            .is_some_and(|l| l.starts_with("ASSURED_PASS="))
        {
            break;
        }
    }
    let value = |name: &str| {
        printed
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} not printed: {printed:?}"))
            .to_owned()
    };
    assert_eq!(value("ASSURED_API_KEY"), "key-from-env");
    assert_eq!(value("ASSURED_PASS"), "pass-from-env");
    let base = value("ASSURED_BASE_URL");
    let path = ListProviders::DESCRIPTOR.path;

    let response = common::client()
        .get(format!("{base}{path}"))
        .header("x-api-key", "key-from-env")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page: serde_json::Value = response.json().await.unwrap();
    assert_eq!(page["count"], 5);

    let mut stderr = child.0.stderr.take().unwrap();
    drop(child);
    let mut log = String::new();
    stderr.read_to_string(&mut log).unwrap();
    let lines: Vec<_> = log.lines().filter(|l| l.contains(path)).collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(lines[0].starts_with("PV1 "), "{log}");
    assert!(
        lines[0].contains(&format!("GET    {path} -> 200 in ")),
        "{log}"
    );
    assert!(!log.contains("key-from-env"), "{log}");
}
