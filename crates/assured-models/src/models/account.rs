//! Account: changing the password.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

/// Body of the change-password call. `Debug` redacts the passwords.
///
/// The spec lists `confirm_new_password`, which the Python client never
/// sends; which side production follows is unverified (quirk 17), so it is
/// sent here, and [`new`](Self::new) fills it with the new password.
///
/// ```
/// use assured_models::models::account::ChangePasswordRequest;
///
/// let request = ChangePasswordRequest::new("old secret", "new secret");
/// assert_eq!(request.confirm_new_password, "new secret");
/// assert!(!format!("{request:?}").contains("secret"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePasswordRequest {
    /// The current password.
    pub old_password: String,
    /// The new password.
    pub new_password: String,
    /// The new password again (spec field).
    pub confirm_new_password: String,
}

impl ChangePasswordRequest {
    /// A request changing `old_password` to `new_password` (confirmed).
    #[must_use]
    pub fn new(old_password: impl Into<String>, new_password: impl Into<String>) -> Self {
        let new_password = new_password.into();
        Self {
            old_password: old_password.into(),
            confirm_new_password: new_password.clone(),
            new_password,
        }
    }
}

impl std::fmt::Debug for ChangePasswordRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangePasswordRequest")
            .field("old_password", &"<redacted>")
            .field("new_password", &"<redacted>")
            .field("confirm_new_password", &"<redacted>")
            .finish()
    }
}

/// Reply of the change-password call (spec: `{message}`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangePasswordResponse {
    /// Server message.
    pub message: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
