//! [`Tristate`]: a request field that can be left out, cleared, or set.
//!
//! Production rejects `null` on optional non-nullable fields (400 "This
//! field may not be null."), so unset fields must be omitted — an
//! `Option<T>` with `skip_serializing_if`. Where a caller must be able to
//! *clear* a nullable field, omitting and sending `null` mean different
//! things; `Tristate` says which one is meant.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A request field that is absent (not sent), explicitly `null`, or a value.
///
/// Use with `#[serde(default, skip_serializing_if = "Tristate::is_absent")]`.
///
/// ```
/// use assured_models::Tristate;
/// use serde::Serialize;
///
/// #[derive(Serialize, Default)]
/// struct Update {
///     #[serde(default, skip_serializing_if = "Tristate::is_absent")]
///     middle_name: Tristate<String>,
/// }
///
/// let keep = Update::default();
/// let clear = Update { middle_name: Tristate::Null };
/// let set = Update { middle_name: Tristate::Value("Ann".into()) };
/// assert_eq!(serde_json::to_string(&keep)?, "{}");
/// assert_eq!(serde_json::to_string(&clear)?, r#"{"middle_name":null}"#);
/// assert_eq!(serde_json::to_string(&set)?, r#"{"middle_name":"Ann"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Tristate<T> {
    /// Not sent at all: the server keeps what it has.
    #[default]
    Absent,
    /// Sent as `null`: clears a nullable field.
    Null,
    /// Sent as this value.
    Value(T),
}

impl<T> Tristate<T> {
    /// True when the field is not to be sent.
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// The value, if one is set.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            _ => None,
        }
    }
}

impl<T> From<T> for Tristate<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<T> From<Option<T>> for Tristate<T> {
    /// `Some` sets the value, `None` clears the field (sends `null`).
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Self::Value)
    }
}

impl<T: Serialize> Serialize for Tristate<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Only reached without skip_serializing_if; null is the safest
            // rendering that still type-checks on the server.
            Self::Absent | Self::Null => serializer.serialize_none(),
            Self::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tristate<T> {
    /// A present key is `Null` or `Value`; a missing key (with
    /// `#[serde(default)]`) is `Absent`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Self::from)
    }
}
