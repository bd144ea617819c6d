//! The pagination engine: one page, all records, or a `'static` stream of
//! records for any paged endpoint of the catalog.
//!
//! * `next` links are absolute and may name another scheme or host: only
//!   their `offset` is used; every page is requested from the configured
//!   base URL with the original filters, so credentials never leave it.
//! * Once the first page reveals `count`, the remaining pages are fetched
//!   concurrently (at most `page_concurrency` at a time) and records are
//!   yielded in server order; at most that many pages are held in memory.
//! * A repeated `next`, or an empty page that still has a `next`, ends the
//!   listing with an error instead of looping. Records with an `id` are
//!   de-duplicated (offset pages shift under concurrent writes), and a
//!   listing that yields fewer records than `count` logs a warning and
//!   reports the shortfall ([`RecordStream::shortfall`]).
//! * A failed page ends the stream with that error; [`RecordStream::resume_offset`]
//!   tells where to start again.

use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use assured_models::Page;
use assured_models::catalog::{EndpointDescriptor, PagedEndpoint, Paging};
use assured_models::page::ArrayOrPage;
use assured_models::query::QueryParams;
use bytes::Bytes;
use futures_util::future::BoxFuture;
use futures_util::stream::{BoxStream, FuturesOrdered};
use futures_util::{Stream, StreamExt as _, TryStreamExt as _};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::client::{Client, decode, render_path};
use crate::error::{EndpointRef, Error};

/// No `count` known: a sentinel for the progress counters.
const UNKNOWN: u64 = u64::MAX;

impl Client {
    /// One page of a paged endpoint, starting at `offset`, with `limit`
    /// records (default: the configured page size).
    pub async fn page<E: PagedEndpoint>(
        &self,
        arg: &E::PathArg,
        query: &E::Query,
        offset: u64,
        limit: Option<u32>,
    ) -> Result<Page<E::Response>, Error> {
        let listing = Listing::new::<E>(self, arg, query)?;
        let limit = limit.unwrap_or_else(|| self.page_size());
        let bytes = listing.fetch(offset, limit).await?;
        let raw = decode_page(listing.descriptor, &bytes)?;
        let results = raw
            .results
            .iter()
            .map(|record| decode(listing.descriptor, record.get().as_bytes()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page {
            count: raw.count,
            next: raw.next,
            previous: raw.previous,
            results,
        })
    }

    /// Every record of a paged endpoint, in server order.
    pub async fn all<E>(
        &self,
        arg: &E::PathArg,
        query: &E::Query,
    ) -> Result<Vec<E::Response>, Error>
    where
        E: PagedEndpoint,
        E::Response: Send + 'static,
    {
        self.stream_from::<E>(arg, query, 0)?.try_collect().await
    }

    /// A stream of every record of a paged endpoint. It owns a clone of the
    /// client, so it can be returned, stored and spawned.
    ///
    /// The filters of `query` go on every page; its `limit` and `offset`, if
    /// set, are replaced by the configured page size and the listing's own
    /// offsets.
    pub fn stream<E>(
        &self,
        arg: &E::PathArg,
        query: &E::Query,
    ) -> Result<RecordStream<E::Response>, Error>
    where
        E: PagedEndpoint,
        E::Response: Send + 'static,
    {
        self.stream_from::<E>(arg, query, 0)
    }

    /// Like [`Client::stream`], starting at record `offset` (to resume a
    /// listing from [`RecordStream::resume_offset`]).
    pub fn stream_from<E>(
        &self,
        arg: &E::PathArg,
        query: &E::Query,
        offset: u64,
    ) -> Result<RecordStream<E::Response>, Error>
    where
        E: PagedEndpoint,
        E::Response: Send + 'static,
    {
        let listing = Listing::new::<E>(self, arg, query)?;
        Ok(RecordStream::start(listing, offset))
    }
}

/// What a listing needs to fetch any of its pages: owned, so streams are `'static`.
#[derive(Clone)]
struct Listing {
    client: Client,
    descriptor: &'static EndpointDescriptor,
    path: Arc<str>,
    query: Arc<[(String, String)]>,
}

impl Listing {
    fn new<E: PagedEndpoint>(
        client: &Client,
        arg: &E::PathArg,
        query: &E::Query,
    ) -> Result<Self, Error> {
        let descriptor = E::DESCRIPTOR;
        let path = render_path(descriptor, arg)?;
        let encoded = query
            .to_query_string()
            .map_err(|err| Error::invalid_input(format!("query parameters: {err}")))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&encoded)
            .map_err(|err| Error::invalid_input(format!("query parameters: {err}")))?;
        Ok(Self {
            client: client.clone(),
            descriptor,
            path: path.into(),
            query: pairs.into(),
        })
    }

