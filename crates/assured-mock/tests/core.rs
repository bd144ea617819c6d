//! Server core: start/stop, authentication, JWTs, routing, introspection.
// The dead endpoints are exercised on purpose: their types are deprecated.
#![allow(deprecated)]
#![allow(missing_docs, clippy::too_many_lines, clippy::cast_possible_truncation)]

mod common;

use std::time::Duration;

use assured_mock::{AuthSeen, MockConfig};
use assured_models::catalog::{
    GetEncryptedSsn, GetPersonalInfo, GetPlaintextSsn, ListDocuments, ListExternalUsers,
    ListProviders, ListUsersDead, Login, PasswordReset,
};
use base64::Engine as _;
use common::{client, first_provider, get, login, path, path_with, send, start, url, with_query};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn starts_on_loopback_and_shuts_down() {
    let mock = start(MockConfig::default()).await;
    assert!(mock.base_url().starts_with("http://127.0.0.1:"));
    assert!(!mock.api_key().is_empty());
    let (status, body) = get(&mock, path::<ListExternalUsers>()).await;
    assert_eq!(status, 200);
    assert_eq!(body["count"], 300 + 7);
    let base = mock.base_url().to_owned();
    mock.shutdown().await;
    assert!(
        client()
            .get(format!("{base}{}", path::<ListExternalUsers>()))
            .send()
            .await
            .is_err()
    );
}

#[tokio::test]
async fn api_key_is_required_and_checked() {
    let mock = start(MockConfig::default()).await;
    let path = url(&mock, path::<ListProviders>());
    let none = client().get(&path).send().await.unwrap();
    assert_eq!(none.status(), 401);
    let wrong = client()
        .get(&path)
        .header("x-api-key", "nope")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let right = client()
        .get(&path)
        .header("x-api-key", mock.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
}

#[tokio::test]
async fn login_returns_a_jwt_with_exp_at_data_jwt_access() {
    let mock = start(MockConfig::default().with_jwt_lifetime(Duration::from_secs(600))).await;
    let token = login(&mock).await;
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(parts[1])
            .unwrap(),
    )
    .unwrap();
    let exp = claims["exp"].as_u64().unwrap();
    let iat = claims["iat"].as_u64().unwrap();
    assert!((600..=601).contains(&(exp - iat)), "{claims}");

    let (status, body) = send(
        &mock,
        Method::POST,
        path::<Login>(),
        None,
        Some(json!({"email": mock.user_email(), "password": "wrong", "remember": true})),
    )
    .await;
    assert_eq!(status, 401, "{body}");
}

#[tokio::test]
async fn jwt_endpoints_need_the_bearer_and_jwt_only_ones_not_the_key() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let jwt = login(&mock).await;

    // Jwt: provider-documents needs Bearer AND x-api-key.
    let docs = with_query(path::<ListDocuments>(), &format!("provider={profile}"));
    assert_eq!(send(&mock, Method::GET, &docs, None, None).await.0, 401);
    assert_eq!(
        send(&mock, Method::GET, &docs, Some(&jwt), None).await.0,
        200
    );
    let bearer_only = client()
        .get(url(&mock, &docs))
        .bearer_auth(&jwt)
        .send()
        .await
        .unwrap();
    assert_eq!(bearer_only.status(), 401);

    // JwtOnly: the encrypted SSN takes the Bearer alone; the key alone is refused.
    let ssn = path_with::<GetEncryptedSsn>(&profile);
    let key_only = client()
        .get(url(&mock, &ssn))
        .header("x-api-key", mock.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(key_only.status(), 401);
    let bearer = client()
        .get(url(&mock, &ssn))
        .bearer_auth(&jwt)
        .send()
        .await
        .unwrap();
    assert_eq!(bearer.status(), 200);

    let stats = mock.stats();
    assert_eq!(
        stats.by_endpoint_auth[&("PP3".to_owned(), AuthSeen::Bearer)],
        1
    );
    assert_eq!(
        stats.by_endpoint_auth[&("PP3".to_owned(), AuthSeen::ApiKey)],
        1
    );
    assert!(stats.count_auth(AuthSeen::ApiKeyAndBearer) >= 1);
}

