//! A route: one catalog endpoint, its handler and what is special about it.
//!
//! Routes are registered per endpoint type ([`route::<ListProviders>`]), so
//! the catalog entry (path, method, auth kind, body kind) comes from the
//! type and a wrong endpoint is a compile error; what the catalog does not
//! say (an optional Bearer, a refused method, the reference body rule) is a
//! property set on the route.
//!
//! [`route::<ListProviders>`]: route

use assured_models::catalog::{Endpoint, EndpointDescriptor, Method};
use axum::http::StatusCode;

use crate::body_rules::BodyRule;
use crate::context::Ctx;
use crate::journal::SsnField;
use crate::reply::Reply;

/// What a handler returns; `Err` is a refusal (its reply is sent as is).
pub(crate) type HResult = Result<Reply, Reply>;

type Handler = Box<dyn Fn(&Ctx<'_>) -> HResult + Send + Sync>;

/// A method the path refuses with its own reply instead of 405 (the
/// plaintext-SSN path's PATCH).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Refusal {
    pub(crate) method: Method,
    pub(crate) status: StatusCode,
    pub(crate) detail: &'static str,
}

/// One endpoint's route.
pub(crate) struct Route {
    pub(crate) endpoint: &'static EndpointDescriptor,
    handler: Handler,
    /// The reference rule its JSON body is checked against.
    pub(crate) body: Option<&'static BodyRule>,
    /// A Bearer is checked when sent, though not required (logged-in
    /// user details).
    pub(crate) optional_bearer: bool,
    /// Another method on the same path answered with its own reply.
    pub(crate) refusal: Option<Refusal>,
    /// How the journal treats an `ssn` body field.
    pub(crate) ssn_field: SsnField,
}

/// The route of endpoint `E`, served by `handler`.
pub(crate) fn route<E: Endpoint>(
    handler: impl Fn(&Ctx<'_>) -> HResult + Send + Sync + 'static,
) -> Route {
    Route {
        endpoint: E::DESCRIPTOR,
        handler: Box::new(handler),
        body: None,
        optional_bearer: false,
        refusal: None,
        ssn_field: SsnField::Plaintext,
    }
}

impl Route {
    /// Checks the JSON body against this reference rule before the handler.
    #[must_use]
    pub(crate) fn body(mut self, rule: &'static BodyRule) -> Self {
        self.body = Some(rule);
        self
    }

    /// Checks a Bearer token when one is sent.
    #[must_use]
    pub(crate) fn optional_bearer(mut self) -> Self {
        self.optional_bearer = true;
        self
    }

    /// Answers `method` on this path with `status` and `detail` (after
    /// authentication) instead of 405.
    #[must_use]
    pub(crate) fn refuse(
        mut self,
        method: Method,
        status: StatusCode,
        detail: &'static str,
    ) -> Self {
        self.refusal = Some(Refusal {
            method,
            status,
            detail,
        });
        self
    }

    /// The body's `ssn` is the encrypted token, which the journal keeps.
    #[must_use]
    pub(crate) fn encrypted_ssn(mut self) -> Self {
        self.ssn_field = SsnField::EncryptedToken;
        self
    }

    /// Runs the handler.
    pub(crate) fn handle(&self, ctx: &Ctx<'_>) -> Reply {
        (self.handler)(ctx).unwrap_or_else(|reply| reply)
    }
}
