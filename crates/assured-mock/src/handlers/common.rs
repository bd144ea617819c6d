//! Helpers every handler uses: body parsing, required keys, provider ids.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::context::Ctx;
use crate::filters::as_text;
use crate::reply::Reply;
use crate::seed::Kind;
use crate::state::State;

use crate::body_check::{json_type, parse_body};

/// Which provider id a field or filter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    Profile,
    Account,
    /// Kind not stated by any source: either is accepted.
    Any,
}

pub(crate) fn resolve(state: &State, who: Who, text: &str) -> Option<u32> {
    match who {
        Who::Profile => state.profile_index(text),
        Who::Account => state.account_index(text),
        Who::Any => state.provider_index_any(text),
    }
}

pub(crate) fn object(ctx: &Ctx<'_>) -> Result<Map<String, Value>, Reply> {
    as_object(parse_body(ctx.body)?)
}

pub(crate) fn as_object(value: Value) -> Result<Map<String, Value>, Reply> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(Reply::field(
            "non_field_errors",
            &format!(
                "Invalid data. Expected a dictionary, but got {}.",
                json_type(&other)
            ),
        )),
    }
}

pub(crate) fn array(ctx: &Ctx<'_>) -> Result<Vec<Value>, Reply> {
    as_array(parse_body(ctx.body)?)
}

pub(crate) fn as_array(value: Value) -> Result<Vec<Value>, Reply> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(Reply::field(
            "non_field_errors",
            &format!(
                "Expected a list of items but got type \"{}\".",
                json_type(&other)
            ),
        )),
    }
}

/// Required keys: missing -> "This field is required.", null -> "This
/// field may not be null.".
pub(crate) fn require(body: &Map<String, Value>, keys: &[&str]) -> Result<(), Reply> {
    let mut errors = Map::new();
    for key in keys {
        match body.get(*key) {
            None => {
                errors.insert((*key).to_owned(), json!(["This field is required."]));
            }
            Some(Value::Null) => {
                errors.insert((*key).to_owned(), json!(["This field may not be null."]));
            }
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Reply::fields(errors))
    }
}

/// Optional keys that refuse an explicit null (quirk 14).
pub(crate) fn no_nulls(body: &Map<String, Value>, keys: &[&str]) -> Result<(), Reply> {
    let mut errors = Map::new();
    for key in keys {
        if body.get(*key) == Some(&Value::Null) {
            errors.insert((*key).to_owned(), json!(["This field may not be null."]));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Reply::fields(errors))
    }
}

pub(crate) fn text<'a>(body: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    body.get(key).and_then(Value::as_str)
}

pub(crate) fn invalid_pk(field: &str, value: &str) -> Reply {
    Reply::field(
        field,
        &format!("Invalid pk \"{value}\" - object does not exist."),
    )
}

/// The provider a body field names; a wrong kind of id is "does not exist".
pub(crate) fn body_provider(
    state: &State,
    body: &Map<String, Value>,
    field: &str,
    who: Who,
) -> Result<u32, Reply> {
    let value = body
        .get(field)
        .map(|value| as_text(value).unwrap_or_default());
    match value {
        None => Err(Reply::field(field, "This field is required.")),
        Some(value) => resolve(state, who, &value).ok_or_else(|| invalid_pk(field, &value)),
    }
}

/// A provider query filter: a wrong kind of id gives a bare 422 (quirk 4).
pub(crate) fn filter_provider(
    ctx: &Ctx<'_>,
    state: &State,
    param: &str,
    who: Who,
) -> Result<Option<u32>, Reply> {
    match ctx.q(param) {
        None => Ok(None),
        Some(value) => resolve(state, who, value).map(Some).ok_or_else(|| {
            Reply::json(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ param: ["Select a valid choice. That choice is not one of the available choices."] }),
            )
        }),
    }
}

/// The provider a path names; a wrong kind of id is a bare 404 (quirk 4).
pub(crate) fn path_provider(ctx: &Ctx<'_>, state: &State, who: Who) -> Result<u32, Reply> {
    ctx.param
        .and_then(|param| resolve(state, who, param))
        .ok_or_else(Reply::not_found)
}

/// The record a path names.
pub(crate) fn path_record(
    ctx: &Ctx<'_>,
    state: &State,
    kind: Kind,
) -> Result<(Uuid, Map<String, Value>), Reply> {
    ctx.param
        .and_then(|param| state.get_str(kind, param))
        .ok_or_else(Reply::not_found)
}

/// The full key set of a kind, all null (the shape of a created record).
pub(crate) fn template(state: &State, kind: Kind) -> Map<String, Value> {
    let mut record = state.generate(kind, 0, 0);
    for value in record.values_mut() {
        *value = Value::Null;
    }
    record
}

/// Overlays a body onto a record, skipping `id`. Only the record's own
/// keys are written: a serializer ignores keys it does not declare, so a
/// field name the server does not know is dropped, not stored.
pub(crate) fn overlay(
    mut record: Map<String, Value>,
    body: &Map<String, Value>,
) -> Map<String, Value> {
    for (key, value) in body {
        if key != "id"
            && let Some(slot) = record.get_mut(key)
        {
            *slot = value.clone();
        }
    }
    record
}

pub(crate) fn valid_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}
