//! `assured providers npi` and `assured providers profile-id`.

mod common;

use common::{Mock, text};
use serde_json::Value;

fn ids(stdout: &[u8], field: &str) -> Vec<String> {
    text(stdout)
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()[field]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn many_npis_take_one_index_refresh() {
    let mock = Mock::with_providers(40);
    let (account_a, _, npi_a) = mock.provider(3);
    let (account_b, _, npi_b) = mock.provider(17);
    let (account_c, _, npi_c) = mock.provider(39);

    let out = mock
        .cmd()
        .args(["providers", "npi", &npi_a, "--format", "ndjson"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let one_refresh = mock.count("PV1");
    assert!(one_refresh >= 1);

    mock.server.reset_stats();
    let out = mock
        .cmd()
        .args([
            "providers",
            "npi",
            &npi_a,
            &npi_b,
            &npi_c,
            "--format",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(ids(&out.stdout, "id"), [account_a, account_b, account_c]);
    assert_eq!(mock.count("PV1"), one_refresh, "one refresh for three NPIs");
    assert_eq!(mock.total(), one_refresh);
}

#[test]
fn an_invalid_npi_is_refused_before_any_request() {
    let mock = Mock::with_providers(5);
    let out = mock
        .cmd()
        .args(["providers", "npi", "1234567890"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(text(&out.stderr));
    assert_eq!(mock.total(), 0);
}

#[test]
fn an_npi_nobody_has_is_not_found_after_the_others_print() {
    let mock = Mock::with_providers(5);
    let (account, _, npi) = mock.provider(1);
    let out = mock
        .cmd()
        .args(["providers", "npi", &npi, "1234567893", "--format", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(ids(&out.stdout, "id"), [account]);
    assert_eq!(text(&out.stderr), "error: no provider has NPI 1234567893\n");
}

#[test]
fn profile_ids_of_many_accounts_in_one_request() {
    let mock = Mock::with_providers(30);
    let wanted: Vec<(String, String, String)> =
        [2, 11, 29].into_iter().map(|i| mock.provider(i)).collect();
    let out = mock
        .cmd()
        .args(["providers", "profile-id"])
        .args(wanted.iter().map(|(account, _, _)| account))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(reader.headers().unwrap(), vec!["account_id", "profile_id"]);
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            (row[0].to_owned(), row[1].to_owned())
        })
        .collect();
    let expected: Vec<(String, String)> = wanted
        .into_iter()
        .map(|(account, profile, _)| (account, profile))
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(mock.count("PV1"), 1);
    assert_eq!(mock.total(), 1);
}

#[test]
fn an_unknown_account_is_not_found() {
    let mock = Mock::with_providers(3);
    let out = mock
        .cmd()
        .args([
            "providers",
            "profile-id",
            "00000000-0000-4000-8000-000000000000",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("00000000-0000-4000-8000-000000000000"));
}

#[test]
fn no_check_digit_accepts_an_npi_that_fails_it() {
    let mock = Mock::with_providers(3);
    let out = mock
        .cmd()
        .args(["providers", "npi", "1234567890", "--no-check-digit"])
        .output()
        .unwrap();
    // Accepted and looked up (nobody has it), not refused.
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(mock.count("PV1") >= 1);
    let out = mock
        .cmd()
        .args(["providers", "npi", "12345", "--no-check-digit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "ten digits are still required");
}
