//! Provider profile: personal info, SSNs, documents.

use serde_json::{Value, json};

use crate::context::Ctx;
use crate::crypto;
use crate::personal;
use crate::reply::Reply;
use crate::route::HResult;
use crate::seed::{Kind, Rng};
use crate::time::{now_rfc3339, now_secs};

use super::common::{Who, body_provider, object, path_provider, template, text};
use super::files::presign_url;

pub(crate) fn personal_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    Ok(Reply::ok(Value::Object(state.personal_info_of(index))))
}

pub(crate) fn personal_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let stored = state.personal_info_of(index);
    let mut merged =
        personal::apply_patch(&stored, &body, state.strict_personal_info).map_err(Reply::fields)?;
    merged.insert("updated_at".into(), json!(now_rfc3339()));
    state.personal.insert(index, merged.clone());
    Ok(Reply::ok(Value::Object(merged)))
}

pub(crate) fn ssn_encrypted_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let jwt = ctx.bearer.unwrap_or_default();
    let mut rng = Rng::new(&[now_secs(), u64::from(index), state.counter]);
    let ssn = state
        .ssn_of(index)
        .map(|ssn| crypto::encrypt_ssn(jwt, &ssn, rng.bytes()));
    Ok(Reply::ok(
        json!({"id": state.profile_id(index).to_string(), "ssn": ssn}),
    ))
}

pub(crate) fn ssn_encrypted_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let Some(token) = text(&body, "ssn") else {
        return Err(Reply::field("ssn", "Not a valid string."));
    };
    let jwt = ctx.bearer.unwrap_or_default();
    let ssn = crypto::decrypt_ssn_token(jwt, token).map_err(|_| {
        Reply::field(
            "ssn",
            "Invalid SSN: the value could not be decrypted to 9 digits.",
        )
    })?;
    state.store_ssn(index, ssn);
    Ok(Reply::ok(
        json!({"id": state.profile_id(index).to_string(), "ssn": token}),
    ))
}

pub(crate) fn ssn_plain_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    Ok(Reply::ok(
        json!({"id": state.profile_id(index).to_string(), "ssn": state.ssn_of(index)}),
    ))
}

pub(crate) fn document_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let owner = body_provider(&state, &body, "provider", Who::Profile)?;
    let url = text(&body, "document_url")
        .unwrap_or_default()
        .trim()
        .to_owned();
    if !url.starts_with("s3://") {
        return Err(Reply::field(
            "document_url",
            "Enter the s3:// URI returned by the file upload (files/handle file_url).",
        ));
    }
    if !state.files.contains_key(&url) {
        return Err(Reply::field(
            "document_url",
            "No uploaded file has this URI; upload it through files/handle first.",
        ));
    }
    let mut record = template(&state, Kind::Document);
    for (key, value) in &body {
        // The client's "id": "" and "presigned_document_url": "" are ignored.
        if key != "id" && key != "presigned_document_url" {
            record.insert(key.clone(), value.clone());
        }
    }
    let presigned = presign_url(ctx, &mut state, &url);
    record.insert("presigned_document_url".into(), json!(presigned));
    let record = state.insert(Kind::Document, Some(owner), record);
    Ok(Reply::created(Value::Object(record)))
}
