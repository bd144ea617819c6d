//! Counts every request in [`Stats`](crate::Stats) and keeps it in the
//! journal, then counts the reply's status.

use std::sync::Arc;

use assured_models::catalog::BodyKind;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::journal::{self, ReceivedRequest, SsnField};
use crate::reply::Reply;
use crate::route_table::Resolved;
use crate::shared::Shared;
use crate::stats::{AuthSeen, RecordedRequest};
use crate::sync::lock;

/// Largest request body accepted (uploads included): above the SDK's own
/// 100 MiB upload benchmark, so the mock is not what stops it.
pub(crate) const MAX_BODY: usize = 256 * 1024 * 1024;

/// Which credentials the headers carry.
pub(crate) fn auth_seen(headers: &HeaderMap) -> AuthSeen {
    let key = headers.contains_key("x-api-key");
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer ") || v.starts_with("bearer "));
    match (key, bearer) {
        (false, false) => AuthSeen::None,
        (true, false) => AuthSeen::ApiKey,
        (false, true) => AuthSeen::Bearer,
        (true, true) => AuthSeen::ApiKeyAndBearer,
    }
}

pub(crate) async fn layer(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return Reply::detail(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large.")
            .into_response();
    };
    let resolved = parts.extensions.get::<Resolved>();
    let key = resolved.and_then(Resolved::key);
    let route = resolved.and_then(Resolved::route);
    let seen = auth_seen(&parts.headers);
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(ToOwned::to_owned);
    {
        let mut stats = shared.stats();
        let label = key.unwrap_or("404").to_owned();
        stats.total += 1;
        *stats.by_endpoint.entry(label.clone()).or_default() += 1;
        *stats.by_auth.entry(seen).or_default() += 1;
        *stats
            .by_endpoint_auth
            .entry((label.clone(), seen))
            .or_default() += 1;
        stats.last_requests.insert(
            label,
            RecordedRequest {
                method: parts.method.as_str().to_owned(),
                path: parts.uri.path().to_owned(),
                query: parts.uri.query().map(ToOwned::to_owned),
                content_type: content_type.clone(),
                auth: seen,
                body: bytes.to_vec(),
            },
        );
    }
    let multipart = route.is_some_and(|route| route.endpoint.body == BodyKind::Multipart)
        || content_type
            .as_deref()
            .is_some_and(|ct| ct.starts_with("multipart/"));
    let ssn = route.map_or(SsnField::Plaintext, |route| route.ssn_field);
    lock(&shared.journal).push(ReceivedRequest {
        sequence: 0,
        endpoint: key.map(ToOwned::to_owned),
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(ToOwned::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    journal::header_value(name.as_str(), value.as_bytes()),
                )
            })
            .collect(),
        body: journal::body(&bytes, multipart, ssn),
    });

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    *shared
        .stats()
        .by_status
        .entry(response.status().as_u16())
        .or_default() += 1;
    response
}
