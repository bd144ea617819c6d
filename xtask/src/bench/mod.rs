//! `cargo xtask bench [GROUP...]`: the benchmark suite with one command.
//!
//! Groups: `listing` (item 1), `npi` (2), `ssn` (3), `memory` (4),
//! `faults` (5), `build` (6); none given runs them all. The suite binary
//! is built once in release; memory is measured in a fresh process per
//! scenario; the cold builds use a temporary target directory. The tables
//! are printed and `docs/performance.md` and its chart are rewritten
//! (`--no-write` only prints; `--rewrite` runs nothing and rewrites the
//! page and chart from the figures the page already holds).

// Figures are counts and sizes far below 2^52: the casts to f64 are exact.
#![allow(clippy::cast_precision_loss)]

mod chart;
mod cold_build;
mod figures;
mod machine;
mod memory;
mod page;
mod render;
mod suite;

use std::path::Path;
use std::process::ExitCode;

use figures::{Figure, Group};
use machine::Machine;

const USAGE: &str =
    "usage: cargo xtask bench [--no-write | --rewrite] [listing|npi|ssn|memory|faults|build ...]";

/// Entry point; `args` are the words after `bench`.
pub(crate) fn main(args: &[String], root: &Path) -> ExitCode {
    let mut write = true;
    let mut rewrite = false;
    let mut groups = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--no-write" => write = false,
            "--rewrite" => rewrite = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            name => match Group::from_name(name) {
                Some(group) if !groups.contains(&group) => groups.push(group),
                Some(_) => {}
                None => {
                    eprintln!("xtask: unknown bench group `{name}`\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
        }
    }
    if rewrite {
        groups.clear();
    } else if groups.is_empty() {
        groups = Group::ALL.to_vec();
    }
    groups.sort();
    match run(&groups, root, write) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: bench FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(groups: &[Group], root: &Path, write: bool) -> Result<(), String> {
    let needs_suite = groups.iter().any(|g| *g != Group::Build);
    let suite = if needs_suite {
        Some(suite::build(root)?)
    } else {
        None
    };
    let mut figures: Vec<Figure> = Vec::new();
    let mut ran = Vec::new();
    let mut failed = Vec::new();
    for &group in groups {
        let measured = match (group, suite.as_deref()) {
            (Group::Build, _) => cold_build::run(root),
            (Group::Memory, Some(suite)) => memory::run(suite),
            (_, Some(suite)) => suite::run(suite, &[group.name()]),
            (_, None) => Err("the suite was not built".to_owned()),
        };
        // A failed group keeps its earlier figures; the others still count.
        match measured {
            Ok(measured) => {
                figures.extend(measured);
                ran.push(group);
            }
            Err(message) => {
                eprintln!("xtask: bench group `{}` FAILED: {message}", group.name());
                failed.push(group.name());
            }
        }
    }
    let page_path = page::path(root);
    let previous = std::fs::read_to_string(&page_path).unwrap_or_default();
    let all = page::merge(page::previous_figures(&previous), &ran, figures);
    println!("{}", page::sections(&all));
    if write {
        let machine = Machine::read();
        let text = page::render(&all, &machine)?;
        std::fs::write(&page_path, text)
            .map_err(|err| format!("writing {}: {err}", page_path.display()))?;
        eprintln!("xtask: wrote {}", page_path.display());
        if let Some(svg) = chart::listing_svg(&all) {
            let chart_path = page::chart_path(root);
            std::fs::write(&chart_path, svg)
                .map_err(|err| format!("writing {}: {err}", chart_path.display()))?;
            eprintln!("xtask: wrote {}", chart_path.display());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("group(s) failed: {}", failed.join(", ")))
    }
}
