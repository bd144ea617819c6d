//! Page fetches run as tasks of their own, so they make progress (and
//! release their in-flight permit, and finish within their timeout) however
//! slowly the stream is consumed; kept in listing order, and aborted when
//! the listing no longer needs them.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_util::StreamExt as _;
use futures_util::stream::FuturesOrdered;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use super::listing::Listing;
use crate::error::{EndpointRef, Error};

/// Where a page was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PageRequest {
    pub(super) offset: u64,
    pub(super) limit: u32,
}

/// A spawned page fetch; dropping it aborts the task.
struct PageTask {
    request: PageRequest,
    handle: JoinHandle<Result<Bytes, Error>>,
    endpoint: EndpointRef,
}

impl Drop for PageTask {
    fn drop(&mut self) {
        // A no-op once the task has finished.
        self.handle.abort();
    }
}

impl Future for PageTask {
    type Output = (PageRequest, Result<Bytes, Error>);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let request = self.request;
        Pin::new(&mut self.handle).poll(cx).map(|joined| {
            let result = joined.unwrap_or_else(|err| {
                Err(Error::Pagination {
                    endpoint: self.endpoint,
                    message: format!(
                        "the fetch of the page at offset {} did not finish: {err}",
                        request.offset
                    ),
                })
            });
            (request, result)
        })
    }
}

/// The pages in flight, in listing order.
#[derive(Default)]
pub(super) struct PageTasks {
    pending: FuturesOrdered<PageTask>,
    /// Fetches not yet finished (the rest of `pending` waits to be taken).
    in_flight: Arc<AtomicUsize>,
    /// Of those, fetches waiting out a throttle's `Retry-After`: they send
    /// nothing meanwhile, so other pages may be fetched in their stead (the
    /// client's pacing, not the page count, then bounds the rate).
    throttled: Arc<AtomicUsize>,
    /// Signalled whenever a fetch finishes, in order or not.
    finished: Arc<Notify>,
    /// A fetch has failed: the listing ends at that page, so starting pages
    /// after it would only add requests.
    failed: Arc<AtomicBool>,
}

impl PageTasks {
    /// Starts fetching a page now, on the runtime polling the stream.
    pub(super) fn spawn(&mut self, listing: &Listing, request: PageRequest) -> Result<(), Error> {
        let runtime = tokio::runtime::Handle::try_current()
            .map_err(|_| listing.error("a listing must be polled on a Tokio runtime".to_owned()))?;
        let fetcher = listing.clone();
        let in_flight = Arc::clone(&self.in_flight);
        let finished = Arc::clone(&self.finished);
        let failed = Arc::clone(&self.failed);
        let throttled = Arc::clone(&self.throttled);
        in_flight.fetch_add(1, Ordering::AcqRel);
        let handle = runtime.spawn(async move {
            let watch = |waiting: bool| {
                if waiting {
                    throttled.fetch_add(1, Ordering::AcqRel);
                    // Room for another fetch meanwhile.
                    finished.notify_one();
                } else {
                    throttled.fetch_sub(1, Ordering::AcqRel);
                }
            };
            let result = fetcher
                .fetch(request.offset, request.limit, Some(&watch))
                .await;
            if result.is_err() {
                failed.store(true, Ordering::Release);
            }
            in_flight.fetch_sub(1, Ordering::AcqRel);
            finished.notify_one();
            result
        });
        self.pending.push_back(PageTask {
            request,
            handle,
            endpoint: listing.descriptor.into(),
        });
        Ok(())
    }

    /// Pages in flight or fetched and not yet taken.
    pub(super) fn len(&self) -> usize {
        self.pending.len()
    }

    /// Fetches still running, but for those waiting out a throttle.
    pub(super) fn in_flight(&self) -> usize {
        self.in_flight
            .load(Ordering::Acquire)
            .saturating_sub(self.throttled.load(Ordering::Acquire))
    }

    /// Whether a fetch has failed (the listing will end at its page).
    pub(super) fn any_failed(&self) -> bool {
        self.failed.load(Ordering::Acquire)
    }

    /// The next page in listing order once fetched (`Some`), or `None`
    /// when a fetch behind it finished first (room for another fetch), or
    /// none is pending.
    pub(super) async fn next_or_finished(&mut self) -> Option<(PageRequest, Result<Bytes, Error>)> {
        if self.pending.is_empty() {
            return None;
        }
        let finished = Arc::clone(&self.finished);
        let notified = std::pin::pin!(finished.notified());
        // The head first: a finished head is taken, not merely noticed.
        match futures_util::future::select(self.pending.next(), notified).await {
            futures_util::future::Either::Left((next, _)) => next,
            futures_util::future::Either::Right(((), _)) => None,
        }
    }

    /// Whether any page is pending.
    pub(super) fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Aborts every page still in flight.
    pub(super) fn abort_all(&mut self) {
        self.pending = FuturesOrdered::new();
        // Aborted fetches never decrement: start the counts afresh.
        self.in_flight = Arc::new(AtomicUsize::new(0));
        self.throttled = Arc::new(AtomicUsize::new(0));
    }
}
