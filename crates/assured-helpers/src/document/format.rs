//! The document formats the platform accepts: PDF, PNG and JPEG, known by
//! extension and by the bytes they start with.

use std::fmt;

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
    /// The format an extension names (without the dot, any case).
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "pdf" => Some(Self::Pdf),
            "png" => Some(Self::Png),
            "jpg" | "jpeg" => Some(Self::Jpeg),
            _ => None,
        }
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

    /// Whether `head` (the first bytes of a file) starts with the
    /// signature.
    pub fn matches_signature(self, head: &[u8]) -> bool {
        head.starts_with(self.signature())
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
            DocumentFormat::from_extension("PDF"),
            Some(DocumentFormat::Pdf)
        );
        assert_eq!(
            DocumentFormat::from_extension("JpEg"),
            Some(DocumentFormat::Jpeg)
        );
        assert_eq!(
            DocumentFormat::from_extension("jpg"),
            Some(DocumentFormat::Jpeg)
        );
        assert_eq!(
            DocumentFormat::from_extension("png"),
            Some(DocumentFormat::Png)
        );
        for bad in ["txt", "", "pdf.zip", "gif"] {
            assert_eq!(DocumentFormat::from_extension(bad), None, "{bad}");
        }
    }

    #[test]
    fn signatures_are_checked_against_the_first_bytes() {
        assert!(DocumentFormat::Pdf.matches_signature(b"%PDF-1.7\n"));
        assert!(!DocumentFormat::Pdf.matches_signature(b"%PDF"));
        assert!(DocumentFormat::Png.matches_signature(b"\x89PNG\r\n\x1a\n\0\0"));
        assert!(DocumentFormat::Jpeg.matches_signature(b"\xFF\xD8\xFF\xE0"));
        assert!(!DocumentFormat::Jpeg.matches_signature(b"%PDF-1.7"));
    }
}
