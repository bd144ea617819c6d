//! The transport: a `tower::Service` from an `http::Request` with a
//! [`RequestBody`] (bytes, or a form streaming file parts from disk) to an
//! `http::Response` with a complete `Bytes` body.
//!
//! The default implementation runs on `reqwest` with rustls; tests and
//! applications can supply their own (`Client::with_transport`). No reqwest
//! type appears in this crate's public API, so upgrading it is not a
//! breaking change for users.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};

use crate::config::Config;
use crate::error::{Error, TransportErrorKind};

pub(crate) mod body;
mod progress;

pub use body::{BodyStream, RequestBody};
pub use progress::{Transferred, UploadProgress};

/// A request as the transport sees it: absolute URI, headers, and a body
/// that may stream file parts from disk (see [`RequestBody`]).
pub type HttpRequest = http::Request<RequestBody>;
/// A response as the transport returns it: status, headers, whole body.
pub type HttpResponse = http::Response<Bytes>;

/// A transport failure, classified for the retry logic.
#[derive(Debug, thiserror::Error)]
#[error("{kind:?}: {source}")]
pub struct TransportError {
    kind: TransportErrorKind,
    #[source]
    source: Box<dyn std::error::Error + Send + Sync>,
}

impl TransportError {
    /// Wraps an error of a custom transport.
    pub fn new(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Self {
            kind,
            source: source.into(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    pub(crate) fn into_source(self) -> Box<dyn std::error::Error + Send + Sync> {
        self.source
    }
}

/// A boxed, cloneable, thread-safe transport service.
pub type BoxTransport = tower::util::BoxCloneSyncService<HttpRequest, HttpResponse, TransportError>;

/// The default transport, on `reqwest` with rustls. One connection pool per
/// client; never follows redirects (a redirect could carry credentials to
/// another host).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: Arc<reqwest::Client>,
    max_response_bytes: u64,
}

impl ReqwestTransport {
    /// Builds the transport from the configuration's timeouts and user agent.
    pub fn new(config: &Config) -> Result<Self, Error> {
        // No overall `.timeout` and no `.user_agent` here: the client bounds
        // each attempt itself (per-request options can change it) and sets
        // the `User-Agent` header on every request.
        let builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(config.max_in_flight);
        let builder = with_tls(builder)?;
        let client = builder.build().map_err(|err| {
            Error::config(None, format!("could not build the HTTP client: {err}"))
        })?;
        Ok(Self {
            client: Arc::new(client),
            max_response_bytes: config.max_response_bytes,
        })
    }

    async fn call_reqwest(
        client: Arc<reqwest::Client>,
        max_response_bytes: u64,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError> {
        let request = request.map(|body| match body.in_memory() {
            Some(bytes) => reqwest::Body::from(bytes),
            // A fresh stream per attempt: files are opened again.
            None => reqwest::Body::wrap_stream(body.stream()),
        });
        let request = reqwest::Request::try_from(request)
            .map_err(|err| TransportError::new(TransportErrorKind::Other, err.without_url()))?;
        let response = client.execute(request).await.map_err(classify)?;
        let mut builder = http::Response::builder().status(response.status());
        if let Some(headers) = builder.headers_mut() {
            headers.extend(response.headers().clone());
        }
        let body = read_capped(response, max_response_bytes).await?;
        builder
            .body(body)
            .map_err(|err| TransportError::new(TransportErrorKind::Other, err))
    }
}

/// rustls with the `ring` provider, set on this client only.
#[cfg(feature = "rustls-ring")]
fn with_tls(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    use rustls_platform_verifier::BuilderVerifierExt as _;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| Error::config(None, format!("TLS setup failed: {err}")))?
        .with_platform_verifier()
        .map_err(|err| Error::config(None, format!("TLS setup failed: {err}")))?
        .with_no_client_auth();
    Ok(builder.tls_backend_preconfigured(tls))
}

/// rustls with the process-wide provider the application installed.
#[cfg(not(feature = "rustls-ring"))]
fn with_tls(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        return Err(Error::config(
            None,
            "feature rustls-no-provider: install a rustls CryptoProvider before building the client"
                .to_owned(),
        ));
    }
    Ok(builder)
}

/// Reads a response body, refusing it as soon as it is known to exceed
/// `limit`: by its `Content-Length`, or while the chunks arrive (a server may
/// send no length, or lie about it), so memory stays bounded by the limit.
async fn read_capped(mut response: reqwest::Response, limit: u64) -> Result<Bytes, TransportError> {
    let too_large = || crate::stack::response_cap::too_large(limit);
    let announced = response.content_length();
    if announced.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let capacity = announced.map_or(0, |length| usize::try_from(length).unwrap_or(0));
    let mut body = BytesMut::with_capacity(capacity);
    while let Some(chunk) = response.chunk().await.map_err(classify)? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn classify(err: reqwest::Error) -> TransportError {
    // Connect first: a connect attempt that timed out is also `is_timeout()`,
    // but nothing was sent, so even a POST may be retried.
    let kind = if err.is_connect() {
        TransportErrorKind::Connect
    } else if err.is_timeout() {
        TransportErrorKind::Timeout
    } else if err.is_request() || err.is_body() || err.is_decode() {
        TransportErrorKind::Connection
    } else {
        TransportErrorKind::Other
    };
    // reqwest names the URL, query included (filters can carry e-mail
    // addresses and names): the client's error names the endpoint instead.
    TransportError::new(kind, err.without_url())
}

impl tower::Service<HttpRequest> for ReqwestTransport {
    type Response = HttpResponse;
    type Error = TransportError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: HttpRequest) -> Self::Future {
        Box::pin(Self::call_reqwest(
            Arc::clone(&self.client),
            self.max_response_bytes,
            request,
        ))
    }
}
