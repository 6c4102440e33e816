//! Reading the CLI's input with bounded memory: one text article, or JSON lines of records.
//!
//! Limits are enforced while reading, never after: a text input stops at
//! [`eventcoder::MAX_ARTICLE_BYTES`] plus one byte, and a JSONL line at [`MAX_LINE_BYTES`] plus
//! one byte; the rest of an over-long line is skipped without being stored. A bad record (too
//! long, not UTF-8, not JSON, no text, a bad date, a byte-order mark aside) is an error for its
//! line only: reading goes on with the next line.

use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use eventcoder::{MAX_ARTICLE_BYTES, parse_iso_date};

use crate::error::CliError;

/// The longest JSONL line read: an article at the size limit, with room for JSON escapes and
/// the other fields. A longer line is skipped (and reported), not read.
pub const MAX_LINE_BYTES: usize = 2 * MAX_ARTICLE_BYTES;

/// The UTF-8 byte-order mark, which is no text.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Opens `file` (`-` is standard input) for buffered reading; a `.gz` file (all its members)
/// or a `.zst` file (all its frames) is decompressed as a stream, so the limits above hold on
/// the decompressed bytes.
pub fn open(file: &str) -> Result<Box<dyn BufRead + Send>, CliError> {
    open_counted(file, None)
}

/// As [`open`], adding the bytes read from the file itself (before decompression) to `counter`.
pub fn open_counted(
    file: &str,
    counter: Option<Arc<AtomicU64>>,
) -> Result<Box<dyn BufRead + Send>, CliError> {
    const BUFFER: usize = 1 << 16;
    if file == "-" {
        let stdin = Counted::new(io::stdin(), counter);
        return Ok(Box::new(io::BufReader::with_capacity(BUFFER, stdin)));
    }
    let f = std::fs::File::open(file).map_err(|e| CliError::io(file, e))?;
    let f = io::BufReader::with_capacity(BUFFER, Counted::new(f, counter));
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".gz") {
        let gz = flate2::read::MultiGzDecoder::new(f);
        return Ok(Box::new(io::BufReader::with_capacity(BUFFER, gz)));
    }
    if lower.ends_with(".zst") {
        let zst = zstd::stream::read::Decoder::with_buffer(f).map_err(|e| CliError::io(file, e))?;
        return Ok(Box::new(io::BufReader::with_capacity(BUFFER, zst)));
    }
    Ok(Box::new(f))
}

/// A reader that adds the bytes it reads to a shared counter (for progress).
struct Counted<R> {
    inner: R,
    counter: Option<Arc<AtomicU64>>,
}

impl<R> Counted<R> {
    fn new(inner: R, counter: Option<Arc<AtomicU64>>) -> Self {
        Counted { inner, counter }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.counter {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// Reads one text article from `reader` (named `name` in errors): at most
/// [`eventcoder::MAX_ARTICLE_BYTES`] bytes of UTF-8, a leading byte-order mark removed. Reading
/// stops one byte past the limit, so an endless input (`/dev/zero`) costs no more memory than a
/// large article.
pub fn read_text(name: &str, reader: impl Read) -> Result<String, CliError> {
    let mut buf = Vec::new();
    reader
        .take(MAX_ARTICLE_BYTES as u64 + BOM.len() as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| CliError::io(name, e))?;
    if buf.starts_with(BOM) {
        buf.drain(..BOM.len());
    }
    if buf.len() > MAX_ARTICLE_BYTES {
        return Err(CliError::failed(
            format!("{name}: larger than the article limit of {MAX_ARTICLE_BYTES} bytes"),
            "split it into articles, or give one article per line with --input jsonl",
        ));
    }
    String::from_utf8(buf).map_err(|e| {
        CliError::failed(
            format!(
                "{name}: not valid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ),
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
        )
    })
}

/// One JSONL input record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Its 1-based line in the input.
    pub line: usize,
    /// Its `id` (a string as is, any other JSON value as JSON), else `NAME:LINE` (the source's
    /// name, `stdin` unless [`JsonlRecords::named`] says otherwise).
    pub id: String,
    /// Its `text`.
    pub text: String,
    /// Its `published` date, if it has one.
    pub published: Option<NaiveDate>,
}

impl Record {
    /// The record at `line` of the source `name`: `text` within the article limit (checked
    /// first), then `published` (or the error reading it) a `YYYY-MM-DD` date; the id is
    /// `NAME:LINE` when it has none.
    fn new(
        line: usize,
        name: &str,
        id: Option<String>,
        text: String,
        published: Result<Option<&str>, &RecordError>,
    ) -> Result<Record, RecordError> {
        let err = |message: String| RecordError { line, message };
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(err(format!(
                "text of {} bytes exceeds the article limit of {MAX_ARTICLE_BYTES} bytes",
                text.len()
            )));
        }
        let published = published
            .map_err(Clone::clone)?
            .map(parse_iso_date)
            .transpose()
            .map_err(|e| err(e.to_string()))?;
        Ok(Record {
            line,
            id: id.unwrap_or_else(|| format!("{name}:{line}")),
            text,
            published,
        })
    }
}

/// A JSONL line that is no usable record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RecordError {
    /// Its 1-based line in the input.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The names of a record's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The id's field (default `id`): a string is taken as is, any other JSON value as JSON.
    pub id: String,
    /// The text's field (default `text`): it must be a string.
    pub text: String,
    /// The published date's field (default `published`): `YYYY-MM-DD`, or null.
    pub published: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            text: "text".into(),
            published: "published".into(),
        }
    }
}

