//! Emits the generated part of the `assured` command-line tool
//! (`crates/assured-cli/src/generated/`): a `list` subcommand for every
//! paged endpoint, and the writable fields of `assured profile set`.
//!
//! Each listing becomes `assured <noun> list`: the noun is the facade
//! method without its `list_` prefix (`list_licenses` → `licenses`), or the
//! handle's name for a plain `list` (`providers.list` → `providers`). A noun
//! two endpoints would share goes to the plain `list`, the other gets its
//! handle's name in front (`practice-locations-providers`). Required ids
//! become flags named after their type (`ProfileId` → `--profile`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::facade::{HEADER, is_id};
use super::model::{MethodModel, Model, Shape};
use super::source::SourceFile;

/// Where the generated files go, relative to the repository root.
pub const CLI_DIR: &str = "crates/assured-cli/src/generated";

/// Top-level commands written by hand: no generated noun may take them.
const RESERVED: &[&str] = &["profile", "ssn", "docs", "mock", "help"];

/// Nouns whose command is written by hand (it has more actions than
/// `list`); the generated code gives it the `list` arguments only.
const HAND_EXTENDED: &[&str] = &["providers"];

/// The handle whose listings keep their bare noun (`licenses`, not
/// `provider-profile-licenses`): every one of them is a provider's records.
const OWN_NOUNS: &str = "provider_profile";

/// The overlay type behind `assured profile set`, and the module declaring it.
const PERSONAL_INFO_UPDATE: (&str, &str) = (
    "assured_models::models::provider_profile",
    "ProviderPersonalInfoUpdate",
);

/// One generated `list` command.
struct Listing<'m> {
    method: &'m MethodModel,
    noun: String,
    /// `LicensesList`
    type_name: String,
    /// (field, flag, type, by reference) of each required argument.
    flags: Vec<(String, String, String, bool)>,
    filters: Vec<String>,
}

/// The generated files (name in [`CLI_DIR`], unformatted code).
pub(crate) fn files(model: &Model, models_src: &Path) -> Result<Vec<(String, String)>, String> {
    let listings = listings(model)?;
    let mut groups: Vec<&str> = listings.iter().map(|l| l.method.group).collect();
    groups.dedup();
    let mut mod_rs = format!(
        "{HEADER}//! The generated part of the tool: the listings of every paged endpoint \
         (a file per resource handle), the writable personal-info fields.\n\npub(crate) mod lists;\n"
    );
    for group in &groups {
        let _ = writeln!(mod_rs, "pub(crate) mod lists_{group};");
    }
    mod_rs.push_str("pub(crate) mod personal_info;\n");
    let mut files = vec![
        ("mod.rs".to_owned(), mod_rs),
        ("lists.rs".to_owned(), nouns_file(&listings)),
    ];
    for group in &groups {
        let of_group: Vec<&Listing<'_>> = listings
            .iter()
            .filter(|l| l.method.group == *group)
            .collect();
        files.push((format!("lists_{group}.rs"), group_file(group, &of_group)));
    }
    files.push((
        "personal_info.rs".to_owned(),
        personal_info_file(models_src)?,
    ));
    Ok(files)
}

