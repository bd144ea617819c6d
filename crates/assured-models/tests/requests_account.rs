#![allow(missing_docs)]

use assured_models::models::account::{ChangePasswordRequest, ChangePasswordResponse};
use serde_json::json;

#[test]
fn change_password_request() {
    let request = ChangePasswordRequest::new("Old-Passw0rd!", "N3w-Passw0rd!");
    insta::assert_json_snapshot!(request);
}

#[test]
fn change_password_debug_hides_the_passwords() {
    let request = ChangePasswordRequest::new("Old-Passw0rd!", "N3w-Passw0rd!");
    let shown = format!("{request:?}");
    assert!(!shown.contains("Passw0rd"), "{shown}");
    assert!(shown.contains("<redacted>"));
}

#[test]
fn change_password_response_unknown_fields_survive_a_round_trip() {
    let sent = json!({"message": "Password changed", "logout_other_sessions": true});
    let reply: ChangePasswordResponse = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(reply.message.as_deref(), Some("Password changed"));
    assert_eq!(serde_json::to_value(&reply).unwrap(), sent);
}
