//! Project automation, run as `cargo xtask <task>`.
//!
//! * `ci` — exactly what CI runs (`.ci/run` calls it): formatting, clippy,
//!   the README's test command and the docs, each failing on warnings.
//! * `bench` — the benchmark suite with one command; writes
//!   `docs/performance.md` and its chart (see the `bench` module).
//! * `codegen` — regenerates the facade's resource handles and
//!   `docs/parity.md` from the endpoint catalog ([`xtask::codegen`]).
//! * `spec-coverage` — compares the endpoint catalog with the vendored vendor
//!   spec and `ENDPOINTS.md` (see [`xtask::spec_coverage`]), prints the full
//!   account and fails on any mismatch. The same check runs in the normal
//!   test run (`xtask/tests/spec_coverage.rs`).

mod bench;

use std::process::{Command, ExitCode};

/// One CI step: a name for the log and the cargo arguments.
struct Step {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

/// The CI steps, in order. The test step is the README's test command.
const CI_STEPS: &[Step] = &[
    Step {
        name: "format",
        args: &["fmt", "--all", "--check"],
        env: &[],
    },
    Step {
        name: "clippy",
        args: &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
        env: &[],
    },
    // Each feature of the facade builds on its own (checked, not linked).
    Step {
        name: "features: none",
        args: &["check", "-p", "assured", "--no-default-features"],
        env: &[],
    },
    Step {
        name: "features: client",
        args: &[
            "check",
            "-p",
            "assured",
            "--no-default-features",
            "--features",
            "client",
        ],
        env: &[],
    },
    Step {
        name: "features: crypto",
        args: &[
            "check",
            "-p",
            "assured",
            "--no-default-features",
            "--features",
            "crypto",
        ],
        env: &[],
    },
    Step {
        name: "test",
        args: &["test", "--workspace", "--all-features"],
        env: &[],
    },
    Step {
        name: "doc",
        args: &["doc", "--workspace", "--no-deps", "--all-features"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
];

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let steps = match task.as_deref() {
        Some("ci") => CI_STEPS,
        Some("bench") => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            return bench::main(&args, &xtask::repo_root());
        }
        Some("spec-coverage") => return spec_coverage(),
        Some("codegen") => return codegen(),
        _ => {
            eprintln!("usage: cargo xtask <ci|bench|codegen|spec-coverage>");
            return ExitCode::from(2);
        }
    };
    for step in steps {
        if let Err(message) = run(step) {
            eprintln!("xtask: step `{}` FAILED: {message}", step.name);
            return ExitCode::FAILURE;
        }
    }
    eprintln!("xtask: all {} step(s) passed", steps.len());
    ExitCode::SUCCESS
}

/// `cargo xtask codegen`: writes the generated files.
fn codegen() -> ExitCode {
    match xtask::codegen::write(&xtask::repo_root()) {
        Ok(paths) => {
            for path in paths {
                println!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("xtask: codegen FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask spec-coverage`: prints the report; fails on any mismatch.
fn spec_coverage() -> ExitCode {
    match xtask::spec_coverage::check_repository(&xtask::repo_root()) {
        Ok(report) => {
            print!("{report}");
            if report.is_clean() {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "xtask: spec-coverage FAILED: {} mismatch(es)",
                    report.mismatches()
                );
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("xtask: spec-coverage FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(step: &Step) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    eprintln!("xtask: == {} == cargo {}", step.name, step.args.join(" "));
    let status = Command::new(cargo)
        .args(step.args)
        .envs(step.env.iter().copied())
        .status()
        .map_err(|err| format!("could not start cargo: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo exited with {status}"))
    }
}
