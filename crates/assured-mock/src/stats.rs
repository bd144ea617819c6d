//! Counters and recordings that tests read through [`MockServer::stats`](crate::MockServer::stats).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

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
        json_body(&self.body)
    }

    /// The query string parsed into pairs.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        query_pairs(self.query.as_deref())
    }
}

/// A body parsed as JSON, if it is JSON.
pub(crate) fn json_body(body: &[u8]) -> Option<Value> {
    serde_json::from_slice(body).ok()
}

/// A raw query string parsed into pairs, in order (none when unparsable).
pub(crate) fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .and_then(|query| serde_urlencoded::from_str(query).ok())
        .unwrap_or_default()
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
    /// Faults injected, by kind (`latency`, `drop`, `429` (every N),
    /// `rate_limit` (the token bucket), `5xx`, `malformed`).
    pub faults_injected: BTreeMap<String, u64>,
    /// Requests answered 429 by the rate-limit mode
    /// ([`Faults::rate_limit`](crate::Faults::rate_limit)).
    pub rate_limited: u64,
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
