//! The HTTP server: accept loop, per-connection hyper service, fault
//! injection, authentication, statistics and the single fallback handler.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use assured_models::catalog::{Auth, EndpointDescriptor, Origin};
use axum::body::Body;
use axum::extract::FromRequest as _;
use axum::http::{HeaderMap, HeaderValue, Request, Response, StatusCode, header};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::{Notify, oneshot};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt as _;

use crate::config::{Faults, Latency, MockConfig};
use crate::crypto;
use crate::handlers;
use crate::seed::{Rng, hash};
use crate::state::State;

/// Largest request body accepted (uploads included).
const MAX_BODY: usize = 64 * 1024 * 1024;

/// The host that foreign `next` links name (as the spec's examples do).
pub const FOREIGN_ORIGIN: &str = "http://api.example.org";

pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

pub(crate) fn now_rfc3339() -> String {
    let secs = i64::try_from(now_secs()).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0).map_or_else(String::new, |instant| {
        instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    })
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Which credentials a request carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum AuthSeen {
    /// Neither header.
    None,
    /// `x-api-key` only.
    ApiKey,
    /// `Authorization: Bearer` only.
    Bearer,
    /// Both.
    ApiKeyAndBearer,
}

/// A request as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// HTTP method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Raw query string (without `?`).
    pub query: Option<String>,
    /// `Content-Type` header.
    pub content_type: Option<String>,
    /// Credentials carried.
    pub auth: AuthSeen,
    /// The raw body.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The body parsed as JSON, if it is JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The query string parsed into pairs.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query
            .as_deref()
            .and_then(|query| serde_urlencoded::from_str(query).ok())
            .unwrap_or_default()
    }
}

/// Counters and recordings, for tests.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Stats {
    /// Every request received.
    pub total: u64,
    /// Requests per endpoint key (`"PV1"`...); unmatched paths count under `"404"`.
    pub by_endpoint: BTreeMap<String, u64>,
    /// Requests per credentials carried.
    pub by_auth: BTreeMap<AuthSeen, u64>,
    /// Requests per endpoint key and credentials carried.
    pub by_endpoint_auth: BTreeMap<(String, AuthSeen), u64>,
    /// Replies by status code.
    pub by_status: BTreeMap<u16, u64>,
    /// Faults injected, by kind (`latency`, `drop`, `429`, `5xx`, `malformed`).
    pub faults_injected: BTreeMap<String, u64>,
    /// The last request per endpoint key.
    pub last_requests: BTreeMap<String, RecordedRequest>,
    /// Successful replies that did not deserialize into the catalog's
    /// response type (should stay empty: the mock and the models agree).
    pub response_type_errors: Vec<String>,
    /// Per endpoint key, every query parameter name its handler looked up
    /// (filters, `limit`, `offset`, `ordering`), over all requests so far:
    /// a parameter that never shows up here is ignored by the mock.
    pub query_params_read: BTreeMap<String, BTreeSet<String>>,
}

impl Stats {
    /// Requests to one endpoint key.
    pub fn count(&self, key: &str) -> u64 {
        self.by_endpoint.get(key).copied().unwrap_or(0)
    }

    /// Requests carrying these credentials.
    pub fn count_auth(&self, auth: AuthSeen) -> u64 {
        self.by_auth.get(&auth).copied().unwrap_or(0)
    }
}

struct FaultState {
    faults: Faults,
    counter: u64,
    rng: Rng,
}

/// What the fault switches decided for one request.
#[derive(Debug, Default)]
struct FaultDecision {
    delay: Option<Duration>,
    drop: bool,
    rate_limit: Option<u64>,
    server_error: Option<u16>,
    malformed: bool,
}

pub(crate) struct Shared {
    pub(crate) base_url: String,
    pub(crate) api_key: String,
    pub(crate) user_email: String,
    pub(crate) user_id: String,
    pub(crate) default_page_size: u32,
    pub(crate) max_page_size: u32,
    jwt_secret: [u8; 32],
    jwt_lifetime: Mutex<Duration>,
    pub(crate) state: Mutex<State>,
    faults: Mutex<FaultState>,
    stats: Mutex<Stats>,
}

impl Shared {
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    pub(crate) fn foreign_links(&self) -> bool {
        lock(&self.faults).faults.foreign_next_links
    }