#[tokio::test]
async fn expired_unknown_and_revoked_tokens_get_401() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let path = path_with::<GetPlaintextSsn>(&profile);
    let expired = mock.issue_jwt(Some(Duration::ZERO));
    assert_eq!(
        send(&mock, Method::GET, &path, Some(&expired), None)
            .await
            .0,
        401
    );
    let forged = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2ln";
    assert_eq!(
        send(&mock, Method::GET, &path, Some(forged), None).await.0,
        401
    );

    // Whole seconds, as `exp` is: a 2 s token is valid for at least 1 s.
    mock.set_jwt_lifetime(Duration::from_secs(2));
    let short = login(&mock).await;
    assert_eq!(
        send(&mock, Method::GET, &path, Some(&short), None).await.0,
        200
    );
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let (status, body) = send(&mock, Method::GET, &path, Some(&short), None).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "token_not_valid");

    mock.set_jwt_lifetime(Duration::from_secs(3600));
    let fresh = login(&mock).await;
    assert_eq!(
        send(&mock, Method::GET, &path, Some(&fresh), None).await.0,
        200
    );
    mock.with_state(assured_mock::State::revoke_tokens);
    assert_eq!(
        send(&mock, Method::GET, &path, Some(&fresh), None).await.0,
        401
    );
}

#[tokio::test]
async fn unknown_paths_404_wrong_methods_405_dead_endpoints_500() {
    let mock = start(MockConfig::default()).await;
    // A sibling of a catalog path that the catalog does not have.
    let users = path::<ListProviders>()
        .trim_end_matches('/')
        .rsplit_once('/')
        .unwrap()
        .0;
    let missing = client()
        .get(url(&mock, &format!("{users}/no-such-thing/")))
        .header("x-api-key", mock.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("Not Found"));
    // No trailing slash: not a catalog path.
    assert_eq!(
        get(&mock, path::<ListProviders>().trim_end_matches('/'))
            .await
            .0,
        404
    );
    assert_eq!(
        send(&mock, Method::DELETE, path::<ListProviders>(), None, None)
            .await
            .0,
        405
    );
    // The documented users list is dead; its replacement works.
    let dead = client()
        .get(url(&mock, path::<ListUsersDead>()))
        .header("x-api-key", mock.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(dead.status(), 500);
    assert!(dead.text().await.unwrap().contains("Server Error (500)"));
    assert_eq!(get(&mock, path::<ListExternalUsers>()).await.0, 200);
    assert_eq!(mock.count("US2"), 1);
    assert_eq!(mock.count("404"), 2);
}

#[tokio::test]
async fn introspection_counts_records_and_exposes_state() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    get(&mock, &with_query(path::<ListProviders>(), "limit=5")).await;
    assert_eq!(mock.count("PV1"), 2);
    let body = json!({"email": "someone@example.org"});
    send(
        &mock,
        Method::POST,
        path::<PasswordReset>(),
        None,
        Some(body.clone()),
    )
    .await;
    assert_eq!(mock.last_body("US6"), Some(body));
    let last = mock.last_request("PV1").unwrap();
    assert_eq!(last.query.as_deref(), Some("limit=5"));
    assert_eq!(last.auth, AuthSeen::ApiKey);

    let ssn = mock.with_state(|state| state.ssn(&profile)).unwrap();
    assert_eq!(ssn.len(), 9);
    mock.with_state(|state| {
        let mut fields = serde_json::Map::new();
        fields.insert("first_name".into(), json!("Changed"));
        assert!(state.set_personal_info(&profile, fields));
    });
    let (_, info) = get(&mock, &path_with::<GetPersonalInfo>(&profile)).await;
    assert_eq!(info["first_name"], "Changed");
    mock.reset_stats();
    assert_eq!(mock.stats().total, 0);
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data() {
    let a = start(MockConfig::default().with_seed(9)).await;
    let b = start(MockConfig::default().with_seed(9)).await;
    let c = start(MockConfig::default().with_seed(10)).await;
    let page = |mock| async move {
        get(mock, &with_query(path::<ListProviders>(), "limit=20"))
            .await
            .1["results"]
            .clone()
    };
    assert_eq!(page(&a).await, page(&b).await);
    assert_ne!(page(&a).await, page(&c).await);
}