    async fn fetch(&self, offset: u64, limit: u32) -> Result<Bytes, Error> {
        self.client
            .get_page_bytes(self.descriptor, &self.path, &self.query, offset, limit)
            .await
    }

    fn error(&self, message: String) -> Error {
        Error::Pagination {
            endpoint: self.descriptor.into(),
            message,
        }
    }
}

/// A page whose records are still undecoded JSON.
fn decode_page(
    descriptor: &'static EndpointDescriptor,
    bytes: &[u8],
) -> Result<Page<Box<RawValue>>, Error> {
    if descriptor.paging == Paging::ArrayOrPaged {
        decode::<ArrayOrPage<Box<RawValue>>>(descriptor, bytes).map(ArrayOrPage::into_page)
    } else {
        decode::<Page<Box<RawValue>>>(descriptor, bytes)
    }
}

/// The `offset` of a `next` link, whatever its scheme and host.
fn next_offset(next: &str) -> Option<u64> {
    let query = next.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == "offset")
        .and_then(|(_, value)| value.parse().ok())
}

/// Counters shared between a stream and its handle.
#[derive(Debug)]
struct Progress {
    /// Offset of the first record not yet handed out.
    resume_offset: AtomicU64,
    /// `count` of the first page minus the start offset, or [`UNKNOWN`].
    expected: AtomicU64,
    yielded: AtomicU64,
    duplicates: AtomicU64,
    /// Records missing at the end compared with `expected`, or [`UNKNOWN`].
    shortfall: AtomicU64,
}

/// A stream of records from a paged endpoint, with its progress.
///
/// Implements `Stream<Item = Result<T, Error>>`; after an error it ends.
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
            progress: Arc::new(Progress {
                resume_offset: AtomicU64::new(0),
                expected: AtomicU64::new(UNKNOWN),
                yielded: AtomicU64::new(0),
                duplicates: AtomicU64::new(0),
                shortfall: AtomicU64::new(UNKNOWN),
            }),
        }
    }
}

impl<T> RecordStream<T> {
    /// Offset of the first record not yet yielded: pass it to
    /// [`Client::stream_from`] to resume after a failure.
    pub fn resume_offset(&self) -> u64 {
        self.progress.resume_offset.load(Ordering::Acquire)
    }

    /// Records the first page announced (from the start offset), once known.
    pub fn expected_count(&self) -> Option<u64> {
        known(self.progress.expected.load(Ordering::Acquire))
    }

    /// Records yielded so far.
    pub fn yielded(&self) -> u64 {
        self.progress.yielded.load(Ordering::Acquire)
    }

    /// Records skipped because their `id` had already been yielded.
    pub fn duplicates_skipped(&self) -> u64 {
        self.progress.duplicates.load(Ordering::Acquire)
    }

    /// After the stream ended: how many fewer records it yielded than the
    /// first page's `count` announced (`Some(0)` when none were missing).
    pub fn shortfall(&self) -> Option<u64> {
        known(self.progress.shortfall.load(Ordering::Acquire))
    }
}

