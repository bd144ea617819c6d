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

/// `serde(with = ...)` support for list filters sent as one comma-separated
/// value (`id_in=a,b,c`): use on `Option<Vec<T>>` fields as
/// `#[serde(with = "assured_models::query::comma_list", default)]`.
pub mod comma_list {
    pub use super::comma_separated as serialize;
    pub use super::from_comma_separated as deserialize;
}

/// Serializes a list as one comma-separated value (`id_in=a,b,c`).
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

/// Reads a comma-separated value back into a list (the inverse of
/// [`comma_separated`]), for servers and tests that parse query strings.
/// Also accepts a JSON-style sequence.
pub fn from_comma_separated<'de, T, D>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize as _;

    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Joined(String),
        List(Vec<String>),
    }
    let parts: Vec<String> = match Option::<Raw>::deserialize(deserializer)? {
        None => return Ok(None),
        Some(Raw::Joined(text)) => text.split(',').map(str::to_owned).collect(),
        Some(Raw::List(items)) => items,
    };
    parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<T>().map_err(serde::de::Error::custom))
        .collect::<Result<Vec<T>, _>>()
        .map(Some)
}

#[cfg(test)]
mod tests {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Params {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "super::comma_list"
        )]
        id_in: Option<Vec<u32>>,
        search: Option<String>,
    }

    #[test]
    fn comma_separated_lists_round_trip_through_a_query_string() {
        let params = Params {
            id_in: Some(vec![1, 2, 3]),
            search: None,
        };
        let query = serde_urlencoded::to_string(&params).unwrap();
        assert_eq!(query, "id_in=1%2C2%2C3");
        let back: Params = serde_urlencoded::from_str(&query).unwrap();
        assert_eq!(back, params);
        let none: Params = serde_urlencoded::from_str("search=x").unwrap();
        assert_eq!(none.id_in, None);
    }
}
