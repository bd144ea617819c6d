//! Cross-crate integration tests of the Assured SDK.
//!
//! The tests live in `tests/`; this library holds nothing yet and will hold
//! the shared fixtures (a started `assured-mock`, a client configured for it).
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