fn known(value: u64) -> Option<u64> {
    (value != UNKNOWN).then_some(value)
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

type PageFuture = BoxFuture<'static, (u64, Result<Bytes, Error>)>;

/// How the remaining pages are fetched.
enum Mode {
    /// Nothing fetched yet.
    Start,
    /// `count` known: offsets computed, up to `page_concurrency` in flight.
    /// `stride` is the distance between page starts the server uses (from
    /// the first `next` link: a server may cap the page size).
    Concurrent {
        next_to_schedule: u64,
        stride: u64,
        end: u64,
    },
    /// Following `next` links one at a time.
    Sequential {
        next: u64,
    },
    Done,
}

/// The engine behind [`RecordStream`].
struct Engine<T> {
    listing: Listing,
    limit: u32,
    concurrency: usize,
    mode: Mode,
    pending: FuturesOrdered<PageFuture>,
    /// Records decoded and waiting to be yielded, with their offsets.
    buffer: VecDeque<(u64, T)>,
    seen_ids: HashSet<String>,
    seen_offsets: HashSet<u64>,
    /// `next` of the last page processed in order.
    last_next: Option<u64>,
    start_offset: u64,
    progress: Arc<Progress>,
}

impl<T: DeserializeOwned + Send + 'static> RecordStream<T> {
    fn start(listing: Listing, offset: u64) -> Self {
        let config = listing.client.config();
        let progress = Arc::new(Progress {
            resume_offset: AtomicU64::new(offset),
            expected: AtomicU64::new(UNKNOWN),
            yielded: AtomicU64::new(0),
            duplicates: AtomicU64::new(0),
            shortfall: AtomicU64::new(UNKNOWN),
        });
        let engine = Engine {
            limit: listing.client.page_size(),
            concurrency: listing
                .client
                .options()
                .page_concurrency_value()
                .unwrap_or(config.page_concurrency),
            listing,
            mode: Mode::Start,
            pending: FuturesOrdered::new(),
            buffer: VecDeque::new(),
            seen_ids: HashSet::new(),
            seen_offsets: HashSet::new(),
            last_next: None,
            start_offset: offset,
            progress: Arc::clone(&progress),
        };
        let inner = futures_util::stream::unfold(engine, |mut engine| async move {
            let item = engine.next_record().await?;
            Some((item, engine))
        })
        .boxed();
        Self { inner, progress }
    }
}

