//! `FIELD=VALUE` arguments of `assured profile set`, read against the
//! writable fields of the personal-info overlay (generated from the model).

use serde_json::{Map, Value};

use crate::exit::CliError;
use crate::generated::personal_info::FIELDS;
use crate::suggest::closest;

/// What kind of value a field takes on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// Text as written.
    Text,
    /// `true`/`false` (or `yes`/`no`).
    Bool,
    /// A whole number.
    Int,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Comma-separated text values.
    List,
    /// A JSON object.
    Json,
}

/// One writable field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldSpec {
    pub(crate) name: &'static str,
    pub(crate) kind: FieldKind,
}

/// One `FIELD=VALUE`: the field and its new value (`null` clears it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Assignment {
    pub(crate) field: &'static str,
    pub(crate) value: Value,
}

/// Reads every `FIELD=VALUE`; an unknown field is refused with the closest
/// valid names, a value of the wrong kind with what was expected.
pub(crate) fn parse_assignments(args: &[String]) -> Result<Vec<Assignment>, CliError> {
    let mut out: Vec<Assignment> = Vec::new();
    for arg in args {
        let Some((name, text)) = arg.split_once('=') else {
            return Err(CliError::usage(format!(
                "{arg:?}: expected FIELD=VALUE (FIELD= clears the field)"
            )));
        };
        let name = name.trim();
        let Some(spec) = FIELDS.iter().find(|spec| spec.name == name) else {
            let near = closest(name, FIELDS.iter().map(|spec| spec.name));
            let error = CliError::usage(format!("unknown field `{name}`"));
            return Err(if near.is_empty() {
                error.note("`assured profile set --help` lists the fields")
            } else {
                error.note(format!("did you mean {}?", near.join(", ")))
            });
        };
        if out.iter().any(|a| a.field == spec.name) {
            return Err(CliError::usage(format!("field `{name}` is given twice")));
        }
        out.push(Assignment {
            field: spec.name,
            value: parse_value(*spec, text)?,
        });
    }
    Ok(out)
}

/// The assignments as the overlay's JSON object.
pub(crate) fn as_object(assignments: &[Assignment]) -> Value {
    let map: Map<String, Value> = assignments
        .iter()
        .map(|a| (a.field.to_owned(), a.value.clone()))
        .collect();
    Value::Object(map)
}

/// The names of every writable field, for `--help`.
pub(crate) fn help_text() -> String {
    let names: Vec<&str> = FIELDS.iter().map(|spec| spec.name).collect();
    format!("Fields: {}.", names.join(", "))
}

fn parse_value(spec: FieldSpec, text: &str) -> Result<Value, CliError> {
    if text.is_empty() {
        return Ok(Value::Null);
    }
    let bad =
        |expected: &str| CliError::usage(format!("{}={text}: expected {expected}", spec.name));
    Ok(match spec.kind {
        FieldKind::Text | FieldKind::Date => Value::String(text.to_owned()),
        FieldKind::Bool => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" => Value::Bool(true),
            "false" | "no" => Value::Bool(false),
            _ => return Err(bad("true or false")),
        },
        FieldKind::Int => Value::from(text.parse::<i64>().map_err(|_| bad("a whole number"))?),
        FieldKind::List => Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| Value::String(item.to_owned()))
                .collect(),
        ),
        FieldKind::Json => {
            let value: Value = serde_json::from_str(text).map_err(|_| bad("a JSON object"))?;
            if !value.is_object() {
                return Err(bad("a JSON object"));
            }
            value
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn values_follow_the_field_kind() {
        let parsed = parse_assignments(&args(&[
            "first_name=Ann",
            "middle_name=",
            "languages=en, es",
        ]))
        .unwrap();
        assert_eq!(parsed[0].value, Value::String("Ann".into()));
        assert_eq!(parsed[1].value, Value::Null);
        assert_eq!(parsed[2].value, serde_json::json!(["en", "es"]));
    }

    #[test]
    fn an_unknown_field_names_the_closest() {
        let error = parse_assignments(&args(&["frist_name=Ann"])).unwrap_err();
        assert_eq!(error.kind(), crate::exit::ExitKind::Usage);
        assert!(format!("{error:?}").contains("first_name"), "{error:?}");
    }
}
