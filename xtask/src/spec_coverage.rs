//! Spec coverage: the endpoint catalog against the vendor spec and
//! `ENDPOINTS.md`.
//!
//! The rules checked:
//!
//! * every operation (method + path) of the vendor spec is in the catalog;
//! * a catalog entry whose origin says "documented" (`Spec`,
//!   `SpecAuthDiffers`, `Dead`) is in the spec, and one whose origin says
//!   "not documented" (`Undocumented`, `ReplacesDead`) is not;
//! * a `ReplacesDead` entry names a documented path that the catalog holds
//!   as `Dead` (same method), and a `Dead` entry's replacement is a live
//!   catalog entry (same method);
//! * every `ENDPOINTS.md` table row is in the catalog under its key, with the
//!   same method and path, and every catalog entry has a row;
//! * the row's Origin column agrees with the catalog origin (`spec` → `Spec`,
//!   `spec (auth differs)` → `SpecAuthDiffers`, `spec path differs` →
//!   `ReplacesDead`, `... (DEAD ...)` → `Dead`, `undocumented ...` →
//!   `Undocumented`);
//! * dead entries give a reason, auth-differs entries a note;
//! * no key and no method + path appears twice.
//!
//! Paths are compared with the spec with their placeholder names erased
//! (`/tasks/{task_id}/` matches `/tasks/{id}/`); the comparison with
//! `ENDPOINTS.md` is exact.
//!
//! The parsers and [`compare`] are pure functions over text and plain data;
//! [`check_repository`] wires them to the vendored files in `spec/` and to
//! [`assured_models::catalog::all`].

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use assured_models::catalog::{self, EndpointDescriptor, Origin};
use serde_json::Value;

/// The vendored vendor spec, relative to the repository root.
pub const SPEC_FILE: &str = "spec/assured-openapi.json";
/// The vendored endpoint reference, relative to the repository root.
pub const ENDPOINTS_FILE: &str = "spec/ENDPOINTS.md";

/// The HTTP methods a path item of the spec may hold, in lower case.
const SPEC_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// An HTTP operation: a method (upper case) and a path template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Operation {
    /// The method, upper case (`GET`).
    pub method: String,
    /// The path template (`/api/v1/users/provider-personal-info/{id}/`).
    pub path: String,
}

impl Operation {
    /// An operation; the method is upper-cased.
    pub fn new(method: &str, path: &str) -> Self {
        Self {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
        }
    }

    /// The method and the path with its placeholder names erased, for
    /// matching catalog paths with spec paths.
    fn shape(&self) -> (String, String) {
        (self.method.clone(), path_shape(&self.path))
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// The path with every `{name}` placeholder replaced by `{}`.
pub fn path_shape(path: &str) -> String {
    let mut shape = String::with_capacity(path.len());
    let mut in_placeholder = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_placeholder = true;
                shape.push('{');
            }
            '}' => {
                in_placeholder = false;
                shape.push('}');
            }
            _ if in_placeholder => {}
            _ => shape.push(c),
        }
    }
    shape
}

/// A reference file that could not be read as expected; the message lists
/// every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// The operations of a spec document given as JSON text, sorted.
pub fn parse_spec_operations(spec_json: &str) -> Result<Vec<Operation>, ParseError> {
    let spec: Value = serde_json::from_str(spec_json)
        .map_err(|err| ParseError(format!("the spec is not JSON: {err}")))?;
    spec_operations(&spec)
}

/// The operations (method + path) of a spec document, sorted.
///
/// Keys of a path item that are not HTTP methods (`parameters`, `summary`,
/// ...) are ignored.
pub fn spec_operations(spec: &Value) -> Result<Vec<Operation>, ParseError> {
    let paths = spec
        .get("paths")
        .and_then(Value::as_object)
        .ok_or_else(|| ParseError("the spec has no `paths` object".to_owned()))?;
    let mut operations = Vec::new();
    let mut problems = Vec::new();
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            problems.push(format!("path item `{path}` is not an object"));
            continue;
        };
        for key in item.keys() {
            if SPEC_METHODS.contains(&key.to_ascii_lowercase().as_str()) {
                operations.push(Operation::new(key, path));
            }
        }
    }
    if problems.is_empty() {
        operations.sort();
        Ok(operations)
    } else {
        Err(ParseError(problems.join("\n")))
    }
}

