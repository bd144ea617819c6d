//! The client: executes catalog endpoints through the [request
//! stack](crate::stack), retrying what the retry policy allows.

mod failure;
mod request;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use assured_models::catalog::{
    BodyKind, Endpoint, EndpointDescriptor, JwtBodyEndpoint, MultipartEndpoint, SingleEndpoint,
};
use assured_models::models::users::{LoginRequest, LoginResponse};
use bytes::Bytes;
use http::header::HeaderValue;
use secrecy::ExposeSecret;
use tower::ServiceExt as _;

use crate::auth::JwtCache;
use crate::auth::layer::{AttemptError, AuthRequest, Login};
use crate::config::{Config, ENV_PASS, ENV_USER};
use crate::error::{EndpointRef, Error};
use crate::limits::Limits;
use crate::multipart::MultipartForm;
use crate::options::{RequestOptions, SessionJwt};
use crate::retry::{Decision, FailedAttempt, GiveUp, QuotaBucket, RetryState, classify};
use crate::stack::{self, AttemptInfo, AttemptTimeout, Stack};
use crate::transport::{BoxTransport, HttpRequest, HttpResponse, ReqwestTransport, TransportError};

pub(crate) use failure::ThrottleWatch;
use failure::{Failure, ThrottleWait};
use request::{BodySource, Prepared, encode_json};
pub(crate) use request::{decode, render_path};

/// An Assured API client: cheap to clone (all clones share one connection
/// pool, one session JWT, one retry budget and one set of limits),
/// `Send + Sync`.
///
/// A clone made by [`Client::with_options`] shares all of that too, and
/// applies its [`RequestOptions`] to every call it makes.
///
/// `Debug` shows no secret.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    options: RequestOptions,
}

struct Inner {
    config: Config,
    stack: Stack,
    jwt: Arc<JwtCache>,
    quota: QuotaBucket,
}

impl Client {
    /// A client over the default transport (reqwest with rustls).
    pub fn new(config: Config) -> Result<Self, Error> {
        let transport = ReqwestTransport::new(&config)?;
        Ok(Self::with_transport(config, transport))
    }

    /// Reads the configuration from the environment (see [`Config::from_env`]).
    pub fn from_env() -> Result<Self, Error> {
        Self::new(Config::from_env()?)
    }

