//! Rust SDK for the Assured Platform API.
//!
//! The facade crate: it re-exports the workspace's crates behind feature
//! flags. Today it offers the SSN value type and token (feature `crypto`, on
//! by default); the client, resource handles and helpers arrive with their
//! crates.
//!
//! ```
//! # #[cfg(feature = "crypto")] {
//! use assured::crypto::{Ssn, SsnKey};
//!
//! let token = SsnKey::from_jwt("session-jwt").encrypt(&Ssn::parse("123-45-6789")?)?;
//! assert_eq!(token.as_str().len(), 36);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

/// The SSN value type and the SSN token ([`assured_crypto`]).
#[cfg(feature = "crypto")]
pub use assured_crypto as crypto;

/// The wire model of the API ([`assured_models`]).
pub use assured_models as models;
