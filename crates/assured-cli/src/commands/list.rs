//! `assured <noun> list`: the one runner behind every generated listing.
//!
//! One page by default, every record with `--all`. JSON and NDJSON are
//! written as the records arrive; tables and CSV need every record first
//! (a column may appear only in a later record). Ctrl-C stops the listing
//! between two records: what was written stays valid.

use assured::models::QueryParams as _;
use assured::models::catalog::PagedEndpoint;
use assured::request::List;
use assured::table::Tabular;
use clap::Args;
use futures_util::TryStreamExt as _;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::exit::{CliError, ExitKind};
use crate::output::json::JsonSink;
use crate::output::{OutputArgs, print_records, progress};
use crate::suggest::closest;

/// The options every listing takes.
#[derive(Debug, Args)]
pub(crate) struct ListOptions {
    /// Every record (all pages), not only the first page.
    #[arg(long)]
    all: bool,
    /// Only records where KEY is VALUE (repeatable; the keys are listed
    /// below). Lists are comma-separated.
    #[arg(long = "filter", value_name = "KEY=VALUE")]
    filters: Vec<String>,
    /// Records per page.
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
    #[command(flatten)]
    output: OutputArgs,
}

/// Runs a listing with `options`; `filters` are the keys `--filter` takes.
pub(crate) async fn run_list<E>(
    list: List<'_, E>,
    filters: &[&str],
    options: ListOptions,
) -> Result<(), CliError>
where
    E: PagedEndpoint,
    E::Query: DeserializeOwned,
    E::Response: Tabular + Serialize + Send + 'static,
{
    options.output.check()?;
    let mut list = apply_filters(list, filters, &options.filters)?;
    if let Some(limit) = options.limit {
        list = list.limit(limit);
    }
    if !options.all {
        let page = list.page(0).await?;
        print_records(&page.results, &options.output)?;
        if page.next.is_some() {
            eprintln!(
                "{} of {} records (--all for every one)",
                page.results.len(),
                page.count
            );
        }
        return Ok(());
    }
    stream_all(list, &options.output).await
}

/// Every record, with a progress bar, until the end or Ctrl-C.
async fn stream_all<E>(list: List<'_, E>, output: &OutputArgs) -> Result<(), CliError>
where
    E: PagedEndpoint,
    E::Response: Tabular + Serialize + Send + 'static,
{
    let mut records = list.stream();
    let bar = progress::records();
    let stdout = std::io::stdout();
    let mut sink = output
        .json_style()
        .map(|style| JsonSink::new(stdout.lock(), style));
    let mut kept: Vec<E::Response> = Vec::new();
    let mut interrupted = false;
    let mut failure = None;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        let next = tokio::select! {
            // Polled first: the handler is in place before any record is out.
            biased;
            _ = &mut ctrl_c => {
                interrupted = true;
                break;
            }
            next = records.try_next() => next,
        };
        match next {
            Ok(Some(record)) => {
                if bar.length().is_none()
                    && let Some(count) = records.expected_count()
                {
                    bar.set_length(count);
                }
                bar.inc(1);
                match &mut sink {
                    Some(sink) => sink.push(&record)?,
                    None => kept.push(record),
                }
            }
            Ok(None) => break,
            Err(error) => {
                failure = Some(error);
                break;
            }
        }
    }
    bar.finish_and_clear();
    match sink {
        Some(sink) => sink.finish()?,
        // A failed or stopped listing prints no partial table: CSV and
        // tables are read as complete.
        None if failure.is_none() && !interrupted => print_records(&kept, output)?,
        None => {}
    }
    if let Some(error) = failure {
        return Err(CliError::from(error).note(format!(
            "{} records received before the failure",
            records.yielded()
        )));
    }
    if interrupted {
        return Err(CliError::new(
            ExitKind::Interrupted,
            format!("interrupted after {} records", records.yielded()),
        ));
    }
    Ok(())
}

/// Applies `--filter KEY=VALUE`s: each key must be one of `allowed`, and
/// the values are read as the query type reads a query string, so a bad
/// value is refused before any request.
fn apply_filters<'a, E>(
    list: List<'a, E>,
    allowed: &[&str],
    given: &[String],
) -> Result<List<'a, E>, CliError>
where
    E: PagedEndpoint,
    E::Query: DeserializeOwned,
    E::Response: Send + 'static,
{
    if given.is_empty() {
        return Ok(list);
    }
    let current = list
        .query()
        .to_query_string()
        .map_err(|err| CliError::failure(format!("filters: {err}")))?;
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_str(&current)
        .map_err(|err| CliError::failure(format!("filters: {err}")))?;
    for filter in given {
        let Some((key, value)) = filter.split_once('=') else {
            return Err(CliError::usage(format!(
                "--filter {filter:?}: expected KEY=VALUE"
            )));
        };
        let key = key.trim();
        if !allowed.contains(&key) {
            let mut error = CliError::usage(format!("--filter: unknown filter `{key}`"));
            let near = closest(key, allowed.iter().copied());
            if !near.is_empty() {
                error = error.note(format!("did you mean {}?", near.join(", ")));
            }
            return Err(if allowed.is_empty() {
                error.note("this listing takes no filters")
            } else {
                error.note(format!("filters: {}", allowed.join(", ")))
            });
        }
        pairs.retain(|(existing, _)| existing != key);
        pairs.push((key.to_owned(), value.to_owned()));
    }
    let encoded = serde_urlencoded::to_string(&pairs)
        .map_err(|err| CliError::failure(format!("filters: {err}")))?;
    let query: E::Query = serde_urlencoded::from_str(&encoded)
        .map_err(|err| CliError::usage(format!("--filter: {err}")))?;
    Ok(list.params(query))
}
