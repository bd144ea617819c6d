#![allow(missing_docs)]
//! Every example the vendor spec gives for a successful JSON response must
//! deserialize into the response type of the matching catalog endpoint.
//!
//! The test walks the whole spec (`spec/assured-openapi.json` at the
//! repository root), not hand-picked cases: for each operation and each 2xx
//! JSON response, it builds an example value from the response schema
//! (a property's `example` or `examples[0]`, recursing into nested objects
//! and array `items`; properties without an example are left out), finds the
//! catalog endpoint with the same method and path, and calls
//! `check_response_json` on the example. Paged endpoints get the envelope,
//! as the spec's schema is the envelope. Operations whose catalog entry is
//! `Dead` are skipped; every other failure is collected and reported at
//! once.

use std::path::PathBuf;

use assured_models::catalog::{self, EndpointDescriptor, Method};
use serde_json::{Map, Value, json};

fn load_spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/assured-openapi.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).expect("the vendored spec is JSON")
}

/// The catalog method for a spec method key, if it is one the catalog knows.
fn spec_method(key: &str) -> Option<Method> {
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
fn path_shape(path: &str) -> String {
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
fn catalog_entry(method: Method, path: &str) -> Option<&'static EndpointDescriptor> {
    let shape = path_shape(path);
    catalog::all().find(|d| d.method == method && path_shape(d.path) == shape)
}

/// Builds an example value from a schema: the schema's own `example` or
/// `examples[0]`; else, for an object, its properties that yield an example
/// (others left out, so a required property without one does not stop the
/// rest); for an array, one example item. `allOf` parts are merged,
/// `oneOf`/`anyOf` take the first alternative with an example, local
/// `$ref`s are followed. `None` when nothing in the schema has an example.
fn example(root: &Value, schema: &Value, depth: usize) -> Option<Value> {
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

fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json")
}

/// One example found in the spec.
struct SpecExample {
    method: Method,
    path: String,
    status: String,
    value: Value,
}

/// Every 2xx JSON response schema of the spec that yields an example.
fn spec_examples(spec: &Value) -> Vec<SpecExample> {
    let mut found = Vec::new();
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
        return found;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method_key, operation) in item {
            let Some(method) = spec_method(method_key) else {
                continue;
            };
            let Some(responses) = operation.get("responses").and_then(Value::as_object) else {
                continue;
            };
            for (status, response) in responses {
                if !status.starts_with('2') {
                    continue;
                }
                let Some(content) = response.get("content").and_then(Value::as_object) else {
                    continue;
                };
                for (media_type, media) in content {
                    if !is_json(media_type) {
                        continue;
                    }
                    if let Some(value) = media
                        .get("schema")
                        .and_then(|schema| example(spec, schema, 0))
                    {
                        found.push(SpecExample {
                            method,
                            path: path.clone(),
                            status: status.clone(),
                            value,
                        });
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_spec_response_example_deserializes_into_its_catalog_type() {
    let spec = load_spec();
    let examples = spec_examples(&spec);
    assert!(
        !examples.is_empty(),
        "the spec carries no response examples: is spec/assured-openapi.json the right file?"
    );

    let mut checked = Vec::new();
    let mut skipped_dead = Vec::new();
    let mut failures = Vec::new();
    for found in &examples {
        let operation = format!("{} {} ({})", found.method, found.path, found.status);
        let Some(endpoint) = catalog_entry(found.method, &found.path) else {
            failures.push(format!("{operation}: no catalog entry"));
            continue;
        };
        if !endpoint.origin.is_live() {
            skipped_dead.push(endpoint.key);
            continue;
        }
        match endpoint.check_response_json(found.value.clone()) {
            Ok(()) => checked.push(endpoint.key),
            Err(err) => failures.push(format!(
                "{} {operation} as {} ({:?}): {err}\n    example: {}",
                endpoint.key, endpoint.response_type, endpoint.paging, found.value
            )),
        }
    }
    println!(
        "{} spec response schema(s) carry examples; checked {} ({}), skipped {} dead ({})",
        examples.len(),
        checked.len(),
        checked.join(" "),
        skipped_dead.len(),
        skipped_dead.join(" "),
    );
    assert!(
        failures.is_empty(),
        "{} of {} spec response example(s) failed:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

#[test]
fn example_builder_follows_the_schema() {
    let schema = json!({
        "type": "object",
        "required": ["id", "nested"],
        "properties": {
            "id": {"type": "string", "examples": ["3fa85f64-5717-4562-b3fc-2c963f66afa6"]},
            "count": {"type": "integer", "example": 3},
            "no_example": {"type": "string"},
            "nested": {
                "type": "object",
                "required": ["missing"],
                "properties": {
                    "missing": {"type": "string"},
                    "present": {"type": ["string", "null"], "examples": ["x", "y"]}
                }
            },
            "empty_nested": {"type": "object", "properties": {"a": {"type": "string"}}},
            "tags": {"type": "array", "items": {"type": "string", "examples": ["t"]}},
            "rows": {
                "type": "array",
                "items": {"type": "object", "properties": {"n": {"examples": [1]}}}
            },
            "whole": {"type": "object", "example": {"given": true}},
            "referenced": {"$ref": "#/components/schemas/Ref"}
        }
    });
    let root = json!({"components": {"schemas": {"Ref": {"examples": ["via ref"]}}}});
    assert_eq!(
        example(&root, &schema, 0),
        Some(json!({
            "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "count": 3,
            "nested": {"present": "x"},
            "tags": ["t"],
            "rows": [{"n": 1}],
            "whole": {"given": true},
            "referenced": "via ref"
        }))
    );
    assert_eq!(
        example(&root, &json!({"type": "object", "properties": {}}), 0),
        None
    );
    assert_eq!(
        example(
            &root,
            &json!({"type": "array", "items": {"type": "string"}}),
            0
        ),
        None
    );
}

#[test]
fn paths_match_whatever_the_placeholder_is_called() {
    assert_eq!(
        path_shape("/api/v1/task-management/tasks/{task_id}/"),
        path_shape("/api/v1/task-management/tasks/{id}/")
    );
    assert_ne!(path_shape("/a/{id}/"), path_shape("/a/"));
}
