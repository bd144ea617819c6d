#![allow(missing_docs)]
//! The catalog against the vendor spec and `ENDPOINTS.md` (the same check as
//! `cargo xtask spec-coverage`), plus the parsers and the comparison on
//! small inline inputs.

use std::collections::BTreeMap;

use xtask::repo_root;
use xtask::spec_coverage::{
    CatalogEntry, ENDPOINTS_FILE, EndpointRow, EntryOrigin, Operation, SPEC_FILE, catalog_entries,
    check_repository, compare, origin_label_of_cell, parse_endpoint_rows, parse_spec_operations,
};

fn read(relative: &str) -> String {
    let path = repo_root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn rows() -> Vec<EndpointRow> {
    parse_endpoint_rows(&read(ENDPOINTS_FILE)).expect("ENDPOINTS.md parses")
}

// ---------------------------------------------------------------------------
// The real files and the real catalog.

#[test]
fn catalog_spec_and_endpoints_md_agree() {
    let report = check_repository(&repo_root()).expect("reference files readable");
    assert!(
        report.is_clean(),
        "{} mismatch(es):\n{report}",
        report.mismatches()
    );
}

#[test]
fn every_endpoints_row_is_in_the_catalog_with_its_key_method_and_path() {
    let rows = rows();
    let catalog: BTreeMap<String, CatalogEntry> = catalog_entries()
        .into_iter()
        .map(|entry| (entry.key.clone(), entry))
        .collect();
    let problems: Vec<String> = rows
        .iter()
        .filter_map(|row| match catalog.get(&row.key) {
            None => Some(format!(
                "{} {} is not in the catalog",
                row.key, row.operation
            )),
            Some(entry) if entry.operation != row.operation => Some(format!(
                "{}: ENDPOINTS.md {} vs catalog {}",
                row.key, row.operation, entry.operation
            )),
            Some(_) => None,
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} row(s) differ:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn catalog_has_exactly_one_entry_per_endpoints_row() {
    let rows = rows();
    let catalog = catalog_entries();
    assert_eq!(
        catalog.len(),
        rows.len(),
        "catalog entries vs ENDPOINTS.md rows"
    );
}

#[test]
fn endpoints_md_row_count_matches_its_own_counts_section() {
    let text = read(ENDPOINTS_FILE);
    let line = text
        .lines()
        .find(|line| line.contains("Rows in this document:"))
        .expect("ENDPOINTS.md has a Counts section");
    let stated: usize = line
        .split("**")
        .nth(1)
        .and_then(|number| number.trim().parse().ok())
        .unwrap_or_else(|| panic!("no **count** in {line:?}"));
    assert_eq!(rows().len(), stated);
}

#[test]
fn documented_catalog_entries_are_exactly_the_spec_operations() {
    let report = check_repository(&repo_root()).expect("reference files readable");
    let spec = parse_spec_operations(&read(SPEC_FILE)).expect("spec parses");
    assert_eq!(report.spec_operations, spec.len());
    assert_eq!(
        report.catalog_in_spec, report.spec_operations,
        "catalog entries found in the spec vs spec operations\n{report}"
    );
    assert_eq!(
        report.documented.len() + report.auth_differs.len() + report.dead.len(),
        report.catalog_in_spec,
        "entries marked documented vs entries in the spec\n{report}"
    );
    assert_eq!(
        report.undocumented.len() + report.replacements.len(),
        report.catalog_entries - report.catalog_in_spec,
        "entries marked undocumented vs entries not in the spec\n{report}"
    );
}

// ---------------------------------------------------------------------------
// The parsers on inline inputs.

const SMALL_SPEC: &str = r#"{
  "openapi": "3.1.1",
  "paths": {
    "/api/v1/things/": {
      "parameters": [],
      "summary": "not an operation",
      "get": {"responses": {}},
      "post": {"responses": {}}
    },
    "/api/v1/things/{thing_id}/": {
      "PATCH": {"responses": {}}
    }
  }
}"#;

#[test]
fn spec_parser_lists_methods_and_ignores_other_keys() {
    let operations = parse_spec_operations(SMALL_SPEC).unwrap();
    assert_eq!(
        operations,
        vec![
            Operation::new("GET", "/api/v1/things/"),
            Operation::new("PATCH", "/api/v1/things/{thing_id}/"),
            Operation::new("POST", "/api/v1/things/"),
        ]
    );
}

#[test]
fn spec_parser_rejects_documents_without_paths() {
    assert!(parse_spec_operations("{}").is_err());
    assert!(parse_spec_operations("not json").is_err());
    assert!(parse_spec_operations(r#"{"paths": {"/a/": 3}}"#).is_err());
}

const SMALL_TABLE: &str = "\
# Title

| # | Method | Path | Auth | Notes |
|---|---|---|---|---|
| TH1 | GET | `/api/v1/things/` | api-key | a \\| b |
| TH2 | PATCH | `/api/v1/things/{id}/` | api-key | — |

Some prose | with a pipe.

| Field | Type |
|---|---|
| name | string |
| AB12 | POST | `/api/v1/other/` |
";

#[test]
fn endpoints_parser_reads_key_method_and_path_rows_only() {
    let rows = parse_endpoint_rows(SMALL_TABLE).unwrap();
    let got: Vec<(&str, String, usize)> = rows
        .iter()
        .map(|row| (row.key.as_str(), row.operation.to_string(), row.line))
        .collect();
    assert_eq!(
        got,
        vec![
            ("TH1", "GET /api/v1/things/".to_owned(), 5),
            ("TH2", "PATCH /api/v1/things/{id}/".to_owned(), 6),
            ("AB12", "POST /api/v1/other/".to_owned(), 13),
        ]
    );
}

#[test]
fn endpoints_parser_reads_the_origin_column() {
    let table = "| X1 | GET | `/x/` | api-key | yes | **none** | — | — | `X` | undocumented † | notes \\| more |\n";
    let rows = parse_endpoint_rows(table).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].origin.as_deref(), Some("undocumented †"));
}

#[test]
fn origin_cells_map_to_catalog_origins() {
    for (cell, label) in [
        ("spec", Some("Spec")),
        ("spec (auth differs)", Some("SpecAuthDiffers")),
        ("spec path differs †", Some("ReplacesDead")),
        ("spec-only, not called (DEAD)", Some("Dead")),
        (
            "spec-only, not called (DEAD; replaced by provider-employment-v1)",
            Some("Dead"),
        ),
        ("undocumented", Some("Undocumented")),
        ("undocumented ‡", Some("Undocumented")),
        (
            "undocumented in bundled spec; NOT called by client",
            Some("Undocumented"),
        ),
        ("maybe", None),
    ] {
        assert_eq!(origin_label_of_cell(cell), label, "{cell}");
    }
}

#[test]
fn endpoints_parser_rejects_malformed_key_rows() {
    let bad_method = "| TH1 | FETCH | `/api/v1/things/` |\n";
    let err = parse_endpoint_rows(bad_method).unwrap_err();
    assert!(err.0.contains("line 1") && err.0.contains("TH1"), "{err}");

    let bare_path = "| TH1 | GET | /api/v1/things/ |\n| TH2 | get | `/x/` |\n";
    let err = parse_endpoint_rows(bare_path).unwrap_err();
    assert!(err.0.contains("TH1") && err.0.contains("TH2"), "{err}");
}

// ---------------------------------------------------------------------------
// The comparison on inline data.

fn entry(key: &str, method: &str, path: &str, origin: EntryOrigin) -> CatalogEntry {
    CatalogEntry {
        key: key.to_owned(),
        name: format!("Endpoint{key}"),
        operation: Operation::new(method, path),
        origin,
    }
}

fn row(key: &str, method: &str, path: &str) -> EndpointRow {
    EndpointRow {
        key: key.to_owned(),
        operation: Operation::new(method, path),
        line: 1,
        origin: None,
    }
}

#[test]
fn comparison_accepts_a_consistent_catalog() {
    let spec = vec![
        Operation::new("GET", "/old/"),
        Operation::new("GET", "/things/{thing_id}/"),
        Operation::new("POST", "/docs/"),
    ];
    let catalog = vec![
        entry(
            "A1",
            "GET",
            "/old/",
            EntryOrigin::Dead {
                reason: "errors".to_owned(),
                replacement: Some("/new/".to_owned()),
            },
        ),
        entry(
            "A2",
            "GET",
            "/new/",
            EntryOrigin::ReplacesDead {
                documented: "/old/".to_owned(),
            },
        ),
        // Placeholder names may differ from the spec's.
        entry("A3", "GET", "/things/{id}/", EntryOrigin::Spec),
        entry(
            "A4",
            "POST",
            "/docs/",
            EntryOrigin::SpecAuthDiffers {
                note: "JWT".to_owned(),
            },
        ),
        entry("A5", "DELETE", "/things/{id}/", EntryOrigin::Undocumented),
    ];
    let rows: Vec<EndpointRow> = catalog
        .iter()
        .map(|e| row(&e.key, &e.operation.method, &e.operation.path))
        .collect();
    let report = compare(&spec, &rows, &catalog);
    assert!(report.is_clean(), "{report}");
    assert_eq!(
        (
            report.spec_operations,
            report.catalog_entries,
            report.endpoint_rows
        ),
        (3, 5, 5)
    );
    assert_eq!(report.catalog_in_spec, 3);
    assert_eq!(report.documented, vec!["A3".to_owned()]);
    assert_eq!(report.auth_differs.len(), 1);
    assert_eq!(report.dead.len(), 1);
    assert_eq!(report.replacements.len(), 1);
    assert_eq!(report.undocumented.len(), 1);
    assert!(report.to_string().contains("result: OK"));
}

#[test]
fn comparison_reports_every_kind_of_mismatch() {
    let spec = vec![
        Operation::new("GET", "/documented/"),
        Operation::new("GET", "/missing/"),
        Operation::new("POST", "/documented/"),
    ];
    let catalog = vec![
        // Undocumented, yet in the spec.
        entry("B1", "GET", "/documented/", EntryOrigin::Undocumented),
        // Marked Spec, yet absent.
        entry("B2", "GET", "/invented/", EntryOrigin::Spec),
        // Replaces a path that is neither in the spec nor dead in the catalog.
        entry(
            "B3",
            "GET",
            "/replacement/",
            EntryOrigin::ReplacesDead {
                documented: "/nowhere/".to_owned(),
            },
        ),
        // Dead, pointing at a replacement the catalog lacks.
        entry(
            "B4",
            "POST",
            "/documented/",
            EntryOrigin::Dead {
                reason: "gone".to_owned(),
                replacement: Some("/elsewhere/".to_owned()),
            },
        ),
        // Duplicate key; no ENDPOINTS.md row for B9.
        entry("B4", "PUT", "/other/", EntryOrigin::Undocumented),
        entry("B9", "GET", "/unlisted/", EntryOrigin::Undocumented),
    ];
    let rows = vec![
        row("B1", "GET", "/documented/"),
        row("B2", "POST", "/invented/"), // method differs
        row("B3", "GET", "/replacement/"),
        row("B4", "POST", "/documented/"),
        row("B7", "GET", "/missing/"), // not in the catalog
    ];
    let report = compare(&spec, &rows, &catalog);

    assert_eq!(
        report.missing_from_catalog,
        vec![Operation::new("GET", "/missing/")]
    );
    let contradicting: Vec<&str> = report
        .origin_contradictions
        .iter()
        .map(|item| item.key.as_str())
        .collect();
    assert_eq!(contradicting, vec!["B1", "B2"]);
    assert_eq!(report.rows_missing_from_catalog.len(), 1);
    assert_eq!(report.rows_missing_from_catalog[0].key, "B7");
    assert_eq!(report.rows_differing.len(), 1);
    assert_eq!(report.rows_differing[0].key, "B2");
    assert_eq!(report.catalog_not_in_rows.len(), 1);
    assert_eq!(report.catalog_not_in_rows[0].key, "B9");
    let inconsistencies = report.inconsistencies.join("\n");
    for expected in [
        "catalog key B4 is used twice",
        "B3 replaces GET /nowhere/, which the spec does not document",
        "B3 replaces GET /nowhere/, which is not in the catalog",
        "B4's replacement POST /elsewhere/ is not in the catalog",
    ] {
        assert!(
            inconsistencies.contains(expected),
            "missing {expected:?} in:\n{inconsistencies}"
        );
    }
    assert_eq!(report.inconsistencies.len(), 4, "{inconsistencies}");
    assert_eq!(report.mismatches(), 1 + 2 + 1 + 1 + 1 + 4);
    assert!(!report.is_clean());
    assert!(report.to_string().contains("result: 10 mismatch(es)"));
}

#[test]
fn comparison_checks_the_origin_column_and_reasons() {
    let spec = vec![Operation::new("GET", "/a/"), Operation::new("GET", "/b/")];
    let catalog = vec![
        entry("D1", "GET", "/a/", EntryOrigin::Spec),
        entry(
            "D2",
            "GET",
            "/b/",
            EntryOrigin::Dead {
                reason: " ".to_owned(),
                replacement: None,
            },
        ),
        entry("D3", "GET", "/c/", EntryOrigin::Undocumented),
    ];
    let with_origin = |key: &str, path: &str, origin: &str| EndpointRow {
        origin: Some(origin.to_owned()),
        ..row(key, "GET", path)
    };
    let rows = vec![
        with_origin("D1", "/a/", "spec (auth differs)"),
        with_origin("D2", "/b/", "spec-only, not called (DEAD)"),
        with_origin("D3", "/c/", "who knows"),
    ];
    let report = compare(&spec, &rows, &catalog);
    let keys: Vec<&str> = report
        .origin_column_differs
        .iter()
        .map(|item| item.key.as_str())
        .collect();
    assert_eq!(keys, vec!["D1", "D3"], "{report}");
    assert_eq!(
        report.inconsistencies,
        vec!["D2 is Dead with an empty reason".to_owned()]
    );
    assert_eq!(report.mismatches(), 3);
}

#[test]
fn comparison_flags_duplicate_operations_and_rows() {
    let catalog = vec![
        entry("C1", "GET", "/x/{a}/", EntryOrigin::Undocumented),
        entry("C2", "GET", "/x/{b}/", EntryOrigin::Undocumented),
    ];
    let rows = vec![
        row("C1", "GET", "/x/{a}/"),
        row("C1", "GET", "/x/{b}/"),
        row("C2", "GET", "/x/{b}/"),
    ];
    let report = compare(&[], &rows, &catalog);
    let text = report.inconsistencies.join("\n");
    assert!(
        text.contains("catalog entries C1 and C2 are both GET /x/{b}/"),
        "{text}"
    );
    assert!(text.contains("ENDPOINTS.md key C1 is used twice"), "{text}");
    assert!(
        text.contains("ENDPOINTS.md rows C1 and C2 are both GET /x/{b}/"),
        "{text}"
    );
}
