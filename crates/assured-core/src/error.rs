//! The one public error type.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::time::Duration;

use assured_models::catalog::{EndpointDescriptor, IdKind, Method};

use crate::redact;

mod decode;

pub use decode::{DecodeError, DecodeErrorKind};

/// The endpoint a failure belongs to: its method and path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndpointRef {
    /// HTTP method.
    pub method: Method,
    /// Path template from the catalog (ids not filled in).
    pub path: &'static str,
}

impl From<&EndpointDescriptor> for EndpointRef {
    fn from(d: &EndpointDescriptor) -> Self {
        Self {
            method: d.method,
            path: d.path,
        }
    }
}

impl fmt::Display for EndpointRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// What the server answered, for errors that come from a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    /// The endpoint.
    pub endpoint: EndpointRef,
    /// HTTP status.
    pub status: u16,
    /// The API's own message (`detail`, `message`, `msg`, `error`, or the
    /// DRF field errors flattened), when the body had one; at most
    /// 300 characters, with JWT- and SSN-looking words replaced.
    pub message: Option<String>,
    /// Field errors of a DRF-style 400 body: field name → messages (each
    /// shortened and redacted like `message`).
    pub field_errors: BTreeMap<String, Vec<String>>,
    /// The response body, shortened, with secrets redacted.
    pub body: String,
    /// `Retry-After`, when the server sent one.
    pub retry_after: Option<Duration>,
    /// What to do about it, for the known pitfalls.
    pub hint: Option<&'static str>,
}

/// Why a request could not be completed at the transport level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The attempt timed out.
    Timeout,
    /// No connection could be made: the request was not sent.
    Connect,
    /// The connection failed after the request may have been sent.
    Connection,
    /// Anything else (TLS, protocol).
    Other,
    /// The response body was longer than the configured limit
    /// ([`ConfigBuilder::max_response_bytes`](crate::ConfigBuilder::max_response_bytes));
    /// it was not read past it. Not retried.
    ResponseTooLarge,
}

