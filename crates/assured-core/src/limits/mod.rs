//! Client-wide rate limits: a fixed request rate when configured, and the
//! [adaptive rate](adaptive) that follows a server's rate limit, applied by
//! the [pacing layer](layer) of the request stack. (The cap on requests in
//! flight is tower's `ConcurrencyLimit`, the next layer down.)
//!
//! The pacer is our own: tower's `RateLimit` admits a fixed number of
//! requests per window all at once (a burst at each window start, which a
//! server's token bucket answers with 429s) and its rate cannot change at
//! run time, which the adaptive rate needs; `governor` reads its own clock,
//! not tokio's, so pacing could not be tested under tokio's paused clock.

mod adaptive;
pub(crate) mod layer;
mod pacing;

use tokio::time::Instant;

use adaptive::AdaptiveRate;
use pacing::Pacer;

/// The rates of one client, shared by every clone of its stack.
#[derive(Debug)]
pub(crate) struct Limits {
    fixed: Pacer,
    adaptive: AdaptiveRate,
    adaptive_pacer: Pacer,
}

impl Limits {
    pub(crate) fn new(requests_per_second: Option<f64>) -> Self {
        Self {
            fixed: Pacer::new(requests_per_second),
            adaptive: AdaptiveRate::default(),
            adaptive_pacer: Pacer::new(None),
        }
    }

    /// Feeds the reply to a request sent at `sent` (throttled or not) to
    /// the adaptive rate.
    pub(crate) fn record_reply(&self, sent: Instant, throttled: bool) {
        let rate = self.adaptive.record(sent, throttled, Instant::now());
        self.adaptive_pacer.set_rate(rate);
    }
}
