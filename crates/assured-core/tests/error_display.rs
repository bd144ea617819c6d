//! What an error shows: the server's words and the decoder's, shortened and
//! without anything that looks like a JWT or an SSN.
#![allow(missing_docs)]

mod support;

use assured_core::{Client, Config, RetryPolicy};
use assured_models::catalog::GetLoggedInUser;
use serde_json::json;
use support::{Reply, TestServer};

const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl";
const SSN: &str = "123-45-6789";

fn client(server: &TestServer) -> Client {
    Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("k")
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap(),
    )
    .unwrap()
}

fn assert_clean(shown: &str) {
    assert!(!shown.contains("eyJ"), "a JWT is shown: {shown}");
    assert!(
        !shown.contains("6789") && !shown.contains("987654321"),
        "an SSN is shown: {shown}"
    );
}

#[tokio::test]
async fn an_api_detail_is_capped_and_redacted() {
    let detail = format!(
        "session {JWT} refused for ssn {SSN}; {}",
        "blah ".repeat(2000)
    );
    let server = TestServer::start(move |_, _| Reply::json(403, json!({ "detail": detail }))).await;
    let err = client(&server)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    let shown = err.to_string();
    assert_clean(&shown);
    assert_clean(err.api_message().unwrap());
    assert_clean(err.body().unwrap());
    assert!(shown.contains("session <redacted> refused"), "{shown}");
    assert!(
        shown.chars().count() < 500,
        "{} chars",
        shown.chars().count()
    );
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn field_error_messages_are_redacted() {
    let server = TestServer::start(|_, _| {
        Reply::json(
            400,
            json!({ "ssn": ["bad"], "tax_id": [format!("{SSN} is taken")] }),
        )
    })
    .await;
    let err = client(&server)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_validation(), "{err:?}");
    assert_clean(&err.to_string());
    let fields = err.field_errors().unwrap();
    assert_eq!(fields["tax_id"], ["<redacted> is taken"]);
}

#[tokio::test]
async fn a_decode_error_does_not_quote_secret_values() {
    // serde quotes the value it refused: a string for a boolean, a number
    // for a string.
    for body in [
        json!({"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "is_active": JWT}),
        json!({"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "email": 987_654_321}),
    ] {
        let server = TestServer::start(move |_, _| Reply::json(200, body.clone())).await;
        let err = client(&server)
            .call::<GetLoggedInUser>(&(), &(), &())
            .await
            .unwrap_err();
        assert!(matches!(err, assured_core::Error::Decode { .. }), "{err:?}");
        let shown = err.to_string();
        assert_clean(&shown);
        assert!(shown.contains("invalid type"), "{shown}");
    }
}

/// Every rendering of an error: `Display`, `Debug`, and both for each
/// error in its `source` chain.
fn every_rendering(err: &assured_core::Error) -> Vec<String> {
    let mut shown = vec![err.to_string(), format!("{err:?}")];
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        shown.push(inner.to_string());
        shown.push(format!("{inner:?}"));
        source = inner.source();
    }
    shown
}

#[tokio::test]
async fn a_decode_error_is_redacted_in_debug_and_its_source_chain() {
    // Each value is the one the decoder refuses (a string where a boolean
    // goes), and the other sits in the body; the last body is not JSON.
    for body in [
        format!(
            r#"{{"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "is_active": "{JWT}", "note": "{SSN}"}}"#
        ),
        format!(
            r#"{{"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "is_active": "{SSN}", "note": "{JWT}"}}"#
        ),
        format!(r#"{{"id": "3f2504e0", "is_active": {SSN}, "note": "{JWT}"#),
    ] {
        let server = TestServer::start(move |_, _| Reply {
            status: 200,
            headers: vec![("content-type", "application/json".to_owned())],
            body: body.clone(),
        })
        .await;
        let err = client(&server)
            .call::<GetLoggedInUser>(&(), &(), &())
            .await
            .unwrap_err();
        assert!(matches!(err, assured_core::Error::Decode { .. }), "{err}");
        let shown = every_rendering(&err);
        assert_eq!(shown.len(), 4, "the error and the decoder's: {shown:?}");
        for text in &shown {
            assert_clean(text);
            assert!(
                text.chars().count() < 1200,
                "{} chars",
                text.chars().count()
            );
        }
    }
}

#[tokio::test]
async fn a_transport_error_does_not_show_the_query_it_was_sent_with() {
    use assured_models::catalog::ListProviders;
    use assured_models::models::providers::ProviderListParams;

    // A port nothing listens on: the connection is refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let client = Client::new(
        Config::builder()
            .base_url(base_url)
            .api_key("k")
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap(),
    )
    .unwrap();
    let query = ProviderListParams {
        email: Some("rosa.yilmaz@example.org".to_owned()),
        ..ProviderListParams::default()
    };
    let err = client
        .page::<ListProviders>(&(), &query, 0, Some(10))
        .await
        .unwrap_err();
    assert!(err.is_transport(), "{err:?}");
    let shown = every_rendering(&err);
    assert!(
        shown.len() > 2,
        "the transport's own error is in the chain: {shown:?}"
    );
    for text in &shown {
        assert!(!text.contains("rosa.yilmaz"), "the query is shown: {text}");
    }
    // What is shown still says which endpoint failed, and how.
    assert!(
        shown[0].starts_with("GET /api/v1/users/providers-list/: transport error (Connect)"),
        "{}",
        shown[0]
    );
}
