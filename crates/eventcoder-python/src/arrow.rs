//! `Coder.code_arrow` and `Coder.code_arrow_batches`: texts in, Arrow record batches of events
//! out. Articles are coded a batch at a time on rayon threads without the GIL, and each thread
//! appends its events straight to Arrow builders ([`EventBatches`]): there is no Python object
//! per event, and none per article for Arrow input.
//!
//! The inputs (texts, ids, published dates) are each an Arrow array (anything with
//! `__arrow_c_array__` or `__arrow_c_stream__`, read without copying) or a Python iterable,
//! read a batch at a time.

use std::collections::VecDeque;
use std::sync::Mutex;

use arrow_array::cast::AsArray;
use arrow_array::timezone::Tz;
use arrow_array::types::{
    Date64Type, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType,
};
use arrow_array::{Array, ArrayRef, RecordBatch, new_empty_array};
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;
use eventcoder::Article;
use eventcoder::output::{CharIndex, EventRecord};
use pyo3::exceptions::{
    PyImportError, PyRuntimeError, PyRuntimeWarning, PyTypeError, PyValueError,
};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};
use pyo3_arrow::PyRecordBatch;
use pyo3_arrow::input::AnyArray;
use rayon::prelude::*;

use crate::coder::{CodingError, Threads, at_item, id_of, item_error, published_of};
use crate::columns::{EventBatches, schema};

/// One input column.
enum Source {
    /// An Arrow array, read by position.
    Arrow(ArrayRef),
    /// A Python iterator, read a batch at a time.
    Python(Py<PyIterator>),
    /// Not given (ids: positions; published: undated).
    Absent,
}

/// Whether an Arrow type holds text.
fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// Value `i` of a text array (checked by [`is_text`]); `None` where null.
fn text_at(a: &dyn Array, i: usize) -> Option<&str> {
    if a.is_null(i) {
        return None;
    }
    Some(match a.data_type() {
        DataType::Utf8 => a.as_string::<i32>().value(i),
        DataType::LargeUtf8 => a.as_string::<i64>().value(i),
        DataType::Utf8View => a.as_string_view().value(i),
        other => unreachable!("a text column of type {other}"),
    })
}

impl Source {
    /// `obj` as an input column named `name` (`"texts"`, `"ids"`, `"published"`); `allowed`
    /// says which Arrow types it may have.
    fn new(
        obj: Option<&Bound<'_, PyAny>>,
        name: &str,
        allowed: fn(&DataType) -> bool,
        expected: &str,
    ) -> PyResult<Source> {
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(Source::Absent);
        };
        let py = obj.py();
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "{name} must be a sequence or an Arrow array, not a str"
            )));
        }
        if obj.hasattr(intern!(py, "__arrow_c_array__"))?
            || obj.hasattr(intern!(py, "__arrow_c_stream__"))?
        {
            let any: AnyArray = obj.extract()?;
            let (chunks, field) = any.into_chunked_array()?.into_inner();
            if !allowed(field.data_type()) {
                return Err(PyTypeError::new_err(format!(
                    "{name}: expected an Arrow array of {expected}, not {}",
                    field.data_type()
                )));
            }
            let array = match chunks.as_slice() {
                [] => new_empty_array(field.data_type()),
                [one] => one.clone(),
                many => {
                    let refs: Vec<&dyn Array> = many.iter().map(|a| a.as_ref()).collect();
                    arrow_select::concat::concat(&refs)
                        .map_err(|e| PyValueError::new_err(format!("{name}: {e}")))?
                }
            };
            return Ok(Source::Arrow(array));
        }
        Ok(Source::Python(obj.try_iter()?.unbind()))
    }

    /// How many values it has, when known: an Arrow array's length, or a Python sequence's.
    fn len(&self, obj: Option<&Bound<'_, PyAny>>) -> Option<usize> {
        match self {
            Source::Arrow(a) => Some(a.len()),
            Source::Python(_) => obj.and_then(|o| o.len().ok()),
            Source::Absent => None,
        }
    }
}

/// The text of a [`Job`].
enum Text {
    /// A Python string.
    Owned(String),
    /// Position in the batch's Arrow texts.
    Arrow(usize),
}

