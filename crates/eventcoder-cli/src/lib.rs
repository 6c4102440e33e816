//! The `eventcoder` command-line tool, as a library: [`main`] runs it with the process's
//! arguments; [`input`] reads its input with bounded memory.
//!
//! Exit codes: 0 when everything was coded (or the output's reader went away), 1 on a fatal
//! error, 2 on a usage error, 3 when the run finished but some records were skipped.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use eventcoder::output::{CharIndex, EventRecord};
use eventcoder::text::tokenize;
use eventcoder::{Article, Coder, parse_iso_date};

pub mod error;
mod eval;
pub mod input;

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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// The whole input is one article.
    Text,
    /// One JSON object per line: {"id": ..., "text": ..., "published": "YYYY-MM-DD"}.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON object per event per line (the stable contract).
    Jsonl,
    /// A readable explanation of every event.
    Explain,
}

#[derive(Subcommand)]
enum Command {
    /// Code the embedded example article and print a readable summary.
    Demo,
    /// Print the tokens of FILE (or - for standard input) as JSON lines.
    Tokens {
        /// The input file, or - for standard input.
        file: String,
    },
    /// Code articles and print one JSON object per event per line.
    Code {
        /// Published date of a text input (YYYY-MM-DD); relative dates resolve against it.
        #[arg(long)]
        published: Option<String>,
        /// Input format.
        #[arg(long, value_enum, default_value = "text")]
        input: InputFormat,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutputFormat,
        /// Only emit events with both a source and a target.
        #[arg(long)]
        require_dyad: bool,
        /// Keep negated events (marked "negated": true).
        #[arg(long)]
        keep_negated: bool,
        /// A user dictionary to merge over the built-ins (repeatable).
        #[arg(long = "dictionary", value_name = "FILE")]
        dictionaries: Vec<String>,
        /// The input file, or - for standard input.
        file: String,
    },
    /// Inspect the lexicon.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
    /// Evaluate the coder on a gold-standard file.
    Eval {
        #[command(subcommand)]
        command: EvalCommand,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Print the number of entries per category.
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// A user dictionary to merge over the built-ins (repeatable).
        #[arg(long = "dictionary", value_name = "FILE")]
        dictionaries: Vec<String>,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Score against an event table (tests/fixtures/events.tsv): precision, recall and F1,
    /// overall and per tag.
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
    },
    /// Score against the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).
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
    for t in tokenize(&text) {
        let record = serde_json::json!({
            "text": t.text,
            "norm": t.norm,
            "kind": t.kind,
            "span": t.span,
            "char_span": ix.span(t.span),
        });
        writeln!(out, "{record}")?;
    }
    Ok(out.flush()?)
}

fn build_coder(
    dictionaries: &[String],
    require_dyad: bool,
    keep_negated: bool,
) -> Result<Coder, CliError> {
    let mut b = Coder::builder()
        .require_dyad(require_dyad)
        .keep_negated(keep_negated);
    for d in dictionaries {
        b = b.dictionary(d)?;
    }
    let coder = b.build()?;
    print_warnings(coder.lexicon().warnings());
    Ok(coder)
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

fn write_doc(
    out: &mut impl Write,
    article: &Article,
    doc: &eventcoder::Document,
    format: OutputFormat,
) -> Result<(), CliError> {
    let mut ix = CharIndex::new(&article.text);
    for e in &doc.events {
        match format {
            OutputFormat::Jsonl => {
                let rec = EventRecord::new(e, &mut ix);
                serde_json::to_writer(&mut *out, &rec)?;
                writeln!(out)?;
            }
            OutputFormat::Explain => write!(out, "{}", e.explain(&article.text))?,
        }
    }
    Ok(())
}

/// How many JSONL records are coded together (in parallel), at most.
const BATCH_RECORDS: usize = 256;
/// How many bytes of text are coded together, at most (a batch of huge records stays bounded).
const BATCH_BYTES: usize = 32 << 20;

#[allow(clippy::too_many_arguments)]
fn cmd_code(
    file: &str,
    published: Option<&str>,
    input: InputFormat,
    format: OutputFormat,
    require_dyad: bool,
    keep_negated: bool,
    dictionaries: &[String],
) -> Result<bool, CliError> {
    let coder = build_coder(dictionaries, require_dyad, keep_negated)?;
    let published = published.map(parse_iso_date).transpose()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match input {
        InputFormat::Text => {
            let text = read_input(file)?;
            let id = if file == "-" {
                "stdin".to_string()
            } else {
                file.to_string()
            };
            let mut article = Article::new(id, text);
            article.published = published;
            let doc = coder.code(&article)?;
            write_doc(&mut out, &article, &doc, format)?;
            out.flush()?;
            Ok(true)
        }
        InputFormat::Jsonl => {
            let mut ok = true;
            let mut batch: Vec<Article> = Vec::with_capacity(BATCH_RECORDS);
            let mut batch_bytes = 0;
            let flush = |batch: &mut Vec<Article>, out: &mut BufWriter<_>| {
                let mut all_ok = true;
                for (a, r) in batch.iter().zip(coder.code_many(batch)) {
                    match r {
                        Ok(doc) => write_doc(out, a, &doc, format)?,
                        Err(e) => {
                            report(format_args!("{file}: article {:?}: {e}", a.id));
                            all_ok = false;
                        }
                    }
                }
                batch.clear();
                Ok::<bool, CliError>(all_ok)
            };
            for rec in input::JsonlRecords::new(input::open(file)?) {
                let rec = match rec.map_err(|e| CliError::io(file, e))? {
                    Ok(rec) => rec,
                    Err(e) => {
                        report(format_args!("{file}: {e}"));
                        ok = false;
                        continue;
                    }
                };
                let mut article = Article::new(rec.id, rec.text);
                article.published = rec.published.or(published);
                batch_bytes += article.text.len();
                batch.push(article);
                if batch.len() == BATCH_RECORDS || batch_bytes >= BATCH_BYTES {
                    ok &= flush(&mut batch, &mut out)?;
                    batch_bytes = 0;
                }
            }
            ok &= flush(&mut batch, &mut out)?;
            out.flush()?;
            Ok(ok)
        }
    }
}

fn cmd_stats(json: bool, dictionaries: &[String]) -> Result<(), CliError> {
    let coder = build_coder(dictionaries, false, false)?;
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
    install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout (exit 0), usage errors to stderr (exit 2); a closed
            // stream is no reason to panic.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match &cli.command {
        Command::Demo => cmd_demo().map(|_| true),
        Command::Tokens { file } => cmd_tokens(file).map(|_| true),
        Command::Code {
            published,
            input,
            format,
            require_dyad,
            keep_negated,
            dictionaries,
            file,
        } => cmd_code(
            file,
            published.as_deref(),
            *input,
            *format,
            *require_dyad,
            *keep_negated,
            dictionaries,
        ),
        Command::Lexicon {
            command: LexiconCommand::Stats { json, dictionaries },
        } => cmd_stats(*json, dictionaries).map(|_| true),
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
                },
        } => eval::fixtures(path, *misses, *json, *min_rows).map(|_| true),
    };
    match result {
        Ok(true) | Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(3),
        Err(e) => {
            match e.hint() {
                Some(hint) => report(format_args!("{e}\n  hint: {hint}")),
                None => report(format_args!("{e}")),
            }
            ExitCode::FAILURE
        }
    }
}
