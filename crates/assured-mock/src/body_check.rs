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

/// The body's DRF error value (an object, or for array bodies an array of
/// per-item objects), or `Ok` when it passes.
pub(crate) fn check(rule: &BodyRule, body: &Value) -> Result<(), Value> {
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
        Shape::Object => check_object(&model, &required, rule.one_of, body).map_err(Value::Object),
        Shape::ArrayOf => {
            let Value::Array(items) = body else {
                return Err(json!({"non_field_errors": [format!(
                    "Expected a list of items but got type \"{}\".",
                    json_type(body)
                )]}));
            };
            let errors: Vec<Value> = items
                .iter()
                .map(|item| {
                    check_object(&model, &required, rule.one_of, item)
                        .err()
                        .map_or_else(|| json!({}), Value::Object)
                })
                .collect();
            if errors.iter().all(|error| error == &json!({})) {
                Ok(())
            } else {
                Err(Value::Array(errors))
            }
        }
    }
}

fn check_object(
    model: &Model,
    required: &[&str],
    one_of: &[&str],
    body: &Value,
) -> Result<(), Map<String, Value>> {
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
    for (name, value) in fields {
        // Unknown keys are ignored, as DRF serializers do.
        if let Some(kind) = model.field(name)
            && let Err(error) = check_value(kind, value)
        {
            errors.insert(name.clone(), error);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A value against a field type: the DRF error (a list of messages, or the
/// nested errors of a list or model) when it fails.
fn check_value(kind: &FieldType, value: &Value) -> Result<(), Value> {
    if value.is_null() {
        return if kind.nullable {
            Ok(())
        } else {
            Err(json!([NOT_NULL]))
        };
    }
    let mut first_error = None;
    for alternative in &kind.alternatives {
        match check_alternative(alternative, value) {
            Ok(()) => return Ok(()),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

fn check_alternative(kind: &TypeExpr, value: &Value) -> Result<(), Value> {
    let fail = |message: String| Err(json!([message]));
    match kind {
        TypeExpr::Any => Ok(()),
        TypeExpr::String => match value {
            Value::String(_) | Value::Number(_) => Ok(()),
            _ => fail("Not a valid string.".to_owned()),
        },
        TypeExpr::Integer => {
            let integral = match value {
                Value::Number(number) => {
                    number.is_i64() || number.is_u64() || number.as_f64().is_some_and(|f| f.fract() == 0.0)
                }
                Value::String(text) => text.trim().parse::<i64>().is_ok(),
                _ => false,
            };
            if integral { Ok(()) } else { fail("A valid integer is required.".to_owned()) }
        }
        TypeExpr::Number => {
            let numeric = match value {
                Value::Number(_) => true,
                Value::String(text) => text.trim().parse::<f64>().is_ok_and(f64::is_finite),
                _ => false,
            };
            if numeric { Ok(()) } else { fail("A valid number is required.".to_owned()) }
        }
        TypeExpr::Boolean => {
            if boolean(value) { Ok(()) } else { fail("Must be a valid boolean.".to_owned()) }
        }
        TypeExpr::Date => match value {
            Value::String(text) if chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").is_ok() => Ok(()),
            _ => fail("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.".to_owned()),
        },
        TypeExpr::DateTime => match value {
            Value::String(text) if Moment::parse(text).is_some() => Ok(()),
            _ => fail("Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].".to_owned()),
        },
        TypeExpr::Object => match value {
            Value::Object(_) => Ok(()),
            other => fail(format!(
                "Expected a dictionary of items but got type \"{}\".",
                json_type(other)
            )),
        },
        TypeExpr::Array(item) => {
            let Value::Array(items) = value else {
                return fail(format!(
                    "Expected a list of items but got type \"{}\".",
                    json_type(value)
                ));
            };
            let mut errors = Map::new();
            for (index, element) in items.iter().enumerate() {
                if let Err(error) = check_value(item, element) {
                    errors.insert(index.to_string(), error);
                }
            }
            if errors.is_empty() { Ok(()) } else { Err(Value::Object(errors)) }
        }
        TypeExpr::Model(name) => {
            let model = REFERENCE.model(name).cloned().unwrap_or_default();
            let required: Vec<&str> = model.required.iter().map(String::as_str).collect();
            check_object(&model, &required, &[], value).map_err(Value::Object)
        }
    }
}

/// DRF's `BooleanField` inputs.
fn boolean(value: &Value) -> bool {
    match value {
        Value::Bool(_) => true,
        Value::Number(number) => matches!(number.as_i64(), Some(0 | 1)),
        Value::String(text) => matches!(
            text.as_str(),
            "true"
                | "True"
                | "TRUE"
                | "false"
                | "False"
                | "FALSE"
                | "1"
                | "0"
                | "yes"
                | "Yes"
                | "YES"
                | "no"
                | "No"
                | "NO"
                | "y"
                | "Y"
                | "n"
                | "N"
                | "on"
                | "On"
                | "ON"
                | "off"
                | "Off"
                | "OFF"
                | "t"
                | "T"
                | "f"
                | "F"
        ),
        _ => false,
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
    fn one_of_names_the_first_alternative() {
        assert_eq!(
            check(&body_rules::TAX_ENTITY, &json!({"tax_id": "1"})).unwrap_err(),
            json!({"legal_name": [REQUIRED]})
        );
        assert!(check(&body_rules::TAX_ENTITY, &json!({"name": "Acme"})).is_ok());
    }
}
