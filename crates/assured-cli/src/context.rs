//! The configuration every command shares: the SDK's `ASSURED_*` variables
//! and `.env` file, with the global flags overriding them.

use std::collections::HashMap;
use std::path::PathBuf;

use assured::Config;
use assured::engine::config::{ENV_BASE_URL, ENV_USER};
use assured::helpers::{Helpers, NpiCheck};
use clap::Args;

use crate::exit::{CliError, ExitKind};

/// Where the client's settings come from; the API key and the password are
/// read from the environment or the `.env` file only, never from the
/// command line (other processes can read a command line).
#[derive(Debug, Clone, Args)]
pub(crate) struct GlobalOptions {
    /// Base URL of the API (overrides ASSURED_BASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    base_url: Option<String>,
    /// Login e-mail for the JWT endpoints (overrides ASSURED_USER).
    #[arg(long, global = true, value_name = "EMAIL")]
    user: Option<String>,
    /// Read this file instead of the `.env` of the current directory (or a
    /// parent).
    #[arg(long, global = true, value_name = "PATH")]
    env_file: Option<PathBuf>,
}

/// What a command runs with.
#[derive(Debug)]
pub(crate) struct Context {
    options: GlobalOptions,
}

impl Context {
    pub(crate) fn new(options: GlobalOptions) -> Self {
        Self { options }
    }

    /// The settings, in this order: flag, process environment, `.env` file.
    /// A missing or malformed setting is a configuration error naming its
    /// variable.
    pub(crate) fn config(&self) -> Result<Config, CliError> {
        let file = self.env_file()?;
        let flags: [(&str, Option<&String>); 2] = [
            (ENV_BASE_URL, self.options.base_url.as_ref()),
            (ENV_USER, self.options.user.as_ref()),
        ];
        Ok(Config::from_lookup(|name| {
            flags
                .iter()
                .find(|(variable, _)| *variable == name)
                .and_then(|(_, value)| value.cloned())
                .or_else(|| std::env::var(name).ok())
                .or_else(|| file.get(name).cloned())
        })?)
    }

    /// A client on [`Context::config`].
    pub(crate) fn client(&self) -> Result<assured::Client, CliError> {
        Ok(assured::Client::new(self.config()?)?)
    }

    /// A client whose NPI lookups check NPIs as `check` says (sandbox data
    /// often fails the check digit).
    pub(crate) fn client_with_npi_check(
        &self,
        check: NpiCheck,
    ) -> Result<assured::Client, CliError> {
        let core = assured::engine::Client::new(self.config()?)?;
        let helpers = Helpers::builder(core).npi_check(check).build()?;
        Ok(assured::Client::from_helpers(helpers))
    }

    /// The `.env` entries (read, never put into the process environment).
    fn env_file(&self) -> Result<HashMap<String, String>, CliError> {
        let entries = match &self.options.env_file {
            Some(path) => dotenvy::from_path_iter(path).map_err(|err| {
                CliError::new(ExitKind::Config, format!("{}: {err}", path.display()))
            })?,
            None => match dotenvy::dotenv_iter() {
                Ok(entries) => entries,
                Err(err) if err.not_found() => return Ok(HashMap::new()),
                Err(err) => {
                    return Err(CliError::new(
                        ExitKind::Config,
                        format!("could not read the .env file: {err}"),
                    ));
                }
            },
        };
        entries
            .map(|entry| {
                entry.map_err(|err| {
                    CliError::new(ExitKind::Config, format!("malformed .env file: {err}"))
                })
            })
            .collect()
    }
}
