//! `cargo xtask codegen`: the facade's resource handles, `docs/parity.md`
//! and the command-line tool's listings, generated from the endpoint catalog.
//!
//! The catalog rows name each endpoint's handle, method and Python names;
//! the models' sources give the Rust types and the filter fields. The output
//! is checked in (rustdoc, go-to-definition and review see real code), and
//! [`check`] — run by the test suite — fails when it is not current.

mod calls;
mod cli;
mod facade;
mod groups;
mod model;
mod parity;
mod source;
mod tabular;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where the generated handles go, relative to the repository root.
pub const RESOURCES_DIR: &str = "crates/assured/src/resources";
/// Where the parity table goes.
pub const PARITY_FILE: &str = "docs/parity.md";
pub use cli::CLI_DIR;
pub use tabular::SCHEMAS_DIR;

/// Directories whose every file is generated: a file there that the
/// generator no longer writes is removed (by [`write`]) or stale (by [`check`]).
const GENERATED_DIRS: &[&str] = &[RESOURCES_DIR, SCHEMAS_DIR, CLI_DIR];

/// Every generated file: path relative to the root, and contents.
pub fn generate(root: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let models_src = root.join("crates/assured-models/src");
    let model = model::Model::load(&models_src)?;
    let mut out = Vec::new();
    for (name, code) in facade::files(&model)? {
        out.push((Path::new(RESOURCES_DIR).join(name), rustfmt(root, &code)?));
    }
    for (name, code) in tabular::files(&model, &models_src)? {
        out.push((Path::new(SCHEMAS_DIR).join(name), rustfmt(root, &code)?));
    }
    for (name, code) in cli::files(&model, &models_src)? {
        out.push((Path::new(CLI_DIR).join(name), rustfmt(root, &code)?));
    }
    out.push((
        PathBuf::from(calls::LISTED_FILE),
        rustfmt(root, &calls::listed_file(&model))?,
    ));
    out.push((
        PathBuf::from(calls::CALLS_FILE),
        rustfmt(root, &calls::file(&model))?,
    ));
    let methods = std::fs::read_to_string(root.join("spec/python-client-methods.txt"))
        .map_err(|err| format!("spec/python-client-methods.txt: {err}"))?;
    let mappings = parity::map(&model, &methods)?;
    out.push((PathBuf::from(PARITY_FILE), parity::render(&mappings)));
    Ok(out)
}

/// Writes the generated files; returns their paths.
pub fn write(root: &Path) -> Result<Vec<PathBuf>, String> {
    let files = generate(root)?;
    for dir in GENERATED_DIRS {
        let dir = root.join(dir);
        if !dir.is_dir() {
            continue;
        }
        // Files of groups that no longer exist must not linger.
        for entry in std::fs::read_dir(&dir).map_err(|err| err.to_string())? {
            let path = entry.map_err(|err| err.to_string())?.path();
            std::fs::remove_file(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        }
    }
    let mut written = Vec::new();
    for (path, contents) in files {
        let full = root.join(&path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|err| format!("{}: {err}", parent.display()))?;
        }
        std::fs::write(&full, contents).map_err(|err| format!("{}: {err}", full.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The generated files that differ from what is checked in (empty when
/// everything is current).
pub fn check(root: &Path) -> Result<Vec<PathBuf>, String> {
    let files = generate(root)?;
    let mut stale: Vec<PathBuf> = files
        .iter()
        .filter(|(path, contents)| {
            std::fs::read_to_string(root.join(path)).ok().as_deref() != Some(contents)
        })
        .map(|(path, _)| path.clone())
        .collect();
    for dir in GENERATED_DIRS {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let relative = Path::new(dir).join(entry.file_name());
            if !files.iter().any(|(path, _)| *path == relative) {
                stale.push(relative);
            }
        }
    }
    Ok(stale)
}

/// Formats generated code with the repository's rustfmt settings.
fn rustfmt(root: &Path, code: &str) -> Result<String, String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout", "--config-path"])
        .arg(root.join("rustfmt.toml"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("could not run rustfmt: {err}"))?;
    child
        .stdin
        .take()
        .ok_or("rustfmt has no stdin")?
        .write_all(code.as_bytes())
        .map_err(|err| format!("rustfmt: {err}"))?;
    let output = child
        .wait_with_output()
        .map_err(|err| format!("rustfmt: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt refused the generated code:\n{}\n--- code ---\n{code}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|err| format!("rustfmt: {err}"))
}
