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
    cmd.args(["mock", "--providers", "7"]);
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

#[test]
fn ctrl_c_during_a_listing_leaves_valid_ndjson() {
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
        "ndjson",
    ]);
    let mut child = spawn(cmd);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    for _ in 0..5 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        lines.push(line);
    }
    interrupt(&child);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("interrupted after"),
        "{}",
        text(&output.stderr)
    );
    lines.extend(rest.lines().map(|line| format!("{line}\n")));
    assert!(lines.len() < 400, "stopped early ({} records)", lines.len());
    for line in &lines {
        assert!(line.ends_with('\n'), "a whole line: {line:?}");
        let record: Value = serde_json::from_str(line).unwrap();
        assert!(record["id"].is_string());
    }
}
