//! `multipart/form-data` bodies that a retry can send again unchanged: text
//! and in-memory files as bytes, files on disk as paths that each attempt
//! opens afresh and streams.

use std::path::{Path, PathBuf};

use bytes::{BufMut, Bytes, BytesMut};
use http::HeaderValue;

use crate::error::Error;
use crate::transport::body::Piece;
use crate::transport::{RequestBody, UploadProgress};

/// A `multipart/form-data` form (RFC 7578).
///
/// ```
/// use assured_core::MultipartForm;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let form = MultipartForm::new()
///     .text("name", "0d9c.pdf")
///     .file("file", "licence.pdf", "application/pdf", b"%PDF-1.7 ...".to_vec());
/// assert!(form.content_type().to_str()?.starts_with("multipart/form-data; boundary="));
/// let body = form.body().await?.collect().await?;
/// assert!(body.windows(9).any(|w| w == b"%PDF-1.7 "));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct MultipartForm {
    boundary: String,
    parts: Vec<Part>,
    progress: Option<UploadProgress>,
}

#[derive(Debug, Clone)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Data,
}

#[derive(Debug, Clone)]
enum Data {
    Bytes(Bytes),
    Path(PathBuf),
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
            progress: None,
        }
    }

    /// Reports the form's bytes as they are sent (each attempt from its
    /// first byte): see [`UploadProgress`].
    pub fn progress(mut self, progress: UploadProgress) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: Data::Bytes(Bytes::from(value.into())),
        });
        self
    }

    /// Adds a file part from bytes in memory.
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
            data: Data::Bytes(data.into()),
        });
        self
    }

    /// Adds a file part read from `path` when the form is sent: its length
    /// is taken from the file's metadata by [`MultipartForm::body`], and
    /// every attempt opens the file again and streams it in chunks, so the
    /// file is never held in memory whole.
    pub fn file_from_path(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        path: impl Into<PathBuf>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: Data::Path(path.into()),
        });
        self
    }

    /// The `Content-Type` header value, with the boundary.
    pub fn content_type(&self) -> HeaderValue {
        HeaderValue::from_str(&format!("multipart/form-data; boundary={}", self.boundary))
            .unwrap_or_else(|_| HeaderValue::from_static("multipart/form-data"))
    }

    /// The encoded body, with the length of each file part read from its
    /// metadata now. A file that cannot be read, or is not a regular file,
    /// is an [`Error::InvalidInput`], before any request.
    pub async fn body(&self) -> Result<RequestBody, Error> {
        let mut pieces = Vec::new();
        let mut head = BytesMut::new();
        for part in &self.parts {
            self.put_part_head(&mut head, part);
            match &part.data {
                Data::Bytes(bytes) => head.put_slice(bytes),
                Data::Path(path) => {
                    let len = file_len(path).await?;
                    pieces.push(Piece::Bytes(head.split().freeze()));
                    pieces.push(Piece::File {
                        path: path.clone(),
                        len,
                    });
                }
            }
            head.put_slice(b"\r\n");
        }
        head.put_slice(b"--");
        head.put_slice(self.boundary.as_bytes());
        head.put_slice(b"--\r\n");
        pieces.push(Piece::Bytes(head.freeze()));
        let body = RequestBody::from_pieces(pieces);
        Ok(match &self.progress {
            Some(progress) => body.with_progress(progress.clone()),
            None => body,
        })
    }

    fn put_part_head(&self, out: &mut BytesMut, part: &Part) {
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
    }
}

async fn file_len(path: &Path) -> Result<u64, Error> {
    let unreadable = |err: std::io::Error| Error::InvalidInput {
        endpoint: None,
        message: format!("cannot read the file to upload {}", path.display()),
        source: Some(Box::new(err)),
    };
    let metadata = tokio::fs::metadata(path).await.map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(Error::invalid_input(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    Ok(metadata.len())
}

/// Escapes a name for a quoted header parameter (RFC 7578 §4.2): quotes,
/// backslashes and line breaks are percent-encoded.
fn quote(name: &str) -> String {
    name.replace('\\', "%5C")
        .replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
