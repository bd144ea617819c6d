//! Dates and date-times that tolerate what production actually sends.
//!
//! The spec declares `date` and `date-time` fields, but production sends
//! date-only strings where a date-time is declared and date-times where a
//! date is declared, sometimes with a space instead of `T` or without a
//! zone. One odd value must not fail a whole page, so both types accept all
//! of these forms.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (`YYYY-MM-DD` on the wire).
///
/// Also accepts a date-time (`2024-01-02T03:04:05Z`, `2024-01-02 03:04:05+00:00`,
/// `2024-01-02T03:04:05`) and keeps its date part.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiDate(pub NaiveDate);

/// An instant (RFC 3339 on the wire).
///
/// Also accepts a bare date (taken as midnight UTC), a space instead of `T`,
/// and a missing zone (taken as UTC).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiDateTime(pub DateTime<FixedOffset>);

/// A string that is neither a date nor a date-time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date or date-time: {0:?}")]
pub struct InvalidDate(pub String);

impl ApiDate {
    /// Builds a date; `None` if it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self)
    }

    /// Parses any of the accepted forms.
    pub fn parse(text: &str) -> Result<Self, InvalidDate> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Self(date));
        }
        ApiDateTime::parse(text).map(|instant| Self(instant.0.date_naive()))
    }
}

impl ApiDateTime {
    /// Parses any of the accepted forms.
    pub fn parse(text: &str) -> Result<Self, InvalidDate> {
        let text = text.trim();
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Ok(Self(instant));
        }
        // `2024-01-02 03:04:05+00:00` (Python's str(datetime)) and friends.
        for format in ["%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%.f%z"] {
            if let Ok(instant) = DateTime::parse_from_str(text, format) {
                return Ok(Self(instant));
            }
        }
        // No zone: UTC.
        for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
                return Ok(Self(naive.and_utc().fixed_offset()));
            }
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Self(date.and_time(NaiveTime::MIN).and_utc().fixed_offset()));
        }
        Err(InvalidDate(text.to_owned()))
    }

    /// The instant in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }
}

impl From<NaiveDate> for ApiDate {
    fn from(date: NaiveDate) -> Self {
        Self(date)
    }
}

impl<Tz: chrono::TimeZone> From<DateTime<Tz>> for ApiDateTime {
    fn from(instant: DateTime<Tz>) -> Self {
        Self(instant.fixed_offset())
    }
}

impl std::str::FromStr for ApiDate {
    type Err = InvalidDate;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl std::str::FromStr for ApiDateTime {
    type Err = InvalidDate;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for ApiDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl fmt::Display for ApiDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
    }
}

impl fmt::Debug for ApiDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiDate({self})")
    }
}

impl fmt::Debug for ApiDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiDateTime({self})")
    }
}

impl Serialize for ApiDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for ApiDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ApiDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for ApiDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_date_times_and_date_times_accept_dates() {
        for text in [
            "2024-01-02",
            "2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.123456+05:00",
            "2024-01-02 03:04:05+00:00",
            "2024-01-02T03:04:05",
        ] {
            assert_eq!(
                ApiDate::parse(text).unwrap().to_string(),
                "2024-01-02",
                "{text}"
            );
            assert!(ApiDateTime::parse(text).is_ok(), "{text}");
        }
        assert_eq!(
            ApiDateTime::parse("2024-01-02").unwrap().to_string(),
            "2024-01-02T00:00:00Z"
        );
        assert!(ApiDate::parse("02/01/2024").is_err());
    }

    #[test]
    fn serde_round_trips() {
        let date: ApiDate = serde_json::from_str("\"2024-02-29\"").unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2024-02-29\"");
        let instant: ApiDateTime = serde_json::from_str("\"2024-02-29T10:00:00+01:00\"").unwrap();
        assert_eq!(
            serde_json::to_string(&instant).unwrap(),
            "\"2024-02-29T10:00:00+01:00\""
        );
    }
}
