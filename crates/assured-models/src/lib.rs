//! The wire model of the Assured Platform API.
//!
//! This crate is the single source of truth for what the API looks like:
//!
//! * [typed ids](ids): [`AccountId`] and [`ProfileId`] are different types,
//!   so giving an account id to a profile endpoint does not compile;
//! * a serde type for every request, response and list-parameter payload
//!   ([`models`]), keeping unknown fields and tolerating the date formats
//!   production sends;
//! * the paginated envelope [`Page`];
//! * the [endpoint catalog](catalog): method, path, auth, pagination and
//!   types of every endpoint, declared once.
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod catalog;
pub mod ids;
pub mod models;
pub mod page;
pub mod query;
pub mod time;
pub mod tristate;

pub use ids::{AccountId, InvalidId, ProfileId};
pub use page::{ArrayOrPage, Page};
pub use query::QueryParams;
pub use time::{ApiDate, ApiDateTime, InvalidDate};
pub use tristate::Tristate;
