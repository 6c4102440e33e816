//! Flat event tables: one row per event, as CSV, TSV or Parquet.
//!
//! The columns are [`COLUMNS`], in that order. Where GDELT's event table has a column of the
//! same meaning, the column takes GDELT's name (`SQLDATE`, `Actor1Code`, `EventCode`,
//! `GoldsteinScale`, ...); the rest are eventcoder's own (`article_id`, spans, PLOVER, rule,
//! confidence). Actor1 is the event's source, Actor2 its target. Differences from GDELT worth
//! knowing: country codes (`Actor1CountryCode`, `ActionGeo_CountryCode`) are ISO3, not FIPS;
//! `Actor1Type1Code` is the actor's sector code (`GOV`, `MIL`, ...); `Actor1Name` is the person's
//! name when one is known, else the actor as written.
//!
//! Spans (`source_start`, `trigger_end`, ...) are the JSON record's: Unicode code point offsets
//! into the article text, end exclusive. A missing value is an empty field in CSV and TSV, a
//! null in Parquet. `plover_contexts` is `;`-joined in CSV and TSV, a list of strings in
//! Parquet. In Parquet, `SQLDATE` is an `Int32` (as GDELT's) and `date` a `Date32`.
//!
//! When the coder has a PETRARCH issues file, a last column, [`ISSUES_COLUMN`], lists the
//! issues of the event's sentences (the JSON record's `issues`), each as `CATEGORY:CODE`
//! ([`issue_label`]), in text order, once per mention: `;`-joined in CSV and TSV, a list of
//! strings in Parquet. Without one the column is left out, as `issues` is from the JSON
//! record ([`DelimitedSink::with_issues`], [`ParquetSink::with_issues`]).
//!
//! ```
//! use eventcoder::output::{CharIndex, EventRecord};
//! use eventcoder::{Article, Coder};
//! use eventcoder_cli::flat::{DelimitedSink, EventSink, Extra};
//!
//! let text = "Afghan police arrested three Taliban fighters in Kandahar on Tuesday.";
//! let doc = Coder::new().code(&Article::new("a1", text)).unwrap();
//! let mut out = Vec::new();
//! let mut sink: Box<dyn EventSink + '_> = Box::new(DelimitedSink::csv(&mut out, "out.csv"));
//! let mut ix = CharIndex::new(text);
//! for e in &doc.events {
//!     let rec = EventRecord::new(e, &mut ix);
//!     sink.write(&rec, Extra::of(&rec)).unwrap();
//! }
//! sink.finish().unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("SQLDATE,Actor1Code,"));
//! ```

#![warn(missing_docs)]

use std::fmt::{Display, Write as _};
use std::io::{self, Write};
use std::sync::Arc;

use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::{Datelike, NaiveDate};
use eventcoder::output::{ActorRecord, EventRecord, IssueRecord};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::columns::{BatchBuilder, Dates};
use crate::error::CliError;

/// The columns of a flat event table, in order.
pub const COLUMNS: &[&str] = &[
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "article_id",
    "date",
    "date_source",
    "plover_type",
    "plover_mode",
    "plover_contexts",
    "source_text",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence_index",
    "rule",
    "confidence",
    "reported_by",
    "negated",
];

/// The column after [`COLUMNS`] when the coder has a PETRARCH issues file: the issues of the
/// event's sentences.
pub const ISSUES_COLUMN: &str = "issues";

/// An issue as the flat tables write it: `CATEGORY:CODE` ("MIGRATION:REFUGEES").
///
/// ```
/// use eventcoder::output::IssueRecord;
/// use eventcoder_cli::flat::issue_label;
/// let i = IssueRecord {
///     code: "REFUGEES".into(),
///     category: "MIGRATION".into(),
///     text: "refugees".into(),
///     span: [4, 12],
///     sentence: 0,
/// };
/// assert_eq!(issue_label(&i), "MIGRATION:REFUGEES");
/// ```
pub fn issue_label(i: &IssueRecord) -> String {
    format!("{}:{}", i.category, i.code)
}

/// The per-row values that are not in an [`EventRecord`]: they depend on the rest of the run
/// (cross-article deduplication).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extra {
    /// `NumArticles`: how many articles reported the event (1 without deduplication).
    pub num_articles: usize,
    /// `NumMentions`: how many mentions were collapsed into the event.
    pub num_mentions: usize,
}

impl Extra {
    /// The values of a record coded on its own (no cross-article deduplication): one article,
    /// the record's own `mentions`.
    pub fn of(rec: &EventRecord) -> Extra {
        Extra {
            num_articles: 1,
            num_mentions: rec.mentions,
        }
    }
}

/// A writer of flat event tables.
pub trait EventSink {
    /// Writes one row.
    fn write(&mut self, rec: &EventRecord, extra: Extra) -> Result<(), CliError>;
    /// Completes the table (the header of an empty CSV, the footer of a Parquet file) and
    /// flushes the underlying writer. Without it, the output is incomplete.
    fn finish(self: Box<Self>) -> Result<(), CliError>;
}