    /// A client over a transport of your own (a `tower::Service` from
    /// [`HttpRequest`] to [`HttpResponse`]).
    pub fn with_transport<S>(config: Config, transport: S) -> Self
    where
        S: tower::Service<HttpRequest, Response = HttpResponse, Error = TransportError>
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
        let jwt = Arc::new(JwtCache::new(config.jwt_refresh_margin));
        let limits = Arc::new(Limits::new(config.requests_per_second));
        let inner = Inner {
            stack: stack::build(
                &config,
                Arc::clone(&jwt),
                limits,
                BoxTransport::new(transport),
            ),
            jwt,
            quota: QuotaBucket::new(*config.retry.quota_settings()),
            config,
        };
        Self {
            inner: Arc::new(inner),
            options: RequestOptions::default(),
        }
    }

    /// A clone of this client (same connection pool, session JWT, budget and
    /// limits) whose calls and listings use `options` over the
    /// configuration. Options set on `self` stay unless `options` sets them
    /// again.
    ///
    /// A bad value (a zero timeout, a page size out of range) is an
    /// [`Error::InvalidInput`] here, before any request.
    pub fn with_options(&self, options: RequestOptions) -> Result<Self, Error> {
        options.validate()?;
        Ok(Self {
            inner: Arc::clone(&self.inner),
            options: self.options.clone().merged_with(options),
        })
    }

    /// The per-request options this client applies.
    pub fn options(&self) -> &RequestOptions {
        &self.options
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Records per page of this client's listings: its options', else the
    /// configuration's.
    pub(crate) fn page_size(&self) -> u32 {
        self.options
            .page_size_value()
            .unwrap_or(self.inner.config.page_size)
    }

    /// Calls a non-paged endpoint with a JSON body (or none).
    ///
    /// The bound is the call shape: paged endpoints go through
    /// [`Client::page`], [`Client::all`] or [`Client::stream`], uploads
    /// through [`Client::call_multipart`], and the SSN update through
    /// [`Client::call_with_jwt_body`]; none of them compiles here.
    pub async fn call<E: SingleEndpoint>(
        &self,
        arg: &E::PathArg,
        query: &E::Query,
        body: &E::Body,
    ) -> Result<E::Response, Error> {
        let descriptor = E::DESCRIPTOR;
        let body = match descriptor.body {
            BodyKind::None => BodySource::Empty,
            BodyKind::Json | BodyKind::JsonArray => BodySource::Fixed {
                content_type: HeaderValue::from_static("application/json"),
                bytes: encode_json(descriptor, body)?,
            },
            _ => {
                return Err(Error::invalid_input_for(
                    descriptor,
                    "takes a multipart form: use call_multipart",
                ));
            }
        };
        let prepared = Prepared::new(descriptor, arg, query, body)?;
        let bytes = self.send(&prepared).await?;
        decode(descriptor, &bytes)
    }

    /// Calls an endpoint whose body depends on the session JWT (the SSN
    /// token): `make_body` runs for every attempt with the JWT that attempt
    /// sends, so a re-login after a 401 re-encrypts the body.
    pub async fn call_with_jwt_body<E, F>(
        &self,
        arg: &E::PathArg,
        query: &E::Query,
        make_body: F,
    ) -> Result<E::Response, Error>
    where
        E: JwtBodyEndpoint,
        F: Fn(&str) -> Result<E::Body, Error> + Send + Sync,
    {
        let descriptor = E::DESCRIPTOR;
        let encode = |jwt: &str| encode_json(descriptor, &make_body(jwt)?);
        let prepared = Prepared::new(descriptor, arg, query, BodySource::FromJwt(&encode))?;
        let bytes = self.send(&prepared).await?;
        decode(descriptor, &bytes)
    }

    /// Calls an endpoint that takes a multipart form (file upload). Every
    /// retry sends the same form again: in-memory parts as they are, file
    /// parts ([`MultipartForm::file_from_path`]) re-opened and streamed.
    pub async fn call_multipart<E: MultipartEndpoint>(
        &self,
        arg: &E::PathArg,
        form: &MultipartForm,
    ) -> Result<E::Response, Error> {
        let descriptor = E::DESCRIPTOR;
        let body = BodySource::Form {
            content_type: form.content_type(),
            body: form.body().await.map_err(|err| err.at(descriptor))?,
        };
        let prepared = Prepared::new(descriptor, arg, &(), body)?;
        let bytes = self.send(&prepared).await?;
        decode(descriptor, &bytes)
    }

    /// Sends a GET of a paged endpoint for one page, with `offset` and
    /// `limit` replacing any the parameters carry.
    pub(crate) async fn get_page_bytes(
        &self,
        descriptor: &'static EndpointDescriptor,
        path: &str,
        base_query: &[(String, String)],
        offset: u64,
        limit: u32,
        watch: Option<ThrottleWatch<'_>>,
    ) -> Result<Bytes, Error> {
        let mut pairs: Vec<(&str, String)> = base_query
            .iter()
            .filter(|(key, _)| key != "offset" && key != "limit")
            .map(|(key, value)| (key.as_str(), value.clone()))
            .collect();
        pairs.push(("limit", limit.to_string()));
        pairs.push(("offset", offset.to_string()));
        let query = serde_urlencoded::to_string(&pairs)
            .map_err(|err| Error::invalid_input(format!("query parameters: {err}")))?;
        let prepared = Prepared {
            descriptor,
            path_and_query: format!("{path}?{query}"),
            body: BodySource::Empty,
        };
        self.send_watched(&prepared, watch).await
    }

    /// Logs in now (normally done lazily by the first JWT endpoint call).
    pub async fn login(&self) -> Result<(), Error> {
        self.inner.jwt.get(|| self.fetch_jwt()).await.map(drop)
    }

    /// `POST /users/login/` with the configured credentials.
    async fn fetch_jwt(&self) -> Result<String, Error> {
        use assured_models::catalog::Login;
        let config = &self.inner.config;
        let (Some(user), Some(password)) = (&config.user, &config.password) else {
            return Err(Error::Config {
                endpoint: None,
                variable: Some(if config.user.is_none() {
                    ENV_USER
                } else {
                    ENV_PASS
                }),
                message: format!(
                    "this endpoint needs a session JWT: set {ENV_USER} and {ENV_PASS} (login e-mail and password)"
                ),
            });
        };
        let request = LoginRequest {
            email: user.clone(),
            password: password.expose_secret().to_owned(),
            remember: true,
        };
        // Boxed: login goes through `send`, which may itself need a JWT.
        let reply: LoginResponse = Box::pin(self.call::<Login>(&(), &(), &request)).await?;
        let token = reply.data.jwt.access;
        if token.trim().is_empty() {
            return Err(Error::Auth(Box::new(crate::error::ApiFailure {
                endpoint: Login::DESCRIPTOR.into(),
                status: 200,
                message: Some("login reply has an empty data.jwt.access".to_owned()),
                field_errors: std::collections::BTreeMap::default(),
                body: String::new(),
                retry_after: None,
                hint: None,
            })));
        }
        Ok(token)
    }

    /// Sends a prepared request through the stack, retrying what the
    /// policy allows; returns the body of the successful reply.
    ///
    /// The loop only sequences: the stack does auth, limits and one
    /// exchange, the classifier says what the outcome allows, and
    /// [`RetryState`] (the policy and the client-wide quota) says how long
    /// to wait, or that the error stands.
    pub(crate) async fn send(&self, prepared: &Prepared<'_>) -> Result<Bytes, Error> {
        self.send_watched(prepared, None).await
    }

    /// [`Client::send`], telling `watch` when the request starts and ends
    /// waiting out a throttle.
    pub(crate) async fn send_watched(
        &self,
        prepared: &Prepared<'_>,
        watch: Option<ThrottleWatch<'_>>,
    ) -> Result<Bytes, Error> {
        let descriptor = prepared.descriptor;
        let policy = self
            .options
            .retry_policy_value()
            .unwrap_or(&self.inner.config.retry);
        let idempotent = self
            .options
            .idempotent_value()
            .unwrap_or(descriptor.idempotent);
        let mut retries = RetryState::new(policy, &self.inner.quota);
        // One re-login after a 401 per call, however many attempts.
        let relogged = AtomicBool::new(false);
        loop {
            let failure = match self
                .attempt(prepared, retries.attempt_number(), &relogged)
                .await
            {
                Ok(bytes) => {
                    retries.succeeded();
                    return Ok(bytes);
                }
                Err(failure) => failure,
            };
            let decision = failure.outcome.map_or(Decision::Fail, |outcome| {
                let attempt = FailedAttempt {
                    endpoint: descriptor,
                    idempotent,
                    outcome,
                    attempt: retries.attempt_number(),
                };
                classify(policy.shared_classifier(), &attempt)
            });
            let wait = match retries.next_wait(decision, failure.retry_after) {
                Ok(wait) => wait,
                Err(reason) => {
                    if reason == GiveUp::Quota {
                        tracing::warn!(endpoint = %EndpointRef::from(descriptor), "retry quota exhausted; not retrying");
                    }
                    return Err(failure.error);
                }
            };
            tracing::warn!(
                method = %descriptor.method,
                path = descriptor.path,
                attempt = retries.attempt_number(),
                wait_ms = wait.as_millis(),
                error = %failure.error,
                "retrying"
            );
            let _waiting = watch
                .filter(|_| decision == Decision::Throttled)
                .map(ThrottleWait::new);
            tokio::time::sleep(wait).await;
        }
    }

    /// One attempt through the stack, and what its outcome means.
    async fn attempt(
        &self,
        prepared: &Prepared<'_>,
        number: u32,
        relogged: &AtomicBool,
    ) -> Result<Bytes, Failure> {
        let descriptor = prepared.descriptor;
        let request = self
            .attempt_request(prepared, number)
            .map_err(|err| Failure::local(err.at(descriptor)))?;
        let call = AuthRequest {
            request,
            descriptor,
            explicit_jwt: self.options.session_jwt_value().map(SessionJwt::expose),
            jwt_body: prepared.jwt_body(),
            login: self,
            relogged,
        };
        let response = match self.inner.stack.clone().oneshot(call).await {
            Ok(response) => response,
            Err(AttemptError::Local(err)) => return Err(Failure::local(err)),
            Err(AttemptError::Transport(err)) => return Err(Failure::transport(descriptor, err)),
        };
        if response.status().is_success() {
            return Ok(response.into_body());
        }
        Err(Failure::status(descriptor, &response))
    }

    /// The request of one attempt, with what the layers read from it.
    fn attempt_request(&self, prepared: &Prepared<'_>, number: u32) -> Result<HttpRequest, Error> {
        let mut request = prepared.request(&self.inner.config)?;
        let timeout = self
            .options
            .timeout_value()
            .unwrap_or(self.inner.config.timeout);
        let extensions = request.extensions_mut();
        extensions.insert(AttemptInfo {
            descriptor: prepared.descriptor,
            number,
        });
        extensions.insert(AttemptTimeout(timeout));
        Ok(request)
    }
}

impl Login for Client {
    fn login(&self) -> std::pin::Pin<Box<dyn Future<Output = Result<String, Error>> + Send + '_>> {
        Box::pin(self.fetch_jwt())
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}
