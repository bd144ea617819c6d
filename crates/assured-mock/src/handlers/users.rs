//! Users: lists, login, logged-in user, password reset.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::context::Ctx;
use crate::data::{self};
use crate::filters::{self, Filters};
use crate::paging::paginate;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::Kind;
use crate::state::State;

use super::common::{object, text};

#[derive(Debug, Clone, Copy)]
pub(crate) enum UserRef {
    Staff(u32),
    Provider(u32),
}

pub(crate) fn staff_record(ctx: &Ctx<'_>, state: &State, index: u32) -> Map<String, Value> {
    let (first, last, email, user_type) = if index == 0 {
        (
            "Mock".to_owned(),
            "Admin".to_owned(),
            ctx.shared.user_email.clone(),
            "client_admin",
        )
    } else {
        let (first, last) = State::staff_name(index);
        (first, last, format!("oa{index}@mock.assured.test"), "oa")
    };
    let client = 0;
    let mut record = Map::new();
    record.insert(
        "id".into(),
        json!(state.global_id(Kind::Staff, index).to_string()),
    );
    record.insert("email".into(), json!(email));
    record.insert("first_name".into(), json!(first));
    record.insert("middle_name".into(), Value::Null);
    record.insert("last_name".into(), json!(last));
    record.insert("name".into(), json!(format!("{first} {last}")));
    record.insert("is_active".into(), json!(true));
    record.insert("user_type".into(), json!(user_type));
    record.insert("date_joined".into(), json!("2019-01-02T09:00:00Z"));
    record.insert("email_verified_at".into(), json!("2019-01-02T09:05:00Z"));
    record.insert("invited_at".into(), Value::Null);
    record.insert("activated_at".into(), json!("2019-01-02T09:05:00Z"));
    record.insert("deactivated_at".into(), Value::Null);
    record.insert(
        "source_of_joining".into(),
        json!("SINGLE_USER_ADDED_FROM_BACKEND"),
    );
    record.insert(
        "client".into(),
        json!(state.global_id(Kind::Client, client).to_string()),
    );
    record.insert("client_name".into(), json!(data::client_name(client)));
    record
}

pub(crate) fn provider_user_record(state: &State, index: u32) -> Map<String, Value> {
    let identity = state.identity(index);
    let mut record = Map::new();
    record.insert("id".into(), json!(state.account_id(index).to_string()));
    record.insert("email".into(), json!(identity.email));
    record.insert("first_name".into(), json!(identity.first_name));
    record.insert("middle_name".into(), json!(identity.middle_name));
    record.insert("last_name".into(), json!(identity.last_name));
    record.insert("name".into(), json!(identity.full_name()));
    record.insert("is_active".into(), json!(identity.is_active));
    record.insert("user_type".into(), json!("provider"));
    record.insert("date_joined".into(), json!(identity.date_joined));
    record.insert("email_verified_at".into(), json!(identity.date_joined));
    record.insert("invited_at".into(), json!(identity.date_joined));
    record.insert("activated_at".into(), json!(identity.date_joined));
    record.insert(
        "deactivated_at".into(),
        if identity.is_active {
            Value::Null
        } else {
            json!(identity.date_joined)
        },
    );
    record.insert(
        "source_of_joining".into(),
        json!(identity.source_of_joining),
    );
    record.insert(
        "client".into(),
        json!(state.global_id(Kind::Client, identity.client).to_string()),
    );
    record.insert(
        "client_name".into(),
        json!(data::client_name(identity.client)),
    );
    record
}

pub(crate) const SLIM_KEYS: &[&str] = &[
    "id",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "user_type",
];

