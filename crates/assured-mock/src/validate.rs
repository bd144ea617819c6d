//! Request bodies are checked against the catalog's `Body` types (through
//! [`EndpointDescriptor::canonical_body_json`]), so the mock and the models
//! agree on every field name and type.
//!
//! [`EndpointDescriptor::canonical_body_json`]: assured_models::catalog::EndpointDescriptor::canonical_body_json

use assured_models::catalog::{BodyError, BodyKind};
use axum::http::StatusCode;

use crate::handlers::parse_json;
use crate::server::{Ctx, Reply};

/// Checks the body of the request against its endpoint's `Body` type and
/// returns it in the models' canonical form (aliases, i.e. legacy names,
/// become the models' names). `None`: keep the raw body, for endpoints
/// without a JSON body (DRF ignores a body there) and for multipart forms,
/// which their handler checks part by part.
pub(crate) fn body(ctx: &Ctx<'_>) -> Result<Option<Vec<u8>>, Reply> {
    if !matches!(ctx.d.body, BodyKind::Json | BodyKind::JsonArray) {
        return Ok(None);
    }
    let value = parse_json(ctx)?;
    match ctx.d.canonical_body_json(value) {
        Ok(body) => Ok(serde_json::to_vec(&body).ok()),
        Err(error) => Err(rejection(&error)),
    }
}

/// A DRF-style 400 naming the field.
fn rejection(error: &BodyError) -> Reply {
    let field = if error.path == "." || error.path.is_empty() {
        // A missing field is reported at the body itself; serde names it
        // in backquotes.
        error
            .message
            .split('`')
            .nth(1)
            .map_or_else(|| "non_field_errors".to_owned(), ToOwned::to_owned)
    } else {
        error.path.clone()
    };
    let text = if error.message.starts_with("missing field") {
        "This field is required.".to_owned()
    } else {
        format!("Invalid value: {}", error.message)
    };
    Reply::json(
        StatusCode::BAD_REQUEST,
        serde_json::json!({ field: [text] }),
    )
}
