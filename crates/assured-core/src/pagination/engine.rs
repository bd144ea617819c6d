//! The engine behind [`RecordStream`](super::RecordStream): pages fetched by
//! [tasks](super::page_tasks), taken in order, checked, de-duplicated and
//! decoded into a buffer of at most one page.

use std::collections::VecDeque;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::dedup::DedupWindow;
use super::listing::{Listing, NextLink, decode_page};
use super::page_tasks::{PageRequest, PageTasks};
use super::plan::{Plan, page_budget};
use super::record_stream::Progress;
use crate::client::decode;
use crate::error::{EndpointRef, Error};

pub(super) struct Engine<T> {
    listing: Listing,
    /// The page size asked for.
    limit: u32,
    /// Most pages in flight at once.
    concurrency: usize,
    /// Most pages held at once (in flight, or fetched and waiting behind a
    /// slower page): a page stuck in a retry does not stop the others.
    held: usize,
    plan: Plan,
    tasks: PageTasks,
    /// Records decoded and waiting to be yielded, with their offsets.
    buffer: VecDeque<(u64, T)>,
    /// The error to yield once the records before it are out.
    deferred: Option<Error>,
    dedup: DedupWindow,
    /// Page requests still allowed, once the first page's `count` sets it.
    budget: Option<u64>,
    pages_processed: u64,
    /// No more pages will be asked for or taken.
    ended: bool,
    /// The stream has yielded its last item.
    over: bool,
    progress: Arc<Progress>,
}

/// Pages that may be held per page in flight: fetched pages wait behind a
/// slower one (a throttled page waits its `Retry-After`) while fetching
/// goes on, within a bound on memory.
const LOOKAHEAD: usize = 4;

/// Records that may be held, at least: with small pages, enough pages to
/// keep fetching through a whole `Retry-After` of the page at the head (a
/// second, at a few hundred pages a second), so a throttle does not stall
/// the listing.
const LOOKAHEAD_RECORDS: usize = 4096;

