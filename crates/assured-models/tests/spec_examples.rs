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

mod support;

use assured_models::catalog::Method;
use serde_json::{Value, json};
use support::{catalog_entry, example, path_shape, spec, spec_method};

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
    let examples = spec_examples(spec());
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
        match endpoint.check_response_json(&found.value) {
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
