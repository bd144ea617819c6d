//! The endpoint catalog: every endpoint of the API, declared once, as data.
//!
//! Each endpoint is a zero-sized type implementing [`Endpoint`], which ties
//! together its [`EndpointDescriptor`] (method, path template, auth,
//! pagination, id kind, origin) and its Rust types (path argument, query
//! parameters, body, response). The core executes descriptors, the mock
//! serves them, and the spec-coverage check compares them with the vendor
//! spec. **No other crate writes a path string.**
//!
//! ```
//! use assured_models::catalog::{self, Endpoint, Auth, Method};
//! use assured_models::ProfileId;
//!
//! let d = catalog::GetPersonalInfo::DESCRIPTOR;
//! assert_eq!(d.method, Method::Get);
//! assert_eq!(d.auth, Auth::ApiKey);
//! let id: ProfileId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301".parse()?;
//! assert_eq!(
//!     d.render_path(&id),
//!     "/api/v1/users/provider-personal-info/3f2504e0-4f89-41d3-9a0c-0305e82c3301/"
//! );
//! assert!(catalog::all().count() > 100);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize as _, Serialize};

use crate::page::{ArrayOrPage, Page};
use crate::query::QueryParams;

mod macros;

mod account;
mod credentialing;
mod facilities;
mod files;
mod hospital_affiliations;
mod payer_enrollment;
mod practice_locations;
mod professional_records;
mod provider_profile;
mod providers;
mod tasks;
mod tax_entities;
mod users;

pub use account::*;
pub use credentialing::*;
pub use facilities::*;
pub use files::*;
pub use hospital_affiliations::*;
pub use payer_enrollment::*;
pub use practice_locations::*;
pub use professional_records::*;
pub use provider_profile::*;
pub use providers::*;
pub use tasks::*;
pub use tax_entities::*;
pub use users::*;

/// HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method name as HTTP writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// Whether HTTP defines the method as idempotent (GET, PUT, DELETE).
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Self::Get | Self::Put | Self::Delete)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which credentials an endpoint needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Auth {
    /// The `x-api-key` header.
    ApiKey,
    /// A Bearer session JWT; the `x-api-key` header is sent too.
    Jwt,
    /// A Bearer session JWT and **no** `x-api-key` (the encrypted-SSN pair).
    JwtOnly,
}

impl Auth {
    /// Whether a session JWT is required.
    pub const fn needs_jwt(self) -> bool {
        matches!(self, Self::Jwt | Self::JwtOnly)
    }

    /// Whether the `x-api-key` header is sent.
    pub const fn sends_api_key(self) -> bool {
        matches!(self, Self::ApiKey | Self::Jwt)
    }
}

/// The shape of a successful reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Paging {
    /// One object (or array) per reply.
    Single,
    /// The paginated envelope [`Page`], with `limit`/`offset`.
    Paged,
    /// A bare array, or the envelope (task timelines, quirk 15).
    ArrayOrPaged,
}

impl Paging {
    /// Whether the endpoint pages with `limit`/`offset`.
    pub const fn is_paged(self) -> bool {
        matches!(self, Self::Paged | Self::ArrayOrPaged)
    }
}

/// What kind of id the endpoint's path or `provider` field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdKind {
    /// A provider **account** id.
    Account,
    /// A provider **profile** id.
    Profile,
    /// Some other entity's id (task, location, request, ...).
    Other,
    /// A provider id whose kind no source states.
    Unknown,
    /// No id.
    None,
}

/// How the body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyKind {
    /// No body.
    None,
    /// A JSON object.
    Json,
    /// A JSON array of objects.
    JsonArray,
    /// `multipart/form-data`.
    Multipart,
}

