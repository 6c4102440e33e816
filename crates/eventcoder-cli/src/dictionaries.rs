//! The dictionary options every coding command shares (`--dictionary`, `--petrarch-dir`,
//! `--petrarch-verbs`, ..., `--no-builtin`), and the coder they build.

use std::path::Path;

use clap::Args;
use eventcoder::Coder;
use eventcoder::lexicon::petrarch::PetrarchKind;

use crate::error::{CliError, report};

/// Where the coder's dictionaries come from: the built-ins, user dictionaries in the built-in
/// format, PETRARCH-1/TABARI dictionaries, or a mix. Flattened into `code`, `explain`,
/// `lexicon stats`, `lexicon lookup`, `serve`, `eval fixtures` and `eval petrarch`.
#[derive(Args, Debug, Clone, Default, PartialEq, Eq)]
#[command(next_help_heading = "Dictionaries")]
pub struct DictionaryArgs {
    /// A user dictionary in the built-in TSV format, merged over the built-ins (repeatable).
    #[arg(long = "dictionary", value_name = "FILE")]
    pub dictionaries: Vec<String>,
    /// Every PETRARCH-1/TABARI dictionary of DIR, each file's kind from its name
    /// (case-insensitively: verb, actors, agents, discard, issue).
    #[arg(long, value_name = "DIR")]
    pub petrarch_dir: Option<String>,
    /// A PETRARCH-1 verb dictionary (or a TABARI .verbs file).
    #[arg(long, value_name = "FILE")]
    pub petrarch_verbs: Option<String>,
    /// A PETRARCH/TABARI actor dictionary (repeatable; an earlier file wins a phrase).
    #[arg(long = "petrarch-actors", value_name = "FILE")]
    pub petrarch_actors: Vec<String>,
    /// A PETRARCH/TABARI agent dictionary.
    #[arg(long, value_name = "FILE")]
    pub petrarch_agents: Option<String>,
    /// A PETRARCH discard list (a `+` phrase discards the story, another the sentence).
    #[arg(long, value_name = "FILE")]
    pub petrarch_discards: Option<String>,
    /// A PETRARCH issues file: each event lists the issues of its sentences (JSON `issues`).
    #[arg(long, value_name = "FILE")]
    pub petrarch_issues: Option<String>,
    /// A bad line of a PETRARCH/TABARI dictionary is an error (file:line:column), not a
    /// warning.
    #[arg(long)]
    pub petrarch_strict: bool,
    /// Use only the dictionaries given, not the built-in ones (the engine keeps its grammar).
    #[arg(long)]
    pub no_builtin: bool,
}

impl DictionaryArgs {
    /// Whether any PETRARCH/TABARI dictionary is named.
    pub fn has_petrarch(&self) -> bool {
        self.petrarch_dir.is_some() || !self.petrarch_files().is_empty()
    }

    /// The PETRARCH/TABARI files named one by one, with their kinds.
    fn petrarch_files(&self) -> Vec<(PetrarchKind, &str)> {
        fn one(kind: PetrarchKind, f: &Option<String>) -> Option<(PetrarchKind, &str)> {
            f.as_deref().map(|f| (kind, f))
        }
        one(PetrarchKind::Verbs, &self.petrarch_verbs)
            .into_iter()
            .chain(
                self.petrarch_actors
                    .iter()
                    .map(|f| (PetrarchKind::Actors, f.as_str())),
            )
            .chain(one(PetrarchKind::Agents, &self.petrarch_agents))
            .chain(one(PetrarchKind::Discards, &self.petrarch_discards))
            .chain(one(PetrarchKind::Issues, &self.petrarch_issues))
            .collect()
    }

    /// Whether `source_name` (of a dictionary error) is one of the PETRARCH/TABARI files.
    fn is_petrarch_file(&self, source_name: &str) -> bool {
        let in_dir = self
            .petrarch_dir
            .as_deref()
            .is_some_and(|d| Path::new(source_name).starts_with(d));
        in_dir
            || self
                .petrarch_files()
                .iter()
                .any(|(_, f)| Path::new(f) == Path::new(source_name))
    }

    /// Builds the coder: the built-ins (unless `--no-builtin`), then the user dictionaries,
    /// then the PETRARCH/TABARI ones. Dictionary warnings go to stderr (the first 20, then a
    /// count), and so does the PETRARCH loader's one-line summary unless `quiet`.
    pub fn build(
        &self,
        require_dyad: bool,
        keep_negated: bool,
        quiet: bool,
    ) -> Result<Coder, CliError> {
        if self.no_builtin && self.dictionaries.is_empty() && !self.has_petrarch() {
            return Err(CliError::failed(
                "--no-builtin leaves no dictionary",
                "give the dictionaries to use: --petrarch-dir DIR, --petrarch-verbs FILE, \
                 --petrarch-actors FILE, ... or --dictionary FILE",
            ));
        }
        let coder = self
            .builder(require_dyad, keep_negated)
            .and_then(|b| b.build())
            .map_err(|e| self.error(e))?;
        print_warnings(coder.lexicon().warnings());
        if let Some(summary) = coder.lexicon().petrarch_summary() {
            if !quiet {
                report(format_args!("{summary}"));
            }
        }
        Ok(coder)
    }

    fn builder(
        &self,
        require_dyad: bool,
        keep_negated: bool,
    ) -> Result<eventcoder::CoderBuilder, eventcoder::Error> {
        let mut b = Coder::builder()
            .require_dyad(require_dyad)
            .keep_negated(keep_negated);
        // (Only when asked: `builtin(true)` would rebuild the shared built-in lexicon.)
        if self.no_builtin {
            b = b.builtin(false);
        }
        if self.petrarch_strict {
            b = b.strict(true);
        }
        for d in &self.dictionaries {
            b = b.dictionary(d)?;
        }
        if let Some(dir) = &self.petrarch_dir {
            b = b.petrarch_dir(dir)?;
        }
        for (kind, f) in self.petrarch_files() {
            b = b.petrarch(kind, f)?;
        }
        Ok(b)
    }

    /// A load error, with a hint for the format of the file it is in.
    fn error(&self, e: eventcoder::Error) -> CliError {
        let petrarch = match &e {
            eventcoder::Error::Dictionary { source_name, .. }
            | eventcoder::Error::DictionaryTooLarge { source_name, .. } => {
                self.is_petrarch_file(source_name)
            }
            _ => false,
        };
        let mut err = CliError::from(e);
        if petrarch {
            if let CliError::Failed { hint, .. } = &mut err {
                *hint = Some(
                    "docs/dictionaries.md describes the PETRARCH-1/TABARI formats read; without \
                     --petrarch-strict a bad line is skipped with a warning"
                        .to_string(),
                );
            }
        }
        err
    }
}

/// How many dictionary warnings are printed before the rest are only counted.
const MAX_WARNINGS_SHOWN: usize = 20;

/// Dictionary warnings on stderr, one line each (`file:line:col: warning: ...`), the first
/// [`MAX_WARNINGS_SHOWN`] and then a count.
fn print_warnings(warnings: &[eventcoder::lexicon::DictionaryWarning]) {
    for w in warnings.iter().take(MAX_WARNINGS_SHOWN) {
        report(format_args!("{w}"));
    }
    if warnings.len() > MAX_WARNINGS_SHOWN {
        report(format_args!(
            "... and {} more dictionary warnings (`eventcoder lexicon stats` counts them by kind)",
            warnings.len() - MAX_WARNINGS_SHOWN
        ));
    }
}
