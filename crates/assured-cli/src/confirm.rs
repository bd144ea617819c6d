//! Asking before a write. Without a terminal on stdin nobody can answer,
//! so the write is refused unless `--yes` was given.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use crate::exit::{CliError, ExitKind};

/// Whether to go ahead: `yes` (the `--yes` flag) says so at once; else the
/// question goes to stderr and the answer comes from the terminal.
pub(crate) fn confirm(question: &str, yes: bool) -> Result<(), CliError> {
    if yes {
        return Ok(());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(CliError::usage(
            "not confirmed: stdin is not a terminal, so nothing was changed (pass --yes to confirm)",
        ));
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(CliError::new(
            ExitKind::Failure,
            "not confirmed: nothing was changed",
        ))
    }
}
