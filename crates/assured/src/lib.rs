//! Rust SDK for the Assured Platform API.
//!
//! The facade crate: one dependency that re-exports the workspace's crates
//! behind feature flags, and the typed resource API.
//!
//! * [`Client`] (feature `client`, on by default): one handle per resource
//!   ([`client.providers()`](Client::providers),
//!   [`client.provider_profile()`](Client::provider_profile), ...), one method
//!   per endpoint, each returning a request builder ([`request`]);
//! * [`models`]: typed ids ([`AccountId`](models::AccountId) and
//!   [`ProfileId`](models::ProfileId) are different types), a serde type for
//!   every payload under one short path (`assured::models::ProviderListParams`),
//!   and the endpoint [`catalog`](models::catalog);
//! * [`engine`] (feature `client`): the client engine (auth, retries, limits,
//!   pagination) with the generic calls for any catalog endpoint;
//! * [`crypto`] (feature `crypto`, on by default): the SSN value type and
//!   the SSN token;
//! * [`helpers`] (feature `helpers`, on by default): id resolution, the
//!   cached NPI lookup, fetch-merge-patch, the SSN update and the checked
//!   upload, as methods on the handles (`client.providers().get_by_npi(..)`).
//!
//! # Quick start
//!
//! ```no_run
//! # #[cfg(feature = "client")]
//! # async fn run() -> Result<(), assured::Error> {
//! use assured::Client;
//!
//! // ASSURED_BASE_URL, ASSURED_API_KEY (and ASSURED_USER / ASSURED_PASS for
//! // the JWT endpoints), from the environment or a .env file.
//! let client = Client::from_env()?;
//!
//! // List providers: one page, or all of them (pages fetched concurrently).
//! let first = client.providers().list().limit(10).page(0).await?;
//! println!("{} providers", first.count);
//! let active = client.providers().list().is_active(true).all().await?;
//!
//! // Resolve a profile: each provider record carries both of its ids.
//! let provider = &active[0];
//! let profile = provider.provider_profile_id.expect("a linked profile");
//!
//! // Read personal info and list licenses: profile endpoints take a ProfileId.
//! let info = client.provider_profile().get_personal_info(&profile).await?;
//! let licenses = client.provider_profile().list_licenses(&profile).all().await?;
//! println!("{:?}: {} licenses", info.first_name, licenses.len());
//!
//! // Passing the account id instead does not compile:
//! // client.provider_profile().get_personal_info(&provider.id)
//! # Ok(()) }
//! ```
//!
//! The parity table with the Python client (assured-py) is in
//! `docs/parity.md`: `providers.list_all()` there is
//! `client.providers().list().all()` here, and rustdoc's search finds each
//! method under its Python names.
#![forbid(unsafe_code)]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

/// The SSN value type and the SSN token ([`assured_crypto`]).
#[cfg(feature = "crypto")]
pub use assured_crypto as crypto;

#[cfg(feature = "client")]
pub mod guides;
pub mod models;
pub mod table;

/// The client engine ([`assured_core`]): configuration, transport, errors,
/// the generic calls and the pagination engine.
#[cfg(feature = "client")]
pub use assured_core as engine;

/// The smart helpers ([`assured_helpers`]): their types and errors. Their
/// methods are on the resource handles too.
#[cfg(feature = "helpers")]
pub use assured_helpers as helpers;

#[cfg(feature = "client")]
mod client;
#[cfg(feature = "helpers")]
mod composed;
#[cfg(feature = "client")]
pub mod request;
#[cfg(feature = "client")]
pub mod resources;

#[cfg(feature = "client")]
pub use assured_core::{
    Config, ConfigBuilder, Error, MultipartForm, RecordStream, RequestOptions, RetryPolicy,
    RetryQuota,
};
#[cfg(feature = "client")]
pub use client::Client;