/// Where an endpoint stands relative to the vendor's `OpenAPI` spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// Documented at this method and path.
    Spec,
    /// Documented, but production needs other auth than the spec says.
    SpecAuthDiffers {
        /// What production does.
        note: &'static str,
    },
    /// Not in the spec; works in production.
    Undocumented,
    /// Not in the spec; the working replacement of a documented, dead
    /// endpoint.
    ReplacesDead {
        /// Key of the dead catalog entry (e.g. `US2`); see [`Origin::replaces`].
        dead: &'static str,
    },
    /// Documented in the spec, but dead in production.
    Dead {
        /// What production does instead.
        reason: &'static str,
        /// Key of the catalog entry that works instead, if any (e.g. `US1`);
        /// see [`Origin::replacement`].
        replacement: Option<&'static str>,
    },
}

impl Origin {
    /// For a dead endpoint, the catalog entry that works instead.
    pub fn replacement(self) -> Option<&'static EndpointDescriptor> {
        match self {
            Self::Dead {
                replacement: Some(key),
                ..
            } => by_key(key),
            _ => None,
        }
    }

    /// For a replacement, the dead catalog entry it replaces.
    pub fn replaces(self) -> Option<&'static EndpointDescriptor> {
        match self {
            Self::ReplacesDead { dead } => by_key(dead),
            _ => None,
        }
    }

    /// Whether the vendor spec documents this method and path.
    pub const fn in_spec(self) -> bool {
        matches!(
            self,
            Self::Spec | Self::SpecAuthDiffers { .. } | Self::Dead { .. }
        )
    }

    /// Whether production answers this endpoint.
    pub const fn is_live(self) -> bool {
        !matches!(self, Self::Dead { .. })
    }
}

/// The data describing one endpoint.
///
/// Built only by the catalog (its fields are public to read; a private
/// field keeps it from being constructed elsewhere).
#[derive(Clone, Copy)]
pub struct EndpointDescriptor {
    /// Row key in the endpoint reference (e.g. `PP1`).
    pub key: &'static str,
    /// The Rust type name of the endpoint (e.g. `GetPersonalInfo`).
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template, e.g. `/api/v1/users/provider-personal-info/{id}/`.
    /// At most one `{...}` placeholder.
    pub path: &'static str,
    /// Credentials needed.
    pub auth: Auth,
    /// Reply shape.
    pub paging: Paging,
    /// Id kind of the path or `provider` field.
    pub ids: IdKind,
    /// Body encoding.
    pub body: BodyKind,
    /// Whether repeating the request has the same effect as sending it once
    /// (GET/PUT/DELETE, and `PATCH`es that set a whole record or a value).
    pub idempotent: bool,
    /// Relation to the vendor spec.
    pub origin: Origin,
    /// Where the endpoint sits in the typed resource API of the `assured`
    /// facade; `None` for dead endpoints, which only the generic calls reach.
    pub facade: Option<Facade>,
    /// The Rust module that declares the endpoint
    /// (`assured_models::catalog::providers`).
    pub module: &'static str,
    /// Rust type of the path argument (`()` for none), as written in the
    /// catalog.
    pub path_arg_type: &'static str,
    /// Rust type of the query parameters (`()` for none).
    pub query_type: &'static str,
    /// Rust type of the body (`()` for none).
    pub body_type: &'static str,
    /// Rust type of the response (for paged endpoints, of one record).
    pub response_type: &'static str,
    check_response: fn(Paging, &serde_json::Value) -> Result<(), serde_json::Error>,
    canonical_body: fn(serde_json::Value) -> Result<serde_json::Value, BodyError>,
}

impl EndpointDescriptor {
    /// The path with its placeholder replaced by `arg` (unchanged when the
    /// path has no placeholder).
    pub fn render_path(&self, arg: &impl PathArg) -> String {
        match (arg.path_segment(), self.path.find('{')) {
            (Some(segment), Some(start)) => {
                let end = self.path[start..]
                    .find('}')
                    .map_or(self.path.len(), |offset| start + offset + 1);
                format!("{}{}{}", &self.path[..start], segment, &self.path[end..])
            }
            _ => self.path.to_owned(),
        }
    }