    pub(crate) fn issue_tokens(&self, lifetime: Option<Duration>) -> (String, String) {
        let lifetime = lifetime.unwrap_or_else(|| *lock(&self.jwt_lifetime));
        let issued = now_secs();
        let expires = issued + lifetime.as_secs() + u64::from(lifetime.subsec_nanos() > 0);
        let (counter, epoch) = {
            let mut state = self.state();
            state.counter += 1;
            (state.counter, state.token_epoch)
        };
        let jti = format!("{:016x}", hash(&[issued, counter]));
        let access = crypto::issue_jwt(
            &self.jwt_secret,
            &crypto::claims(
                "access",
                &self.user_id,
                crypto::Issue {
                    issued,
                    expires,
                    epoch,
                },
                &jti,
            ),
        );
        let refresh = crypto::issue_jwt(
            &self.jwt_secret,
            &crypto::claims(
                "refresh",
                &self.user_id,
                crypto::Issue {
                    issued,
                    expires: issued + 86_400,
                    epoch,
                },
                &jti,
            ),
        );
        (access, refresh)
    }

    fn token_valid(&self, token: &str) -> bool {
        let Some(claims) = crypto::verify_jwt(&self.jwt_secret, token) else {
            return false;
        };
        let number = |key: &str| claims.get(key).and_then(Value::as_u64).unwrap_or(0);
        claims.get("token_type").and_then(Value::as_str) == Some("access")
            && number("exp") > now_secs()
            && number("epoch") == self.state().token_epoch
    }

    fn decide_faults(&self, key: Option<&str>) -> FaultDecision {
        let mut guard = lock(&self.faults);
        let state = &mut *guard;
        if !state.faults.applies_to(key) {
            return FaultDecision::default();
        }
        state.counter += 1;
        let n = state.counter;
        let fires =
            |every: Option<u64>| every.is_some_and(|every| every > 0 && n.is_multiple_of(every));
        let delay = match state.faults.latency {
            Latency::None => None,
            Latency::Fixed(delay) => Some(delay),
            Latency::Random { min, max } => {
                let (low, high) = (min.min(max), min.max(max));
                let span = u64::try_from(high.saturating_sub(low).as_micros()).unwrap_or(u64::MAX);
                Some(low + Duration::from_micros(state.rng.below(span.saturating_add(1))))
            }
        };
        let faults = &state.faults;
        let mut decision = FaultDecision {
            delay,
            ..FaultDecision::default()
        };
        if fires(faults.drop_connection_every) {
            decision.drop = true;
        } else if fires(faults.rate_limit_every) {
            decision.rate_limit = Some(faults.retry_after());
        } else if fires(faults.server_error_every) {
            decision.server_error = Some(faults.error_status());
        } else if fires(faults.malformed_json_every) {
            decision.malformed = true;
        }
        decision
    }

    fn note_fault(&self, kind: &str) {
        *lock(&self.stats)
            .faults_injected
            .entry(kind.to_owned())
            .or_default() += 1;
    }
}

/// A reply being built.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) body: ReplyBody,
    pub(crate) headers: Vec<(header::HeaderName, String)>,
}

#[derive(Debug)]
pub(crate) enum ReplyBody {
    Json(Value),
    Html(String),
    Empty,
    Bytes {
        content_type: String,
        bytes: Vec<u8>,
    },
}

impl Reply {
    pub(crate) fn json(status: StatusCode, value: Value) -> Self {
        Self {
            status,
            body: ReplyBody::Json(value),
            headers: Vec::new(),
        }
    }

    pub(crate) fn ok(value: Value) -> Self {
        Self::json(StatusCode::OK, value)
    }

    pub(crate) fn created(value: Value) -> Self {
        Self::json(StatusCode::CREATED, value)
    }

    pub(crate) fn detail(status: StatusCode, detail: &str) -> Self {
        Self::json(status, json!({ "detail": detail }))
    }

    pub(crate) fn not_found() -> Self {
        Self::detail(StatusCode::NOT_FOUND, "Not found.")
    }

    /// 400 with DRF-style field errors.
    pub(crate) fn fields(errors: serde_json::Map<String, Value>) -> Self {
        Self::json(StatusCode::BAD_REQUEST, Value::Object(errors))
    }

