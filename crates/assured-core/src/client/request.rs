//! A call's request, prepared once and built afresh for every attempt
//! (without credentials: the auth layer adds them), and the JSON codec of
//! bodies and replies.

use assured_models::catalog::{EndpointDescriptor, PathArg};
use assured_models::query::QueryParams;
use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, USER_AGENT};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::auth::layer::JwtBody;
use crate::config::Config;
use crate::error::Error;
use crate::redact;
use crate::transport::{HttpRequest, RequestBody};

/// Where a request body comes from: fixed bytes, or rebuilt from the JWT of
/// each attempt (the SSN token must be encrypted with the JWT it is sent with).
pub(crate) enum BodySource<'a> {
    Empty,
    Fixed {
        content_type: HeaderValue,
        bytes: Bytes,
    },
    FromJwt(JwtBody<'a>),
    /// A multipart form: replayable, file parts streamed afresh per attempt.
    Form {
        content_type: HeaderValue,
        body: RequestBody,
    },
}

/// A request, ready to be sent as many times as needed.
pub(crate) struct Prepared<'a> {
    pub(crate) descriptor: &'static EndpointDescriptor,
    pub(crate) path_and_query: String,
    pub(crate) body: BodySource<'a>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new<Q: QueryParams>(
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

    /// The body builder of a JWT-made body.
    pub(crate) fn jwt_body(&self) -> Option<JwtBody<'a>> {
        match self.body {
            BodySource::FromJwt(make) => Some(make),
            _ => None,
        }
    }

    /// The request of one attempt, without credentials; a JWT-made body is
    /// left empty for the auth layer. Every request URL is built from the
    /// configured base URL, never from a server link.
    pub(crate) fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let url = format!(
            "{}{}",
            config.base_url.as_str().trim_end_matches('/'),
            self.path_and_query
        );
        let (content_type, body) = match &self.body {
            BodySource::Empty => (None, RequestBody::empty()),
            BodySource::Fixed {
                content_type,
                bytes,
            } => (Some(content_type.clone()), bytes.clone().into()),
            BodySource::FromJwt(_) => (
                Some(HeaderValue::from_static("application/json")),
                RequestBody::empty(),
            ),
            BodySource::Form { content_type, body } => (Some(content_type.clone()), body.clone()),
        };
        let mut builder = http::Request::builder()
            .method(self.descriptor.method.as_str())
            .uri(&url)
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, &config.user_agent);
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

pub(crate) fn encode_json<T: Serialize + ?Sized>(
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
        source: source.into(),
    })
}
