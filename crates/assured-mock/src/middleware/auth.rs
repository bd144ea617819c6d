//! Authentication as production does it, from the catalog entry's auth
//! kind: `x-api-key` for API-key endpoints; the Bearer JWT plus the key
//! for JWT endpoints; the Bearer alone for JWT-only ones; a Bearer is also
//! checked where the route takes one optionally. The valid token is left
//! in the request's extensions for the handler (the SSN token's key).

use std::sync::Arc;

use assured_models::catalog::Auth;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::json;

use crate::reply::Reply;
use crate::route_table::{Resolved, Target};
use crate::shared::Shared;

/// The Bearer token that authenticated the request, if any.
#[derive(Debug, Clone)]
pub(crate) struct ValidBearer(pub(crate) String);

pub(crate) async fn layer(
    State(shared): State<Arc<Shared>>,
    mut request: Request,
    next: Next,
) -> Response {
    // Only requests that reach an endpoint's behaviour are authenticated:
    // unknown paths and plain 405s are answered without looking.
    let target = match request.extensions().get::<Resolved>() {
        Some(Resolved::Endpoint { target, .. } | Resolved::Refused { target, .. }) => *target,
        _ => return next.run(request).await,
    };
    match authenticate(&shared, target, request.headers()) {
        Err(reply) => reply.into_response(),
        Ok(bearer) => {
            if let Some(token) = bearer {
                request.extensions_mut().insert(ValidBearer(token));
            }
            next.run(request).await
        }
    }
}

fn unauthorized(detail: &str) -> Reply {
    Reply::detail(StatusCode::UNAUTHORIZED, detail)
}

fn bearer_challenge(reply: Reply) -> Reply {
    reply.with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"api\"".to_owned())
}

/// simplejwt's answer to an expired, forged, refresh or revoked token.
fn token_invalid() -> Reply {
    bearer_challenge(Reply::json(
        StatusCode::UNAUTHORIZED,
        json!({
            "detail": "Given token not valid for any token type",
            "code": "token_not_valid",
            "messages": [{
                "token_class": "AccessToken",
                "token_type": "access",
                "message": "Token is invalid or expired",
            }],
        }),
    ))
}

/// Checks the credentials; returns the valid Bearer token.
fn authenticate(
    shared: &Shared,
    target: Target,
    headers: &HeaderMap,
) -> Result<Option<String>, Reply> {
    let key = headers.get("x-api-key").and_then(|v| v.to_str().ok());
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    let auth = target.endpoint.auth;
    if matches!(auth, Auth::ApiKey | Auth::Jwt) {
        match key {
            None => {
                return Err(unauthorized(
                    "Authentication credentials were not provided.",
                ));
            }
            Some(key) if key != shared.api_key => return Err(unauthorized("Invalid API key.")),
            Some(_) => {}
        }
    }
    let optional = target.route.is_some_and(|route| route.optional_bearer);
    if auth.needs_jwt() || (optional && bearer.is_some()) {
        return match bearer {
            None => Err(bearer_challenge(unauthorized(
                "Authentication credentials were not provided.",
            ))),
            Some(token) if !shared.token_valid(token) => Err(token_invalid()),
            Some(token) => Ok(Some(token.to_owned())),
        };
    }
    Ok(None)
}