    pub(crate) fn field(field: &str, message: &str) -> Self {
        Self::json(StatusCode::BAD_REQUEST, json!({ field: [message] }))
    }

    pub(crate) fn empty(status: StatusCode) -> Self {
        Self {
            status,
            body: ReplyBody::Empty,
            headers: Vec::new(),
        }
    }

    pub(crate) fn html(status: StatusCode, html: &str) -> Self {
        Self {
            status,
            body: ReplyBody::Html(html.to_owned()),
            headers: Vec::new(),
        }
    }

    pub(crate) fn with_header(mut self, name: header::HeaderName, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    fn into_response(self, malformed: bool) -> Response<Body> {
        let (content_type, bytes) = match self.body {
            ReplyBody::Json(value) => {
                let mut bytes = serde_json::to_vec(&value).unwrap_or_default();
                if malformed {
                    bytes.truncate(bytes.len() / 2);
                    bytes.extend_from_slice(b"\x00<!-- truncated");
                }
                (Some("application/json".to_owned()), bytes)
            }
            ReplyBody::Html(html) => (
                Some("text/html; charset=utf-8".to_owned()),
                html.into_bytes(),
            ),
            ReplyBody::Empty if malformed => (Some("application/json".to_owned()), b"{\"".to_vec()),
            ReplyBody::Empty => (None, Vec::new()),
            ReplyBody::Bytes {
                content_type,
                bytes,
            } => (Some(content_type), bytes),
        };
        let mut response = Response::new(Body::from(bytes));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        if let Some(content_type) = content_type
            && let Ok(value) = HeaderValue::from_str(&content_type)
        {
            headers.insert(header::CONTENT_TYPE, value);
        }
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        response
    }
}

/// Django's production 404 page for an unknown URL.
const NOT_FOUND_HTML: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";

/// Django's production 500 page: what the dead endpoints answer.
pub(crate) const SERVER_ERROR_HTML: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n";

/// A multipart part, parsed before the state is locked.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) name: String,
    pub(crate) file_name: Option<String>,
    pub(crate) bytes: Vec<u8>,
}

/// Everything a handler sees.
pub(crate) struct Ctx<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) d: &'static EndpointDescriptor,
    pub(crate) param: Option<&'a str>,
    pub(crate) path: &'a str,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: &'a [u8],
    /// The body as received (`body` may be the canonical re-serialization).
    pub(crate) raw_body: &'a [u8],
    pub(crate) bearer: Option<&'a str>,
    pub(crate) multipart: Option<Result<Vec<Part>, String>>,
    /// Query parameter names the handler looked up (see
    /// [`Stats::query_params_read`]).
    pub(crate) consulted: RefCell<BTreeSet<String>>,
}

impl Ctx<'_> {
    /// The last value of a query parameter (Django's `QueryDict.get`),
    /// empty values counting as absent.
    pub(crate) fn q(&self, name: &str) -> Option<&str> {
        self.consulted.borrow_mut().insert(name.to_owned());
        self.query
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    }
}

