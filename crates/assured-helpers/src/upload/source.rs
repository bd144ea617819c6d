//! Where a document comes from (bytes or a path) and its checks before
//! upload: extension, size, emptiness and content signature.

use std::path::{Path, PathBuf};

use bytes::Bytes;
use tokio::io::AsyncReadExt as _;

use crate::document::{DocumentFormat, DocumentProblem, SIGNATURE_LEN};
use crate::error::HelperError;

/// A document to upload: bytes in memory, or a file on disk.
#[derive(Clone, PartialEq, Eq)]
pub enum DocumentFile {
    /// Bytes, with the file name they are sent under (its extension picks
    /// the format).
    Bytes {
        /// The file name, e.g. `licence.pdf`.
        file_name: String,
        /// The content.
        bytes: Bytes,
    },
    /// A file on disk; it is sent under its own file name.
    Path(PathBuf),
}

impl DocumentFile {
    /// A document from bytes.
    pub fn from_bytes(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Self::Bytes {
            file_name: file_name.into(),
            bytes: bytes.into(),
        }
    }

    /// A document from a path.
    pub fn from_path(path: impl Into<PathBuf>) -> Self {
        Self::Path(path.into())
    }

    /// How errors name the document.
    pub(crate) fn label(&self) -> String {
        match self {
            Self::Bytes { file_name, .. } => file_name.clone(),
            Self::Path(path) => path.display().to_string(),
        }
    }
}

impl std::fmt::Debug for DocumentFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bytes { file_name, bytes } => f
                .debug_struct("Bytes")
                .field("file_name", file_name)
                .field("bytes", &format_args!("<{} bytes>", bytes.len()))
                .finish(),
            Self::Path(path) => f.debug_tuple("Path").field(path).finish(),
        }
    }
}

impl From<PathBuf> for DocumentFile {
    fn from(path: PathBuf) -> Self {
        Self::Path(path)
    }
}

impl From<&Path> for DocumentFile {
    fn from(path: &Path) -> Self {
        Self::Path(path.to_owned())
    }
}

/// A document that passed every check, ready for the multipart form.
#[derive(Debug)]
pub(crate) struct CheckedDocument {
    pub(crate) file_name: String,
    /// Lower-case extension, without the dot.
    pub(crate) extension: String,
    pub(crate) format: DocumentFormat,
    pub(crate) content: Content,
}

/// Where the checked content is: in memory, or still on disk (streamed by
/// each upload attempt).
#[derive(Debug)]
pub(crate) enum Content {
    Bytes(Bytes),
    Path(PathBuf),
}

/// The format a file name's extension names, with that extension in lower
/// case.
fn format_of(file_name: &str) -> Result<(DocumentFormat, String), DocumentProblem> {
    let extension = Path::new(file_name)
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match DocumentFormat::from_extension(&extension) {
        Some(format) => Ok((format, extension)),
        None => Err(DocumentProblem::UnsupportedExtension { extension }),
    }
}

/// Checks that the first bytes carry the format's signature.
fn check_signature(format: DocumentFormat, head: &[u8]) -> Result<(), DocumentProblem> {
    if format.matches_signature(head) {
        Ok(())
    } else {
        Err(DocumentProblem::SignatureMismatch { format })
    }
}

/// Checks a document and loads its bytes.
pub(crate) async fn check_document(
    file: DocumentFile,
    max_bytes: u64,
) -> Result<CheckedDocument, HelperError> {
    let label = file.label();
    let refuse = |problem| HelperError::InvalidDocument {
        file: label.clone(),
        problem,
    };
    match file {
        DocumentFile::Bytes { file_name, bytes } => {
            let (format, extension) = format_of(&file_name).map_err(refuse)?;
            check_size(bytes.len() as u64, max_bytes).map_err(refuse)?;
            check_signature(format, &bytes).map_err(refuse)?;
            Ok(CheckedDocument {
                file_name,
                extension,
                format,
                content: Content::Bytes(bytes),
            })
        }
        DocumentFile::Path(path) => {
            let file_name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (format, extension) = format_of(&file_name).map_err(refuse)?;
            upload_body_from_path(&path, format, max_bytes)
                .await
                .map_err(refuse)?;
            Ok(CheckedDocument {
                file_name,
                extension,
                format,
                content: Content::Path(path),
            })
        }
    }
}

fn check_size(size: u64, max: u64) -> Result<(), DocumentProblem> {
    match size {
        0 => Err(DocumentProblem::Empty),
        size if size > max => Err(DocumentProblem::TooLarge { size, max }),
        _ => Ok(()),
    }
}

/// Checks the file at `path` for upload without reading it whole: the size
/// from its metadata, the signature from its first bytes. The upload then
/// streams it from disk (re-opened for each attempt), with the length the
/// metadata gives when the form is sent.
async fn upload_body_from_path(
    path: &Path,
    format: DocumentFormat,
    max_bytes: u64,
) -> Result<(), DocumentProblem> {
    let metadata = tokio::fs::metadata(path)
        .await
        .map_err(DocumentProblem::Unreadable)?;
    if !metadata.is_file() {
        return Err(DocumentProblem::NotAFile);
    }
    check_size(metadata.len(), max_bytes)?;
    let file = tokio::fs::File::open(path)
        .await
        .map_err(DocumentProblem::Unreadable)?;
    let mut head = Vec::with_capacity(SIGNATURE_LEN);
    file.take(SIGNATURE_LEN as u64)
        .read_to_end(&mut head)
        .await
        .map_err(DocumentProblem::Unreadable)?;
    check_signature(format, &head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_read_case_insensitively_from_the_last_dot() {
        assert_eq!(
            format_of("Licence.PDF").unwrap(),
            (DocumentFormat::Pdf, "pdf".to_owned())
        );
        assert_eq!(format_of("scan.v2.JpEg").unwrap().0, DocumentFormat::Jpeg);
        for bad in ["notes.txt", "pdf", "archive.pdf.zip", ".png", "x."] {
            assert!(format_of(bad).is_err(), "{bad}");
        }
    }
}