    /// Whether the path has an `{id}`-style placeholder.
    pub fn has_path_param(&self) -> bool {
        self.path.contains('{')
    }

    /// Deserializes a whole reply body (the envelope for paged endpoints)
    /// into this endpoint's response type, discarding the result: used to
    /// check examples and mock replies against the types.
    pub fn check_response_json(&self, value: &serde_json::Value) -> Result<(), serde_json::Error> {
        (self.check_response)(self.paging, value)
    }

    /// Deserializes a request body into this endpoint's
    /// [`Body`](Endpoint::Body) type and serializes it back: the body in the
    /// models' canonical form (legacy aliases become the names the models
    /// send, unknown keys of closed types are dropped, unset optional
    /// fields are omitted). A body the type refuses is a [`BodyError`]
    /// naming the failing field. Used by the mock server to check request
    /// bodies with the same types the SDK sends.
    ///
    /// - Endpoints without a body (`Body = ()`): `null` (no body) comes
    ///   back unchanged; anything else is an error ("invalid type: map,
    ///   expected unit" at `.`), since these endpoints take no body.
    /// - Multipart endpoints ([`BodyKind::Multipart`], [`FileUpload`]):
    ///   only the JSON rendering of the form's text fields is checked (the
    ///   file bytes are not part of the serde rendering); a multipart
    ///   request itself has to be checked part by part.
    ///
    /// [`FileUpload`]: crate::models::files::FileUpload
    ///
    /// ```
    /// use assured_models::catalog::{self, Endpoint};
    /// use serde_json::json;
    ///
    /// let d = catalog::Login::DESCRIPTOR;
    /// let body = d.canonical_body_json(json!({"email": "a@b.test", "password": "pw", "remember": true}))?;
    /// assert_eq!(body["email"], "a@b.test");
    ///
    /// let error = d.canonical_body_json(json!({"email": 7, "password": "pw", "remember": true}));
    /// let error = error.unwrap_err();
    /// assert_eq!(error.path, "email");
    ///
    /// let none = catalog::ListProviders::DESCRIPTOR;
    /// assert_eq!(none.canonical_body_json(json!(null))?, json!(null));
    /// assert!(none.canonical_body_json(json!({})).is_err());
    /// # Ok::<(), assured_models::catalog::BodyError>(())
    /// ```
    pub fn canonical_body_json(
        &self,
        value: serde_json::Value,
    ) -> Result<serde_json::Value, BodyError> {
        (self.canonical_body)(value)
    }
}

/// A request body that its endpoint's [`Body`](Endpoint::Body) type
/// refuses (see [`EndpointDescriptor::canonical_body_json`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at {path}")]
#[non_exhaustive]
pub struct BodyError {
    /// Where the failure is, as `serde_path_to_error` writes it: `.` for
    /// the body itself (e.g. a missing field or a wrong top-level type),
    /// else the field path (`email`, `providers[2]`, `[0].email`).
    pub path: String,
    /// serde's message, e.g. ``missing field `email` `` or
    /// ``invalid type: integer `7`, expected a string``.
    pub message: String,
}

impl fmt::Debug for EndpointDescriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} ({})",
            self.key, self.method, self.path, self.name
        )
    }
}

/// An endpoint of the API, with its Rust types.
pub trait Endpoint {
    /// The descriptor.
    const DESCRIPTOR: &'static EndpointDescriptor;
    /// What fills the path placeholder (an id type), or `()`.
    type PathArg: PathArg;
    /// The query parameters, or `()`.
    type Query: QueryParams;
    /// The request body, or `()`.
    type Body: Serialize;
    /// The reply; for paged endpoints, one record.
    type Response: DeserializeOwned;
}

/// An endpoint answered with one reply and sent with a fixed JSON body (or
/// none): what `Client::call` accepts.
pub trait SingleEndpoint: Endpoint {}

