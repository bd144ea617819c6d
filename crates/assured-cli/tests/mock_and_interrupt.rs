//! `assured mock` serves until Ctrl-C; Ctrl-C during a listing stops it
//! with the NDJSON written so far intact.

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

use assured_mock::{Faults, Latency, MockConfig};
use common::{Mock, bare_cmd, bare_std_cmd, text};
use serde_json::Value;

fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn spawn(mut cmd: Command) -> Child {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn mock_prints_exports_that_the_other_commands_use() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = bare_std_cmd(dir.path());
    cmd.args(["mock", "--providers", "7", "--latency-ms", "1"]);
    let mut child = spawn(cmd);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut exports = Vec::new();
    for _ in 0..4 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        exports.push(line.trim_end().to_owned());
    }
    let names: Vec<&str> = exports
        .iter()
        .map(|line| {
            line.strip_prefix("export ")
                .unwrap()
                .split('=')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        names,
        [
            "ASSURED_BASE_URL",
            "ASSURED_API_KEY",
            "ASSURED_USER",
            "ASSURED_PASS"
        ]
    );

    let mut listing = bare_cmd(dir.path());
    for line in &exports {
        let (name, value) = line
            .strip_prefix("export ")
            .unwrap()
            .split_once('=')
            .unwrap();
        listing.env(name, value.trim_matches('\''));
    }
    let out = listing
        .args(["providers", "list", "--all", "--format", "ndjson"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 7);

    interrupt(&child);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// Starts a slow `--all` listing, reads `lines` lines, sends Ctrl-C; the
/// whole output and the exit code.
fn interrupted_listing(format: &str, lines: usize) -> (String, Option<i32>, String) {
    let mock = Mock::start(MockConfig::default().with_providers(400));
    mock.server.set_faults(Faults {
        latency: Latency::Fixed(std::time::Duration::from_millis(40)),
        ..Faults::none()
    });
    let mut cmd = mock.std_cmd();
    cmd.args([
        "providers",
        "list",
        "--all",
        "--limit",
        "2",
        "--format",
        format,
    ]);
    let mut child = spawn(cmd);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut output = String::new();
    for _ in 0..lines {
        stdout.read_line(&mut output).unwrap();
    }
    interrupt(&child);
    std::io::Read::read_to_string(&mut stdout, &mut output).unwrap();
    let done = child.wait_with_output().unwrap();
    (output, done.status.code(), text(&done.stderr))
}

#[test]
fn ctrl_c_during_a_listing_leaves_valid_ndjson() {
    let (output, code, stderr) = interrupted_listing("ndjson", 5);
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.contains("interrupted after"), "{stderr}");
    assert!(output.ends_with('\n'), "whole lines only");
    let records: Vec<Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert!(
        (5..400).contains(&records.len()),
        "stopped early ({})",
        records.len()
    );
    assert!(records.iter().all(|record| record["id"].is_string()));
}

#[test]
fn ctrl_c_during_a_json_listing_closes_the_array() {
    let (output, code, stderr) = interrupted_listing("json", 4);
    assert_eq!(code, Some(130), "{stderr}");
    let records: Vec<Value> = serde_json::from_str(&output).unwrap();
    assert!(
        (3..400).contains(&records.len()),
        "stopped early ({})",
        records.len()
    );
}
