//! The wire model under one short path: every payload type, the typed ids,
//! dates, [`Tristate`], pages, and the endpoint [`catalog`].
//!
//! `assured::models::ProviderListParams` is
//! `assured_models::models::providers::ProviderListParams`; the types are
//! the same.

pub use assured_models::catalog;
pub use assured_models::ids::*;
pub use assured_models::models::account::*;
pub use assured_models::models::common::*;
pub use assured_models::models::credentialing::*;
pub use assured_models::models::facilities::*;
pub use assured_models::models::files::*;
pub use assured_models::models::hospital_affiliations::*;
pub use assured_models::models::payer_enrollment::*;
pub use assured_models::models::practice_locations::*;
pub use assured_models::models::professional_records::*;
pub use assured_models::models::provider_profile::*;
pub use assured_models::models::providers::*;
pub use assured_models::models::tasks::*;
pub use assured_models::models::tax_entities::*;
pub use assured_models::models::users::*;
pub use assured_models::models::{SECRET_FIELDS, strip_secrets};
pub use assured_models::page::{ArrayOrPage, Page};
pub use assured_models::query::QueryParams;
pub use assured_models::time::{ApiDate, ApiDateTime, InvalidDate};
pub use assured_models::tristate::Tristate;
