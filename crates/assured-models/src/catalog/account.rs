//! Account endpoints (reference row AC1).

use super::macros::endpoints;
use crate::models::account::{ChangePasswordRequest, ChangePasswordResponse};

endpoints! {
    /// Change a password. Which user's password an API-key call changes is
    /// not stated by any source.
    AC1 ChangePassword {
        POST "/api/v1/users/change-password/",
        auth: ApiKey, paging: Single, ids: None,
        path_arg: (), query: (), body: ChangePasswordRequest [Json],
        response: ChangePasswordResponse,
        origin: Spec,
        facade: account.change_password,
        python: ["account.change_password"],
    }
}
