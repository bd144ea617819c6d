//! [`DecodeError`]: a decoder's failure, safe to show and to log.

use std::fmt;

use crate::redact;

/// Why a reply could not be decoded.
///
/// The decoder's own error quotes the value it refused, which may be
/// anything the server sent (a token, an SSN); this keeps its message only
/// shortened and with secret-looking words replaced, so `Display`, `Debug`
/// and the whole [`source`](std::error::Error::source) chain of an
/// [`Error::Decode`](crate::Error::Decode) are safe to log.
///
/// ```
/// use assured_core::error::{DecodeError, DecodeErrorKind};
///
/// let raw = serde_json::from_str::<bool>(r#""123-45-6789""#).unwrap_err();
/// let err = DecodeError::from(&raw);
/// assert_eq!(err.kind(), DecodeErrorKind::Data);
/// assert!(!err.to_string().contains("6789"));
/// assert!(!format!("{err:?}").contains("6789"));
/// ```
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DecodeError {
    message: String,
    kind: DecodeErrorKind,
    line: usize,
    column: usize,
}

/// What kind of decoding failure a [`DecodeError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The body is not valid JSON.
    Syntax,
    /// Valid JSON of the wrong shape (a missing field, a wrong type).
    Data,
    /// The body ended early (a truncated reply).
    Eof,
    /// Reading the body failed.
    Io,
}

impl DecodeError {
    /// The decoder's message, shortened and redacted.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The line of the body where decoding failed (1-based; 0 when unknown).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of the body where decoding failed (1-based; 0 when
    /// unknown).
    pub fn column(&self) -> usize {
        self.column
    }
}

impl From<&serde_json::Error> for DecodeError {
    fn from(err: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let kind = match err.classify() {
            Category::Syntax => DecodeErrorKind::Syntax,
            Category::Data => DecodeErrorKind::Data,
            Category::Eof => DecodeErrorKind::Eof,
            Category::Io => DecodeErrorKind::Io,
        };
        Self {
            message: redact::text(&err.to_string()),
            kind,
            line: err.line(),
            column: err.column(),
        }
    }
}

impl From<serde_json::Error> for DecodeError {
    fn from(err: serde_json::Error) -> Self {
        Self::from(&err)
    }
}

// By hand, to show the message as a quoted string like the rest.
impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("message", &self.message)
            .field("kind", &self.kind)
            .field("line", &self.line)
            .field("column", &self.column)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decoders_quote_is_redacted_and_capped_everywhere() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl";
        for body in [
            format!(r#"{{"flag": "{jwt}"}}"#),
            r#"{"flag": "123-45-6789"}"#.to_owned(),
            format!(r#"{{"flag": "{}"}}"#, "x".repeat(5000)),
        ] {
            #[derive(Debug, serde::Deserialize)]
            #[allow(dead_code)]
            struct Shape {
                flag: bool,
            }
            let raw = serde_json::from_str::<Shape>(&body).unwrap_err();
            let err = DecodeError::from(raw);
            for shown in [err.to_string(), format!("{err:?}")] {
                assert!(!shown.contains("eyJ") && !shown.contains("6789"), "{shown}");
                assert!(
                    shown.chars().count() < 400,
                    "{} chars",
                    shown.chars().count()
                );
            }
            assert_eq!(err.kind(), DecodeErrorKind::Data);
            assert_eq!(err.line(), 1);
            assert!(err.column() > 0);
        }
    }
}
