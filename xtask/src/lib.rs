//! The library half of `xtask`: checks that are also run as tests.
//!
//! * [`spec_coverage`] compares the endpoint catalog of `assured-models`
//!   with the vendor spec and with `ENDPOINTS.md` (`cargo xtask
//!   spec-coverage`, and `xtask/tests/spec_coverage.rs` in the normal test
//!   run).
//! * [`codegen`] generates the facade's resource handles and
//!   `docs/parity.md` from the catalog (`cargo xtask codegen`;
//!   `xtask/tests/codegen.rs` fails when the checked-in output is stale).
#![forbid(unsafe_code)]

pub mod codegen;
pub mod spec_coverage;

use std::path::{Path, PathBuf};

/// The root of the repository (the parent of the `xtask` directory).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
