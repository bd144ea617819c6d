//! `assured ssn set PROFILE_ID`: the SSN comes from a hidden prompt or
//! from stdin (`--stdin`), never from the command line, and only its
//! masked form is ever printed.

use std::io::{IsTerminal as _, Read as _};

use assured::crypto::Ssn;
use assured::models::ProfileId;
use clap::{Args, Subcommand};
use zeroize::Zeroizing;

use crate::context::Context;
use crate::exit::{CliError, ExitKind};

/// The actions of `assured ssn`.
#[derive(Debug, Subcommand)]
pub(crate) enum SsnCommand {
    /// Sets a provider's SSN (encrypted with the session JWT), then checks
    /// it through the plaintext endpoint.
    Set(SetArgs),
}

/// `assured ssn set PROFILE_ID [--stdin]`
#[derive(Debug, Args)]
pub(crate) struct SetArgs {
    /// The provider **profile** id.
    profile: ProfileId,
    /// Read the SSN from stdin (the first line) instead of a hidden prompt.
    #[arg(long)]
    stdin: bool,
    /// Anything else on the command line: refused without being repeated,
    /// since it may be the SSN itself.
    #[arg(hide = true, value_name = "NOTHING")]
    stray: Vec<String>,
}

impl SsnCommand {
    pub(crate) async fn run(self, context: &Context) -> Result<(), CliError> {
        let Self::Set(args) = self;
        if !args.stray.is_empty() {
            return Err(CliError::usage(
                "`assured ssn set` takes only the profile id: the SSN is read from a hidden prompt or with --stdin, never from the command line",
            ));
        }
        let ssn = read_ssn(args.stdin)?;
        let client = context.client()?;
        let profile = client.provider_profile();
        profile.update_ssn_value(&args.profile, &ssn).await?;
        if !profile.verify_ssn(&args.profile, &ssn).await? {
            return Err(CliError::new(
                ExitKind::Failure,
                format!(
                    "the SSN of profile {} was written, but the stored SSN is not {ssn}",
                    args.profile
                ),
            ));
        }
        println!("SSN of profile {} set to {ssn} (verified)", args.profile);
        Ok(())
    }
}

/// The SSN, parsed (and checked) before any request. Errors never repeat
/// the digits.
fn read_ssn(from_stdin: bool) -> Result<Ssn, CliError> {
    // The typed text is wiped when dropped; `Ssn` wipes its own digits.
    let text: Zeroizing<String> = if from_stdin {
        let mut text = Zeroizing::new(String::new());
        std::io::stdin().take(256).read_to_string(&mut text)?;
        text
    } else if std::io::stdin().is_terminal() {
        Zeroizing::new(rpassword::prompt_password("SSN (hidden): ")?)
    } else {
        return Err(CliError::usage(
            "stdin is not a terminal: pass --stdin to read the SSN from it",
        ));
    };
    let line = text.lines().next().unwrap_or_default();
    Ssn::parse(line.trim())
        .map_err(|err| CliError::new(ExitKind::Validation, format!("not an SSN: {err}")))
}
