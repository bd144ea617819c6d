//! A [`Table`] as a polars `DataFrame` (feature `polars`): one typed
//! column per table column, built from the table's cells.

use chrono::{DateTime, NaiveDate};
use polars_core::chunked_array::builder::get_list_builder;
use polars_core::prelude::{
    Column as FrameColumn, DataFrame, DataType, Int32Chunked, Int64Chunked, IntoColumn,
    IntoSeries as _, NamedFrom as _, NewChunkedArray as _, PlSmallStr, PolarsResult, Series,
    TimeUnit, TimeZone,
};

use super::{Cell, ColumnType, Table, TableError};

/// The `DataFrame` of `table`: the same columns, in order, each of its
/// column's type (`Datetime` columns in microseconds, UTC; JSON columns as
/// their text).
///
/// # Errors
/// [`TableError::Frame`] when polars refuses a column.
pub fn to_dataframe(table: &Table) -> Result<DataFrame, TableError> {
    frame(table).map_err(|err| TableError::Frame(err.to_string()))
}

fn frame(table: &Table) -> PolarsResult<DataFrame> {
    let columns = table
        .columns()
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let cells = table.rows().iter().map(|row| &row[index]);
            series(column.name().into(), column.ty(), cells).map(IntoColumn::into_column)
        })
        .collect::<PolarsResult<Vec<FrameColumn>>>()?;
    DataFrame::new(table.len(), columns)
}

/// The polars type of a column type.
fn dtype(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::String | ColumnType::Json => DataType::String,
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Date => DataType::Date,
        ColumnType::Datetime => DataType::Datetime(TimeUnit::Microseconds, Some(TimeZone::UTC)),
        ColumnType::List(item) => DataType::List(Box::new(dtype(*item))),
    }
}

/// One column of cells as a `Series` of type `ty`.
fn series<'c>(
    name: PlSmallStr,
    ty: ColumnType,
    cells: impl ExactSizeIterator<Item = &'c Cell>,
) -> PolarsResult<Series> {
    Ok(match ty {
        ColumnType::String | ColumnType::Json => {
            let values: Vec<Option<String>> = cells
                .map(|cell| (!cell.is_null()).then(|| cell.to_string()))
                .collect();
            Series::new(name, values)
        }
        ColumnType::Int => {
            let values: Vec<Option<i64>> = cells
                .map(|cell| match cell {
                    Cell::Int(number) => Some(*number),
                    _ => None,
                })
                .collect();
            Series::new(name, values)
        }
        ColumnType::Float => {
            let values: Vec<Option<f64>> = cells
                .map(|cell| match cell {
                    Cell::Float(number) => Some(*number),
                    #[expect(clippy::cast_precision_loss, reason = "an integer in a float column")]
                    Cell::Int(number) => Some(*number as f64),
                    _ => None,
                })
                .collect();
            Series::new(name, values)
        }
        ColumnType::Bool => {
            let values: Vec<Option<bool>> = cells
                .map(|cell| match cell {
                    Cell::Bool(flag) => Some(*flag),
                    _ => None,
                })
                .collect();
            Series::new(name, values)
        }
        ColumnType::Date => {
            let days = cells.map(|cell| match cell {
                Cell::Date(date) => days_since_epoch(date.0),
                _ => None,
            });
            Int32Chunked::from_iter_options(name, days)
                .into_date()
                .into_series()
        }
        ColumnType::Datetime => {
            let micros = cells.map(|cell| match cell {
                Cell::Datetime(instant) => Some(micros_since_epoch(&instant.0)),
                _ => None,
            });
            Int64Chunked::from_iter_options(name, micros)
                .into_datetime(TimeUnit::Microseconds, Some(TimeZone::UTC))
                .into_series()
        }
        ColumnType::List(item) => {
            let mut builder = get_list_builder(&dtype(*item), cells.len(), cells.len(), name);
            for cell in cells {
                match cell {
                    Cell::List(items) => {
                        builder.append_series(&series(PlSmallStr::EMPTY, *item, items.iter())?)?;
                    }
                    _ => builder.append_null(),
                }
            }
            builder.finish().into_series()
        }
    })
}

fn days_since_epoch(date: NaiveDate) -> Option<i32> {
    // `NaiveDate::default()` is the Unix epoch, 1970-01-01.
    let days = date.signed_duration_since(NaiveDate::default()).num_days();
    i32::try_from(days).ok()
}

fn micros_since_epoch<Tz: chrono::TimeZone>(instant: &DateTime<Tz>) -> i64 {
    instant.timestamp_micros()
}
