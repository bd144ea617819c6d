//! The base URL: parsed and checked once, when the configuration is built.

use std::net::IpAddr;

use url::Url;

/// Parses and checks a base URL: http(s), a host, no query or fragment, and
/// plain http only on loopback unless explicitly allowed.
///
/// A URL with userinfo (`user:pass@`) is refused: credentials belong in the
/// API key and login settings, and a password in the URL would show up in
/// `Debug` output and error messages. No message here repeats it.
pub(super) fn parse_base_url(text: &str, allow_insecure_http: bool) -> Result<Url, String> {
    let parsed = Url::parse(text.trim());
    // Every message below shows the URL without its userinfo.
    let shown = without_userinfo(text);
    let text = shown.as_str();
    let mut url = parsed.map_err(|err| format!("invalid base URL {text:?}: {err}"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "base URL {text:?} must not carry a user name or password; \
             set the API key and login credentials instead"
        ));
    }
    let host = url
        .host_str()
        .ok_or_else(|| format!("base URL {text:?} has no host"))?
        .to_owned();
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(&host) => {}
        "http" => {
            return Err(format!(
                "base URL {text:?} uses plain http on a host that is not loopback; \
                 credentials would travel in clear text (use https, or allow_insecure_http(true))"
            ));
        }
        other => {
            return Err(format!(
                "base URL scheme must be https or http, got {other:?}"
            ));
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "base URL {text:?} must not have a query or fragment"
        ));
    }
    // Paths in the catalog are absolute; keep only a prefix without the
    // trailing slash so joining never doubles it.
    let prefix = url.path().trim_end_matches('/').to_owned();
    url.set_path(&prefix);
    Ok(url)
}

/// The text with anything between `://` and an `@` before the path
/// removed, for messages: a refused URL must not echo its password.
fn without_userinfo(text: &str) -> String {
    let Some(scheme_end) = text.find("://").map(|at| at + 3) else {
        return text.to_owned();
    };
    let authority_end = text[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(text.len(), |at| scheme_end + at);
    match text[scheme_end..authority_end].rfind('@') {
        Some(at) => format!(
            "{}<redacted>@{}",
            &text[..scheme_end],
            &text[scheme_end + at + 1..]
        ),
        None => text.to_owned(),
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}