/// Everything that can go wrong, with what to do about it.
///
/// Every variant that concerns a request names its endpoint (method and path
/// template). Use the accessors and predicates rather than matching strings.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Bad input, caught before any request was sent.
    #[error("{}invalid input: {message}", endpoint.map(|e| format!("{e}: ")).unwrap_or_default())]
    InvalidInput {
        /// The endpoint the input was for, when there is one.
        endpoint: Option<EndpointRef>,
        /// What is wrong and how to fix it.
        message: String,
        /// The underlying error, if any.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// Missing or malformed configuration, caught before any request.
    #[error("{}configuration error{}: {message}", endpoint.map(|e| format!("{e}: ")).unwrap_or_default(), variable.map(|v| format!(" ({v})")).unwrap_or_default())]
    Config {
        /// The endpoint that needed the setting, when there is one (e.g.
        /// a JWT endpoint without login credentials).
        endpoint: Option<EndpointRef>,
        /// The environment variable concerned, if any.
        variable: Option<&'static str>,
        /// What is wrong.
        message: String,
    },
    /// 401 or 403: the API key or session is not accepted.
    #[error("{}", describe("authentication failed", .0))]
    Auth(Box<ApiFailure>),
    /// 404 (or 422 on a profile `provider` filter, the account-id pitfall).
    #[error("{}", describe("not found", .0))]
    NotFound(Box<ApiFailure>),
    /// 400 (or 422): the server rejected the payload; see `field_errors`.
    #[error("{}", describe("rejected by validation", .0))]
    Validation(Box<ApiFailure>),
    /// 429 after every allowed retry.
    #[error("{}", describe("rate limited", .0))]
    RateLimited(Box<ApiFailure>),
    /// Any other non-success status (5xx after retries, unexpected 4xx).
    #[error("{}", describe("server error", .0))]
    Server(Box<ApiFailure>),
    /// The request did not complete (timeout, connection failure).
    ///
    /// `Display` shows the underlying error's text shortened and with
    /// secret-looking words replaced.
    #[error("{endpoint}: transport error ({kind:?}): {}", redact::text(&.source.to_string()))]
    Transport {
        /// The endpoint.
        endpoint: EndpointRef,
        /// What kind of failure.
        kind: TransportErrorKind,
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The reply could not be decoded into the expected type.
    ///
    /// The decoder's message is kept shortened and with secret-looking
    /// values replaced (serde quotes the value it refused), so `Display`,
    /// `Debug` and `source` are all safe to log.
    #[error("{endpoint}: could not decode the reply ({source}); body starts: {excerpt}")]
    Decode {
        /// The endpoint.
        endpoint: EndpointRef,
        /// The start of the body, shortened, secrets redacted.
        excerpt: String,
        /// The decoding error, redacted.
        #[source]
        source: DecodeError,
    },
    /// A listing could not continue safely (a `next` link loop, an empty
    /// page that still announces more).
    #[error("{endpoint}: pagination stopped: {message}")]
    Pagination {
        /// The endpoint.
        endpoint: EndpointRef,
        /// What went wrong.
        message: String,
    },
}

fn describe(what: &str, failure: &ApiFailure) -> String {
    let mut text = format!("{}: {what} (HTTP {})", failure.endpoint, failure.status);
    if let Some(message) = &failure.message {
        text.push_str(": ");
        text.push_str(message);
    }
    if let Some(hint) = failure.hint {
        text.push_str(" — hint: ");
        text.push_str(hint);
    }
    text
}

/// The text of an underlying error, copied for another caller.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct CopiedError(String);

/// Hint for the account-id/profile-id pitfall.
pub const PROFILE_ID_HINT: &str = "this endpoint takes a provider PROFILE id; if you passed an account id \
     (the `id` of the providers list), resolve it with get_profile_id";

impl Error {
    pub(crate) fn config(variable: Option<&'static str>, message: String) -> Self {
        Self::Config {
            endpoint: None,
            variable,
            message,
        }
    }

    /// An invalid-input error with a message.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self::InvalidInput {
            endpoint: None,
            message: message.into(),
            source: None,
        }
    }

    /// Fills in the endpoint of a local error that does not name one yet.
    pub(crate) fn at(mut self, descriptor: &EndpointDescriptor) -> Self {
        if let Self::InvalidInput { endpoint, .. } | Self::Config { endpoint, .. } = &mut self {
            endpoint.get_or_insert(descriptor.into());
        }
        self
    }

    /// An invalid-input error about a request to `endpoint`.
    pub fn invalid_input_for(endpoint: &EndpointDescriptor, message: impl Into<String>) -> Self {
        Self::InvalidInput {
            endpoint: Some(endpoint.into()),
            message: message.into(),
            source: None,
        }
    }

    /// Builds the error for a non-success response.
    pub(crate) fn from_response(
        endpoint: &EndpointDescriptor,
        status: u16,
        body: &[u8],
        retry_after: Option<Duration>,
    ) -> Self {
        let (message, field_errors) = parse_error_body(body);
        // The server's words are shown in `Display`: shortened and with
        // anything secret-looking replaced, like the body excerpt.
        let message = message.map(|text| redact::text(&text));
        let field_errors = field_errors
            .into_iter()
            .map(|(field, messages)| {
                let messages = messages.iter().map(|text| redact::text(text)).collect();
                (field, messages)
            })
            .collect();
        let profile_pitfall = endpoint.ids == IdKind::Profile && matches!(status, 404 | 422);
        let failure = Box::new(ApiFailure {
            endpoint: endpoint.into(),
            status,
            message,
            field_errors,
            body: redact::excerpt(body),
            retry_after,
            hint: profile_pitfall.then_some(PROFILE_ID_HINT),
        });
        match status {
            401 | 403 => Self::Auth(failure),
            404 => Self::NotFound(failure),
            422 if profile_pitfall => Self::NotFound(failure),
            400 | 422 => Self::Validation(failure),
            429 => Self::RateLimited(failure),
            _ => Self::Server(failure),
        }
    }

    /// A copy of this error for another caller that waited on the same
    /// work (a shared login). Underlying errors are kept as their text.
    pub(crate) fn duplicate(&self) -> Self {
        let text = |source: &dyn std::error::Error| -> Box<dyn std::error::Error + Send + Sync> {
            Box::new(CopiedError(source.to_string()))
        };
        match self {
            Self::InvalidInput {
                endpoint,
                message,
                source,
            } => Self::InvalidInput {
                endpoint: *endpoint,
                message: message.clone(),
                source: source.as_deref().map(|source| text(source)),
            },
            Self::Config {
                endpoint,
                variable,
                message,
            } => Self::Config {
                endpoint: *endpoint,
                variable: *variable,
                message: message.clone(),
            },
            Self::Auth(failure) => Self::Auth(failure.clone()),
            Self::NotFound(failure) => Self::NotFound(failure.clone()),
            Self::Validation(failure) => Self::Validation(failure.clone()),
            Self::RateLimited(failure) => Self::RateLimited(failure.clone()),
            Self::Server(failure) => Self::Server(failure.clone()),
            Self::Transport {
                endpoint,
                kind,
                source,
            } => Self::Transport {
                endpoint: *endpoint,
                kind: *kind,
                source: text(source.as_ref()),
            },
            Self::Decode {
                endpoint,
                excerpt,
                source,
            } => Self::Decode {
                endpoint: *endpoint,
                excerpt: excerpt.clone(),
                source: source.clone(),
            },
            Self::Pagination { endpoint, message } => Self::Pagination {
                endpoint: *endpoint,
                message: message.clone(),
            },
        }
    }

    fn failure(&self) -> Option<&ApiFailure> {
        match self {
            Self::Auth(f)
            | Self::NotFound(f)
            | Self::Validation(f)
            | Self::RateLimited(f)
            | Self::Server(f) => Some(f),
            _ => None,
        }
    }

    /// The endpoint concerned: always for errors from a request, and for
    /// local errors about one.
    pub fn endpoint(&self) -> Option<EndpointRef> {
        match self {
            Self::Transport { endpoint, .. }
            | Self::Decode { endpoint, .. }
            | Self::Pagination { endpoint, .. } => Some(*endpoint),
            Self::InvalidInput { endpoint, .. } | Self::Config { endpoint, .. } => *endpoint,
            other => other.failure().map(|f| f.endpoint),
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        self.failure().map(|f| f.status)
    }

    /// The API's own message, when the server gave one.
    pub fn api_message(&self) -> Option<&str> {
        self.failure().and_then(|f| f.message.as_deref())
    }

    /// The response body (shortened, secrets redacted).
    pub fn body(&self) -> Option<&str> {
        self.failure().map(|f| f.body.as_str())
    }

    /// Field errors of a validation failure (empty otherwise).
    pub fn field_errors(&self) -> Option<&BTreeMap<String, Vec<String>>> {
        self.failure().map(|f| &f.field_errors)
    }

    /// The server's `Retry-After`, when it sent one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.failure().and_then(|f| f.retry_after)
    }

    /// The hint for a known pitfall, if this is one.
    pub fn hint(&self) -> Option<&'static str> {
        self.failure().and_then(|f| f.hint)
    }

    /// The environment variable a configuration error is about.
    pub fn config_variable(&self) -> Option<&'static str> {
        match self {
            Self::Config { variable, .. } => *variable,
            _ => None,
        }
    }

    /// 401/403.
    pub fn is_auth(&self) -> bool {
        matches!(self, Self::Auth(_))
    }

    /// 404 (or the 422 of the account-id pitfall).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::NotFound(_))
    }

    /// 400/422 with field errors.
    pub fn is_validation(&self) -> bool {
        matches!(self, Self::Validation(_))
    }

    /// 429.
    pub fn is_rate_limited(&self) -> bool {
        matches!(self, Self::RateLimited(_))
    }

    /// Other non-success status.
    pub fn is_server(&self) -> bool {
        matches!(self, Self::Server(_))
    }

    /// An attempt timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(
            self,
            Self::Transport {
                kind: TransportErrorKind::Timeout,
                ..
            }
        )
    }

    /// The response body was longer than the configured limit.
    pub fn is_response_too_large(&self) -> bool {
        matches!(
            self,
            Self::Transport {
                kind: TransportErrorKind::ResponseTooLarge,
                ..
            }
        )
    }

    /// Any transport failure.
    pub fn is_transport(&self) -> bool {
        matches!(self, Self::Transport { .. })
    }

    /// Local validation failed; nothing was sent.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Self::InvalidInput { .. })
    }

    /// Configuration is missing or malformed; nothing was sent.
    pub fn is_config(&self) -> bool {
        matches!(self, Self::Config { .. })
    }
}