/// GDELT's `SQLDATE`: the date as the number YYYYMMDD, for years 0 to 9999.
fn sqldate(d: NaiveDate) -> Option<i32> {
    let y = d.year();
    (0..=9999)
        .contains(&y)
        .then(|| y * 10_000 + d.month() as i32 * 100 + d.day() as i32)
}

/// GDELT's `EventBaseCode`: the first three digits of a CAMEO code (a two-digit code is its own
/// base).
fn base_code(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// An actor's `Actor1Name`: the person's name, else the actor as written.
fn actor_name(a: &ActorRecord) -> &str {
    a.name.as_deref().unwrap_or(&a.text)
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV
// ---------------------------------------------------------------------------------------------

/// CSV or TSV with a header row ([`COLUMNS`]). Fields holding the delimiter, a quote or a line
/// break are quoted as RFC 4180 says, in TSV too, so every value reads back as written. Rows
/// end with `\n`.
pub struct DelimitedSink<W: Write> {
    csv: csv::Writer<W>,
    name: String,
    header: bool,
    /// Whether the table has the [`ISSUES_COLUMN`].
    issues: bool,
    /// Scratch for numbers and joined contexts, reused for every field.
    buf: String,
    dates: Dates,
}

impl<W: Write> DelimitedSink<W> {
    /// A table separated by `delimiter` written to `writer`; `name` (a path, or `-`) names the
    /// output in errors.
    pub fn new(writer: W, delimiter: u8, name: impl Into<String>) -> DelimitedSink<W> {
        DelimitedSink {
            csv: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(writer),
            name: name.into(),
            header: false,
            issues: false,
            buf: String::new(),
            dates: Dates::default(),
        }
    }

    /// A CSV table.
    pub fn csv(writer: W, name: impl Into<String>) -> DelimitedSink<W> {
        DelimitedSink::new(writer, b',', name)
    }

    /// A TSV table.
    pub fn tsv(writer: W, name: impl Into<String>) -> DelimitedSink<W> {
        DelimitedSink::new(writer, b'\t', name)
    }

    /// With `yes`, the table ends with the [`ISSUES_COLUMN`] (for a coder with a PETRARCH
    /// issues file): each row's issues `;`-joined, as [`issue_label`] writes them, empty when
    /// the record has none.
    pub fn with_issues(mut self, yes: bool) -> DelimitedSink<W> {
        self.issues = yes;
        self
    }

    fn error(&self, e: csv::Error) -> CliError {
        let message = format!("{}: writing the table: {e}", self.name);
        match e.into_kind() {
            csv::ErrorKind::Io(e) => CliError::io(&self.name, e),
            _ => CliError::Failed {
                message,
                hint: None,
            },
        }
    }

    fn write_header(&mut self) -> csv::Result<()> {
        if !self.header {
            for c in COLUMNS {
                self.csv.write_field(c)?;
            }
            if self.issues {
                self.csv.write_field(ISSUES_COLUMN)?;
            }
            self.csv.write_record(None::<&[u8]>)?;
            self.header = true;
        }
        Ok(())
    }

    fn write_row(&mut self, rec: &EventRecord, extra: Extra) -> csv::Result<()> {
        self.write_header()?;
        let date = self.dates.get(rec.date.as_deref());
        let mut f = Fields {
            csv: &mut self.csv,
            buf: &mut self.buf,
        };
        match date.and_then(sqldate) {
            Some(d) => f.num(format_args!("{d:08}"))?,
            None => f.str("")?,
        }
        for actor in [&rec.source, &rec.target] {
            let a = actor.as_ref();
            f.opt(a.and_then(|a| a.code.as_deref()))?;
            f.opt(a.map(actor_name))?;
            f.opt(a.and_then(|a| a.country.as_deref()))?;
            f.opt(a.and_then(|a| a.organization.as_deref()))?;
            f.opt(a.and_then(|a| a.sector).map(|s| s.as_str()))?;
        }
        f.str(&rec.cameo.code)?;
        f.str(base_code(&rec.cameo.code))?;
        f.str(&rec.cameo.root)?;
        f.int(rec.cameo.quad_class)?;
        f.num(rec.cameo.goldstein)?;
        f.int(extra.num_mentions)?;
        f.int(extra.num_articles)?;
        f.opt(rec.location.as_ref().map(|l| l.name.as_str()))?;
        f.opt(rec.location.as_ref().and_then(|l| l.country.as_deref()))?;
        f.str(&rec.article_id)?;
        f.opt(rec.date.as_deref())?;
        f.str(rec.date_source.as_str())?;
        f.opt(rec.plover.event_type.as_deref())?;
        f.opt(rec.plover.mode.as_deref())?;
        f.buf.clear();
        for (i, c) in rec.plover.contexts.iter().enumerate() {
            if i > 0 {
                f.buf.push(';');
            }
            f.buf.push_str(c);
        }
        f.csv.write_field(&*f.buf)?;
        for actor in [&rec.source, &rec.target] {
            let a = actor.as_ref();
            f.opt(a.map(|a| a.text.as_str()))?;
            f.opt_int(a.map(|a| a.span[0]))?;
            f.opt_int(a.map(|a| a.span[1]))?;
        }
        f.str(&rec.trigger.text)?;
        f.int(rec.trigger.span[0])?;
        f.int(rec.trigger.span[1])?;
        f.int(rec.sentence.index)?;
        f.str(&rec.rule)?;
        f.num(rec.confidence)?;
        f.opt(rec.reported_by.as_deref())?;
        f.str(if rec.negated { "true" } else { "false" })?;
        if self.issues {
            f.buf.clear();
            for (n, i) in rec.issues.iter().flatten().enumerate() {
                if n > 0 {
                    f.buf.push(';');
                }
                f.buf.push_str(&issue_label(i));
            }
            f.csv.write_field(&*f.buf)?;
        }
        self.csv.write_record(None::<&[u8]>)
    }
}

/// The fields of one CSV row.
struct Fields<'a, W: Write> {
    csv: &'a mut csv::Writer<W>,
    buf: &'a mut String,
}

impl<W: Write> Fields<'_, W> {
    fn str(&mut self, s: &str) -> csv::Result<()> {
        self.csv.write_field(s)
    }
    fn opt(&mut self, s: Option<&str>) -> csv::Result<()> {
        self.csv.write_field(s.unwrap_or(""))
    }
    fn num(&mut self, n: impl Display) -> csv::Result<()> {
        self.buf.clear();
        // Writing to a String cannot fail.
        let _ = write!(self.buf, "{n}");
        self.csv.write_field(&*self.buf)
    }
    /// An integer, through `itoa` (what `Display` writes, without the formatting machinery).
    fn int(&mut self, n: impl itoa::Integer) -> csv::Result<()> {
        self.csv.write_field(itoa::Buffer::new().format(n))
    }
    fn opt_int(&mut self, n: Option<impl itoa::Integer>) -> csv::Result<()> {
        match n {
            Some(n) => self.int(n),
            None => self.csv.write_field(""),
        }
    }
}

