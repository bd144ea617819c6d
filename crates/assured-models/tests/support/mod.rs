//! Walking the vendor spec (`spec/assured-openapi.json` at the repository
//! root) for the integration tests: loading it, matching its operations to
//! catalog endpoints, and building example values from its schemas.

// Each test binary uses only part of this module (`catalog_entry` serves
// `spec_examples.rs`, `response_example` serves `unknown_fields.rs`).
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use assured_models::catalog::{self, EndpointDescriptor, Method};
use serde_json::{Map, Value};

/// The vendored spec, read once.
pub(crate) fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/assured-openapi.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        serde_json::from_str(&text).expect("the vendored spec is JSON")
    })
}

/// The catalog method for a spec method key, if it is one the catalog knows.
pub(crate) fn spec_method(key: &str) -> Option<Method> {
    match key.to_ascii_lowercase().as_str() {
        "get" => Some(Method::Get),
        "post" => Some(Method::Post),
        "put" => Some(Method::Put),
        "patch" => Some(Method::Patch),
        "delete" => Some(Method::Delete),
        _ => None,
    }
}

/// The path with its placeholder names erased (`/a/{task_id}/` -> `/a/{}/`).
pub(crate) fn path_shape(path: &str) -> String {
    let mut shape = String::new();
    let mut in_placeholder = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_placeholder = true;
                shape.push(c);
            }
            '}' => {
                in_placeholder = false;
                shape.push(c);
            }
            _ if !in_placeholder => shape.push(c),
            _ => {}
        }
    }
    shape
}

/// The catalog endpoint with this method and path (placeholder names may
/// differ from the spec's).
pub(crate) fn catalog_entry(method: Method, path: &str) -> Option<&'static EndpointDescriptor> {
    let shape = path_shape(path);
    catalog::all().find(|d| d.method == method && path_shape(d.path) == shape)
}

/// The example of the endpoint's 2xx `application/json` response in the
/// spec: the first such response whose schema yields one.
pub(crate) fn response_example(endpoint: &EndpointDescriptor) -> Option<Value> {
    let spec = spec();
    let shape = path_shape(endpoint.path);
    let (_, item) = spec
        .get("paths")?
        .as_object()?
        .iter()
        .find(|(path, _)| path_shape(path) == shape)?;
    let operation = item.as_object()?.iter().find_map(|(key, operation)| {
        (spec_method(key) == Some(endpoint.method)).then_some(operation)
    })?;
    operation
        .get("responses")?
        .as_object()?
        .iter()
        .filter(|(status, _)| status.starts_with('2'))
        .filter_map(|(_, response)| {
            response
                .get("content")?
                .get("application/json")?
                .get("schema")
        })
        .find_map(|schema| example(spec, schema, 0))
}

/// Builds an example value from a schema: the schema's own `example` or
/// `examples[0]`; else, for an object, its properties that yield an example
/// (others left out, so a required property without one does not stop the
/// rest); for an array, one example item. `allOf` parts are merged,
/// `oneOf`/`anyOf` take the first alternative with an example, local
/// `$ref`s are followed from `root`. `None` when nothing in the schema has an
/// example.
pub(crate) fn example(root: &Value, schema: &Value, depth: usize) -> Option<Value> {
    if depth > 32 {
        return None;
    }
    let schema = schema.as_object()?;
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = root.pointer(reference.strip_prefix('#')?)?;
        return example(root, target, depth + 1);
    }
    if let Some(value) = schema.get("example") {
        return Some(value.clone());
    }
    if let Some(value) = schema
        .get("examples")
        .and_then(Value::as_array)
        .and_then(|examples| examples.first())
    {
        return Some(value.clone());
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            if let Some(Value::Object(fields)) = example(root, part, depth + 1) {
                merged.extend(fields);
            }
        }
        if !merged.is_empty() {
            return Some(Value::Object(merged));
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alternatives) = schema.get(key).and_then(Value::as_array)
            && let Some(value) = alternatives
                .iter()
                .find_map(|alternative| example(root, alternative, depth + 1))
        {
            return Some(value);
        }
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        let fields: Map<String, Value> = properties
            .iter()
            .filter_map(|(name, property)| {
                example(root, property, depth + 1).map(|value| (name.clone(), value))
            })
            .collect();
        return (!fields.is_empty()).then_some(Value::Object(fields));
    }
    if let Some(items) = schema.get("items") {
        return example(root, items, depth + 1).map(|item| Value::Array(vec![item]));
    }
    None
}
