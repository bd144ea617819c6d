//! Item 6: `cargo build -p assured` from an empty target directory, with
//! default features and with `--features polars` once the facade has that
//! feature: the wall time and the crates compiled.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::Value;

use super::figures::{ColdBuild, Figure};
use super::suite::cargo;

/// The facade, whose build users pay for.
const FACADE: &str = "assured";
/// The optional feature measured besides the defaults.
const POLARS: &str = "polars";

pub(crate) fn run(root: &Path) -> Result<Vec<Figure>, String> {
    let mut figures = vec![build(root, None)?];
    if facade_has_feature(root, POLARS)? {
        figures.push(build(root, Some(POLARS))?);
    } else {
        eprintln!("xtask: the facade has no `{POLARS}` feature yet; its cold build is skipped");
    }
    Ok(figures)
}

/// Whether the facade declares `feature` (from `cargo metadata`).
fn facade_has_feature(root: &Path, feature: &str) -> Result<bool, String> {
    let output = Command::new(cargo())
        .current_dir(root)
        .args(["metadata", "--no-deps", "--format-version", "1"])
        .output()
        .map_err(|err| format!("could not start cargo metadata: {err}"))?;
    if !output.status.success() {
        return Err(format!("cargo metadata exited with {}", output.status));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|err| format!("cargo metadata's output: {err}"))?;
    Ok(metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|package| package["name"] == FACADE)
        .any(|package| package["features"].get(feature).is_some()))
}

/// One build in a fresh temporary target directory, removed afterwards.
fn build(root: &Path, feature: Option<&str>) -> Result<Figure, String> {
    let target = std::env::temp_dir().join(format!(
        "assured-cold-build-{}-{}",
        std::process::id(),
        feature.unwrap_or("default")
    ));
    let _ = std::fs::remove_dir_all(&target);
    let mut command = Command::new(cargo());
    command
        .current_dir(root)
        .args(["build", "-p", FACADE, "--color", "never"])
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_TERM_PROGRESS_WHEN", "never")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(feature) = feature {
        command.args(["--features", feature]);
    }
    let label = feature.map_or_else(|| "default".to_owned(), |f| format!("--features {f}"));
    eprintln!(
        "xtask: -- cold build of {FACADE} ({label}) in {}",
        target.display()
    );
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|err| format!("could not start cargo: {err}"))?;
    let stderr = child.stderr.take().ok_or("cargo has no stderr")?;
    let mut crates = 0;
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if line.trim_start().starts_with("Compiling ") {
            crates += 1;
        } else if line.trim_start().starts_with("error") {
            eprintln!("{line}");
        }
    }
    let status = child
        .wait()
        .map_err(|err| format!("waiting for cargo: {err}"))?;
    let secs = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&target);
    let outcome = if status.success() {
        "ok".to_owned()
    } else {
        format!("failed: {status}")
    };
    eprintln!("xtask:    {label}: {secs:.1} s, {crates} crates, {outcome}");
    Ok(Figure::ColdBuild(ColdBuild {
        features: label,
        outcome,
        secs,
        crates,
    }))
}
