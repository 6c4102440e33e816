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

mod completions;
pub mod error;
mod eval;
mod explain;
mod help;
pub mod input;
mod lookup;
pub mod sources;

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
    /// By extension: .jsonl and .ndjson are JSON lines, anything else one text article;
    /// standard input is text.
    Auto,
    /// The whole input is one article.
    Text,
    /// One JSON object per line: {"id": ..., "text": ..., "published": "YYYY-MM-DD"}.
    Jsonl,
    /// CSV with a header row (RFC 4180); the id, text and published columns by name.
    Csv,
    /// TSV with a header row, quoted as CSV.
    Tsv,
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
        /// The text (or each record's text) is HTML: code its visible text (no scripts, styles
        /// or markup; entities decoded). Spans point into the HTML.
        #[arg(long)]
        html: bool,
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
        /// A user dictionary to merge over the built-ins (repeatable).
        #[arg(long = "dictionary", value_name = "FILE")]
        dictionaries: Vec<String>,
        /// Code as `code --require-dyad` does (events without a resolved dyad are filtered).
        #[arg(long)]
        require_dyad: bool,
        /// Code as `code --keep-negated` does (negated events are kept, marked).
        #[arg(long)]
        keep_negated: bool,
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
        /// A user dictionary to merge over the built-ins (repeatable).
        #[arg(long = "dictionary", value_name = "FILE")]
        dictionaries: Vec<String>,
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
        /// A user dictionary to merge over the built-ins (repeatable).
        #[arg(long = "dictionary", value_name = "FILE")]
        dictionaries: Vec<String>,
        /// Print JSON instead of text (spans in bytes of the phrase).
        #[arg(long)]
        json: bool,
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

/// What `eventcoder code` was asked to do.
struct CodeOptions<'a> {
    inputs: &'a [String],
    threads: Option<usize>,
    quiet: bool,
    strict: bool,
    globs: &'a [String],
    fields: input::Fields,
    published: Option<&'a str>,
    input: InputFormat,
    format: OutputFormat,
    require_dyad: bool,
    keep_negated: bool,
    dictionaries: &'a [String],
    html: bool,
}

/// A run of `eventcoder code`: articles are batched (by count and by bytes), coded in
/// parallel and written in input order; bad sources and records are reported and skipped.
struct CodeRun<W: Write> {
    coder: Coder,
    fields: input::Fields,
    format: OutputFormat,
    html: bool,
    out: W,
    batch: Vec<Article>,
    batch_bytes: usize,
    /// The ids seen so far and those already reported as duplicates, as 64-bit hashes (8
    /// bytes an id, however many records an archive has).
    seen: std::collections::HashSet<u64>,
    reported: std::collections::HashSet<u64>,
    /// Sources or records skipped, articles read, and what coding found.
    skipped: usize,
    read: usize,
    sentences: usize,
    events: usize,
    /// Whether the first bad source or record ends the run.
    strict: bool,
    published: Option<chrono::NaiveDate>,
}

impl<W: Write> CodeRun<W> {
    /// Reports a bad source or record; under `--strict` it ends the run.
    fn skip(&mut self, e: CliError) -> Result<(), CliError> {
        match e.hint() {
            Some(hint) => report(format_args!("{e}\n  hint: {hint}")),
            None => report(format_args!("{e}")),
        }
        self.skipped += 1;
        if self.strict {
            return Err(CliError::Reported);
        }
        Ok(())
    }

