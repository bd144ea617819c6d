//! When and how long to retry: the policy (attempts, backoff, time), the
//! classifier (what an outcome allows: [`StandardClassifier`] unless the
//! policy holds a [`RetryClassifier`] of your own), and the client-wide
//! retry quota.
//!
//! * Idempotent requests (GET, PUT, DELETE and the catalog's idempotent
//!   `PATCH`es) retry on 429, 502, 503, 504 and transport failures.
//! * Other requests (POST) retry only when the server provably did not
//!   process them: a 429, or a connection that failed before the request was
//!   sent.
//! * A throttle (429) waits what its `Retry-After` asks (capped) and costs
//!   nothing from the quota: the server said when to come back. Its retries
//!   are bounded by their own count and by the total time.
//! * Server errors and transport failures back off exponentially with full
//!   jitter and spend the client-wide [retry quota](RetryQuota), in the
//!   manner of the AWS SDKs' standard mode: a retry costs 5 tokens (a timeout
//!   10), a retry that succeeds gives its cost back and any other success
//!   adds 1. A sustained error rate that retries fix never empties it; a
//!   dead server does, after about 100 failed retries, and then failures are
//!   returned at once until successes refill it.

mod classify;
mod policy;
mod quota;
mod retry_after;
mod state;

pub use classify::{
    AttemptOutcome, FailedAttempt, RetryClassifier, RetryDecision, StandardClassifier,
};
pub(crate) use classify::{Decision, classify};
pub use policy::RetryPolicy;
pub(crate) use quota::QuotaBucket;
pub use quota::RetryQuota;
pub(crate) use retry_after::parse_retry_after;
pub(crate) use state::{GiveUp, RetryState};