/// Where a request goes.
enum Route {
    Found(&'static EndpointDescriptor, Option<String>),
    WrongMethod(&'static EndpointDescriptor),
    NotFound,
}

#[allow(clippy::option_option)]
fn match_template(template: &str, path: &str) -> Option<Option<String>> {
    match (template.find('{'), template.find('}')) {
        (Some(start), Some(end)) if start < end => {
            let (prefix, suffix) = (&template[..start], &template[end + 1..]);
            let middle = path.strip_prefix(prefix)?.strip_suffix(suffix)?;
            (!middle.is_empty() && !middle.contains('/')).then(|| Some(middle.to_owned()))
        }
        _ => (template == path).then_some(None),
    }
}

fn route(method: &str, path: &str) -> Route {
    let mut wrong = None;
    for descriptor in assured_models::catalog::all() {
        if let Some(param) = match_template(descriptor.path, path) {
            if descriptor.method.as_str() == method {
                return Route::Found(descriptor, param);
            }
            wrong.get_or_insert(descriptor);
        }
    }
    match wrong {
        Some(descriptor) => Route::WrongMethod(descriptor),
        None => Route::NotFound,
    }
}

fn auth_seen(headers: &HeaderMap) -> (Option<&str>, Option<&str>, AuthSeen) {
    let key = headers.get("x-api-key").and_then(|v| v.to_str().ok());
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    let seen = match (key.is_some(), bearer.is_some()) {
        (false, false) => AuthSeen::None,
        (true, false) => AuthSeen::ApiKey,
        (false, true) => AuthSeen::Bearer,
        (true, true) => AuthSeen::ApiKeyAndBearer,
    };
    (key, bearer, seen)
}

fn unauthorized(detail: &str) -> Reply {
    Reply::detail(StatusCode::UNAUTHORIZED, detail)
}

fn token_invalid() -> Reply {
    Reply::json(
        StatusCode::UNAUTHORIZED,
        json!({
            "detail": "Given token not valid for any token type",
            "code": "token_not_valid",
            "messages": [{
                "token_class": "AccessToken",
                "token_type": "access",
                "message": "Token is invalid or expired",
            }],
        }),
    )
    .with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"api\"".to_owned())
}

/// Checks credentials as production does; returns the valid Bearer token.
fn authenticate<'h>(
    shared: &Shared,
    descriptor: &EndpointDescriptor,
    key: Option<&str>,
    bearer: Option<&'h str>,
) -> Result<Option<&'h str>, Reply> {
    let needs_key = matches!(descriptor.auth, Auth::ApiKey | Auth::Jwt);
    if needs_key {
        match key {
            None => {
                return Err(unauthorized(
                    "Authentication credentials were not provided.",
                ));
            }
            Some(key) if key != shared.api_key => return Err(unauthorized("Invalid API key.")),
            Some(_) => {}
        }
    }
    let optional_jwt = descriptor.key == "US4";
    if descriptor.auth.needs_jwt() || (optional_jwt && bearer.is_some()) {
        match bearer {
            None => {
                return Err(
                    unauthorized("Authentication credentials were not provided.")
                        .with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"api\"".to_owned()),
                );
            }
            Some(token) if !shared.token_valid(token) => return Err(token_invalid()),
            Some(token) => return Ok(Some(token)),
        }
    }
    Ok(None)
}

async fn parse_multipart(headers: &HeaderMap, body: Vec<u8>) -> Result<Vec<Part>, String> {
    let mut request = Request::new(Body::from(body));
    *request.headers_mut() = headers.clone();
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|error| error.body_text())?;
    let mut parts = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| e.body_text())? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(ToOwned::to_owned);
        let bytes = field.bytes().await.map_err(|e| e.body_text())?.to_vec();
        parts.push(Part {
            name,
            file_name,
            bytes,
        });
    }
    Ok(parts)
}

/// Closes the connection the request came on, without a reply.
#[derive(Clone)]
struct ConnKill(Arc<Notify>);

