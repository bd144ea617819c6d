//! A table as text: a header row and one row per record, or, for a single
//! record, one row per column.

use assured::table::Table;
use comfy_table::presets::ASCII_MARKDOWN;

/// One row per record.
pub(crate) fn render(table: &Table) -> String {
    let mut text = comfy_table::Table::new();
    text.load_preset(ASCII_MARKDOWN);
    text.set_header(table.columns().iter().map(assured::table::Column::name));
    for row in table.rows() {
        text.add_row(row.iter().map(ToString::to_string));
    }
    format!("{text}\n")
}

/// One row per column (`field | value`): how a single record reads best.
pub(crate) fn render_vertical(table: &Table) -> String {
    let mut text = comfy_table::Table::new();
    text.load_preset(ASCII_MARKDOWN);
    text.set_header(["field", "value"]);
    for (index, column) in table.columns().iter().enumerate() {
        let values: Vec<String> = table
            .rows()
            .iter()
            .map(|row| row.get(index).map(ToString::to_string).unwrap_or_default())
            .collect();
        text.add_row([column.name().to_owned(), values.join(", ")]);
    }
    format!("{text}\n")
}
