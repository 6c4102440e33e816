//! `eventcoder code`, as a pipeline with bounded memory.
//!
//! ```text
//! reader thread                      calling thread (on the rayon pool)
//! INPUTs → sources → records ──batch──▶ code + render each article in parallel
//!   (bad ones reported, skipped)  (≤ 2 queued)   → write in input order → output
//! ```
//!
//! A batch holds at most [`BATCH_RECORDS`] articles or [`BATCH_BYTES`] bytes of text (one
//! larger article makes a batch of its own), and at most [`QUEUED_BATCHES`] wait in the
//! channel, so memory is bounded by a few batches whatever the size of the input. The output
//! is the same, byte for byte, whatever the number of threads.

use std::collections::{HashMap, HashSet};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use chrono::NaiveDate;
use clap::ValueEnum;
use eventcoder::output::{CharIndex, EventRecord, write_event_json};
use eventcoder::{Article, Coder, Document, parse_iso_date};
use rayon::prelude::*;
use serde::Serialize;

use crate::error::{CliError, report};
use crate::sources::{self, SourceFormat};
use crate::{flat, input};

/// How many articles are coded together (in parallel), at most.
pub const BATCH_RECORDS: usize = 256;
/// How many bytes of text are coded together, at most (an article larger than this is a batch
/// of its own).
pub const BATCH_BYTES: usize = 8 << 20;
/// How many batches the reader may have read ahead of the coder.
pub const QUEUED_BATCHES: usize = 2;

/// How `eventcoder code` reads its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By extension (after .gz or .zst): .jsonl and .ndjson are JSON lines, .csv CSV, .tsv TSV,
    /// anything else one text article; standard input is text.
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

/// What `eventcoder code` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per event per line (the stable contract).
    Jsonl,
    /// A readable explanation of every event.
    Explain,
    /// One row per event, GDELT-named columns first, with a header row.
    Csv,
    /// As csv, tab-separated.
    Tsv,
    /// As csv, typed and zstd-compressed (needs --output).
    Parquet,
}

impl OutputFormat {
    /// The format an output file's name implies: `.csv`, `.tsv`, `.parquet` (or `.pq`), else
    /// JSON lines.
    pub fn for_path(path: &str) -> OutputFormat {
        let lower = path.to_ascii_lowercase();
        match Path::new(&lower).extension().and_then(|e| e.to_str()) {
            Some("csv") => OutputFormat::Csv,
            Some("tsv") => OutputFormat::Tsv,
            Some("parquet" | "pq") => OutputFormat::Parquet,
            _ => OutputFormat::Jsonl,
        }
    }
}

/// What `eventcoder code` was asked to do.
pub struct CodeOptions<'a> {
    /// Files, directories and `-`.
    pub inputs: &'a [String],
    /// Coding threads (all cores when `None`).
    pub threads: Option<usize>,
    /// No progress bar and no summary line.
    pub quiet: bool,
    /// The first bad source or record ends the run.
    pub strict: bool,
    /// Which files of a directory are read.
    pub globs: &'a [String],
    /// The record fields holding id, text and date.
    pub fields: input::Fields,
    /// The published date of records without one.
    pub published: Option<&'a str>,
    /// How sources are read.
    pub input: InputFormat,
    /// What is written (`None`: by the output's name, else JSON lines).
    pub format: Option<OutputFormat>,
    /// Where it is written (`None`: standard output).
    pub output: Option<&'a str>,
    /// Collapse the same event across articles.
    pub dedupe: bool,
    /// The coder's filters and dictionaries.
    pub require_dyad: bool,
    /// Keep negated events.
    pub keep_negated: bool,
    /// Only events at least this confident.
    pub min_confidence: Option<f32>,
    /// Where the dictionaries come from.
    pub dictionaries: &'a crate::dictionaries::DictionaryArgs,
    /// The texts are HTML.
    pub html: bool,
}

