//! The CLI's errors: one readable line, a hint where one helps, and a closed pipe told apart
//! from a failure.

use std::io;

/// Why a command stopped.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Something failed: printed as one line, then the hint on a second line if there is one.
    #[error("{message}")]
    Failed {
        /// What went wrong, and where.
        message: String,
        /// What to do about it.
        hint: Option<String>,
    },
    /// The reader of the output went away (`eventcoder code ... | head`): not an error, the run
    /// just ends.
    #[error("broken pipe")]
    BrokenPipe,
    /// A failure already reported on stderr: the run ends with exit code 1, printing nothing
    /// more.
    #[error("failed")]
    Reported,
}

impl CliError {
    /// A failure with a hint.
    pub fn failed(message: impl Into<String>, hint: impl Into<String>) -> CliError {
        CliError::Failed {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// A failure reading or writing `path`.
    pub fn io(path: &str, e: io::Error) -> CliError {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return CliError::BrokenPipe;
        }
        let hint = match e.kind() {
            io::ErrorKind::NotFound => Some("check the path; `-` reads standard input".to_string()),
            io::ErrorKind::PermissionDenied => Some("check the file's permissions".to_string()),
            io::ErrorKind::IsADirectory => Some("give a file, not a directory".to_string()),
            _ => None,
        };
        CliError::Failed {
            message: format!("{path}: {e}"),
            hint,
        }
    }

    /// Prints the error on stderr: its line, then its hint on a second line if it has one.
    pub fn report(&self) {
        match self.hint() {
            Some(hint) => report(format_args!("{self}\n  hint: {hint}")),
            None => report(format_args!("{self}")),
        }
    }

    /// The hint, if any.
    pub fn hint(&self) -> Option<&str> {
        match self {
            CliError::Failed { hint, .. } => hint.as_deref(),
            CliError::BrokenPipe | CliError::Reported => None,
        }
    }
}

impl From<io::Error> for CliError {
    /// A failure writing the output.
    fn from(e: io::Error) -> CliError {
        CliError::io("output", e)
    }
}

impl From<eventcoder::Error> for CliError {
    fn from(e: eventcoder::Error) -> CliError {
        let hint = match &e {
            eventcoder::Error::InputTooLarge { .. } => {
                Some("split the text into articles, one per JSONL record".to_string())
            }
            eventcoder::Error::InvalidDate { .. } => {
                Some("dates are written YYYY-MM-DD".to_string())
            }
            eventcoder::Error::Dictionary { .. } | eventcoder::Error::DictionaryTooLarge { .. } => {
                Some("crates/eventcoder/data/FORMAT.md describes the dictionary format".to_string())
            }
            eventcoder::Error::Io { source, .. } => match source.kind() {
                io::ErrorKind::NotFound => Some("check the path".to_string()),
                io::ErrorKind::PermissionDenied => Some("check the file's permissions".to_string()),
                _ => None,
            },
            _ => None,
        };
        CliError::Failed {
            message: e.to_string(),
            hint,
        }
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> CliError {
        match e.io_error_kind() {
            Some(io::ErrorKind::BrokenPipe) => CliError::BrokenPipe,
            _ => CliError::Failed {
                message: e.to_string(),
                hint: None,
            },
        }
    }
}

/// The progress bar being drawn, if any: reports are printed above it.
static PROGRESS: std::sync::OnceLock<indicatif::ProgressBar> = std::sync::OnceLock::new();

/// Draws reports above `bar` from now on (a run draws at most one bar).
pub(crate) fn set_progress(bar: indicatif::ProgressBar) {
    let _ = PROGRESS.set(bar);
}

/// Prints a warning or error line on stderr (above the progress bar, if one is drawn). A closed
/// stderr is ignored: there is nowhere left to report to, and the run's exit code still tells.
pub fn report(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let print = || {
        let _ = writeln!(io::stderr().lock(), "eventcoder: {line}");
    };
    match PROGRESS.get() {
        Some(bar) if !bar.is_finished() => bar.suspend(print),
        _ => print(),
    }
}
