//! Fault injection: what [`Faults`](crate::Faults) decided for the
//! request, applied around the inner layers. Requests rejected by a fault
//! never reach the route.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::Notify;

use crate::fault_plan::Throttle;
use crate::reply::{Reply, SERVER_ERROR_HTML};
use crate::route_table::Resolved;
use crate::shared::Shared;
use crate::sync::lock;

/// Closes the connection the request came on, without a reply (put in the
/// request's extensions by the connection's service).
#[derive(Clone)]
pub(crate) struct ConnKill(pub(crate) Arc<Notify>);

pub(crate) async fn layer(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let key = request
        .extensions()
        .get::<Resolved>()
        .and_then(Resolved::key);
    let decision = lock(&shared.faults).decide(key);
    if let Some(delay) = decision.delay {
        shared.note_fault("latency");
        tokio::time::sleep(delay).await;
    }
    if decision.drop
        && let Some(ConnKill(notify)) = request.extensions().get::<ConnKill>().cloned()
    {
        shared.note_fault("drop");
        notify.notify_one();
        std::future::pending::<()>().await;
    }
    if let Some(throttle) = decision.throttle {
        let retry_after = match throttle {
            Throttle::EveryN { retry_after } => {
                shared.note_fault("429");
                retry_after
            }
            Throttle::Bucket { retry_after } => {
                shared.note_fault("rate_limit");
                shared.stats().rate_limited += 1;
                retry_after
            }
        };
        return Reply::detail(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Request was throttled. Expected available in {retry_after} seconds."),
        )
        .with_header(header::RETRY_AFTER, retry_after.to_string())
        .into_response();
    }
    if let Some(status) = decision.server_error {
        shared.note_fault("5xx");
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return Reply::html(status, SERVER_ERROR_HTML).into_response();
    }
    let response = next.run(request).await;
    if decision.malformed {
        shared.note_fault("malformed");
        return truncate(response).await;
    }
    response
}

/// The reply processed normally but sent as unparsable JSON: a JSON body
/// cut in half with garbage appended, an empty body replaced by `{"`.
/// Other bodies (HTML pages, file bytes) go out unchanged.
async fn truncate(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let json = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let garbled = if json {
        let mut cut = bytes[..bytes.len() / 2].to_vec();
        cut.extend_from_slice(b"\x00<!-- truncated");
        cut
    } else if bytes.is_empty() && !parts.headers.contains_key(header::CONTENT_TYPE) {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        b"{\"".to_vec()
    } else {
        bytes.to_vec()
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(garbled))
}
