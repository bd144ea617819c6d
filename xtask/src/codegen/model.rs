//! What the generator knows of one endpoint: the catalog row joined with
//! the Rust types read from the sources, all names qualified.

use std::collections::BTreeMap;
use std::path::Path;

use assured_models::catalog::{self, BodyKind, EndpointDescriptor, IdKind};

use super::source::{FieldInfo, SourceFile, StructInfo};

/// The builder a generated method returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Call<E>`: a single endpoint with a JSON body or none.
    Call,
    /// `List<E>`: a paged endpoint.
    List,
    /// `Upload<E>`: a multipart endpoint.
    Upload,
}

/// One generated facade method.
pub(crate) struct MethodModel {
    pub(crate) descriptor: &'static EndpointDescriptor,
    pub(crate) group: &'static str,
    pub(crate) method: &'static str,
    pub(crate) python: &'static [&'static str],
    pub(crate) shape: Shape,
    pub(crate) doc: String,
    /// Qualified path argument type, if the path has one.
    pub(crate) arg: Option<String>,
    /// Qualified query type (`()` when none).
    pub(crate) query: String,
    /// Qualified body type, for `Call`s with a body.
    pub(crate) body: Option<String>,
    /// Qualified response (record) type.
    pub(crate) response: String,
    /// How to build the query value from the method's arguments.
    pub(crate) query_init: String,
    /// Required query fields, taken as method arguments.
    pub(crate) required: Vec<FieldInfo>,
}

/// A filter type with its fields, for the generated setters.
pub(crate) struct FilterModel {
    pub(crate) query: String,
    pub(crate) fields: Vec<FieldInfo>,
}

/// Everything the generator emits from.
pub(crate) struct Model {
    pub(crate) methods: Vec<MethodModel>,
    pub(crate) helper_rows: Vec<&'static EndpointDescriptor>,
    pub(crate) filters: Vec<FilterModel>,
}

/// Fields the builder itself owns (page size and offsets), never set as filters.
const BUILDER_FIELDS: &[&str] = &["limit", "offset"];

/// Names of `List`'s own methods: a filter with one of these names would
/// shadow it.
const LIST_METHODS: &[&str] = &[
    "new",
    "params",
    "filter",
    "query",
    "limit",
    "page_concurrency",
    "timeout",
    "retry_policy",
    "idempotent",
    "options",
    "page",
    "all",
    "stream",
    "stream_from",
    "df",
];

impl Model {
    /// Reads the catalog and the sources under `models_src`.
    pub(crate) fn load(models_src: &Path) -> Result<Self, String> {
        let mut files: BTreeMap<String, SourceFile> = BTreeMap::new();
        let mut methods = Vec::new();
        let mut helper_rows = Vec::new();
        let mut filters: Vec<FilterModel> = Vec::new();
        for descriptor in catalog::all() {
            let Some(facade) = descriptor.facade else {
                if descriptor.origin.is_live() {
                    return Err(format!("live endpoint {descriptor:?} has no facade method"));
                }
                continue;
            };
            if facade.via_helper {
                helper_rows.push(descriptor);
                continue;
            }
            if !files.contains_key(descriptor.module) {
                files.insert(
                    descriptor.module.to_owned(),
                    SourceFile::load(models_src, descriptor.module)?,
                );
            }
            let catalog_file = &files[descriptor.module];
            let doc = catalog_file
                .row_docs()
                .remove(descriptor.name)
                .unwrap_or_default();
            let qualify = |written: &str| catalog_file.qualify(written);
            let shape = match (descriptor.paging.is_paged(), descriptor.body) {
                (true, _) => Shape::List,
                (false, BodyKind::Multipart) => Shape::Upload,
                (false, _) => Shape::Call,
            };
            let arg = (descriptor.path_arg_type != "()")
                .then(|| qualify(descriptor.path_arg_type))
                .transpose()?;
            let query = qualify(descriptor.query_type)?;
            let body = (shape == Shape::Call && descriptor.body_type != "()")
                .then(|| qualify(descriptor.body_type))
                .transpose()?;
            let response = qualify(descriptor.response_type)?;
            let (query_init, required) = if query == "()" {
                ("()".to_owned(), Vec::new())
            } else {
                let info = query_struct(&mut files, models_src, &query)?;
                if !filters.iter().any(|filter| filter.query == query) {
                    filters.push(filter_model(&query, &info)?);
                }
                query_construction(&query, &info)
            };
            methods.push(MethodModel {
                descriptor,
                group: facade.group,
                method: facade.method,
                python: facade.python,
                shape,
                doc,
                arg,
                query,
                body,
                response,
                query_init,
                required,
            });
        }
        Ok(Self {
            methods,
            helper_rows,
            filters,
        })
    }
}

/// The setters of a filter type: every field but the builder's own.
fn filter_model(query: &str, info: &StructInfo) -> Result<FilterModel, String> {
    let fields: Vec<FieldInfo> = info
        .fields
        .iter()
        .filter(|field| !BUILDER_FIELDS.contains(&field.name.as_str()))
        .cloned()
        .collect();
    if let Some(clash) = fields
        .iter()
        .find(|f| LIST_METHODS.contains(&f.name.as_str()))
    {
        return Err(format!(
            "filter `{}` of {query} clashes with a List method",
            clash.name
        ));
    }
    Ok(FilterModel {
        query: query.to_owned(),
        fields,
    })
}

/// How a generated method builds its query value, and which fields it
/// takes as arguments (the required ones of a type without `Default`).
fn query_construction(query: &str, info: &StructInfo) -> (String, Vec<FieldInfo>) {
    if info.derives_default {
        return (format!("{query}::default()"), Vec::new());
    }
    let is_optional = |field: &FieldInfo| field.ty.starts_with("Option<");
    let required = info
        .fields
        .iter()
        .filter(|field| !is_optional(field))
        .cloned()
        .collect();
    let inits: Vec<String> = info
        .fields
        .iter()
        .map(|field| {
            if is_optional(field) {
                format!("{}: None", field.name)
            } else if super::facade::is_id(&field.ty) {
                format!("{0}: *{0}", field.name)
            } else {
                format!("{0}: {0}.into()", field.name)
            }
        })
        .collect();
    (format!("{query} {{ {} }}", inits.join(", ")), required)
}

/// The struct behind a qualified query type, read from its models file.
fn query_struct(
    files: &mut BTreeMap<String, SourceFile>,
    models_src: &Path,
    query: &str,
) -> Result<StructInfo, String> {
    let (module, name) = query
        .rsplit_once("::")
        .ok_or_else(|| format!("query type {query} is not a path"))?;
    if !files.contains_key(module) {
        files.insert(module.to_owned(), SourceFile::load(models_src, module)?);
    }
    files[module]
        .struct_fields(name)?
        .ok_or_else(|| format!("no struct {name} in {module}"))
}

/// How a path id is named as a parameter.
pub(crate) fn arg_name(descriptor: &EndpointDescriptor) -> &'static str {
    match descriptor.ids {
        IdKind::Profile => "profile",
        IdKind::Account => "account",
        _ => "id",
    }
}

/// The id kind in words, for the docs.
pub(crate) fn id_kind_text(descriptor: &EndpointDescriptor) -> &'static str {
    match descriptor.ids {
        IdKind::Account => {
            "takes provider **account** ids ([`AccountId`](assured_models::AccountId))"
        }
        IdKind::Profile => {
            "takes provider **profile** ids ([`ProfileId`](assured_models::ProfileId))"
        }
        IdKind::Other => "takes the ids of its own records",
        IdKind::Unknown => "takes a provider id whose kind no source states",
        _ => "takes no id",
    }
}
