//! Events as columns: the flat table behind `to_pandas`, `to_arrow` and the Spark and Dask
//! helpers. The columns, their types and nullability are defined once, in [`COLUMNS`].
//!
//! Values are gathered in Arrow's memory layout (validity bitmaps, offsets, little-endian
//! values), so `to_arrow` wraps the buffers without creating a Python object per cell; the
//! pandas path reads the same columns back as Python lists.

use chrono::NaiveDate;
use eventcoder::output::{ActorRecord, EventRecord};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use crate::classes::Event;
use crate::data::record_date;

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
}

use Kind::*;

/// The columns, in order: name, type, and whether values may be missing. One row per event.
pub const COLUMNS: [(&str, Kind, bool); 42] = [
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
];

/// A chunk holds at most this many rows, and starts anew before any text column passes
/// [`CHUNK_BYTES`], so that 32-bit Arrow offsets never overflow.
const CHUNK_ROWS: usize = 1 << 16;
// `_arrow_chunks` writes the default out (a literal shows in its Python signature).
const _: () = assert!(CHUNK_ROWS == 65536);
const CHUNK_BYTES: usize = 1 << 30;

/// A bitmap, least significant bit first (Arrow's validity and boolean layout).
#[derive(Debug, Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
    zeros: usize,
}

impl Bits {
    fn push(&mut self, bit: bool) {
        if self.len % 8 == 0 {
            self.bytes.push(0);
        }
        if bit {
            *self.bytes.last_mut().expect("a byte was pushed") |= 1 << (self.len % 8);
        } else {
            self.zeros += 1;
        }
        self.len += 1;
    }
    fn get(&self, i: usize) -> bool {
        self.bytes[i / 8] & (1 << (i % 8)) != 0
    }
}

#[derive(Debug)]
enum Data {
    Str {
        offsets: Vec<i32>,
        bytes: Vec<u8>,
    },
    I32(Vec<i32>),
    I8(Vec<i8>),
    F32(Vec<f32>),
    Bool(Bits),
    StrList {
        offsets: Vec<i32>,
        items: Box<Column>,
    },
}

/// One column of one chunk, in Arrow layout.
#[derive(Debug)]
struct Column {
    kind: Kind,
    valid: Bits,
    data: Data,
}

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");

impl Column {
    fn new(kind: Kind) -> Column {
        let data = match kind {
            Str => Data::Str {
                offsets: vec![0],
                bytes: Vec::new(),
            },
            Date | I32 => Data::I32(Vec::new()),
            I8 => Data::I8(Vec::new()),
            F32 => Data::F32(Vec::new()),
            Bool => Data::Bool(Bits::default()),
            StrList => Data::StrList {
                offsets: vec![0],
                items: Box::new(Column::new(Str)),
            },
        };
        Column {
            kind,
            valid: Bits::default(),
            data,
        }
    }

    fn text_bytes(&self) -> usize {
        match &self.data {
            Data::Str { bytes, .. } => bytes.len(),
            Data::StrList { items, .. } => items.text_bytes(),
            _ => 0,
        }
    }

    fn str(&mut self, v: Option<&str>) {
        self.valid.push(v.is_some());
        let Data::Str { offsets, bytes } = &mut self.data else {
            unreachable!("a text value for a text column")
        };
        bytes.extend_from_slice(v.unwrap_or("").as_bytes());
        offsets.push(i32::try_from(bytes.len()).expect("chunks stay under 2 GiB"));
    }

    fn int(&mut self, v: Option<usize>) {
        self.valid.push(v.is_some());
        let v = v.unwrap_or(0);
        match &mut self.data {
            Data::I32(d) => d.push(i32::try_from(v).unwrap_or(i32::MAX)),
            Data::I8(d) => d.push(i8::try_from(v).unwrap_or(i8::MAX)),
            _ => unreachable!("an integer for an integer column"),
        }
    }

    fn date(&mut self, v: Option<NaiveDate>) {
        self.valid.push(v.is_some());
        let Data::I32(d) = &mut self.data else {
            unreachable!("a date for a date column")
        };
        d.push(v.map_or(0, |v| (v - EPOCH).num_days() as i32));
    }

