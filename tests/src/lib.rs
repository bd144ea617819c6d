//! Cross-crate integration tests of the Assured SDK: the client of
//! `assured` (through `assured-core`) against the `assured-mock` server.
//!
//! The tests live in `tests/`; this library is empty on purpose.
#![forbid(unsafe_code)]
