//! `docs/performance-listing.svg`: the listing's wall time against pages in
//! flight, with the round-trip bound and sequential `next`-following, as
//! hand-built SVG text (no plotting dependency for four points).

use std::fmt::Write as _;

use super::figures::{Figure, Listing};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = 60.0;

/// Pixel positions of values: concurrency on a log2 axis (1, 2, 4, 8,
/// 16 evenly spaced), seconds linear from 0 to `y_max`.
struct Frame {
    y_max: f64,
    max_log: f64,
}

impl Frame {
    fn x(&self, concurrency: u64) -> f64 {
        LEFT + (WIDTH - LEFT - RIGHT) * (concurrency as f64).log2() / self.max_log
    }

    fn y(&self, secs: f64) -> f64 {
        TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - secs / self.y_max)
    }
}

/// The chart, or `None` without listing figures.
pub(crate) fn listing_svg(figures: &[Figure]) -> Option<String> {
    let listings: Vec<&Listing> = figures
        .iter()
        .filter_map(|f| match f {
            Figure::Listing(listing) => Some(listing),
            _ => None,
        })
        .collect();
    let mut concurrent: Vec<&Listing> = listings
        .iter()
        .copied()
        .filter(|l| l.mode == "concurrent")
        .collect();
    concurrent.sort_by_key(|l| l.concurrency);
    let widest = concurrent.iter().map(|l| l.concurrency).max()?;
    let frame = Frame {
        y_max: nice_ceiling(
            listings
                .iter()
                .map(|l| l.wall_s.max(l.bound_s))
                .fold(0.0, f64::max),
        ),
        max_log: (widest as f64).log2().max(1.0),
    };
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="24" text-anchor="middle" font-size="15">Listing 10 000 providers (100 pages, 20 ms latency)</text>"#,
        WIDTH / 2.0
    );
    axes(&mut svg, &frame, &concurrent);
    series(&mut svg, &frame, &concurrent);
    if let Some(seq) = listings.iter().find(|l| l.mode == "sequential") {
        let (cx, cy) = (frame.x(1), frame.y(seq.wall_s));
        let _ = writeln!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="#c0392b"/><text x="{:.1}" y="{:.1}">sequential next: {:.2} s</text>"##,
            cx - 4.0,
            cy - 4.0,
            cx + 8.0,
            cy + 4.0,
            seq.wall_s
        );
    }
    legend(&mut svg);
    svg.push_str("</svg>\n");
    Some(svg)
}

/// Grid lines, ticks and axis titles.
fn axes(svg: &mut String, frame: &Frame, concurrent: &[&Listing]) {
    for step in 0..=4 {
        let value = frame.y_max * f64::from(step) / 4.0;
        let at = frame.y(value);
        let _ = writeln!(
            svg,
            r##"<line x1="{LEFT}" y1="{at:.1}" x2="{:.1}" y2="{at:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{value:.2}</text>"##,
            WIDTH - RIGHT,
            LEFT - 8.0,
            at + 4.0
        );
    }
    for listing in concurrent {
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            frame.x(listing.concurrency),
            HEIGHT - BOTTOM + 18.0,
            listing.concurrency
        );
    }
    let base = HEIGHT - BOTTOM;
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base:.1}" stroke="#333"/><line x1="{LEFT}" y1="{base:.1}" x2="{:.1}" y2="{base:.1}" stroke="#333"/>"##,
        WIDTH - RIGHT
    );
    let middle_x = LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
    let middle_y = TOP + (HEIGHT - TOP - BOTTOM) / 2.0;
    let _ = writeln!(
        svg,
        r#"<text x="{middle_x:.1}" y="{:.1}" text-anchor="middle">pages in flight (page concurrency)</text>"#,
        HEIGHT - 18.0
    );
    let _ = writeln!(
        svg,
        r#"<text x="18" y="{middle_y:.1}" text-anchor="middle" transform="rotate(-90 18 {middle_y:.1})">wall time, s</text>"#
    );
}

/// The bound (dashed) and the measured medians (solid, with labels).
fn series(svg: &mut String, frame: &Frame, concurrent: &[&Listing]) {
    let points = |value: fn(&Listing) -> f64| {
        concurrent
            .iter()
            .map(|l| format!("{:.1},{:.1}", frame.x(l.concurrency), frame.y(value(l))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(
        svg,
        r##"<polyline points="{}" fill="none" stroke="#888" stroke-width="2" stroke-dasharray="6 4"/>"##,
        points(|l| l.bound_s)
    );
    let _ = writeln!(
        svg,
        r##"<polyline points="{}" fill="none" stroke="#1f5fbf" stroke-width="2.5"/>"##,
        points(|l| l.wall_s)
    );
    for l in concurrent {
        let (cx, cy) = (frame.x(l.concurrency), frame.y(l.wall_s));
        let _ = writeln!(
            svg,
            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="4" fill="#1f5fbf"/><text x="{:.1}" y="{:.1}">{:.2} s ({:.2}×)</text>"##,
            cx + 7.0,
            cy - 7.0,
            l.wall_s,
            l.ratio
        );
    }
}

fn legend(svg: &mut String) {
    let x = WIDTH - RIGHT - 210.0;
    let _ = writeln!(
        svg,
        r##"<line x1="{x}" y1="{TOP}" x2="{:.1}" y2="{TOP}" stroke="#1f5fbf" stroke-width="2.5"/><text x="{:.1}" y="{:.1}">concurrent engine (median)</text>"##,
        x + 24.0,
        x + 30.0,
        TOP + 4.0
    );
    let _ = writeln!(
        svg,
        r##"<line x1="{x}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#888" stroke-width="2" stroke-dasharray="6 4"/><text x="{:.1}" y="{:.1}">round-trip bound</text>"##,
        TOP + 18.0,
        x + 24.0,
        TOP + 18.0,
        x + 30.0,
        TOP + 22.0
    );
}

/// A round axis maximum at or above `value` (1, 2 or 5 times a power of ten).
fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|candidate| *candidate >= value)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::super::suite::parse;
    use super::*;

    fn listing(mode: &str, concurrency: u64, wall: f64, bound: f64) -> Figure {
        parse(&format!(
            r#"{{"kind":"listing","mode":"{mode}","concurrency":{concurrency},"records":10000,"pages":100,"requests":100,"latency_ms":20,"runs":[{wall}],"wall_s":{wall},"bound_round_trips":1,"bound_s":{bound},"ratio":{}}}"#,
            wall / bound
        ))
        .unwrap()
    }

    #[test]
    fn the_chart_plots_each_concurrency_and_the_bound() {
        let figures = vec![
            listing("sequential", 1, 2.1, 2.0),
            listing("concurrent", 1, 2.05, 2.0),
            listing("concurrent", 4, 0.6, 0.52),
            listing("concurrent", 16, 0.2, 0.16),
        ];
        let svg = listing_svg(&figures).unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains("sequential next: 2.10 s"));
        assert!(svg.contains("0.20 s (1.25×)"));
        // Ticks of 2.5 s: the largest value (2.1 s) rounded up.
        assert!(svg.contains(">2.50</text>"));
    }

    #[test]
    fn no_listing_no_chart() {
        assert!(listing_svg(&[]).is_none());
    }

    #[test]
    fn axis_maxima_are_round() {
        assert!((nice_ceiling(2.1) - 2.5).abs() < 1e-9);
        assert!((nice_ceiling(0.42) - 0.5).abs() < 1e-9);
        assert!((nice_ceiling(7.0) - 10.0).abs() < 1e-9);
    }
}
