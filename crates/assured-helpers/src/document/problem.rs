//! Why a document was refused before upload.

use std::io;

use super::format::DocumentFormat;

/// What is wrong with a document, found before any request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentProblem {
    /// The extension is not `.pdf`, `.png`, `.jpg` or `.jpeg`.
    #[error("only .pdf, .png, .jpg and .jpeg files are accepted, not {}", if extension.is_empty() { "a file without extension".to_owned() } else { format!(".{extension}") })]
    UnsupportedExtension {
        /// The extension found (lower case; empty if none).
        extension: String,
    },
    /// The content does not start as its extension says it should.
    #[error("the content is not {format}: it does not start with the {format} signature")]
    SignatureMismatch {
        /// The format the extension names.
        format: DocumentFormat,
    },
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The file is larger than the configured limit.
    #[error("the file has {size} bytes, over the limit of {max}")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit ([`HelpersBuilder::max_upload_bytes`](crate::HelpersBuilder::max_upload_bytes)).
        max: u64,
    },
    /// The path is not a regular file.
    #[error("not a regular file")]
    NotAFile,
    /// The document name or type is blank.
    #[error("the document {0} is blank")]
    BlankField(&'static str),
    /// The file could not be read.
    #[error("the file could not be read: {0}")]
    Unreadable(#[source] io::Error),
}
