//! `assured providers`: the generated `list`, and the lookups by NPI and by
//! account id, which go through the SDK's helpers.

use assured::helpers::NpiCheck;
use assured::models::{AccountId, ProfileId};
use assured::table::{ColumnSpec, ColumnType, Tabular};
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, ExitKind};
use crate::generated::lists_providers::ProvidersList;
use crate::output::{OutputArgs, print_records};

/// The actions of `assured providers`.
#[derive(Debug, Subcommand)]
pub(crate) enum ProvidersCommand {
    /// Provider accounts; each record carries the account id and the
    /// profile id.
    List(ProvidersList),
    /// The providers with these NPIs (one refresh of the NPI index for all
    /// of them).
    Npi(NpiArgs),
    /// The profile ids of provider accounts (a few requests for many ids).
    ProfileId(ProfileIdArgs),
}

/// `assured providers npi NPI...`
#[derive(Debug, Args)]
pub(crate) struct NpiArgs {
    /// 10-digit NPIs.
    #[arg(required = true, value_name = "NPI")]
    npis: Vec<String>,
    /// Accept NPIs that fail the check digit (10 digits are still
    /// required): sandbox data often does.
    #[arg(long)]
    no_check_digit: bool,
    #[command(flatten)]
    output: OutputArgs,
}

/// `assured providers profile-id ACCOUNT_ID...`
#[derive(Debug, Args)]
pub(crate) struct ProfileIdArgs {
    /// Provider account ids (the `id` of the providers list).
    #[arg(required = true, value_name = "ACCOUNT_ID")]
    accounts: Vec<AccountId>,
    #[command(flatten)]
    output: OutputArgs,
}

impl ProvidersCommand {
    pub(crate) async fn run(self, context: &Context) -> Result<(), CliError> {
        match self {
            Self::List(list) => list.run(context).await,
            Self::Npi(args) => npi(args, context).await,
            Self::ProfileId(args) => profile_ids(args, context).await,
        }
    }
}

/// Prints the providers found; an NPI nobody has is named on stderr and
/// makes the exit code "not found" (after the others are printed).
async fn npi(args: NpiArgs, context: &Context) -> Result<(), CliError> {
    args.output.check()?;
    let check = if args.no_check_digit {
        NpiCheck::FormatOnly
    } else {
        NpiCheck::Strict
    };
    let client = context.client_with_npi_check(check)?;
    let found = match client.providers().get_by_npis(&args.npis).await {
        Ok(found) => found,
        Err(error) if error.is_invalid_input() && !args.no_check_digit => {
            return Err(CliError::from(error)
                .note("(with this tool: pass --no-check-digit to accept such NPIs)"));
        }
        Err(error) => return Err(error.into()),
    };
    let missing: Vec<&String> = args
        .npis
        .iter()
        .zip(&found)
        .filter(|(_, provider)| provider.is_none())
        .map(|(npi, _)| npi)
        .collect();
    let providers: Vec<_> = found.into_iter().flatten().collect();
    if !providers.is_empty() {
        print_records(&providers, &args.output)?;
    }
    match missing.as_slice() {
        [] => Ok(()),
        [npi] => Err(CliError::new(
            ExitKind::NotFound,
            format!("no provider has NPI {npi}"),
        )),
        npis => Err(CliError::new(
            ExitKind::NotFound,
            format!(
                "no provider has NPI {}",
                npis.iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// One resolved id: a row of `assured providers profile-id`.
#[derive(Debug, Serialize)]
struct ProfileIdRow {
    account_id: AccountId,
    profile_id: ProfileId,
}

impl Tabular for ProfileIdRow {
    const COLUMNS: &'static [ColumnSpec] = &[
        ColumnSpec::new("account_id", ColumnType::String),
        ColumnSpec::new("profile_id", ColumnType::String),
    ];
}

async fn profile_ids(args: ProfileIdArgs, context: &Context) -> Result<(), CliError> {
    args.output.check()?;
    let client = context.client()?;
    let profiles = client.providers().get_profile_ids(&args.accounts).await?;
    let rows: Vec<ProfileIdRow> = args
        .accounts
        .iter()
        .zip(profiles)
        .map(|(account, profile)| ProfileIdRow {
            account_id: *account,
            profile_id: profile,
        })
        .collect();
    print_records(&rows, &args.output)
}
