//! Keeping secrets out of errors and logs.
//!
//! Response bodies end up in error messages; before that they are shortened
//! and every value under a secret-looking key (passwords, tokens, SSNs, API
//! keys) is replaced. Free text the server or a decoder wrote (an API
//! `detail`, serde's message quoting a value) is shortened too, and anything
//! in it that looks like a bearer token, a JWT or an SSN is replaced.

/// Longest body excerpt kept in an error, in characters.
const EXCERPT_CHARS: usize = 512;

/// Longest free-text message kept in an error, in characters.
pub(crate) const MESSAGE_CHARS: usize = 300;

/// What replaces a secret.
const REDACTED: &str = "<redacted>";

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
    shorten(&redact_patterns(&text), EXCERPT_CHARS)
}

/// Free text for an error message: secret-looking words replaced, then
/// shortened to [`MESSAGE_CHARS`].
pub(crate) fn text(text: &str) -> String {
    shorten(&redact_patterns(&redact_bearer(text)), MESSAGE_CHARS)
}

/// Replaces JWT-looking words and SSN-looking numbers.
fn redact_patterns(text: &str) -> String {
    let words = redact_words(text, looks_like_jwt);
    redact_ssn_numbers(&words)
}

/// Replaces every maximal run of token characters that `secret` flags.
fn redact_words(text: &str, secret: fn(&str) -> bool) -> String {
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(is_token_char) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !is_token_char(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        out.push_str(if secret(word) { REDACTED } else { word });
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out
}

/// A JWT: base64url segments joined by dots, the first one a base64 JSON
/// object (`eyJ` is the encoding of `{"`).
fn looks_like_jwt(word: &str) -> bool {
    let word = word.trim_matches('.');
    word.starts_with("eyJ") && word.split('.').filter(|part| !part.is_empty()).count() >= 2
}

/// Replaces nine-digit numbers and `ddd-dd-dddd` (or space-separated)
/// groups: what an SSN looks like once it is quoted back.
fn redact_ssn_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Digit groups: (start, end) char indices.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if chars[index].is_ascii_digit() {
            let start = index;
            while index < chars.len() && chars[index].is_ascii_digit() {
                index += 1;
            }
            groups.push((start, index));
        } else {
            index += 1;
        }
    }
    let standalone = |(start, end): (usize, usize)| {
        let before = start.checked_sub(1).map(|at| chars[at]);
        let after = chars.get(end).copied();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let joined = |left: (usize, usize), right: (usize, usize)| {
        right.0 == left.1 + 1 && matches!(chars[left.1], '-' | ' ')
    };
    let mut secret: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < groups.len() {
        let group = groups[at];
        if group.1 - group.0 == 9 && standalone(group) {
            secret.push(group);
            at += 1;
            continue;
        }
        if let (Some(&second), Some(&third)) = (groups.get(at + 1), groups.get(at + 2)) {
            let lengths = [group.1 - group.0, second.1 - second.0, third.1 - third.0];
            if lengths == [3, 2, 4]
                && joined(group, second)
                && joined(second, third)
                && chars[group.1] == chars[second.1]
                && standalone((group.0, third.1))
            {
                secret.push((group.0, third.1));
                at += 3;
                continue;
            }
        }
        at += 1;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end) in secret {
        out.extend(&chars[from..start]);
        out.push_str(REDACTED);
        from = end;
    }
    out.extend(&chars[from..]);
    out
}

fn redact_value(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, entry) in map.iter_mut() {
                if is_secret_key(key) && !entry.is_null() {
                    *entry = serde_json::Value::String(REDACTED.to_owned());
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
        out.push_str(REDACTED);
        rest = &rest[index + "Bearer ".len()..];
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn shorten(text: &str, limit: usize) -> String {
    let trimmed = text.trim();
    match trimmed.char_indices().nth(limit) {
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

    #[test]
    fn jwts_and_ssns_in_free_text_are_redacted() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln";
        let shown = text(&format!(
            "token {jwt} is bad; ssn 123-45-6789, or 123 45 6789, or 987654321."
        ));
        assert_eq!(
            shown,
            "token <redacted> is bad; ssn <redacted>, or <redacted>, or <redacted>."
        );
        // NPIs (10 digits), dates, ids and phone numbers stay.
        for kept in [
            "npi 1234567893",
            "on 2024-01-15",
            "id 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "call 555-123-4567",
            "12-34-5678 or 123-45-678",
            "v1.2.3 and e.g. eyJ alone",
        ] {
            assert_eq!(text(kept), kept);
        }
        let long = text(&"y".repeat(5000));
        assert_eq!(long.chars().count(), MESSAGE_CHARS + 1);
    }

    #[test]
    fn excerpts_redact_ssn_and_jwt_values_under_any_key() {
        let shown =
            excerpt(br#"{"detail":"SSN 123-45-6789 is taken","note":"eyJhbGciOi.eyJzdWIi.sig"}"#);
        assert!(!shown.contains("6789") && !shown.contains("eyJ"), "{shown}");
    }
}
