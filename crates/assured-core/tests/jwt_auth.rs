//! The session JWT: lazy single-flight login, re-login on 401, renewal
//! before expiry, the JWT-derived body hook. Request counts asserted.
#![allow(missing_docs)]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use assured_core::{Client, Config, RetryPolicy};
use assured_models::ProfileId;
use assured_models::catalog::{Endpoint, GetEncryptedSsn, Login, UpdateEncryptedSsn};
use assured_models::models::provider_profile::EncryptedSsnUpdate;
use serde_json::json;
use support::{Reply, Seen, TestServer, jwt_with_claims, jwt_with_exp, login_reply, now_secs};

const LOGIN: &str = Login::DESCRIPTOR.path;

fn profile() -> ProfileId {
    "3f2504e0-4f89-41d3-9a0c-0305e82c3301".parse().unwrap()
}

fn ssn_path() -> String {
    GetEncryptedSsn::DESCRIPTOR.render_path(&profile())
}

fn client(server: &TestServer) -> Client {
    Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("the-api-key")
            .credentials("ops@example.org", "pw")
            .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
            .build()
            .unwrap(),
    )
    .unwrap()
}

fn bearer(seen: &Seen) -> Option<String> {
    seen.header("authorization")
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::to_owned)
}

/// A server whose login hands out tokens `exp` seconds from now, counting
/// logins, and whose SSN endpoint accepts only the newest token.
fn jwt_server(
    lifetime: i64,
    logins: Arc<AtomicUsize>,
) -> impl Fn(&Seen, usize) -> Reply + Send + Sync {
    move |seen, _| {
        if seen.path == LOGIN {
            let n = logins.fetch_add(1, Ordering::SeqCst) + 1;
            let exp = now_secs().saturating_add_signed(lifetime);
            return login_reply(&jwt_with_exp(exp, n));
        }
        let n = logins.load(Ordering::SeqCst);
        match bearer(seen) {
            Some(token) if token.ends_with(&format!("sig{n}")) => Reply::json(
                200,
                json!({"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "ssn": "ciphertext"}),
            ),
            _ => Reply::json(
                401,
                json!({"detail": "Given token not valid for any token type"}),
            ),
        }
    }
}

#[tokio::test]
async fn a_hundred_concurrent_jwt_calls_log_in_once() {
    let logins = Arc::new(AtomicUsize::new(0));
    let server = TestServer::start(jwt_server(3600, Arc::clone(&logins))).await;
    let client = client(&server);
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.call::<GetEncryptedSsn>(&profile(), &(), &()).await })
    });
    for call in futures_util::future::join_all(calls).await {
        call.unwrap().unwrap();
    }
    assert_eq!(server.count(LOGIN), 1);
    assert_eq!(server.count(&ssn_path()), 100);
    // The login carried the credentials; the JWT-only endpoint got no API key.
    let seen = server.seen();
    let login = seen.iter().find(|s| s.path == LOGIN).unwrap();
    let body: serde_json::Value = serde_json::from_slice(&login.body).unwrap();
    assert_eq!(
        body,
        json!({"email": "ops@example.org", "password": "pw", "remember": true})
    );
    assert!(
        seen.iter()
            .filter(|s| s.path != LOGIN)
            .all(|s| s.header("x-api-key").is_none())
    );
}

#[tokio::test]
async fn an_expired_jwt_causes_exactly_one_relogin() {
    let logins = Arc::new(AtomicUsize::new(0));
    let server = TestServer::start(jwt_server(3600, Arc::clone(&logins))).await;
    let client = client(&server);
    client
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap();
    // The server forgets the session (as when it expires server-side): the
    // next login is number 2, so token 1 is now refused.
    logins.fetch_add(1, Ordering::SeqCst);
    let calls = (0..20).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.call::<GetEncryptedSsn>(&profile(), &(), &()).await })
    });
    for call in futures_util::future::join_all(calls).await {
        call.unwrap().unwrap();
    }
    // 1 initial login + 1 re-login shared by all 20 callers.
    assert_eq!(server.count(LOGIN), 2);
}