/// Pulls the API's message and DRF-style field errors out of an error body.
///
/// DRF answers `{"field": ["msg", ...], "non_field_errors": [...]}` or
/// `{"detail": "..."}`; other endpoints use `message`, `msg` or `error`.
/// Fields named in an error message; all of them are in `field_errors`.
const SHOWN: usize = 3;

fn parse_error_body(body: &[u8]) -> (Option<String>, BTreeMap<String, Vec<String>>) {
    let mut fields = BTreeMap::new();
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        let text = String::from_utf8_lossy(body);
        let text = text.trim();
        let message = (!text.is_empty() && text.len() <= 300 && !text.starts_with('<'))
            .then(|| redact::excerpt(text.as_bytes()));
        return (message, fields);
    };
    let serde_json::Value::Object(map) = &value else {
        if let serde_json::Value::Array(items) = &value {
            let messages: Vec<String> = items.iter().filter_map(as_text).collect();
            if !messages.is_empty() {
                return (Some(messages.join("; ")), fields);
            }
        }
        return (None, fields);
    };
    for key in ["detail", "message", "msg", "error"] {
        if let Some(text) = map.get(key).and_then(as_text) {
            return (Some(text), fields);
        }
    }
    for (key, entry) in map {
        let messages: Vec<String> = match entry {
            serde_json::Value::Array(items) => items.iter().filter_map(as_text).collect(),
            other => as_text(other).into_iter().collect(),
        };
        if !messages.is_empty() && !redact::is_secret_key(key) {
            fields.insert(key.clone(), messages);
        }
    }
    let message = (!fields.is_empty()).then(|| {
        let mut text = fields
            .iter()
            .take(SHOWN)
            .map(|(field, messages)| format!("{field}: {}", messages.join(" ")))
            .collect::<Vec<_>>()
            .join("; ");
        if fields.len() > SHOWN {
            let _ = write!(text, " (and {} more fields)", fields.len() - SHOWN);
        }
        text
    });
    (message, fields)
}

fn as_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use assured_models::catalog::{Endpoint, GetPersonalInfo, ListExternalUsers};

    #[test]
    fn drf_field_errors_are_parsed_and_displayed() {
        let body = br#"{"citizenship_country": ["Citizenship country is required"], "home_city": ["This field may not be null."]}"#;
        let err = Error::from_response(ListExternalUsers::DESCRIPTOR, 400, body, None);
        assert!(err.is_validation());
        let fields = err.field_errors().unwrap();
        assert_eq!(fields["home_city"], vec!["This field may not be null."]);
        let shown = err.to_string();
        assert!(shown.contains("HTTP 400"), "{shown}");
        assert!(shown.contains("Citizenship country is required"), "{shown}");
    }

    #[test]
    fn profile_endpoint_404_carries_the_account_id_hint() {
        let err = Error::from_response(
            GetPersonalInfo::DESCRIPTOR,
            404,
            br#"{"detail":"Not found."}"#,
            None,
        );
        assert!(err.is_not_found());
        assert_eq!(err.hint(), Some(PROFILE_ID_HINT));
        assert!(err.to_string().contains("get_profile_id"));
        assert_eq!(err.api_message(), Some("Not found."));
    }
}