impl<T: DeserializeOwned + Send + 'static> Engine<T> {
    pub(super) fn new(listing: Listing, offset: u64, progress: Arc<Progress>) -> Self {
        let config = listing.client.config();
        // Never more pages at once than the client may have requests in
        // flight: the caller's own calls keep a share of the permits.
        let concurrency = listing
            .client
            .options()
            .page_concurrency_value()
            .unwrap_or(config.page_concurrency)
            .min(config.max_in_flight)
            .max(1);
        let limit = listing.client.page_size();
        let held = concurrency
            .saturating_mul(LOOKAHEAD)
            .max(LOOKAHEAD_RECORDS / usize::try_from(limit.max(1)).unwrap_or(usize::MAX));
        Self {
            limit,
            concurrency,
            held,
            plan: Plan::First(offset),
            tasks: PageTasks::default(),
            buffer: VecDeque::new(),
            deferred: None,
            // Pages fetched together shift together: remember the ids of
            // as many pages as can be in flight and waiting with the current
            // one (a record moves by a page or two, not by the whole
            // look-ahead of small pages).
            dedup: DedupWindow::new(concurrency.saturating_mul(LOOKAHEAD).saturating_add(1)),
            budget: None,
            pages_processed: 0,
            ended: false,
            over: false,
            progress,
            listing,
        }
    }

    /// The next record, an error (after which the stream ends), or the end.
    pub(super) async fn next_record(&mut self) -> Option<Result<T, Error>> {
        loop {
            if let Some((offset, record)) = self.buffer.pop_front() {
                self.progress.yielded_at(offset);
                return Some(Ok(record));
            }
            if self.over {
                return None;
            }
            if let Some(err) = self.deferred.take() {
                self.over = true;
                return Some(Err(err));
            }
            if self.ended {
                self.over = true;
                self.finish();
                return None;
            }
            self.advance().await;
        }
    }

    /// Takes the next page in order and processes it.
    async fn advance(&mut self) {
        if let Plan::First(offset) = self.plan {
            self.plan = Plan::Follow;
            self.request(PageRequest {
                offset,
                limit: self.limit,
            });
        }
        match self.tasks.next_or_finished().await {
            None if self.tasks.is_empty() => self.stop(),
            // A page behind the head finished: room for another fetch.
            None => self.refill(),
            Some((request, Ok(bytes))) => self.process(request, &bytes),
            Some((_, Err(err))) => self.fail(err),
        }
    }

    /// Ends the listing with `err`, after the records already decoded.
    fn fail(&mut self, err: Error) {
        self.deferred = Some(err);
        self.stop();
    }

    /// Ends the listing: no more pages; the ones in flight are aborted.
    fn stop(&mut self) {
        self.ended = true;
        self.tasks.abort_all();
    }

    /// Starts fetching a page, within the budget.
    fn request(&mut self, request: PageRequest) {
        if let Some(left) = self.budget.as_mut() {
            if *left == 0 {
                let err = self.listing.error(format!(
                    "the server still announces pages at offset {} after twice as many pages as its `count` announced",
                    request.offset
                ));
                return self.fail(err);
            }
            *left -= 1;
        }
        if let Err(err) = self.tasks.spawn(&self.listing, request) {
            self.fail(err);
        }
    }

    /// Keeps up to `concurrency` ranged pages in flight, and at most `held`
    /// pending in all.
    fn refill(&mut self) {
        while !self.ended
            && !self.tasks.any_failed()
            && self.tasks.in_flight() < self.concurrency
            && self.tasks.len() < self.held
        {
            let Some(request) = self.plan.take_ranged() else {
                break;
            };
            self.request(request);
        }
    }

    /// Decodes a page into the buffer and decides what comes after it.
    fn process(&mut self, request: PageRequest, bytes: &[u8]) {
        let first = self.pages_processed == 0;
        self.pages_processed += 1;
        let descriptor = self.listing.descriptor;
        let page = match decode_page(descriptor, bytes) {
            Ok(page) => page,
            Err(err) => return self.fail(err),
        };
        let offset = request.offset;
        let mut fresh: u64 = 0;
        self.dedup.start_page();
        for (index, raw) in page.results.iter().enumerate() {
            let Some(record_offset) = u64::try_from(index)
                .ok()
                .and_then(|index| offset.checked_add(index))
            else {
                let err = self.listing.error(format!(
                    "the page at offset {offset} runs past the largest offset"
                ));
                return self.fail(err);
            };
            if !self.dedup.first_sighting(raw) {
                self.progress.skipped_duplicate();
                continue;
            }
            match decode::<T>(descriptor, raw.get().as_bytes()) {
                Ok(record) => self.buffer.push_back((record_offset, record)),
                Err(err) => return self.fail(err),
            }
            fresh += 1;
        }
        let len = u64::try_from(page.results.len()).unwrap_or(u64::MAX);
        if self.buffer.is_empty() {
            // A page of duplicates only moves the resume point past itself.
            self.progress.passed(offset.saturating_add(len));
        }
        let next = match NextLink::parse(&self.listing, page.next.as_deref()) {
            Ok(next) => next,
            Err(err) => return self.fail(err),
        };
        if first {
            self.progress
                .set_expected(page.count.saturating_sub(offset));
        }
        // The first page in order that ends the list, or shows the server
        // is not paging, ends the listing: pages after it are not awaited.
        let Some(next) = next else {
            return self.stop();
        };
        let refusal = if len == 0 {
            Some(format!(
                "the page at offset {offset} is empty but announces another page"
            ))
        } else if fresh == 0 {
            Some(format!(
                "the page at offset {offset} only repeats records already yielded but announces another page (does the server ignore `offset`?)"
            ))
        } else if next.offset <= offset {
            Some(format!(
                "the page at offset {offset} has a `next` link to offset {} (a pagination loop)",
                next.offset
            ))
        } else {
            None
        };
        if let Some(message) = refusal {
            let err = self.listing.error(message);
            return self.fail(err);
        }
        if first {
            self.plan = Plan::after_first(request, page.count, next);
            self.budget = page_budget(request, page.count, next, self.plan);
        }
        self.schedule_after(next);
    }

    /// Asks for the pages after one whose `next` link is `next`.
    fn schedule_after(&mut self, next: NextLink) {
        if matches!(self.plan, Plan::Ranged { .. }) {
            self.refill();
            if self.ended || !self.tasks.is_empty() {
                return;
            }
            // Every page `count` announced is in and the last one still
            // has a `next`: the list grew; follow it link by link.
            self.plan = Plan::Follow;
        }
        let limit = next.limit.map_or(self.limit, |limit| limit.min(self.limit));
        self.request(PageRequest {
            offset: next.offset,
            limit,
        });
    }

    /// Records the shortfall when the listing ends.
    fn finish(&self) {
        let Some(expected) = self.progress.expected() else {
            return;
        };
        let got = self.progress.yielded();
        let missing = expected.saturating_sub(got);
        self.progress.set_shortfall(missing);
        if missing > 0 {
            tracing::warn!(
                endpoint = %EndpointRef::from(self.listing.descriptor),
                expected,
                got,
                "listing ended with fewer records than the first page's count (records were removed, or pages shifted)"
            );
        }
    }
}