impl<W: Write> EventSink for DelimitedSink<W> {
    fn write(&mut self, rec: &EventRecord, extra: Extra) -> Result<(), CliError> {
        self.write_row(rec, extra).map_err(|e| self.error(e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), CliError> {
        self.write_header().map_err(|e| self.error(e))?;
        self.csv.flush().map_err(|e| CliError::io(&self.name, e))
    }
}

// ---------------------------------------------------------------------------------------------
// Parquet
// ---------------------------------------------------------------------------------------------

/// Rows buffered in the column builders before they are handed to the Parquet writer.
const BATCH_ROWS: usize = 8192;

/// Rows in a Parquet row group (the last one may have fewer).
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The Arrow schema of a Parquet event table: [`COLUMNS`] with their types. Integers are
/// `Int64` except `SQLDATE` (`Int32`) and `QuadClass` (`Int8`); `date` is a `Date32`;
/// `GoldsteinScale` and `confidence` are `Float32`; `plover_contexts` a list of strings;
/// `negated` a boolean; everything else a string. Columns that can be missing are nullable.
pub fn parquet_schema() -> SchemaRef {
    parquet_schema_with(false)
}

/// [`parquet_schema`], with `issues` followed by the [`ISSUES_COLUMN`]: a list of strings
/// ([`issue_label`]), never null.
pub fn parquet_schema_with(issues: bool) -> SchemaRef {
    use DataType::{Boolean, Date32, Float32, Int8, Int32, Int64, Utf8};
    let f = |name: &str, ty: DataType, nullable: bool| Field::new(name, ty, nullable);
    let mut fields = vec![f("SQLDATE", Int32, true)];
    for n in ["1", "2"] {
        for col in ["Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code"] {
            fields.push(f(&format!("Actor{n}{col}"), Utf8, true));
        }
    }
    fields.extend([
        f("EventCode", Utf8, false),
        f("EventBaseCode", Utf8, false),
        f("EventRootCode", Utf8, false),
        f("QuadClass", Int8, false),
        f("GoldsteinScale", Float32, false),
        f("NumMentions", Int64, false),
        f("NumArticles", Int64, false),
        f("ActionGeo_FullName", Utf8, true),
        f("ActionGeo_CountryCode", Utf8, true),
        f("article_id", Utf8, false),
        f("date", Date32, true),
        f("date_source", Utf8, false),
        f("plover_type", Utf8, true),
        f("plover_mode", Utf8, true),
        f(
            "plover_contexts",
            DataType::List(Arc::new(context_field())),
            false,
        ),
    ]);
    for who in ["source", "target"] {
        fields.push(f(&format!("{who}_text"), Utf8, true));
        fields.push(f(&format!("{who}_start"), Int64, true));
        fields.push(f(&format!("{who}_end"), Int64, true));
    }
    fields.extend([
        f("trigger", Utf8, false),
        f("trigger_start", Int64, false),
        f("trigger_end", Int64, false),
        f("sentence_index", Int64, false),
        f("rule", Utf8, false),
        f("confidence", Float32, false),
        f("reported_by", Utf8, true),
        f("negated", Boolean, false),
    ]);
    if issues {
        fields.push(f(
            ISSUES_COLUMN,
            DataType::List(Arc::new(context_field())),
            false,
        ));
    }
    Arc::new(Schema::new(fields))
}

/// The item field of `plover_contexts` and `issues`.
fn context_field() -> Field {
    Field::new("item", DataType::Utf8, false)
}

/// Appends one row of a Parquet event table, in [`COLUMNS`] order, then its issues if `issues`.
fn append_row(
    b: &mut BatchBuilder,
    rec: &EventRecord,
    extra: Extra,
    date: Option<NaiveDate>,
    issues: bool,
) {
    let mut row = b.row();
    row.int(date.and_then(sqldate).map(i64::from));
    for a in [&rec.source, &rec.target] {
        let a = a.as_ref();
        row.str(a.and_then(|a| a.code.as_deref()))
            .str(a.map(actor_name))
            .str(a.and_then(|a| a.country.as_deref()))
            .str(a.and_then(|a| a.organization.as_deref()))
            .str(a.and_then(|a| a.sector).map(|s| s.as_str()));
    }
    let loc = rec.location.as_ref();
    row.str(Some(&rec.cameo.code))
        .str(Some(base_code(&rec.cameo.code)))
        .str(Some(&rec.cameo.root))
        .int(Some(i64::from(rec.cameo.quad_class)))
        .float(Some(rec.cameo.goldstein))
        .count(Some(extra.num_mentions))
        .count(Some(extra.num_articles))
        .str(loc.map(|l| l.name.as_str()))
        .str(loc.and_then(|l| l.country.as_deref()))
        .str(Some(&rec.article_id))
        .date(date)
        .str(Some(rec.date_source.as_str()))
        .str(rec.plover.event_type.as_deref())
        .str(rec.plover.mode.as_deref())
        .strs(&rec.plover.contexts);
    for a in [&rec.source, &rec.target] {
        let a = a.as_ref();
        row.str(a.map(|a| a.text.as_str()))
            .count(a.map(|a| a.span[0]))
            .count(a.map(|a| a.span[1]));
    }
    row.str(Some(&rec.trigger.text))
        .count(Some(rec.trigger.span[0]))
        .count(Some(rec.trigger.span[1]))
        .count(Some(rec.sentence.index))
        .str(Some(&rec.rule))
        .float(Some(rec.confidence))
        .str(rec.reported_by.as_deref())
        .bool(Some(rec.negated));
    if issues {
        row.strs(rec.issues.iter().flatten().map(issue_label));
    }
}

/// A Parquet file ([`parquet_schema`]), ZSTD-compressed, in row groups of [`ROW_GROUP_ROWS`]
/// rows. Memory stays bounded: rows are buffered a few thousand at a time, then encoded into
/// the row group in progress, which is written out when full.
pub struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
    columns: BatchBuilder,
    name: String,
    dates: Dates,
    /// Whether the table has the [`ISSUES_COLUMN`].
    issues: bool,
}

impl<W: Write + Send> ParquetSink<W> {
    /// A Parquet table written to `writer`; `name` (a path, or `-`) names the output in errors.
    /// Nothing reaches `writer` before the first row group is full or [`EventSink::finish`].
    pub fn new(writer: W, name: impl Into<String>) -> Result<ParquetSink<W>, CliError> {
        ParquetSink::with_issues(writer, name, false)
    }

