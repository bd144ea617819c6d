//! The facade's guides (`docs/guides/`); their examples compile as doctests.

#[doc = include_str!("../../../docs/guides/tables.md")]
pub mod tables {}
