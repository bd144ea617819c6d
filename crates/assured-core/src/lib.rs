//! The engine of the Assured SDK.
//!
//! It will hold the transport abstraction (a `tower::Service` over `http`
//! types, reqwest by default), the auth layers (`x-api-key` and the lazily
//! acquired, single-flight session JWT), retry with backoff, the one public
//! `Error` type, configuration (`from_env`, builder) and the pagination engine
//! that turns any paginated endpoint of the catalog into a `Stream`.
//!
//! It is being filled in: see the workspace README for what works today.
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
