//! Reading the models' Rust sources: the names a file imports, the structs
//! it declares, and the doc comments of the catalog rows.
//!
//! The catalog at run time knows each endpoint's types only as written
//! (`LicenseCreate`, `Vec<ProviderInvite>`); generated code lives in another
//! crate, so every name is rewritten to a full path through the imports of
//! the file that wrote it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens as _;
use syn::visit_mut::VisitMut;

/// One parsed source file of `assured-models`.
pub(crate) struct SourceFile {
    /// `assured_models::models::providers`
    module: String,
    /// Imported or declared name → full path (`assured_models::...`).
    names: BTreeMap<String, String>,
    file: syn::File,
    /// Structs declared inside a `with_legacy_names!` invocation.
    macro_structs: Vec<syn::ItemStruct>,
}

impl SourceFile {
    /// Parses the file that declares `module` (`assured_models::catalog::providers`).
    pub(crate) fn load(models_src: &Path, module: &str) -> Result<Self, String> {
        let path = module_file(models_src, module)?;
        let text =
            std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        let file = syn::parse_file(&text).map_err(|err| format!("{}: {err}", path.display()))?;
        let mut names = BTreeMap::new();
        let macro_structs = macro_structs(&file);
        for item in &macro_structs {
            names.insert(item.ident.to_string(), format!("{module}::{}", item.ident));
        }
        for item in &file.items {
            match item {
                syn::Item::Use(item) => collect_use(&item.tree, "", module, &mut names),
                syn::Item::Struct(item) => {
                    names.insert(item.ident.to_string(), format!("{module}::{}", item.ident));
                }
                syn::Item::Enum(item) => {
                    names.insert(item.ident.to_string(), format!("{module}::{}", item.ident));
                }
                syn::Item::Type(item) => {
                    names.insert(item.ident.to_string(), format!("{module}::{}", item.ident));
                }
                _ => {}
            }
        }
        Ok(Self {
            module: module.to_owned(),
            names,
            macro_structs,
            file,
        })
    }

    /// A type as this file writes it, with every name made a full path.
    pub(crate) fn qualify(&self, written: &str) -> Result<String, String> {
        let mut ty: syn::Type = syn::parse_str(written)
            .map_err(|err| format!("{}: type `{written}`: {err}", self.module))?;
        Qualifier { file: self }.visit_type_mut(&mut ty);
        Ok(tidy(&ty.to_token_stream().to_string()))
    }

    /// The fields of the struct `name`, in declaration order, with
    /// qualified types; `None` when the file declares no such struct.
    pub(crate) fn struct_fields(&self, name: &str) -> Result<Option<StructInfo>, String> {
        let Some(item) = self.structs().find(|item| item.ident == name) else {
            return Ok(None);
        };
        let derives_default = item.attrs.iter().any(|attr| {
            attr.path().is_ident("derive")
                && attr
                    .meta
                    .to_token_stream()
                    .into_iter()
                    .any(|token| contains_ident(&token, "Default"))
        });
        let mut fields = Vec::new();
        for field in &item.fields {
            let Some(ident) = &field.ident else { continue };
            let written = field.ty.to_token_stream().to_string();
            fields.push(FieldInfo {
                name: ident.to_string(),
                ty: self.qualify(&written)?,
                doc: self.relink(&doc_text(&field.attrs)),
                serde: SerdeField::read(&field.attrs),
            });
        }
        Ok(Some(StructInfo {
            derives_default,
            fields,
        }))
    }

    /// What `name` is in this file: a struct with named fields, a tuple
    /// struct (its qualified field types), an enum, a type alias (its
    /// qualified target), or nothing this file declares.
    pub(crate) fn item(&self, name: &str) -> Result<Declared, String> {
        if let Some(item) = self.structs().find(|item| item.ident == name) {
            if let syn::Fields::Unnamed(fields) = &item.fields {
                let types = fields
                    .unnamed
                    .iter()
                    .map(|field| self.qualify(&field.ty.to_token_stream().to_string()))
                    .collect::<Result<_, _>>()?;
                return Ok(Declared::Tuple(types));
            }
            return Ok(self
                .struct_fields(name)?
                .map_or(Declared::Nothing, Declared::Struct));
        }
        for item in &self.file.items {
            match item {
                syn::Item::Enum(item) if item.ident == name => return Ok(Declared::Enum),
                syn::Item::Type(item) if item.ident == name => {
                    let target = item.ty.to_token_stream().to_string();
                    return Ok(Declared::Alias(self.qualify(&target)?));
                }
                _ => {}
            }
        }
        Ok(Declared::Nothing)
    }

