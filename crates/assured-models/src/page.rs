//! The paginated envelope and the task-timeline shape that may or may not use it.

use serde::{Deserialize, Serialize};

/// One page of a list endpoint: `{count, next, previous, results}`.
///
/// `next` and `previous` are **absolute** URLs, and may name another scheme
/// or host than the one the request went to; only their `offset`/`limit`
/// query parameters are meaningful.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// Total number of records matching the filters (all pages).
    #[serde(default)]
    pub count: u64,
    /// Absolute URL of the next page, if any.
    #[serde(default)]
    pub next: Option<String>,
    /// Absolute URL of the previous page, if any.
    #[serde(default)]
    pub previous: Option<String>,
    /// The records of this page.
    #[serde(default = "Vec::new")]
    pub results: Vec<T>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            count: 0,
            next: None,
            previous: None,
            results: Vec::new(),
        }
    }
}

impl<T> Page<T> {
    /// Whether the server announced a further page.
    pub fn has_next(&self) -> bool {
        self.next.as_deref().is_some_and(|next| !next.is_empty())
    }
}

/// A reply that is either a bare JSON array or the paginated envelope.
///
/// Task timelines are documented as paginated, yet production (and the
/// Python client) also answer with a bare array (quirk 15).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ArrayOrPage<T> {
    /// A bare array of records: the whole list.
    Array(Vec<T>),
    /// The envelope; more pages may follow.
    Page(Page<T>),
}

impl<T> ArrayOrPage<T> {
    /// Normalises to a page (a bare array becomes a complete single page).
    pub fn into_page(self) -> Page<T> {
        match self {
            Self::Array(results) => Page {
                count: results.len() as u64,
                next: None,
                previous: None,
                results,
            },
            Self::Page(page) => page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timelines_accept_both_shapes() {
        let bare: ArrayOrPage<u8> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(bare.into_page().results, vec![1, 2]);
        let page: ArrayOrPage<u8> = serde_json::from_str(
            r#"{"count":3,"next":"http://x/?offset=2","previous":null,"results":[1,2]}"#,
        )
        .unwrap();
        let page = page.into_page();
        assert!(page.has_next());
        assert_eq!(page.count, 3);
    }
}
