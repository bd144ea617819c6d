//! Limit/offset pagination with absolute `next`/`previous` links (DRF's
//! `LimitOffsetPagination`), and `ordering`.

use serde_json::{Map, Value};

use crate::config::FOREIGN_ORIGIN;
use crate::context::Ctx;
use crate::filters::Filters;
use crate::reply::Reply;

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
    results: Vec<Value>,
) -> Value {
    let next = (offset + limit < count).then(|| link(ctx, limit, Some(offset + limit)));
    let previous = (offset > 0).then(|| {
        if offset <= limit {
            link(ctx, limit, None)
        } else {
            link(ctx, limit, Some(offset - limit))
        }
    });
    // Built by hand: `json!` would serialize (copy) every record again.
    let mut envelope = Map::new();
    envelope.insert("count".to_owned(), count.into());
    envelope.insert("next".to_owned(), next.into());
    envelope.insert("previous".to_owned(), previous.into());
    envelope.insert("results".to_owned(), Value::Array(results));
    Value::Object(envelope)
}

/// Pages through `items`, rendering only what is needed: without filters
/// or ordering only the page's records are generated. Invalid filter values
/// answer django-filter's 400.
pub(crate) fn paginate<T>(
    ctx: &Ctx<'_>,
    items: &[T],
    render: impl Fn(&T) -> Option<Map<String, Value>>,
    filters: &Filters<'_>,
) -> Reply {
    paginate_view(ctx, items, render, filters, |record| record)
}

/// [`paginate`] where filters and ordering see the full `render`ed record
/// and the reply shows `view` of it (lists whose records are a projection
/// of a richer one).
pub(crate) fn paginate_view<T>(
    ctx: &Ctx<'_>,
    items: &[T],
    render: impl Fn(&T) -> Option<Map<String, Value>>,
    filters: &Filters<'_>,
    view: impl Fn(Map<String, Value>) -> Map<String, Value>,
) -> Reply {
    if let Some(reply) = filters.rejection() {
        return reply;
    }
    let (limit, offset) = window(ctx);
    let ordering = ctx.q("ordering").map(ToOwned::to_owned);
    if filters.is_empty() && ordering.is_none() {
        let results: Vec<Value> = items
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(&render)
            .map(|record| Value::Object(view(record)))
            .collect();
        return Reply::ok(envelope(ctx, items.len(), limit, offset, results));
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
        .map(|record| Value::Object(view(record)))
        .collect();
    Reply::ok(envelope(ctx, count, limit, offset, results))
}

fn sort_key(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.to_lowercase(),
        Some(Value::Number(number)) => format!("{:>24}", number.to_string()),
        Some(other) => other.to_string(),
    }
}
