//! Keeping secrets out of errors and logs.
//!
//! Response bodies end up in error messages; before that they are shortened
//! and every value under a secret-looking key (passwords, tokens, SSNs, API
//! keys) is replaced.

/// Longest body excerpt kept in an error, in characters.
const EXCERPT_CHARS: usize = 512;

/// Whether a JSON key names a secret.
pub(crate) fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "ssn", "password", "jwt", "access", "refresh", "token", "api_key", "apikey", "secret",
    ]
    .iter()
    .any(|needle| key.contains(needle))
}

/// A short, redacted rendering of a response body.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut value) => {
            redact_value(&mut value);
            value.to_string()
        }
        Err(_) => redact_bearer(&String::from_utf8_lossy(body)),
    };
    shorten(&text)
}

fn redact_value(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, entry) in map.iter_mut() {
                if is_secret_key(key) && !entry.is_null() {
                    *entry = serde_json::Value::String("<redacted>".to_owned());
                } else {
                    redact_value(entry);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(redact_value),
        _ => {}
    }
}

/// Replaces anything after `Bearer ` in free text.
fn redact_bearer(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(index) = rest.find("Bearer ") {
        out.push_str(&rest[..index + "Bearer ".len()]);
        out.push_str("<redacted>");
        rest = &rest[index + "Bearer ".len()..];
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn shorten(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &trimmed[..cut]),
        None => trimmed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_json_bodies_are_redacted() {
        let body = br#"{"data":{"jwt":{"access":"eyJ.secret.sig"}},"ssn":"123456789","name":"ok"}"#;
        let shown = excerpt(body);
        assert!(
            !shown.contains("eyJ.secret.sig") && !shown.contains("123456789"),
            "{shown}"
        );
        assert!(shown.contains("\"name\":\"ok\""));
    }

    #[test]
    fn bearer_tokens_in_text_are_redacted_and_long_bodies_cut() {
        let shown = excerpt(b"denied for Bearer abc.def.ghi please");
        assert_eq!(shown, "denied for Bearer <redacted> please");
        assert!(excerpt(&[b'x'; 2000]).chars().count() <= EXCERPT_CHARS + 1);
    }
}