    /// Every struct the file declares, plain or inside a macro invocation.
    fn structs(&self) -> impl Iterator<Item = &syn::ItemStruct> {
        self.file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Struct(item) => Some(item),
                _ => None,
            })
            .chain(&self.macro_structs)
    }

    /// The doc comments of the rows of an `endpoints!` invocation, by
    /// endpoint type name.
    pub(crate) fn row_docs(&self) -> BTreeMap<String, String> {
        let mut docs = BTreeMap::new();
        for item in &self.file.items {
            if let syn::Item::Macro(item) = item
                && item.mac.path.is_ident("endpoints")
            {
                collect_row_docs(item.mac.tokens.clone(), &mut docs);
            }
        }
        for doc in docs.values_mut() {
            *doc = self.relink(doc);
        }
        docs
    }
}

impl SourceFile {
    /// Doc text copied into another crate, with its intra-doc links made
    /// absolute: ``[`Name`]`` resolves through this file's names,
    /// `(crate::...)` becomes `(assured_models::...)`, and a link that
    /// cannot be resolved becomes plain code.
    fn relink(&self, doc: &str) -> String {
        let doc = doc.replace("](crate::", "](assured_models::");
        let mut out = String::with_capacity(doc.len());
        let mut rest = doc.as_str();
        while let Some(start) = rest.find("[`") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find("`]") else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            let tail = &after[end + 2..];
            if tail.starts_with('(') {
                // An explicit target: kept as it is.
                out.push_str(&rest[start..start + 2 + end + 2]);
            } else {
                let (head, member) = name.split_once("::").unwrap_or((name, ""));
                let link = match self.names.get(head) {
                    Some(full) if member.is_empty() => format!("[`{name}`]({full})"),
                    Some(full) => format!("[`{name}`]({full}::{member})"),
                    None => format!("`{name}`"),
                };
                out.push_str(&link);
            }
            rest = tail;
        }
        out.push_str(rest);
        out
    }
}

/// What a name is declared as (see [`SourceFile::item`]).
pub(crate) enum Declared {
    /// A struct with named fields.
    Struct(StructInfo),
    /// A tuple struct, with its qualified field types.
    Tuple(Vec<String>),
    /// An enum.
    Enum,
    /// A type alias, with its qualified target.
    Alias(String),
    /// Not declared in this file (a macro-made type, say).
    Nothing,
}

/// A struct's shape, as the generator needs it.
pub(crate) struct StructInfo {
    /// Whether it derives `Default`.
    pub(crate) derives_default: bool,
    /// Its named fields.
    pub(crate) fields: Vec<FieldInfo>,
}

/// One named field.
#[derive(Clone)]
pub(crate) struct FieldInfo {
    /// The field name.
    pub(crate) name: String,
    /// Its type, qualified.
    pub(crate) ty: String,
    /// Its doc comment, joined into one line.
    pub(crate) doc: String,
    /// What its `#[serde]` attributes change.
    pub(crate) serde: SerdeField,
}

/// The `#[serde]` field attributes that change a field's serialized shape.
#[derive(Clone, Default)]
pub(crate) struct SerdeField {
    /// `rename = "..."`: the name on the wire.
    pub(crate) rename: Option<String>,
    /// `flatten`: the field's entries sit in the enclosing object.
    pub(crate) flatten: bool,
    /// `skip` or `skip_serializing`: never serialized.
    pub(crate) skip: bool,
}

impl SerdeField {
    fn read(attrs: &[syn::Attribute]) -> Self {
        let mut out = Self::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
            // Unknown keys (`with`, `default`, ...) carry a value or none; both
            // are consumed so parsing goes on.
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    let text: syn::LitStr = meta.value()?.parse()?;
                    out.rename = Some(text.value());
                } else if meta.path.is_ident("flatten") {
                    out.flatten = true;
                } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
                    out.skip = true;
                } else if let Ok(value) = meta.value() {
                    let _: syn::Expr = value.parse()?;
                }
                Ok(())
            });
        }
        out
    }
}

/// The file of a module path under `assured-models/src`.
fn module_file(models_src: &Path, module: &str) -> Result<PathBuf, String> {
    let relative = module
        .strip_prefix("assured_models::")
        .ok_or_else(|| format!("{module} is not a module of assured_models"))?
        .replace("::", "/");
    let flat = models_src.join(format!("{relative}.rs"));
    let nested = models_src.join(&relative).join("mod.rs");
    [flat, nested]
        .into_iter()
        .find(|path| path.is_file())
        .ok_or_else(|| format!("no source file for {module}"))
}

