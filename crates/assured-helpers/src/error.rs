//! The helpers' error type: the core's [`assured_core::Error`], plus the
//! failures only a helper can name.

use std::sync::Arc;

use assured_models::AccountId;

use crate::document::DocumentProblem;
use crate::s3_url::{InvalidS3Url, S3Url};

/// What can go wrong in a helper.
///
/// Every failure of a request is the core's [`Error`](assured_core::Error)
/// ([`HelperError::Core`]), with its endpoint, status and hints. The other
/// variants are the pitfalls the helpers catch and name themselves.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HelperError {
    /// A request failed, or the input was refused before any request (see
    /// [`assured_core::Error::is_invalid_input`]).
    #[error(transparent)]
    Core(#[from] assured_core::Error),

    /// The shared refresh of the NPI index failed. Every caller that was
    /// waiting for that refresh gets this same error; the next lookup tries
    /// again.
    #[error("the NPI index could not be refreshed: {0}")]
    NpiIndexRefresh(#[source] Arc<assured_core::Error>),

    /// No provider has this NPI (in an index at most one TTL old).
    #[error("no provider has NPI {npi}")]
    NpiNotFound {
        /// The NPI looked up.
        npi: String,
    },

    /// Several providers carry the same NPI; the helper does not pick one.
    #[error("NPI {npi} is held by {} providers (account ids {}); resolve the duplicate in the platform", accounts.len(), join(accounts))]
    DuplicateNpi {
        /// The NPI.
        npi: String,
        /// The account ids of every provider that has it.
        accounts: Vec<AccountId>,
    },

    /// No provider has these account ids (`providers-list?id_in=` answered
    /// without them).
    #[error("no provider with account id {}", join(accounts))]
    AccountNotFound {
        /// The account ids that were not found.
        accounts: Vec<AccountId>,
    },

    /// The provider exists but its record has no `provider_profile_id`.
    #[error("provider account {account} has no profile id")]
    NoProfile {
        /// The account id.
        account: AccountId,
    },

    /// The personal-info record leaves citizenship unanswered, which the
    /// server refuses on every write.
    #[error("the personal info of this profile leaves citizenship unanswered ({}): set {} in the update", fields.join(", "), fields.join(" and "))]
    CitizenshipUnanswered {
        /// The fields to set: `us_citizen`, `citizenship_country`, and for
        /// non-US citizens `visa_number`.
        fields: Vec<&'static str>,
        /// The server's 400, when it was the server that refused.
        #[source]
        source: Option<assured_core::Error>,
    },

    /// A document was refused before upload; nothing was sent.
    #[error("{file}: {problem}")]
    InvalidDocument {
        /// The file name or path.
        file: String,
        /// What is wrong with it.
        #[source]
        problem: DocumentProblem,
    },

    /// The server's reply lacks what the helper needs (e.g. an upload
    /// reply without an `s3://` `file_url`).
    #[error("{endpoint}: unexpected reply: {message}")]
    UnexpectedReply {
        /// The endpoint that answered.
        endpoint: assured_core::EndpointRef,
        /// What was missing or wrong.
        message: String,
    },

    /// The file was uploaded but linking it to the provider failed. Nothing
    /// is lost: pass `s3_url` to
    /// [`Helpers::associate_document`](crate::Helpers::associate_document)
    /// to finish without uploading again.
    #[error("uploaded to {s3_url}, but linking it to the provider failed: {source}")]
    AssociationFailed {
        /// Where the uploaded file is.
        s3_url: S3Url,
        /// Why the link failed.
        #[source]
        source: assured_core::Error,
    },
}

impl From<assured_crypto::SsnError> for HelperError {
    /// A string that is not an SSN is bad input (the message never repeats
    /// the digits).
    fn from(error: assured_crypto::SsnError) -> Self {
        Self::invalid_input(format!("not an SSN: {error}"))
    }
}

impl From<InvalidS3Url> for HelperError {
    /// A string that is not an `s3://` URL is bad input.
    fn from(error: InvalidS3Url) -> Self {
        Self::invalid_input(error.to_string())
    }
}

fn join(accounts: &[AccountId]) -> String {
    accounts
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl HelperError {
    /// The core error behind this one, if a request (or local validation
    /// by the core) failed.
    pub fn core(&self) -> Option<&assured_core::Error> {
        match self {
            Self::Core(error) => Some(error),
            Self::NpiIndexRefresh(error) => Some(error),
            Self::AssociationFailed { source, .. } => Some(source),
            Self::CitizenshipUnanswered { source, .. } => source.as_ref(),
            _ => None,
        }
    }

    /// Bad input, refused before any request.
    pub fn is_invalid_input(&self) -> bool {
        match self {
            Self::Core(error) => error.is_invalid_input(),
            Self::InvalidDocument { .. } => true,
            _ => false,
        }
    }

    /// Nothing matched: an unknown NPI or account id, or the core's 404.
    pub fn is_not_found(&self) -> bool {
        match self {
            Self::NpiNotFound { .. } | Self::AccountNotFound { .. } => true,
            Self::Core(error) => error.is_not_found(),
            _ => false,
        }
    }

    /// The `s3://` URL of a file that was uploaded but not linked.
    pub fn uploaded_s3_url(&self) -> Option<&S3Url> {
        match self {
            Self::AssociationFailed { s3_url, .. } => Some(s3_url),
            _ => None,
        }
    }

    /// An invalid-input error (nothing was sent).
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Self::Core(assured_core::Error::invalid_input(message))
    }
}
