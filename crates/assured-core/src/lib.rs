//! The engine of the Assured SDK.
//!
//! [`Client`] executes the endpoints of the catalog in
//! [`assured_models::catalog`]; everything cross-cutting lives here, once:
//!
//! * [configuration](config): a builder and `from_env()` (`ASSURED_*`
//!   variables and `.env`), checked before any request;
//! * the [transport]: a `tower::Service` over `http` types, on
//!   reqwest with rustls by default, replaceable in tests;
//! * auth: `x-api-key` on every request, and the session JWT acquired
//!   lazily and once (single flight), renewed before it expires, re-acquired
//!   once after a 401;
//! * [retries](retry) of what is safe to retry, with backoff, jitter,
//!   `Retry-After` and a client-wide budget; client-wide concurrency and
//!   rate limits;
//! * the one [`Error`] type, with the endpoint, the status, the API's message
//!   and hints for the known pitfalls;
//! * the [pagination engine](pagination): a page, all records, or a
//!   `'static` [`RecordStream`].
//!
//! ```no_run
//! use assured_core::{Client, Config};
//! use assured_models::catalog::ListProviders;
//! use assured_models::models::providers::ProviderListParams;
//! use futures_util::TryStreamExt as _;
//!
//! # async fn run() -> Result<(), assured_core::Error> {
//! let client = Client::new(Config::from_env()?)?;
//! let mut providers = client.stream::<ListProviders>(&(), &ProviderListParams::default())?;
//! while let Some(provider) = providers.try_next().await? {
//!     println!("{} {:?}", provider.id, provider.npi);
//! }
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod auth;
mod client;
pub mod config;
pub mod error;
mod limits;
mod multipart;
pub mod options;
pub mod pagination;
mod redact;
pub mod retry;
mod stack;
pub mod transport;

pub use client::Client;
pub use config::{Config, ConfigBuilder};
pub use error::{ApiFailure, EndpointRef, Error, TransportErrorKind};
pub use multipart::MultipartForm;
pub use options::{RequestOptions, SessionJwt};
pub use pagination::RecordStream;
pub use retry::{RetryPolicy, RetryQuota};
pub use transport::{HttpRequest, HttpResponse, TransportError};
