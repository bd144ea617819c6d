//! A table as CSV: a header row of the flattened column names, then one row
//! per record (cells as their text: empty for null, lists as JSON).

use std::io::Write;

use assured::table::Table;

/// Writes `table` as CSV.
pub(crate) fn write(table: &Table, out: impl Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(table.columns().iter().map(assured::table::Column::name))?;
    for row in table.rows() {
        writer.write_record(row.iter().map(ToString::to_string))?;
    }
    writer.flush()
}
