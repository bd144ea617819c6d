//! `assured ssn set`: the SSN from stdin, never in the arguments, the
//! output or the errors; the write is checked through the plaintext endpoint.

mod common;

use common::{Mock, text};

const SSN: &str = "123-45-6789";

fn assert_no_ssn(streams: &[&[u8]]) {
    for stream in streams {
        let stream = text(stream);
        for form in ["123-45-6789", "123456789", "123 45 6789"] {
            assert!(!stream.contains(form), "the SSN leaked: {stream}");
        }
    }
}

#[test]
fn set_from_stdin_prints_only_the_masked_form_and_verifies() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    let args = ["ssn", "set", profile.as_str(), "--stdin"];
    assert!(!args.iter().any(|arg| arg.contains("6789")));
    let out = mock
        .cmd()
        .args(args)
        .write_stdin(format!("{SSN}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("SSN of profile {profile} set to ***-**-6789 (verified)\n")
    );
    assert_no_ssn(&[&out.stdout, &out.stderr]);
    assert_eq!(mock.count("PP4"), 1, "one encrypted write");
    assert_eq!(mock.count("PP5"), 1, "one plaintext check");
    let stored = mock.server.with_state(|state| state.ssn(&profile));
    assert_eq!(
        stored.as_deref().map(|s| s.replace('-', "")),
        Some("123456789".to_owned())
    );
}

#[test]
fn an_invalid_ssn_is_refused_without_repeating_it() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    let out = mock
        .cmd()
        .args(["ssn", "set", &profile, "--stdin"])
        .write_stdin("000-45-6789\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert!(!text(&out.stderr).contains("6789"), "{}", text(&out.stderr));
    assert_eq!(mock.total(), 0);
}

#[test]
fn an_ssn_on_the_command_line_is_refused_and_not_echoed() {
    let mock = Mock::with_providers(2);
    let (_, profile, _) = mock.provider(0);
    let out = mock
        .cmd()
        .args(["ssn", "set", &profile, SSN])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_no_ssn(&[&out.stdout, &out.stderr]);
    // Without --stdin and without a terminal there is nobody to ask.
    let out = mock
        .cmd()
        .args(["ssn", "set", &profile])
        .write_stdin(SSN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_no_ssn(&[&out.stdout, &out.stderr]);
    assert_eq!(mock.total(), 0);
}