/// One endpoint row of the `ENDPOINTS.md` tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointRow {
    /// The row key (`PP6`).
    pub key: String,
    /// The method and path of the row.
    pub operation: Operation,
    /// The 1-based line number of the row.
    pub line: usize,
    /// The Origin column (the tenth cell), when the row has one.
    pub origin: Option<String>,
}

/// The catalog origin (as [`EntryOrigin::label`] names it) that an
/// `ENDPOINTS.md` Origin cell stands for, or `None` for wording this check
/// does not know.
pub fn origin_label_of_cell(cell: &str) -> Option<&'static str> {
    let cell = cell.trim();
    if cell.contains("DEAD") {
        Some("Dead")
    } else if cell.contains("auth differs") {
        Some("SpecAuthDiffers")
    } else if cell.starts_with("spec path differs") {
        Some("ReplacesDead")
    } else if cell.starts_with("undocumented") {
        Some("Undocumented")
    } else if cell == "spec" {
        Some("Spec")
    } else {
        None
    }
}

/// The endpoint rows of `ENDPOINTS.md`, in document order.
///
/// An endpoint row is a table row `| KEY | METHOD | `path` | ...` whose first
/// cell is a key: upper-case letters followed by digits (`US1`, `PP31`).
/// Other table rows (headers, separators, other tables) are skipped; a row
/// with a key but a malformed method or path is an error, so that a typo
/// cannot silently drop an endpoint.
pub fn parse_endpoint_rows(markdown: &str) -> Result<Vec<EndpointRow>, ParseError> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        let line_number = index + 1;
        let trimmed = line.trim();
        if !trimmed.starts_with('|') {
            continue;
        }
        let cells = split_cells(trimmed);
        let Some(key) = cells.first().map(|cell| cell.trim()) else {
            continue;
        };
        if !is_row_key(key) {
            continue;
        }
        let method = cells.get(1).map_or("", |cell| cell.trim());
        let path = cells.get(2).map_or("", |cell| cell.trim());
        let path = path
            .strip_prefix('`')
            .and_then(|path| path.strip_suffix('`'))
            .unwrap_or("");
        let method_ok = SPEC_METHODS
            .iter()
            .any(|known| known.to_ascii_uppercase() == method);
        if !method_ok {
            problems.push(format!(
                "line {line_number}: row {key}: `{method}` is not an upper-case HTTP method"
            ));
        }
        if !path.starts_with('/') {
            problems.push(format!(
                "line {line_number}: row {key}: the path cell is not a `/...` path in backticks"
            ));
        }
        if method_ok && path.starts_with('/') {
            rows.push(EndpointRow {
                key: key.to_owned(),
                operation: Operation::new(method, path),
                line: line_number,
                origin: cells.get(9).map(|cell| cell.trim().to_owned()),
            });
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(ParseError(problems.join("\n")))
    }
}

/// The cells of a Markdown table row (without the outer pipes); `\|` is an
/// escaped pipe inside a cell.
fn split_cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells
}

/// Whether `cell` looks like a row key: `[A-Z]+[0-9]+`.
fn is_row_key(cell: &str) -> bool {
    let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = &cell[letters..];
    letters > 0 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A catalog entry's relation to the spec, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryOrigin {
    /// Documented at this method and path.
    Spec,
    /// Documented, but production needs other auth.
    SpecAuthDiffers {
        /// What production does.
        note: String,
    },
    /// Not in the spec.
    Undocumented,
    /// Not in the spec; replaces a documented, dead path.
    ReplacesDead {
        /// The documented, dead path.
        documented: String,
    },
    /// Documented, dead in production.
    Dead {
        /// Why it is dead / what production does.
        reason: String,
        /// The working path, if any.
        replacement: Option<String>,
    },
    /// An origin this check does not know (the catalog grew a variant):
    /// always reported as a mismatch until the check learns it.
    Unknown {
        /// `Debug` of the origin.
        description: String,
        /// What the catalog says about the spec.
        in_spec: bool,
    },
}

