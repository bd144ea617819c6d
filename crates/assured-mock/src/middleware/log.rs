//! The request log of `--verbose` ([`MockConfig::log_requests`]): one line
//! on stderr per request, with the endpoint key, method, path, status and
//! the time to the reply (faults' latency included). Secrets never appear:
//! neither headers, query nor body are logged.
//!
//! [`MockConfig::log_requests`]: crate::MockConfig::log_requests

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

use crate::route_table::Resolved;

/// One log line (without the newline).
pub(crate) fn line(
    key: Option<&str>,
    method: &str,
    path: &str,
    status: u16,
    millis: f64,
) -> String {
    format!(
        "{:<5} {method:<6} {path} -> {status} in {millis:.1} ms",
        key.unwrap_or("-")
    )
}

pub(crate) async fn layer(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let key = request
        .extensions()
        .get::<Resolved>()
        .and_then(Resolved::key);
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "{}",
        line(
            key,
            method.as_str(),
            &path,
            response.status().as_u16(),
            millis
        )
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_the_endpoint_request_status_and_latency() {
        assert_eq!(
            line(Some("PV1"), "GET", "/p/", 200, 1.26),
            "PV1   GET    /p/ -> 200 in 1.3 ms"
        );
        assert_eq!(
            line(None, "POST", "/x/", 404, 0.0),
            "-     POST   /x/ -> 404 in 0.0 ms"
        );
    }
}
