//! Listings read as tables (`List::table`), against `assured-mock`: one
//! row per record, columns typed from the models, nested objects flattened
//! into dot-separated columns, lists kept whole, unknown fields inferred.
#![allow(missing_docs)]

mod support;

use assured::models::{ApiDate, Provider};
use assured::table::{Cell, ColumnType, Table, TableError, Tabular};
use serde_json::json;

/// `name: type` of every column, for snapshots.
fn layout(table: &Table) -> Vec<String> {
    table
        .columns()
        .iter()
        .map(|column| {
            let origin = if column.is_declared() {
                ""
            } else {
                " (inferred)"
            };
            format!("{}: {:?}{origin}", column.name(), column.ty())
        })
        .collect()
}

fn cell<'t>(table: &'t Table, row: usize, name: &str) -> &'t Cell {
    let column = table
        .column(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    &table.rows()[row][column]
}

#[tokio::test]
async fn providers_give_one_typed_row_per_provider() {
    let (mock, client) = support::start(23).await;
    let table = client.providers().list().limit(5).table().await.unwrap();
    assert_eq!(table.len(), 23);
    assert_eq!(
        mock.count("PV1"),
        5,
        "five pages of five, streamed into the table"
    );
    insta::assert_debug_snapshot!("provider_columns", layout(&table));

    let records = client.providers().list().all().await.unwrap();
    for (row, record) in records.iter().enumerate() {
        assert_eq!(
            *cell(&table, row, "id"),
            Cell::String(record.id.to_string())
        );
        let npi = record.npi.clone().map_or(Cell::Null, Cell::String);
        assert_eq!(*cell(&table, row, "npi"), npi);
        let active = record.is_active.map_or(Cell::Null, Cell::Bool);
        assert_eq!(*cell(&table, row, "is_active"), active);
    }
}

#[tokio::test]
async fn an_empty_listing_keeps_the_typed_columns() {
    let (mock, client) = support::start(5).await;
    let table = client
        .providers()
        .list()
        .email("nobody@example.invalid")
        .table()
        .await
        .unwrap();
    assert!(table.is_empty());
    assert_eq!(mock.count("PV1"), 1);
    let names: Vec<&str> = table
        .columns()
        .iter()
        .map(assured::table::Column::name)
        .collect();
    let declared: Vec<&str> = Provider::COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(names, declared);
}

#[tokio::test]
async fn licenses_have_date_columns() {
    let (_mock, client) = support::start(3).await;
    let providers = client.providers().list().all().await.unwrap();
    let profile = providers[0].provider_profile_id.unwrap();
    let records = client
        .provider_profile()
        .list_licenses(&profile)
        .all()
        .await
        .unwrap();
    assert!(!records.is_empty(), "the mock seeds licenses");
    let table = client
        .provider_profile()
        .list_licenses(&profile)
        .table()
        .await
        .unwrap();
    assert_eq!(table.len(), records.len());
    let expiration = table.column("expiration_date").unwrap();
    assert_eq!(table.columns()[expiration].ty(), ColumnType::Date);
    for (row, record) in records.iter().enumerate() {
        let expected = record.expiration_date.map_or(Cell::Null, Cell::Date);
        assert_eq!(table.rows()[row][expiration], expected);
    }
    assert!(
        table
            .rows()
            .iter()
            .any(|row| matches!(row[expiration], Cell::Date(_))),
        "some license has an expiration date"
    );
}

#[tokio::test]
async fn credentialing_requests_flatten_nested_objects_and_keep_lists() {
    let (_mock, client) = support::start(10).await;
    let records = client.credentialing().list_requests().all().await.unwrap();
    assert!(!records.is_empty(), "the mock seeds credentialing requests");
    let table = client
        .credentialing()
        .list_requests()
        .limit(3)
        .table()
        .await
        .unwrap();
    assert_eq!(table.len(), records.len());
    insta::assert_debug_snapshot!("credentialing_request_columns", layout(&table));

    for (row, record) in records.iter().enumerate() {
        let details = record.provider_details.as_ref();
        let first = details.and_then(|d| d.first_name.clone());
        assert_eq!(
            *cell(&table, row, "provider_details.first_name"),
            first.map_or(Cell::Null, Cell::String)
        );
        let states = record.state_codes.as_ref().map_or(Cell::Null, |codes| {
            Cell::List(codes.iter().cloned().map(Cell::String).collect())
        });
        assert_eq!(*cell(&table, row, "state_codes"), states);
    }
    assert!(
        table.column("provider_details").is_none(),
        "a nested object is columns, not one column"
    );
}

