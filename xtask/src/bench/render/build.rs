//! Item 6's section: cold builds of the facade.

use std::fmt::Write as _;

use super::super::figures::Figure;
use super::table;

pub(super) fn render(figures: &[&Figure]) -> String {
    let builds: Vec<_> = figures
        .iter()
        .filter_map(|f| match f {
            Figure::ColdBuild(build) => Some(build),
            _ => None,
        })
        .collect();
    let rows: Vec<Vec<String>> = builds
        .iter()
        .map(|b| {
            vec![
                command(&b.features),
                b.crates.to_string(),
                format!("{:.0}", b.secs),
                b.outcome.clone(),
            ]
        })
        .collect();
    let mut out = "The debug build from an empty target directory (a temporary `CARGO_TARGET_DIR`), \
                   counting cargo's `Compiling` lines; dependencies' sources already downloaded.\n\n"
        .to_owned();
    out.push_str(&table(
        &["command", "crates compiled", "seconds", "outcome"],
        &rows,
    ));
    out.push('\n');
    let default = builds.iter().find(|b| b.features == "default");
    for b in &builds {
        if b.features == "default" {
            let _ = writeln!(
                out,
                "- A user's first build of the facade with default features compiles {} crates in {:.0} s \
                 on this machine: the figure to keep, since compile time is the first complaint about Rust SDKs.",
                b.crates, b.secs
            );
        } else if let Some(base) = default {
            let _ = writeln!(
                out,
                "- With `{}` it compiles {} crates in {:.0} s: {} more crates and {:.0} s more than the \
                 defaults, paid only by those who turn the feature on.",
                b.features,
                b.crates,
                b.secs,
                b.crates.saturating_sub(base.crates),
                b.secs - base.secs
            );
        }
    }
    if !builds.iter().any(|b| b.features != "default") {
        out.push_str(
            "- The facade has no `polars` feature yet; `cargo xtask bench build` measures \
             `--features polars` as soon as it exists.\n",
        );
    }
    out
}

fn command(features: &str) -> String {
    if features == "default" {
        "`cargo build -p assured`".to_owned()
    } else {
        format!("`cargo build -p assured {features}`")
    }
}
