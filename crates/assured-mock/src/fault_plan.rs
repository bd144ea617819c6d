//! What the fault switches decide for each request: the every-N counters,
//! the random latency and the rate-limit bucket.

use std::time::{Duration, Instant};

use crate::config::{Faults, Latency};
use crate::rate_limit::{TokenBucket, retry_after_secs};
use crate::seed::Rng;

/// The switches and the state they count with.
pub(crate) struct FaultPlan {
    pub(crate) faults: Faults,
    counter: u64,
    rng: Rng,
    bucket: Option<TokenBucket>,
}

/// Why a request is answered 429.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Throttle {
    /// The `rate_limit_every` switch fired.
    EveryN { retry_after: u64 },
    /// The rate-limit bucket was empty.
    Bucket { retry_after: u64 },
}

/// What the switches decided for one request.
#[derive(Debug, Default)]
pub(crate) struct FaultDecision {
    pub(crate) delay: Option<Duration>,
    pub(crate) drop: bool,
    pub(crate) throttle: Option<Throttle>,
    pub(crate) server_error: Option<u16>,
    pub(crate) malformed: bool,
}

impl FaultPlan {
    pub(crate) fn new(faults: Faults, seed: u64) -> Self {
        let mut plan = Self {
            faults: Faults::default(),
            counter: 0,
            rng: Rng::new(&[seed, 0xFA]),
            bucket: None,
        };
        plan.replace(faults);
        plan
    }

    /// New switches: the counter restarts and the bucket is full.
    pub(crate) fn replace(&mut self, faults: Faults) {
        self.bucket = faults
            .rate_limit
            .and_then(|limit| TokenBucket::new(limit.per_second, limit.burst, Instant::now()));
        self.faults = faults;
        self.counter = 0;
    }

    pub(crate) fn decide(&mut self, key: Option<&str>) -> FaultDecision {
        if !self.faults.applies_to(key) {
            return FaultDecision::default();
        }
        self.counter += 1;
        let n = self.counter;
        let fires =
            |every: Option<u64>| every.is_some_and(|every| every > 0 && n.is_multiple_of(every));
        let delay = match self.faults.latency {
            Latency::None => None,
            Latency::Fixed(delay) => Some(delay),
            Latency::Random { min, max } => {
                let (low, high) = (min.min(max), min.max(max));
                let span = u64::try_from(high.saturating_sub(low).as_micros()).unwrap_or(u64::MAX);
                Some(low + Duration::from_micros(self.rng.below(span.saturating_add(1))))
            }
        };
        let faults = &self.faults;
        let mut decision = FaultDecision {
            delay,
            ..FaultDecision::default()
        };
        if fires(faults.drop_connection_every) {
            decision.drop = true;
        } else if fires(faults.rate_limit_every) {
            decision.throttle = Some(Throttle::EveryN {
                retry_after: faults.retry_after(),
            });
        } else if let Some(Err(wait)) = self.bucket.as_mut().map(|b| b.take(Instant::now())) {
            decision.throttle = Some(Throttle::Bucket {
                retry_after: retry_after_secs(wait),
            });
        } else if fires(faults.server_error_every) {
            decision.server_error = Some(faults.error_status());
        } else if fires(faults.malformed_json_every) {
            decision.malformed = true;
        }
        decision
    }
}
