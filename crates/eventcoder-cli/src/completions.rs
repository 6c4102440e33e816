//! `eventcoder completions SHELL`: a completion script for the shell, on standard output.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::error::CliError;

/// Writes the completion script of `shell` for the whole command line.
pub(crate) fn run(shell: Shell) -> Result<(), CliError> {
    let mut command = crate::Cli::command();
    // (Generated into memory: the generator panics on a write error, and a closed pipe is
    // none.)
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "eventcoder", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    Ok(out.flush()?)
}
