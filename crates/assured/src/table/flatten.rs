//! [`Table`]: records flattened into typed columns, `json_normalize`-style.

use std::collections::{HashMap, HashSet};

use crate::models::strip_secrets;
use serde_json::{Map, Value};

use super::infer::infer;
use super::{Cell, Column, ColumnSpec, ColumnType, TableError, Tabular};

/// Records as rows of typed cells: the declared columns of the records'
/// model, then the columns inferred from fields the model does not know,
/// in the order they were first seen.
///
/// See the [module docs](super) for the flattening rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table of `records`, typed by their model's [`Tabular`] schema.
    ///
    /// # Errors
    /// [`TableError::NotAnObject`] or [`TableError::TypeMismatch`] when a
    /// record does not serialize to what its schema declares (a model and
    /// its generated schema disagree).
    pub fn from_records<T: Tabular>(records: &[T]) -> Result<Self, TableError> {
        let mut builder = Builder::new(T::COLUMNS);
        for record in records {
            builder.push_record(record)?;
        }
        Ok(builder.finish())
    }

    /// The table of JSON records, with `declared` as the typed columns.
    ///
    /// # Errors
    /// As [`from_records`](Table::from_records).
    pub fn from_values(
        declared: &[ColumnSpec],
        records: impl IntoIterator<Item = Value>,
    ) -> Result<Self, TableError> {
        let mut builder = Builder::new(declared);
        for record in records {
            builder.push_value(record)?;
        }
        Ok(builder.finish())
    }

    /// The columns.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The index of the column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.name == name)
    }

    /// The rows; each has one cell per column, in column order.
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// The columns and the rows, by value.
    pub fn into_parts(self) -> (Vec<Column>, Vec<Vec<Cell>>) {
        (self.columns, self.rows)
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// A table of only the columns `names`, in that order.
    ///
    /// # Errors
    /// [`TableError::UnknownColumn`], with the closest names, for a name
    /// the table does not have.
    pub fn select(&self, names: &[&str]) -> Result<Self, TableError> {
        let indices = names
            .iter()
            .map(|name| {
                self.column(name).ok_or_else(|| TableError::UnknownColumn {
                    name: (*name).to_owned(),
                    suggestions: closest(name, self.columns.iter().map(Column::name)),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            columns: indices.iter().map(|&i| self.columns[i].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|row| indices.iter().map(|&i| row[i].clone()).collect())
                .collect(),
        })
    }
}

/// Up to three of `candidates` that look like `name`, best first.
pub(crate) fn closest<'c>(name: &str, candidates: impl Iterator<Item = &'c str>) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(3)
        .map(|(_, candidate)| candidate.to_owned())
        .collect()
}

/// A table under construction, one record at a time (so a listing can be
/// flattened as it streams in).
pub(crate) struct Builder<'s> {
    declared: &'s [ColumnSpec],
    /// Declared column name → index.
    index: HashMap<&'s str, usize>,
    /// `a.` for every declared column `a.b`: objects to walk into.
    prefixes: HashSet<String>,
    /// Inferred column names, first seen first, and their index.
    inferred: Vec<String>,
    inferred_index: HashMap<String, usize>,
    /// Per row: the declared cells, and the inferred values (sparse).
    rows: Vec<Row>,
}

impl<'s> Builder<'s> {
    pub(crate) fn new(declared: &'s [ColumnSpec]) -> Self {
        let mut prefixes = HashSet::new();
        for spec in declared {
            let mut end = 0;
            while let Some(dot) = spec.name[end..].find('.') {
                end += dot + 1;
                prefixes.insert(spec.name[..end].to_owned());
            }
        }
        Self {
            declared,
            index: declared
                .iter()
                .enumerate()
                .map(|(i, spec)| (spec.name, i))
                .collect(),
            prefixes,
            inferred: Vec::new(),
            inferred_index: HashMap::new(),
            rows: Vec::new(),
        }
    }