/// The structs inside `with_legacy_names! { struct ... legacy: [...] }`
/// invocations (the models' macro for legacy field names): the tokens
/// before `legacy` are a plain struct.
fn macro_structs(file: &syn::File) -> Vec<syn::ItemStruct> {
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(item) if item.mac.path.is_ident("with_legacy_names") => {
                let tokens: TokenStream = item
                    .mac
                    .tokens
                    .clone()
                    .into_iter()
                    .take_while(
                        |token| !matches!(token, TokenTree::Ident(ident) if ident == "legacy"),
                    )
                    .collect();
                syn::parse2(tokens).ok()
            }
            _ => None,
        })
        .collect()
}

/// Records `use` imports: last segment (or alias) → full path.
fn collect_use(
    tree: &syn::UseTree,
    prefix: &str,
    module: &str,
    names: &mut BTreeMap<String, String>,
) {
    let join = |segment: &str| {
        let segment = if segment == "crate" {
            "assured_models"
        } else {
            segment
        };
        if prefix.is_empty() {
            segment.to_owned()
        } else {
            format!("{prefix}::{segment}")
        }
    };
    match tree {
        // `use super::x` in `a::b::c` names `a::b::x`.
        syn::UseTree::Path(path) if path.ident == "super" && prefix.is_empty() => {
            let parent = module
                .rsplit_once("::")
                .map_or(module, |(parent, _)| parent);
            collect_use(&path.tree, parent, module, names);
        }
        syn::UseTree::Path(path) => {
            collect_use(&path.tree, &join(&path.ident.to_string()), module, names);
        }
        syn::UseTree::Name(name) => {
            names.insert(name.ident.to_string(), join(&name.ident.to_string()));
        }
        syn::UseTree::Rename(rename) => {
            names.insert(rename.rename.to_string(), join(&rename.ident.to_string()));
        }
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                collect_use(tree, prefix, module, names);
            }
        }
        syn::UseTree::Glob(_) => {}
    }
}

/// Rewrites the first segment of every path through the file's names.
struct Qualifier<'a> {
    file: &'a SourceFile,
}

impl VisitMut for Qualifier<'_> {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        if path.leading_colon.is_none()
            && let Some(first) = path.segments.first()
            && let Some(full) = self.file.names.get(&first.ident.to_string())
            && let Ok(prefix) = syn::parse_str::<syn::Path>(full)
        {
            let rest: Vec<syn::PathSegment> = path.segments.iter().skip(1).cloned().collect();
            let arguments = path.segments[0].arguments.clone();
            let mut segments = prefix.segments;
            if let Some(last) = segments.last_mut() {
                last.arguments = arguments;
            }
            segments.extend(rest);
            path.segments = segments;
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}

/// `quote`'s spacing (`Vec < T >`) back to the usual form.
fn tidy(text: &str) -> String {
    text.replace(" :: ", "::")
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("& ", "&")
}

fn contains_ident(token: &TokenTree, ident: &str) -> bool {
    match token {
        TokenTree::Ident(found) => found == ident,
        TokenTree::Group(group) => group
            .stream()
            .into_iter()
            .any(|token| contains_ident(&token, ident)),
        _ => false,
    }
}

/// The `///` lines of some attributes, joined with spaces.
fn doc_text(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(meta) if meta.path.is_ident("doc") => match &meta.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Some(text.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Walks `KEY Name { ... }` rows, keeping the `#[doc]` attributes before each.
fn collect_row_docs(tokens: TokenStream, docs: &mut BTreeMap<String, String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut pending: Vec<syn::Attribute> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        match &tokens[index] {
            TokenTree::Punct(punct) if punct.as_char() == '#' => {
                if let Some(TokenTree::Group(group)) = tokens.get(index + 1) {
                    let text = format!("#{group}");
                    if let Ok(attrs) =
                        syn::parse::Parser::parse_str(syn::Attribute::parse_outer, &text)
                    {
                        pending.extend(attrs);
                    }
                }
                index += 2;
            }
            TokenTree::Ident(_) => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(_))) =
                    (tokens.get(index + 1), tokens.get(index + 2))
                {
                    docs.insert(name.to_string(), doc_text(&pending));
                    pending.clear();
                    index += 3;
                } else {
                    index += 1;
                }
            }
            _ => index += 1,
        }
    }
}
