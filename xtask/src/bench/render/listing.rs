//! Item 1's section: wall time against the round-trip bound.

use std::fmt::Write as _;

use super::super::figures::{Figure, Listing};
use super::{int, table, verdict};

/// Targets of the ratio to the bound, by pages in flight.
pub(crate) fn target(listing: &Listing) -> Option<f64> {
    match (listing.mode.as_str(), listing.concurrency) {
        ("concurrent", 8) => Some(1.2),
        ("concurrent", 16) => Some(1.3),
        _ => None,
    }
}

pub(super) fn render(figures: &[&Figure]) -> String {
    let rows: Vec<&Listing> = figures
        .iter()
        .filter_map(|f| match f {
            Figure::Listing(listing) => Some(listing),
            _ => None,
        })
        .collect();
    let Some(first) = rows.first() else {
        return String::new();
    };
    let sequential = rows
        .iter()
        .find(|r| r.mode == "sequential")
        .map(|r| r.wall_s);
    let mut out = format!(
        "All {} providers, {} pages of {}, {} ms of injected latency per request; \
         the median of {} runs each, a fresh client per run. The bound is \
         1 + ceil((pages − 1) / concurrency) round trips of the latency.\n\n",
        int(first.records),
        first.pages,
        first.records / first.pages.max(1),
        first.latency_ms,
        first.runs.len()
    );
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                mode_name(r),
                r.concurrency.to_string(),
                format!("{:.3}", r.wall_s),
                r.requests.to_string(),
                format!("{} ({:.2} s)", r.bound_round_trips, r.bound_s),
                format!("{:.2}×", r.ratio),
                target(r).map_or_else(String::new, |t| {
                    format!("≤ {t}×: {}", verdict(r.ratio <= t))
                }),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "mode",
            "pages in flight",
            "wall s",
            "requests",
            "bound, round trips",
            "ratio",
            "target",
        ],
        &table_rows,
    ));
    out.push('\n');
    for r in &rows {
        out.push_str(&sentence(r, sequential));
        out.push('\n');
    }
    if let Some(seq) = rows.iter().find(|r| r.mode == "sequential") {
        let per_page_ms = 1000.0 * (seq.wall_s - seq.bound_s) / seq.pages.max(1) as f64;
        let _ = writeln!(
            out,
            "- What the bound leaves out is the work per page (the mock generating and the client \
             decoding {} records, in one process here): {per_page_ms:.1} ms per page, read off the \
             sequential row. With many pages in flight it queues for the machine's two shared cores, \
             which is why the ratio grows with concurrency on a busy machine.",
            seq.records / seq.pages.max(1)
        );
    }
    out.push_str(
        "\n![Listing wall time against pages in flight, with the round-trip bound](performance-listing.svg)\n",
    );
    out
}

fn mode_name(listing: &Listing) -> String {
    if listing.mode == "sequential" {
        "sequential `next`".to_owned()
    } else {
        "concurrent engine".to_owned()
    }
}

fn sentence(r: &Listing, sequential: Option<f64>) -> String {
    if r.mode == "sequential" {
        return format!(
            "- Following `next` page after page (what the Python client does) took {:.2} s \
             for {} requests, {:.2}× its bound of {} round trips: each page waits for the \
             one before it.",
            r.wall_s, r.requests, r.ratio, r.bound_round_trips
        );
    }
    let speedup = sequential.map_or_else(String::new, |s| {
        format!(", {:.1}× faster than following `next`", s / r.wall_s)
    });
    let goal = target(r).map_or_else(String::new, |t| {
        format!(" (target ≤ {t}×: {})", verdict(r.ratio <= t))
    });
    format!(
        "- With {} page(s) in flight the engine took {:.3} s for {} requests, {:.2}× the bound \
         of {} round trips{goal}{speedup}.",
        r.concurrency, r.wall_s, r.requests, r.ratio, r.bound_round_trips
    )
}
