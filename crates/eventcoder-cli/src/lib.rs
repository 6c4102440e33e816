//! The `eventcoder` command-line tool, as a library: [`main`] runs it with the process's
//! arguments; [`input`] reads its input with bounded memory.
//!
//! Exit codes: 0 when everything was coded (or the output's reader went away), 1 on a fatal
//! error, 2 on a usage error, 3 when the run finished but some records were skipped.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use eventcoder::output::CharIndex;
use eventcoder::text::try_tokenize;
use eventcoder::{Article, Coder};

pub mod code;
pub mod columns;
mod completions;
pub mod dictionaries;
pub mod error;
mod eval;
mod explain;
pub mod flat;
mod help;
pub mod input;
mod lookup;
pub mod petrarch;
mod serve;
pub mod sources;

use code::{InputFormat, OutputFormat};
use dictionaries::DictionaryArgs;
use error::{CliError, report};

#[derive(Parser)]
#[command(
    name = "eventcoder",
    version,
    about = "Code political events (CAMEO / PLOVER) from raw English news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code the embedded example article and print a readable summary.
    #[command(after_help = help::DEMO)]
    Demo,
    /// Print the tokens of FILE (or - for standard input) as JSON lines.
    #[command(after_help = help::TOKENS)]
    Tokens {
        /// The input file, or - for standard input.
        file: String,
    },
    /// Code articles and print one JSON object per event per line.
    #[command(after_help = help::CODE)]
    Code {
        /// Published date of a text input (YYYY-MM-DD); relative dates resolve against it.
        #[arg(long)]
        published: Option<String>,
        /// Input format.
        #[arg(long, value_enum, default_value = "auto")]
        input: InputFormat,
        /// Which files of a directory INPUT are read, by name (repeatable; default: *.txt,
        /// *.jsonl, *.ndjson, *.csv, *.tsv).
        #[arg(long = "glob", value_name = "PATTERN")]
        globs: Vec<String>,
        /// Threads to code on (default: all cores). The output is the same whatever the count.
        #[arg(long)]
        threads: Option<usize>,
        /// No summary line at the end (errors are still printed).
        #[arg(long)]
        quiet: bool,
        /// The first bad source or record ends the run (exit 1).
        #[arg(long)]
        strict: bool,
        /// The field of a JSON record that holds its id.
        #[arg(long, default_value = "id")]
        id_field: String,
        /// The field of a JSON record that holds its text.
        #[arg(long, default_value = "text")]
        text_field: String,
        /// The field of a JSON record that holds its published date (YYYY-MM-DD).
        #[arg(long, default_value = "published")]
        published_field: String,
        /// Output format (default: by the --output file's extension, .csv, .tsv or .parquet,
        /// else jsonl).
        #[arg(long, value_enum)]
        format: Option<OutputFormat>,
        /// Write to FILE (under a temporary name, renamed when the run ends) instead of
        /// standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<String>,
        /// Collapse events with the same date, source, target and event code across articles
        /// into one (the first in input order), with num_articles, num_mentions and
        /// article_ids. Held in memory until the end: one record per distinct event.
        #[arg(long)]
        dedupe_across_articles: bool,
        /// Only emit events with both a source and a target.
        #[arg(long)]
        require_dyad: bool,
        /// Only emit events with at least this confidence (0 to 1).
        #[arg(long, value_name = "X")]
        min_confidence: Option<f32>,
        /// Keep negated events (marked "negated": true).
        #[arg(long)]
        keep_negated: bool,
        /// The text (or each record's text) is HTML: code its visible text (no scripts, styles
        /// or markup; entities decoded). Spans point into the HTML.
        #[arg(long)]
        html: bool,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
        /// Files, directories (walked recursively, in sorted order) and - for standard input.
        #[arg(value_name = "INPUT", default_value = "-")]
        inputs: Vec<String>,
    },
    /// Explain an article sentence by sentence: its events, or why none was coded.
    #[command(after_help = help::EXPLAIN)]
    Explain {
        /// Published date (YYYY-MM-DD); relative dates resolve against it.
        #[arg(long)]
        published: Option<String>,
        /// Code as `code --require-dyad` does (events without a resolved dyad are filtered).
        #[arg(long)]
        require_dyad: bool,
        /// Code as `code --keep-negated` does (negated events are kept, marked).
        #[arg(long)]
        keep_negated: bool,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
        /// The text article, or - for standard input.
        #[arg(value_name = "FILE")]
        file: String,
    },
    /// Inspect the lexicon.
    #[command(after_help = help::LEXICON)]
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
    /// Evaluate the coder on a gold-standard file.
    #[command(after_help = help::EVAL)]
    Eval {
        #[command(subcommand)]
        command: EvalCommand,
    },
    /// Serve an interactive coding page and a JSON API (POST /api/code) over HTTP.
    #[command(after_help = help::SERVE)]
    Serve {
        /// The port to listen on (0 picks a free one; the address is printed on stderr).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on. The default accepts connections from this machine only.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Threads to code on (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = help::COMPLETIONS)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Print the number of entries per category.
    #[command(after_help = help::LEXICON_STATS)]
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
    },
    /// Show how a phrase resolves: the entries matched (with their dictionary file:line),
    /// their kinds, and the actor code the coder gives it.
    #[command(after_help = help::LEXICON_LOOKUP)]
    Lookup {
        /// The phrase, as written in text ("Tajik Foreign Minister").
        phrase: String,
        /// Resolve office holders as of this date (YYYY-MM-DD), as an article's published date.
        #[arg(long)]
        date: Option<String>,
        /// Print JSON instead of text (spans in bytes of the phrase).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Score against an event table (tests/fixtures/events.tsv): precision, recall and F1,
    /// overall and per tag.
    #[command(after_help = help::EVAL_FIXTURES)]
    Fixtures {
        /// Path to the table.
        path: String,
        /// Print every row that is not fully right.
        #[arg(long)]
        misses: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Show tags with at least this many rows.
        #[arg(long, default_value_t = 5)]
        min_rows: usize,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
    },
    /// Code PETRARCH-1's unit-test records (PETR.UnitTest.records.xml) from their raw text
    /// with PETRARCH dictionaries, and count the records coded as expected per category.
    #[command(after_help = help::EVAL_PETRARCH)]
    Petrarch {
        /// Path to the records file.
        path: String,
        /// Print every record that failed.
        #[arg(long)]
        misses: bool,
        // The records' own dictionaries (--petrarch-dir DIR), with or without the built-ins.
        #[command(flatten)]
        dictionaries: DictionaryArgs,
    },
    /// Score against the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).
    #[command(after_help = help::EVAL_PLOVER_GSR)]
    PloverGsr {
        /// Path to PLOVER_GSR_CAMEO.txt.
        path: String,
        /// Print every record that missed.
        #[arg(long)]
        misses: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn read_input(file: &str) -> Result<String, CliError> {
    input::read_text(file, input::open(file)?)
}

fn cmd_tokens(file: &str) -> Result<(), CliError> {
    let text = read_input(file)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut ix = CharIndex::new(&text);
    for t in try_tokenize(&text)? {
        let record = serde_json::json!({
            "text": t.text(&text),
            "norm": t.norm(&text),
            "kind": t.kind(),
            "span": t.span(),
            "char_span": ix.span(t.span()),
        });
        writeln!(out, "{record}")?;
    }
    Ok(out.flush()?)
}

fn cmd_stats(json: bool, dictionaries: &DictionaryArgs) -> Result<(), CliError> {
    let coder = dictionaries.build(false, false, false)?;
    let stats = coder.lexicon().stats();
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?;
        return Ok(out.flush()?);
    }
    let v = serde_json::to_value(&stats)?;
    writeln!(out, "{:<32} {:>8}", "category", "count")?;
    if let Some(map) = v.as_object() {
        for (k, n) in map {
            // Nested counts (warnings by kind) as `warnings.KIND`.
            match n.as_object() {
                Some(inner) => {
                    for (kind, n) in inner {
                        writeln!(out, "{:<32} {n:>8}", format!("{k}.{kind}"))?;
                    }
                }
                None => writeln!(out, "{k:<32} {n:>8}")?,
            }
        }
    }
    Ok(out.flush()?)
}

fn cmd_demo() -> Result<(), CliError> {
    let text = eventcoder::EXAMPLE_ARTICLE;
    let coder = Coder::new();
    let doc = coder.code(&Article::new("example", text))?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut p = |s: String| writeln!(out, "{s}");
    p("eventcoder demo: the embedded example article\n".into())?;
    p(format!(
        "published: {}",
        doc.published.map_or("unknown".into(), |d| d.to_string())
    ))?;
    if let Some(d) = &doc.dateline {
        p(format!(
            "dateline:  {} ({})",
            d.place,
            d.outlet.as_deref().unwrap_or("no outlet")
        ))?;
    }
    p(format!(
        "reported by: {}",
        doc.reported_by.as_deref().unwrap_or("-")
    ))?;
    p(format!(
        "{} sentences, {} events\n",
        doc.sentences.len(),
        doc.events.len()
    ))?;
    for s in &doc.sentences {
        p(format!(
            "[{}] {}",
            s.index,
            s.span.slice(text).replace('\n', " ")
        ))?;
        for e in doc.events.iter().filter(|e| e.sentence.index == s.index) {
            p(format!("     => {e}  (confidence {:.2})", e.confidence))?;
        }
    }
    p("\nExplanation of the first event:".into())?;
    if let Some(e) = doc.events.first() {
        p(e.explain(text))?;
    }
    Ok(())
}

/// Without `RUST_BACKTRACE`, a panic (a bug) is reported as one line on stderr, never as a
/// stack trace, and never with a second panic when stderr is closed.
fn install_panic_hook() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
            .unwrap_or("panic");
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        report(format_args!(
            "internal error: {what}{at}\n  hint: this is a bug; please report it with the input (RUST_BACKTRACE=1 shows where it happened)"
        ));
    }));
}