/// One article of a batch.
struct Job {
    /// Its position in the input.
    index: usize,
    text: Text,
    /// Its id: as given, else its position.
    id: String,
    published: Option<NaiveDate>,
}

/// An article that could not be coded: its position, id and error.
type Failure = (usize, String, eventcoder::Error);

/// What one rayon task gathers: record batches of events, and the articles that failed.
struct Gathered {
    events: EventBatches,
    failed: Vec<Failure>,
}

impl Gathered {
    fn new() -> Gathered {
        Gathered {
            events: EventBatches::new(usize::MAX),
            failed: Vec::new(),
        }
    }
}

/// `code_arrow`'s coding, a batch at a time.
pub(crate) struct ArrowCoding {
    coder: eventcoder::Coder,
    texts: Source,
    ids: Source,
    published: Source,
    threads: Threads,
    batch_size: usize,
    skip: bool,
    html: bool,
    /// Position of the next article.
    pos: usize,
    /// Whether the input is read to its end (or coding failed).
    done: bool,
    /// Coded batches not yet handed out.
    ready: VecDeque<RecordBatch>,
    /// The articles skipped so far (`on_error="skip"`): reported by a warning when the input
    /// ends, and by `ArrowBatches.errors`.
    skipped: Vec<CodingError>,
}

/// The options of `code_arrow`: `threads`, `batch_size`, `on_error="skip"`, `html`.
pub(crate) struct Options {
    pub(crate) threads: Threads,
    pub(crate) batch_size: usize,
    pub(crate) skip: bool,
    pub(crate) html: bool,
}

impl ArrowCoding {
    /// Reads the inputs' kinds (and, where both are known, checks their lengths agree).
    pub fn new(
        coder: eventcoder::Coder,
        texts_obj: &Bound<'_, PyAny>,
        ids_obj: Option<&Bound<'_, PyAny>>,
        published_obj: Option<&Bound<'_, PyAny>>,
        options: Options,
    ) -> PyResult<ArrowCoding> {
        let py = texts_obj.py();
        let ids_obj = ids_obj.filter(|o| !o.is_none());
        let published_obj = published_obj.filter(|o| !o.is_none());
        if options.batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        py.import("pyarrow").map_err(|_| {
            PyImportError::new_err("Coder.code_arrow needs pyarrow: pip install pyarrow")
        })?;
        let texts = Source::new(Some(texts_obj), "texts", is_text, "strings")?;
        if matches!(texts, Source::Absent) {
            return Err(PyTypeError::new_err(
                "texts must be a sequence or an Arrow array, not None",
            ));
        }
        let ids = Source::new(
            ids_obj,
            "ids",
            |t| is_text(t) || t.is_integer(),
            "strings or integers",
        )?;
        let published = Source::new(
            published_obj,
            "published",
            |t| {
                is_text(t)
                    || matches!(
                        t,
                        DataType::Date32 | DataType::Date64 | DataType::Timestamp(..)
                    )
            },
            "dates, timestamps or strings",
        )?;
        // Lengths that are known must agree; others are checked as the inputs are read.
        let n = texts.len(Some(texts_obj));
        for (source, obj, name) in [
            (&ids, ids_obj, "ids"),
            (&published, published_obj, "published"),
        ] {
            if let (Some(n), Some(m)) = (n, source.len(obj)) {
                if n != m {
                    return Err(PyValueError::new_err(format!(
                        "{name} has {m} values but texts has {n}"
                    )));
                }
            }
        }
        Ok(ArrowCoding {
            coder,
            texts,
            ids,
            published,
            threads: options.threads,
            batch_size: options.batch_size,
            skip: options.skip,
            html: options.html,
            pos: 0,
            done: false,
            ready: VecDeque::new(),
            skipped: Vec::new(),
        })
    }
}

