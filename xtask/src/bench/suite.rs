//! The suite binary (`tests/benches/suite`): built once in release, then
//! run once per scenario group; its stdout is JSON lines of figures.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::figures::Figure;

/// The integration-test package that holds the suite.
const PACKAGE: &str = "assured-integration-tests";
/// The suite's bench target.
const TARGET: &str = "suite";

/// The cargo program running us (or `cargo`).
pub(crate) fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Builds the suite with the bench profile (release) in one cargo
/// invocation; the path of the executable.
pub(crate) fn build(root: &Path) -> Result<PathBuf, String> {
    eprintln!("xtask: == bench == building the suite (release)");
    let output = Command::new(cargo())
        .current_dir(root)
        .args(["bench", "--no-run", "-p", PACKAGE, "--bench", TARGET])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| format!("could not start cargo: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "building the suite: cargo exited with {}",
            output.status
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| message["target"]["name"] == TARGET)
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| "cargo built no suite executable".to_owned())
}

/// Runs `suite <args>` and collects the figures it prints.
pub(crate) fn run(suite: &Path, args: &[&str]) -> Result<Vec<Figure>, String> {
    eprintln!("xtask: -- suite {}", args.join(" "));
    let mut child = Command::new(suite)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| format!("could not start {}: {err}", suite.display()))?;
    let stdout = child.stdout.take().ok_or("the suite has no stdout")?;
    let figures = read_figures(BufReader::new(stdout));
    let status = child
        .wait()
        .map_err(|err| format!("waiting for the suite: {err}"))?;
    if !status.success() {
        return Err(format!("suite {} exited with {status}", args.join(" ")));
    }
    figures
}

/// Each line of `reader` as a figure.
pub(crate) fn read_figures(reader: impl std::io::BufRead) -> Result<Vec<Figure>, String> {
    let mut figures = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(|err| format!("reading the suite's output: {err}"))?;
        if line.trim().is_empty() {
            continue;
        }
        figures.push(parse(&line)?);
    }
    Ok(figures)
}

/// One line of the suite's output as a figure.
pub(crate) fn parse(line: &str) -> Result<Figure, String> {
    serde_json::from_str(line).map_err(|err| format!("not a figure ({err}): {line}"))
}