    /// [`ParquetSink::new`], with `issues` ending with the [`ISSUES_COLUMN`] (for a coder with
    /// a PETRARCH issues file; [`parquet_schema_with`]).
    pub fn with_issues(
        writer: W,
        name: impl Into<String>,
        issues: bool,
    ) -> Result<ParquetSink<W>, CliError> {
        let name = name.into();
        let schema = parquet_schema_with(issues);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let writer = ArrowWriter::try_new(writer, schema.clone(), Some(props))
            .map_err(|e| parquet_error(&name, e))?;
        let columns = BatchBuilder::new(schema).map_err(|e| batch_error(&name, e))?;
        Ok(ParquetSink {
            writer,
            columns,
            name,
            dates: Dates::default(),
            issues,
        })
    }

    /// Hands the buffered rows to the Parquet writer.
    fn write_batch(&mut self) -> Result<(), CliError> {
        if self.columns.rows() == 0 {
            return Ok(());
        }
        let batch = (self.columns.finish()).map_err(|e| batch_error(&self.name, e))?;
        self.writer
            .write(&batch)
            .map_err(|e| parquet_error(&self.name, e))
    }
}

impl<W: Write + Send> EventSink for ParquetSink<W> {
    fn write(&mut self, rec: &EventRecord, extra: Extra) -> Result<(), CliError> {
        let date = self.dates.get(rec.date.as_deref());
        append_row(&mut self.columns, rec, extra, date, self.issues);
        if self.columns.rows() >= BATCH_ROWS || self.columns.is_full() {
            self.write_batch()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), CliError> {
        self.write_batch()?;
        // Writes the last row group and the footer, and flushes the writer.
        self.writer
            .finish()
            .map_err(|e| parquet_error(&self.name, e))?;
        Ok(())
    }
}

/// An error building a batch of rows (a fault in the table's definition).
fn batch_error(name: &str, e: ArrowError) -> CliError {
    CliError::Failed {
        message: format!("{name}: building a Parquet row batch: {e}"),
        hint: None,
    }
}

/// A Parquet error as a CLI error; an I/O error keeps its kind (a closed pipe is not a failure).
fn parquet_error(name: &str, e: ParquetError) -> CliError {
    let e = match e {
        ParquetError::External(inner) => match inner.downcast::<io::Error>() {
            Ok(io) => return CliError::io(name, *io),
            Err(inner) => ParquetError::External(inner),
        },
        e => e,
    };
    CliError::Failed {
        message: format!("{name}: writing Parquet: {e}"),
        hint: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float32Type, Int8Type, Int32Type, Int64Type};
    use arrow_array::{Array, ListArray, RecordBatch, RecordBatchReader};
    use eventcoder::output::CharIndex;
    use eventcoder::{Article, Coder};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// A wire story of two sentences: an arrest (source and target, with sectors and a place)
    /// and a meeting of two named officials.
    const STORY: &str = "KABUL, March 3 (Reuters) - Afghan police arrested three Taliban \
        fighters in Kandahar on Tuesday, a government spokesman said. Iraqi President Barham \
        Salih met French Foreign Minister Jean-Yves Le Drian in Baghdad on Wednesday.";

    fn records() -> Vec<EventRecord> {
        let article = Article::new("story-1", STORY)
            .with_published_str("2021-03-04")
            .unwrap();
        let doc = Coder::new().code(&article).unwrap();
        let mut ix = CharIndex::new(&article.text);
        doc.events
            .iter()
            .map(|e| EventRecord::new(e, &mut ix))
            .collect()
    }

    fn by_trigger<'a>(recs: &'a [EventRecord], trigger: &str) -> &'a EventRecord {
        recs.iter()
            .find(|r| r.trigger.text == trigger)
            .unwrap_or_else(|| panic!("no event triggered by {trigger:?}: {recs:#?}"))
    }

