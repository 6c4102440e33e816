//! Events as columns: the flat table behind `to_pandas`, `to_arrow`, `Coder.code_arrow` and the
//! Spark and Dask helpers. The columns, their types and nullability are defined once, in
//! [`COLUMNS`]; `push_row` gives an event's values in that order.
//!
//! The columns are Arrow arrays built in Rust (by the CLI's [`BatchBuilder`], which also builds
//! its Parquet tables) and handed to pyarrow through the Arrow PyCapsule interface, without a
//! Python object per value; the pandas path without pyarrow reads them back as Python lists.

use std::sync::{Arc, OnceLock};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float32Type, Int8Type, Int32Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use eventcoder::output::{ActorRecord, EventRecord};
use eventcoder_cli::columns::{BatchBuilder, Dates};
use eventcoder_cli::flat::issue_label;
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

use crate::classes::Event;

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Str,
    /// A date (days since 1970-01-01).
    Date,
    /// A 32-bit integer.
    I32,
    /// An 8-bit integer.
    I8,
    /// A 32-bit float.
    F32,
    /// A boolean.
    Bool,
    /// A list of texts.
    StrList,
}

impl Kind {
    /// The Arrow type's name, as `eventcoder._frames` reads it.
    pub fn arrow(self) -> &'static str {
        match self {
            Kind::Str => "string",
            Kind::Date => "date32",
            Kind::I32 => "int32",
            Kind::I8 => "int8",
            Kind::F32 => "float32",
            Kind::Bool => "bool",
            Kind::StrList => "list<string>",
        }
    }

    /// The Arrow type (a list's items are nullable strings named `item`, as pyarrow's
    /// `pa.list_(pa.string())`).
    pub fn data_type(self) -> DataType {
        match self {
            Kind::Str => DataType::Utf8,
            Kind::Date => DataType::Date32,
            Kind::I32 => DataType::Int32,
            Kind::I8 => DataType::Int8,
            Kind::F32 => DataType::Float32,
            Kind::Bool => DataType::Boolean,
            Kind::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        }
    }
}

use Kind::*;

/// The columns, in order: name, type, and whether values may be missing. One row per event.
pub const COLUMNS: [(&str, Kind, bool); 43] = [
    ("article_id", Str, true),
    ("date", Date, true),
    ("sentence_index", I32, false),
    ("source_text", Str, true),
    ("source_start", I32, true),
    ("source_end", I32, true),
    ("source_code", Str, true),
    ("source_country", Str, true),
    ("source_organization", Str, true),
    ("source_sector", Str, true),
    ("source_name", Str, true),
    ("source_inferred", Bool, true),
    ("target_text", Str, true),
    ("target_start", I32, true),
    ("target_end", I32, true),
    ("target_code", Str, true),
    ("target_country", Str, true),
    ("target_organization", Str, true),
    ("target_sector", Str, true),
    ("target_name", Str, true),
    ("target_inferred", Bool, true),
    ("cameo_code", Str, false),
    ("cameo_root", Str, false),
    ("cameo_label", Str, false),
    ("quad_class", I8, false),
    ("goldstein", F32, false),
    ("plover_type", Str, true),
    ("plover_mode", Str, true),
    ("plover_contexts", StrList, false),
    ("trigger", Str, false),
    ("trigger_start", I32, false),
    ("trigger_end", I32, false),
    ("rule", Str, false),
    ("confidence", F32, false),
    ("location_text", Str, true),
    ("location_name", Str, true),
    ("location_country", Str, true),
    ("location_source", Str, true),
    ("reported_by", Str, true),
    ("negated", Bool, false),
    ("date_source", Str, false),
    ("mentions", I32, false),
    // `CATEGORY:CODE` per issue (`eventcoder_cli::flat::issue_label`); null when the coder has
    // no PETRARCH issues file.
    ("issues", StrList, true),
];

/// A record batch holds at most this many rows by default (`to_arrow`'s `chunk_rows`).
const CHUNK_ROWS: usize = 1 << 16;
// `_arrow_table` writes the default out (a literal shows in its Python signature).
const _: () = assert!(CHUNK_ROWS == 65536);

/// The Arrow schema of the table: [`COLUMNS`], without metadata (equal to
/// `eventcoder.arrow_schema()`).
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let fields = COLUMNS
                .iter()
                .map(|&(name, kind, nullable)| Field::new(name, kind.data_type(), nullable));
            Arc::new(Schema::new(fields.collect::<Vec<_>>()))
        })
        .clone()
}

/// Appends one event to the builders of a batch, in [`COLUMNS`] order.
fn push_row(b: &mut BatchBuilder, e: &EventRecord, dates: &mut Dates) {
    let mut row = b.row();
    row.str(crate::classes::id_or_none(&e.article_id))
        .date(dates.get(e.date.as_deref()))
        .count(Some(e.sentence.index));
    for a in [&e.source, &e.target] {
        let a: Option<&ActorRecord> = a.as_ref();
        row.str(a.map(|a| a.text.as_str()))
            .count(a.map(|a| a.span[0]))
            .count(a.map(|a| a.span[1]))
            .str(a.and_then(|a| a.code.as_deref()))
            .str(a.and_then(|a| a.country.as_deref()))
            .str(a.and_then(|a| a.organization.as_deref()))
            .str(a.and_then(|a| a.sector.map(|s| s.as_str())))
            .str(a.and_then(|a| a.name.as_deref()))
            .bool(a.map(|a| a.inferred));
    }
    let l = e.location.as_ref();
    row.str(Some(&e.cameo.code))
        .str(Some(&e.cameo.root))
        .str(Some(&e.cameo.label))
        .int(Some(i64::from(e.cameo.quad_class)))
        .float(Some(e.cameo.goldstein))
        .str(e.plover.event_type.as_deref())
        .str(e.plover.mode.as_deref())
        .strs(&e.plover.contexts)
        .str(Some(&e.trigger.text))
        .count(Some(e.trigger.span[0]))
        .count(Some(e.trigger.span[1]))
        .str(Some(&e.rule))
        .float(Some(e.confidence))
        .str(l.map(|l| l.text.as_str()))
        .str(l.map(|l| l.name.as_str()))
        .str(l.and_then(|l| l.country.as_deref()))
        .str(l.map(|l| l.source.as_str()))
        .str(e.reported_by.as_deref())
        .bool(Some(e.negated))
        .str(Some(e.date_source.as_str()))
        .count(Some(e.mentions))
        .opt_strs(e.issues.as_ref().map(|v| v.iter().map(issue_label)));
}

