//! Shared helpers of the raw-HTTP tests (plain reqwest, not the SDK).
#![allow(dead_code, unreachable_pub)]

use assured_mock::{MockConfig, MockServer};
use assured_models::catalog::{self, Endpoint, EndpointDescriptor, PathArg};
use serde_json::{Value, json};

/// The path of `E`, an endpoint without placeholder (the catalog template).
pub fn path<E: Endpoint>() -> &'static str {
    template(E::DESCRIPTOR)
}

/// The path of `E` with its placeholder replaced by `id`, typed or not
/// (tests deliberately pass, e.g., an account id to a profile endpoint).
pub fn path_with<E: Endpoint>(id: &str) -> String {
    render(E::DESCRIPTOR, id)
}

/// [`path`] for a descriptor (for loops over several endpoints).
pub fn template(descriptor: &EndpointDescriptor) -> &'static str {
    assert!(
        !descriptor.has_path_param(),
        "{descriptor:?} has a placeholder"
    );
    descriptor.path
}

/// [`path_with`] for a descriptor (for loops over several endpoints).
pub fn render(descriptor: &EndpointDescriptor, id: &str) -> String {
    assert!(
        descriptor.has_path_param(),
        "{descriptor:?} has no placeholder"
    );
    descriptor.render_path(&Segment(id))
}

/// `path?query`.
pub fn with_query(path: &str, query: &str) -> String {
    format!("{path}?{query}")
}

/// Any string as a path segment, whatever id type the endpoint expects.
struct Segment<'a>(&'a str);

impl PathArg for Segment<'_> {
    fn path_segment(&self) -> Option<String> {
        Some(self.0.to_owned())
    }
}

pub async fn start(config: MockConfig) -> MockServer {
    MockServer::start(config).await.expect("mock starts")
}

pub fn client() -> reqwest::Client {
    // In a workspace build reqwest's features are unified with the SDK's
    // (rustls without a process-wide provider), so install one for the tests.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client")
}

pub fn url(mock: &MockServer, path: &str) -> String {
    format!("{}{path}", mock.base_url())
}

/// GET with the API key; returns (status, JSON body or Null).
pub async fn get(mock: &MockServer, path: &str) -> (u16, Value) {
    let response = client()
        .get(url(mock, path))
        .header("x-api-key", mock.api_key())
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

/// A request with the API key and an optional bearer token.
pub async fn send(
    mock: &MockServer,
    method: reqwest::Method,
    path: &str,
    jwt: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = client()
        .request(method, url(mock, path))
        .header("x-api-key", mock.api_key());
    if let Some(jwt) = jwt {
        request = request.bearer_auth(jwt);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

/// A JSON POST with the API key; returns (status, JSON body or Null).
pub async fn post(mock: &MockServer, path: &str, body: Value) -> (u16, Value) {
    send(mock, reqwest::Method::POST, path, None, Some(body)).await
}

pub async fn login(mock: &MockServer) -> String {
    let (status, body) = send(
        mock,
        reqwest::Method::POST,
        path::<catalog::Login>(),
        None,
        Some(
            json!({"email": mock.user_email(), "password": mock.user_password(), "remember": true}),
        ),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["data"]["jwt"]["access"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// The first provider of the providers list: (account id, profile id).
pub async fn first_provider(mock: &MockServer) -> (String, String) {
    let (status, page) = get(
        mock,
        &with_query(path::<catalog::ListProviders>(), "limit=1"),
    )
    .await;
    assert_eq!(status, 200);
    let record = &page["results"][0];
    (
        record["id"].as_str().unwrap().to_owned(),
        record["provider_profile_id"].as_str().unwrap().to_owned(),
    )
}

/// Asserts every successful reply so far deserialized into the catalog's types.
pub fn assert_types_agree(mock: &MockServer) {
    let errors = mock.stats().response_type_errors;
    assert!(
        errors.is_empty(),
        "replies that do not match the models: {errors:#?}"
    );
}
