//! The innermost service: answers what the route table resolved (Django's
//! 404 page, 405, a refusal, a dead endpoint's 500 page), checks the JSON
//! body against the reference, runs the handler and checks its reply
//! against the catalog's response type.

use std::cell::RefCell;
use std::sync::Arc;

use assured_models::catalog::{BodyKind, EndpointDescriptor, Origin};
use axum::body::Body;
use axum::extract::{FromRequest as _, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use tower::{Layer as _, ServiceExt as _};

use crate::body_check::{self, parse_body};
use crate::context::{Ctx, Part};
use crate::middleware::auth::ValidBearer;
use crate::reply::{NOT_FOUND_HTML, Reply, ReplyBody, SERVER_ERROR_HTML};
use crate::route::Route;
use crate::route_table::Resolved;
use crate::shared::Shared;

pub(crate) async fn handle(shared: Arc<Shared>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let resolved = parts
        .extensions
        .get::<Resolved>()
        .cloned()
        .unwrap_or(Resolved::NotFound);
    let reply = match resolved {
        Resolved::NotFound => Reply::html(StatusCode::NOT_FOUND, NOT_FOUND_HTML),
        Resolved::Refused { refusal, .. } => Reply::detail(refusal.status, refusal.detail),
        Resolved::WrongMethod { .. } => Reply::detail(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!("Method \"{}\" not allowed.", parts.method),
        ),
        Resolved::Endpoint { target, .. }
            if matches!(target.endpoint.origin, Origin::Dead { .. }) =>
        {
            Reply::html(StatusCode::INTERNAL_SERVER_ERROR, SERVER_ERROR_HTML)
        }
        Resolved::Endpoint { target, param } => match target.route {
            None => Reply::detail(
                StatusCode::NOT_IMPLEMENTED,
                &format!(
                    "assured-mock does not implement endpoint {}",
                    target.endpoint.key
                ),
            ),
            Some(route) => {
                let bytes = axum::body::to_bytes(body, usize::MAX)
                    .await
                    .unwrap_or_default();
                let multipart = if route.endpoint.body == BodyKind::Multipart {
                    Some(parse_multipart(&parts.headers, bytes.clone()).await)
                } else {
                    None
                };
                // The handler sees the body as the serializer validated it.
                let checked = check_body(route, &bytes);
                let body: &[u8] = match &checked {
                    Ok(Some(validated)) => validated,
                    _ => &bytes,
                };
                let ctx = Ctx {
                    shared: &shared,
                    param: param.as_deref(),
                    path: parts.uri.path(),
                    query: parts
                        .uri
                        .query()
                        .and_then(|q| serde_urlencoded::from_str(q).ok())
                        .unwrap_or_default(),
                    body,
                    bearer: parts.extensions.get::<ValidBearer>().map(|b| b.0.as_str()),
                    multipart,
                    consulted: RefCell::default(),
                };
                let reply = match &checked {
                    Err(refused) => refused.clone(),
                    Ok(_) => route.handle(&ctx),
                };
                account(&ctx, route, &reply);
                reply
            }
        },
    };
    reply.into_response()
}

/// The bookkeeping of a served request: the reply's type check and the
/// query parameters the handler read.
fn account(ctx: &Ctx<'_>, route: &Route, reply: &Reply) {
    check_reply(ctx.shared, route.endpoint, reply);
    ctx.shared
        .stats()
        .query_params_read
        .entry(route.endpoint.key.to_owned())
        .or_default()
        .extend(ctx.consulted.take());
}

/// Checks a JSON body against the route's reference rule; returns the
/// validated body (`None`: the raw body stands). Endpoints that take no
/// body ignore one, as DRF does; multipart forms are checked by their
/// handler part by part.
fn check_body(route: &Route, bytes: &[u8]) -> Result<Option<Vec<u8>>, Reply> {
    let Some(rule) = route.body else {
        return Ok(None);
    };
    if !matches!(route.endpoint.body, BodyKind::Json | BodyKind::JsonArray) {
        return Ok(None);
    }
    let value = parse_body(bytes)?;
    let validated = body_check::check(rule, &value)
        .map_err(|errors| Reply::json(StatusCode::BAD_REQUEST, errors))?;
    Ok(serde_json::to_vec(&validated).ok())
}

/// Checks a successful JSON reply against the catalog's response type.
fn check_reply(shared: &Shared, descriptor: &EndpointDescriptor, reply: &Reply) {
    if !reply.status.is_success() {
        return;
    }
    if let ReplyBody::Json(value) = &reply.body
        && let Err(error) = descriptor.check_response_json(value)
    {
        shared
            .stats()
            .response_type_errors
            .push(format!("{}: {error}", descriptor.key));
    }
}

async fn parse_multipart(
    headers: &HeaderMap,
    body: axum::body::Bytes,
) -> Result<Vec<Part>, String> {
    let mut request = Request::new(Body::from(body));
    *request.headers_mut() = headers.clone();
    // The body is in memory already, bounded by the record layer's
    // `MAX_BODY`: the extractor's own 2 MB default, which would refuse
    // uploads the server takes, is lifted by running it under the layer.
    let extract = axum::extract::DefaultBodyLimit::disable().layer(tower::service_fn(
        |request: Request| async move {
            Ok::<_, std::convert::Infallible>(
                axum::extract::Multipart::from_request(request, &()).await,
            )
        },
    ));
    let Ok(extracted) = extract.oneshot(request).await;
    let mut multipart = extracted.map_err(|error| error.body_text())?;
    let mut parts = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| e.body_text())? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(ToOwned::to_owned);
        let bytes = field.bytes().await.map_err(|e| e.body_text())?.to_vec();
        parts.push(Part {
            name,
            file_name,
            bytes,
        });
    }
    Ok(parts)
}
