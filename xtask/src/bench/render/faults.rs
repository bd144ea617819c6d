//! Item 5's section: the listing under counted faults, a dead server and
//! the mock's rate limit, against the goals of "assured-core under faults".

use std::fmt::Write as _;

use super::super::figures::{FaultRun, Figure, RateLimitRun};
use super::{table, verdict};

/// The Python client's times (assured-py 1.3.0 `list_all(limit=100)`) on
/// the same mock without latency, as "assured-core under faults" measured
/// them, and how much faster the goal asks the listing to be.
const PYTHON: [(&str, f64, f64); 2] = [
    ("5xx every 5, 429 every 10", 12.3, 2.0),
    ("5xx every 3, 429 every 5", 56.5, 1.0),
];
/// Rate-limit goals: at least this share of the limit sustained, at most
/// this share of requests answered 429.
const MIN_SHARE_OF_LIMIT: f64 = 0.9;
const MAX_THROTTLED_SHARE: f64 = 0.05;

pub(super) fn render(figures: &[&Figure]) -> String {
    let counted: Vec<&FaultRun> = figures
        .iter()
        .filter_map(|f| match f {
            Figure::Faults(run) => Some(run),
            _ => None,
        })
        .collect();
    let limited: Vec<&RateLimitRun> = figures
        .iter()
        .filter_map(|f| match f {
            Figure::RateLimit(run) => Some(run),
            _ => None,
        })
        .collect();
    let mut out = "The listing of item 1 (10 000 providers, the facade's `all()` at default settings) on a \
                   fresh mock per row. The Python client's times are assured-py 1.3.0 on the same mock \
                   without latency, as \"assured-core under faults\" measured them; with latency they \
                   can only be longer.\n\n"
        .to_owned();
    let rows: Vec<Vec<String>> = counted
        .iter()
        .map(|r| {
            vec![
                r.scenario.clone(),
                r.outcome.clone(),
                format!("{:.2}", r.wall_s),
                r.requests.to_string(),
                r.throttled.to_string(),
                r.server_errors.to_string(),
                r.records.to_string(),
                r.duplicates.to_string(),
                r.missing.to_string(),
                python(r).map_or_else(String::new, |(secs, _)| format!("{secs} s")),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "faults",
            "result",
            "wall s",
            "requests",
            "429s",
            "5xx",
            "records",
            "duplicates",
            "missing",
            "assured-py",
        ],
        &rows,
    ));
    out.push('\n');
    for r in &counted {
        out.push_str(&counted_sentence(r));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&rate_limit_table(&limited));
    out
}

/// The rate-limit rows, each with its sentence.
fn rate_limit_table(limited: &[&RateLimitRun]) -> String {
    let rows: Vec<Vec<String>> = limited
        .iter()
        .map(|r| {
            vec![
                format!("{}/s, burst {}", r.limit_rps, r.burst),
                r.outcome.clone(),
                format!("{:.2}", r.wall_s),
                r.requests.to_string(),
                format!("{:.1}", r.req_per_s),
                format!("{:.1} %", 100.0 * r.share_of_limit),
                format!("{} ({:.1} %)", r.throttled, 100.0 * r.throttled_share),
                r.records.to_string(),
            ]
        })
        .collect();
    let mut out = table(
        &[
            "rate limit",
            "result",
            "wall s",
            "requests",
            "accepted/s",
            "of the limit",
            "429s",
            "records",
        ],
        &rows,
    );
    out.push('\n');
    for r in limited {
        let _ = writeln!(
            out,
            "- Against a limit of {} requests/s, burst {} (10 per page, 1 000 pages) the listing sustained \
             {:.1} accepted requests/s, {:.1} % of the limit (goal ≥ {:.0} %: {}), with {:.1} % of its requests answered 429 \
             (goal ≤ {:.0} %: {}); {} records, {} duplicates, {} missing.",
            r.limit_rps,
            r.burst,
            r.req_per_s,
            100.0 * r.share_of_limit,
            100.0 * MIN_SHARE_OF_LIMIT,
            verdict(r.share_of_limit >= MIN_SHARE_OF_LIMIT),
            100.0 * r.throttled_share,
            100.0 * MAX_THROTTLED_SHARE,
            verdict(r.throttled_share <= MAX_THROTTLED_SHARE),
            r.records,
            r.duplicates,
            r.missing
        );
    }
    out
}

/// The Python client's time and the speed-up goal for a counted-fault row.
fn python(run: &FaultRun) -> Option<(f64, f64)> {
    PYTHON
        .iter()
        .find(|(name, _, _)| run.scenario.starts_with(name))
        .map(|&(_, secs, factor)| (secs, factor))
}

fn counted_sentence(r: &FaultRun) -> String {
    if r.scenario.starts_with("dead server") {
        return format!(
            "- Against a dead server (a 1 000-page listing, every request 503) the listing stopped after \
             {} requests in {:.2} s ({}): the retry quota stops a retry storm instead of retrying every page.",
            r.requests, r.wall_s, r.outcome
        );
    }
    let complete = r.outcome == "ok" && r.duplicates == 0 && r.missing == 0;
    let goal = python(r).map_or_else(String::new, |(secs, factor)| {
        let needed = secs / factor;
        let claim = if factor > 1.0 {
            format!("at least {factor}× faster than assured-py's {secs} s")
        } else {
            format!("faster than assured-py's {secs} s")
        };
        format!(
            "; goal {claim}: {}",
            verdict(complete && r.wall_s <= needed)
        )
    });
    format!(
        "- Under {} the listing {} in {:.2} s with {} requests ({} answered 429, {} a 5xx), every record \
         exactly once: {}{goal}.",
        r.scenario,
        if r.outcome == "ok" {
            "completed"
        } else {
            "failed"
        },
        r.wall_s,
        r.requests,
        r.throttled,
        r.server_errors,
        if complete { "yes" } else { "NO" }
    )
}