pub(crate) fn users_list(ctx: &Ctx<'_>, slim: bool) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let mut items: Vec<UserRef> = (0..data::STAFF).map(UserRef::Staff).collect();
    items.extend((0..state.provider_count()).map(UserRef::Provider));
    let mut filters = Filters::new()
        .boolean(ctx, "is_active", "is_active")
        .eq(ctx, "user_type", "user_type")
        .any_of(ctx, "user_type_in", "user_type")
        .any_of(ctx, "id_in", "id")
        .eq(ctx, "client", "client")
        .search(ctx, &["email", "first_name", "last_name", "name"]);
    if let Some(flag) = ctx.q("users_deactivated").and_then(filters::parse_bool) {
        filters = filters.with(move |record| {
            record
                .get("deactivated_at")
                .is_some_and(|value| !value.is_null())
                == flag
        });
    }
    if let Some(flag) = ctx.q("users_invited").and_then(filters::parse_bool) {
        filters = filters.with(move |record| {
            record
                .get("invited_at")
                .is_some_and(|value| !value.is_null())
                == flag
        });
    }
    // Providers whose profile is ready for credentialing (the personal
    // info's `credentialing_readiness_info.ready`); staff users have no
    // profile and match neither value.
    if let Some(flag) = ctx
        .q("provider_profile__ready_for_credentialing")
        .and_then(filters::parse_bool)
    {
        filters = filters.with(move |record| {
            text(record, "user_type") == Some("provider")
                && text(record, "id")
                    .and_then(|id| state.account_index(id))
                    .is_some_and(|index| (state.identity(index).completeness >= 80.0) == flag)
        });
    }
    // The slim list hides users whose e-mail is unverified unless
    // `include_unverified=true`; every mock user is verified, so the
    // parameter is read but removes nobody.
    if slim {
        let _ = ctx.q("include_unverified");
    }
    let render = |item: &UserRef| {
        let record = match *item {
            UserRef::Staff(index) => staff_record(ctx, state, index),
            UserRef::Provider(index) => provider_user_record(state, index),
        };
        Some(if slim {
            record
                .into_iter()
                .filter(|(key, _)| SLIM_KEYS.contains(&key.as_str()) || key == "client")
                .collect()
        } else {
            record
        })
    };
    Ok(paginate(ctx, &items, render, &filters))
}

pub(crate) fn logged_in_user(ctx: &Ctx<'_>) -> Reply {
    let state = ctx.shared.state();
    let user = staff_record(ctx, &state, 0);
    Reply::ok(json!({
        "id": user["id"],
        "email": user["email"],
        "first_name": user["first_name"],
        "middle_name": Value::Null,
        "last_name": user["last_name"],
        "user_type": user["user_type"],
        "is_active": true,
        "provider_profile": Value::Null,
        "extra_data": {"client_exists": true, "client_details": state.client_details(0)},
        "provider_profile_completion_info": Value::Null,
        "user_associated_features": ["CREDENTIALING", "PAYER_ENROLLMENT", "MONITORING"],
        "credentialing_readiness_info": Value::Null,
        "assured_user_id": user["id"],
    }))
}

pub(crate) fn login(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let email = text(&body, "email").unwrap_or_default();
    let password = text(&body, "password").unwrap_or_default();
    let ok = email.eq_ignore_ascii_case(&ctx.shared.user_email)
        && password == ctx.shared.state().password();
    if !ok {
        return Err(Reply::detail(
            StatusCode::UNAUTHORIZED,
            "No active account found with the given credentials",
        ));
    }
    let (access, refresh) = ctx.shared.issue_tokens(None);
    let state = ctx.shared.state();
    let user = staff_record(ctx, &state, 0);
    Ok(Reply::ok(json!({
        "data": {
            "id": user["id"],
            "email": user["email"],
            "first_name": user["first_name"],
            "last_name": user["last_name"],
            "user_type": user["user_type"],
            "is_active": true,
            "jwt": {"access": access, "refresh": refresh},
        },
        "msg": "Login successful",
        "extra_data": {
            "client_exists": true,
            "client_details": state.client_details(0),
            "tax_entity_exists": true,
            "provider_profile_id": Value::Null,
            "min_profile_completed": true,
            "caqh_account_exists": false,
            "user_associated_features": ["CREDENTIALING", "PAYER_ENROLLMENT", "MONITORING"],
            "is_mfa_enabled": false,
        },
    })))
}

pub(crate) fn password_reset(ctx: &Ctx<'_>) -> HResult {
    let _body = object(ctx)?;
    // Production answers 200 with an empty body, known e-mail or not.
    Ok(Reply::empty(StatusCode::OK))
}
