//! The commands: one module per noun, plus the shared listing runner.

pub(crate) mod docs;
pub(crate) mod fields;
pub(crate) mod list;
pub(crate) mod mock;
pub(crate) mod profile;
pub(crate) mod providers;
pub(crate) mod ssn;
