//! `assured`: the command-line tool for credentialing operations staff,
//! built on the `assured` facade. `assured --help` lists the commands and
//! the exit codes; docs/cli.md walks through a session.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
// Doc comments here are the --help text, read in a terminal, not rustdoc:
// variable names go without Markdown backticks.
#![allow(clippy::doc_markdown)]

mod cli;
mod commands;
mod confirm;
mod context;
mod exit;
mod generated;
mod output;
mod suggest;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    // Usage errors exit with clap's code 2, the "usage" kind.
    let cli = cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return exit::CliError::failure(format!("no async runtime: {err}")).report(),
    };
    match runtime.block_on(cli.run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    }
}
