//! [`TableError`]: why a table could not be built or cut.

/// Why a [`Table`](super::Table) could not be built, or a column chosen.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// A record did not serialize to a JSON object.
    #[error("record {index} is not a JSON object")]
    NotAnObject {
        /// Its index in the records.
        index: usize,
    },
    /// A record's value does not have its declared column's type (a model
    /// and its generated schema disagree).
    #[error("record {index}: column `{column}` holds a value that is not {expected}")]
    TypeMismatch {
        /// The record's index.
        index: usize,
        /// The column.
        column: String,
        /// The declared type, in words.
        expected: &'static str,
    },
    /// A column name that the table does not have.
    #[error("unknown column `{name}`{}", suggest(.suggestions))]
    UnknownColumn {
        /// The name asked for.
        name: String,
        /// The closest column names, best first.
        suggestions: Vec<String>,
    },
    /// The `DataFrame` could not be built (feature `polars`).
    #[error("building the DataFrame failed: {0}")]
    Frame(String),
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}