#[tokio::test]
async fn fields_the_models_do_not_know_become_inferred_columns() {
    let (mock, client) = support::start(2).await;
    let provider = mock.with_state(|state| state.provider(0)).unwrap();
    mock.with_state(|state| {
        let mut info = state.personal_info(&provider.profile_id).unwrap();
        info.insert("badge".into(), json!({"colour": "green", "level": 3}));
        info.insert("sdk_unknown_tags".into(), json!(["en", "es"]));
        assert!(state.set_personal_info(&provider.profile_id, info));
    });
    let profile = provider.profile_id.parse().unwrap();
    let info = client
        .provider_profile()
        .get_personal_info(&profile)
        .await
        .unwrap();
    let table = Table::from_records(&[info]).unwrap();

    let inferred: Vec<String> = layout(&table)
        .into_iter()
        .filter(|line| line.ends_with("(inferred)"))
        .collect();
    for expected in [
        "badge.colour: String (inferred)",
        "badge.level: Int (inferred)",
        "sdk_unknown_tags: List(String) (inferred)",
        // A declared map of open keys is flattened the same way.
        "personal_completion_info.total: Int (inferred)",
    ] {
        assert!(
            inferred.iter().any(|line| line == expected),
            "{expected} in {inferred:#?}"
        );
    }
    assert_eq!(*cell(&table, 0, "badge.level"), Cell::Int(3));
    assert_eq!(
        *cell(&table, 0, "sdk_unknown_tags"),
        Cell::List(vec![Cell::String("en".into()), Cell::String("es".into())])
    );
    let birth = table.column("birth_date").unwrap();
    assert_eq!(table.columns()[birth].ty(), ColumnType::Date);
    assert!(matches!(
        table.rows()[0][birth],
        Cell::Date(ApiDate(_)) | Cell::Null
    ));
}

#[tokio::test]
async fn an_unknown_column_is_refused_with_the_closest_names() {
    let (_mock, client) = support::start(4).await;
    let table = client.providers().list().table().await.unwrap();
    let picked = table.select(&["npi", "last_name"]).unwrap();
    assert_eq!(picked.columns().len(), 2);
    assert_eq!(picked.len(), 4);
    assert_eq!(
        picked.rows()[0][0],
        table.rows()[0][table.column("npi").unwrap()]
    );

    let err = table.select(&["npi", "frist_name"]).unwrap_err();
    let TableError::UnknownColumn { name, suggestions } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(name, "frist_name");
    assert_eq!(suggestions.first().map(String::as_str), Some("first_name"));
    assert_eq!(
        err.to_string(),
        format!(
            "unknown column `frist_name` (did you mean {}?)",
            suggestions.join(", ")
        )
    );
}

#[tokio::test]
async fn credentials_are_never_columns() {
    use assured::models::CaqhImportRequestCreate;

    let (_mock, client) = support::start(1).await;
    client
        .providers()
        .request_caqh_import(CaqhImportRequestCreate::new(
            "dr.rosa",
            "caqh-secret-9z",
            "Rosa Yilmaz",
            "Rosa Yilmaz",
        ))
        .await
        .unwrap();
    let records = client
        .providers()
        .list_caqh_import_requests()
        .all()
        .await
        .unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].caqh_password.as_deref(), Some("caqh-secret-9z"));
    let table = client
        .providers()
        .list_caqh_import_requests()
        .table()
        .await
        .unwrap();
    assert_eq!(table.len(), 1);
    insta::assert_debug_snapshot!("caqh_import_request_columns", layout(&table));
    assert!(
        !format!("{:?}", table.rows()).contains("caqh-secret-9z"),
        "{table:?}"
    );

    // Nor when the server sends them where the models do not expect them.
    let table = Table::from_values(
        &[],
        [json!({"id": 1, "login": {"user": "a", "password": "hunter2"}, "caqh_password": "x"})],
    )
    .unwrap();
    assert_eq!(
        layout(&table),
        ["id: Int (inferred)", "login.user: String (inferred)"]
    );
}