/// Runs the command line of this process; the exit code is documented at the crate's top.
pub fn main() -> ExitCode {
    ExitCode::from(main_with(std::env::args_os()))
}

/// Runs the command line `args` (the program's name first, as in `std::env::args_os`) and
/// returns the exit code: what the `eventcoder` binary and the `eventcoder` command installed
/// by the Python package both run, so the two behave the same.
///
/// ```
/// assert_eq!(eventcoder_cli::main_with(["eventcoder", "--version"]), 0);
/// assert_eq!(eventcoder_cli::main_with(["eventcoder", "no-such-command"]), 2);
/// ```
pub fn main_with<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    install_panic_hook();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout (exit 0), usage errors to stderr (exit 2); a closed
            // stream is no reason to panic.
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let result = match &cli.command {
        Command::Demo => cmd_demo().map(|_| true),
        Command::Tokens { file } => cmd_tokens(file).map(|_| true),
        Command::Code {
            published,
            input,
            globs,
            threads,
            quiet,
            strict,
            id_field,
            text_field,
            published_field,
            format,
            output,
            dedupe_across_articles,
            require_dyad,
            min_confidence,
            keep_negated,
            dictionaries,
            html,
            inputs,
        } => code::run(&code::CodeOptions {
            inputs,
            threads: *threads,
            quiet: *quiet,
            strict: *strict,
            globs,
            fields: input::Fields {
                id: id_field.clone(),
                text: text_field.clone(),
                published: published_field.clone(),
            },
            published: published.as_deref(),
            input: *input,
            format: *format,
            output: output.as_deref(),
            dedupe: *dedupe_across_articles,
            require_dyad: *require_dyad,
            min_confidence: *min_confidence,
            keep_negated: *keep_negated,
            dictionaries,
            html: *html,
        }),
        Command::Explain {
            published,
            dictionaries,
            require_dyad,
            keep_negated,
            file,
        } => explain::run(&explain::ExplainOptions {
            file,
            published: published.as_deref(),
            dictionaries,
            require_dyad: *require_dyad,
            keep_negated: *keep_negated,
        })
        .map(|_| true),
        Command::Lexicon {
            command: LexiconCommand::Stats { json, dictionaries },
        } => cmd_stats(*json, dictionaries).map(|_| true),
        Command::Lexicon {
            command:
                LexiconCommand::Lookup {
                    phrase,
                    date,
                    dictionaries,
                    json,
                },
        } => lookup::run(phrase, date.as_deref(), dictionaries, *json).map(|_| true),
        Command::Completions { shell } => completions::run(*shell).map(|_| true),
        Command::Eval {
            command: EvalCommand::PloverGsr { path, misses, json },
        } => eval::plover_gsr(path, *misses, *json).map(|_| true),
        Command::Eval {
            command:
                EvalCommand::Fixtures {
                    path,
                    misses,
                    json,
                    min_rows,
                    dictionaries,
                },
        } => eval::fixtures(path, *misses, *json, *min_rows, dictionaries).map(|_| true),
        Command::Serve {
            port,
            host,
            dictionaries,
            threads,
        } => serve::run(host, *port, dictionaries, *threads).map(|_| true),
        Command::Eval {
            command:
                EvalCommand::Petrarch {
                    path,
                    misses,
                    dictionaries,
                },
        } => petrarch::run(path, *misses, dictionaries).map(|_| true),
    };
    match result {
        Ok(true) | Err(CliError::BrokenPipe) => 0,
        Ok(false) => 3,
        Err(CliError::Reported) => 1,
        Err(e) => {
            e.report();
            1
        }
    }
}
