//! Limit/offset pagination with absolute `next`/`previous` links, and list
//! filters.

use serde_json::{Map, Value, json};

use crate::server::{Ctx, FOREIGN_ORIGIN, Reply};

/// The page window of a list request (DRF `LimitOffsetPagination`: invalid
/// or negative values fall back to the defaults, `limit` is clamped).
pub(crate) fn window(ctx: &Ctx<'_>) -> (usize, usize) {
    let positive = |name: &str| {
        ctx.q(name)
            .and_then(|value| value.trim().parse::<usize>().ok())
    };
    let default = ctx.shared.default_page_size as usize;
    let max = ctx.shared.max_page_size as usize;
    let limit = positive("limit")
        .filter(|limit| *limit > 0)
        .map_or(default, |limit| limit.min(max));
    (limit, positive("offset").unwrap_or(0))
}

fn link(ctx: &Ctx<'_>, limit: usize, offset: Option<usize>) -> String {
    let origin = if ctx.shared.foreign_links() {
        FOREIGN_ORIGIN
    } else {
        ctx.shared.base_url.as_str()
    };
    let mut pairs: Vec<(String, String)> = ctx
        .query
        .iter()
        .filter(|(key, _)| key != "limit" && key != "offset")
        .cloned()
        .collect();
    pairs.push(("limit".into(), limit.to_string()));
    if let Some(offset) = offset {
        pairs.push(("offset".into(), offset.to_string()));
    }
    // Django's replace_query_param re-encodes the sorted parameters.
    pairs.sort();
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("{origin}{}?{query}", ctx.path)
}

/// The envelope for one page.
pub(crate) fn envelope(
    ctx: &Ctx<'_>,
    count: usize,
    limit: usize,
    offset: usize,
    results: &[Value],
) -> Value {
    let next = (offset + limit < count).then(|| link(ctx, limit, Some(offset + limit)));
    let previous = (offset > 0).then(|| {
        if offset <= limit {
            link(ctx, limit, None)
        } else {
            link(ctx, limit, Some(offset - limit))
        }
    });
    json!({ "count": count, "next": next, "previous": previous, "results": results })
}

/// Pages through `items`, rendering only what is needed: without filters
/// or ordering only the page's records are generated.
pub(crate) fn paginate<T>(
    ctx: &Ctx<'_>,
    items: &[T],
    render: impl Fn(&T) -> Option<Map<String, Value>>,
    filters: &Filters,
) -> Reply {
    let (limit, offset) = window(ctx);
    let ordering = ctx.q("ordering").map(ToOwned::to_owned);
    if filters.is_empty() && ordering.is_none() {
        let results: Vec<Value> = items
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(&render)
            .map(Value::Object)
            .collect();
        return Reply::ok(envelope(ctx, items.len(), limit, offset, &results));
    }
    let mut matching: Vec<Map<String, Value>> = items
        .iter()
        .filter_map(&render)
        .filter(|record| filters.matches(record))
        .collect();
    if let Some(ordering) = ordering {
        let (field, descending) = match ordering.strip_prefix('-') {
            Some(field) => (field.to_owned(), true),
            None => (ordering.clone(), false),
        };
        matching.sort_by(|a, b| {
            let key = |record: &Map<String, Value>| sort_key(record.get(&field));
            let order = key(a).cmp(&key(b));
            if descending { order.reverse() } else { order }
        });
    }
    let count = matching.len();
    let results: Vec<Value> = matching
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(Value::Object)
        .collect();
    Reply::ok(envelope(ctx, count, limit, offset, &results))
}

fn sort_key(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.to_lowercase(),
        Some(Value::Number(number)) => format!("{:>24}", number.to_string()),
        Some(other) => other.to_string(),
    }
}

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

type Predicate = Box<dyn Fn(&Map<String, Value>) -> bool>;

/// List filters built from the query string.
#[derive(Default)]
pub(crate) struct Filters {
    predicates: Vec<Predicate>,
}

impl Filters {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.predicates.is_empty()
    }

    pub(crate) fn matches(&self, record: &Map<String, Value>) -> bool {
        self.predicates.iter().all(|predicate| predicate(record))
    }

    pub(crate) fn with(
        mut self,
        predicate: impl Fn(&Map<String, Value>) -> bool + 'static,
    ) -> Self {
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
                let wanted: Vec<String> = wanted
                    .split(',')
                    .map(|value| value.trim().to_lowercase())
                    .filter(|value| !value.is_empty())
                    .collect();
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
}

/// Django-filter's boolean parsing.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}
