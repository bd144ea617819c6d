//! `assured profile get` and `assured profile set` (fetch-merge-patch of
//! the personal info, through the SDK's helper).

use assured::models::{ProfileId, ProviderPersonalInfoUpdate};
use assured::table::{Column, Table};
use clap::{Args, Subcommand};
use serde_json::Value;

use super::fields::{self, Assignment};
use crate::confirm::confirm;
use crate::context::Context;
use crate::exit::CliError;
use crate::output::{OutputArgs, print_record};

/// The actions of `assured profile`.
#[derive(Debug, Subcommand)]
pub(crate) enum ProfileCommand {
    /// A provider's personal info.
    Get(GetArgs),
    /// Changes fields of a provider's personal info (the whole record is
    /// fetched, merged and sent back); shows old → new and asks first.
    #[command(after_help = fields::help_text())]
    Set(SetArgs),
}

/// `assured profile get PROFILE_ID`
#[derive(Debug, Args)]
pub(crate) struct GetArgs {
    /// The provider **profile** id.
    profile: ProfileId,
    #[command(flatten)]
    output: OutputArgs,
}

/// `assured profile set PROFILE_ID FIELD=VALUE...`
#[derive(Debug, Args)]
pub(crate) struct SetArgs {
    /// The provider **profile** id.
    profile: ProfileId,
    /// New values; `FIELD=` clears the field. Lists are comma-separated,
    /// dates YYYY-MM-DD.
    #[arg(required = true, value_name = "FIELD=VALUE")]
    changes: Vec<String>,
    /// Do not ask for confirmation.
    #[arg(long, short)]
    yes: bool,
    #[command(flatten)]
    output: OutputArgs,
}

impl ProfileCommand {
    pub(crate) async fn run(self, context: &Context) -> Result<(), CliError> {
        match self {
            Self::Get(args) => {
                args.output.check()?;
                let client = context.client()?;
                let info = client
                    .provider_profile()
                    .get_personal_info(&args.profile)
                    .await?;
                print_record(&info, &args.output)
            }
            Self::Set(args) => set(args, context).await,
        }
    }
}

async fn set(args: SetArgs, context: &Context) -> Result<(), CliError> {
    args.output.check()?;
    // Everything about the arguments is checked before any request.
    let changes = fields::parse_assignments(&args.changes)?;
    let update: ProviderPersonalInfoUpdate = serde_json::from_value(fields::as_object(&changes))
        .map_err(|err| CliError::usage(format!("invalid value: {err}")))?;
    let client = context.client()?;
    let current = client
        .provider_profile()
        .get_personal_info(&args.profile)
        .await?;
    // A bad --columns is refused now, before anything changes.
    args.output.table(std::slice::from_ref(&current))?;
    let current = serde_json::to_value(&current)
        .map_err(|err| CliError::failure(format!("personal info: {err}")))?;
    eprintln!("Changes to the personal info of profile {}:", args.profile);
    for change in &changes {
        eprintln!("{}", describe(change, &current));
    }
    confirm("Apply these changes?", args.yes)?;
    let updated = client
        .provider_profile()
        .update_personal_info(&args.profile, update)
        .await?;
    let mut output = args.output.clone();
    if output.columns.is_empty() && output.json_style().is_none() {
        // The changed fields, as the columns they flatten to.
        let table = Table::from_records(std::slice::from_ref(&updated))?;
        output.columns = table
            .columns()
            .iter()
            .map(Column::name)
            .filter(|name| {
                changes.iter().any(|change| {
                    *name == change.field
                        || name
                            .strip_prefix(change.field)
                            .is_some_and(|rest| rest.starts_with('.'))
                })
            })
            .map(str::to_owned)
            .collect();
    }
    print_record(&updated, &output)
}

/// `  field: old → new`, with `(empty)` for a null.
fn describe(change: &Assignment, current: &Value) -> String {
    format!(
        "  {}: {} → {}",
        change.field,
        shown(current.get(change.field).unwrap_or(&Value::Null)),
        shown(&change.value)
    )
}

fn shown(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
