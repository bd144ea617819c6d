//! Item 3's section: SSN tokens per second on one core.

use super::super::figures::Figure;
use super::{int, table};

pub(super) fn render(figures: &[&Figure]) -> String {
    let mut rows = Vec::new();
    let mut sentences = Vec::new();
    for figure in figures {
        let Figure::Ssn(rate) = figure else { continue };
        let per_second = rate.per_second.round().max(0.0);
        // Rates are far below 2^53, so the float holds the integer exactly.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let per_second = int(per_second as u64);
        let (name, meaning) = if rate.mode == "cached_key" {
            (
                "key cached (derived once per JWT)",
                "the helpers' case: one SHA-256 per session, then AES-256-CTR over 9 bytes, a random IV and Base64 per token",
            )
        } else {
            (
                "key derived per token",
                "what a caller pays who keeps no key: a SHA-256 of the JWT for every token",
            )
        };
        rows.push(vec![
            name.to_owned(),
            per_second.clone(),
            format!("{:.0}", 1e9 / rate.per_second),
        ]);
        sentences.push(format!(
            "- With the {name}, one thread makes {per_second} tokens per second: {meaning}."
        ));
    }
    let mut out = "One thread, a 2-second run per mode, the key material a session JWT minted by the mock.\n\n".to_owned();
    out.push_str(&table(&["mode", "tokens/s", "ns per token"], &rows));
    out.push('\n');
    for sentence in sentences {
        out.push_str(&sentence);
        out.push('\n');
    }
    out
}
