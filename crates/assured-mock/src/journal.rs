//! The request journal: what the server received, in order, bounded, with
//! secrets redacted (see [`MockServer::requests`](crate::MockServer::requests)).

use std::collections::VecDeque;

use serde_json::Value;

use crate::stats;

/// What replaces a redacted header value or body field.
pub const REDACTED: &str = "[redacted]";

/// Headers whose values are credentials.
const SECRET_HEADERS: &[&str] = &[
    "x-api-key",
    "authorization",
    "cookie",
    "proxy-authorization",
];

/// Body fields that carry a password, at any depth.
const SECRET_FIELDS: &[&str] = &[
    "password",
    "old_password",
    "new_password",
    "confirm_new_password",
    "caqh_password",
];

/// The body field that carries an SSN.
const SSN_FIELD: &str = "ssn";

/// One request as the server received it, secrets redacted: the values of
/// `x-api-key`, `Authorization`, `Cookie` are [`REDACTED`]; in JSON bodies
/// every password field (`password`, `old_password`, `new_password`,
/// `confirm_new_password`, `caqh_password`) and every plaintext `ssn` is
/// [`REDACTED`] (the encrypted SSN token of the encrypted-SSN PATCH is
/// kept: it is what the client sent and is no plaintext). A body without
/// secrets is kept byte for byte; one that is redacted is re-serialized.
/// A body that is not JSON is kept as received (multipart uploads), except
/// that one mentioning a password or an SSN field is replaced by
/// [`REDACTED`] as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReceivedRequest {
    /// Position in the server's life (1 for the first request), counting
    /// the requests dropped from a full journal too.
    pub sequence: u64,
    /// The catalog key of the endpoint the path and method matched
    /// (`"PV1"`), `None` for an unknown path. A known path with another
    /// method names the path's endpoint.
    pub endpoint: Option<String>,
    /// HTTP method.
    pub method: String,
    /// Path, without the query.
    pub path: String,
    /// Raw query string (without `?`).
    pub query: Option<String>,
    /// Every header, in the order received, names in lower case, secret
    /// values redacted.
    pub headers: Vec<(String, String)>,
    /// The body (see the redaction rules above).
    pub body: Vec<u8>,
}

impl ReceivedRequest {
    /// The body parsed as JSON, if it is JSON.
    pub fn json(&self) -> Option<Value> {
        stats::json_body(&self.body)
    }

    /// The query string parsed into pairs, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        stats::query_pairs(self.query.as_deref())
    }

    /// The first value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Whether a body's `ssn` field is the encrypted token (kept) or may be
/// plaintext (redacted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum SsnField {
    /// Any `ssn` may be plaintext.
    #[default]
    Plaintext,
    /// The `ssn` is the AES-CTR token of the encrypted-SSN endpoint.
    EncryptedToken,
}

/// The bounded journal.
#[derive(Debug)]
pub(crate) struct Journal {
    capacity: usize,
    entries: VecDeque<ReceivedRequest>,
    received: u64,
}

