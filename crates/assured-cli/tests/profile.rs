//! `assured profile get` and `assured profile set` (fetch-merge-patch,
//! with old → new shown and a confirmation).

mod common;

use common::{Mock, text};
use serde_json::Value;

#[test]
fn get_prints_the_personal_info() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(0);
    let out = mock
        .cmd()
        .args(["profile", "get", &profile, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["id"], Value::String(profile.clone()));
    assert_eq!(mock.count("PP1"), 1);
    let out = mock
        .cmd()
        .args([
            "profile",
            "get",
            &profile,
            "--columns",
            "id,first_name,last_name,us_citizen",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Seeded data: the same seed gives the same ids.
    insta::assert_snapshot!(text(&out.stdout));
}

#[test]
fn set_shows_old_and_new_and_patches_the_whole_record() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(1);
    let out = mock
        .cmd()
        .args([
            "profile",
            "set",
            &profile,
            "first_name=Ann",
            "middle_name=",
            "--yes",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    insta::assert_snapshot!(
        "set_stderr",
        text(&out.stderr).replace(&profile, "PROFILE_ID")
    );
    insta::assert_snapshot!("set_stdout", text(&out.stdout));
    let body = mock.server.last_body("PP2").unwrap();
    assert_eq!(body["first_name"], "Ann");
    assert_eq!(body["middle_name"], Value::Null);
    assert!(
        body.get("last_name").is_some(),
        "the whole record is sent: {body}"
    );
    // One GET to show the old values, the helper's GET and its PATCH.
    assert_eq!((mock.count("PP1"), mock.count("PP2")), (2, 1));
    let stored = mock
        .server
        .with_state(|state| state.personal_info(&profile).unwrap());
    assert_eq!(stored["first_name"], "Ann");
}

#[test]
fn set_without_yes_and_without_a_terminal_changes_nothing() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(1);
    let out = mock
        .cmd()
        .args(["profile", "set", &profile, "first_name=Ann"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("pass --yes"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(mock.count("PP2"), 0, "no PATCH");
}

#[test]
fn an_unknown_field_is_refused_before_any_request() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(1);
    let out = mock
        .cmd()
        .args(["profile", "set", &profile, "frist_name=Ann", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(text(&out.stderr));
    let out = mock
        .cmd()
        .args(["profile", "set", &profile, "us_citizen=perhaps", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: us_citizen=perhaps: expected true or false\n"
    );
    assert_eq!(mock.total(), 0);
}

#[test]
fn set_takes_typed_values_and_prints_the_columns_they_flatten_to() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(2);
    let out = mock
        .cmd()
        .args(["profile", "set", &profile, "--yes", "--format", "csv"])
        .args([
            "languages=English, Spanish",
            r#"credentialing_readiness_info={"ready":true}"#,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let body = mock.server.last_body("PP2").unwrap();
    assert_eq!(body["languages"], serde_json::json!(["English", "Spanish"]));
    assert_eq!(
        body["credentialing_readiness_info"],
        serde_json::json!({"ready": true})
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, ["languages", "credentialing_readiness_info.ready"]);
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[0], r#"["English","Spanish"]"#);
    assert_eq!(&row[1], "true");
}

#[test]
fn a_bad_column_is_refused_before_the_write() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(2);
    let out = mock
        .cmd()
        .args([
            "profile",
            "set",
            &profile,
            "first_name=Ann",
            "--yes",
            "--columns",
            "frist_name",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(mock.count("PP2"), 0);
}
