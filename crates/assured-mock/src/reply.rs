//! The reply a handler builds, and its rendering as an HTTP response.

use axum::body::Body;
use axum::http::{HeaderValue, Response, StatusCode, header};
use serde_json::{Value, json};

/// A reply being built.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) body: ReplyBody,
    pub(crate) headers: Vec<(header::HeaderName, String)>,
}

#[derive(Debug, Clone)]
pub(crate) enum ReplyBody {
    Json(Value),
    Html(String),
    Empty,
    Bytes {
        content_type: String,
        bytes: Vec<u8>,
    },
}

impl Reply {
    pub(crate) fn json(status: StatusCode, value: Value) -> Self {
        Self {
            status,
            body: ReplyBody::Json(value),
            headers: Vec::new(),
        }
    }

    pub(crate) fn ok(value: Value) -> Self {
        Self::json(StatusCode::OK, value)
    }

    pub(crate) fn created(value: Value) -> Self {
        Self::json(StatusCode::CREATED, value)
    }

    pub(crate) fn detail(status: StatusCode, detail: &str) -> Self {
        Self::json(status, json!({ "detail": detail }))
    }

    pub(crate) fn not_found() -> Self {
        Self::detail(StatusCode::NOT_FOUND, "Not found.")
    }

    /// 400 with DRF-style field errors.
    pub(crate) fn fields(errors: serde_json::Map<String, Value>) -> Self {
        Self::json(StatusCode::BAD_REQUEST, Value::Object(errors))
    }

    pub(crate) fn field(field: &str, message: &str) -> Self {
        Self::json(StatusCode::BAD_REQUEST, json!({ field: [message] }))
    }

    pub(crate) fn empty(status: StatusCode) -> Self {
        Self {
            status,
            body: ReplyBody::Empty,
            headers: Vec::new(),
        }
    }

    pub(crate) fn html(status: StatusCode, html: &str) -> Self {
        Self {
            status,
            body: ReplyBody::Html(html.to_owned()),
            headers: Vec::new(),
        }
    }

    pub(crate) fn with_header(mut self, name: header::HeaderName, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    pub(crate) fn into_response(self) -> Response<Body> {
        let (content_type, bytes) = match self.body {
            ReplyBody::Json(value) => (
                Some("application/json".to_owned()),
                serde_json::to_vec(&value).unwrap_or_default(),
            ),
            ReplyBody::Html(html) => (
                Some("text/html; charset=utf-8".to_owned()),
                html.into_bytes(),
            ),
            ReplyBody::Empty => (None, Vec::new()),
            ReplyBody::Bytes {
                content_type,
                bytes,
            } => (Some(content_type), bytes),
        };
        let mut response = Response::new(Body::from(bytes));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        if let Some(content_type) = content_type
            && let Ok(value) = HeaderValue::from_str(&content_type)
        {
            headers.insert(header::CONTENT_TYPE, value);
        }
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        response
    }
}

/// Django's production 404 page for an unknown URL.
pub(crate) const NOT_FOUND_HTML: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";

/// Django's production 500 page: what the dead endpoints answer.
pub(crate) const SERVER_ERROR_HTML: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n";