/// The records of JSON lines, one `Result` per non-blank line: a bad line is an error for that
/// line, and the next `next` reads on after it. Reading fails (an `Err` of [`io::Error`]) only
/// when the input itself cannot be read.
///
/// ```
/// use eventcoder_cli::input::JsonlRecords;
/// let input = "{\"id\": \"a\", \"text\": \"Russia protested.\"}\nnot json\n\n{\"text\": \"Hi\"}\n";
/// let records: Vec<_> = JsonlRecords::new(input.as_bytes()).collect::<Result<_, _>>().unwrap();
/// assert_eq!(records.len(), 3);
/// assert_eq!(records[0].as_ref().unwrap().id, "a");
/// assert_eq!(records[1].as_ref().unwrap_err().line, 2);
/// assert_eq!(records[2].as_ref().unwrap().id, "stdin:4");
/// ```
pub struct JsonlRecords<R> {
    reader: R,
    line: usize,
    buf: Vec<u8>,
    max_line: usize,
    /// The last line was too long: the rest of it is skipped before the next line is read.
    skip_rest: bool,
    /// The source's name, for the ids of records without one.
    name: String,
    fields: Fields,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Records from `reader`, with lines of at most [`MAX_LINE_BYTES`].
    pub fn new(reader: R) -> Self {
        Self::with_max_line(reader, MAX_LINE_BYTES)
    }

    /// Records from `reader`, with lines of at most `max_line` bytes.
    pub fn with_max_line(reader: R, max_line: usize) -> Self {
        JsonlRecords {
            reader,
            line: 0,
            buf: Vec::new(),
            max_line,
            skip_rest: false,
            name: "stdin".to_string(),
            fields: Fields::default(),
        }
    }

    /// Reads the id, text and published date from these fields.
    pub fn fields(mut self, fields: Fields) -> Self {
        self.fields = fields;
        self
    }

    /// Names the source (its path): a record without an id gets `NAME:LINE`.
    pub fn named(mut self, name: &str) -> Self {
        self.name = name.to_string();
        self
    }

    /// Reads the next line into `buf` (without its newline); `None` at the end. A line longer
    /// than `max_line` is reported at once, `Ok(Some(true))`, and the rest of it is skipped
    /// without being stored when the next line is asked for.
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        self.buf.clear();
        if std::mem::take(&mut self.skip_rest) {
            self.skip_to_next_line()?;
        }
        let limit = self.max_line as u64 + 1;
        let n = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        let ended = self.buf.last() == Some(&b'\n');
        if ended {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        if self.buf.len() <= self.max_line {
            return Ok(Some(false));
        }
        // Too long: the rest of the line is skipped later, without keeping it.
        self.buf.clear();
        self.skip_rest = !ended;
        Ok(Some(true))
    }

    /// Consumes the input up to and including the next newline.
    fn skip_to_next_line(&mut self) -> io::Result<()> {
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(());
            }
            match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.reader.consume(i + 1);
                    return Ok(());
                }
                None => {
                    let len = chunk.len();
                    self.reader.consume(len);
                }
            }
        }
    }

    fn record(&self, line: usize, too_long: bool) -> Result<Record, RecordError> {
        let err = |message: String| RecordError { line, message };
        if too_long {
            return Err(err(format!(
                "longer than the line limit of {} bytes; skipped",
                self.max_line
            )));
        }
        let mut bytes = &self.buf[..];
        if line == 1 {
            bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            err(format!(
                "not valid UTF-8 at byte {} of the line",
                e.valid_up_to()
            ))
        })?;
        let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)
            .map_err(|e| {
                err(format!(
                    "{e}: expected a JSON object with a \"{}\" field",
                    self.fields.text
                ))
            })?;
        let f = &self.fields;
        let text = match map.remove(&f.text) {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => return Err(err(format!("field \"{}\" is not a string", f.text))),
            None => return Err(err(format!("no \"{}\" field", f.text))),
        };
        let published = match map.remove(&f.published) {
            Some(serde_json::Value::String(s)) => Ok(Some(s)),
            Some(serde_json::Value::Null) | None => Ok(None),
            Some(_) => Err(err(format!("field \"{}\" is not a string", f.published))),
        };
        let id = match map.remove(&f.id) {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Null) | None => None,
            Some(v) => Some(v.to_string()),
        };
        Record::new(
            line,
            &self.name,
            id,
            text,
            published.as_ref().map(Option::as_deref),
        )
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = io::Result<Result<Record, RecordError>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let too_long = match self.read_line() {
                Ok(Some(t)) => t,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            self.line += 1;
            if !too_long && self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Ok(self.record(self.line, too_long)));
        }
    }
}

