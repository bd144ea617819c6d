//! [`Cell`]: one value of a table, typed by its column.

use std::fmt;

use serde_json::Value;

use super::ColumnType;
use crate::models::{ApiDate, ApiDateTime};

/// One value of a [`Table`](super::Table), of its column's type (or
/// [`Null`](Cell::Null)).
///
/// `Display` gives the text CSV files and printed tables show: nothing for
/// null, ISO 8601 for dates, compact JSON for lists and JSON values.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (absent or `null`).
    Null,
    /// Text.
    String(String),
    /// A whole number.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A calendar date.
    Date(ApiDate),
    /// An instant.
    Datetime(ApiDateTime),
    /// A list, its items of the column's item type.
    List(Vec<Cell>),
    /// A JSON value of a [`ColumnType::Json`] column.
    Json(Value),
}

impl Cell {
    /// `value` as a cell of type `ty`; `None` when it is not of that type.
    pub(crate) fn typed(value: &Value, ty: ColumnType) -> Option<Self> {
        if value.is_null() {
            return Some(Self::Null);
        }
        Some(match ty {
            ColumnType::String => match value {
                Value::String(text) => Self::String(text.clone()),
                // Numeric ids and the like: text in a text column.
                Value::Number(number) => Self::String(number.to_string()),
                _ => return None,
            },
            ColumnType::Int => Self::Int(value.as_i64()?),
            ColumnType::Float => Self::Float(value.as_f64()?),
            ColumnType::Bool => Self::Bool(value.as_bool()?),
            ColumnType::Date => Self::Date(ApiDate::parse(value.as_str()?).ok()?),
            ColumnType::Datetime => Self::Datetime(ApiDateTime::parse(value.as_str()?).ok()?),
            ColumnType::List(item) => Self::List(
                value
                    .as_array()?
                    .iter()
                    .map(|value| Self::typed(value, *item))
                    .collect::<Option<_>>()?,
            ),
            ColumnType::Json => Self::Json(value.clone()),
        })
    }

    /// Whether this is [`Null`](Cell::Null).
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The cell as JSON (dates as their ISO 8601 text).
    pub fn to_json(&self) -> Value {
        match self {
            Self::Null => Value::Null,
            Self::String(text) => Value::String(text.clone()),
            Self::Int(number) => Value::from(*number),
            Self::Float(number) => Value::from(*number),
            Self::Bool(flag) => Value::Bool(*flag),
            Self::Date(date) => Value::String(date.to_string()),
            Self::Datetime(instant) => Value::String(instant.to_string()),
            Self::List(items) => Value::Array(items.iter().map(Self::to_json).collect()),
            Self::Json(value) => value.clone(),
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => Ok(()),
            // A JSON string shows as its text, like a String cell.
            Self::String(text) | Self::Json(Value::String(text)) => f.write_str(text),
            Self::Int(number) => write!(f, "{number}"),
            Self::Float(number) => write!(f, "{number}"),
            Self::Bool(flag) => write!(f, "{flag}"),
            Self::Date(date) => write!(f, "{date}"),
            Self::Datetime(instant) => write!(f, "{instant}"),
            Self::List(_) | Self::Json(_) => write!(f, "{}", self.to_json()),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn typed_values_and_mismatches() {
        assert_eq!(Cell::typed(&json!(null), ColumnType::Int), Some(Cell::Null));
        assert_eq!(Cell::typed(&json!(7), ColumnType::Int), Some(Cell::Int(7)));
        assert_eq!(
            Cell::typed(&json!(7), ColumnType::Float),
            Some(Cell::Float(7.0))
        );
        assert_eq!(Cell::typed(&json!(7.5), ColumnType::Int), None);
        assert_eq!(Cell::typed(&json!("x"), ColumnType::Bool), None);
        assert_eq!(
            Cell::typed(&json!(42), ColumnType::String),
            Some(Cell::String("42".into()))
        );
        assert_eq!(Cell::typed(&json!("2024-02-30"), ColumnType::Date), None);
        assert_eq!(
            Cell::typed(&json!(["a", null]), ColumnType::List(&ColumnType::String)),
            Some(Cell::List(vec![Cell::String("a".into()), Cell::Null]))
        );
    }

    #[test]
    fn display_is_the_csv_text() {
        let date = Cell::typed(&json!("2024-02-29"), ColumnType::Date);
        assert_eq!(
            date.map(|cell| cell.to_string()).as_deref(),
            Some("2024-02-29")
        );
        let list = Cell::List(vec![Cell::String("CA".into()), Cell::String("NY".into())]);
        assert_eq!(list.to_string(), r#"["CA","NY"]"#);
        assert_eq!(Cell::Null.to_string(), "");
        assert_eq!(Cell::Json(json!({"a": 1})).to_string(), r#"{"a":1}"#);
    }
}
