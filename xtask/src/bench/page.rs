//! `docs/performance.md`: the command, the machine, every group's section,
//! and the figures themselves in a trailing comment, so that a run of a
//! subset can rewrite the page keeping the other groups' figures.

use std::path::{Path, PathBuf};

use super::figures::{Figure, Group};
use super::machine::Machine;
use super::render;

/// Marks the embedded figures.
const FIGURES_OPEN: &str = "<!-- figures (written by cargo xtask bench; keep)\n";
const FIGURES_CLOSE: &str = "\n-->\n";

pub(crate) fn path(root: &Path) -> PathBuf {
    root.join("docs").join("performance.md")
}

pub(crate) fn chart_path(root: &Path) -> PathBuf {
    root.join("docs").join("performance-listing.svg")
}

/// The figures embedded in an earlier page, if any (none when the page is
/// missing or its comment does not parse: those groups are re-run).
pub(crate) fn previous_figures(page: &str) -> Vec<Figure> {
    page.find(FIGURES_OPEN)
        .map(|start| &page[start + FIGURES_OPEN.len()..])
        .and_then(|rest| rest.find(FIGURES_CLOSE).map(|end| &rest[..end]))
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}

/// The figures of the groups not run now, then the new ones.
pub(crate) fn merge(previous: Vec<Figure>, ran: &[Group], new: Vec<Figure>) -> Vec<Figure> {
    let mut figures: Vec<Figure> = previous
        .into_iter()
        .filter(|f| !ran.contains(&f.group()))
        .collect();
    figures.extend(new);
    figures.sort_by_key(Figure::group);
    figures
}

/// The sections of every group, as printed and as on the page.
pub(crate) fn sections(figures: &[Figure]) -> String {
    Group::ALL
        .into_iter()
        .map(|group| render::section(group, figures))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The whole page.
pub(crate) fn render(figures: &[Figure], machine: &Machine) -> Result<String, String> {
    let json = serde_json::to_string_pretty(figures)
        .map_err(|err| format!("serialising the figures: {err}"))?
        // `-->` cannot occur outside a JSON string; inside one, this is
        // the same string, and the comment stays closed.
        .replace("-->", "--\\u003e");
    Ok(format!(
        "# Performance\n\n\
         Every figure on this page comes from one command, run on the machine below:\n\n\
         ```sh\n\
         cargo xtask bench                 # everything (the cold builds take minutes)\n\
         cargo xtask bench listing memory  # a subset: listing npi ssn memory faults build\n\
         ```\n\n\
         It builds the benchmark suite (`tests/benches/suite`) in release once, runs each \
         scenario against `assured-mock` on loopback with the mock's injected latency, prints \
         these tables and rewrites this page and its chart. A run of a subset keeps the other \
         groups' figures from the last run.\n\n\
         **Machine:** {machine}.\n\n\
         The machine is shared with other builds, so timings move from run to run (by 10–30 % \
         for the short listings); compare orders of magnitude and ratios, not the last digit. \
         Request counts, record counts and the NPI refresh's page count do not depend on the \
         noise. Tests never assert timings; these figures are measured, not checked.\n\n\
         {}\n\
         {FIGURES_OPEN}{json}{FIGURES_CLOSE}",
        sections(figures)
    ))
}

#[cfg(test)]
mod tests {
    use super::super::suite::parse;
    use super::*;

    const LISTING: &str = r#"{"bound_round_trips":14,"bound_s":0.28,"concurrency":8,"kind":"listing","latency_ms":20,"mode":"concurrent","pages":100,"ratio":1.25,"records":10000,"requests":100,"runs":[0.35,0.35],"wall_s":0.35}"#;
    const MEMORY: &str = r#"{"bytes":104857600,"kind":"memory","outcome":"error: HTTP 413 --> refused","records":0,"scenario":"upload","vm_hwm_kib":8600}"#;

    fn machine() -> Machine {
        Machine {
            cores: 2,
            memory_gib: 23.5,
            model: "test".to_owned(),
            rustc: "rustc 1.x".to_owned(),
        }
    }

    #[test]
    fn the_page_keeps_its_figures_for_the_next_run() {
        let figures = vec![parse(LISTING).unwrap(), parse(MEMORY).unwrap()];
        let page = render(&figures, &machine()).unwrap();
        // An outcome containing `-->` does not close the comment early.
        let comment = &page[page.find(FIGURES_OPEN).unwrap()..];
        assert_eq!(comment.matches("-->").count(), 1);
        let back = previous_figures(&page);
        assert_eq!(back.len(), 2);
        let Figure::Memory(memory) = &back[1] else {
            panic!("{back:?}")
        };
        assert_eq!(memory.outcome, "error: HTTP 413 --> refused");
        assert!(page.contains(
            "| concurrent engine | 8 | 0.350 | 100 | 14 (0.28 s) | 1.25× | ≤ 1.2×: NOT met |"
        ));
        assert!(page.contains("Not measured yet: `cargo xtask bench npi`."));
    }

    #[test]
    fn a_subset_run_replaces_only_its_groups() {
        let old = vec![parse(LISTING).unwrap(), parse(MEMORY).unwrap()];
        let new_listing = parse(&LISTING.replace("\"ratio\":1.25", "\"ratio\":1.1")).unwrap();
        let merged = merge(old, &[Group::Listing], vec![new_listing]);
        assert_eq!(merged.len(), 2);
        let Figure::Listing(listing) = &merged[0] else {
            panic!("{merged:?}")
        };
        assert!((listing.ratio - 1.1).abs() < 1e-9);
        assert!(matches!(merged[1], Figure::Memory(_)));
    }

    #[test]
    fn a_page_without_figures_gives_none() {
        assert!(previous_figures("# Performance\n").is_empty());
        assert!(previous_figures(&format!("{FIGURES_OPEN}not json{FIGURES_CLOSE}")).is_empty());
    }

    #[test]
    fn a_line_that_is_no_figure_is_an_error() {
        assert!(parse(r#"{"kind":"listing"}"#).is_err());
        assert!(parse(r#"{"kind":"unknown","x":1}"#).is_err());
        assert!(parse("suite: a note").is_err());
    }
}
