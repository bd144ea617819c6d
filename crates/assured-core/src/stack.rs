//! The request stack: one concern per `tower` layer around the transport.
//!
//! From the outside in (the retry loop of [`Client`](crate::Client) drives
//! it, one attempt per call):
//!
//! 1. [auth](crate::auth::layer): the API key, the session JWT (login,
//!    re-login after a 401), the JWT-made body;
//! 2. [trace](trace): one span per attempt, with its status and latency;
//! 3. [pacing](crate::limits::layer): the fixed and adaptive request rates;
//! 4. `tower::limit::ConcurrencyLimit`: requests in flight for the client;
//! 5. [timeout](timeout): the time one attempt may take;
//! 6. [response cap](response_cap): the largest response body, for every
//!    transport;
//! 7. the transport.

pub(crate) mod response_cap;
pub(crate) mod timeout;
pub(crate) mod trace;

use std::sync::Arc;
use std::time::Duration;

use assured_models::catalog::EndpointDescriptor;
use tower::ServiceBuilder;
use tower::limit::ConcurrencyLimitLayer;

use crate::auth::JwtCache;
use crate::auth::layer::{AuthLayer, AuthService};
use crate::config::Config;
use crate::limits::Limits;
use crate::limits::layer::PaceLayer;
use crate::transport::BoxTransport;

/// Which attempt of which endpoint a request is: a request extension, read
/// by the trace layer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AttemptInfo {
    pub(crate) descriptor: &'static EndpointDescriptor,
    pub(crate) number: u32,
}

/// The time this attempt may take: a request extension (the call's
/// options), read by the timeout layer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AttemptTimeout(pub(crate) Duration);

/// The whole stack over `transport`.
pub(crate) type Stack = AuthService<BoxTransport>;

/// Builds the stack of a client.
pub(crate) fn build(
    config: &Config,
    jwt: Arc<JwtCache>,
    limits: Arc<Limits>,
    transport: BoxTransport,
) -> Stack {
    use secrecy::ExposeSecret as _;
    let below_auth = ServiceBuilder::new()
        .layer(trace::TraceLayer)
        .layer(PaceLayer::new(limits))
        .layer(ConcurrencyLimitLayer::new(config.max_in_flight))
        .layer(timeout::TimeoutLayer::new(config.timeout))
        .layer(response_cap::ResponseCapLayer::new(
            config.max_response_bytes,
        ))
        .service(transport);
    ServiceBuilder::new()
        .layer(AuthLayer::new(jwt, config.api_key.expose_secret()))
        .service(BoxTransport::new(below_auth))
}
