//! [`S3Url`]: where an uploaded file lives.

use std::fmt;
use std::str::FromStr;

/// An `s3://bucket/key` URL, as the upload returns it and as the document
/// link and the presign endpoint take it.
///
/// ```
/// use assured_helpers::S3Url;
///
/// let url: S3Url = "s3://bucket/provider-documents/a.pdf".parse()?;
/// assert_eq!(url.as_str(), "s3://bucket/provider-documents/a.pdf");
/// assert!("https://bucket.s3.amazonaws.com/a.pdf".parse::<S3Url>().is_err());
/// assert!("s3://bucket-only".parse::<S3Url>().is_err());
/// # Ok::<(), assured_helpers::InvalidS3Url>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct S3Url(String);

const SCHEME: &str = "s3://";

impl S3Url {
    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A string that is not an `s3://bucket/key` URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected an s3://bucket/key URL, got {input:?}")]
pub struct InvalidS3Url {
    /// The rejected input.
    pub input: String,
}

impl FromStr for S3Url {
    type Err = InvalidS3Url;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let text = input.trim();
        let valid = text.strip_prefix(SCHEME).is_some_and(|rest| {
            rest.split_once('/')
                .is_some_and(|(bucket, key)| !bucket.is_empty() && !key.is_empty())
        });
        if valid && !text.contains(char::is_whitespace) {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidS3Url {
                input: text.to_owned(),
            })
        }
    }
}

impl fmt::Display for S3Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
