//! The pagination engine: one page, all records, or a `'static` stream of
//! records for any paged endpoint of the catalog.
//!
//! * `next` links are absolute and may name another scheme or host: only
//!   their `offset` and `limit` are used; every page is requested from the
//!   configured base URL with the original filters, so credentials never
//!   leave it.
//! * Once the first page reveals `count`, the remaining pages are fetched
//!   concurrently (at most `page_concurrency` at a time, and never more than
//!   the client's `max_in_flight`) and records are yielded in server order.
//!   Each page is fetched by a task of its own, started as soon as its
//!   offset is known (before the first page's records are consumed), so a
//!   slow consumer neither stalls fetches nor holds a permit another call
//!   needs. At most that many pages are held in memory, and dropping the
//!   stream aborts the fetches still in flight.
//! * A server that pages wrongly ends the listing after a bounded number of
//!   requests: the first page (in order) with no `next` ends it; an empty
//!   page that still announces more, a page that only repeats records just
//!   yielded, a `next` link that does not move forward, or more pages than
//!   twice what `count` announced end it with [`Error::Pagination`].
//!   Offsets are checked, never wrapped.
//! * Records with an `id` are de-duplicated (offset pages shift under
//!   concurrent writes) over the last `page_concurrency + 1` pages only, so
//!   memory stays bounded. A listing that yields fewer records than `count`
//!   logs a warning and reports the shortfall ([`RecordStream::shortfall`]).
//! * A failed page ends the stream with that error, after every record
//!   before it and before none after it; [`RecordStream::resume_offset`]
//!   tells where to start again.

mod dedup;
mod engine;
mod listing;
mod page_tasks;
mod plan;
mod record_stream;

use assured_models::Page;
use assured_models::catalog::PagedEndpoint;
use futures_util::TryStreamExt as _;

pub use record_stream::RecordStream;

use crate::client::{Client, decode};
use crate::error::Error;
use listing::{Listing, decode_page};

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
        let bytes = listing.fetch(offset, limit, None).await?;
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