    /// Adds a typed record.
    pub(crate) fn push_record<T: Tabular>(&mut self, record: &T) -> Result<(), TableError> {
        self.push_value(serde_json::to_value(record).unwrap_or(Value::Null))
    }

    /// Adds a JSON record.
    pub(crate) fn push_value(&mut self, mut record: Value) -> Result<(), TableError> {
        let index = self.rows.len();
        // Credentials never become cells, wherever the server put them.
        strip_secrets(&mut record);
        let Value::Object(object) = record else {
            return Err(TableError::NotAnObject { index });
        };
        self.push(index, &object)
    }

    fn push(&mut self, index: usize, object: &Map<String, Value>) -> Result<(), TableError> {
        let mut row = Row {
            declared: vec![Cell::Null; self.declared.len()],
            inferred: Vec::new(),
        };
        self.walk(index, object, "", &mut row)?;
        self.rows.push(row);
        Ok(())
    }

    fn walk(
        &mut self,
        index: usize,
        object: &Map<String, Value>,
        prefix: &str,
        row: &mut Row,
    ) -> Result<(), TableError> {
        for (key, value) in object {
            let name = format!("{prefix}{key}");
            if let Some(&column) = self.index.get(name.as_str()) {
                let ty = self.declared[column].ty;
                row.declared[column] =
                    Cell::typed(value, ty).ok_or_else(|| TableError::TypeMismatch {
                        index,
                        column: name,
                        expected: type_name(ty),
                    })?;
                continue;
            }
            match value {
                // A nested object, declared or not: its fields are columns.
                Value::Object(inner) if !inner.is_empty() => {
                    self.walk(index, inner, &format!("{name}."), row)?;
                }
                // Null or absent nested structs leave their columns null.
                Value::Null if self.prefixes.contains(&format!("{name}.")) => {}
                _ => {
                    let column = self.inferred_column(name);
                    row.inferred.push((column, value.clone()));
                }
            }
        }
        Ok(())
    }

    fn inferred_column(&mut self, name: String) -> usize {
        if let Some(&column) = self.inferred_index.get(&name) {
            return column;
        }
        let column = self.inferred.len();
        self.inferred.push(name.clone());
        self.inferred_index.insert(name, column);
        column
    }

    /// The table: inferred columns get their types from every record.
    pub(crate) fn finish(self) -> Table {
        let mut by_column: Vec<Vec<&Value>> = vec![Vec::new(); self.inferred.len()];
        for row in &self.rows {
            for (column, value) in &row.inferred {
                by_column[*column].push(value);
            }
        }
        let inferred_types: Vec<ColumnType> = by_column
            .into_iter()
            .map(|values| infer(values.into_iter()))
            .collect();
        let mut columns: Vec<Column> = self
            .declared
            .iter()
            .map(|spec| Column {
                name: spec.name.to_owned(),
                ty: spec.ty,
                declared: true,
            })
            .collect();
        columns.extend(
            self.inferred
                .into_iter()
                .zip(&inferred_types)
                .map(|(name, ty)| Column {
                    name,
                    ty: *ty,
                    declared: false,
                }),
        );
        let rows = self
            .rows
            .into_iter()
            .map(|row| {
                let mut cells = row.declared;
                let start = cells.len();
                cells.resize(start + inferred_types.len(), Cell::Null);
                for (column, value) in row.inferred {
                    let ty = inferred_types[column];
                    cells[start + column] = Cell::typed(&value, ty).unwrap_or(Cell::Json(value));
                }
                cells
            })
            .collect();
        Table { columns, rows }
    }
}

/// One record's cells while it is walked.
struct Row {
    declared: Vec<Cell>,
    inferred: Vec<(usize, Value)>,
}

/// A type in words, for errors.
fn type_name(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::String => "text",
        ColumnType::Int => "an integer",
        ColumnType::Float => "a number",
        ColumnType::Bool => "a boolean",
        ColumnType::Date => "a date",
        ColumnType::Datetime => "a date-time",
        ColumnType::List(_) => "a list",
        ColumnType::Json => "JSON",
    }
}