/// Events gathered into record batches of the table, in order: a new batch starts after
/// `max_rows` rows, or before a text column passes what 32-bit offsets address.
pub struct EventBatches {
    builder: BatchBuilder,
    dates: Dates,
    max_rows: usize,
    done: Vec<RecordBatch>,
}

impl EventBatches {
    /// No events yet; batches of at most `max_rows` rows (at least 1).
    pub fn new(max_rows: usize) -> EventBatches {
        EventBatches {
            builder: BatchBuilder::new(schema()).expect("the columns are of supported types"),
            dates: Dates::default(),
            max_rows: max_rows.max(1),
            done: Vec::new(),
        }
    }

    /// Appends one event.
    pub fn push(&mut self, e: &EventRecord) {
        if self.builder.rows() >= self.max_rows || self.builder.is_full() {
            self.flush();
        }
        push_row(&mut self.builder, e, &mut self.dates);
    }

    fn flush(&mut self) {
        if self.builder.rows() > 0 {
            let batch = self.builder.finish().expect("every row has every column");
            self.done.push(batch);
        }
    }

    /// The batches, in order (none without events).
    pub fn finish(mut self) -> Vec<RecordBatch> {
        self.flush();
        self.done
    }
}

/// The events of an iterable, as record batches of at most `rows` rows.
fn batches(events: &Bound<'_, PyAny>, rows: usize) -> PyResult<Vec<RecordBatch>> {
    let mut out = EventBatches::new(rows);
    for (i, item) in events.try_iter()?.enumerate() {
        let item = item?;
        let e = item.cast::<Event>().map_err(|_| {
            PyTypeError::new_err(format!(
                "item {i}: expected eventcoder.Event, not {}",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        out.push(&e.get().0.record);
    }
    Ok(out.finish())
}

/// A `pyarrow.Table` of record batches of the table (imported through the Arrow PyCapsule
/// interface: no copy, no Python object per value).
pub fn pyarrow_table(py: Python<'_>, batches: Vec<RecordBatch>) -> PyResult<Bound<'_, PyAny>> {
    PyTable::try_new(batches, schema())?.into_pyarrow(py)
}

/// Value `i` of a column as a Python object (None where missing).
fn value<'py>(py: Python<'py>, col: &ArrayRef, i: usize) -> PyResult<Bound<'py, PyAny>> {
    if col.is_null(i) {
        return Ok(py.None().into_bound(py));
    }
    match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().value(i).into_bound_py_any(py),
        DataType::Date32 => col
            .as_primitive::<Date32Type>()
            .value_as_date(i)
            .into_bound_py_any(py),
        DataType::Int32 => col
            .as_primitive::<Int32Type>()
            .value(i)
            .into_bound_py_any(py),
        DataType::Int8 => col
            .as_primitive::<Int8Type>()
            .value(i)
            .into_bound_py_any(py),
        DataType::Float32 => col
            .as_primitive::<Float32Type>()
            .value(i)
            .into_bound_py_any(py),
        DataType::Boolean => col.as_boolean().value(i).into_bound_py_any(py),
        DataType::List(_) => {
            let items = col.as_list::<i32>().value(i);
            let items = items.as_string::<i32>();
            Ok(PyList::new(py, items.iter().map(|s| s.unwrap_or_default()))?.into_any())
        }
        other => unreachable!("no column is of type {other}"),
    }
}

/// `{column: [values]}` for an iterable of events (the pandas path without pyarrow).
#[pyfunction]
pub fn _columns<'py>(py: Python<'py>, events: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let batches = batches(events, CHUNK_ROWS)?;
    let out = PyDict::new(py);
    for (c, (name, _, _)) in COLUMNS.iter().enumerate() {
        let mut values = Vec::new();
        for batch in &batches {
            let col = batch.column(c);
            for i in 0..col.len() {
                values.push(value(py, col, i)?);
            }
        }
        out.set_item(name, PyList::new(py, values)?)?;
    }
    Ok(out)
}

/// The events of an iterable as a `pyarrow.Table`, in record batches of at most `chunk_rows`
/// rows (see `eventcoder._frames.to_arrow`).
#[pyfunction]
#[pyo3(signature = (events, chunk_rows = 65536))]
pub fn _arrow_table<'py>(
    py: Python<'py>,
    events: &Bound<'py, PyAny>,
    chunk_rows: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let batches = batches(events, chunk_rows)?;
    pyarrow_table(py, batches)
}

/// `[(name, Arrow type, nullable)]`, in order.
pub fn column_types() -> Vec<(&'static str, &'static str, bool)> {
    COLUMNS
        .iter()
        .map(|&(name, kind, nullable)| (name, kind.arrow(), nullable))
        .collect()
}
