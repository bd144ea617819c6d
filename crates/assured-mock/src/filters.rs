//! The django-filter emulation: list filters built from the query string.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use serde_json::{Map, Value, json};

use crate::context::Ctx;
use crate::reply::Reply;

/// Looks up a dotted field path (`provider_details.id`).
pub(crate) fn field<'a>(record: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut current = record.get(parts.next()?)?;
    for part in parts {
        current = current.get(part)?;
    }
    Some(current)
}

/// A scalar as the text a query parameter would carry.
pub(crate) fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

type Predicate<'a> = Box<dyn Fn(&Map<String, Value>) -> bool + 'a>;

/// List filters built from the query string, with the validation errors of
/// their values (django-filter answers those with a 400 naming the
/// parameter). Predicates may borrow the state (`'a`) to follow relations.
#[derive(Default)]
pub(crate) struct Filters<'a> {
    predicates: Vec<Predicate<'a>>,
    errors: Map<String, Value>,
}

impl<'a> Filters<'a> {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.predicates.is_empty()
    }

    pub(crate) fn matches(&self, record: &Map<String, Value>) -> bool {
        self.predicates.iter().all(|predicate| predicate(record))
    }

    /// The 400 reply for invalid filter values, if any.
    pub(crate) fn rejection(&self) -> Option<Reply> {
        (!self.errors.is_empty()).then(|| Reply::fields(self.errors.clone()))
    }

    /// Records an invalid value of `param`.
    pub(crate) fn invalid(mut self, param: &str, message: &str) -> Self {
        self.errors.insert(param.to_owned(), json!([message]));
        self
    }

    pub(crate) fn with(mut self, predicate: impl Fn(&Map<String, Value>) -> bool + 'a) -> Self {
        self.predicates.push(Box::new(predicate));
        self
    }

    /// `param=value`: the field equals the value (case-insensitive text).
    /// A list field matches when it contains the value.
    pub(crate) fn eq(self, ctx: &Ctx<'_>, param: &str, path: &'static str) -> Self {
        match ctx.q(param) {
            Some(wanted) => {
                let wanted = wanted.to_lowercase();
                self.with(move |record| match field(record, path) {
                    Some(Value::Array(items)) => items
                        .iter()
                        .filter_map(as_text)
                        .any(|text| text.to_lowercase() == wanted),
                    Some(value) => as_text(value).is_some_and(|text| text.to_lowercase() == wanted),
                    None => false,
                })
            }
            None => self,
        }
    }

    /// `param=a,b,c`: the field is one of the values.
    pub(crate) fn any_of(self, ctx: &Ctx<'_>, param: &str, path: &'static str) -> Self {
        match ctx.q(param) {
            Some(wanted) => {
                let wanted = split_list(wanted);
                self.with(move |record| match field(record, path) {
                    Some(Value::Array(items)) => items
                        .iter()
                        .filter_map(as_text)
                        .any(|text| wanted.contains(&text.to_lowercase())),
                    Some(value) => {
                        as_text(value).is_some_and(|text| wanted.contains(&text.to_lowercase()))
                    }
                    None => false,
                })
            }
            None => self,
        }
    }

    /// `param=true|false`: the boolean field has that value.
    pub(crate) fn boolean(self, ctx: &Ctx<'_>, param: &str, path: &'static str) -> Self {
        match ctx.q(param).and_then(parse_bool) {
            Some(wanted) => self.with(move |record| {
                field(record, path)
                    .and_then(Value::as_bool)
                    .unwrap_or(false)
                    == wanted
            }),
            None => self,
        }
    }

    /// `search=text`: a case-insensitive substring of any of the fields.
    pub(crate) fn search(self, ctx: &Ctx<'_>, paths: &'static [&'static str]) -> Self {
        match ctx.q("search") {
            Some(text) => {
                let text = text.to_lowercase();
                self.with(move |record| {
                    paths.iter().any(|path| {
                        field(record, path)
                            .and_then(as_text)
                            .is_some_and(|value| value.to_lowercase().contains(&text))
                    })
                })
            }
            None => self,
        }
    }

    /// `param=value` on a value computed from the record (relations such as
    /// `practice_location__tax_entity`): equal, case-insensitive.
    pub(crate) fn eq_by(
        self,
        ctx: &Ctx<'_>,
        param: &str,
        value: impl Fn(&Map<String, Value>) -> Option<String> + 'a,
    ) -> Self {
        match ctx.q(param) {
            Some(wanted) => {
                let wanted = wanted.trim().to_lowercase();
                self.with(move |record| {
                    value(record).is_some_and(|text| text.to_lowercase() == wanted)
                })
            }
            None => self,
        }
    }

    /// `param=a,b,c` on a value computed from the record (relations).
    pub(crate) fn any_of_by(
        self,
        ctx: &Ctx<'_>,
        param: &str,
        value: impl Fn(&Map<String, Value>) -> Option<String> + 'a,
    ) -> Self {
        match ctx.q(param) {
            Some(wanted) => {
                let wanted = split_list(wanted);
                self.with(move |record| {
                    value(record).is_some_and(|text| wanted.contains(&text.to_lowercase()))
                })
            }
            None => self,
        }
    }

    /// `<prefix>_after` / `<prefix>_before` on a date-time field
    /// (django-filter's `DateTimeFromToRangeFilter`): the field is at or
    /// after / at or before the value. Two instants compare as instants;
    /// when either side is a plain date (`2024-05-01`) the dates are
    /// compared, so a date bound covers its whole day (UTC). A null field
    /// never matches. An unparsable value is a 400 "Enter a valid
    /// date/time.".
    pub(crate) fn datetime_range(self, ctx: &Ctx<'_>, prefix: &str, path: &'static str) -> Self {
        self.range(ctx, prefix, path, "Enter a valid date/time.")
    }

    /// `<prefix>_after` / `<prefix>_before` on a date field
    /// (`DateFromToRangeFilter`): compared as dates; an unparsable value is
    /// a 400 "Enter a valid date.".
    pub(crate) fn date_range(self, ctx: &Ctx<'_>, prefix: &str, path: &'static str) -> Self {
        self.range(ctx, prefix, path, "Enter a valid date.")
    }

    fn range(mut self, ctx: &Ctx<'_>, prefix: &str, path: &'static str, message: &str) -> Self {
        for (suffix, after) in [("_after", true), ("_before", false)] {
            let param = format!("{prefix}{suffix}");
            let Some(text) = ctx.q(&param) else {
                continue;
            };
            let Some(bound) = Moment::parse(text) else {
                self = self.invalid(&param, message);
                continue;
            };
            self = self.with(move |record| {
                field(record, path)
                    .and_then(Value::as_str)
                    .and_then(Moment::parse)
                    .is_some_and(|value| {
                        let order = value.compare(bound);
                        if after { order.is_ge() } else { order.is_le() }
                    })
            });
        }
        self
    }

    /// `param=value` on a date-time field (PE7 `created_at`): a plain date
    /// matches every instant of that day (UTC), an instant matches itself.
    pub(crate) fn on_date(mut self, ctx: &Ctx<'_>, param: &str, path: &'static str) -> Self {
        let Some(text) = ctx.q(param) else {
            return self;
        };
        match Moment::parse(text) {
            Some(bound) => {
                self = self.with(move |record| {
                    field(record, path)
                        .and_then(Value::as_str)
                        .and_then(Moment::parse)
                        .is_some_and(|value| value.compare(bound).is_eq())
                });
            }
            None => self = self.invalid(param, "Enter a valid date/time."),
        }
        self
    }

    /// `param=M` (1-12: that month of any year) or `param=YYYY-MM` on a
    /// date-time field (`created_at_month`; the format is undocumented, so
    /// both are accepted). Anything else is a 400 "Enter a whole number.".
    pub(crate) fn month(mut self, ctx: &Ctx<'_>, param: &str, path: &'static str) -> Self {
        let Some(text) = ctx.q(param) else {
            return self;
        };
        let text = text.trim();
        let wanted: Option<(Option<i32>, u32)> = match text.split_once('-') {
            Some((year, month)) => year
                .parse::<i32>()
                .ok()
                .zip(month.parse::<u32>().ok())
                .map(|(year, month)| (Some(year), month)),
            None => text.parse::<u32>().ok().map(|month| (None, month)),
        };
        match wanted.filter(|(_, month)| (1..=12).contains(month)) {
            Some((year, month)) => {
                self = self.with(move |record| {
                    field(record, path)
                        .and_then(Value::as_str)
                        .and_then(Moment::parse)
                        .is_some_and(|value| {
                            let date = value.date();
                            date.month() == month && year.is_none_or(|year| date.year() == year)
                        })
                });
            }
            None => self = self.invalid(param, "Enter a whole number."),
        }
        self
    }
}

