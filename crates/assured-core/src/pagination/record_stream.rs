//! [`RecordStream`]: the public face of a listing, with its progress.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use futures_util::stream::BoxStream;
use futures_util::{Stream, StreamExt as _};
use serde::de::DeserializeOwned;

use super::engine::Engine;
use super::listing::Listing;
use crate::error::Error;

/// No value yet: a sentinel for the progress counters.
const UNKNOWN: u64 = u64::MAX;

/// Counters shared between a stream and its engine.
#[derive(Debug)]
pub(super) struct Progress {
    /// Offset of the first record not yet handed out.
    resume_offset: AtomicU64,
    /// `count` of the first page minus the start offset, or [`UNKNOWN`].
    expected: AtomicU64,
    yielded: AtomicU64,
    duplicates: AtomicU64,
    /// Records missing at the end compared with `expected`, or [`UNKNOWN`].
    shortfall: AtomicU64,
}

impl Progress {
    fn new(offset: u64) -> Self {
        Self {
            resume_offset: AtomicU64::new(offset),
            expected: AtomicU64::new(UNKNOWN),
            yielded: AtomicU64::new(0),
            duplicates: AtomicU64::new(0),
            shortfall: AtomicU64::new(UNKNOWN),
        }
    }

    /// A record at `offset` was handed out.
    pub(super) fn yielded_at(&self, offset: u64) {
        self.resume_offset
            .store(offset.saturating_add(1), Ordering::Release);
        self.yielded.fetch_add(1, Ordering::AcqRel);
    }

    /// Everything before `offset` was handed out or skipped.
    pub(super) fn passed(&self, offset: u64) {
        self.resume_offset.fetch_max(offset, Ordering::AcqRel);
    }

    pub(super) fn skipped_duplicate(&self) {
        self.duplicates.fetch_add(1, Ordering::AcqRel);
    }

    pub(super) fn set_expected(&self, expected: u64) {
        self.expected.store(expected, Ordering::Release);
    }

    pub(super) fn expected(&self) -> Option<u64> {
        known(self.expected.load(Ordering::Acquire))
    }

    pub(super) fn yielded(&self) -> u64 {
        self.yielded.load(Ordering::Acquire)
    }

    pub(super) fn set_shortfall(&self, missing: u64) {
        self.shortfall.store(missing, Ordering::Release);
    }
}

fn known(value: u64) -> Option<u64> {
    (value != UNKNOWN).then_some(value)
}

/// A stream of records from a paged endpoint, with its progress.
///
/// Implements `Stream<Item = Result<T, Error>>`; after an error it ends.
/// Dropping it stops the page fetches still in flight.
pub struct RecordStream<T> {
    inner: BoxStream<'static, Result<T, Error>>,
    progress: Arc<Progress>,
}

impl<T: Send + 'static> RecordStream<T> {
    /// A stream whose only item is `error`: lets a builder hand out a stream
    /// at once and report a bad parameter as the stream's first item.
    pub fn failed(error: Error) -> Self {
        Self {
            inner: futures_util::stream::once(async move { Err(error) }).boxed(),
            progress: Arc::new(Progress::new(0)),
        }
    }
}

impl<T: DeserializeOwned + Send + 'static> RecordStream<T> {
    pub(super) fn start(listing: Listing, offset: u64) -> Self {
        let progress = Arc::new(Progress::new(offset));
        let engine = Engine::new(listing, offset, Arc::clone(&progress));
        let inner = futures_util::stream::unfold(engine, |mut engine| async move {
            let item = engine.next_record().await?;
            Some((item, engine))
        })
        // Polling again after the end gives the end again.
        .fuse()
        .boxed();
        Self { inner, progress }
    }
}

impl<T> RecordStream<T> {
    /// Offset of the first record not yet yielded: pass it to
    /// [`Client::stream_from`](crate::Client::stream_from) to resume after a
    /// failure.
    pub fn resume_offset(&self) -> u64 {
        self.progress.resume_offset.load(Ordering::Acquire)
    }

    /// Records the first page announced (from the start offset), once known.
    pub fn expected_count(&self) -> Option<u64> {
        self.progress.expected()
    }

    /// Records yielded so far.
    pub fn yielded(&self) -> u64 {
        self.progress.yielded()
    }

    /// Records skipped because their `id` had just been yielded (on a
    /// recent page: see the [module docs](super)).
    pub fn duplicates_skipped(&self) -> u64 {
        self.progress.duplicates.load(Ordering::Acquire)
    }

    /// After the stream ended: how many fewer records it yielded than the
    /// first page's `count` announced (`Some(0)` when none were missing).
    pub fn shortfall(&self) -> Option<u64> {
        known(self.progress.shortfall.load(Ordering::Acquire))
    }
}

impl<T> Stream for RecordStream<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl<T> std::fmt::Debug for RecordStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordStream")
            .field("progress", &self.progress)
            .finish_non_exhaustive()
    }
}