#[allow(clippy::too_many_lines)]
async fn entry(shared: Arc<Shared>, request: Request<Body>) -> Response<Body> {
    let kill = request.extensions().get::<ConnKill>().cloned();
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_owned();
    let raw_query = parts.uri.query().map(ToOwned::to_owned);
    let method = parts.method.as_str().to_owned();

    if let Some(token) = path.strip_prefix(handlers::PRESIGNED_PREFIX) {
        return handlers::presigned_download(&shared, token, raw_query.as_deref())
            .into_response(false);
    }

    let route = route(&method, &path);
    let key = match &route {
        Route::Found(d, _) | Route::WrongMethod(d) => Some(d.key),
        Route::NotFound => None,
    };
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return Reply::detail(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large.")
            .into_response(false);
    };
    let (api_key, bearer, seen) = auth_seen(&parts.headers);
    {
        let mut stats = lock(&shared.stats);
        let label = key.unwrap_or("404").to_owned();
        stats.total += 1;
        *stats.by_endpoint.entry(label.clone()).or_default() += 1;
        *stats.by_auth.entry(seen).or_default() += 1;
        *stats
            .by_endpoint_auth
            .entry((label.clone(), seen))
            .or_default() += 1;
        stats.last_requests.insert(
            label,
            RecordedRequest {
                method: method.clone(),
                path: path.clone(),
                query: raw_query.clone(),
                content_type: parts
                    .headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .map(ToOwned::to_owned),
                auth: seen,
                body: bytes.to_vec(),
            },
        );
    }

    let decision = shared.decide_faults(key);
    if let Some(delay) = decision.delay {
        shared.note_fault("latency");
        tokio::time::sleep(delay).await;
    }
    if decision.drop
        && let Some(ConnKill(notify)) = kill
    {
        shared.note_fault("drop");
        notify.notify_one();
        std::future::pending::<()>().await;
    }
    let reply = if let Some(retry_after) = decision.rate_limit {
        shared.note_fault("429");
        Reply::detail(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Request was throttled. Expected available in {retry_after} seconds."),
        )
        .with_header(header::RETRY_AFTER, retry_after.to_string())
    } else if let Some(status) = decision.server_error {
        shared.note_fault("5xx");
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        Reply::html(status, SERVER_ERROR_HTML)
    } else {
        match route {
            Route::NotFound => Reply::html(StatusCode::NOT_FOUND, NOT_FOUND_HTML),
            Route::WrongMethod(d) if d.key == "PP5" && method == "PATCH" => {
                match authenticate(&shared, d, api_key, bearer) {
                    Ok(_) => Reply::detail(
                        StatusCode::BAD_REQUEST,
                        "SSN is not updatable via this endpoint.",
                    ),
                    Err(reply) => reply,
                }
            }
            Route::WrongMethod(_) => Reply::detail(
                StatusCode::METHOD_NOT_ALLOWED,
                &format!("Method \"{method}\" not allowed."),
            ),
            Route::Found(d, param) => match authenticate(&shared, d, api_key, bearer) {
                Err(reply) => reply,
                Ok(_) if matches!(d.origin, Origin::Dead { .. }) => {
                    Reply::html(StatusCode::INTERNAL_SERVER_ERROR, SERVER_ERROR_HTML)
                }
                Ok(valid_bearer) => {
                    let multipart = if d.key == "FI1" {
                        Some(parse_multipart(&parts.headers, bytes.to_vec()).await)
                    } else {
                        None
                    };
                    let mut ctx = Ctx {
                        shared: &shared,
                        d,
                        param: param.as_deref(),
                        path: &path,
                        query: raw_query
                            .as_deref()
                            .and_then(|q| serde_urlencoded::from_str(q).ok())
                            .unwrap_or_default(),
                        body: &bytes,
                        raw_body: &bytes,
                        bearer: valid_bearer,
                        multipart,
                        consulted: RefCell::default(),
                    };
                    let canonical;
                    let reply = match crate::validate::body(&ctx) {
                        Err(reply) => reply,
                        Ok(body) => {
                            canonical = body;
                            if let Some(canonical) = &canonical {
                                ctx.body = canonical;
                            }
                            handlers::dispatch(&ctx)
                        }
                    };
                    check_reply(&shared, d, &reply);
                    lock(&shared.stats)
                        .query_params_read
                        .entry(d.key.to_owned())
                        .or_default()
                        .extend(ctx.consulted.take());
                    reply
                }
            },
        }
    };
    if decision.malformed {
        shared.note_fault("malformed");
    }
    *lock(&shared.stats)
        .by_status
        .entry(reply.status.as_u16())
        .or_default() += 1;
    reply.into_response(decision.malformed)
}

/// Checks a successful JSON reply against the catalog's response type.
fn check_reply(shared: &Shared, descriptor: &EndpointDescriptor, reply: &Reply) {
    if !reply.status.is_success() {
        return;
    }
    if let ReplyBody::Json(value) = &reply.body
        && let Err(error) = descriptor.check_response_json(value.clone())
    {
        lock(&shared.stats)
            .response_type_errors
            .push(format!("{}: {error}", descriptor.key));
    }
}

/// A running mock server. Dropping it stops the server too (without
/// waiting); [`MockServer::shutdown`] stops it and waits.
pub struct MockServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    user_password: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("base_url", &self.shared.base_url)
            .finish_non_exhaustive()
    }
}