    fn delimited(recs: &[EventRecord], delimiter: u8) -> Vec<u8> {
        let mut out = Vec::new();
        let mut sink: Box<dyn EventSink + '_> =
            Box::new(DelimitedSink::new(&mut out, delimiter, "t"));
        for (i, r) in recs.iter().enumerate() {
            let extra = Extra {
                num_articles: i + 1,
                num_mentions: r.mentions + 10,
            };
            sink.write(r, extra).unwrap();
        }
        sink.finish().unwrap();
        out
    }

    fn read_back(data: &[u8], delimiter: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(data);
        let header = rd.headers().unwrap().iter().map(str::to_string).collect();
        let rows = rd.records().collect::<Result<_, _>>().unwrap();
        (header, rows)
    }

    fn col(row: &csv::StringRecord, name: &str) -> String {
        let i = COLUMNS.iter().position(|c| *c == name).unwrap();
        row[i].to_string()
    }

    #[test]
    fn csv_and_tsv_rows_hold_the_record() {
        let recs = records();
        let arrest = by_trigger(&recs, "arrested");
        let met = by_trigger(&recs, "met");
        for delimiter in [b',', b'\t'] {
            let (header, rows) = read_back(&delimited(&recs, delimiter), delimiter);
            assert_eq!(header, COLUMNS);
            assert_eq!(rows.len(), recs.len());
            let i = recs.iter().position(|r| r == arrest).unwrap();
            let row = &rows[i];
            assert_eq!(row.len(), COLUMNS.len());
            let expect = [
                ("SQLDATE", "20210302"),
                ("Actor1Code", "AFGCOP"),
                ("Actor1Name", "Afghan police"),
                ("Actor1CountryCode", "AFG"),
                ("Actor1KnownGroupCode", ""),
                ("Actor1Type1Code", "COP"),
                ("Actor2KnownGroupCode", "TALIBAN"),
                ("EventCode", "173"),
                ("EventBaseCode", "173"),
                ("EventRootCode", "17"),
                ("QuadClass", "4"),
                ("GoldsteinScale", "-5"),
                ("ActionGeo_FullName", "Kandahar"),
                ("ActionGeo_CountryCode", "AFG"),
                ("article_id", "story-1"),
                ("date", "2021-03-02"),
                ("date_source", "explicit"),
                ("plover_type", "COERCE"),
                ("plover_mode", "arrest"),
                ("trigger", "arrested"),
                ("reported_by", "Reuters"),
                ("negated", "false"),
            ];
            for (name, value) in expect {
                assert_eq!(col(row, name), value, "{name}");
            }
            // Everything else compared with the record itself.
            let src = arrest.source.as_ref().unwrap();
            let tgt = arrest.target.as_ref().unwrap();
            assert_eq!(col(row, "Actor2Code"), tgt.code.as_deref().unwrap());
            assert_eq!(col(row, "Actor2Type1Code"), tgt.sector.unwrap().as_str());
            assert_eq!(col(row, "source_text"), src.text);
            assert_eq!(col(row, "source_start"), src.span[0].to_string());
            assert_eq!(col(row, "source_end"), src.span[1].to_string());
            assert_eq!(col(row, "target_text"), tgt.text);
            assert_eq!(col(row, "target_start"), tgt.span[0].to_string());
            assert_eq!(col(row, "target_end"), tgt.span[1].to_string());
            assert_eq!(
                col(row, "trigger_start"),
                arrest.trigger.span[0].to_string()
            );
            assert_eq!(col(row, "trigger_end"), arrest.trigger.span[1].to_string());
            assert_eq!(col(row, "sentence_index"), "0");
            assert_eq!(col(row, "rule"), arrest.rule);
            assert_eq!(col(row, "confidence"), arrest.confidence.to_string());
            assert_eq!(
                col(row, "plover_contexts"),
                arrest.plover.contexts.join(";")
            );
            assert!(arrest.plover.contexts.len() > 1, "a join to check");
            assert_eq!(col(row, "NumMentions"), (arrest.mentions + 10).to_string());
            assert_eq!(col(row, "NumArticles"), (i + 1).to_string());
            // The spans are code point offsets into the text.
            let chars: Vec<char> = STORY.chars().collect();
            let start: usize = col(row, "trigger_start").parse().unwrap();
            let end: usize = col(row, "trigger_end").parse().unwrap();
            assert_eq!(chars[start..end].iter().collect::<String>(), "arrested");

            // A named actor goes by its name; the text stays in source_text.
            let row = &rows[recs.iter().position(|r| r == met).unwrap()];
            assert_eq!(col(row, "Actor1Name"), "Barham Salih");
            assert_eq!(col(row, "source_text"), "Iraqi President Barham Salih");
            assert_eq!(col(row, "Actor2Name"), "Jean-Yves Le Drian");
            assert_eq!(col(row, "EventBaseCode"), "040");
            assert_eq!(col(row, "sentence_index"), "1");
        }
    }

