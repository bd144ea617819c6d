//! Exit codes (one per kind of error) and the tool's error type.
//!
//! Every failure becomes a [`CliError`]: a kind, which picks the exit code,
//! and the text to print. The SDK's errors already carry the API's own
//! message and the hint for known pitfalls, and never a secret; the tool
//! prints them as they are.

use std::fmt::{self, Write as _};
use std::process::ExitCode;

use assured::helpers::HelperError;
use assured::request::ListTableError;
use assured::table::TableError;

/// What kind of failure ended the command: each has its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitKind {
    /// Anything not covered below (an I/O error, an unexpected reply).
    Failure,
    /// The command line was wrong: unknown flag, field or column, a missing
    /// confirmation.
    Usage,
    /// Configuration is missing or malformed (an `ASSURED_*` variable).
    Config,
    /// The API key or the login was refused (401/403).
    Auth,
    /// What was asked for does not exist (404, an unknown NPI).
    NotFound,
    /// Bad input (an invalid NPI, SSN or file, refused before any
    /// request), or a payload the server rejected (400/422).
    Validation,
    /// Still rate limited (429) after every allowed retry.
    RateLimited,
    /// The server failed (5xx after retries, or an unexpected status).
    Server,
    /// The server could not be reached, or did not answer in time.
    Network,
    /// Stopped by Ctrl-C.
    Interrupted,
}

impl ExitKind {
    /// Every kind, in the order `--help` lists them.
    pub(crate) const ALL: [Self; 10] = [
        Self::Failure,
        Self::Usage,
        Self::Config,
        Self::Auth,
        Self::NotFound,
        Self::Validation,
        Self::RateLimited,
        Self::Server,
        Self::Network,
        Self::Interrupted,
    ];

    /// The process exit code.
    pub(crate) fn code(self) -> u8 {
        match self {
            Self::Failure => 1,
            Self::Usage => 2,
            Self::Config => 3,
            Self::Auth => 4,
            Self::NotFound => 5,
            Self::Validation => 6,
            Self::RateLimited => 7,
            Self::Server => 8,
            Self::Network => 9,
            Self::Interrupted => 130,
        }
    }

    fn meaning(self) -> &'static str {
        match self {
            Self::Failure => "other failure (I/O, unexpected reply, a declined confirmation)",
            Self::Usage => "usage: bad arguments, unknown field or column, no confirmation",
            Self::Config => "configuration: a missing or malformed ASSURED_* setting",
            Self::Auth => "authentication: API key or login refused",
            Self::NotFound => "not found",
            Self::Validation => {
                "validation: bad input (NPI, SSN, file) or a payload the API refused"
            }
            Self::RateLimited => "rate limited after every retry",
            Self::Server => "server error",
            Self::Network => "network: no connection or no answer in time",
            Self::Interrupted => "interrupted (Ctrl-C)",
        }
    }

    /// The exit-code table of `--help`.
    pub(crate) fn help_table() -> String {
        let mut text = String::from("Exit codes:\n  0    success\n");
        for kind in Self::ALL {
            let _ = writeln!(text, "  {:<4} {}", kind.code(), kind.meaning());
        }
        text
    }
}

/// A failure of a command: its kind and what to print.
#[derive(Debug)]
pub(crate) struct CliError {
    kind: ExitKind,
    message: String,
    /// Further lines (what to do next).
    notes: Vec<String>,
}

impl CliError {
    pub(crate) fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Usage, message)
    }

    pub(crate) fn failure(message: impl Into<String>) -> Self {
        Self::new(ExitKind::Failure, message)
    }

    /// Adds a line printed after the message.
    #[must_use]
    pub(crate) fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    #[cfg(test)]
    pub(crate) fn kind(&self) -> ExitKind {
        self.kind
    }

    /// Prints the error on stderr and gives the exit code.
    pub(crate) fn report(&self) -> ExitCode {
        eprintln!("error: {}", self.message);
        for note in &self.notes {
            eprintln!("{note}");
        }
        ExitCode::from(self.kind.code())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The kind of an SDK error.
pub(crate) fn kind_of(error: &assured::Error) -> ExitKind {
    if error.is_config() {
        ExitKind::Config
    } else if error.is_auth() {
        ExitKind::Auth
    } else if error.is_not_found() {
        ExitKind::NotFound
    } else if error.is_validation() || error.is_invalid_input() {
        ExitKind::Validation
    } else if error.is_rate_limited() {
        ExitKind::RateLimited
    } else if error.is_server() {
        ExitKind::Server
    } else if error.is_transport() {
        ExitKind::Network
    } else {
        ExitKind::Failure
    }
}

impl From<assured::Error> for CliError {
    fn from(error: assured::Error) -> Self {
        Self::new(kind_of(&error), error.to_string())
    }
}

impl From<HelperError> for CliError {
    fn from(error: HelperError) -> Self {
        let kind = match &error {
            HelperError::NpiNotFound { .. } | HelperError::AccountNotFound { .. } => {
                ExitKind::NotFound
            }
            HelperError::DuplicateNpi { .. }
            | HelperError::CitizenshipUnanswered { source: None, .. } => ExitKind::Validation,
            _ if error.is_invalid_input() => ExitKind::Validation,
            _ => error.core().map_or(ExitKind::Failure, kind_of),
        };
        Self::new(kind, error.to_string())
    }
}

impl From<TableError> for CliError {
    fn from(error: TableError) -> Self {
        match error {
            TableError::UnknownColumn { .. } => Self::usage(error.to_string()),
            _ => Self::failure(error.to_string()),
        }
    }
}

impl From<ListTableError> for CliError {
    fn from(error: ListTableError) -> Self {
        match error {
            ListTableError::Request(error) => error.into(),
            ListTableError::Table(error) => error.into(),
            _ => Self::failure(error.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        Self::failure(format!("output: {error}"))
    }
}