/// The lower-cased, non-empty items of a comma-separated parameter.
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|value| value.trim().to_lowercase())
        .filter(|value| !value.is_empty())
        .collect()
}

/// A date or an instant, as filters and records write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Moment {
    /// `YYYY-MM-DD`.
    Date(NaiveDate),
    /// An RFC 3339 instant (or a naive date-time, taken as UTC).
    Instant(DateTime<Utc>),
}

impl Moment {
    /// Parses `2024-05-01`, `2024-05-01T10:00:00Z`, `2024-05-01 10:00:00+00:00`
    /// (Python's `str(datetime)`, as assured-py sends it), with `+` possibly
    /// decoded to a space, or a naive `2024-05-01T10:00[:00[.fff]]` (UTC).
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(Self::Date(date));
        }
        let mut candidates = vec![text.to_owned(), text.replacen(' ', "T", 1)];
        // `+00:00` whose `+` was decoded to a space.
        if let Some((head, offset)) = text.rsplit_once(' ')
            && head.contains(' ')
        {
            candidates.push(format!("{}+{offset}", head.replacen(' ', "T", 1)));
        }
        for candidate in &candidates {
            if let Ok(instant) = DateTime::parse_from_rfc3339(candidate) {
                return Some(Self::Instant(instant.with_timezone(&Utc)));
            }
            for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
                if let Ok(naive) = NaiveDateTime::parse_from_str(candidate, format) {
                    return Some(Self::Instant(naive.and_utc()));
                }
            }
        }
        None
    }

    /// The calendar date (UTC for instants).
    pub(crate) fn date(self) -> NaiveDate {
        match self {
            Self::Date(date) => date,
            Self::Instant(instant) => instant.date_naive(),
        }
    }

    /// Instants compare as instants; otherwise the dates are compared.
    pub(crate) fn compare(self, other: Self) -> std::cmp::Ordering {
        match (self, other) {
            (Self::Instant(a), Self::Instant(b)) => a.cmp(&b),
            _ => self.date().cmp(&other.date()),
        }
    }
}

/// Django-filter's boolean parsing.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}
