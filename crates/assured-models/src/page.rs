//! The paginated envelope and the task-timeline shape that may or may not use it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

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
///
/// The shape is told by the first token (`[` or `{`), so the records are
/// decoded once, straight from the input: a serde `untagged` enum would
/// buffer them first, which borrowed and raw records (`Box<RawValue>`, as
/// the pagination engine uses) cannot survive.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ArrayOrPage<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Shape<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Shape<T> {
            type Value = ArrayOrPage<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON array of records or a page envelope")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(ArrayOrPage::Array)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Page::deserialize(MapAccessDeserializer::new(map)).map(ArrayOrPage::Page)
            }
        }

        deserializer.deserialize_any(Shape(PhantomData))
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

    #[test]
    fn raw_records_decode_in_both_shapes() {
        use serde_json::value::RawValue;
        let bare: ArrayOrPage<Box<RawValue>> = serde_json::from_str(r#"[{"id":1}]"#).unwrap();
        let bare = bare.into_page();
        assert_eq!(bare.count, 1);
        assert_eq!(bare.results[0].get(), r#"{"id":1}"#);
        let page: ArrayOrPage<Box<RawValue>> =
            serde_json::from_str(r#"{"count":2,"next":null,"results":[{"id":1},{"id":2}]}"#)
                .unwrap();
        let page = page.into_page();
        assert_eq!(page.count, 2);
        assert_eq!(page.results[1].get(), r#"{"id":2}"#);
    }

    #[test]
    fn other_shapes_are_an_error() {
        let error = serde_json::from_str::<ArrayOrPage<u8>>("7").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("a JSON array of records or a page envelope")
        );
    }
}
