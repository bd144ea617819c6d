//! The reference payload models, read from `spec/models.json` (the field
//! names and types of every model, as data): what request bodies are
//! checked against, instead of the SDK's Rust types, so the mock cannot
//! share a wrong field name or type with the client.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// The reference file, embedded at build time.
const MODELS_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../spec/models.json"
));

/// One alternative of a field's type (`type_notation` in the file's `_meta`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TypeExpr {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    /// A free-form JSON object.
    Object,
    Any,
    Array(Box<FieldType>),
    /// Another model of the file, by name.
    Model(String),
}

/// A field's type: one or more alternatives (`a|b`), and whether `null`
/// is accepted (the trailing `?`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldType {
    pub(crate) alternatives: Vec<TypeExpr>,
    pub(crate) nullable: bool,
}

impl FieldType {
    /// Parses the file's notation, e.g. `array<string>|string?`.
    pub(crate) fn parse(notation: &str) -> Self {
        let notation = notation.trim();
        let (notation, nullable) = match notation.strip_suffix('?') {
            Some(rest) => (rest, true),
            None => (notation, false),
        };
        Self {
            alternatives: split_top_level(notation)
                .into_iter()
                .map(parse_one)
                .collect(),
            nullable,
        }
    }
}

/// Splits on `|` outside `<...>`.
fn split_top_level(notation: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0_usize, 0);
    for (at, c) in notation.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                parts.push(&notation[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&notation[start..]);
    parts
}

fn parse_one(notation: &str) -> TypeExpr {
    let notation = notation.trim();
    if let Some(inner) = notation
        .strip_prefix("array<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return TypeExpr::Array(Box::new(FieldType::parse(inner)));
    }
    match notation {
        "string" => TypeExpr::String,
        "integer" => TypeExpr::Integer,
        "number" => TypeExpr::Number,
        "boolean" => TypeExpr::Boolean,
        "date" => TypeExpr::Date,
        "datetime" => TypeExpr::DateTime,
        "object" => TypeExpr::Object,
        // `any`, and the one generic parameter (`array<T>`) the file has.
        "any" | "T" => TypeExpr::Any,
        model => TypeExpr::Model(model.to_owned()),
    }
}

/// One model: its fields in file order, and the required ones.
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    pub(crate) fields: Vec<(String, FieldType)>,
    pub(crate) required: Vec<String>,
}

impl Model {
    pub(crate) fn field(&self, name: &str) -> Option<&FieldType> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, kind)| kind)
    }
}

#[derive(Deserialize)]
struct RawModel {
    fields: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    required: Vec<String>,
}

/// Every model of the reference file, by name.
#[derive(Debug, Default)]
pub(crate) struct Reference {
    models: HashMap<String, Model>,
}

impl Reference {
    fn parse(text: &str) -> Result<Self, serde_json::Error> {
        let raw: HashMap<String, serde_json::Value> = serde_json::from_str(text)?;
        let mut models = HashMap::new();
        for (name, value) in raw {
            if name.starts_with('_') {
                continue;
            }
            let model: RawModel = serde_json::from_value(value)?;
            let fields = model
                .fields
                .into_iter()
                .map(|(field, kind)| {
                    let parsed = FieldType::parse(kind.as_str().unwrap_or("any"));
                    (field, parsed)
                })
                .collect();
            models.insert(
                name,
                Model {
                    fields,
                    required: model.required,
                },
            );
        }
        Ok(Self { models })
    }

    pub(crate) fn model(&self, name: &str) -> Option<&Model> {
        self.models.get(name)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.models.len()
    }
}

/// The embedded reference; a test proves it parses (an unparsable file
/// would leave it empty, and every body rule naming a model would fail).
pub(crate) static REFERENCE: LazyLock<Reference> =
    LazyLock::new(|| Reference::parse(MODELS_JSON).unwrap_or_default());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_reference_parses_completely() {
        let meta: serde_json::Value = serde_json::from_str(MODELS_JSON).unwrap();
        let count = meta["_meta"]["model_count"].as_u64().unwrap();
        assert_eq!(REFERENCE.len() as u64, count);
        let invite = REFERENCE.model("ProviderInvite").unwrap();
        assert_eq!(invite.required, ["email", "first_name", "last_name"]);
        assert_eq!(invite.field("email"), Some(&FieldType::parse("string")));
    }

    #[test]
    fn the_notation_parses_unions_arrays_models_and_nullability() {
        assert_eq!(
            FieldType::parse("array<any>|string?"),
            FieldType {
                alternatives: vec![
                    TypeExpr::Array(Box::new(FieldType {
                        alternatives: vec![TypeExpr::Any],
                        nullable: false
                    })),
                    TypeExpr::String
                ],
                nullable: true,
            }
        );
        assert_eq!(
            FieldType::parse("ClientDetails?").alternatives,
            [TypeExpr::Model("ClientDetails".to_owned())]
        );
        assert!(!FieldType::parse("date").nullable);
    }

    #[test]
    fn every_model_a_field_names_exists() {
        fn names(kind: &FieldType, out: &mut Vec<String>) {
            for alternative in &kind.alternatives {
                match alternative {
                    TypeExpr::Model(name) => out.push(name.clone()),
                    TypeExpr::Array(inner) => names(inner, out),
                    _ => {}
                }
            }
        }
        for model in REFERENCE.models.values() {
            let mut referenced = Vec::new();
            for (_, kind) in &model.fields {
                names(kind, &mut referenced);
            }
            for name in referenced {
                assert!(REFERENCE.model(&name).is_some(), "{name}");
            }
        }
    }
}
