//! Emits the dispatch of the facade's end-to-end test
//! (`crates/assured/tests/generated/calls.rs`): for each endpoint key, a call
//! through its generated facade method with inputs taken from a JSON
//! fixture. Generated, so that a method the generator stops emitting, or a
//! signature change, breaks that test rather than going unnoticed.

use std::fmt::Write as _;

use super::facade::HEADER;
use super::model::{MethodModel, Model, Shape};

/// Where the dispatch goes, relative to the repository root.
pub(crate) const CALLS_FILE: &str = "crates/assured/tests/generated/calls.rs";
/// Where the table dispatch goes (a file of its own, to keep each short).
pub(crate) const LISTED_FILE: &str = "crates/assured/tests/generated/listed.rs";

/// The file, unformatted.
pub(crate) fn file(model: &Model) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! Calls one endpoint through its facade method, by reference key.\n\n\
         use assured::{Client, Error};\nuse serde_json::Value;\n\n\
         use super::{form, take, to_json};\n\n\
         /// The keys this dispatch knows, in catalog order.\n\
         pub(crate) const KEYS: &[&str] = &[\n",
    );
    for method in &model.methods {
        let _ = writeln!(out, "    \"{}\",", method.descriptor.key);
    }
    out.push_str(
        "];\n\n/// Calls endpoint `key` with the fixture's `input`; the reply as JSON.\n\
         #[allow(clippy::too_many_lines)]\n\
         pub(crate) async fn call(client: &Client, key: &str, input: &Value) -> Result<Value, Error> {\n    match key {\n",
    );
    for method in &model.methods {
        let mut args = fixture_args(method);
        let receiver = format!("client.{}().{}", method.group, method.method);
        let call = match method.shape {
            Shape::List => {
                let params = if method.query == "()" {
                    String::new()
                } else {
                    format!(
                        "\n            let list = match input.pointer(\"/params\") {{\n                Some(_) => list.params(take::<{}>(input, \"/params\")),\n                None => list,\n            }};",
                        method.query
                    )
                };
                format!(
                    "let list = {receiver}({}).limit(5);{params}\n            Ok(to_json(&list.page(0).await?))",
                    args.join(", ")
                )
            }
            Shape::Upload => {
                args.push("form(input)".to_owned());
                format!("Ok(to_json(&{receiver}({}).await?))", args.join(", "))
            }
            Shape::Call => {
                if let Some(body) = &method.body {
                    args.push(format!("take::<{body}>(input, \"/body\")"));
                }
                format!("Ok(to_json(&{receiver}({}).await?))", args.join(", "))
            }
        };
        let _ = writeln!(
            out,
            "        \"{}\" => {{\n            {call}\n        }}",
            method.descriptor.key
        );
    }
    out.push_str("        other => panic!(\"no facade call for {other}\"),\n    }\n}\n");
    out
}

/// The method's arguments, taken from the fixture step: the path id at
/// `/id`, each required filter at `/query/<name>`.
fn fixture_args(method: &MethodModel) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(arg) = &method.arg {
        args.push(format!("&take::<{arg}>(input, \"/id\")"));
    }
    for field in &method.required {
        let borrow = if super::facade::is_id(&field.ty) {
            "&"
        } else {
            ""
        };
        args.push(format!(
            "{borrow}take::<{}>(input, \"/query/{}\")",
            field.ty, field.name
        ));
    }
    args
}

/// The second dispatch: each paged endpoint's listing read as a table (and
/// a `DataFrame`, feature `polars`), beside the `count` of its first page.
pub(crate) fn listed_file(model: &Model) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//! Reads each paged endpoint through its facade method as a table.\n\n\
         use assured::Client;\nuse assured::request::ListTableError;\nuse serde_json::Value;\n\n\
         use super::{Listed, listed_with, take};\n",
    );
    out.push_str(
        "\n/// For a paged endpoint: its first page's `count`, the listing as a table \
         and (feature `polars`) as a `DataFrame`; `None` for other endpoints.\n\
         #[allow(clippy::too_many_lines)]\n\
         pub(crate) async fn listed(client: &Client, key: &str, input: &Value) -> Option<Result<Listed, ListTableError>> {\n    \
         match key {\n",
    );
    for method in model.methods.iter().filter(|m| m.shape == Shape::List) {
        let args = fixture_args(method);
        let params = if method.query == "()" {
            String::new()
        } else {
            format!(
                "\n                match input.pointer(\"/params\") {{\n                    Some(_) => list.params(take::<{}>(input, \"/params\")),\n                    None => list,\n                }}",
                method.query
            )
        };
        let list = if params.is_empty() {
            format!(
                "|| client.{}().{}({}).limit(5)",
                method.group,
                method.method,
                args.join(", ")
            )
        } else {
            format!(
                "|| {{\n                let list = client.{}().{}({}).limit(5);{params}\n            }}",
                method.group,
                method.method,
                args.join(", ")
            )
        };
        let _ = writeln!(
            out,
            "        \"{}\" => {{\n            let list = {list};\n            Some(listed_with(list).await)\n        }}",
            method.descriptor.key
        );
    }
    out.push_str("        _ => None,\n    }\n}\n");
    out
}