    #[test]
    fn missing_values_are_empty_fields() {
        let mut rec = by_trigger(&records(), "arrested").clone();
        rec.date = None;
        rec.target = None;
        rec.location = None;
        rec.reported_by = None;
        rec.plover.contexts.clear();
        rec.plover.mode = None;
        let (_, rows) = read_back(&delimited(&[rec], b','), b',');
        for name in [
            "SQLDATE",
            "date",
            "Actor2Code",
            "Actor2Name",
            "Actor2Type1Code",
            "target_text",
            "target_start",
            "target_end",
            "ActionGeo_FullName",
            "reported_by",
            "plover_contexts",
            "plover_mode",
        ] {
            assert_eq!(col(&rows[0], name), "", "{name}");
        }
        assert_eq!(col(&rows[0], "Actor1Code"), "AFGCOP");
    }

    #[test]
    fn awkward_text_round_trips() {
        let mut rec = by_trigger(&records(), "arrested").clone();
        let awkward = "a, \"quoted\"\tword\nnext line\r\nand ;end";
        rec.rule = awkward.to_string();
        rec.article_id = format!("{awkward} id");
        rec.source.as_mut().unwrap().name = Some(awkward.to_string());
        rec.plover.contexts = vec!["x,y".into(), "\"z\"".into()];
        for delimiter in [b',', b'\t'] {
            let data = delimited(std::slice::from_ref(&rec), delimiter);
            let (header, rows) = read_back(&data, delimiter);
            assert_eq!(header, COLUMNS);
            assert_eq!(rows.len(), 1);
            assert_eq!(col(&rows[0], "rule"), awkward);
            assert_eq!(col(&rows[0], "article_id"), format!("{awkward} id"));
            assert_eq!(col(&rows[0], "Actor1Name"), awkward);
            assert_eq!(col(&rows[0], "plover_contexts"), "x,y;\"z\"");
            assert_eq!(col(&rows[0], "trigger"), "arrested");
        }
    }

