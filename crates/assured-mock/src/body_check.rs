//! Checks a JSON request body against its reference rule as DRF would:
//! unknown keys are ignored, a missing required field is "This field is
//! required.", `null` where the reference does not allow it is "This field
//! may not be null.", and a value of the wrong type gets the message of
//! the DRF field of that type (values DRF coerces, such as `"12"` for an
//! integer, pass). Every failing field is reported at once.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::body_rules::{BodyRule, Fields, Shape};
use crate::filters::Moment;
use crate::reference::{FieldType, Model, REFERENCE, TypeExpr};
use crate::reply::Reply;

const REQUIRED: &str = "This field is required.";
const NOT_NULL: &str = "This field may not be null.";

/// A JSON body; an empty one is an empty object (DRF's empty `QueryDict`).
pub(crate) fn parse_body(bytes: &[u8]) -> Result<Value, Reply> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    serde_json::from_slice(bytes).map_err(|error| {
        Reply::detail(
            StatusCode::BAD_REQUEST,
            &format!("JSON parse error - {error}"),
        )
    })
}

/// The name of a JSON type as DRF's messages write it (Python's names).
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(number) if number.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Checks a body; `Ok` is the body as the serializer validated it (DRF's
/// `validated_data`, unknown keys kept for the handler to ignore): values
/// DRF coerces come back in their field's type (`"true"` → `true`, `"12"`
/// → `12`, `7` → `"7"` for a string). `Err` is the DRF error value: an
/// object, or for array bodies an array of per-item objects.
pub(crate) fn check(rule: &BodyRule, body: &Value) -> Result<Value, Value> {
    let model = match rule.fields {
        Fields::Model(name) => REFERENCE.model(name).cloned().unwrap_or_default(),
        Fields::Inline(fields) => Model {
            fields: fields
                .iter()
                .map(|(name, kind)| ((*name).to_owned(), FieldType::parse(kind)))
                .collect(),
            required: Vec::new(),
        },
    };
    let required: Vec<&str> = rule.required.to_vec();
    match rule.shape {
        Shape::Object => check_object(&model, &required, rule.one_of, body)
            .map(Value::Object)
            .map_err(Value::Object),
        Shape::ArrayOf => {
            let Value::Array(items) = body else {
                return Err(json!({"non_field_errors": [format!(
                    "Expected a list of items but got type \"{}\".",
                    json_type(body)
                )]}));
            };
            let checked: Vec<_> = items
                .iter()
                .map(|item| check_object(&model, &required, rule.one_of, item))
                .collect();
            if checked.iter().all(Result::is_ok) {
                Ok(Value::Array(
                    checked.into_iter().flatten().map(Value::Object).collect(),
                ))
            } else {
                Err(Value::Array(
                    checked
                        .into_iter()
                        .map(|item| item.err().map_or_else(|| json!({}), Value::Object))
                        .collect(),
                ))
            }
        }
    }
}

fn check_object(
    model: &Model,
    required: &[&str],
    one_of: &[&str],
    body: &Value,
) -> Result<Map<String, Value>, Map<String, Value>> {
    let mut errors = Map::new();
    let Value::Object(fields) = body else {
        errors.insert(
            "non_field_errors".to_owned(),
            json!([format!(
                "Invalid data. Expected a dictionary, but got {}.",
                json_type(body)
            )]),
        );
        return Err(errors);
    };
    for name in required {
        if !fields.contains_key(*name) {
            errors.insert((*name).to_owned(), json!([REQUIRED]));
        }
    }
    if !one_of.is_empty()
        && !one_of.iter().any(|name| fields.contains_key(*name))
        && let Some(first) = one_of.first()
    {
        errors.insert((*first).to_owned(), json!([REQUIRED]));
    }
    let mut validated = Map::new();
    for (name, value) in fields {
        // Unknown keys are not checked (DRF ignores them).
        let Some(kind) = model.field(name) else {
            validated.insert(name.clone(), value.clone());
            continue;
        };
        match check_value(kind, value) {
            Ok(value) => {
                validated.insert(name.clone(), value);
            }
            Err(error) => {
                errors.insert(name.clone(), error);
            }
        }
    }
    if errors.is_empty() {
        Ok(validated)
    } else {
        Err(errors)
    }
}

/// A value against a field type: the value in the field's type, or the
/// DRF error (a list of messages, or the nested errors of a list or
/// model).
fn check_value(kind: &FieldType, value: &Value) -> Result<Value, Value> {
    if value.is_null() {
        return if kind.nullable {
            Ok(Value::Null)
        } else {
            Err(json!([NOT_NULL]))
        };
    }
    let mut first_error = None;
    for alternative in &kind.alternatives {
        match check_alternative(alternative, value) {
            Ok(value) => return Ok(value),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    first_error.map_or_else(|| Ok(value.clone()), Err)
}

fn check_alternative(kind: &TypeExpr, value: &Value) -> Result<Value, Value> {
    let fail = |message: &str| Err(json!([message]));
    match kind {
        TypeExpr::Any => Ok(value.clone()),
        TypeExpr::String => match value {
            Value::String(_) => Ok(value.clone()),
            Value::Number(number) => Ok(Value::String(number.to_string())),
            _ => fail("Not a valid string."),
        },
        TypeExpr::Integer => integer(value).map_or_else(
            || fail("A valid integer is required."),
            |n| Ok(Value::from(n)),
        ),
        TypeExpr::Number => number(value).map_or_else(|| fail("A valid number is required."), Ok),
        TypeExpr::Boolean => {
            boolean(value).map_or_else(|| fail("Must be a valid boolean."), |b| Ok(Value::Bool(b)))
        }
        TypeExpr::Date => match value {
            Value::String(text)
                if chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").is_ok() =>
            {
                Ok(value.clone())
            }
            _ => fail("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."),
        },
        TypeExpr::DateTime => match value {
            Value::String(text) if Moment::parse(text).is_some() => Ok(value.clone()),
            _ => fail(
                "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
            ),
        },
        TypeExpr::Object => match value {
            Value::Object(_) => Ok(value.clone()),
            other => Err(json!([format!(
                "Expected a dictionary of items but got type \"{}\".",
                json_type(other)
            )])),
        },
        TypeExpr::Array(item) => {
            let Value::Array(items) = value else {
                return Err(json!([format!(
                    "Expected a list of items but got type \"{}\".",
                    json_type(value)
                )]));
            };
            let mut errors = Map::new();
            let mut validated = Vec::with_capacity(items.len());
            for (index, element) in items.iter().enumerate() {
                match check_value(item, element) {
                    Ok(element) => validated.push(element),
                    Err(error) => {
                        errors.insert(index.to_string(), error);
                    }
                }
            }
            if errors.is_empty() {
                Ok(Value::Array(validated))
            } else {
                Err(Value::Object(errors))
            }
        }
        TypeExpr::Model(name) => {
            let model = REFERENCE.model(name).cloned().unwrap_or_default();
            let required: Vec<&str> = model.required.iter().map(String::as_str).collect();
            check_object(&model, &required, &[], value)
                .map(Value::Object)
                .map_err(Value::Object)
        }
    }
}

/// DRF's `IntegerField` inputs: integers, integral floats, integer text.
fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(number) => number.as_i64().or_else(|| {
            number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                // Integral and within i64 range: the conversion is exact.
                .map(|f| {
                    #[allow(clippy::cast_possible_truncation)]
                    let n = f as i64;
                    n
                })
        }),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// DRF's `FloatField`/`DecimalField` inputs: numbers and numeric text.
fn number(value: &Value) -> Option<Value> {
    match value {
        Value::Number(_) => Some(value.clone()),
        Value::String(text) => text
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        _ => None,
    }
}

/// DRF's `BooleanField` inputs.
fn boolean(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        Value::String(text) => match text.as_str() {
            "true" | "True" | "TRUE" | "1" | "yes" | "Yes" | "YES" | "y" | "Y" | "on" | "On"
            | "ON" | "t" | "T" => Some(true),
            "false" | "False" | "FALSE" | "0" | "no" | "No" | "NO" | "n" | "N" | "off" | "Off"
            | "OFF" | "f" | "F" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body_rules;

    #[test]
    fn unknown_keys_are_ignored_and_missing_required_ones_named() {
        let body = json!({"email": "a@b.test", "first_nme": "Ada", "last_name": "Lovelace"});
        let error = check(&body_rules::CREATE_PROVIDER, &body).unwrap_err();
        assert_eq!(error, json!({"first_name": [REQUIRED]}));
    }

    #[test]
    fn wrong_types_get_drf_messages_and_coercible_values_pass() {
        let body = json!({
            "provider": "p", "is_currently_practicing_in_state": "maybe",
            "issue_date": "05/01/2024", "number": 12,
        });
        let error = check(&body_rules::LICENSE, &body).unwrap_err();
        assert_eq!(
            error,
            json!({
                "is_currently_practicing_in_state": ["Must be a valid boolean."],
                "issue_date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."],
            })
        );
        assert!(
            check(
                &body_rules::LICENSE,
                &json!({"provider": "p", "is_currently_practicing_in_state": "true"})
            )
            .is_ok()
        );
    }

    #[test]
    fn null_is_refused_only_where_the_reference_does_not_allow_it() {
        assert_eq!(
            check(&body_rules::PRESIGN, &json!({"s3_url": null})).unwrap_err(),
            json!({"s3_url": [NOT_NULL]})
        );
        assert!(
            check(
                &body_rules::ORG_JOINING_DATE,
                &json!({"org_joining_date": null})
            )
            .is_ok()
        );
        assert_eq!(
            check(&body_rules::ORG_JOINING_DATE, &json!({})).unwrap_err(),
            json!({"org_joining_date": [REQUIRED]})
        );
    }

    #[test]
    fn array_bodies_report_errors_per_item() {
        let body = json!([{"email": "a@b.test", "first_name": "A", "last_name": "B"}, {"email": "c@d.test"}]);
        assert_eq!(
            check(&body_rules::INVITE_PROVIDERS, &body).unwrap_err(),
            json!([{}, {"first_name": [REQUIRED], "last_name": [REQUIRED]}])
        );
        assert_eq!(
            check(&body_rules::INVITE_PROVIDERS, &json!({})).unwrap_err(),
            json!({"non_field_errors": ["Expected a list of items but got type \"dict\"."]})
        );
    }

    #[test]
    fn nested_lists_and_models_are_checked_item_by_item() {
        let body = json!({"provider": "p", "credentialing_type": "INITIAL_CREDENTIALING", "state_codes": ["CA", 7, true]});
        let error = check(&body_rules::CREDENTIALING_REQUEST, &body);
        assert_eq!(
            error.unwrap_err(),
            json!({"state_codes": {"2": ["Not a valid string."]}})
        );
    }

    #[test]
    fn accepted_values_come_back_in_their_field_type() {
        let body = json!({
            "provider": 7, "is_currently_practicing_in_state": "yes", "unknown": "kept",
        });
        assert_eq!(
            check(&body_rules::LICENSE, &body).unwrap(),
            json!({"provider": "7", "is_currently_practicing_in_state": true, "unknown": "kept"})
        );
        let info = json!({"height_inches": "70", "languages": ["en", 3]});
        assert_eq!(
            check(&body_rules::PERSONAL_INFO, &info).unwrap(),
            json!({"height_inches": 70, "languages": ["en", "3"]})
        );
    }

    #[test]
    fn one_of_names_the_first_alternative() {
        assert_eq!(
            check(&body_rules::TAX_ENTITY, &json!({"tax_id": "1"})).unwrap_err(),
            json!({"legal_name": [REQUIRED]})
        );
        assert!(check(&body_rules::TAX_ENTITY, &json!({"name": "Acme"})).is_ok());
    }
}
