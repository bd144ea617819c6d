//! The SSN helpers against the mock, which decrypts the token with the JWT
//! of the request that carried it.
#![allow(missing_docs)]

mod support;

use assured_core::SessionJwt;
use assured_crypto::Ssn;
use assured_mock::{AuthSeen, State};
use support::{helpers, mock, profile};

#[tokio::test]
async fn the_server_stores_the_digits_sent_and_verify_agrees() {
    let mock = mock(2).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 1);
    helpers.update_ssn(&profile, "219-09-9999").await.unwrap();
    let stored = mock.with_state(|state| state.ssn(&profile.to_string()));
    assert_eq!(stored.as_deref(), Some("219099999"));
    // JWT only: the PATCH carried the Bearer and no API key.
    let stats = mock.stats();
    assert_eq!(
        stats
            .by_endpoint_auth
            .get(&("PP4".to_owned(), AuthSeen::Bearer)),
        Some(&1)
    );
    assert_eq!(mock.count("PP4"), 1);
    assert_eq!(mock.count("US5"), 1);

    assert!(
        helpers
            .verify_ssn(&profile, &Ssn::parse("219 09 9999").unwrap())
            .await
            .unwrap()
    );
    assert!(
        !helpers
            .verify_ssn(&profile, &Ssn::parse("219-09-9998").unwrap())
            .await
            .unwrap()
    );
    assert_eq!(mock.count("PP5"), 2);

    let encrypted = helpers.get_ssn(&profile).await.unwrap();
    assert_eq!(encrypted.id, profile);
    let ciphertext = encrypted.ssn.unwrap();
    assert!(
        !ciphertext.contains("219099999") && ciphertext.len() > 20,
        "{ciphertext}"
    );
    // One login served every JWT call.
    assert_eq!(mock.count("US5"), 1);
}

#[tokio::test]
async fn an_invalid_ssn_is_refused_before_any_request() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    for bad in [
        "",
        "12345678",
        "123-45-678a",
        "000-12-3456",
        "666-12-3456",
        "123-00-4567",
        "12-345-6789",
    ] {
        let err = helpers.update_ssn(&profile, bad).await.unwrap_err();
        assert!(err.is_invalid_input(), "{bad:?}: {err}");
        assert!(!err.to_string().contains("3456"), "{err}");
    }
    assert_eq!(mock.stats().total, 0);
}

#[tokio::test]
async fn a_session_revoked_mid_run_is_renewed_and_the_update_lands_once() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    helpers.client().login().await.unwrap();
    // The server forgets every session: the token the client holds is dead.
    mock.with_state(State::revoke_tokens);
    helpers.update_ssn(&profile, "123-45-6789").await.unwrap();
    assert_eq!(
        mock.with_state(|state| state.ssn(&profile.to_string()))
            .as_deref(),
        Some("123456789")
    );
    let stats = mock.stats();
    // One PATCH refused with 401, one re-login, one PATCH re-encrypted with
    // the new session that the server decrypted.
    assert_eq!(mock.count("US5"), 2);
    assert_eq!(mock.count("PP4"), 2);
    assert_eq!(stats.by_status.get(&401), Some(&1));
    assert!(
        helpers
            .verify_ssn(&profile, &Ssn::parse("123-45-6789").unwrap())
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn a_profile_without_an_ssn_does_not_verify() {
    let mock = mock(1).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 0);
    mock.with_state(|state| assert!(state.set_ssn(&profile.to_string(), None)));
    assert!(
        !helpers
            .verify_ssn(&profile, &Ssn::parse("123-45-6789").unwrap())
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn an_explicit_jwt_is_used_as_given_and_never_renewed() {
    let mock = mock(2).await;
    let helpers = helpers(&mock);
    let profile = profile(&mock, 1);
    let ssn = Ssn::parse("219-09-9999").unwrap();
    // A token from elsewhere: the client does not log in.
    let jwt = mock.issue_jwt(None);
    helpers
        .update_ssn_with_jwt(&profile, &ssn, SessionJwt::new(jwt))
        .await
        .unwrap();
    let stored = mock.with_state(|state| state.ssn(&profile.to_string()));
    assert_eq!(stored.as_deref(), Some("219099999"));
    assert_eq!(mock.count("PP4"), 1);
    assert_eq!(
        mock.count("US5"),
        0,
        "no login: the caller's token was used"
    );

    // A token the server refuses is the caller's problem: one 401, no re-login.
    let err = helpers
        .update_ssn_with_jwt(&profile, &ssn, SessionJwt::new("not-a-valid-token"))
        .await
        .unwrap_err();
    assert_eq!(err.core().and_then(assured_core::Error::status), Some(401));
    assert_eq!(mock.count("PP4"), 2);
    assert_eq!(mock.count("US5"), 0);
}