    #[test]
    fn an_empty_table_has_its_header() {
        let mut out = Vec::new();
        Box::new(DelimitedSink::tsv(&mut out, "t"))
            .finish()
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), COLUMNS.join("\t") + "\n");
    }

    #[test]
    fn dates_and_codes() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(sqldate(d("2021-03-02")), Some(20210302));
        assert_eq!(sqldate(d("0999-12-31")), Some(9991231));
        assert_eq!(sqldate(NaiveDate::from_ymd_opt(12345, 1, 1).unwrap()), None);
        assert_eq!(base_code("0231"), "023");
        assert_eq!(base_code("173"), "173");
        assert_eq!(base_code("04"), "04");
        assert_eq!(base_code(""), "");
        let mut dates = Dates::default();
        assert_eq!(dates.get(Some("2021-03-02")), Some(d("2021-03-02")));
        assert_eq!(dates.get(Some("2021-03-02")), Some(d("2021-03-02")));
        assert_eq!(dates.get(Some("not a date")), None);
        assert_eq!(dates.get(Some("")), None);
        assert_eq!(dates.get(None), None);
        assert_eq!(dates.get(Some("1970-01-02")), Some(d("1970-01-02")));
    }

    #[test]
    fn sinks_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<DelimitedSink<Vec<u8>>>();
        send::<ParquetSink<Vec<u8>>>();
    }

    #[test]
    fn schema_names_are_the_columns() {
        let schema = parquet_schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, COLUMNS);
    }

    /// A writer that fails as a closed pipe does.
    struct ClosedPipe;
    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_is_told_apart() {
        let rec = records().remove(0);
        let mut sink = Box::new(DelimitedSink::csv(ClosedPipe, "-"));
        // The csv writer buffers: the pipe error comes at the latest when flushing.
        let r = (0..10_000)
            .try_for_each(|_| sink.write(&rec, Extra::of(&rec)))
            .and_then(|()| sink.finish());
        assert!(matches!(r, Err(CliError::BrokenPipe)), "{r:?}");

        let r = ParquetSink::new(ClosedPipe, "-").and_then(|s| Box::new(s).finish());
        assert!(matches!(r, Err(CliError::BrokenPipe)), "{r:?}");
    }

    #[test]
    fn a_full_disk_is_a_failure_with_the_name() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("no space left"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let r = Box::new(DelimitedSink::csv(Full, "out.csv")).finish();
        match r {
            Err(CliError::Failed { message, .. }) => assert!(message.contains("out.csv")),
            r => panic!("{r:?}"),
        }
        let r = ParquetSink::new(Full, "out.parquet").and_then(|s| Box::new(s).finish());
        match r {
            Err(CliError::Failed { message, .. }) => {
                assert!(message.contains("out.parquet"), "{message}")
            }
            r => panic!("{r:?}"),
        }
    }

    fn parquet(recs: &[EventRecord], repeat: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut sink: Box<dyn EventSink + '_> = Box::new(ParquetSink::new(&mut out, "t").unwrap());
        for n in 0..repeat {
            for r in recs {
                let extra = Extra {
                    num_articles: n + 1,
                    num_mentions: r.mentions,
                };
                sink.write(r, extra).unwrap();
            }
        }
        sink.finish().unwrap();
        out
    }

    #[test]
    fn parquet_is_typed_and_holds_the_record() {
        let mut recs = records();
        let arrest = by_trigger(&recs, "arrested").clone();
        let mut undated = arrest.clone();
        undated.date = None;
        undated.target = None;
        undated.plover.contexts.clear();
        undated.negated = true;
        recs.push(undated);
        let data = parquet(&recs, 1);
        let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(data))
            .unwrap()
            .build()
            .unwrap();
        let schema = reader.schema();
        let ty = |name: &str| schema.field_with_name(name).unwrap().data_type().clone();
        assert_eq!(ty("SQLDATE"), DataType::Int32);
        assert_eq!(ty("date"), DataType::Date32);
        assert_eq!(ty("source_start"), DataType::Int64);
        assert_eq!(ty("trigger_end"), DataType::Int64);
        assert_eq!(ty("NumMentions"), DataType::Int64);
        assert_eq!(ty("QuadClass"), DataType::Int8);
        assert_eq!(ty("GoldsteinScale"), DataType::Float32);
        assert_eq!(ty("negated"), DataType::Boolean);
        assert_eq!(ty("Actor1Code"), DataType::Utf8);
        assert!(
            matches!(ty("plover_contexts"), DataType::List(f) if *f.data_type() == DataType::Utf8)
        );
        assert_eq!(schema.as_ref(), parquet_schema().as_ref());

        let batches: Vec<RecordBatch> = reader.collect::<Result<_, _>>().unwrap();
        assert_eq!(batches.len(), 1);
        let b = &batches[0];
        assert_eq!(b.num_rows(), recs.len());
        let c = |name: &str| b.column_by_name(name).unwrap().clone();
        let i = recs.iter().position(|r| *r == arrest).unwrap();
        let last = recs.len() - 1;

        let sqldate = c("SQLDATE");
        let sqldate = sqldate.as_primitive::<Int32Type>();
        assert_eq!(sqldate.value(i), 20210302);
        assert!(sqldate.is_null(last));
        let date = c("date");
        let date = date.as_primitive::<Date32Type>();
        assert_eq!(
            Date32Type::to_naive_date_opt(date.value(i))
                .unwrap()
                .to_string(),
            "2021-03-02"
        );
        assert!(date.is_null(last));
        let strings = |name: &str, row: usize| {
            let a = c(name);
            let a = a.as_string::<i32>();
            (!a.is_null(row)).then(|| a.value(row).to_string())
        };
        assert_eq!(strings("Actor1Code", i).as_deref(), Some("AFGCOP"));
        assert_eq!(strings("Actor1Type1Code", i).as_deref(), Some("COP"));
        assert_eq!(
            strings("Actor2KnownGroupCode", i).as_deref(),
            Some("TALIBAN")
        );
        assert_eq!(strings("Actor2Code", last), None);
        assert_eq!(strings("Actor1KnownGroupCode", i), None);
        assert_eq!(strings("EventCode", i).as_deref(), Some("173"));
        assert_eq!(strings("EventBaseCode", i).as_deref(), Some("173"));
        assert_eq!(strings("EventRootCode", i).as_deref(), Some("17"));
        assert_eq!(
            strings("ActionGeo_FullName", i).as_deref(),
            Some("Kandahar")
        );
        assert_eq!(strings("date_source", i).as_deref(), Some("explicit"));
        assert_eq!(strings("rule", i).as_deref(), Some(arrest.rule.as_str()));
        assert_eq!(strings("trigger", i).as_deref(), Some("arrested"));
        assert_eq!(c("QuadClass").as_primitive::<Int8Type>().value(i), 4);
        assert_eq!(
            c("GoldsteinScale").as_primitive::<Float32Type>().value(i),
            -5.0
        );
        assert_eq!(
            c("confidence").as_primitive::<Float32Type>().value(i),
            arrest.confidence
        );
        let int = |name: &str, row: usize| {
            let a = c(name);
            let a = a.as_primitive::<Int64Type>();
            (!a.is_null(row)).then(|| a.value(row))
        };
        let src = arrest.source.as_ref().unwrap();
        assert_eq!(int("source_start", i), Some(src.span[0] as i64));
        assert_eq!(int("source_end", i), Some(src.span[1] as i64));
        assert_eq!(int("target_start", last), None);
        assert_eq!(int("trigger_start", i), Some(arrest.trigger.span[0] as i64));
        assert_eq!(int("sentence_index", i), Some(0));
        assert_eq!(int("NumMentions", i), Some(arrest.mentions as i64));
        let contexts = c("plover_contexts");
        let contexts: &ListArray = contexts.as_list::<i32>();
        let got: Vec<String> = contexts
            .value(i)
            .as_string::<i32>()
            .iter()
            .map(|s| s.unwrap().to_string())
            .collect();
        assert_eq!(got, arrest.plover.contexts);
        assert_eq!(contexts.value(last).len(), 0);
        assert!(!contexts.is_null(last));
        let negated = c("negated");
        assert!(!negated.as_boolean().value(i));
        assert!(negated.as_boolean().value(last));
    }

    #[test]
    fn parquet_row_groups_are_bounded_and_zstd() {
        let recs = records();
        let repeat = 70_000usize.div_ceil(recs.len());
        let rows = repeat * recs.len();
        let data = parquet(&recs, repeat);
        let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(data)).unwrap();
        let meta = builder.metadata().clone();
        assert_eq!(meta.file_metadata().num_rows(), rows as i64);
        let groups = meta.row_groups();
        assert_eq!(groups.len(), rows.div_ceil(ROW_GROUP_ROWS));
        assert!(groups.len() > 1);
        assert!(groups.iter().all(|g| g.num_rows() <= ROW_GROUP_ROWS as i64));
        for g in groups {
            for chunk in g.columns() {
                assert!(
                    matches!(chunk.compression(), Compression::ZSTD(_)),
                    "{}: {:?}",
                    chunk.column_path(),
                    chunk.compression()
                );
            }
        }
        // Every row reads back, in order.
        let mut seen = 0;
        let mut last_articles = 0;
        for batch in builder.build().unwrap() {
            let batch = batch.unwrap();
            let articles = batch.column_by_name("NumArticles").unwrap();
            for n in articles.as_primitive::<Int64Type>().iter() {
                let n = n.unwrap();
                assert!(n == last_articles || n == last_articles + 1);
                last_articles = n;
            }
            seen += batch.num_rows();
        }
        assert_eq!(seen, rows);
        assert_eq!(last_articles, repeat as i64);
    }

    #[test]
    fn an_empty_parquet_file_has_the_schema() {
        let data = parquet(&[], 0);
        let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(data)).unwrap();
        assert_eq!(builder.schema().as_ref(), parquet_schema().as_ref());
        assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    }
}
