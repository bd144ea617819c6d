//! Item 2's section: NPI lookups, cold, warm and concurrent.

use super::super::figures::Figure;
use super::{int, table, verdict};

pub(super) fn render(figures: &[&Figure]) -> String {
    let mut rows = Vec::new();
    let mut sentences = Vec::new();
    for figure in figures {
        match figure {
            Figure::NpiCold(cold) => {
                rows.push(vec![
                    "one cold lookup".to_owned(),
                    format!("{:.3} s", cold.wall_s),
                    cold.list_requests.to_string(),
                ]);
                sentences.push(format!(
                    "- A cold lookup among {} providers took {:.3} s: one refresh of the index, \
                     {} list requests (the whole provider list, as the API has no NPI search).",
                    int(cold.providers),
                    cold.wall_s,
                    cold.list_requests
                ));
            }
            Figure::NpiWarm(warm) => {
                rows.push(vec![
                    format!("warm lookup (mean of {})", int(warm.lookups)),
                    format!("{:.0} ns", warm.ns_per_lookup),
                    warm.extra_requests.to_string(),
                ]);
                sentences.push(format!(
                    "- Once the index is built a lookup costs {:.0} ns (a hash lookup and a clone \
                     of the record) and sends {} requests.",
                    warm.ns_per_lookup, warm.extra_requests
                ));
            }
            Figure::NpiConcurrent(many) => {
                let same = many.list_requests == many.refresh_pages;
                rows.push(vec![
                    format!("{} concurrent cold lookups", many.lookups),
                    format!("{:.3} s", many.wall_s),
                    format!(
                        "{} (one refresh: {}; must be equal: {})",
                        many.list_requests,
                        many.refresh_pages,
                        verdict(same)
                    ),
                ]);
                sentences.push(format!(
                    "- {} lookups started together on a fresh client sent {} list requests, \
                     {} the {} pages of one refresh: they share a single refresh.",
                    many.lookups,
                    many.list_requests,
                    if same { "exactly" } else { "NOT" },
                    many.refresh_pages
                ));
            }
            _ => {}
        }
    }
    let mut out =
        "Against the mock's 10 000 providers, 100 per page, 20 ms latency.\n\n".to_owned();
    out.push_str(&table(&["lookup", "time", "list requests"], &rows));
    out.push('\n');
    for sentence in sentences {
        out.push_str(&sentence);
        out.push('\n');
    }
    out
}
