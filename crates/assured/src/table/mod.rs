//! Records as typed tables: the flattening behind `.df()` (feature
//! `polars`) and the command-line tool's CSV and tables.
//!
//! Columns follow pandas' `json_normalize`:
//!
//! * a nested object becomes dot-separated columns (`client_details.name`);
//! * a list stays one list column;
//! * every column has a type, and the types come from the SDK's models
//!   ([`Tabular`], generated from the models' sources), not from sampling
//!   rows: a column that is null in every record still has its type, and an
//!   empty listing gives the typed columns with zero rows;
//! * fields the models do not know (kept in each record's `extra`) become
//!   columns too, their type inferred from every record.
//!
//! ```
//! use assured::models::{AccountId, Provider};
//! use assured::table::{Cell, ColumnType, Table};
//!
//! let provider: Provider = serde_json::from_value(serde_json::json!({
//!     "id": "6f1c2a57-3f0e-4b7a-9f43-0c1e2d3b4a59",
//!     "npi": "1234567893",
//!     "is_active": true,
//!     "badge": {"colour": "green"},
//! }))?;
//! let table = Table::from_records(&[provider])?;
//!
//! let npi = table.column("npi").expect("a declared column");
//! assert_eq!(table.columns()[npi].ty(), ColumnType::String);
//! let badge = table.column("badge.colour").expect("an inferred column");
//! assert_eq!(table.rows()[0][badge], Cell::String("green".into()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cell;
mod error;
pub(crate) mod flatten;
#[cfg(feature = "polars")]
mod frame;
mod infer;
mod schemas;

pub use cell::Cell;
pub use error::TableError;
pub use flatten::Table;
#[cfg(feature = "polars")]
pub use frame::to_dataframe;

/// The polars crate the `DataFrame`s are built with (`polars-core`, feature
/// `polars`): its `DataFrame` is the one the `polars` crate re-exports.
#[cfg(feature = "polars")]
pub use polars_core;

/// The type of a column.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text (ids are text too).
    String,
    /// A whole number.
    Int,
    /// A floating-point number.
    Float,
    /// `true` or `false`.
    Bool,
    /// A calendar date ([`ApiDate`](crate::models::ApiDate)).
    Date,
    /// An instant ([`ApiDateTime`](crate::models::ApiDateTime)), in UTC.
    Datetime,
    /// A list of values of one type.
    List(&'static ColumnType),
    /// Any JSON value (a field that takes several shapes), kept as it is.
    Json,
}

/// A declared column of a model: its dot-separated name and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The dot-separated name (`client_details.name`).
    pub name: &'static str,
    /// The type.
    pub ty: ColumnType,
}

impl ColumnSpec {
    /// A column named `name` of type `ty`.
    pub const fn new(name: &'static str, ty: ColumnType) -> Self {
        Self { name, ty }
    }
}

/// A model whose records make table rows: its declared columns, generated
/// by `cargo xtask codegen` from the model's fields.
///
/// Implemented for the record type of every paged endpoint and for every
/// model a `GET` endpoint returns.
pub trait Tabular: serde::Serialize {
    /// The declared columns, in the model's field order, nested structs
    /// flattened in place.
    const COLUMNS: &'static [ColumnSpec];
}

/// One column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    name: String,
    ty: ColumnType,
    declared: bool,
}

impl Column {
    /// The dot-separated name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The type.
    pub fn ty(&self) -> ColumnType {
        self.ty
    }

    /// Whether the models declare it (`false` for a column inferred from
    /// fields the models do not know).
    pub fn is_declared(&self) -> bool {
        self.declared
    }
}