    /// Queues an article; codes the batch when it is full.
    fn push(&mut self, mut article: Article) -> Result<(), CliError> {
        let id = {
            use std::hash::{BuildHasher, RandomState};
            static KEYS: std::sync::OnceLock<RandomState> = std::sync::OnceLock::new();
            KEYS.get_or_init(RandomState::new).hash_one(&article.id)
        };
        if !self.seen.insert(id) && self.reported.insert(id) {
            report(format_args!(
                "duplicate id {:?}: every record with it is still coded",
                article.id
            ));
        }
        article.published = article.published.or(self.published);
        self.read += 1;
        self.batch_bytes += article.text.len();
        self.batch.push(article);
        if self.batch.len() == BATCH_RECORDS || self.batch_bytes >= BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Codes and writes the queued articles.
    fn flush(&mut self) -> Result<(), CliError> {
        let docs = if self.html {
            self.coder.code_many_html(&self.batch)
        } else {
            self.coder.code_many(&self.batch)
        };
        for (a, r) in self.batch.iter().zip(docs) {
            match r {
                Ok(doc) => {
                    self.sentences += doc.sentences.len();
                    self.events += doc.events.len();
                    write_doc(&mut self.out, a, &doc, self.format)?;
                }
                Err(e) => {
                    report(format_args!("article {:?}: {e}", a.id));
                    self.skipped += 1;
                    if self.strict {
                        return Err(CliError::Reported);
                    }
                }
            }
        }
        self.batch.clear();
        self.batch_bytes = 0;
        Ok(())
    }

    /// Reads one source: a text article, JSON lines, or a table.
    fn source(&mut self, path: &str, format: sources::SourceFormat) -> Result<(), CliError> {
        let reader = match input::open(path) {
            Ok(r) => r,
            Err(e) => return self.skip(e),
        };
        let name = if path == "-" { "stdin" } else { path };
        match format {
            sources::SourceFormat::Text => match input::read_text(path, reader) {
                Ok(text) => self.push(Article::new(name, text))?,
                Err(CliError::BrokenPipe) => return Err(CliError::BrokenPipe),
                Err(e) => self.skip(e)?,
            },
            sources::SourceFormat::Csv | sources::SourceFormat::Tsv => {
                let delimiter = if format == sources::SourceFormat::Csv {
                    b','
                } else {
                    b'\t'
                };
                match input::CsvRecords::with_fields(reader, delimiter, &self.fields, name) {
                    Ok(records) => self.records(name, records)?,
                    Err(e) => self.skip(CliError::Failed {
                        message: format!("{name}: {e}"),
                        hint: Some(
                            "name the columns with --id-field, --text-field, --published-field"
                                .to_string(),
                        ),
                    })?,
                }
            }
            sources::SourceFormat::Jsonl => {
                let records = input::JsonlRecords::new(reader)
                    .named(name)
                    .fields(self.fields.clone());
                self.records(name, records)?;
            }
        }
        Ok(())
    }

    /// Codes the records of one source; a bad record is skipped, an unreadable rest of the
    /// source ends it.
    fn records(
        &mut self,
        name: &str,
        records: impl Iterator<Item = io::Result<Result<input::Record, input::RecordError>>>,
    ) -> Result<(), CliError> {
        for rec in records {
            match rec {
                Ok(Ok(rec)) => {
                    let mut article = Article::new(rec.id, rec.text);
                    article.published = rec.published;
                    self.push(article)?;
                }
                Ok(Err(e)) => self.skip(CliError::Failed {
                    message: format!("{name}: {e}"),
                    hint: None,
                })?,
                Err(e) => {
                    self.skip(CliError::failed(
                        format!("{name}: {e}"),
                        "the rest of this source is skipped",
                    ))?;
                    break;
                }
            }
        }
        Ok(())
    }
}

/// `eventcoder code` on `--threads` threads (all cores by default).
fn cmd_code(o: &CodeOptions<'_>) -> Result<bool, CliError> {
    let Some(n) = o.threads else {
        return code_inputs(o);
    };
    if n == 0 {
        return Err(CliError::failed("--threads 0", "give at least 1"));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| CliError::Failed {
            message: format!("--threads {n}: {e}"),
            hint: None,
        })?;
    pool.install(|| code_inputs(o))
}

/// Reads, codes and writes every input: Ok(true) when everything was coded, Ok(false) when
/// something was skipped; an error when a single input could not be read at all.
fn code_inputs(o: &CodeOptions<'_>) -> Result<bool, CliError> {
    let coder = build_coder(o.dictionaries, o.require_dyad, o.keep_negated)?;
    let published = o.published.map(parse_iso_date).transpose()?;
    let globs = sources::glob_set(o.globs)?;
    let stdout = io::stdout();
    let mut run = CodeRun {
        coder,
        fields: o.fields.clone(),
        format: o.format,
        html: o.html,
        out: BufWriter::new(stdout.lock()),
        batch: Vec::with_capacity(BATCH_RECORDS),
        batch_bytes: 0,
        seen: Default::default(),
        reported: Default::default(),
        skipped: 0,
        read: 0,
        sentences: 0,
        events: 0,
        strict: o.strict,
        published,
    };
    let started = std::time::Instant::now();
    let mut errors: Vec<CliError> = Vec::new();
    let paths = sources::expand(o.inputs, &globs, |e| errors.push(e));
    for e in errors {
        run.skip(e)?;
    }
    for path in &paths {
        let format = match o.input {
            InputFormat::Auto => sources::auto_format(path),
            InputFormat::Text => Ok(sources::SourceFormat::Text),
            InputFormat::Jsonl => Ok(sources::SourceFormat::Jsonl),
            InputFormat::Csv => Ok(sources::SourceFormat::Csv),
            InputFormat::Tsv => Ok(sources::SourceFormat::Tsv),
        };
        match format {
            Ok(f) => run.source(path, f)?,
            Err(e) => run.skip(e)?,
        }
    }
    run.flush()?;
    run.out.flush()?;
    // One input that could not be read at all is a fatal error (already reported), not a
    // skipped record.
    if run.read == 0 && run.skipped > 0 && o.inputs.len() <= 1 {
        return Err(CliError::Reported);
    }
    if !o.quiet {
        let secs = started.elapsed().as_secs_f64();
        report(format_args!(
            "{} articles read, {} sentences, {} events, {} skipped, {secs:.2} s, {:.0} articles/s",
            run.read,
            run.sentences,
            run.events,
            run.skipped,
            run.read as f64 / secs.max(1e-9)
        ));
    }
    Ok(run.skipped == 0)
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
            globs,
            threads,
            quiet,
            strict,
            id_field,
            text_field,
            published_field,
            format,
            require_dyad,
            keep_negated,
            dictionaries,
            html,
            inputs,
        } => cmd_code(&CodeOptions {
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
            require_dyad: *require_dyad,
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
                },
        } => eval::fixtures(path, *misses, *json, *min_rows).map(|_| true),
    };
    match result {
        Ok(true) | Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(3),
        Err(CliError::Reported) => ExitCode::FAILURE,
        Err(e) => {
            match e.hint() {
                Some(hint) => report(format_args!("{e}\n  hint: {hint}")),
                None => report(format_args!("{e}")),
            }
            ExitCode::FAILURE
        }
    }
}