impl Journal {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            capacity,
            entries: VecDeque::with_capacity(capacity.min(1024)),
            received: 0,
        }
    }

    /// Numbers the entry and keeps it, dropping the oldest beyond capacity.
    pub(crate) fn push(&mut self, mut entry: ReceivedRequest) {
        self.received += 1;
        entry.sequence = self.received;
        if self.capacity == 0 {
            return;
        }
        while self.entries.len() >= self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    pub(crate) fn entries(&self) -> Vec<ReceivedRequest> {
        self.entries.iter().cloned().collect()
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

/// A header value as the journal keeps it.
pub(crate) fn header_value(name: &str, value: &[u8]) -> String {
    if SECRET_HEADERS
        .iter()
        .any(|secret| name.eq_ignore_ascii_case(secret))
    {
        REDACTED.to_owned()
    } else {
        String::from_utf8_lossy(value).into_owned()
    }
}

/// A body as the journal keeps it.
pub(crate) fn body(bytes: &[u8], multipart: bool, ssn: SsnField) -> Vec<u8> {
    if multipart {
        return bytes.to_vec();
    }
    if let Ok(mut value) = serde_json::from_slice::<Value>(bytes) {
        if redact(&mut value, ssn) {
            serde_json::to_vec(&value).unwrap_or_else(|_| REDACTED.as_bytes().to_vec())
        } else {
            bytes.to_vec()
        }
    } else {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        if text.contains("password") || text.contains(SSN_FIELD) {
            REDACTED.as_bytes().to_vec()
        } else {
            bytes.to_vec()
        }
    }
}

/// Redacts secret fields in place; says whether anything changed.
fn redact(value: &mut Value, ssn: SsnField) -> bool {
    match value {
        Value::Object(map) => {
            let mut changed = false;
            for (key, field) in map.iter_mut() {
                let secret = SECRET_FIELDS.contains(&key.as_str())
                    || (key == SSN_FIELD && ssn == SsnField::Plaintext);
                if secret && !field.is_null() {
                    *field = Value::String(REDACTED.to_owned());
                    changed = true;
                } else {
                    changed |= redact(field, ssn);
                }
            }
            changed
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, item| redact(item, ssn) | changed),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn entry(path: &str) -> ReceivedRequest {
        ReceivedRequest {
            sequence: 0,
            endpoint: None,
            method: "GET".to_owned(),
            path: path.to_owned(),
            query: None,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    #[test]
    fn a_full_journal_drops_the_oldest_and_keeps_counting() {
        let mut journal = Journal::new(2);
        for path in ["/a", "/b", "/c"] {
            journal.push(entry(path));
        }
        let entries = journal.entries();
        let kept: Vec<_> = entries
            .iter()
            .map(|e| (e.sequence, e.path.as_str()))
            .collect();
        assert_eq!(kept, [(2, "/b"), (3, "/c")]);
        journal.clear();
        journal.push(entry("/d"));
        assert_eq!(journal.entries()[0].sequence, 4);
    }

    #[test]
    fn a_zero_capacity_journal_keeps_nothing() {
        let mut journal = Journal::new(0);
        journal.push(entry("/a"));
        assert!(journal.entries().is_empty());
    }

    #[test]
    fn credentials_headers_are_redacted() {
        assert_eq!(header_value("X-Api-Key", b"secret"), REDACTED);
        assert_eq!(header_value("authorization", b"Bearer a.b.c"), REDACTED);
        assert_eq!(
            header_value("content-type", b"application/json"),
            "application/json"
        );
    }

    #[test]
    fn passwords_and_plaintext_ssns_are_redacted_at_any_depth() {
        let sent = json!({"email": "a@b.test", "password": "pw", "nested": [{"ssn": "123456789"}]});
        let kept = body(
            &serde_json::to_vec(&sent).unwrap(),
            false,
            SsnField::Plaintext,
        );
        let kept: Value = serde_json::from_slice(&kept).unwrap();
        assert_eq!(
            kept,
            json!({"email": "a@b.test", "password": REDACTED, "nested": [{"ssn": REDACTED}]})
        );
    }

    #[test]
    fn the_encrypted_token_and_clean_bodies_are_kept_verbatim() {
        let token = br#"{"ssn":  "AAECAwQFBgcICQoLDA0OD/h7eA6YugVyGg=="}"#;
        assert_eq!(body(token, false, SsnField::EncryptedToken), token.to_vec());
        let clean = br#"{ "email" : "a@b.test" }"#;
        assert_eq!(body(clean, false, SsnField::Plaintext), clean.to_vec());
        let null_ssn = br#"{"ssn": null}"#;
        assert_eq!(
            body(null_ssn, false, SsnField::Plaintext),
            null_ssn.to_vec()
        );
    }

    #[test]
    fn unparsable_bodies_mentioning_secrets_are_dropped_whole() {
        assert_eq!(
            body(b"{\"password\": \"pw", false, SsnField::Plaintext),
            REDACTED.as_bytes()
        );
        assert_eq!(body(b"not json", false, SsnField::Plaintext), b"not json");
        let form = b"--x\r\nContent-Disposition: form-data; name=\"password\"\r\n";
        assert_eq!(body(form, true, SsnField::Plaintext), form.to_vec());
    }
}