impl EntryOrigin {
    /// The plain-data form of a catalog origin.
    pub fn from_origin(origin: Origin) -> Self {
        match origin {
            Origin::Spec => Self::Spec,
            Origin::SpecAuthDiffers { note } => Self::SpecAuthDiffers {
                note: note.to_owned(),
            },
            Origin::Undocumented => Self::Undocumented,
            // The catalog names the other entry by key; this check compares
            // paths, so resolve it (an unknown key cannot match any path).
            Origin::ReplacesDead { dead } => Self::ReplacesDead {
                documented: origin
                    .replaces()
                    .map_or_else(|| format!("<no catalog key {dead}>"), |d| d.path.to_owned()),
            },
            Origin::Dead {
                reason,
                replacement,
            } => Self::Dead {
                reason: reason.to_owned(),
                replacement: replacement.map(|key| {
                    origin
                        .replacement()
                        .map_or_else(|| format!("<no catalog key {key}>"), |d| d.path.to_owned())
                }),
            },
            other => Self::Unknown {
                description: format!("{other:?}"),
                in_spec: other.in_spec(),
            },
        }
    }

    /// Whether the origin claims the spec documents the endpoint.
    pub fn in_spec(&self) -> bool {
        match self {
            Self::Spec | Self::SpecAuthDiffers { .. } | Self::Dead { .. } => true,
            Self::Undocumented | Self::ReplacesDead { .. } => false,
            Self::Unknown { in_spec, .. } => *in_spec,
        }
    }

    /// The variant name (`Spec`, `Dead`, ...), or the `Debug` of an unknown
    /// origin.
    pub fn label(&self) -> &str {
        match self {
            Self::Spec => "Spec",
            Self::SpecAuthDiffers { .. } => "SpecAuthDiffers",
            Self::Undocumented => "Undocumented",
            Self::ReplacesDead { .. } => "ReplacesDead",
            Self::Dead { .. } => "Dead",
            Self::Unknown { description, .. } => description,
        }
    }
}

/// A catalog entry, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    /// Row key (`PP6`).
    pub key: String,
    /// Rust type name of the endpoint.
    pub name: String,
    /// Method and path template.
    pub operation: Operation,
    /// Relation to the spec.
    pub origin: EntryOrigin,
}

impl CatalogEntry {
    /// The plain-data form of a descriptor.
    pub fn from_descriptor(descriptor: &EndpointDescriptor) -> Self {
        Self {
            key: descriptor.key.to_owned(),
            name: descriptor.name.to_owned(),
            operation: Operation::new(descriptor.method.as_str(), descriptor.path),
            origin: EntryOrigin::from_origin(descriptor.origin),
        }
    }
}

/// Every entry of the `assured-models` catalog, in catalog order.
pub fn catalog_entries() -> Vec<CatalogEntry> {
    catalog::all().map(CatalogEntry::from_descriptor).collect()
}

/// One endpoint listed in the report, with a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Row key (catalog or `ENDPOINTS.md`).
    pub key: String,
    /// Method and path.
    pub operation: Operation,
    /// What is said about it (reason, replacement, difference ...).
    pub detail: String,
}

impl Item {
    fn new(key: &str, operation: &Operation, detail: impl Into<String>) -> Self {
        Self {
            key: key.to_owned(),
            operation: operation.clone(),
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<5} {}", self.key, self.operation)?;
        if !self.detail.is_empty() {
            write!(f, " — {}", self.detail)?;
        }
        Ok(())
    }
}

/// The result of a comparison: counts, the classified catalog, and every
/// mismatch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Operations in the vendor spec.
    pub spec_operations: usize,
    /// Entries in the catalog.
    pub catalog_entries: usize,
    /// Endpoint rows in `ENDPOINTS.md`.
    pub endpoint_rows: usize,
    /// Catalog entries whose method + path the spec documents.
    pub catalog_in_spec: usize,

    /// Keys of the entries documented as they are (`Spec`).
    pub documented: Vec<String>,
    /// Documented entries whose auth differs in production.
    pub auth_differs: Vec<Item>,
    /// Entries absent from the spec (`Undocumented`).
    pub undocumented: Vec<Item>,
    /// Entries absent from the spec that replace a dead documented path;
    /// the detail names that path.
    pub replacements: Vec<Item>,
    /// Documented entries that are dead in production; the detail gives the
    /// reason and the replacement.
    pub dead: Vec<Item>,

    /// Mismatch: spec operations with no catalog entry.
    pub missing_from_catalog: Vec<Operation>,
    /// Mismatch: catalog entries whose origin contradicts the spec (marked
    /// documented but absent, marked undocumented but present), or whose
    /// origin this check does not know.
    pub origin_contradictions: Vec<Item>,
    /// Mismatch: `ENDPOINTS.md` rows with no catalog entry of that key.
    pub rows_missing_from_catalog: Vec<Item>,
    /// Mismatch: `ENDPOINTS.md` rows whose catalog entry has another method
    /// or path.
    pub rows_differing: Vec<Item>,
    /// Mismatch: catalog entries whose key has no `ENDPOINTS.md` row.
    pub catalog_not_in_rows: Vec<Item>,
    /// Mismatch: `ENDPOINTS.md` rows whose Origin column disagrees with the
    /// catalog origin (or uses wording this check does not know).
    pub origin_column_differs: Vec<Item>,
    /// Mismatch: duplicate keys or operations, and dead/replacement
    /// references that do not point where they should.
    pub inconsistencies: Vec<String>,
}

