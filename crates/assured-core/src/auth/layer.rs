//! [`AuthLayer`]: the credentials concern of the request stack.
//!
//! Its service takes a request with everything but credentials, adds the
//! `x-api-key` header and the session JWT the endpoint needs (logging in
//! once, single-flight, through the [cache](super::JwtCache)), builds a
//! body that depends on the JWT (the SSN token), and sends it down the
//! stack. A 401 on a request that sent the client's own JWT drops that
//! token and sends the request again with a new one, once per call.
//!
//! The request borrows from the call (the JWT-derived body's closure, the
//! login, the once-per-call flag), so the service is a `tower::Service`
//! for requests of any lifetime, with futures of that lifetime.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use assured_models::catalog::EndpointDescriptor;
use bytes::Bytes;
use http::StatusCode;
use http::header::{AUTHORIZATION, HeaderValue};
use tower::ServiceExt as _;

use super::{Jwt, JwtCache};
use crate::error::Error;
use crate::transport::{HttpRequest, HttpResponse, TransportError};

/// The `x-api-key` header name.
const API_KEY_HEADER: &str = "x-api-key";

/// Logs in with the configured credentials and returns the session token.
pub(crate) trait Login: Send + Sync {
    fn login(&self) -> Pin<Box<dyn Future<Output = Result<String, Error>> + Send + '_>>;
}

/// Builds a request body from the JWT it is sent with.
pub(crate) type JwtBody<'a> = &'a (dyn Fn(&str) -> Result<Bytes, Error> + Send + Sync);

/// One attempt of a call, as the auth layer takes it.
pub(crate) struct AuthRequest<'a> {
    /// Everything but credentials (and a body made from the JWT).
    pub(crate) request: HttpRequest,
    pub(crate) descriptor: &'static EndpointDescriptor,
    /// A JWT the caller supplied: sent as is, never renewed here.
    pub(crate) explicit_jwt: Option<&'a str>,
    /// The body, made from the JWT sent.
    pub(crate) jwt_body: Option<JwtBody<'a>>,
    pub(crate) login: &'a dyn Login,
    /// Set once the call has logged in again after a 401.
    pub(crate) relogged: &'a AtomicBool,
}

/// Why an attempt got no reply.
#[derive(Debug)]
pub(crate) enum AttemptError {
    /// Nothing was sent: the login failed, or the request could not be
    /// built.
    Local(Error),
    /// The transport failed.
    Transport(TransportError),
}

/// Adds credentials to requests (see the [module](self)).
#[derive(Clone)]
pub(crate) struct AuthLayer {
    state: Arc<State>,
}

struct State {
    jwt: Arc<JwtCache>,
    /// `None`: the configured key is not a valid header value.
    api_key: Option<HeaderValue>,
}

impl AuthLayer {
    pub(crate) fn new(jwt: Arc<JwtCache>, api_key: &str) -> Self {
        let api_key = HeaderValue::from_str(api_key).ok().map(|mut key| {
            key.set_sensitive(true);
            key
        });
        Self {
            state: Arc::new(State { jwt, api_key }),
        }
    }
}

impl<S> tower::Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService {
            inner,
            state: Arc::clone(&self.state),
        }
    }
}

/// The service of [`AuthLayer`].
#[derive(Clone)]
pub(crate) struct AuthService<S> {
    inner: S,
    state: Arc<State>,
}

impl<'a, S> tower::Service<AuthRequest<'a>> for AuthService<S>
where
    S: tower::Service<HttpRequest, Response = HttpResponse, Error = TransportError>
        + Clone
        + Send
        + 'static,
    S::Future: Send,
{
    type Response = HttpResponse;
    type Error = AttemptError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, AttemptError>> + Send + 'a>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // Each exchange drives a clone of the inner stack to readiness.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: AuthRequest<'a>) -> Self::Future {
        let inner = self.inner.clone();
        let state = Arc::clone(&self.state);
        Box::pin(async move { state.send(inner, request).await })
    }
}

impl State {
    async fn send<S>(&self, inner: S, call: AuthRequest<'_>) -> Result<HttpResponse, AttemptError>
    where
        S: tower::Service<HttpRequest, Response = HttpResponse, Error = TransportError> + Clone,
    {
        let descriptor = call.descriptor;
        let local = |err: Error| AttemptError::Local(err.at(descriptor));
        loop {
            let jwt = match (descriptor.auth.needs_jwt(), call.explicit_jwt) {
                (false, _) => None,
                (true, Some(explicit)) => Some(Arc::new(Jwt::explicit(explicit))),
                (true, None) => Some(self.jwt.get(|| call.login.login()).await.map_err(local)?),
            };
            let request = self.authorize(&call, jwt.as_deref()).map_err(local)?;
            let response = inner
                .clone()
                .oneshot(request)
                .await
                .map_err(AttemptError::Transport)?;
            // The caller's own token is theirs to renew: no re-login.
            if response.status() == StatusCode::UNAUTHORIZED
                && call.explicit_jwt.is_none()
                && let Some(sent) = &jwt
                && !call.relogged.swap(true, Ordering::AcqRel)
            {
                // One re-login and one retry, shared by all callers that
                // sent the same token.
                self.jwt.invalidate(sent).await;
                tracing::info!(
                    method = %descriptor.method,
                    path = descriptor.path,
                    "401 on a JWT endpoint: logging in again"
                );
                continue;
            }
            return Ok(response);
        }
    }

    /// The call's request with credentials (and its JWT-made body).
    /// Credentials go only to the configured base URL: the request's URL is
    /// always built from it, never from a server link.
    fn authorize(&self, call: &AuthRequest<'_>, jwt: Option<&Jwt>) -> Result<HttpRequest, Error> {
        let mut request = copy_of(&call.request);
        if let Some(make) = call.jwt_body {
            let jwt =
                jwt.ok_or_else(|| Error::invalid_input("no session JWT for a JWT-derived body"))?;
            *request.body_mut() = make(jwt.expose())?.into();
        }
        let headers = request.headers_mut();
        if call.descriptor.auth.sends_api_key() {
            let key = self.api_key.clone().ok_or_else(|| {
                Error::config(None, "the API key is not a valid header value".to_owned())
            })?;
            headers.insert(API_KEY_HEADER, key);
        }
        if let Some(jwt) = jwt {
            let mut bearer = HeaderValue::from_str(&format!("Bearer {}", jwt.expose()))
                .map_err(|_| Error::invalid_input("the session JWT is not a valid header value"))?;
            bearer.set_sensitive(true);
            headers.insert(AUTHORIZATION, bearer);
        }
        Ok(request)
    }
}

/// A copy of a request (an `http::Request` is not `Clone`; its parts and
/// our bodies are).
fn copy_of(template: &HttpRequest) -> HttpRequest {
    let mut request = http::Request::new(template.body().clone());
    *request.method_mut() = template.method().clone();
    *request.uri_mut() = template.uri().clone();
    *request.version_mut() = template.version();
    *request.headers_mut() = template.headers().clone();
    *request.extensions_mut() = template.extensions().clone();
    request
}
