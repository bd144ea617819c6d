//! Rust SDK for the Assured Platform API.
//!
//! The facade crate: one dependency that re-exports the workspace's crates
//! behind feature flags.
//!
//! * [`models`]: typed ids ([`AccountId`](models::AccountId) and
//!   [`ProfileId`](models::ProfileId) are different types), a serde type for
//!   every payload, and the endpoint catalog;
//! * [`Client`] and [`core`] (feature `client`, on by default): the HTTP
//!   client with auth, retries, limits and pagination;
//! * [`crypto`] (feature `crypto`, on by default): the SSN value type and
//!   the SSN token.
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

/// The client engine ([`assured_core`]).
#[cfg(feature = "client")]
pub use assured_core as core;

#[cfg(feature = "client")]
pub use assured_core::{Client, Config, Error};