/// An endpoint that pages with `limit`/`offset`: what `Client::page`, `all`
/// and `stream` accept.
pub trait PagedEndpoint: Endpoint {}

/// An endpoint that takes a `multipart/form-data` body (file upload).
pub trait MultipartEndpoint: Endpoint {}

/// An endpoint whose JSON body must be built from the session JWT of the
/// attempt that sends it (the SSN token, keyed on that JWT). Plain `call`
/// cannot send it, so an SSN encrypted with a stale JWT, or not at all,
/// does not compile.
pub trait JwtBodyEndpoint: Endpoint {}

/// An endpoint's place in the typed resource API of the `assured` facade:
/// the handle (`client.providers()`), the method on it, and the names the
/// Python client (assured-py) gives the same operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Facade {
    /// The handle, named as the Python client's resource (`providers`,
    /// `provider_profile`, ...).
    pub group: &'static str,
    /// The method on the handle (`list`, `get_personal_info`, ...).
    pub method: &'static str,
    /// Whether the helpers crate provides the method (fetch-merge-patch,
    /// the SSN token) instead of a generated request builder.
    pub via_helper: bool,
    /// The Python client's methods for this endpoint, as
    /// `resource.method` (`providers.list_all`).
    pub python: &'static [&'static str],
}

/// A value that fills an endpoint's path placeholder.
pub trait PathArg {
    /// The path segment, or `None` for endpoints without a placeholder.
    fn path_segment(&self) -> Option<String>;
}

impl PathArg for () {
    fn path_segment(&self) -> Option<String> {
        None
    }
}

/// Deserializes a reply into `T` as the paging shape dictates.
fn check_response<T: DeserializeOwned>(
    paging: Paging,
    value: &serde_json::Value,
) -> Result<(), serde_json::Error> {
    // Read through the reference: the mock checks every reply it sends,
    // and a clone of each would cost it more than the check.
    match paging {
        Paging::Single => T::deserialize(value).map(drop),
        Paging::Paged => <Page<T>>::deserialize(value).map(drop),
        Paging::ArrayOrPaged => <ArrayOrPage<T>>::deserialize(value).map(drop),
    }
}

/// Deserializes a body into `T` and serializes it back (see
/// [`EndpointDescriptor::canonical_body_json`]).
fn canonical_body<T: Serialize + DeserializeOwned>(
    value: serde_json::Value,
) -> Result<serde_json::Value, BodyError> {
    let typed: T = serde_path_to_error::deserialize(value).map_err(|error| BodyError {
        path: error.path().to_string(),
        message: error.inner().to_string(),
    })?;
    serde_path_to_error::serialize(&typed, serde_json::value::Serializer).map_err(|error| {
        BodyError {
            path: error.path().to_string(),
            message: error.inner().to_string(),
        }
    })
}

/// Every endpoint of the catalog, in reference order, dead ones included.
pub fn all() -> impl Iterator<Item = &'static EndpointDescriptor> {
    [
        users::ENDPOINTS,
        providers::ENDPOINTS,
        provider_profile::ENDPOINTS,
        professional_records::ENDPOINTS,
        credentialing::ENDPOINTS,
        tasks::ENDPOINTS,
        practice_locations::ENDPOINTS,
        tax_entities::ENDPOINTS,
        facilities::ENDPOINTS,
        payer_enrollment::ENDPOINTS,
        hospital_affiliations::ENDPOINTS,
        account::ENDPOINTS,
        files::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Finds the endpoint with this reference key (e.g. `PP1`).
pub fn by_key(key: &str) -> Option<&'static EndpointDescriptor> {
    all().find(|d| d.key == key)
}

/// Finds the endpoint with this method and path template.
pub fn find(method: Method, path: &str) -> Option<&'static EndpointDescriptor> {
    all().find(|d| d.method == method && d.path == path)
}