    fn float(&mut self, v: f32) {
        self.valid.push(true);
        let Data::F32(d) = &mut self.data else {
            unreachable!("a float for a float column")
        };
        d.push(v);
    }

    fn bool(&mut self, v: Option<bool>) {
        self.valid.push(v.is_some());
        let Data::Bool(d) = &mut self.data else {
            unreachable!("a boolean for a boolean column")
        };
        d.push(v.unwrap_or(false));
    }

    fn list(&mut self, values: &[String]) {
        self.valid.push(true);
        let Data::StrList { offsets, items } = &mut self.data else {
            unreachable!("a list for a list column")
        };
        for v in values {
            items.str(Some(v));
        }
        offsets.push(i32::try_from(items.valid.len).expect("chunks stay under 2^31 items"));
    }

    fn len(&self) -> usize {
        self.valid.len
    }

    /// Value `i` as a Python object (None where missing).
    fn value<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        if !self.valid.get(i) {
            return Ok(py.None().into_bound(py));
        }
        match &self.data {
            Data::Str { offsets, bytes } => {
                let (a, b) = (offsets[i] as usize, offsets[i + 1] as usize);
                std::str::from_utf8(&bytes[a..b])
                    .expect("built from str")
                    .into_bound_py_any(py)
            }
            Data::I32(d) if self.kind == Date => {
                (EPOCH + chrono::TimeDelta::days(i64::from(d[i]))).into_bound_py_any(py)
            }
            Data::I32(d) => d[i].into_bound_py_any(py),
            Data::I8(d) => d[i].into_bound_py_any(py),
            Data::F32(d) => d[i].into_bound_py_any(py),
            Data::Bool(d) => d.get(i).into_bound_py_any(py),
            Data::StrList { offsets, items } => {
                let range = offsets[i] as usize..offsets[i + 1] as usize;
                let values = range
                    .map(|j| items.value(py, j))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyList::new(py, values)?.into_any())
            }
        }
    }

    /// `(length, null_count, validity or None, [data buffers], child or None)`: what
    /// `pyarrow.Array.from_buffers` needs.
    fn buffers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        /// Little-endian bytes of the values, as Arrow lays them out.
        fn le<T: Copy, const N: usize>(
            py: Python<'_>,
            values: &[T],
            bytes: impl Fn(T) -> [u8; N],
        ) -> Py<PyAny> {
            let raw: Vec<u8> = values.iter().flat_map(|&v| bytes(v)).collect();
            PyBytes::new(py, &raw).into_any().unbind()
        }
        let validity = (self.valid.zeros > 0).then(|| PyBytes::new(py, &self.valid.bytes));
        let (buffers, child): (Vec<Py<PyAny>>, Option<Bound<'py, PyTuple>>) = match &self.data {
            Data::Str { offsets, bytes } => (
                vec![
                    le(py, offsets, i32::to_le_bytes),
                    PyBytes::new(py, bytes).into_any().unbind(),
                ],
                None,
            ),
            Data::I32(d) => (vec![le(py, d, i32::to_le_bytes)], None),
            Data::I8(d) => (vec![le(py, d, i8::to_le_bytes)], None),
            Data::F32(d) => (vec![le(py, d, f32::to_le_bytes)], None),
            Data::Bool(d) => (vec![PyBytes::new(py, &d.bytes).into_any().unbind()], None),
            Data::StrList { offsets, items } => (
                vec![le(py, offsets, i32::to_le_bytes)],
                Some(items.buffers(py)?),
            ),
        };
        (self.len(), self.valid.zeros, validity, buffers, child).into_pyobject(py)
    }
}

