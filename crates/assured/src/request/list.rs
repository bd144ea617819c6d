//! [`List`]: a paged endpoint, its filters, and the three ways to read it.

use std::fmt;

use assured_core::{Client as CoreClient, Error, RecordStream, RequestOptions};
use assured_models::Page;
use assured_models::catalog::PagedEndpoint;
use futures_util::TryStreamExt as _;

use super::{configured, option_setters};

/// A listing of a paged endpoint, returned by the resource methods
/// (`client.providers().list()`).
///
/// Set filters with the generated setters (`.is_active(true)`), with
/// [`params`](List::params) or [`filter`](List::filter), then read it:
///
/// | assured-py | here |
/// |---|---|
/// | `list(...)` | [`.page(offset)`](List::page): one page, with `count` |
/// | `list_all(...)` | [`.all()`](List::all): every record |
/// | (none) | [`.stream()`](List::stream): every record, as they arrive |
///
/// ```no_run
/// # async fn run(client: assured::Client) -> Result<(), assured::Error> {
/// use futures_util::TryStreamExt as _;
///
/// let first = client.providers().list().limit(10).page(0).await?;
/// println!("{} providers in all", first.count);
///
/// let mut active = client.providers().list().is_active(true).stream();
/// while let Some(provider) = active.try_next().await? {
///     println!("{} {:?}", provider.id, provider.npi);
/// }
/// # Ok(()) }
/// ```
#[must_use = "a listing does nothing until it is read with page, all or stream"]
pub struct List<'a, E: PagedEndpoint> {
    client: &'a CoreClient,
    arg: E::PathArg,
    query: E::Query,
    options: RequestOptions,
}

impl<'a, E> List<'a, E>
where
    E: PagedEndpoint,
    E::Response: Send + 'static,
{
    /// A listing with its path argument and filters.
    pub fn new(client: &'a CoreClient, arg: E::PathArg, query: E::Query) -> Self {
        Self {
            client,
            arg,
            query,
            options: RequestOptions::default(),
        }
    }

    /// Replaces the filters with a whole parameter struct.
    pub fn params(mut self, query: E::Query) -> Self {
        self.query = query;
        self
    }

    /// Changes the filters in place: `.filter(|p| p.search = Some("smith".into()))`.
    pub fn filter(mut self, change: impl FnOnce(&mut E::Query)) -> Self {
        change(&mut self.query);
        self
    }

    /// The filters as they stand.
    pub fn query(&self) -> &E::Query {
        &self.query
    }

    /// Records per page (1 to 1000; default: the client's page size). For
    /// [`page`](List::page) it is the size of that page.
    pub fn limit(mut self, records: u32) -> Self {
        self.options = self.options.page_size(records);
        self
    }

    /// Pages fetched at once by [`all`](List::all) and
    /// [`stream`](List::stream) once `count` is known.
    pub fn page_concurrency(mut self, pages: usize) -> Self {
        self.options = self.options.page_concurrency(pages);
        self
    }

    option_setters!();

    /// One page starting at record `offset`, with `count`, `next` and
    /// `previous` as the server sent them (assured-py's `list`).
    pub async fn page(self, offset: u64) -> Result<Page<E::Response>, Error> {
        configured(self.client, &self.options)?
            .page::<E>(&self.arg, &self.query, offset, None)
            .await
    }

    /// Every record, in server order (assured-py's `list_all`). Pages are
    /// fetched concurrently once the first reveals `count`.
    pub async fn all(self) -> Result<Vec<E::Response>, Error> {
        self.stream().try_collect().await
    }

    /// Every record as a `'static` stream that owns a client clone; see
    /// [`RecordStream`] for its progress counters and resume offset. A bad
    /// parameter is the stream's first item.
    pub fn stream(self) -> RecordStream<E::Response> {
        self.stream_from(0)
    }

    /// Like [`stream`](List::stream), starting at record `offset` (to resume
    /// from [`RecordStream::resume_offset`]).
    pub fn stream_from(self, offset: u64) -> RecordStream<E::Response> {
        configured(self.client, &self.options)
            .and_then(|client| client.stream_from::<E>(&self.arg, &self.query, offset))
            .unwrap_or_else(RecordStream::failed)
    }
}

impl<E: PagedEndpoint> fmt::Debug for List<'_, E>
where
    E::Query: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("endpoint", &E::DESCRIPTOR)
            .field("query", &self.query)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}
