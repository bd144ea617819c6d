//! One exit code per kind of error, documented in `--help`; configuration
//! from the environment, a `.env` file or the flags.

mod common;

use assured_mock::Faults;
use common::{Mock, bare_cmd, text};

#[test]
fn help_documents_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path()).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = text(&out.stdout);
    let table = &help[help.find("Exit codes:").expect("an exit-code table")..];
    insta::assert_snapshot!(table);
}

#[test]
fn help_names_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path()).arg("help").output().unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(text(&out.stdout));
}

#[test]
fn usage_errors_exit_2() {
    let mock = Mock::with_providers(1);
    for args in [
        &["providers", "lst"][..],
        &["providers", "list", "--format", "xml"],
    ] {
        let out = mock.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert_eq!(mock.total(), 0);
}

#[test]
fn a_missing_variable_is_named_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args(["providers", "list"])
        .env("ASSURED_BASE_URL", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("ASSURED_API_KEY"),
        "{}",
        text(&out.stderr)
    );
    let out = bare_cmd(dir.path())
        .args(["providers", "list", "--base-url", "ftp://nowhere"])
        .env("ASSURED_API_KEY", "k")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("ASSURED_BASE_URL"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn settings_come_from_a_dotenv_file_and_flags_override_them() {
    let mock = Mock::with_providers(2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".env"),
        format!(
            "ASSURED_BASE_URL=http://127.0.0.1:9\nASSURED_API_KEY={}\n",
            mock.server.api_key()
        ),
    )
    .unwrap();
    // The file's base URL is closed; the flag points at the mock.
    let out = bare_cmd(dir.path())
        .args([
            "providers",
            "list",
            "--format",
            "ndjson",
            "--base-url",
            mock.server.base_url(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    assert_eq!(mock.count("PV1"), 1);
}

#[test]
fn a_refused_api_key_exits_4_without_printing_it() {
    let mock = Mock::with_providers(1);
    let out = mock
        .cmd()
        .env("ASSURED_API_KEY", "wrong-key-4242")
        .args(["providers", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(!text(&out.stderr).contains("wrong-key-4242"));
}

#[test]
fn an_unknown_profile_exits_5() {
    let mock = Mock::with_providers(1);
    let out = mock
        .cmd()
        .args(["profile", "get", "00000000-0000-4000-8000-000000000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
}

#[test]
fn rate_limited_exits_7_and_a_server_error_8() {
    let mock = Mock::with_providers(1);
    mock.server.set_faults(Faults {
        rate_limit_every: Some(1),
        retry_after_secs: 0,
        ..Faults::none()
    });
    let out = mock.cmd().args(["providers", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    mock.server.set_faults(Faults {
        server_error_every: Some(1),
        server_error_status: 500,
        ..Faults::none()
    });
    let out = mock.cmd().args(["providers", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("HTTP 500"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_unreachable_server_exits_9() {
    let dir = tempfile::tempdir().unwrap();
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = bare_cmd(dir.path())
        .env("ASSURED_BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("ASSURED_API_KEY", "k")
        .args(["providers", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9), "{}", text(&out.stderr));
}
