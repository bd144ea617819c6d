//! The SSN value type and the SSN token of the Assured Platform API.
//!
//! The Assured API only accepts a Social Security number as a *token*:
//! AES-256-CTR with key = SHA-256 of the session JWT, a random 16-byte IV
//! prepended to the ciphertext, the whole Base64-encoded. This crate is that
//! and nothing more: no I/O, no async, usable on its own.
//!
//! * [`Ssn`] parses and validates an SSN and never shows more than its last
//!   four digits; its digits are zeroized on drop.
//! * [`SsnKey`] is the key for one JWT, derived once and reused;
//!   [`SsnKey::encrypt`] makes an [`SsnToken`], [`SsnKey::decrypt`] reads one.
//!
//! ```
//! use assured_crypto::{Ssn, SsnKey};
//!
//! // The JWT comes from `POST /api/v1/users/login/` (`data.jwt.access`).
//! let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3OTk5OTk5OTl9.c2ln";
//! let ssn = Ssn::parse("123-45-6789")?;
//!
//! let key = SsnKey::from_jwt(jwt);
//! let token = key.encrypt(&ssn)?;          // random IV each time
//! let body = format!(r#"{{"ssn":"{}"}}"#, token.as_str());
//! assert!(body.starts_with(r#"{"ssn":""#));
//!
//! // The server (or a verification tool) decrypts with the same JWT.
//! assert_eq!(key.decrypt(token.as_str())?.last_four(), "6789");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod ssn;
mod token;

pub use ssn::{Ssn, SsnError};
pub use token::{IV_LEN, SsnKey, SsnToken, TokenError, decrypt_ssn_token, encrypt_ssn};
