//! Printing records: as a table, CSV (the flattened columns of
//! `assured::table`), JSON or NDJSON (the records as the API sent them).

pub(crate) mod csv;
pub(crate) mod json;
pub(crate) mod progress;
pub(crate) mod table;

use std::io::Write as _;

use assured::table::{Table, Tabular};
use clap::{Args, ValueEnum};

use crate::exit::CliError;
use json::{JsonSink, JsonStyle};

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// A text table of the flattened columns.
    Table,
    /// CSV of the flattened columns, with a header row.
    Csv,
    /// A JSON array of the records.
    Json,
    /// One JSON record per line.
    Ndjson,
}

/// `--format` and `--columns`.
#[derive(Debug, Clone, Args)]
pub(crate) struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    /// Only these columns, in this order (flattened names such as
    /// `provider.first_name`; table and csv only).
    #[arg(long, value_delimiter = ',', value_name = "A,B,..")]
    pub(crate) columns: Vec<String>,
}

impl OutputArgs {
    /// Refuses `--columns` with a JSON format, before any request.
    pub(crate) fn check(&self) -> Result<(), CliError> {
        if !self.columns.is_empty() && matches!(self.format, Format::Json | Format::Ndjson) {
            return Err(CliError::usage(
                "--columns chooses flattened columns: use it with --format table or csv",
            ));
        }
        Ok(())
    }

    /// The records as a table, cut to `--columns` when given.
    pub(crate) fn table<T: Tabular>(&self, records: &[T]) -> Result<Table, CliError> {
        let table = Table::from_records(records)?;
        if self.columns.is_empty() {
            return Ok(table);
        }
        let names: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        Ok(table.select(&names)?)
    }

    /// The JSON style of the format, if it is one.
    pub(crate) fn json_style(&self) -> Option<JsonStyle> {
        match self.format {
            Format::Json => Some(JsonStyle::Array),
            Format::Ndjson => Some(JsonStyle::Lines),
            Format::Table | Format::Csv => None,
        }
    }
}

/// Prints records on stdout.
pub(crate) fn print_records<T: Tabular>(records: &[T], args: &OutputArgs) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(style) = args.json_style() {
        let mut sink = JsonSink::new(&mut out, style);
        for record in records {
            sink.push(record)?;
        }
        sink.finish()?;
        return Ok(());
    }
    print_table(&args.table(records)?, args.format, &mut out)
}

/// Prints one record on stdout; as a table, one row per column.
pub(crate) fn print_record<T: Tabular>(record: &T, args: &OutputArgs) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            let shown = json::shown(record).map_err(std::io::Error::from)?;
            serde_json::to_writer_pretty(&mut out, &shown).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            JsonSink::new(&mut out, JsonStyle::Lines).push(record)?;
        }
        Format::Csv => print_table(
            &args.table(std::slice::from_ref(record))?,
            Format::Csv,
            &mut out,
        )?,
        Format::Table => {
            let table = args.table(std::slice::from_ref(record))?;
            out.write_all(table::render_vertical(&table).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes a table as a text table or CSV.
pub(crate) fn print_table(
    table: &Table,
    format: Format,
    out: &mut impl std::io::Write,
) -> Result<(), CliError> {
    match format {
        Format::Csv => csv::write(table, &mut *out)?,
        _ => out.write_all(table::render(table).as_bytes())?,
    }
    out.flush()?;
    Ok(())
}
