//! The `eventcoder` command-line tool.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use eventcoder::output::{CharIndex, EventRecord};
use eventcoder::text::tokenize;
use eventcoder::{Article, Coder, parse_iso_date};

mod eval;

/// mimalloc: eventcoder allocates many small strings; it codes about a third faster than with
/// the system allocator (benches/coder.rs vs benches/coder_system_alloc.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

fn read_input(file: &str) -> Result<String, String> {
    let mut buf = Vec::new();
    let res = if file == "-" {
        io::stdin().read_to_end(&mut buf).map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map(|_| ())
    };
    res.map_err(|e| format!("{file}: {e}"))?;
    // A leading UTF-8 byte-order mark is no text.
    if buf.starts_with(b"\xef\xbb\xbf") {
        buf.drain(..3);
    }
    String::from_utf8(buf).map_err(|e| {
        format!(
            "{file}: not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })
}

fn cmd_tokens(file: &str) -> Result<(), String> {
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
        writeln!(out, "{record}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn build_coder(
    dictionaries: &[String],
    require_dyad: bool,
    keep_negated: bool,
) -> Result<Coder, String> {
    let mut b = Coder::builder()
        .require_dyad(require_dyad)
        .keep_negated(keep_negated);
    for d in dictionaries {
        b = b.dictionary(d).map_err(|e| e.to_string())?;
    }
    let coder = b.build().map_err(|e| e.to_string())?;
    print_warnings(coder.lexicon().warnings());
    Ok(coder)
}

/// How many dictionary warnings are printed before the rest are only counted.
const MAX_WARNINGS_SHOWN: usize = 20;

/// Dictionary warnings on stderr, one line each (`file:line:col: warning: ...`), the first
/// [`MAX_WARNINGS_SHOWN`] and then a count.
fn print_warnings(warnings: &[eventcoder::lexicon::DictionaryWarning]) {
    for w in warnings.iter().take(MAX_WARNINGS_SHOWN) {
        eprintln!("eventcoder: {w}");
    }
    if warnings.len() > MAX_WARNINGS_SHOWN {
        eprintln!(
            "eventcoder: ... and {} more dictionary warnings (`eventcoder lexicon stats` counts them by kind)",
            warnings.len() - MAX_WARNINGS_SHOWN
        );
    }
}

fn write_doc(
    out: &mut impl Write,
    article: &Article,
    doc: &eventcoder::Document,
    format: OutputFormat,
) -> Result<(), String> {
    let mut ix = CharIndex::new(&article.text);
    for e in &doc.events {
        match format {
            OutputFormat::Jsonl => {
                let rec = EventRecord::new(e, &mut ix);
                serde_json::to_writer(&mut *out, &rec).map_err(|e| e.to_string())?;
                writeln!(out).map_err(|e| e.to_string())?;
            }
            OutputFormat::Explain => {
                write!(out, "{}", e.explain(&article.text)).map_err(|e| e.to_string())?
            }
        }
    }
    Ok(())
}

/// One JSONL input record.
#[derive(serde::Deserialize)]
struct InputRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

#[allow(clippy::too_many_arguments)]
fn cmd_code(
    file: &str,
    published: Option<&str>,
    input: InputFormat,
    format: OutputFormat,
    require_dyad: bool,
    keep_negated: bool,
    dictionaries: &[String],
) -> Result<bool, String> {
    let coder = build_coder(dictionaries, require_dyad, keep_negated)?;
    let published = published
        .map(parse_iso_date)
        .transpose()
        .map_err(|e| e.to_string())?;
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
            let doc = coder.code(&article).map_err(|e| e.to_string())?;
            write_doc(&mut out, &article, &doc, format)?;
            out.flush().map_err(|e| e.to_string())?;
            Ok(true)
        }
        InputFormat::Jsonl => {
            let reader: Box<dyn BufRead> = if file == "-" {
                Box::new(io::BufReader::new(io::stdin()))
            } else {
                Box::new(io::BufReader::new(
                    std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?,
                ))
            };
            let mut ok = true;
            let mut batch: Vec<Article> = Vec::with_capacity(256);
            let flush =
                |batch: &mut Vec<Article>, out: &mut BufWriter<_>| -> Result<bool, String> {
                    let mut all_ok = true;
                    for (a, r) in batch.iter().zip(coder.code_many(batch)) {
                        match r {
                            Ok(doc) => write_doc(out, a, &doc, format)?,
                            Err(e) => {
                                eprintln!("eventcoder: article {:?}: {e}", a.id);
                                all_ok = false;
                            }
                        }
                    }
                    batch.clear();
                    Ok(all_ok)
                };
            for (i, line) in reader.lines().enumerate() {
                let line_no = i + 1;
                let line = line.map_err(|e| format!("{file}: line {line_no}: {e}"))?;
                // (A byte-order mark before the first record is no JSON.)
                let line = match line.strip_prefix('\u{feff}') {
                    Some(rest) if line_no == 1 => rest.to_string(),
                    _ => line,
                };
                if line.trim().is_empty() {
                    continue;
                }
                let rec: InputRecord = match serde_json::from_str(&line) {
                    Ok(r) => r,
                    Err(e) => {
                        eprintln!("eventcoder: {file}: line {line_no}: {e}");
                        ok = false;
                        continue;
                    }
                };
                let id = match rec.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) => v.to_string(),
                    None => line_no.to_string(),
                };
                let mut article = Article::new(id, rec.text);
                article.published = match rec.published.as_deref().map(parse_iso_date).transpose() {
                    Ok(d) => d.or(published),
                    Err(e) => {
                        eprintln!("eventcoder: {file}: line {line_no}: {e}");
                        ok = false;
                        continue;
                    }
                };
                batch.push(article);
                if batch.len() == 256 {
                    ok &= flush(&mut batch, &mut out)?;
                }
            }
            ok &= flush(&mut batch, &mut out)?;
            out.flush().map_err(|e| e.to_string())?;
            Ok(ok)
        }
    }
}

fn cmd_stats(json: bool, dictionaries: &[String]) -> Result<(), String> {
    let coder = build_coder(dictionaries, false, false)?;
    let stats = coder.lexicon().stats();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&stats).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let v = serde_json::to_value(&stats).map_err(|e| e.to_string())?;
    println!("{:<32} {:>8}", "category", "count");
    if let Some(map) = v.as_object() {
        for (k, n) in map {
            // Nested counts (warnings by kind) as `warnings.KIND`.
            match n.as_object() {
                Some(inner) => {
                    for (kind, n) in inner {
                        println!("{:<32} {n:>8}", format!("{k}.{kind}"));
                    }
                }
                None => println!("{k:<32} {n:>8}"),
            }
        }
    }
    Ok(())
}

fn cmd_demo() -> Result<(), String> {
    let text = eventcoder::EXAMPLE_ARTICLE;
    let coder = Coder::new();
    let doc = coder
        .code(&Article::new("example", text))
        .map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut p = |s: String| writeln!(out, "{s}").map_err(|e| e.to_string());
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

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(e) => {
            eprintln!("eventcoder: {e}");
            ExitCode::FAILURE
        }
    }
}
