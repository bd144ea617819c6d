//! The benchmark suite behind `cargo xtask bench`: one release binary with
//! one command per scenario. Each command prints its figures as JSON lines
//! on stdout (progress goes to stderr); the runner in `xtask` collects
//! them, prints the table and writes `docs/performance.md`.
//!
//! ```text
//! suite listing [--runs N]   item 1: 10 000 providers, sequential and concurrent
//! suite npi                  item 2: NPI lookups, cold, warm and 100 at once
//! suite ssn                  item 3: SSN tokens per second on one thread
//! suite faults               item 5: the listing under counted faults and rate limits
//! suite serve [--providers N] [--latency-ms N]
//!                            a mock in this process, until stdin closes
//! suite memory <baseline|stream|collect|upload> [--file PATH]
//!                            item 4: one client scenario, then its VmHWM
//! ```
//!
//! Everything runs on loopback against `assured-mock`. Timings are printed,
//! never asserted.
#![allow(missing_docs, clippy::cast_precision_loss)]

mod args;
mod emit;
mod faults;
mod listing;
mod memory;
mod mock;
mod npi;
mod ssn;

use std::process::ExitCode;

use args::Args;

fn main() -> ExitCode {
    let mut args = Args::from_env();
    let command = args.command();
    let result = match command.as_deref() {
        Some("listing") => listing::run(&mut args),
        Some("npi") => npi::run(),
        Some("ssn") => ssn::run(),
        Some("faults") => faults::run(),
        Some("serve") => memory::serve(&mut args),
        Some("memory") => memory::run(&mut args),
        // `cargo bench` passes `--bench`; the suite is driven by the runner.
        None => {
            eprintln!("suite: run the benchmarks with `cargo xtask bench` (see its --help)");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("suite: {message}");
            ExitCode::FAILURE
        }
    }
}
