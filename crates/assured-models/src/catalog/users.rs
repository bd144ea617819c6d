//! Users endpoints (reference rows US1–US6).

use super::macros::endpoints;
use crate::models::users::{
    LoggedInUserDetails, LoginRequest, LoginResponse, PasswordResetRequest, User, UserListParams,
    UserSlim, UserSlimListParams,
};

endpoints! {
    /// Users of the organisation; the working stand-in for the dead `users-list`.
    US1 ListExternalUsers {
        GET "/api/v1/users/external-users-list/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: UserListParams, body: () [None],
        response: User,
        origin: ReplacesDead { dead: "US2" },
        facade: users.list,
        python: ["users.list", "users.list_all", "users.list_df"],
    }
    /// The documented users list: dead in production.
    #[deprecated(note = "dead in production; use ListExternalUsers (US1)")]
    US2 ListUsersDead {
        GET "/api/v1/users/users-list/",
        auth: ApiKey, paging: Paged, ids: None,
        path_arg: (), query: UserListParams, body: () [None],
        response: User,
        origin: Dead {
            reason: "answers with errors in production",
            replacement: Some("US1"),
        },
    }
    /// Reduced user records.
    US3 ListUsersSlim {
        GET "/api/v1/users/user-list-slim/",
        auth: ApiKey, paging: Paged, ids: Other,
        path_arg: (), query: UserSlimListParams, body: () [None],
        response: UserSlim,
        origin: Undocumented,
        facade: users.list_slim,
        python: ["users.list_slim", "users.list_slim_all", "users.list_slim_df"],
    }
    /// The user the credentials belong to.
    US4 GetLoggedInUser {
        GET "/api/v1/users/logged-in-user-details/",
        auth: ApiKey, paging: Single, ids: None,
        path_arg: (), query: (), body: () [None],
        response: LoggedInUserDetails,
        origin: Undocumented,
        facade: users.get_logged_in_user,
        python: ["users.get_logged_in_user"],
    }
    /// Log in with e-mail and password; the session JWT is at `data.jwt.access`.
    US5 Login {
        POST "/api/v1/users/login/",
        auth: ApiKey, paging: Single, ids: None,
        path_arg: (), query: (), body: LoginRequest [Json],
        response: LoginResponse,
        origin: Undocumented,
        facade: users.login,
        python: ["users.login", "users.login_full"],
    }
    /// Send a password-reset e-mail.
    US6 PasswordReset {
        POST "/api/v1/users/password-reset/",
        auth: ApiKey, paging: Single, ids: None,
        path_arg: (), query: (), body: PasswordResetRequest [Json],
        response: serde_json::Value,
        origin: Undocumented,
        facade: users.password_reset,
        python: ["users.password_reset"],
    }
}
