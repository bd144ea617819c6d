//! Higher-level operations over the Assured API.
//!
//! It will hold what the raw endpoints make hard: resolving an account id to
//! a profile id, looking providers up by NPI through a cached index,
//! fetch-merge-patch of the personal-info record, the encrypted SSN update,
//! and the two-stage document upload.
//!
//! It is being filled in: see the workspace README for what works today.
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