/// A reader that fails once more than `limit` bytes are read since its shared `used` counter
/// was last set to zero ([`CsvRecords`] does so before each record): it keeps one CSV record
/// from growing without bound.
struct Budget<R> {
    inner: R,
    used: std::rc::Rc<std::cell::Cell<usize>>,
    limit: usize,
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.used.get() > self.limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a record longer than the limit of {} bytes", self.limit),
            ));
        }
        let n = self.inner.read(buf)?;
        self.used.set(self.used.get() + n);
        Ok(n)
    }
}

/// The records of a CSV or TSV file with a header row (RFC 4180: quoted fields may hold
/// delimiters, quotes and newlines). Each item is one record, or an error for that record
/// (invalid UTF-8, no text, a bad date, a text over the size limit); reading fails (an `Err`
/// of [`io::Error`]) when the input cannot be read or parsed, or one record passes
/// [`MAX_LINE_BYTES`]: the rest of that file is then skipped, since quoting cannot be resynced.
///
/// ```
/// use eventcoder_cli::input::CsvRecords;
/// let input = "id,text,published\na1,\"Japan condemned North Korea, again.\",2021-06-14\n,x,\n";
/// let records: Vec<_> = CsvRecords::new(input.as_bytes(), b',').unwrap()
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert_eq!(records[0].as_ref().unwrap().text, "Japan condemned North Korea, again.");
/// assert_eq!(records[1].as_ref().unwrap().id, "stdin:3");
/// ```
pub struct CsvRecords<R> {
    reader: csv::Reader<Budget<R>>,
    used: std::rc::Rc<std::cell::Cell<usize>>,
    record: csv::ByteRecord,
    columns: [Option<usize>; 3],
    name: String,
}

impl<R: Read> CsvRecords<R> {
    /// Records of `reader`, fields separated by `delimiter` (`b','` or `b'\t'`), read from the
    /// default fields.
    pub fn new(reader: R, delimiter: u8) -> Result<Self, RecordError> {
        Self::with_fields(reader, delimiter, &Fields::default(), "stdin")
    }

    /// Records of `reader` (named `name`, for ids `NAME:LINE`), with `fields` named in the
    /// header row. A header without the text field is an error.
    pub fn with_fields(
        reader: R,
        delimiter: u8,
        fields: &Fields,
        name: &str,
    ) -> Result<Self, RecordError> {
        let used = std::rc::Rc::new(std::cell::Cell::new(0));
        let budget = Budget {
            inner: reader,
            used: used.clone(),
            limit: MAX_LINE_BYTES,
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(budget);
        let header_error = |message: String| RecordError { line: 1, message };
        let header = reader
            .byte_headers()
            .map_err(|e| header_error(e.to_string()))?
            .clone();
        let column = |field: &str| {
            header.iter().position(|h| {
                let h = h.strip_prefix(BOM).unwrap_or(h);
                h == field.as_bytes()
            })
        };
        let columns = [
            column(&fields.id),
            column(&fields.text),
            column(&fields.published),
        ];
        if columns[1].is_none() {
            return Err(header_error(format!(
                "the header row has no \"{}\" column",
                fields.text
            )));
        }
        used.set(0);
        Ok(CsvRecords {
            reader,
            used,
            record: csv::ByteRecord::new(),
            columns,
            name: name.to_string(),
        })
    }

    fn record(&self) -> Result<Record, RecordError> {
        let line = self.record.position().map_or(0, |p| p.line() as usize);
        let err = |message: String| RecordError { line, message };
        let field = |i: Option<usize>, what: &str| -> Result<Option<&str>, RecordError> {
            match i.and_then(|i| self.record.get(i)) {
                None => Ok(None),
                Some(b) => std::str::from_utf8(b).map(Some).map_err(|e| {
                    err(format!(
                        "{what}: not valid UTF-8 at byte {}",
                        e.valid_up_to()
                    ))
                }),
            }
        };
        let text = field(self.columns[1], "text")?
            .ok_or_else(|| err("the record has no text field".into()))?;
        if text.len() > MAX_ARTICLE_BYTES {
            return Record::new(line, &self.name, None, text.to_string(), Ok(None));
        }
        let published = field(self.columns[2], "published")?
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let id = field(self.columns[0], "id")?
            .filter(|id| !id.is_empty())
            .map(str::to_string);
        Record::new(line, &self.name, id, text.to_string(), Ok(published))
    }
}

impl<R: Read> Iterator for CsvRecords<R> {
    type Item = io::Result<Result<Record, RecordError>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.used.set(0);
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(Ok(self.record())),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                Some(Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("line {line}: {e}"),
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[u8], max_line: usize) -> Vec<Result<Record, RecordError>> {
        JsonlRecords::with_max_line(input, max_line)
            .collect::<io::Result<_>>()
            .expect("reads")
    }