/// Up to `n` values of a Python iterator, each read by `read` (given its position).
fn pull<T>(
    py: Python<'_>,
    iter: &Py<PyIterator>,
    n: usize,
    start: usize,
    mut read: impl FnMut(&Bound<'_, PyAny>, usize) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    let mut iter = iter.bind(py).clone();
    let mut out = Vec::with_capacity(n.min(1 << 16));
    while out.len() < n {
        match iter.next() {
            Some(v) => out.push(read(&v?, start + out.len())?),
            None => break,
        }
    }
    Ok(out)
}

/// A text of a Python input: a str, or None read as empty.
fn text_of(v: &Bound<'_, PyAny>, index: usize) -> PyResult<String> {
    if v.is_none() {
        return Ok(String::new());
    }
    match v.cast::<PyString>() {
        Ok(s) => Ok(s.to_str()?.to_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "item {index}: text must be str, not {}",
            v.get_type().name()?
        ))),
    }
}

/// Value `i` of an Arrow id column (strings or integers); `None` where null.
fn arrow_id(a: &dyn Array, i: usize) -> Option<String> {
    if a.is_null(i) {
        return None;
    }
    if is_text(a.data_type()) {
        return text_at(a, i).map(str::to_owned);
    }
    macro_rules! int {
        ($($t:ident => $ty:ty),*) => {
            match a.data_type() {
                $(DataType::$t => Some(a.as_primitive::<$ty>().value(i).to_string()),)*
                other => unreachable!("an id column of type {other}"),
            }
        };
    }
    use arrow_array::types::*;
    int!(Int8 => Int8Type, Int16 => Int16Type, Int32 => Int32Type, Int64 => Int64Type,
        UInt8 => UInt8Type, UInt16 => UInt16Type, UInt32 => UInt32Type, UInt64 => UInt64Type)
}

/// Value `i` of an Arrow published column: a date, a timestamp (by its date, in its time zone
/// when it has one) or a string read as `published` strings are; `None` where null or blank.
fn arrow_published(a: &dyn Array, i: usize) -> PyResult<Option<NaiveDate>> {
    if a.is_null(i) {
        return Ok(None);
    }
    if is_text(a.data_type()) {
        let s = text_at(a, i).unwrap_or_default();
        if s.trim().is_empty() {
            return Ok(None);
        }
        return eventcoder::parse_iso_date(s)
            .map(Some)
            .map_err(|e| crate::errors::invalid_date(format!("published: {e}"), s));
    }
    let unusable = || PyValueError::new_err("published: not a usable date");
    macro_rules! timestamp {
        ($ty:ty, $tz:expr) => {{
            let a = a.as_primitive::<$ty>();
            match $tz {
                None => a.value_as_datetime(i).map(|d| d.date()),
                Some(tz) => {
                    let tz: Tz = tz
                        .parse()
                        .map_err(|e| PyValueError::new_err(format!("published: {e}")))?;
                    a.value_as_datetime_with_tz(i, tz).map(|d| d.date_naive())
                }
            }
        }};
    }
    let date = match a.data_type() {
        DataType::Date32 => a
            .as_primitive::<arrow_array::types::Date32Type>()
            .value_as_date(i),
        DataType::Date64 => a.as_primitive::<Date64Type>().value_as_date(i),
        DataType::Timestamp(unit, tz) => match unit {
            TimeUnit::Second => timestamp!(TimestampSecondType, tz.as_deref()),
            TimeUnit::Millisecond => timestamp!(TimestampMillisecondType, tz.as_deref()),
            TimeUnit::Microsecond => timestamp!(TimestampMicrosecondType, tz.as_deref()),
            TimeUnit::Nanosecond => timestamp!(TimestampNanosecondType, tz.as_deref()),
        },
        other => unreachable!("a published column of type {other}"),
    };
    date.map(Some).ok_or_else(unusable)
}