/// `eventcoder code` on `--threads` threads (all cores by default): Ok(true) when everything
/// was coded, Ok(false) when some sources or records were skipped.
pub fn run(o: &CodeOptions<'_>) -> Result<bool, CliError> {
    let n = match o.threads {
        Some(0) => return Err(CliError::failed("--threads 0", "give at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| CliError::Failed {
            message: format!("--threads {n}: {e}"),
            hint: None,
        })?;
    let format = o
        .format
        .unwrap_or_else(|| o.output.map_or(OutputFormat::Jsonl, OutputFormat::for_path));
    if format == OutputFormat::Parquet && o.output.is_none() {
        return Err(CliError::failed(
            "--format parquet needs --output FILE",
            "e.g. --output events.parquet",
        ));
    }
    if o.dedupe && format == OutputFormat::Explain {
        return Err(CliError::failed(
            "--dedupe-across-articles does not apply to --format explain",
            "use jsonl, csv, tsv or parquet",
        ));
    }
    let coder = o
        .dictionaries
        .build(o.require_dyad, o.keep_negated, o.quiet)?;
    // The core checks the range (0 to 1, not NaN), as for Rust and Python callers.
    let coder = match o.min_confidence {
        Some(c) => coder
            .with_options(eventcoder::CoderOptions {
                min_confidence: c,
                ..coder.options().clone()
            })
            .map_err(|_| {
                CliError::failed(format!("--min-confidence {c}"), "give a number from 0 to 1")
            })?,
        None => coder,
    };
    let published = o.published.map(parse_iso_date).transpose()?;
    let globs = sources::glob_set(o.globs)?;
    let dest = Destination::open(o.output)?;
    // A flat table has an `issues` column when the JSON records have `issues`.
    let issues = coder.lexicon().has_issues();
    let sink = Sink::new(format, o.dedupe, issues, &dest)?;
    let progress = Progress::new(o.quiet, o.inputs);
    let reader = Reader {
        fields: o.fields.clone(),
        input: o.input,
        published,
        strict: o.strict,
        bytes: progress.bytes.clone(),
        batch: Vec::with_capacity(BATCH_RECORDS),
        batch_bytes: 0,
        seen: HashSet::new(),
        reported: HashSet::new(),
        skipped: 0,
        read: 0,
    };
    let coding = Coding {
        coder: &coder,
        html: o.html,
        records: sink.wants_records(),
        format,
    };
    let started = Instant::now();
    let (tx, rx) = mpsc::sync_channel::<Vec<Article>>(QUEUED_BATCHES);
    let (written, read) = pool.install(|| {
        std::thread::scope(|s| {
            let reading = s.spawn(move || reader.run(o.inputs, &globs, tx));
            let written = write_batches(rx, &coding, sink, &progress, o.strict);
            // (The receiver is gone: a reader still at work stops at its next batch.)
            let read = reading.join().unwrap_or(Err(CliError::Reported));
            (written, read)
        })
    });
    progress.finish();
    let totals = written?;
    // (A reader stopped by --strict: nothing is kept.)
    let read = read?;
    let skipped = read.skipped + totals.skipped;
    // One input that could not be read at all is a fatal error (already reported), not a
    // skipped record; nothing is written.
    if read.read == 0 && skipped > 0 && o.inputs.len() <= 1 {
        return Err(CliError::Reported);
    }
    dest.commit()?;
    if !o.quiet {
        let secs = started.elapsed().as_secs_f64();
        let collapsed = if o.dedupe {
            format!(" ({} after deduplication across articles)", totals.written)
        } else {
            String::new()
        };
        report(format_args!(
            "{} articles read, {} sentences, {} events{collapsed}, {skipped} skipped, {secs:.2} s, {:.0} articles/s",
            read.read,
            totals.sentences,
            totals.events,
            read.read as f64 / secs.max(1e-9)
        ));
    }
    Ok(skipped == 0)
}

/// What the reader did.
struct ReadTotals {
    read: usize,
    skipped: usize,
}

/// What the writer did.
#[derive(Default)]
struct WriteTotals {
    sentences: usize,
    events: usize,
    written: usize,
    skipped: usize,
}

/// The reading end: sources into batches of articles.
struct Reader {
    fields: input::Fields,
    input: InputFormat,
    published: Option<NaiveDate>,
    strict: bool,
    /// Bytes read from the input files (before decompression), for progress.
    bytes: Arc<AtomicU64>,
    batch: Vec<Article>,
    batch_bytes: usize,
    /// The ids seen so far and those already reported as duplicates, as 64-bit hashes (8
    /// bytes an id, however many records an archive has).
    seen: HashSet<u64>,
    reported: HashSet<u64>,
    skipped: usize,
    read: usize,
}

/// Why reading stopped early.
enum Stop {
    /// `--strict` and a bad source or record (already reported).
    Strict,
    /// The coder went away (it failed or the output closed).
    Gone,
}

impl Reader {
    /// Reads every input and sends its articles in batches; the totals at the end.
    fn run(
        mut self,
        inputs: &[String],
        globs: &globset::GlobSet,
        tx: mpsc::SyncSender<Vec<Article>>,
    ) -> Result<ReadTotals, CliError> {
        match self.read_all(inputs, globs, &tx) {
            Ok(()) | Err(Stop::Gone) => Ok(ReadTotals {
                read: self.read,
                skipped: self.skipped,
            }),
            Err(Stop::Strict) => Err(CliError::Reported),
        }
    }

    fn read_all(
        &mut self,
        inputs: &[String],
        globs: &globset::GlobSet,
        tx: &mpsc::SyncSender<Vec<Article>>,
    ) -> Result<(), Stop> {
        let mut errors = Vec::new();
        let paths = sources::expand(inputs, globs, |e| errors.push(e));
        for e in errors {
            self.skip(e)?;
        }
        for path in &paths {
            let format = match self.input {
                InputFormat::Auto => sources::auto_format(path),
                InputFormat::Text => Ok(SourceFormat::Text),
                InputFormat::Jsonl => Ok(SourceFormat::Jsonl),
                InputFormat::Csv => Ok(SourceFormat::Csv),
                InputFormat::Tsv => Ok(SourceFormat::Tsv),
            };
            match format {
                Ok(f) => self.source(path, f, tx)?,
                Err(e) => self.skip(e)?,
            }
        }
        self.send(tx)
    }

    /// Reports a bad source or record; under `--strict` it ends the run.
    fn skip(&mut self, e: CliError) -> Result<(), Stop> {
        e.report();
        self.skipped += 1;
        if self.strict {
            return Err(Stop::Strict);
        }
        Ok(())
    }

    /// Sends the batch (if any) to the coder.
    fn send(&mut self, tx: &mpsc::SyncSender<Vec<Article>>) -> Result<(), Stop> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_RECORDS));
        self.batch_bytes = 0;
        tx.send(batch).map_err(|_| Stop::Gone)
    }

    /// Queues an article; sends the batch when it is full.
    fn push(
        &mut self,
        mut article: Article,
        tx: &mpsc::SyncSender<Vec<Article>>,
    ) -> Result<(), Stop> {
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
        if self.batch_bytes + article.text.len() > BATCH_BYTES {
            self.send(tx)?;
        }
        self.batch_bytes += article.text.len();
        self.batch.push(article);
        if self.batch.len() == BATCH_RECORDS || self.batch_bytes >= BATCH_BYTES {
            self.send(tx)?;
        }
        Ok(())
    }

    /// Reads one source: a text article, JSON lines, or a table.
    fn source(
        &mut self,
        path: &str,
        format: SourceFormat,
        tx: &mpsc::SyncSender<Vec<Article>>,
    ) -> Result<(), Stop> {
        let reader = match input::open_counted(path, Some(self.bytes.clone())) {
            Ok(r) => r,
            Err(e) => return self.skip(e),
        };
        let name = if path == "-" { "stdin" } else { path };
        match format {
            SourceFormat::Text => match input::read_text(path, reader) {
                Ok(text) => self.push(Article::new(name, text), tx)?,
                Err(CliError::BrokenPipe) => return Err(Stop::Gone),
                Err(e) => self.skip(e)?,
            },
            SourceFormat::Csv | SourceFormat::Tsv => {
                let delimiter = if format == SourceFormat::Csv {
                    b','
                } else {
                    b'\t'
                };
                match input::CsvRecords::with_fields(reader, delimiter, &self.fields, name) {
                    Ok(records) => self.records(name, records, tx)?,
                    Err(e) => self.skip(CliError::Failed {
                        message: format!("{name}: {e}"),
                        hint: Some(
                            "name the columns with --id-field, --text-field, --published-field"
                                .to_string(),
                        ),
                    })?,
                }
            }
            SourceFormat::Jsonl => {
                let records = input::JsonlRecords::new(reader)
                    .named(name)
                    .fields(self.fields.clone());
                self.records(name, records, tx)?;
            }
        }
        Ok(())
    }

    /// Queues the records of one source; a bad record is skipped, an unreadable rest of the
    /// source ends it.
    fn records(
        &mut self,
        name: &str,
        records: impl Iterator<Item = io::Result<Result<input::Record, input::RecordError>>>,
        tx: &mpsc::SyncSender<Vec<Article>>,
    ) -> Result<(), Stop> {
        for rec in records {
            match rec {
                Ok(Ok(rec)) => {
                    let mut article = Article::new(rec.id, rec.text);
                    article.published = rec.published;
                    self.push(article, tx)?;
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

/// How each article is coded and rendered (on the pool's threads).
struct Coding<'a> {
    coder: &'a Coder,
    html: bool,
    /// Whether the sink takes records (flat tables, deduplication) rather than bytes.
    records: bool,
    format: OutputFormat,
}

/// One article, coded and rendered.
struct Rendered {
    sentences: usize,
    events: usize,
    body: Body,
}

/// An article's events, ready for the sink.
enum Body {
    /// Lines of JSON or explanations, written as they are.
    Bytes(Vec<u8>),
    /// Records, for a flat table or deduplication.
    Records(Vec<EventRecord>),
}

impl Coding<'_> {
    fn code(&self, a: &Article) -> Result<Document, eventcoder::Error> {
        if self.html {
            self.coder.code_html(a)
        } else {
            self.coder.code(a)
        }
    }

    /// Codes `a` and renders its events.
    fn render(&self, a: &Article) -> Result<Rendered, CliError> {
        let doc = self.code(a)?;
        let mut ix = CharIndex::new(&a.text);
        let body = if self.records {
            Body::Records(
                doc.events
                    .iter()
                    .map(|e| EventRecord::new(e, &mut ix))
                    .collect(),
            )
        } else {
            // About 800 bytes a JSON line: one allocation for most articles.
            let mut out = Vec::with_capacity(doc.events.len() * 800);
            for e in &doc.events {
                if self.format == OutputFormat::Explain {
                    out.extend_from_slice(e.explain(&a.text).as_bytes());
                } else {
                    write_event_json(e, &mut ix, &mut out);
                    out.push(b'\n');
                }
            }
            Body::Bytes(out)
        };
        Ok(Rendered {
            sentences: doc.sentences.len(),
            events: doc.events.len(),
            body,
        })
    }
}

/// Codes the batches as they come and writes them in order.
fn write_batches(
    rx: mpsc::Receiver<Vec<Article>>,
    coding: &Coding<'_>,
    mut sink: Sink,
    progress: &Progress,
    strict: bool,
) -> Result<WriteTotals, CliError> {
    let mut totals = WriteTotals::default();
    for batch in rx {
        let rendered: Vec<Result<Rendered, CliError>> =
            batch.par_iter().map(|a| coding.render(a)).collect();
        for (a, r) in batch.iter().zip(rendered) {
            match r {
                Ok(r) => {
                    totals.sentences += r.sentences;
                    totals.events += r.events;
                    sink.article(&a.id, r.body)?;
                }
                Err(CliError::BrokenPipe) => return Err(CliError::BrokenPipe),
                Err(e) => {
                    report(format_args!("article {:?}: {e}", a.id));
                    totals.skipped += 1;
                    if strict {
                        return Err(CliError::Reported);
                    }
                }
            }
        }
        progress.update(batch.len(), totals.events);
    }
    totals.written = sink.finish()?;
    Ok(totals)
}

/// Where the output goes: standard output, or a file written under a temporary name in the
/// same folder and renamed at the end, so a failed or interrupted run never leaves a partial
/// file under the requested name.
enum Destination {
    Stdout,
    File {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
}

impl Destination {
    fn open(output: Option<&str>) -> Result<Destination, CliError> {
        let Some(path) = output.filter(|p| *p != "-") else {
            return Ok(Destination::Stdout);
        };
        let path = PathBuf::from(path);
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().map_or_else(
            || "output".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let prefix = format!(".{name}.");
        let mut b = tempfile::Builder::new();
        b.prefix(&prefix).suffix(".partial");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let temp = b
            .tempfile_in(&dir)
            .map_err(|e| CliError::io(&path.display().to_string(), e))?;
        Ok(Destination::File { temp, path })
    }

    /// A writer to the destination.
    fn writer(&self) -> Result<Box<dyn Write + Send>, CliError> {
        match self {
            Destination::Stdout => Ok(Box::new(io::stdout())),
            Destination::File { temp, path } => temp
                .as_file()
                .try_clone()
                .map(|f| Box::new(f) as Box<dyn Write + Send>)
                .map_err(|e| CliError::io(&path.display().to_string(), e)),
        }
    }

    /// The output's name, for errors.
    fn name(&self) -> String {
        match self {
            Destination::Stdout => "standard output".into(),
            Destination::File { path, .. } => path.display().to_string(),
        }
    }

    /// Gives the finished file its name.
    fn commit(self) -> Result<(), CliError> {
        match self {
            Destination::Stdout => Ok(()),
            Destination::File { temp, path } => {
                temp.persist(&path)
                    .map_err(|e| CliError::io(&path.display().to_string(), e.error))?;
                Ok(())
            }
        }
    }
}

/// Where events are written.
enum Target {
    /// Bytes (JSON lines, explanations) to a buffered writer.
    Bytes(BufWriter<Box<dyn Write + Send>>),
    /// Records to a flat table (CSV, TSV, Parquet).
    Table(Box<dyn flat::EventSink + Send>),
}

/// Where rendered articles go: the target, through deduplication across articles if asked.
struct Sink {
    target: Target,
    /// Events held until the end, collapsed across articles.
    dedupe: Option<Dedupe>,
}

impl Sink {
    /// `issues`: whether a flat table has the issues column (the coder has an issues file).
    fn new(
        format: OutputFormat,
        dedupe: bool,
        issues: bool,
        dest: &Destination,
    ) -> Result<Sink, CliError> {
        let out = BufWriter::with_capacity(1 << 16, dest.writer()?);
        let name = dest.name();
        let target = match format {
            OutputFormat::Jsonl | OutputFormat::Explain => Target::Bytes(out),
            OutputFormat::Csv => Target::Table(Box::new(
                flat::DelimitedSink::csv(out, name).with_issues(issues),
            )),
            OutputFormat::Tsv => Target::Table(Box::new(
                flat::DelimitedSink::tsv(out, name).with_issues(issues),
            )),
            OutputFormat::Parquet => {
                Target::Table(Box::new(flat::ParquetSink::with_issues(out, name, issues)?))
            }
        };
        Ok(Sink {
            target,
            dedupe: dedupe.then(Dedupe::default),
        })
    }

    /// Whether articles are rendered as records rather than bytes.
    fn wants_records(&self) -> bool {
        self.dedupe.is_some() || matches!(self.target, Target::Table(_))
    }

    /// Takes one article's events, in input order.
    fn article(&mut self, id: &str, body: Body) -> Result<(), CliError> {
        match (&mut self.dedupe, &mut self.target, body) {
            (Some(groups), _, Body::Records(recs)) => {
                for r in recs {
                    groups.add(id, r);
                }
                Ok(())
            }
            (None, Target::Bytes(out), Body::Bytes(b)) => Ok(out.write_all(&b)?),
            (None, Target::Table(table), Body::Records(recs)) => {
                for r in &recs {
                    table.write(r, flat::Extra::of(r))?;
                }
                Ok(())
            }
            _ => Err(CliError::Failed {
                message: "internal error: an article rendered for another output".into(),
                hint: None,
            }),
        }
    }

    /// Writes what is held and completes the output; the number of events written after
    /// deduplication (0 without it).
    fn finish(self) -> Result<usize, CliError> {
        let written = self.dedupe.as_ref().map_or(0, |d| d.groups.len());
        let groups = self.dedupe.map(|d| d.groups).unwrap_or_default();
        match self.target {
            Target::Bytes(mut out) => {
                for g in &groups {
                    serde_json::to_writer(&mut out, &g.record())?;
                    out.write_all(b"\n")?;
                }
                out.flush()?;
            }
            Target::Table(mut table) => {
                for g in &groups {
                    table.write(&g.record, g.extra())?;
                }
                table.finish()?;
            }
        }
        Ok(written)
    }
}

/// The key events are collapsed on across articles.
#[derive(Hash, PartialEq, Eq)]
struct DedupeKey {
    date: Option<String>,
    source: Option<String>,
    target: Option<String>,
    event: String,
}

/// Events collapsed across articles, in order of first appearance.
#[derive(Default)]
pub struct Dedupe {
    index: HashMap<DedupeKey, usize>,
    groups: Vec<Group>,
}

/// One collapsed event: the first record, and what the others add.
struct Group {
    record: EventRecord,
    num_mentions: usize,
    article_ids: Vec<String>,
}

/// A collapsed event in JSON: the first record's fields plus the counts.
#[derive(Serialize)]
struct DedupedRecord<'a> {
    #[serde(flatten)]
    record: &'a EventRecord,
    num_articles: usize,
    num_mentions: usize,
    article_ids: &'a [String],
}

impl Group {
    /// The counts for a flat table.
    fn extra(&self) -> flat::Extra {
        flat::Extra {
            num_articles: self.article_ids.len(),
            num_mentions: self.num_mentions,
        }
    }

    fn record(&self) -> DedupedRecord<'_> {
        DedupedRecord {
            record: &self.record,
            num_articles: self.article_ids.len(),
            num_mentions: self.num_mentions,
            article_ids: &self.article_ids,
        }
    }
}

impl Dedupe {
    /// Adds an event of article `id`: a new group, or one more mention (and article) of an
    /// earlier one.
    fn add(&mut self, id: &str, record: EventRecord) {
        let key = DedupeKey {
            date: record.date.clone(),
            source: record.source.as_ref().and_then(|a| a.code.clone()),
            target: record.target.as_ref().and_then(|a| a.code.clone()),
            event: record.cameo.code.clone(),
        };
        match self.index.get(&key) {
            Some(&i) => {
                let g = &mut self.groups[i];
                g.num_mentions += record.mentions;
                if g.article_ids.last().map(String::as_str) != Some(id) {
                    g.article_ids.push(id.to_string());
                }
            }
            None => {
                self.index.insert(key, self.groups.len());
                self.groups.push(Group {
                    num_mentions: record.mentions,
                    article_ids: vec![id.to_string()],
                    record,
                });
            }
        }
    }
}

/// The progress bar: drawn on stderr only when stderr is a terminal and not `--quiet`.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    /// Input bytes read so far (before decompression).
    bytes: Arc<AtomicU64>,
    articles: std::sync::atomic::AtomicUsize,
    started: Instant,
}

impl Progress {
    fn new(quiet: bool, inputs: &[String]) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            // The total is known when every input is a file or a folder of files.
            let total = inputs
                .iter()
                .map(|p| total_size(Path::new(p)))
                .sum::<Option<u64>>();
            let bar = match total {
                Some(t) => indicatif::ProgressBar::new(t).with_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:30} {percent:>3}% {binary_bytes}/{binary_total_bytes} {msg} eta {eta}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                ),
                None => indicatif::ProgressBar::new_spinner().with_style(
                    indicatif::ProgressStyle::with_template("{spinner} {binary_bytes} {msg}")
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                ),
            };
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
            crate::error::set_progress(bar.clone());
            bar
        });
        Progress {
            bar,
            bytes: Arc::new(AtomicU64::new(0)),
            articles: Default::default(),
            started: Instant::now(),
        }
    }

    /// After a batch: `articles` more coded, `events` in all.
    fn update(&self, articles: usize, events: usize) {
        let Some(bar) = &self.bar else { return };
        let n = self.articles.fetch_add(articles, Ordering::Relaxed) + articles;
        let rate = n as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
        bar.set_position(self.bytes.load(Ordering::Relaxed));
        bar.set_message(format!(
            "{n} articles, {events} events, {rate:.0} articles/s"
        ));
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The bytes under `path` (a file, or a folder walked), `None` for standard input or what
/// cannot be read.
fn total_size(path: &Path) -> Option<u64> {
    if path.as_os_str() == "-" {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return Some(meta.len());
    }
    Some(
        walkdir::WalkDir::new(path)
            .follow_links(true)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_format_by_name() {
        assert_eq!(OutputFormat::for_path("a/b.CSV"), OutputFormat::Csv);
        assert_eq!(OutputFormat::for_path("b.tsv"), OutputFormat::Tsv);
        assert_eq!(OutputFormat::for_path("b.parquet"), OutputFormat::Parquet);
        assert_eq!(OutputFormat::for_path("b.pq"), OutputFormat::Parquet);
        assert_eq!(OutputFormat::for_path("b.jsonl"), OutputFormat::Jsonl);
        assert_eq!(OutputFormat::for_path("events"), OutputFormat::Jsonl);
    }

    fn record(coder: &Coder, id: &str, text: &str) -> Vec<EventRecord> {
        let mut a = Article::new(id, text);
        a.published = Some(NaiveDate::from_ymd_opt(2024, 3, 4).unwrap());
        let doc = coder.code(&a).unwrap();
        let mut ix = CharIndex::new(text);
        doc.events
            .iter()
            .map(|e| EventRecord::new(e, &mut ix))
            .collect()
    }

    #[test]
    fn dedupe_keeps_the_first_and_counts_articles_and_mentions() {
        let coder = Coder::new();
        let a = record(&coder, "a", "Iran condemned Israel on Monday.");
        let b = record(&coder, "b", "Iran sharply condemned Israel on Monday.");
        let c = record(&coder, "c", "Iran condemned Israel on Tuesday.");
        assert!(!a.is_empty() && !b.is_empty() && !c.is_empty());
        let mut d = Dedupe::default();
        for (id, recs) in [("a", a.clone()), ("b", b), ("c", c)] {
            for r in recs {
                d.add(id, r);
            }
        }
        let first = &d.groups[0];
        assert_eq!(first.record.article_id, "a");
        assert_eq!(first.record.trigger.text, a[0].trigger.text);
        assert_eq!(first.article_ids, ["a", "b"]);
        assert_eq!(first.num_mentions, 2);
        // Another day is another event.
        assert_eq!(d.groups.len(), 2);
        assert_eq!(d.groups[1].article_ids, ["c"]);
        let json = serde_json::to_value(first.record()).unwrap();
        assert_eq!(json["num_articles"], 2);
        assert_eq!(json["num_mentions"], 2);
        assert_eq!(json["article_ids"][1], "b");
        assert_eq!(json["article_id"], "a");
    }
}
