//! A faithful local Assured Platform API server.
#![forbid(unsafe_code)]
#![recursion_limit = "256"]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod config;
mod crypto;
mod data;
mod handlers;
mod paging;
mod personal;
mod seed;
mod server;
mod state;
mod validate;

pub use config::{Faults, Latency, MockConfig};
pub use personal::{NON_NULLABLE, READ_ONLY, WRITABLE};
pub use seed::{is_valid_npi, npi_check_digit};
pub use server::{AuthSeen, FOREIGN_ORIGIN, MockServer, RecordedRequest, Stats};
pub use state::{ProviderSummary, State, StoredFile};