impl MockServer {
    /// Starts a server on 127.0.0.1 (ephemeral port unless `config.port`
    /// is set). Needs a Tokio runtime (e.g. inside `#[tokio::test]`).
    pub async fn start(config: MockConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let mut secret_rng = Rng::new(&[config.seed, now_secs(), u64::from(addr.port())]);
        let state = State::new(
            config.seed,
            config.providers,
            config.user_password.clone(),
            config.strict_personal_info,
        );
        let user_id = state.global_id(crate::seed::Kind::Staff, 0).to_string();
        let shared = Arc::new(Shared {
            base_url,
            api_key: config.api_key.clone(),
            user_email: config.user_email.clone(),
            user_id,
            default_page_size: config.default_page_size.max(1),
            max_page_size: config.max_page_size.max(1),
            jwt_secret: secret_rng.bytes(),
            jwt_lifetime: Mutex::new(config.jwt_lifetime),
            state: Mutex::new(state),
            faults: Mutex::new(FaultState {
                faults: config.faults.clone(),
                counter: 0,
                rng: Rng::new(&[config.seed, 0xFA]),
            }),
            stats: Mutex::new(Stats::default()),
        });
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(serve(listener, shared.clone(), stopped));
        Ok(Self {
            shared,
            addr,
            user_password: config.user_password,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// The socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API key the server accepts.
    pub fn api_key(&self) -> &str {
        &self.shared.api_key
    }

    /// The login e-mail.
    pub fn user_email(&self) -> &str {
        &self.shared.user_email
    }

    /// The login password as configured at start (see
    /// [`State::password`] for the current one after a change-password).
    pub fn user_password(&self) -> &str {
        &self.user_password
    }

    /// A copy of the counters and recordings.
    pub fn stats(&self) -> Stats {
        lock(&self.shared.stats).clone()
    }

    /// Requests to one endpoint key so far.
    pub fn count(&self, key: &str) -> u64 {
        lock(&self.shared.stats).count(key)
    }

    /// The last request to an endpoint key.
    pub fn last_request(&self, key: &str) -> Option<RecordedRequest> {
        lock(&self.shared.stats).last_requests.get(key).cloned()
    }

    /// The JSON body of the last request to an endpoint key.
    pub fn last_body(&self, key: &str) -> Option<Value> {
        self.last_request(key).and_then(|request| request.json())
    }

    /// Clears the counters and recordings.
    pub fn reset_stats(&self) {
        *lock(&self.shared.stats) = Stats::default();
    }

    /// The current fault switches.
    pub fn faults(&self) -> Faults {
        lock(&self.shared.faults).faults.clone()
    }

    /// Replaces the fault switches (and restarts their request counter).
    pub fn set_faults(&self, faults: Faults) {
        let mut state = lock(&self.shared.faults);
        state.faults = faults;
        state.counter = 0;
    }

    /// Changes the lifetime of JWTs issued from now on.
    pub fn set_jwt_lifetime(&self, lifetime: Duration) {
        *lock(&self.shared.jwt_lifetime) = lifetime;
    }

    /// Issues a session JWT directly (as login would), with an optional
    /// lifetime (`Duration::ZERO` gives an already expired token).
    pub fn issue_jwt(&self, lifetime: Option<Duration>) -> String {
        self.shared.issue_tokens(lifetime).0
    }

    /// Reads or changes the in-memory state.
    pub fn with_state<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.shared.state())
    }

    /// Stops accepting, closes every connection and waits for the server
    /// task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Runs until `signal` completes, then shuts down (used by the binary).
    pub async fn run_until(self, signal: impl std::future::Future<Output = ()>) {
        signal.await;
        self.shutdown().await;
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let router = axum::Router::new().fallback({
        let shared = shared.clone();
        move |request: Request<Body>| entry(shared.clone(), request)
    });
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let router = router.clone();
                connections.spawn(async move {
                    let kill = Arc::new(Notify::new());
                    let service = hyper::service::service_fn({
                        let kill = kill.clone();
                        move |request: Request<hyper::body::Incoming>| {
                            let router = router.clone();
                            let kill = kill.clone();
                            async move {
                                let mut request = request.map(Body::new);
                                request.extensions_mut().insert(ConnKill(kill));
                                Ok::<_, Infallible>(router.oneshot(request).await.unwrap_or_else(|never| match never {}))
                            }
                        }
                    });
                    let connection = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service);
                    tokio::select! {
                        _ = connection => {}
                        () = kill.notified() => {}
                    }
                });
                // Reap finished connections so the set does not grow.
                while connections.try_join_next().is_some() {}
            }
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}
