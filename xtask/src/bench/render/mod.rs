//! The figures as Markdown: one section per group, each a table and one
//! sentence per figure on what it means. The runner prints the sections
//! and writes them into `docs/performance.md`.

use std::fmt::Write as _;

mod build;
mod faults;
mod listing;
mod memory;
mod npi;
mod ssn;

use super::figures::{Figure, Group};

/// The section of `group`, from the figures of that group.
pub(crate) fn section(group: Group, figures: &[Figure]) -> String {
    let mine: Vec<&Figure> = figures.iter().filter(|f| f.group() == group).collect();
    let (title, body) = match group {
        Group::Listing => ("1. Listing 10 000 providers", listing::render(&mine)),
        Group::Npi => ("2. NPI lookups", npi::render(&mine)),
        Group::Ssn => ("3. SSN tokens per second", ssn::render(&mine)),
        Group::Memory => ("4. Peak memory", memory::render(&mine)),
        Group::Faults => ("5. Under faults", faults::render(&mine)),
        Group::Build => ("6. Cold build", build::render(&mine)),
    };
    let body = if mine.is_empty() {
        format!("Not measured yet: `cargo xtask bench {}`.\n", group.name())
    } else {
        body
    };
    format!("## {title}\n\n{body}")
}

/// "met" or "NOT met", for a target.
pub(crate) fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}

/// A Markdown table from a header and rows.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out
}

/// A thousands-separated integer (`10 000`), as the issue writes them.
pub(crate) fn int(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_grouped_by_thousands() {
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(1000), "1 000");
        assert_eq!(int(100_000), "100 000");
        assert_eq!(int(1_234_567), "1 234 567");
    }

    #[test]
    fn tables_have_a_separator_per_column() {
        let text = table(&["a", "b"], &[vec!["1".to_owned(), "2".to_owned()]]);
        assert_eq!(text, "| a | b |\n|---|---|\n| 1 | 2 |\n");
    }
}
