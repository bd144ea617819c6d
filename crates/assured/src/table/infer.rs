//! The type of a column the models do not declare, inferred from every
//! value it holds (not from the first rows).

use serde_json::Value;

use super::ColumnType;

/// The narrowest type that holds every non-null value: booleans, integers,
/// numbers, text, or a list of one of these; anything mixed is JSON. A
/// column of nulls only is text.
pub(crate) fn infer<'v>(values: impl Iterator<Item = &'v Value>) -> ColumnType {
    let mut kind: Option<Kind> = None;
    let mut items: Vec<&Value> = Vec::new();
    for value in values {
        let this = match value {
            Value::Null => continue,
            Value::Bool(_) => Kind::Bool,
            Value::Number(number) if number.as_i64().is_some() => Kind::Int,
            Value::Number(_) => Kind::Float,
            Value::String(_) => Kind::String,
            Value::Array(array) => {
                items.extend(array);
                Kind::List
            }
            Value::Object(_) => Kind::Json,
        };
        kind = Some(match (kind, this) {
            (None, this) => this,
            (Some(Kind::Int), Kind::Float) | (Some(Kind::Float), Kind::Int) => Kind::Float,
            (Some(old), this) if old == this => old,
            _ => Kind::Json,
        });
    }
    match kind {
        None | Some(Kind::String) => ColumnType::String,
        Some(Kind::Bool) => ColumnType::Bool,
        Some(Kind::Int) => ColumnType::Int,
        Some(Kind::Float) => ColumnType::Float,
        Some(Kind::Json) => ColumnType::Json,
        Some(Kind::List) => ColumnType::List(match infer(items.into_iter()) {
            ColumnType::Bool => &ColumnType::Bool,
            ColumnType::Int => &ColumnType::Int,
            ColumnType::Float => &ColumnType::Float,
            ColumnType::String => &ColumnType::String,
            _ => &ColumnType::Json,
        }),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Int,
    Float,
    String,
    List,
    Json,
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn of(values: &[Value]) -> ColumnType {
        infer(values.iter())
    }

    #[test]
    fn the_narrowest_type_over_every_value() {
        assert_eq!(of(&[json!(null), json!(1), json!(2)]), ColumnType::Int);
        assert_eq!(of(&[json!(1), json!(2.5)]), ColumnType::Float);
        assert_eq!(of(&[json!(true), json!(null)]), ColumnType::Bool);
        assert_eq!(of(&[json!("a"), json!(1)]), ColumnType::Json);
        assert_eq!(of(&[json!(null)]), ColumnType::String);
        assert_eq!(
            of(&[json!(["a"]), json!([]), json!(["b", "c"])]),
            ColumnType::List(&ColumnType::String)
        );
        assert_eq!(
            of(&[json!([{"a": 1}])]),
            ColumnType::List(&ColumnType::Json)
        );
        // A value late in the column still decides its type.
        let mut late = vec![json!(1); 500];
        late.push(json!(0.5));
        assert_eq!(of(&late), ColumnType::Float);
    }
}
