//! Figures go to stdout as one JSON object per line, for the runner.

use std::io::Write as _;

use serde_json::Value;

/// Prints one figure (an object with a `kind`) and flushes, so a runner
/// reading the pipe sees it at once.
pub(crate) fn figure(value: &Value) {
    let mut out = std::io::stdout().lock();
    // A closed pipe means the runner is gone; there is no one to tell.
    let _ = writeln!(out, "{value}");
    let _ = out.flush();
}

/// A progress note for the person watching (stderr, not parsed).
pub(crate) fn note(text: &str) {
    eprintln!("suite: {text}");
}

/// The median of some timings (sorted in place); 0 for none.
pub(crate) fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        len if len % 2 == 1 => values[len / 2],
        len => f64::midpoint(values[len / 2 - 1], values[len / 2]),
    }
}
