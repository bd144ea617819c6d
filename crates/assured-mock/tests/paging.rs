//! Pagination, links, filters and scale.
#![allow(missing_docs, clippy::too_many_lines, clippy::cast_possible_truncation)]

mod common;

use std::collections::HashSet;

use assured_mock::{Faults, MockConfig, is_valid_npi};
use assured_models::catalog::{
    ListCaqhImportRequests, ListExternalUsers, ListProviders, ListUsersSlim,
};
use common::{get, path, start, with_query};

/// The providers list with a query.
fn providers(query: &str) -> String {
    with_query(path::<ListProviders>(), query)
}

#[tokio::test]
async fn envelope_counts_and_absolute_links_on_the_server_origin() {
    let mock = start(MockConfig::default()).await;
    let (status, page) = get(&mock, &providers("limit=100&offset=100")).await;
    assert_eq!(status, 200);
    assert_eq!(page["count"], 300);
    assert_eq!(page["results"].as_array().unwrap().len(), 100);
    let base = mock.base_url();
    assert_eq!(
        page["next"],
        format!("{base}{}", providers("limit=100&offset=200"))
    );
    // DRF drops the offset when the previous page is the first one.
    assert_eq!(
        page["previous"],
        format!("{base}{}", providers("limit=100"))
    );

    let (_, last) = get(&mock, &providers("limit=100&offset=200")).await;
    assert!(last["next"].is_null());
    let (_, first) = get(&mock, path::<ListProviders>()).await;
    assert!(first["previous"].is_null());
    assert_eq!(
        first["results"].as_array().unwrap().len(),
        10,
        "default page size"
    );
    // Filters are kept in the links.
    let (_, filtered) = get(&mock, &providers("is_active=true&limit=5")).await;
    let next = filtered["next"].as_str().unwrap();
    assert!(
        next.contains("is_active=true") && next.contains("offset=5"),
        "{next}"
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn foreign_next_links_name_another_scheme_and_host() {
    let faults = Faults {
        foreign_next_links: true,
        ..Faults::default()
    };
    let mock = start(MockConfig::default().with_faults(faults)).await;
    let (_, page) = get(&mock, &providers("limit=100&offset=200&limit=100")).await;
    assert!(page["next"].is_null());
    let (_, page) = get(&mock, &providers("offset=100&limit=100")).await;
    assert_eq!(
        page["next"],
        format!(
            "http://api.example.org{}",
            providers("limit=100&offset=200")
        )
    );
    mock.set_faults(Faults::default());
    let (_, page) = get(&mock, &providers("offset=100&limit=100")).await;
    assert!(page["next"].as_str().unwrap().starts_with(mock.base_url()));
}

#[tokio::test]
async fn provider_filters_id_in_npi_email_search() {
    let mock = start(MockConfig::default()).await;
    let (_, page) = get(&mock, &providers("limit=3&offset=40")).await;
    let records = page["results"].as_array().unwrap().clone();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();

    let (_, by_ids) = get(&mock, &providers(&format!("id_in={}", ids.join(",")))).await;
    assert_eq!(by_ids["count"], 3);
    // A profile id in id_in matches nothing (the silent failure of quirk 4).
    let profile = records[0]["provider_profile_id"].as_str().unwrap();
    let (status, none) = get(&mock, &providers(&format!("id_in={profile}"))).await;
    assert_eq!((status, none["count"].as_u64()), (200, Some(0)));
    let (status, _) = get(&mock, &providers("id_in=not-a-uuid")).await;
    assert_eq!(status, 400);

    let npi = records[1]["npi"].as_str().unwrap();
    assert!(is_valid_npi(npi));
    let (_, by_npi) = get(&mock, &providers(&format!("npi={npi}"))).await;
    assert_eq!(by_npi["count"], 1);
    assert_eq!(by_npi["results"][0]["id"], records[1]["id"]);

    let email = records[2]["email"].as_str().unwrap();
    let (_, by_email) = get(&mock, &providers(&format!("email={email}"))).await;
    assert_eq!(by_email["count"], 1);

    let last = records[2]["last_name"].as_str().unwrap();
    let (_, search) = get(
        &mock,
        &providers(&format!("search={}&limit=1000", last.to_lowercase())),
    )
    .await;
    let hits = search["results"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|r| r["full_name"].as_str().unwrap().contains(last))
    );
    assert_eq!(search["count"].as_u64().unwrap() as usize, hits.len());
}

#[tokio::test]
async fn seeded_providers_have_valid_distinct_ids_and_npis() {
    let mock = start(MockConfig::default()).await;
    let (_, page) = get(&mock, &providers("limit=1000")).await;
    let records = page["results"].as_array().unwrap();
    assert_eq!(records.len(), 300);
    let mut seen = HashSet::new();
    for record in records {
        assert!(is_valid_npi(record["npi"].as_str().unwrap()));
        assert!(seen.insert(record["id"].as_str().unwrap().to_owned()));
        assert!(seen.insert(record["provider_profile_id"].as_str().unwrap().to_owned()));
        assert!(seen.insert(record["npi"].as_str().unwrap().to_owned()));
    }
}

#[tokio::test]
async fn paging_through_ten_thousand_providers_sees_each_once() {
    let mock = start(MockConfig::default().with_providers(10_000)).await;
    let mut seen = HashSet::new();
    let mut path = providers("limit=250");
    let mut pages = 0;
    loop {
        let (status, page) = get(&mock, &path).await;
        assert_eq!(status, 200);
        assert_eq!(page["count"], 10_000);
        for record in page["results"].as_array().unwrap() {
            assert!(
                seen.insert(record["id"].as_str().unwrap().to_owned()),
                "seen twice"
            );
        }
        pages += 1;
        match page["next"].as_str() {
            Some(next) => path = next.strip_prefix(mock.base_url()).unwrap().to_owned(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 10_000);
    assert_eq!(pages, 40);
}

#[tokio::test]
async fn a_hundred_thousand_providers_are_generated_on_demand() {
    let mock = start(MockConfig::default().with_providers(100_000)).await;
    let (status, page) = get(&mock, &providers("offset=99990")).await;
    assert_eq!(status, 200);
    assert_eq!(page["count"], 100_000);
    assert_eq!(page["results"].as_array().unwrap().len(), 10);
    let npi = page["results"][9]["npi"].as_str().unwrap().to_owned();
    let (_, found) = get(&mock, &providers(&format!("npi={npi}"))).await;
    assert_eq!(found["count"], 1);
    assert_eq!(found["results"][0]["id"], page["results"][9]["id"]);
    // One request per question, however many providers there are.
    assert_eq!(mock.count("PV1"), 2);
    assert_eq!(mock.with_state(|state| state.provider_count()), 100_000);
}

#[tokio::test]
async fn every_paged_endpoint_of_the_users_and_providers_groups_pages() {
    let mock = start(MockConfig::default()).await;
    for path in [
        path::<ListExternalUsers>(),
        path::<ListUsersSlim>(),
        path::<ListCaqhImportRequests>(),
    ] {
        let (status, page) = get(&mock, &format!("{path}?limit=2")).await;
        assert_eq!(status, 200, "{path}");
        assert!(page["count"].is_u64(), "{path}");
    }
    let (_, slim) = get(&mock, &with_query(path::<ListUsersSlim>(), "user_type=oa")).await;
    assert_eq!(slim["count"], 6);
    common::assert_types_agree(&mock);
}
