//! The client: executes catalog endpoints with auth, retries and limits.

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use assured_models::catalog::{
    BodyKind, Endpoint, EndpointDescriptor, JwtBodyEndpoint, MultipartEndpoint, PathArg,
    SingleEndpoint,
};
use assured_models::models::users::{LoginRequest, LoginResponse};
use assured_models::query::QueryParams;
use bytes::Bytes;
use http::header::{
    ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, RETRY_AFTER, USER_AGENT,
};
use secrecy::ExposeSecret;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tower::ServiceExt as _;
use tracing::Instrument as _;

use crate::auth::{Jwt, JwtCache};
use crate::config::{Config, ENV_PASS, ENV_USER};
use crate::error::{EndpointRef, Error, TransportErrorKind};
use crate::limits::Limits;
use crate::multipart::MultipartForm;
use crate::options::RequestOptions;
use crate::redact;
use crate::retry::{GiveUp, Outcome, QuotaBucket, RetryState, classify, parse_retry_after};
use crate::transport::{
    BoxTransport, HttpRequest, HttpResponse, RequestBody, ReqwestTransport, TransportError,
};

/// The `x-api-key` header name.
const API_KEY_HEADER: &str = "x-api-key";

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
    transport: BoxTransport,
    jwt: JwtCache,
    quota: QuotaBucket,
    limits: Limits,
}

/// Where a request body comes from: fixed bytes, or rebuilt from the JWT of
/// each attempt (the SSN token must be encrypted with the JWT it is sent with).
enum BodySource<'a> {
    Empty,
    Fixed {
        content_type: HeaderValue,
        bytes: Bytes,
    },
    FromJwt(&'a (dyn Fn(&str) -> Result<Bytes, Error> + Send + Sync)),
    /// A multipart form: replayable, file parts streamed afresh per attempt.
    Form {
        content_type: HeaderValue,
        body: RequestBody,
    },
}