impl<T: DeserializeOwned + Send + 'static> Engine<T> {
    /// The next record, an error (after which the stream ends), or the end.
    async fn next_record(&mut self) -> Option<Result<T, Error>> {
        loop {
            if let Some((offset, record)) = self.buffer.pop_front() {
                self.progress
                    .resume_offset
                    .store(offset + 1, Ordering::Release);
                self.progress.yielded.fetch_add(1, Ordering::AcqRel);
                return Some(Ok(record));
            }
            if matches!(self.mode, Mode::Done) {
                return None;
            }
            if let Err(err) = self.fill().await {
                self.mode = Mode::Done;
                self.pending = FuturesOrdered::new();
                return Some(Err(err));
            }
        }
    }

    fn schedule(&mut self, offset: u64) {
        let listing = self.listing.clone();
        let limit = self.limit;
        self.pending.push_back(Box::pin(async move {
            (offset, listing.fetch(offset, limit).await)
        }));
    }

    /// Fetches and decodes the next page in order (or ends the listing).
    async fn fill(&mut self) -> Result<(), Error> {
        match self.mode {
            Mode::Start => {
                let offset = self.start_offset;
                let bytes = self.listing.fetch(offset, self.limit).await?;
                let page = self.process(offset, &bytes)?;
                let expected = page.count.saturating_sub(offset);
                self.progress.expected.store(expected, Ordering::Release);
                self.mode = match (page.next_offset, page.count) {
                    (None, _) => Mode::Done,
                    (Some(next), count) if next > offset && count > next => Mode::Concurrent {
                        next_to_schedule: next,
                        stride: next - offset,
                        end: count,
                    },
                    (Some(next), _) => Mode::Sequential { next },
                };
                self.refill();
            }
            Mode::Concurrent { .. } => match self.pending.next().await {
                Some((offset, result)) => {
                    let page = self.process(offset, &result?)?;
                    self.last_next = page.next_offset;
                    self.refill();
                }
                None => {
                    // Every announced page is in. If the server still has a
                    // `next` (the list grew), follow it one page at a time.
                    self.mode = match self.last_next {
                        Some(next) => Mode::Sequential { next },
                        None => Mode::Done,
                    };
                }
            },
            Mode::Sequential { next } => {
                if !self.seen_offsets.insert(next) {
                    return Err(self.listing.error(format!(
                        "the server sent a `next` link to offset {next} again (a pagination loop)"
                    )));
                }
                let bytes = self.listing.fetch(next, self.limit).await?;
                let page = self.process(next, &bytes)?;
                if page.len == 0 && page.next_offset.is_some() {
                    return Err(self.listing.error(format!(
                        "the page at offset {next} is empty but announces another page"
                    )));
                }
                self.mode = page
                    .next_offset
                    .map_or(Mode::Done, |next| Mode::Sequential { next });
            }
            Mode::Done => {}
        }
        if matches!(self.mode, Mode::Done) && self.pending.is_empty() {
            self.finish();
        }
        Ok(())
    }

    /// Keeps up to `concurrency` pages in flight while offsets remain.
    fn refill(&mut self) {
        while let Mode::Concurrent {
            next_to_schedule,
            stride,
            end,
        } = self.mode
        {
            if next_to_schedule >= end || self.pending.len() >= self.concurrency {
                break;
            }
            self.seen_offsets.insert(next_to_schedule);
            self.schedule(next_to_schedule);
            self.mode = Mode::Concurrent {
                next_to_schedule: next_to_schedule + stride,
                stride,
                end,
            };
        }
    }

    /// Decodes a page into the buffer, skipping records already seen.
    fn process(&mut self, offset: u64, bytes: &[u8]) -> Result<PageSummary, Error> {
        self.seen_offsets.insert(offset);
        let descriptor = self.listing.descriptor;
        let page = decode_page(descriptor, bytes)?;
        let len = page.results.len() as u64;
        for (index, raw) in page.results.iter().enumerate() {
            let record_offset = offset + index as u64;
            if let Some(id) = record_id(raw)
                && !self.seen_ids.insert(id)
            {
                self.progress.duplicates.fetch_add(1, Ordering::AcqRel);
                continue;
            }
            let record: T = decode(descriptor, raw.get().as_bytes())?;
            self.buffer.push_back((record_offset, record));
        }
        let next_offset = match page.next.as_deref().filter(|next| !next.is_empty()) {
            None => None,
            Some(next) => Some(next_offset(next).ok_or_else(|| {
                self.listing
                    .error(format!("the `next` link has no usable offset: {next}"))
            })?),
        };
        // A page entirely consumed moves the resume point past it even when
        // all its records were duplicates.
        if self.buffer.is_empty() {
            self.progress
                .resume_offset
                .fetch_max(offset + len, Ordering::AcqRel);
        }
        Ok(PageSummary {
            count: page.count,
            len,
            next_offset,
        })
    }

    /// Records the shortfall when the listing ends.
    fn finish(&self) {
        let expected = self.progress.expected.load(Ordering::Acquire);
        if expected == UNKNOWN {
            return;
        }
        let got = self.progress.yielded.load(Ordering::Acquire) + self.buffer.len() as u64;
        let missing = expected.saturating_sub(got);
        self.progress.shortfall.store(missing, Ordering::Release);
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

struct PageSummary {
    count: u64,
    len: u64,
    next_offset: Option<u64>,
}

/// The `id` of a record, as its JSON text, when it has one.
fn record_id(raw: &RawValue) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        id: Option<&'a RawValue>,
    }
    let probe: Probe<'_> = serde_json::from_str(raw.get()).ok()?;
    probe
        .id
        .map(|id| id.get().to_owned())
        .filter(|id| id != "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_offset_ignores_scheme_and_host() {
        assert_eq!(
            next_offset("http://api.example.org/accounts/?offset=400&limit=100"),
            Some(400)
        );
        assert_eq!(
            next_offset("https://x/y/?limit=5&search=a%26b&offset=10"),
            Some(10)
        );
        assert_eq!(next_offset("https://x/y/?limit=5"), None);
    }

    #[test]
    fn record_ids_are_probed_without_decoding_the_record() {
        let raw: Box<RawValue> =
            serde_json::from_str(r#"{"id":"a-b","big":{"x":[1,2,3]}}"#).unwrap();
        assert_eq!(record_id(&raw).as_deref(), Some("\"a-b\""));
        let none: Box<RawValue> = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
        assert_eq!(record_id(&none), None);
    }
}
