//! Query-string encoding of list parameters.
//!
//! Unset parameters are omitted, booleans go out as `true`/`false`,
//! date-times as RFC 3339, and the `*_in` / `*_ids` / `individual_npis`
//! filters as comma-separated values.

use serde::{Serialize, Serializer};

/// A list-parameter type: serializes to a query string.
pub trait QueryParams: Serialize {
    /// The `key=value&...` form, without the leading `?`; unset fields omitted.
    fn to_query_string(&self) -> Result<String, serde_urlencoded::ser::Error> {
        serde_urlencoded::to_string(self)
    }
}

impl QueryParams for () {
    fn to_query_string(&self) -> Result<String, serde_urlencoded::ser::Error> {
        Ok(String::new())
    }
}

/// Serializes a list as one comma-separated value (`id_in=a,b,c`).
///
/// For `Option<Vec<T>>` fields:
/// `#[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::query::comma_separated")]`.
pub fn comma_separated<T, S>(values: &Option<Vec<T>>, serializer: S) -> Result<S::Ok, S::Error>
where
    T: std::fmt::Display,
    S: Serializer,
{
    match values {
        Some(values) => {
            let joined = values
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",");
            serializer.serialize_str(&joined)
        }
        None => serializer.serialize_none(),
    }
}
