//! The response-body cap holds for every transport: a transport of the
//! caller's own hands over whole bodies, and one past the cap is refused
//! all the same (not retried, not decoded).
#![allow(missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use assured_core::config::DEFAULT_MAX_RESPONSE_BYTES;
use assured_core::{Client, Config, HttpRequest, HttpResponse, TransportError};
use assured_models::catalog::GetLoggedInUser;
use bytes::Bytes;

const USER: &str = r#"{"id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","email":"a@b.c"}"#;

/// Answers every request with a user record padded with spaces to `len`
/// bytes (still valid JSON).
#[derive(Clone)]
struct Padded {
    len: usize,
    calls: Arc<AtomicUsize>,
}

impl Padded {
    fn new(len: usize) -> Self {
        Self {
            len,
            calls: Arc::new(AtomicUsize::new(0)),
        }
    }
}

impl tower::Service<HttpRequest> for Padded {
    type Response = HttpResponse;
    type Error = TransportError;
    type Future = std::future::Ready<Result<HttpResponse, TransportError>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), TransportError>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: HttpRequest) -> Self::Future {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let mut body = USER.as_bytes().to_vec();
        body.resize(self.len.max(USER.len()), b' ');
        std::future::ready(Ok(http::Response::builder()
            .status(200)
            .body(Bytes::from(body))
            .unwrap()))
    }
}

fn client(transport: Padded, cap: Option<u64>) -> Client {
    let mut config = Config::builder()
        .base_url("https://api.example.invalid")
        .api_key("k");
    if let Some(cap) = cap {
        config = config.max_response_bytes(cap);
    }
    Client::with_transport(config.build().unwrap(), transport)
}

#[tokio::test]
async fn a_custom_transports_body_past_the_configured_cap_is_refused_once() {
    let transport = Padded::new(1025);
    let err = client(transport.clone(), Some(1024))
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_response_too_large(), "{err:?}");
    assert!(err.to_string().contains("1024 bytes"), "{err}");
    assert_eq!(transport.calls.load(Ordering::SeqCst), 1, "not retried");
}

#[tokio::test]
async fn a_body_of_exactly_the_cap_is_accepted() {
    let transport = Padded::new(1024);
    let me = client(transport.clone(), Some(1024))
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap();
    assert_eq!(me.email.as_deref(), Some("a@b.c"));
    assert_eq!(transport.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_default_cap_applies_to_custom_transports() {
    let len = usize::try_from(DEFAULT_MAX_RESPONSE_BYTES).unwrap();
    let over = Padded::new(len + 1);
    let err = client(over.clone(), None)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_response_too_large(), "{err:?}");
    assert_eq!(over.calls.load(Ordering::SeqCst), 1);
    let at = Padded::new(len);
    let me = client(at, None)
        .call::<GetLoggedInUser>(&(), &(), &())
        .await
        .unwrap();
    assert_eq!(me.email.as_deref(), Some("a@b.c"));
}
