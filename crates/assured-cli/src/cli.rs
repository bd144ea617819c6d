//! The command line: global options and the top-level commands (the
//! hand-written nouns, and the generated listings flattened beside them).

use clap::{Parser, Subcommand};

use crate::commands::docs::DocsCommand;
use crate::commands::mock::MockArgs;
use crate::commands::profile::ProfileCommand;
use crate::commands::providers::ProvidersCommand;
use crate::commands::ssn::SsnCommand;
use crate::context::{Context, GlobalOptions};
use crate::exit::CliError;
use crate::generated::lists::Nouns;

/// Credentialing operations on the Assured Platform API: list and export
/// records, look providers up by NPI, fix personal info, set an SSN,
/// upload documents.
///
/// Configuration: ASSURED_BASE_URL, ASSURED_API_KEY, ASSURED_USER and
/// ASSURED_PASS from the environment or a .env file (as the SDK reads
/// them); --base-url and --user override them. `assured mock` starts a
/// local server to try everything with no account.
#[derive(Debug, Parser)]
#[command(name = "assured", version, after_long_help = crate::exit::ExitKind::help_table())]
pub(crate) struct Cli {
    #[command(flatten)]
    global: GlobalOptions,
    #[command(subcommand)]
    command: Command,
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Provider accounts: list, look up by NPI, resolve profile ids.
    #[command(subcommand)]
    Providers(ProvidersCommand),
    /// A provider's personal info: show it, change fields.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// A provider's SSN.
    #[command(subcommand)]
    Ssn(SsnCommand),
    /// Provider documents: upload, finish an upload, download URL.
    #[command(subcommand)]
    Docs(DocsCommand),
    /// Starts the local mock server and prints the settings that use it.
    Mock(MockArgs),
    #[command(flatten)]
    Lists(Nouns),
}

impl Cli {
    /// Runs the chosen command.
    pub(crate) async fn run(self) -> Result<(), CliError> {
        let context = Context::new(self.global);
        match self.command {
            Command::Providers(command) => command.run(&context).await,
            Command::Profile(command) => command.run(&context).await,
            Command::Ssn(command) => command.run(&context).await,
            Command::Docs(command) => command.run(&context).await,
            Command::Mock(args) => args.run().await,
            Command::Lists(nouns) => nouns.run(&context).await,
        }
    }
}
