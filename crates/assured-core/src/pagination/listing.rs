//! What a listing needs to fetch any of its pages, and how its replies and
//! `next` links are read.

use std::sync::Arc;

use assured_models::Page;
use assured_models::catalog::{EndpointDescriptor, PagedEndpoint, Paging};
use assured_models::page::ArrayOrPage;
use assured_models::query::QueryParams;
use bytes::Bytes;
use serde_json::value::RawValue;

use crate::client::{Client, ThrottleWatch, decode, render_path};
use crate::error::Error;

/// The endpoint, path and filters of one listing: owned, so streams and
/// page tasks are `'static`.
#[derive(Clone)]
pub(super) struct Listing {
    pub(super) client: Client,
    pub(super) descriptor: &'static EndpointDescriptor,
    path: Arc<str>,
    query: Arc<[(String, String)]>,
}

impl Listing {
    pub(super) fn new<E: PagedEndpoint>(
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

    /// The raw reply of the page at `offset`; `watch`, if any, is told
    /// when the fetch waits out a throttle.
    pub(super) async fn fetch(
        &self,
        offset: u64,
        limit: u32,
        watch: Option<ThrottleWatch<'_>>,
    ) -> Result<Bytes, Error> {
        self.client
            .get_page_bytes(
                self.descriptor,
                &self.path,
                &self.query,
                offset,
                limit,
                watch,
            )
            .await
    }

    /// A [`Error::Pagination`] about this listing.
    pub(super) fn error(&self, message: String) -> Error {
        Error::Pagination {
            endpoint: self.descriptor.into(),
            message,
        }
    }
}

/// A page whose records are still undecoded JSON.
pub(super) fn decode_page(
    descriptor: &'static EndpointDescriptor,
    bytes: &[u8],
) -> Result<Page<Box<RawValue>>, Error> {
    if descriptor.paging == Paging::ArrayOrPaged {
        decode::<ArrayOrPage<Box<RawValue>>>(descriptor, bytes).map(ArrayOrPage::into_page)
    } else {
        decode::<Page<Box<RawValue>>>(descriptor, bytes)
    }
}

/// What a `next` link says about the following page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NextLink {
    /// Where the next page starts.
    pub(super) offset: u64,
    /// The page size the server names for it, when it names a usable one.
    pub(super) limit: Option<u32>,
}

impl NextLink {
    /// Reads the `offset` and `limit` of a `next` link, whatever its scheme
    /// and host (the link itself is never requested). `None` when there is
    /// no link; an error when the link has no usable offset.
    pub(super) fn parse(listing: &Listing, next: Option<&str>) -> Result<Option<Self>, Error> {
        let Some(next) = next.filter(|next| !next.is_empty()) else {
            return Ok(None);
        };
        Self::from_link(next)
            .map(Some)
            .ok_or_else(|| listing.error(format!("the `next` link has no usable offset: {next}")))
    }

    fn from_link(next: &str) -> Option<Self> {
        let query = next.split_once('?')?.1;
        let query = query.split('#').next().unwrap_or(query);
        let pairs = serde_urlencoded::from_str::<Vec<(String, String)>>(query).ok()?;
        let value = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let offset = value("offset")?.parse().ok()?;
        let limit = value("limit")
            .and_then(|limit| limit.parse::<u32>().ok())
            .filter(|limit| *limit > 0);
        Some(Self { offset, limit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_give_offset_and_limit_whatever_the_scheme_and_host() {
        assert_eq!(
            NextLink::from_link("http://api.example.org/accounts/?offset=400&limit=100"),
            Some(NextLink {
                offset: 400,
                limit: Some(100)
            })
        );
        assert_eq!(
            NextLink::from_link("https://x/y/?limit=5&search=a%26b&offset=10#frag"),
            Some(NextLink {
                offset: 10,
                limit: Some(5)
            })
        );
        assert_eq!(
            NextLink::from_link("https://x/y/?offset=18446744073709551615&limit=0"),
            Some(NextLink {
                offset: u64::MAX,
                limit: None
            })
        );
        assert_eq!(NextLink::from_link("https://x/y/?limit=5"), None);
        assert_eq!(NextLink::from_link("https://x/y/?offset=-1"), None);
    }
}
