//! Events as columns: the flat table behind `to_pandas`, `to_arrow` and the Spark and Dask
//! helpers. `eventcoder._frames` gives each column its type; the names are one list here.

use eventcoder::output::{ActorRecord, EventRecord};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::classes::Event;

/// The columns, in order. One row per event.
pub const COLUMNS: [&str; 42] = [
    "article_id",
    "date",
    "sentence_index",
    "source_text",
    "source_start",
    "source_end",
    "source_code",
    "source_country",
    "source_organization",
    "source_sector",
    "source_name",
    "source_inferred",
    "target_text",
    "target_start",
    "target_end",
    "target_code",
    "target_country",
    "target_organization",
    "target_sector",
    "target_name",
    "target_inferred",
    "cameo_code",
    "cameo_root",
    "cameo_label",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "plover_contexts",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
    "location_text",
    "location_name",
    "location_country",
    "location_source",
    "reported_by",
    "negated",
    "date_source",
    "mentions",
];

fn row<'py>(py: Python<'py>, e: &EventRecord, out: &mut [Vec<Bound<'py, PyAny>>]) -> PyResult<()> {
    let mut col = out.iter_mut();
    let mut put = |v: Bound<'py, PyAny>| {
        col.next().expect("one value per column").push(v);
    };
    let date: Option<chrono::NaiveDate> = e.date.as_deref().and_then(|d| d.parse().ok());
    put(e.article_id.as_str().into_bound_py_any(py)?);
    put(date.into_bound_py_any(py)?);
    put(e.sentence.index.into_bound_py_any(py)?);
    for a in [&e.source, &e.target] {
        let a: Option<&ActorRecord> = a.as_ref();
        put(a.map(|a| a.text.as_str()).into_bound_py_any(py)?);
        put(a.map(|a| a.span[0]).into_bound_py_any(py)?);
        put(a.map(|a| a.span[1]).into_bound_py_any(py)?);
        put(a.map(|a| a.code.as_str()).into_bound_py_any(py)?);
        put(a.and_then(|a| a.country.as_deref()).into_bound_py_any(py)?);
        put(a
            .and_then(|a| a.organization.as_deref())
            .into_bound_py_any(py)?);
        put(a.and_then(|a| a.sector.as_deref()).into_bound_py_any(py)?);
        put(a.and_then(|a| a.name.as_deref()).into_bound_py_any(py)?);
        put(a.map(|a| a.inferred).into_bound_py_any(py)?);
    }
    put(e.cameo.code.as_str().into_bound_py_any(py)?);
    put(e.cameo.root.as_str().into_bound_py_any(py)?);
    put(e.cameo.label.as_str().into_bound_py_any(py)?);
    put(e.cameo.quad_class.into_bound_py_any(py)?);
    put(e.cameo.goldstein.into_bound_py_any(py)?);
    put(e.plover.event_type.as_deref().into_bound_py_any(py)?);
    put(e.plover.mode.as_deref().into_bound_py_any(py)?);
    put(PyList::new(py, &e.plover.contexts)?.into_any());
    put(e.trigger.text.as_str().into_bound_py_any(py)?);
    put(e.trigger.span[0].into_bound_py_any(py)?);
    put(e.trigger.span[1].into_bound_py_any(py)?);
    put(e.rule.as_str().into_bound_py_any(py)?);
    put(e.confidence.into_bound_py_any(py)?);
    let l = e.location.as_ref();
    put(l.map(|l| l.text.as_str()).into_bound_py_any(py)?);
    put(l.map(|l| l.name.as_str()).into_bound_py_any(py)?);
    put(l.and_then(|l| l.country.as_deref()).into_bound_py_any(py)?);
    put(l.map(|l| l.source.as_str()).into_bound_py_any(py)?);
    put(e.reported_by.as_deref().into_bound_py_any(py)?);
    put(e.negated.into_bound_py_any(py)?);
    put(e.date_source.as_str().into_bound_py_any(py)?);
    put(e.mentions.into_bound_py_any(py)?);
    debug_assert!(col.next().is_none(), "a value for every column");
    Ok(())
}

/// `{column: [values]}` for an iterable of events.
#[pyfunction]
pub fn _columns<'py>(py: Python<'py>, events: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let mut cols: Vec<Vec<Bound<'py, PyAny>>> = vec![Vec::new(); COLUMNS.len()];
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
        row(py, &e.get().0.record, &mut cols)?;
    }
    let out = PyDict::new(py);
    for (name, values) in COLUMNS.iter().zip(cols) {
        out.set_item(name, PyList::new(py, values)?)?;
    }
    Ok(out)
}
