//! [`UploadProgress`]: the bytes of a request body as the transport reads
//! them, for a progress bar on a large upload.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// How far one attempt at sending a body has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Transferred {
    /// Bytes handed to the transport so far by this attempt.
    pub sent: u64,
    /// The body's length in bytes.
    pub total: u64,
    /// Which attempt this is, from 1: a retry sends the body again from its
    /// first byte, and reports from `sent: 0` again.
    pub attempt: u32,
}

/// Observes a request body as it is sent: the callback is called when an
/// attempt starts (`sent: 0`) and after every chunk the transport reads
/// (at most 64 KiB, so a large file reports as it goes).
///
/// Attach it with [`MultipartForm::progress`](crate::MultipartForm::progress)
/// or [`RequestBody::with_progress`](super::RequestBody::with_progress).
/// Cheap to clone; every clone reports to the same callback and counts
/// attempts together. The callback runs on the task that sends the request,
/// so it should be quick (update a bar, store a number).
///
/// ```
/// use std::sync::Arc;
/// use std::sync::atomic::{AtomicU64, Ordering};
/// use assured_core::transport::UploadProgress;
///
/// let sent = Arc::new(AtomicU64::new(0));
/// let seen = Arc::clone(&sent);
/// let progress = UploadProgress::new(move |step| seen.store(step.sent, Ordering::Relaxed));
/// # drop(progress);
/// ```
#[derive(Clone)]
pub struct UploadProgress {
    callback: Arc<dyn Fn(Transferred) + Send + Sync>,
    attempts: Arc<AtomicU32>,
}

impl UploadProgress {
    /// Reports every step to `callback`.
    pub fn new(callback: impl Fn(Transferred) + Send + Sync + 'static) -> Self {
        Self {
            callback: Arc::new(callback),
            attempts: Arc::new(AtomicU32::new(0)),
        }
    }

    /// How many attempts have started sending the body.
    pub fn attempts(&self) -> u32 {
        self.attempts.load(Ordering::Relaxed)
    }

    /// A new attempt starts: reports `sent: 0` and returns its number.
    pub(crate) fn start(&self, total: u64) -> u32 {
        let attempt = self
            .attempts
            .fetch_add(1, Ordering::Relaxed)
            .saturating_add(1);
        self.report(0, total, attempt);
        attempt
    }

    pub(crate) fn report(&self, sent: u64, total: u64, attempt: u32) {
        (self.callback)(Transferred {
            sent,
            total,
            attempt,
        });
    }
}

impl fmt::Debug for UploadProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UploadProgress")
            .field("attempts", &self.attempts())
            .finish_non_exhaustive()
    }
}
