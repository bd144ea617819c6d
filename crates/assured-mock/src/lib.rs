//! A faithful local Assured Platform API server.
//!
//! It will serve every endpoint of the catalog on loopback with in-memory,
//! seeded state, reproduce the production quirks, and offer fault injection
//! and introspection for tests. It depends on `assured-models` only, so that
//! it cannot share a bug with the client.
//!
//! It is being filled in: see the workspace README for what works today.
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