fn listings(model: &Model) -> Result<Vec<Listing<'_>>, String> {
    let paged: Vec<&MethodModel> = model
        .methods
        .iter()
        .filter(|m| m.shape == Shape::List)
        .collect();
    let short = |m: &MethodModel| -> String {
        if m.method == "list" {
            return m.group.to_owned();
        }
        let rest = m
            .method
            .strip_prefix("list_")
            .or_else(|| m.method.strip_prefix("get_"))
            .unwrap_or(m.method);
        if m.group == OWN_NOUNS || names_group(rest, m.group) {
            rest.to_owned()
        } else {
            format!("{}_{rest}", m.group)
        }
    };
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for m in &paged {
        *uses.entry(short(m)).or_default() += 1;
    }
    let mut out: Vec<Listing<'_>> = Vec::new();
    for m in paged {
        let mut noun = short(m);
        if uses[&noun] > 1 && m.method != "list" {
            noun = format!("{}_{noun}", m.group);
        }
        let noun = noun.replace('_', "-");
        if RESERVED.contains(&noun.as_str()) || out.iter().any(|l| l.noun == noun) {
            return Err(format!(
                "the CLI noun `{noun}` of {}.{} is taken",
                m.group, m.method
            ));
        }
        let mut flags = Vec::new();
        if let Some(arg) = &m.arg {
            flags.push(("id".to_owned(), flag_for(arg, "id"), cli_type(arg), true));
        }
        for field in &m.required {
            flags.push((
                field.name.clone(),
                flag_for(&field.ty, &field.name),
                cli_type(&field.ty),
                is_id(&field.ty),
            ));
        }
        let filters = model
            .filters
            .iter()
            .find(|f| f.query == m.query)
            .map(|f| {
                f.fields
                    .iter()
                    .filter(|field| !m.required.iter().any(|r| r.name == field.name))
                    .map(|field| field.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        out.push(Listing {
            method: m,
            type_name: format!("{}List", camel(&noun)),
            noun,
            flags,
            filters,
        });
    }
    Ok(out)
}

/// Whether a listing's name already says which handle it is on (a word of
/// it starts with a word of the handle: `enrollment_requests` on
/// `payer_enrollment`, `tasks` on `tasks`).
fn names_group(rest: &str, group: &str) -> bool {
    rest.split('_')
        .any(|word| group.split('_').any(|g| word.starts_with(g)))
}

/// The flag of a required argument: an id is named after its type
/// (`ProfileId` → `profile`), anything else after its field.
fn flag_for(ty: &str, field: &str) -> String {
    if is_id(ty) {
        let name = ty.rsplit("::").next().unwrap_or(ty);
        kebab(name.strip_suffix("Id").unwrap_or(name))
    } else {
        field.replace('_', "-")
    }
}

/// A models type as the CLI names it (through the facade).
fn cli_type(ty: &str) -> String {
    match ty.rsplit_once("::") {
        Some((module, name)) if module.starts_with("assured_models") => {
            format!("assured::models::{name}")
        }
        _ => ty.to_owned(),
    }
}

fn kebab(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn camel(kebab: &str) -> String {
    kebab
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The method's doc as one line of help (its first paragraph).
fn about(method: &MethodModel) -> String {
    let first: Vec<&str> = method
        .doc
        .lines()
        .map(str::trim)
        .take_while(|line| !line.is_empty())
        .collect();
    let text = first.join(" ");
    if text.is_empty() {
        format!("Lists {}.{}.", method.group, method.method)
    } else {
        text
    }
}

/// The nouns enum (flattened into the top-level commands) and its dispatch.
fn nouns_file(listings: &[Listing<'_>]) -> String {
    let generated: Vec<&Listing<'_>> = listings
        .iter()
        .filter(|l| !HAND_EXTENDED.contains(&l.noun.as_str()))
        .collect();
    let mut out = String::from(HEADER);
    out.push_str(
        "//! `assured <noun> list`: one command per paged endpoint of the catalog.\n\n\
         use clap::Subcommand;\n\nuse crate::context::Context;\nuse crate::exit::CliError;\n\n",
    );
    out.push_str(
        "/// The generated nouns, each with its `list` action (the hand-written \
         nouns are in `crate::cli`).\n#[derive(Debug, Subcommand)]\npub(crate) enum Nouns {\n",
    );
    for l in &generated {
        let _ = writeln!(
            out,
            "    /// {}\n    #[command(name = {:?}, subcommand)]\n    {}(super::lists_{}::{}Action),",
            about(l.method),
            l.noun,
            camel(&l.noun),
            l.method.group,
            camel(&l.noun)
        );
    }
    out.push_str("}\n\nimpl Nouns {\n    /// Runs the chosen listing.\n    pub(crate) async fn run(self, context: &Context) -> Result<(), CliError> {\n        match self {\n");
    for l in &generated {
        let _ = writeln!(
            out,
            "            Self::{0}(super::lists_{1}::{0}Action::List(list)) => list.run(context).await,",
            camel(&l.noun),
            l.method.group
        );
    }
    out.push_str("        }\n    }\n}\n");
    out
}

/// The listings of one handle: their action enums and argument structs.
fn group_file(group: &str, listings: &[&Listing<'_>]) -> String {
    let mut out = String::from(HEADER);
    let _ = write!(
        out,
        "//! The listings of `client.{group}()`.\n\n\
         use clap::{{Args, Subcommand}};\n\n\
         use crate::commands::list::{{ListOptions, run_list}};\nuse crate::context::Context;\nuse crate::exit::CliError;\n\n"
    );
    for l in listings
        .iter()
        .filter(|l| !HAND_EXTENDED.contains(&l.noun.as_str()))
    {
        let _ = writeln!(
            out,
            "/// The actions of `assured {}`.\n#[derive(Debug, Subcommand)]\npub(crate) enum {}Action {{\n    /// {}\n    List({}),\n}}\n",
            l.noun,
            camel(&l.noun),
            about(l.method),
            l.type_name
        );
    }
    for l in listings {
        out.push_str(&listing_struct(l));
    }
    out
}

fn listing_struct(l: &Listing<'_>) -> String {
    let mut out = String::new();
    let filters = if l.filters.is_empty() {
        "This listing takes no filters.".to_owned()
    } else {
        format!("Filters (--filter KEY=VALUE): {}.", l.filters.join(", "))
    };
    let _ = writeln!(
        out,
        "/// `assured {} list`: `client.{}().{}()` (reference row {}).\n#[derive(Debug, Args)]\n#[command(after_help = {filters:?})]\npub(crate) struct {} {{",
        l.noun, l.method.group, l.method.method, l.method.descriptor.key, l.type_name
    );
    for (field, flag, ty, _) in &l.flags {
        let upper = flag.to_uppercase().replace('-', "_");
        let (value_name, what) = if is_id_type_name(ty) {
            (
                format!("{upper}_ID"),
                format!("{} id", flag.replace('-', " ")),
            )
        } else {
            (upper, format!("`{field}`"))
        };
        let _ = writeln!(
            out,
            "    /// The {what} (required).\n    #[arg(long = {flag:?}, value_name = {value_name:?})]\n    {field}: {ty},"
        );
    }
    out.push_str("    #[command(flatten)]\n    options: ListOptions,\n}\n\n");
    let args: Vec<String> = l
        .flags
        .iter()
        .map(|(field, _, _, by_ref)| {
            if *by_ref {
                format!("&self.{field}")
            } else {
                format!("self.{field}")
            }
        })
        .collect();
    let filters: Vec<String> = l.filters.iter().map(|f| format!("{f:?}")).collect();
    let _ = writeln!(
        out,
        "impl {} {{\n    /// The filter names `--filter` accepts.\n    const FILTERS: &'static [&'static str] = &[{}];\n\n    \
         /// Runs the listing.\n    pub(crate) async fn run(self, context: &Context) -> Result<(), CliError> {{\n        \
         let client = context.client()?;\n        let list = client.{}().{}({});\n        run_list(list, Self::FILTERS, self.options).await\n    }}\n}}\n",
        l.type_name,
        filters.join(", "),
        l.method.group,
        l.method.method,
        args.join(", ")
    );
    out
}

fn is_id_type_name(ty: &str) -> bool {
    ty.starts_with("assured::models::") && ty.ends_with("Id")
}

/// The writable fields of the personal-info overlay, with the kind of
/// value each takes, read from the overlay type's source.
fn personal_info_file(models_src: &Path) -> Result<String, String> {
    let (module, name) = PERSONAL_INFO_UPDATE;
    let source = SourceFile::load(models_src, module)?;
    let info = source
        .struct_fields(name)?
        .ok_or_else(|| format!("no struct {name} in {module}"))?;
    let mut out = String::from(HEADER);
    let _ = write!(
        out,
        "//! The fields `assured profile set` can write: those of \
         [`{name}`](assured::models::{name}), with the kind of value each takes.\n\n\
         use crate::commands::fields::{{FieldKind, FieldSpec}};\n\n\
         /// Every writable field, in declaration order.\npub(crate) const FIELDS: &[FieldSpec] = &[\n"
    );
    for field in &info.fields {
        let inner = field
            .ty
            .strip_prefix("assured_models::tristate::Tristate<")
            .or_else(|| field.ty.strip_prefix("Tristate<"))
            .and_then(|t| t.strip_suffix('>'))
            .ok_or_else(|| format!("{name}.{}: not a Tristate ({})", field.name, field.ty))?;
        let kind = match inner {
            "String" => "Text",
            "bool" => "Bool",
            "i64" | "i32" | "u32" | "u64" => "Int",
            "assured_models::time::ApiDate" => "Date",
            "Vec<String>" => "List",
            other if other.starts_with("serde_json::Map<") || other.starts_with("Map<") => "Json",
            other => {
                return Err(format!(
                    "{name}.{}: no CLI value kind for {other}",
                    field.name
                ));
            }
        };
        let _ = writeln!(
            out,
            "    FieldSpec {{ name: {:?}, kind: FieldKind::{kind} }},",
            field.name
        );
    }
    out.push_str("];\n");
    Ok(out)
}
