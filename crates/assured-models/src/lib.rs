//! The wire model of the Assured Platform API.
//!
//! This crate is the single source of truth for what the API looks like:
//! typed ids (`AccountId` and `ProfileId` are different types), a serde type
//! for every request, response and list-parameter payload, the paginated
//! envelope, and the endpoint catalog (method, path, auth kind, pagination)
//! that every other crate executes instead of writing path strings.
//!
//! It is being filled in: see the workspace README for what works today.
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