    #[test]
    fn bad_lines_are_errors_for_their_line_only() {
        let mut input = b"{\"id\": 1, \"text\": \"a\"}\n".to_vec();
        input.extend_from_slice(b"{\"text\": \"\xff\"}\n");
        input.extend_from_slice(b"{\"text\": \"b\", \"published\": \"2024-13-01\"}\n");
        input.extend_from_slice(b"{\"id\": \"x\"}\n");
        input.extend_from_slice(b"{\"text\": \"c\"}\r\n");
        let r = records(&input, 1000);
        assert_eq!(r.len(), 5);
        assert_eq!(r[0].as_ref().unwrap().id, "1");
        assert_eq!(r[4].as_ref().unwrap().id, "stdin:5");
        assert!(r[1].as_ref().unwrap_err().message.contains("UTF-8"));
        assert_eq!(r[2].as_ref().unwrap_err().line, 3);
        assert!(r[3].as_ref().unwrap_err().message.contains("text"));
        assert_eq!(r[4].as_ref().unwrap().text, "c");
    }

    #[test]
    fn an_over_long_line_is_skipped_without_being_read_whole() {
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(10_000));
        let input = format!("{long}{{\"text\": \"after\"}}\n{long}");
        let r = records(input.as_bytes(), 100);
        assert_eq!(r.len(), 3);
        assert!(r[0].as_ref().unwrap_err().message.contains("line limit"));
        assert_eq!(r[1].as_ref().unwrap().text, "after");
        assert_eq!(r[1].as_ref().unwrap().line, 2);
        assert_eq!(r[2].as_ref().unwrap_err().line, 3);
    }

    #[test]
    fn csv_records_with_quotes_and_bad_fields() {
        let input = b"id,text\n1,\"Japan condemned\nNorth Korea, \"\"again\"\".\"\n2,\xff\n3\n";
        let r: Vec<_> = CsvRecords::new(&input[..], b',')
            .unwrap()
            .collect::<io::Result<_>>()
            .unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[0].as_ref().unwrap().text,
            "Japan condemned\nNorth Korea, \"again\"."
        );
        let e = r[1].as_ref().unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.message.contains("UTF-8"), "{e}");
        assert!(r[2].as_ref().unwrap_err().message.contains("no text"));
        let tsv =
            CsvRecords::new(&b"\xef\xbb\xbfid\ttext\nt1\tJapan protested.\n"[..], b'\t').unwrap();
        let r: Vec<_> = tsv.collect::<io::Result<_>>().unwrap();
        assert_eq!(r[0].as_ref().unwrap().id, "t1");
    }

    #[test]
    fn an_endless_line_is_reported_at_once() {
        let endless = io::BufReader::new(io::repeat(b'x'));
        let first = JsonlRecords::with_max_line(endless, 1000).next();
        let err = first.expect("an item").expect("reads").unwrap_err();
        assert!(err.message.contains("line limit"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_no_text() {
        let r = records(b"\xef\xbb\xbf{\"text\": \"a\"}\n", 100);
        assert_eq!(r[0].as_ref().unwrap().text, "a");
        let t = read_text("t", &b"\xef\xbb\xbfdate 2024-01-02\n"[..]).unwrap();
        assert_eq!(t, "date 2024-01-02\n");
    }

    #[test]
    fn text_reading_stops_past_the_limit() {
        // An endless input is refused after reading just past the limit.
        let endless = io::repeat(b'a');
        let err = read_text("endless", endless).unwrap_err();
        assert!(err.to_string().contains("larger than the article limit"));
    }
}
