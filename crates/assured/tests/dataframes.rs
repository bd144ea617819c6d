//! `.df()` (feature `polars`) against `assured-mock`: the row count is the
//! listing's `count`, the columns are typed from the models, nested
//! objects are dot-separated columns and lists are list columns.
#![cfg(feature = "polars")]
#![allow(missing_docs)]

mod support;

use assured::models::Provider;
use assured::table::Tabular;
use assured::table::polars_core::prelude::{DataFrame, DataType, TimeUnit, TimeZone};

fn dtype(frame: &DataFrame, name: &str) -> DataType {
    frame
        .column(name)
        .unwrap_or_else(|err| panic!("no column {name}: {err}"))
        .dtype()
        .clone()
}

// The default test runtime is current-thread: the frame must still be
// built without blocking it.
#[tokio::test]
async fn providers_frame_has_a_row_per_provider_and_typed_columns() {
    let (mock, client) = support::start(23).await;
    let frame = client.providers().list().limit(10).df().await.unwrap();
    assert_eq!(frame.height(), 23);
    assert_eq!(mock.count("PV1"), 3);
    assert_eq!(dtype(&frame, "id"), DataType::String);
    assert_eq!(dtype(&frame, "npi"), DataType::String);
    assert_eq!(dtype(&frame, "is_active"), DataType::Boolean);
    assert_eq!(
        dtype(&frame, "profile_completeness_percentage"),
        DataType::Float64
    );

    let records = client.providers().list().all().await.unwrap();
    let npis = frame.column("npi").unwrap().str().unwrap();
    for (row, record) in records.iter().enumerate() {
        assert_eq!(npis.get(row), record.npi.as_deref());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn licenses_frame_has_date_columns() {
    let (_mock, client) = support::start(3).await;
    let providers = client.providers().list().all().await.unwrap();
    let profile = providers[0].provider_profile_id.unwrap();
    let records = client
        .provider_profile()
        .list_licenses(&profile)
        .all()
        .await
        .unwrap();
    let frame = client
        .provider_profile()
        .list_licenses(&profile)
        .df()
        .await
        .unwrap();
    assert_eq!(frame.height(), records.len());
    assert_eq!(dtype(&frame, "expiration_date"), DataType::Date);
    assert_eq!(dtype(&frame, "issue_date"), DataType::Date);
    let expiration = frame.column("expiration_date").unwrap().date().unwrap();
    for (row, record) in records.iter().enumerate() {
        let expected = record
            .expiration_date
            .map(|date| i32::try_from((date.0 - chrono::NaiveDate::default()).num_days()).unwrap());
        assert_eq!(expiration.physical().get(row), expected, "row {row}");
    }
}

#[tokio::test]
async fn credentialing_requests_frame_flattens_nested_objects_and_keeps_lists() {
    let (_mock, client) = support::start(10).await;
    let count = client
        .credentialing()
        .list_requests()
        .page(0)
        .await
        .unwrap()
        .count;
    let frame = client
        .credentialing()
        .list_requests()
        .limit(4)
        .df()
        .await
        .unwrap();
    assert!(count > 0);
    assert_eq!(u64::try_from(frame.height()).unwrap(), count);
    assert_eq!(
        dtype(&frame, "provider_details.first_name"),
        DataType::String
    );
    assert_eq!(
        dtype(&frame, "provider_details.is_active"),
        DataType::Boolean
    );
    assert_eq!(
        dtype(&frame, "state_codes"),
        DataType::List(Box::new(DataType::String))
    );
    assert_eq!(
        dtype(&frame, "created_at"),
        DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
    );
    assert_eq!(dtype(&frame, "sla_days"), DataType::Int64);
    assert!(frame.column("provider_details").is_err());

    let records = client.credentialing().list_requests().all().await.unwrap();
    let states = frame.column("state_codes").unwrap().list().unwrap();
    for (row, record) in records.iter().enumerate() {
        let got: Option<Vec<String>> = states.get_as_series(row).map(|series| {
            let codes = series.str().unwrap();
            (0..codes.len())
                .map(|i| codes.get(i).unwrap().to_owned())
                .collect()
        });
        assert_eq!(got, record.state_codes, "row {row}");
    }
}

#[tokio::test]
async fn an_empty_listing_gives_typed_columns_and_no_rows() {
    let (_mock, client) = support::start(3).await;
    let frame = client
        .providers()
        .list()
        .email("nobody@example.invalid")
        .df()
        .await
        .unwrap();
    assert_eq!(frame.height(), 0);
    assert_eq!(frame.width(), Provider::COLUMNS.len());
    assert_eq!(dtype(&frame, "is_active"), DataType::Boolean);
    assert_eq!(
        dtype(&frame, "profile_completeness_percentage"),
        DataType::Float64
    );
}