/// Renewal before `exp` with time passing is in `jwt_single_flight.rs`
/// (paused clock); here, against a real server: a token that lives less
/// than the refresh margin is still reused, and every request carried the
/// one token the server accepts (the server answers 401 to any other, and a
/// 401 would show as an extra login and an extra request).
#[tokio::test]
async fn a_jwt_living_less_than_the_refresh_margin_is_reused() {
    let logins = Arc::new(AtomicUsize::new(0));
    // Tokens expire in 30 s; the client's refresh margin is 60 s.
    let server = TestServer::start(jwt_server(30, Arc::clone(&logins))).await;
    let client = client(&server);
    for _ in 0..3 {
        client
            .call::<GetEncryptedSsn>(&profile(), &(), &())
            .await
            .unwrap();
    }
    let sent: Vec<(String, Option<String>)> = server
        .seen()
        .iter()
        .map(|s| (s.path.clone(), bearer(s)))
        .collect();
    // The first (and only) login's token: the server signs login N "sigN".
    let token = sent[1].1.clone().unwrap();
    assert!(token.ends_with("sig1"), "{token}");
    assert_eq!(
        sent,
        [
            (LOGIN.to_owned(), None),
            (ssn_path(), Some(token.clone())),
            (ssn_path(), Some(token.clone())),
            (ssn_path(), Some(token)),
        ]
    );
}

#[tokio::test]
async fn a_401_rebuilds_a_jwt_derived_body_with_the_new_token() {
    let logins = Arc::new(AtomicUsize::new(0));
    let server = TestServer::start(jwt_server(3600, Arc::clone(&logins))).await;
    let client = client(&server);
    client.login().await.unwrap();
    logins.fetch_add(1, Ordering::SeqCst); // the first token is now refused
    client
        .call_with_jwt_body::<UpdateEncryptedSsn, _>(&profile(), &(), |jwt| {
            // Stands in for the SSN token: a value derived from the JWT.
            Ok(EncryptedSsnUpdate::new(format!(
                "token-for-{}",
                &jwt[jwt.len() - 4..]
            )))
        })
        .await
        .unwrap();
    let patches: Vec<Seen> = server
        .seen()
        .into_iter()
        .filter(|s| s.path == ssn_path())
        .collect();
    assert_eq!(patches.len(), 2);
    for patch in &patches {
        let body: serde_json::Value = serde_json::from_slice(&patch.body).unwrap();
        let token = bearer(patch).unwrap();
        assert_eq!(
            body["ssn"],
            json!(format!("token-for-{}", &token[token.len() - 4..]))
        );
    }
    assert_ne!(bearer(&patches[0]), bearer(&patches[1]));
}

#[tokio::test]
async fn an_exp_claim_beyond_any_time_is_no_panic_and_no_relogin() {
    for exp in [
        "9e18",
        "1e19",
        "1e20",
        "18446744073709551615",
        "1.7976931348623157e308",
    ] {
        let server = TestServer::start(move |seen, _| {
            if seen.path == LOGIN {
                return login_reply(&jwt_with_claims(&format!(r#"{{"exp":{exp}}}"#), 1));
            }
            Reply::json(
                200,
                json!({"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "ssn": "ciphertext"}),
            )
        })
        .await;
        let client = client(&server);
        for _ in 0..2 {
            client
                .call::<GetEncryptedSsn>(&profile(), &(), &())
                .await
                .unwrap();
        }
        // The token is used until the server refuses it.
        assert_eq!(server.count(LOGIN), 1, "{exp}");
        assert_eq!(server.count(&ssn_path()), 2, "{exp}");
    }
}

#[tokio::test]
async fn missing_credentials_fail_before_any_request() {
    let server = TestServer::start(|_, _| Reply::json(200, json!({}))).await;
    let client = Client::new(
        Config::builder()
            .base_url(server.base_url())
            .api_key("k")
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = client
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_config());
    assert!(err.to_string().contains("ASSURED_USER") && err.to_string().contains("ASSURED_PASS"));
    assert_eq!(
        err.endpoint().unwrap().path,
        GetEncryptedSsn::DESCRIPTOR.path
    );
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn a_wrong_password_is_an_auth_error_without_retries() {
    let server = TestServer::start(|_, _| {
        Reply::json(
            401,
            json!({"detail": "No active account found with the given credentials"}),
        )
    })
    .await;
    let err = client(&server)
        .call::<GetEncryptedSsn>(&profile(), &(), &())
        .await
        .unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    assert_eq!(
        err.api_message(),
        Some("No active account found with the given credentials")
    );
    assert_eq!(server.count(LOGIN), 1);
    assert_eq!(server.count(&ssn_path()), 0);
}

#[test]
fn the_client_is_cheap_to_clone_send_and_sync() {
    fn assert_client<T: Clone + Send + Sync + 'static>() {}
    fn assert_stream<T: Send + 'static>() {}
    assert_client::<Client>();
    assert_stream::<assured_core::RecordStream<assured_models::models::users::User>>();
}
