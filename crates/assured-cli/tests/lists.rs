//! `assured <noun> list` against the mock: pages, `--all`, filters, the
//! formats, and CSV that a CSV parser reads back to the listing's rows.

mod common;

use common::{Mock, text};
use serde_json::Value;

#[test]
fn one_page_as_a_table_with_chosen_columns() {
    let mock = Mock::with_providers(12);
    let out = mock
        .cmd()
        .args(["providers", "list", "--limit", "3"])
        .args(["--columns", "npi,first_name,last_name,is_active"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    insta::assert_snapshot!(text(&out.stdout));
    assert_eq!(text(&out.stderr), "3 of 12 records (--all for every one)\n");
    assert_eq!(mock.count("PV1"), 1);
}

#[test]
fn all_records_as_csv_read_back_to_the_same_rows() {
    let mock = Mock::with_providers(23);
    let csv_out = mock
        .cmd()
        .args([
            "providers",
            "list",
            "--all",
            "--limit",
            "5",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(csv_out.status.success(), "{}", text(&csv_out.stderr));
    // No progress bar drawn: stderr is not a terminal.
    assert_eq!(text(&csv_out.stderr), "");
    // 23 records in pages of 5.
    assert_eq!(mock.count("PV1"), 5);
    let json_out = mock
        .cmd()
        .args(["providers", "list", "--all", "--format", "ndjson"])
        .output()
        .unwrap();
    let records: Vec<Value> = text(&json_out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 23);

    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&header[..3], ["id", "email", "first_name"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), records.len());
    for (row, record) in rows.iter().zip(&records) {
        for (name, cell) in header.iter().zip(row.iter()) {
            match &record[name.as_str()] {
                Value::Null => assert_eq!(cell, "", "column {name}"),
                Value::String(text) => assert_eq!(cell, text, "column {name}"),
                Value::Number(number) => {
                    let read: f64 = cell.parse().unwrap();
                    assert_eq!(Some(read), number.as_f64(), "column {name}");
                }
                other => assert_eq!(cell, other.to_string(), "column {name}"),
            }
        }
    }
}

#[test]
fn json_is_one_array_and_ndjson_one_record_per_line() {
    let mock = Mock::with_providers(4);
    let out = mock
        .cmd()
        .args(["providers", "list", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let array: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array.len(), 4);
    let out = mock
        .cmd()
        .args(["providers", "list", "--format", "ndjson"])
        .output()
        .unwrap();
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines, array);
}

#[test]
fn a_filter_reaches_the_query_and_a_bad_one_sends_nothing() {
    let mock = Mock::with_providers(6);
    let out = mock
        .cmd()
        .args(["providers", "list", "--filter", "is_active=true"])
        .args(["--filter", "search=Garcia", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let query = mock.server.last_request("PV1").unwrap().query.unwrap();
    assert!(query.contains("is_active=true"), "{query}");
    assert!(query.contains("search=Garcia"), "{query}");

    mock.server.reset_stats();
    let out = mock
        .cmd()
        .args(["providers", "list", "--filter", "is_actve=true"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("unknown_filter", text(&out.stderr));
    let out = mock
        .cmd()
        .args(["providers", "list", "--filter", "is_active=maybe"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--filter"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(mock.total(), 0, "refused before any request");
}

#[test]
fn a_generated_listing_takes_its_required_id_as_a_flag() {
    let mock = Mock::with_providers(3);
    let (_, profile, _) = mock.provider(0);
    let out = mock
        .cmd()
        .args([
            "licenses",
            "list",
            "--profile",
            &profile,
            "--all",
            "--format",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let query = mock.server.last_request("PP8").unwrap().query.unwrap();
    assert!(query.contains(&format!("provider={profile}")), "{query}");
    let listed: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert!(!listed.is_empty(), "the seeded provider has licenses");
    assert!(
        listed
            .iter()
            .all(|license| license["id"].is_string() || license["id"].is_number())
    );
    // The flag is required.
    let out = mock.cmd().args(["licenses", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--profile <PROFILE_ID>"));
}

#[test]
fn an_unknown_column_is_refused_with_the_closest_names() {
    let mock = Mock::with_providers(2);
    let out = mock
        .cmd()
        .args(["providers", "list", "--columns", "npi,frist_name"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(text(&out.stderr));
    let out = mock
        .cmd()
        .args(["providers", "list", "--columns", "npi", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn credentials_are_left_out_of_every_format() {
    let mock = Mock::with_providers(1);
    mock.with_client(async |client| {
        client
            .providers()
            .request_caqh_import(assured::models::CaqhImportRequestCreate::new(
                "dr.rosa",
                "caqh-secret-9z",
                "Rosa Yilmaz",
                "Rosa Yilmaz",
            ))
            .await
            .unwrap();
    });
    for format in ["table", "csv", "json", "ndjson"] {
        let out = mock
            .cmd()
            .args(["providers-caqh-import-requests", "list", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("dr.rosa"), "{format}: {stdout}");
        assert!(
            !stdout.contains("caqh-secret-9z") && !stdout.contains("caqh_password"),
            "{format}: {stdout}"
        );
    }
}