/// A request, ready to be sent as many times as needed.
pub(crate) struct Prepared<'a> {
    descriptor: &'static EndpointDescriptor,
    path_and_query: String,
    body: BodySource<'a>,
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
        let inner = Inner {
            jwt: JwtCache::new(config.jwt_refresh_margin),
            quota: QuotaBucket::new(*config.retry.quota_settings()),
            limits: Limits::new(config.max_in_flight, config.requests_per_second),
            transport: BoxTransport::new(transport),
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
        self.send(&prepared).await
    }

    /// Logs in now (normally done lazily by the first JWT endpoint call).
    pub async fn login(&self) -> Result<(), Error> {
        self.jwt().await.map(drop)
    }

    async fn jwt(&self) -> Result<Arc<Jwt>, Error> {
        self.inner.jwt.get(|| self.fetch_jwt()).await
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

    /// Sends a prepared request with auth, limits and retries; returns the
    /// body of the successful reply.
    ///
    /// The loop only sequences: [`Client::attempt`] does auth and one
    /// exchange, the classifier says what the outcome allows, and
    /// [`RetryState`] (the policy and the client-wide quota) says how long
    /// to wait, or that the error stands.
    pub(crate) async fn send(&self, prepared: &Prepared<'_>) -> Result<Bytes, Error> {
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
        let mut relogged = false;
        loop {
            let failure = match self
                .attempt(prepared, retries.attempt_number(), &mut relogged)
                .await
            {
                Attempted::Success(bytes) => {
                    retries.succeeded();
                    return Ok(bytes);
                }
                Attempted::LoggedInAgain => continue,
                Attempted::Failed(failure) => failure,
            };
            let decision = classify(failure.outcome, idempotent);
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
            tokio::time::sleep(wait).await;
        }
    }

    /// One attempt: the session JWT if the endpoint needs one, the request,
    /// one exchange. A 401 on a JWT endpoint drops the token it sent, once
    /// per call, and asks for another attempt.
    async fn attempt(
        &self,
        prepared: &Prepared<'_>,
        attempt: u32,
        relogged: &mut bool,
    ) -> Attempted {
        let descriptor = prepared.descriptor;
        let explicit = self.options.session_jwt_value();
        let jwt = match (descriptor.auth.needs_jwt(), explicit) {
            (false, _) => None,
            (true, Some(explicit)) => Some(Arc::new(Jwt::explicit(explicit.expose()))),
            (true, None) => match self.jwt().await {
                Ok(jwt) => Some(jwt),
                Err(err) => return Attempted::Failed(Failure::local(err.at(descriptor))),
            },
        };
        let request = match self.build_request(prepared, jwt.as_deref()) {
            Ok(request) => request,
            Err(err) => return Attempted::Failed(Failure::local(err.at(descriptor))),
        };
        let span = tracing::debug_span!(
            "assured.request",
            method = %descriptor.method,
            path = descriptor.path,
            attempt,
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let sent_at = tokio::time::Instant::now();
        let result = self.dispatch(request).instrument(span.clone()).await;
        span.record("latency_ms", sent_at.elapsed().as_millis());
        let response = match result {
            Ok(response) => response,
            Err(err) => {
                let kind = err.kind();
                return Attempted::Failed(Failure {
                    outcome: Outcome::Transport(kind),
                    retry_after: None,
                    error: Error::Transport {
                        endpoint: descriptor.into(),
                        kind,
                        source: err.into_source(),
                    },
                });
            }
        };
        let status = response.status().as_u16();
        span.record("status", status);
        self.inner.limits.record_reply(sent_at, status == 429);
        if response.status().is_success() {
            return Attempted::Success(response.into_body());
        }
        // The caller's own token is theirs to renew: no re-login.
        if status == 401
            && !*relogged
            && explicit.is_none()
            && let Some(sent) = &jwt
        {
            // One re-login and one retry, shared by all callers that sent
            // the same token.
            *relogged = true;
            self.inner.jwt.invalidate(sent).await;
            tracing::info!(parent: &span, "401 on a JWT endpoint: logging in again");
            return Attempted::LoggedInAgain;
        }
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| parse_retry_after(value, SystemTime::now()));
        Attempted::Failed(Failure {
            outcome: Outcome::Status(status),
            retry_after,
            error: Error::from_response(descriptor, status, response.body(), retry_after),
        })
    }

    /// One attempt: limits, the per-attempt timeout, the transport.
    async fn dispatch(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let _permit = self.inner.limits.acquire().await;
        let timeout = self
            .options
            .timeout_value()
            .unwrap_or(self.inner.config.timeout);
        match tokio::time::timeout(timeout, self.inner.transport.clone().oneshot(request)).await {
            Ok(result) => result,
            Err(_) => Err(TransportError::new(
                TransportErrorKind::Timeout,
                format!("no reply within {timeout:?}"),
            )),
        }
    }

    /// Builds one attempt's request. Credentials go only to the configured
    /// base URL: every request URL is built from it, never from a server link.
    fn build_request(
        &self,
        prepared: &Prepared<'_>,
        jwt: Option<&Jwt>,
    ) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
        let descriptor = prepared.descriptor;
        let url = format!(
            "{}{}",
            config.base_url.as_str().trim_end_matches('/'),
            prepared.path_and_query
        );
        let (content_type, body) = match &prepared.body {
            BodySource::Empty => (None, RequestBody::empty()),
            BodySource::Fixed {
                content_type,
                bytes,
            } => (Some(content_type.clone()), bytes.clone().into()),
            BodySource::FromJwt(make) => {
                let jwt = jwt
                    .ok_or_else(|| Error::invalid_input("no session JWT for a JWT-derived body"))?;
                (
                    Some(HeaderValue::from_static("application/json")),
                    make(jwt.expose())?.into(),
                )
            }
            BodySource::Form { content_type, body } => (Some(content_type.clone()), body.clone()),
        };
        let mut builder = http::Request::builder()
            .method(descriptor.method.as_str())
            .uri(&url)
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, &config.user_agent);
        if descriptor.auth.sends_api_key() {
            let mut key = HeaderValue::from_str(config.api_key.expose_secret()).map_err(|_| {
                Error::config(None, "the API key is not a valid header value".to_owned())
            })?;
            key.set_sensitive(true);
            builder = builder.header(API_KEY_HEADER, key);
        }
        if let Some(jwt) = jwt {
            let mut bearer = HeaderValue::from_str(&format!("Bearer {}", jwt.expose()))
                .map_err(|_| Error::invalid_input("the session JWT is not a valid header value"))?;
            bearer.set_sensitive(true);
            builder = builder.header(AUTHORIZATION, bearer);
        }
        if let Some(content_type) = content_type {
            builder = builder.header(CONTENT_TYPE, content_type);
        }
        if body.in_memory().is_none() {
            // A streamed body has no length of its own: announce it, from
            // the files' metadata, rather than sending it chunked.
            builder = builder.header(CONTENT_LENGTH, body.len());
        }
        builder.body(body).map_err(|err| {
            Error::invalid_input(format!("could not build the request to {url}: {err}"))
        })
    }
}

