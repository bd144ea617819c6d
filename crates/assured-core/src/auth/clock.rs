//! The time the JWT cache reads: the wall clock, which `exp` claims are
//! measured against, but never behind the monotonic time elapsed since the
//! cache was made.
//!
//! Following tokio's monotonic clock as well keeps the cache testable with a
//! paused runtime clock (`tokio::time::advance`), and keeps time moving
//! forward when the wall clock is set back.

use std::time::SystemTime;

use tokio::time::Instant;

#[derive(Debug)]
pub(super) struct Clock {
    origin_wall: SystemTime,
    origin: Instant,
}

impl Clock {
    pub(super) fn new() -> Self {
        Self {
            origin_wall: SystemTime::now(),
            origin: Instant::now(),
        }
    }

    pub(super) fn now(&self) -> SystemTime {
        let wall = SystemTime::now();
        // Elapsed monotonic time is bounded by the process's life, so the
        // sum cannot overflow; fall back to the wall clock if it did.
        let monotonic = self
            .origin_wall
            .checked_add(self.origin.elapsed())
            .unwrap_or(wall);
        wall.max(monotonic)
    }
}