impl ArrowCoding {
    /// The texts, ids and dates of the next batch (no texts at the end of the input).
    fn read_batch(&mut self, py: Python<'_>) -> PyResult<(Option<ArrayRef>, Vec<Job>)> {
        let start = self.pos;
        let (arrow, texts): (Option<ArrayRef>, Vec<Text>) = match &self.texts {
            Source::Arrow(a) => {
                let n = self.batch_size.min(a.len() - start);
                (Some(a.slice(start, n)), (0..n).map(Text::Arrow).collect())
            }
            Source::Python(it) => {
                let texts = pull(py, it, self.batch_size, start, text_of)?;
                (None, texts.into_iter().map(Text::Owned).collect())
            }
            Source::Absent => unreachable!("texts are given"),
        };
        let n = texts.len();
        let short = |name: &str| {
            PyValueError::new_err(format!(
                "{name} has fewer values than texts (none for item {})",
                start + n
            ))
        };
        let ids: Vec<String> = match &self.ids {
            Source::Absent => (start..start + n).map(|i| i.to_string()).collect(),
            Source::Arrow(a) => {
                if a.len() < start + n {
                    return Err(short("ids"));
                }
                (0..n)
                    .map(|k| arrow_id(a, start + k).unwrap_or_else(|| (start + k).to_string()))
                    .collect()
            }
            Source::Python(it) => {
                let ids = pull(py, it, n, start, id_of)?;
                if ids.len() < n {
                    return Err(short("ids"));
                }
                ids
            }
        };
        let published: Vec<Option<NaiveDate>> = match &self.published {
            Source::Absent => vec![None; n],
            Source::Arrow(a) => {
                if a.len() < start + n {
                    return Err(short("published"));
                }
                (0..n)
                    .map(|k| arrow_published(a, start + k).map_err(|e| at_item(start + k, e, py)))
                    .collect::<PyResult<_>>()?
            }
            Source::Python(it) => {
                let dates = pull(py, it, n, start, |v, i| {
                    published_of(Some(v)).map_err(|e| at_item(i, e, py))
                })?;
                if dates.len() < n {
                    return Err(short("published"));
                }
                dates
            }
        };
        self.pos += n;
        let jobs = (texts.into_iter().zip(ids).zip(published).enumerate())
            .map(|(k, ((text, id), published))| Job {
                index: start + k,
                text,
                id,
                published,
            })
            .collect();
        Ok((arrow, jobs))
    }

    /// At the end of the texts: the other inputs must end too.
    fn check_ended(&self, py: Python<'_>) -> PyResult<()> {
        for (source, name) in [(&self.ids, "ids"), (&self.published, "published")] {
            let more = match source {
                Source::Arrow(a) => a.len() > self.pos,
                Source::Python(it) => it.bind(py).clone().next().transpose()?.is_some(),
                Source::Absent => false,
            };
            if more {
                return Err(PyValueError::new_err(format!(
                    "{name} has more values than texts ({})",
                    self.pos
                )));
            }
        }
        Ok(())
    }

    /// Codes one batch (off the GIL): its events as record batches, in input order, and the
    /// articles that failed.
    fn code_batch(
        &self,
        arrow: Option<&ArrayRef>,
        jobs: Vec<Job>,
    ) -> (Vec<RecordBatch>, Vec<Failure>) {
        let (coder, html) = (&self.coder, self.html);
        let code = |mut g: Gathered, job: Job| {
            let text = match job.text {
                Text::Owned(s) => s,
                Text::Arrow(k) => {
                    let a = arrow.expect("Arrow texts");
                    text_at(a.as_ref(), k).unwrap_or_default().to_owned()
                }
            };
            let mut article = Article::new(job.id, text);
            article.published = job.published;
            let doc = if html {
                coder.code_html(&article)
            } else {
                coder.code(&article)
            };
            match doc {
                Ok(doc) => {
                    let mut ix = CharIndex::new(&article.text);
                    for e in &doc.events {
                        g.events.push(&EventRecord::new(e, &mut ix));
                    }
                }
                Err(e) => g.failed.push((job.index, article.id, e)),
            }
            g
        };
        let parts: Vec<Gathered> = match self.threads.pool() {
            None => vec![jobs.into_iter().fold(Gathered::new(), code)],
            Some(p) => p.install(|| jobs.into_par_iter().fold(Gathered::new, code).collect()),
        };
        let mut batches = Vec::new();
        let mut failed = Vec::new();
        for g in parts {
            batches.extend(g.events.finish());
            failed.extend(g.failed);
        }
        // One record batch per batch of articles, where 32-bit offsets allow it.
        if batches.len() > 1 {
            if let Ok(one) = arrow_select::concat::concat_batches(&schema(), &batches) {
                batches = vec![one];
            }
        }
        (batches, failed)
    }