impl Report {
    /// The number of mismatches of every kind.
    pub fn mismatches(&self) -> usize {
        self.missing_from_catalog.len()
            + self.origin_contradictions.len()
            + self.rows_missing_from_catalog.len()
            + self.rows_differing.len()
            + self.catalog_not_in_rows.len()
            + self.origin_column_differs.len()
            + self.inconsistencies.len()
    }

    /// Whether catalog, spec and `ENDPOINTS.md` agree.
    pub fn is_clean(&self) -> bool {
        self.mismatches() == 0
    }
}

/// Compares the spec's operations, the `ENDPOINTS.md` rows and the catalog.
#[allow(clippy::too_many_lines)] // one pass per rule, kept together
pub fn compare(spec: &[Operation], rows: &[EndpointRow], catalog: &[CatalogEntry]) -> Report {
    let mut report = Report {
        spec_operations: spec.len(),
        catalog_entries: catalog.len(),
        endpoint_rows: rows.len(),
        ..Report::default()
    };
    let spec_shapes: BTreeSet<(String, String)> = spec.iter().map(Operation::shape).collect();

    // Duplicates.
    let mut catalog_by_key: BTreeMap<&str, &CatalogEntry> = BTreeMap::new();
    let mut catalog_by_shape: BTreeMap<(String, String), &CatalogEntry> = BTreeMap::new();
    for entry in catalog {
        if let Some(first) = insert_first(&mut catalog_by_key, &entry.key, entry) {
            report.inconsistencies.push(format!(
                "catalog key {} is used twice ({} and {})",
                entry.key, first.name, entry.name
            ));
        }
        if let Some(first) = insert_first(&mut catalog_by_shape, entry.operation.shape(), entry) {
            report.inconsistencies.push(format!(
                "catalog entries {} and {} are both {}",
                first.key, entry.key, entry.operation
            ));
        }
    }
    let mut rows_by_key: BTreeMap<&str, &EndpointRow> = BTreeMap::new();
    let mut row_operations: BTreeMap<&Operation, &EndpointRow> = BTreeMap::new();
    for row in rows {
        if let Some(first) = insert_first(&mut rows_by_key, &row.key, row) {
            report.inconsistencies.push(format!(
                "ENDPOINTS.md key {} is used twice (lines {} and {})",
                row.key, first.line, row.line
            ));
        }
        if let Some(first) = insert_first(&mut row_operations, &row.operation, row) {
            report.inconsistencies.push(format!(
                "ENDPOINTS.md rows {} and {} are both {}",
                first.key, row.key, row.operation
            ));
        }
    }

    // The spec against the catalog.
    for operation in spec {
        if !catalog_by_shape.contains_key(&operation.shape()) {
            report.missing_from_catalog.push(operation.clone());
        }
    }
    for entry in catalog {
        let (key, operation) = (entry.key.as_str(), &entry.operation);
        let present = spec_shapes.contains(&operation.shape());
        if present {
            report.catalog_in_spec += 1;
        }
        if entry.origin.in_spec() && !present {
            report.origin_contradictions.push(Item::new(
                key,
                operation,
                format!(
                    "marked {} but the spec has no such operation",
                    entry.origin.label()
                ),
            ));
        } else if !entry.origin.in_spec() && present {
            report.origin_contradictions.push(Item::new(
                key,
                operation,
                format!("marked {} but the spec documents it", entry.origin.label()),
            ));
        }
        match &entry.origin {
            EntryOrigin::Spec => report.documented.push(entry.key.clone()),
            EntryOrigin::SpecAuthDiffers { note } => {
                report
                    .auth_differs
                    .push(Item::new(key, operation, note.clone()));
                if note.trim().is_empty() {
                    report
                        .inconsistencies
                        .push(format!("{key} is SpecAuthDiffers with an empty note"));
                }
            }
            EntryOrigin::Undocumented => {
                report.undocumented.push(Item::new(key, operation, ""));
            }
            EntryOrigin::ReplacesDead { documented } => {
                report.replacements.push(Item::new(
                    key,
                    operation,
                    format!("replaces {} {documented}", operation.method),
                ));
                let dead = Operation::new(&operation.method, documented);
                if !spec_shapes.contains(&dead.shape()) {
                    report.inconsistencies.push(format!(
                        "{key} replaces {dead}, which the spec does not document"
                    ));
                }
                match catalog_by_shape.get(&dead.shape()) {
                    Some(target) if matches!(target.origin, EntryOrigin::Dead { .. }) => {}
                    Some(target) => report.inconsistencies.push(format!(
                        "{key} replaces {dead}, but the catalog marks {} {}, not Dead",
                        target.key,
                        target.origin.label()
                    )),
                    None => report.inconsistencies.push(format!(
                        "{key} replaces {dead}, which is not in the catalog"
                    )),
                }
            }
            EntryOrigin::Dead {
                reason,
                replacement,
            } => {
                let detail = match replacement {
                    Some(path) => format!("{reason}; use {} {path}", operation.method),
                    None => format!("{reason}; no replacement"),
                };
                report.dead.push(Item::new(key, operation, detail));
                if reason.trim().is_empty() {
                    report
                        .inconsistencies
                        .push(format!("{key} is Dead with an empty reason"));
                }
                if let Some(path) = replacement {
                    let live = Operation::new(&operation.method, path);
                    match catalog_by_shape.get(&live.shape()) {
                        Some(target) if matches!(target.origin, EntryOrigin::Dead { .. }) => {
                            report.inconsistencies.push(format!(
                                "{key}'s replacement {live} ({}) is dead too",
                                target.key
                            ));
                        }
                        Some(_) => {}
                        None => report
                            .inconsistencies
                            .push(format!("{key}'s replacement {live} is not in the catalog")),
                    }
                }
            }
            EntryOrigin::Unknown { description, .. } => {
                report.origin_contradictions.push(Item::new(
                    key,
                    operation,
                    format!("origin {description} is unknown to spec-coverage: teach it"),
                ));
            }
        }
    }

    // ENDPOINTS.md against the catalog.
    for row in rows {
        match catalog_by_key.get(row.key.as_str()) {
            None => report.rows_missing_from_catalog.push(Item::new(
                &row.key,
                &row.operation,
                format!("ENDPOINTS.md line {}", row.line),
            )),
            Some(entry) => {
                if entry.operation != row.operation {
                    report.rows_differing.push(Item::new(
                        &row.key,
                        &row.operation,
                        format!("the catalog has {} ({})", entry.operation, entry.name),
                    ));
                }
                if let Some(cell) = &row.origin {
                    match origin_label_of_cell(cell) {
                        Some(label) if label == entry.origin.label() => {}
                        Some(label) => report.origin_column_differs.push(Item::new(
                            &row.key,
                            &row.operation,
                            format!(
                                "ENDPOINTS.md says `{cell}` ({label}), the catalog {}",
                                entry.origin.label()
                            ),
                        )),
                        None => report.origin_column_differs.push(Item::new(
                            &row.key,
                            &row.operation,
                            format!("ENDPOINTS.md origin `{cell}` is unknown to spec-coverage"),
                        )),
                    }
                }
            }
        }
    }
    for entry in catalog {
        if !rows_by_key.contains_key(entry.key.as_str()) {
            report.catalog_not_in_rows.push(Item::new(
                &entry.key,
                &entry.operation,
                format!("{} has no ENDPOINTS.md row", entry.name),
            ));
        }
    }
    report
}