impl<'a> Prepared<'a> {
    fn new<Q: QueryParams>(
        descriptor: &'static EndpointDescriptor,
        arg: &impl PathArg,
        query: &Q,
        body: BodySource<'a>,
    ) -> Result<Self, Error> {
        let path = render_path(descriptor, arg)?;
        let query = query
            .to_query_string()
            .map_err(|err| Error::invalid_input(format!("query parameters: {err}")))?;
        let path_and_query = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        Ok(Self {
            descriptor,
            path_and_query,
            body,
        })
    }
}

/// The path with its id filled in; an endpoint with a placeholder needs an id.
pub(crate) fn render_path(
    descriptor: &'static EndpointDescriptor,
    arg: &impl PathArg,
) -> Result<String, Error> {
    match (descriptor.has_path_param(), arg.path_segment()) {
        (true, None) => Err(Error::invalid_input_for(
            descriptor,
            "needs an id in its path",
        )),
        (true, Some(segment)) if segment.is_empty() || segment.contains(['/', '?', '#']) => Err(
            Error::invalid_input_for(descriptor, format!("{segment:?} is not a valid path id")),
        ),
        _ => Ok(descriptor.render_path(arg)),
    }
}

fn encode_json<T: Serialize + ?Sized>(
    descriptor: &'static EndpointDescriptor,
    body: &T,
) -> Result<Bytes, Error> {
    serde_json::to_vec(body)
        .map(Bytes::from)
        .map_err(|err| Error::InvalidInput {
            endpoint: Some(descriptor.into()),
            message: "the body could not be encoded as JSON".to_owned(),
            source: Some(Box::new(err)),
        })
}

/// Decodes a reply; an empty body reads as JSON `null` (DELETE's 204).
pub(crate) fn decode<T: DeserializeOwned>(
    descriptor: &'static EndpointDescriptor,
    bytes: &[u8],
) -> Result<T, Error> {
    let body: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        bytes
    };
    serde_json::from_slice(body).map_err(|source| Error::Decode {
        endpoint: descriptor.into(),
        excerpt: redact::excerpt(bytes),
        source,
    })
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// What one attempt came to.
enum Attempted {
    Success(Bytes),
    /// A 401 dropped the session token: try again with a new one.
    LoggedInAgain,
    Failed(Failure),
}

/// A failed attempt, as the retry logic sees it.
struct Failure {
    outcome: Outcome,
    retry_after: Option<std::time::Duration>,
    error: Error,
}

impl Failure {
    /// A failure before anything was sent (login, building the request):
    /// never retried here (the login has its own retries).
    fn local(error: Error) -> Self {
        Self {
            outcome: Outcome::Status(0),
            retry_after: None,
            error,
        }
    }
}
