//! Account: change password.

use serde_json::json;

use crate::context::Ctx;
use crate::reply::Reply;
use crate::route::HResult;

use super::common::{object, require, text};

pub(crate) fn change_password(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["old_password", "new_password"])?;
    let mut state = ctx.shared.state();
    if text(&body, "old_password") != Some(state.password()) {
        return Err(Reply::field("old_password", "Wrong password."));
    }
    let new = text(&body, "new_password").unwrap_or_default();
    if new.len() < 8 {
        return Err(Reply::field(
            "new_password",
            "This password is too short. It must contain at least 8 characters.",
        ));
    }
    if let Some(confirm) = text(&body, "confirm_new_password")
        && confirm != new
    {
        return Err(Reply::field(
            "confirm_new_password",
            "Passwords do not match.",
        ));
    }
    new.clone_into(&mut state.password);
    Ok(Reply::ok(
        json!({"message": "Password updated successfully"}),
    ))
}