/// Inserts `value` unless `key` is taken; returns the value already there.
fn insert_first<K: Ord, V: Copy>(map: &mut BTreeMap<K, V>, key: K, value: V) -> Option<V> {
    match map.entry(key) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(value);
            None
        }
    }
}

/// Reads the vendored spec and `ENDPOINTS.md` under `root` and compares
/// them with the `assured-models` catalog.
pub fn check_repository(root: &Path) -> Result<Report, String> {
    let read = |relative: &str| {
        std::fs::read_to_string(root.join(relative))
            .map_err(|err| format!("cannot read {relative}: {err}"))
    };
    let spec =
        parse_spec_operations(&read(SPEC_FILE)?).map_err(|err| format!("{SPEC_FILE}: {err}"))?;
    let rows = parse_endpoint_rows(&read(ENDPOINTS_FILE)?)
        .map_err(|err| format!("{ENDPOINTS_FILE}: {err}"))?;
    Ok(compare(&spec, &rows, &catalog_entries()))
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "spec coverage: {SPEC_FILE} / {ENDPOINTS_FILE} / catalog")?;
        writeln!(f)?;
        writeln!(
            f,
            "operations in the vendor spec:       {:>4}",
            self.spec_operations
        )?;
        writeln!(
            f,
            "entries in the catalog:              {:>4}",
            self.catalog_entries
        )?;
        writeln!(
            f,
            "endpoint rows in ENDPOINTS.md:       {:>4}",
            self.endpoint_rows
        )?;
        writeln!(
            f,
            "catalog entries the spec documents:  {:>4}  (as documented {}, auth differs {}, dead {})",
            self.catalog_in_spec,
            self.documented.len(),
            self.auth_differs.len(),
            self.dead.len()
        )?;
        writeln!(
            f,
            "catalog entries not in the spec:     {:>4}  (undocumented {}, replacing a dead path {})",
            self.catalog_entries - self.catalog_in_spec,
            self.undocumented.len(),
            self.replacements.len()
        )?;

        writeln!(f)?;
        writeln!(f, "documented as they are ({}):", self.documented.len())?;
        for chunk in self.documented.chunks(12) {
            writeln!(f, "  {}", chunk.join(" "))?;
        }
        list(
            f,
            "documented, but production needs other auth",
            &self.auth_differs,
        )?;
        list(f, "undocumented", &self.undocumented)?;
        list(
            f,
            "replacements of dead documented paths",
            &self.replacements,
        )?;
        list(f, "dead in production", &self.dead)?;

        writeln!(f)?;
        writeln!(f, "mismatches (each must be 0):")?;
        writeln!(
            f,
            "  spec operations missing from the catalog: {}",
            self.missing_from_catalog.len()
        )?;
        for operation in &self.missing_from_catalog {
            writeln!(f, "    {operation}")?;
        }
        count_list(
            f,
            "catalog entries whose origin contradicts the spec",
            &self.origin_contradictions,
        )?;
        count_list(
            f,
            "ENDPOINTS.md rows missing from the catalog",
            &self.rows_missing_from_catalog,
        )?;
        count_list(
            f,
            "ENDPOINTS.md rows whose catalog method/path differs",
            &self.rows_differing,
        )?;
        count_list(
            f,
            "catalog entries without an ENDPOINTS.md row",
            &self.catalog_not_in_rows,
        )?;
        count_list(
            f,
            "ENDPOINTS.md Origin column vs catalog origin",
            &self.origin_column_differs,
        )?;
        writeln!(
            f,
            "  duplicates and broken dead/replacement references: {}",
            self.inconsistencies.len()
        )?;
        for line in &self.inconsistencies {
            writeln!(f, "    {line}")?;
        }

        writeln!(f)?;
        if self.is_clean() {
            writeln!(f, "result: OK")
        } else {
            writeln!(f, "result: {} mismatch(es)", self.mismatches())
        }
    }
}

fn list(f: &mut fmt::Formatter<'_>, title: &str, items: &[Item]) -> fmt::Result {
    writeln!(f, "{title} ({}):", items.len())?;
    for item in items {
        writeln!(f, "  {item}")?;
    }
    Ok(())
}

fn count_list(f: &mut fmt::Formatter<'_>, title: &str, items: &[Item]) -> fmt::Result {
    writeln!(f, "  {title}: {}", items.len())?;
    for item in items {
        writeln!(f, "    {item}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_erase_placeholder_names() {
        assert_eq!(path_shape("/a/{task_id}/b/"), "/a/{}/b/");
        assert_eq!(path_shape("/a/b/"), "/a/b/");
    }

    #[test]
    fn cells_keep_escaped_pipes() {
        assert_eq!(
            split_cells(r"| A1 | x \|\| y | z |"),
            vec![" A1 ", r" x || y ", " z "]
        );
    }

    #[test]
    fn row_keys() {
        for key in ["US1", "PP31", "A0"] {
            assert!(is_row_key(key), "{key}");
        }
        for cell in ["#", "---", "US", "1", "Us1", "US1a", ""] {
            assert!(!is_row_key(cell), "{cell}");
        }
    }
}