    /// The next record batch of events; `None` at the end. Empty batches are left out.
    pub fn next_batch(&mut self, py: Python<'_>) -> PyResult<Option<RecordBatch>> {
        let r = self.advance(py);
        if r.is_err() {
            // Like a generator that raised: finished.
            self.done = true;
            self.ready.clear();
        }
        r
    }

    /// At the end of the input, a `RuntimeWarning` naming the articles skipped with
    /// `on_error="skip"` (the first three, and how many): without it they would vanish from
    /// the table without a trace, like articles without events.
    fn warn_skipped(&self, py: Python<'_>) -> PyResult<()> {
        if self.skipped.is_empty() {
            return Ok(());
        }
        let n = self.skipped.len();
        let named: Vec<String> = self
            .skipped
            .iter()
            .take(3)
            .map(|e| format!("item {} (id {:?}): {}", e.index, e.id, e.message))
            .collect();
        let more = if n > 3 {
            format!("; and {} more", n - 3)
        } else {
            String::new()
        };
        let message = format!(
            "{n} article(s) could not be coded and were skipped (on_error=\"skip\"): {}{more}; \
             code_arrow_batches(...).errors lists them all",
            named.join("; ")
        );
        let message = std::ffi::CString::new(message.replace('\0', " "))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        PyErr::warn(py, &py.get_type::<PyRuntimeWarning>(), &message, 1)
    }

    /// The articles skipped so far.
    pub(crate) fn skipped(&self) -> &[CodingError] {
        &self.skipped
    }

    fn advance(&mut self, py: Python<'_>) -> PyResult<Option<RecordBatch>> {
        loop {
            if let Some(b) = self.ready.pop_front() {
                return Ok(Some(b));
            }
            if self.done {
                return Ok(None);
            }
            let (arrow, jobs) = self.read_batch(py)?;
            if jobs.is_empty() {
                self.done = true;
                self.check_ended(py)?;
                self.warn_skipped(py)?;
                continue;
            }
            let (batches, failed) = py.detach(|| self.code_batch(arrow.as_ref(), jobs));
            for (index, id, e) in failed {
                if !self.skip {
                    return Err(item_error(py, index, &id, e));
                }
                self.skipped.push(CodingError {
                    index,
                    id,
                    message: e.to_string(),
                });
            }
            self.ready
                .extend(batches.into_iter().filter(|b| b.num_rows() > 0));
            py.check_signals()?;
        }
    }
}

/// An iterator of `pyarrow.RecordBatch`: the events of `Coder.code_arrow_batches`, coded a
/// batch of articles at a time as it is read.
#[pyclass(module = "eventcoder._eventcoder", frozen)]
pub struct ArrowBatches(Mutex<ArrowCoding>);

impl ArrowBatches {
    pub(crate) fn new(coding: ArrowCoding) -> ArrowBatches {
        ArrowBatches(Mutex::new(coding))
    }
}

#[pymethods]
impl ArrowBatches {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// The articles skipped so far with `on_error="skip"` (all of them once iterated to the end).
    #[getter]
    fn errors(&self) -> PyResult<Vec<CodingError>> {
        let coding = self
            .0
            .try_lock()
            .map_err(|_| PyRuntimeError::new_err("ArrowBatches is being read by another thread"))?;
        Ok(coding.skipped().to_vec())
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        // Another thread reading it at the same time is an error (as for a generator), not a
        // wait: waiting for the lock while holding the GIL could deadlock with the coding
        // thread, which takes the GIL back after each batch.
        let mut coding = self.0.try_lock().map_err(|_| {
            PyRuntimeError::new_err("ArrowBatches is already being read by another thread")
        })?;
        match coding.next_batch(py)? {
            Some(b) => Ok(Some(PyRecordBatch::new(b).into_pyarrow(py)?)),
            None => Ok(None),
        }
    }

    fn __repr__(&self) -> String {
        match self.0.try_lock() {
            Ok(c) => format!("ArrowBatches(articles_read={}, done={})", c.pos, c.done),
            Err(_) => "ArrowBatches(reading)".to_owned(),
        }
    }
}
