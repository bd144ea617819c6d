//! `multipart/form-data` bodies held as bytes, so that a retry can send the
//! very same form again.

use bytes::{BufMut, Bytes, BytesMut};
use http::HeaderValue;

/// A `multipart/form-data` form (RFC 7578), built in memory.
///
/// ```
/// use assured_core::MultipartForm;
///
/// let form = MultipartForm::new()
///     .text("name", "0d9c.pdf")
///     .file("file", "licence.pdf", "application/pdf", b"%PDF-1.7 ...".to_vec());
/// let body = form.to_bytes();
/// assert!(form.content_type().to_str()?.starts_with("multipart/form-data; boundary="));
/// assert!(body.windows(9).any(|w| w == b"%PDF-1.7 "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct MultipartForm {
    boundary: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Bytes,
}

impl Default for MultipartForm {
    fn default() -> Self {
        Self::new()
    }
}

impl MultipartForm {
    /// An empty form with a random boundary.
    pub fn new() -> Self {
        let boundary = format!(
            "assured-rs-{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        );
        Self {
            boundary,
            parts: Vec::new(),
        }
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: Bytes::from(value.into()),
        });
        self
    }

    /// Adds a file part.
    pub fn file(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: data.into(),
        });
        self
    }

    /// The `Content-Type` header value, with the boundary.
    pub fn content_type(&self) -> HeaderValue {
        HeaderValue::from_str(&format!("multipart/form-data; boundary={}", self.boundary))
            .unwrap_or_else(|_| HeaderValue::from_static("multipart/form-data"))
    }

    /// The encoded body.
    pub fn to_bytes(&self) -> Bytes {
        let mut out = BytesMut::new();
        for part in &self.parts {
            out.put_slice(b"--");
            out.put_slice(self.boundary.as_bytes());
            out.put_slice(b"\r\nContent-Disposition: form-data; name=\"");
            out.put_slice(quote(&part.name).as_bytes());
            out.put_slice(b"\"");
            if let Some(file_name) = &part.file_name {
                out.put_slice(b"; filename=\"");
                out.put_slice(quote(file_name).as_bytes());
                out.put_slice(b"\"");
            }
            out.put_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                out.put_slice(b"Content-Type: ");
                out.put_slice(content_type.as_bytes());
                out.put_slice(b"\r\n");
            }
            out.put_slice(b"\r\n");
            out.put_slice(&part.data);
            out.put_slice(b"\r\n");
        }
        out.put_slice(b"--");
        out.put_slice(self.boundary.as_bytes());
        out.put_slice(b"--\r\n");
        out.freeze()
    }
}

/// Escapes a name for a quoted header parameter (RFC 7578 §4.2): quotes,
/// backslashes and line breaks are percent-encoded.
fn quote(name: &str) -> String {
    name.replace('\\', "%5C")
        .replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
