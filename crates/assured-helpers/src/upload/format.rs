//! The document formats the platform accepts: PDF, PNG and JPEG, known by
//! extension and by the bytes they start with.

use std::fmt;
use std::path::Path;

use crate::upload::problem::DocumentProblem;

/// An accepted document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentFormat {
    /// `.pdf`, starting with `%PDF-`.
    Pdf,
    /// `.png`, starting with the PNG signature.
    Png,
    /// `.jpg` or `.jpeg`, starting with `FF D8 FF`.
    Jpeg,
}

/// Bytes needed to check any signature (the PNG one is the longest).
pub(crate) const SIGNATURE_LEN: usize = 8;

impl DocumentFormat {
    /// The format a file name's extension names (case-insensitive), with
    /// that extension in lower case.
    pub(crate) fn from_file_name(file_name: &str) -> Result<(Self, String), DocumentProblem> {
        let extension = Path::new(file_name)
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let format = match extension.as_str() {
            "pdf" => Self::Pdf,
            "png" => Self::Png,
            "jpg" | "jpeg" => Self::Jpeg,
            _ => return Err(DocumentProblem::UnsupportedExtension { extension }),
        };
        Ok((format, extension))
    }

    /// The bytes every file of this format starts with.
    pub fn signature(self) -> &'static [u8] {
        match self {
            Self::Pdf => b"%PDF-",
            Self::Png => b"\x89PNG\r\n\x1a\n",
            Self::Jpeg => b"\xFF\xD8\xFF",
        }
    }

    /// The media type sent with the file.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    /// Checks that `head` (the first bytes of the file) starts with the
    /// signature.
    pub(crate) fn check_signature(self, head: &[u8]) -> Result<(), DocumentProblem> {
        if head.starts_with(self.signature()) {
            Ok(())
        } else {
            Err(DocumentProblem::SignatureMismatch { format: self })
        }
    }
}

impl fmt::Display for DocumentFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Pdf => "PDF",
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_case_insensitive_and_only_four_are_known() {
        assert_eq!(
            DocumentFormat::from_file_name("Licence.PDF").unwrap(),
            (DocumentFormat::Pdf, "pdf".to_owned())
        );
        assert_eq!(
            DocumentFormat::from_file_name("scan.JpEg").unwrap().0,
            DocumentFormat::Jpeg
        );
        for bad in ["notes.txt", "pdf", "archive.pdf.zip", ".png", "x."] {
            assert!(DocumentFormat::from_file_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn signatures_are_checked_against_the_first_bytes() {
        assert!(DocumentFormat::Pdf.check_signature(b"%PDF-1.7\n").is_ok());
        assert!(DocumentFormat::Pdf.check_signature(b"%PDF").is_err());
        assert!(
            DocumentFormat::Png
                .check_signature(b"\x89PNG\r\n\x1a\n\0\0")
                .is_ok()
        );
        assert!(
            DocumentFormat::Jpeg
                .check_signature(b"\xFF\xD8\xFF\xE0")
                .is_ok()
        );
        assert!(DocumentFormat::Jpeg.check_signature(b"%PDF-1.7").is_err());
    }
}