/// Appends one event to the columns of a chunk, in [`COLUMNS`] order.
fn push_row(cols: &mut [Column], e: &EventRecord) {
    let mut col = cols.iter_mut();
    let mut next = || col.next().expect("a column for every value");
    next().str(crate::classes::id_or_none(&e.article_id));
    next().date(record_date(e));
    next().int(Some(e.sentence.index));
    for a in [&e.source, &e.target] {
        let a: Option<&ActorRecord> = a.as_ref();
        next().str(a.map(|a| a.text.as_str()));
        next().int(a.map(|a| a.span[0]));
        next().int(a.map(|a| a.span[1]));
        next().str(a.and_then(|a| a.code.as_deref()));
        next().str(a.and_then(|a| a.country.as_deref()));
        next().str(a.and_then(|a| a.organization.as_deref()));
        next().str(a.and_then(|a| a.sector.map(|s| s.as_str())));
        next().str(a.and_then(|a| a.name.as_deref()));
        next().bool(a.map(|a| a.inferred));
    }
    next().str(Some(&e.cameo.code));
    next().str(Some(&e.cameo.root));
    next().str(Some(&e.cameo.label));
    next().int(Some(usize::from(e.cameo.quad_class)));
    next().float(e.cameo.goldstein);
    next().str(e.plover.event_type.as_deref());
    next().str(e.plover.mode.as_deref());
    next().list(&e.plover.contexts);
    next().str(Some(&e.trigger.text));
    next().int(Some(e.trigger.span[0]));
    next().int(Some(e.trigger.span[1]));
    next().str(Some(&e.rule));
    next().float(e.confidence);
    let l = e.location.as_ref();
    next().str(l.map(|l| l.text.as_str()));
    next().str(l.map(|l| l.name.as_str()));
    next().str(l.and_then(|l| l.country.as_deref()));
    next().str(l.map(|l| l.source.as_str()));
    next().str(e.reported_by.as_deref());
    next().bool(Some(e.negated));
    next().str(Some(e.date_source.as_str()));
    next().int(Some(e.mentions));
    debug_assert!(col.next().is_none(), "a value for every column");
}

fn new_chunk() -> Vec<Column> {
    COLUMNS
        .iter()
        .map(|&(_, kind, _)| Column::new(kind))
        .collect()
}

/// The events of an iterable as chunks of columns, of at most `rows` rows each.
fn chunks(events: &Bound<'_, PyAny>, rows: usize) -> PyResult<Vec<Vec<Column>>> {
    let mut out = vec![new_chunk()];
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
        let cur = out.last_mut().expect("a chunk");
        if cur[0].len() >= rows || cur.iter().any(|c| c.text_bytes() >= CHUNK_BYTES) {
            out.push(new_chunk());
        }
        push_row(out.last_mut().expect("a chunk"), &e.get().0.record);
    }
    Ok(out)
}

/// `{column: [values]}` for an iterable of events (the pandas path).
#[pyfunction]
pub fn _columns<'py>(py: Python<'py>, events: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let chunks = chunks(events, CHUNK_ROWS)?;
    let out = PyDict::new(py);
    for (c, (name, _, _)) in COLUMNS.iter().enumerate() {
        let mut values = Vec::new();
        for chunk in &chunks {
            for i in 0..chunk[c].len() {
                values.push(chunk[c].value(py, i)?);
            }
        }
        out.set_item(name, PyList::new(py, values)?)?;
    }
    Ok(out)
}

/// For each chunk, for each column, its Arrow buffers (see `eventcoder._frames.to_arrow`).
#[pyfunction]
#[pyo3(signature = (events, chunk_rows = 65536))]
pub fn _arrow_chunks<'py>(
    py: Python<'py>,
    events: &Bound<'py, PyAny>,
    chunk_rows: usize,
) -> PyResult<Vec<Vec<Bound<'py, PyTuple>>>> {
    chunks(events, chunk_rows.max(1))?
        .iter()
        .map(|chunk| chunk.iter().map(|c| c.buffers(py)).collect())
        .collect()
}

/// `[(name, Arrow type, nullable)]`, in order.
pub fn column_types() -> Vec<(&'static str, &'static str, bool)> {
    COLUMNS
        .iter()
        .map(|&(name, kind, nullable)| (name, kind.arrow(), nullable))
        .collect()
}
