//! `Coder`, `code_many` and `Results`: coding from Python, in parallel and without the GIL.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use eventcoder::lexicon::petrarch::PetrarchKind;
use eventcoder::{Article, CoderOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyMapping, PyString, PyTuple, PyType};
use rayon::prelude::*;

use crate::arrow::{ArrowBatches, ArrowCoding};
use crate::classes::{Document, Event, Pick, Reduced, call_python, from_json, pick, reduce};
use crate::data::DocData;
use crate::deferred_drop::Handoff;
use crate::errors::to_py;

/// User dictionaries: (name, contents), in merge order.
type Sources = Vec<(String, String)>;

/// PETRARCH/TABARI dictionaries: (kind, name, bytes as read), in the order given.
type PetrarchSources = Vec<(PetrarchKind, String, Vec<u8>)>;

/// Everything a coder's lexicon is compiled from: what pickling carries, so that workers need
/// not see the files.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
struct Dictionaries {
    sources: Sources,
    petrarch: PetrarchSources,
    /// Whether the built-in dictionaries are loaded under the others.
    builtin: bool,
    /// Whether a bad line of a PETRARCH/TABARI file is an error.
    strict: bool,
}

impl Dictionaries {
    /// Only the built-ins: the shared default lexicon.
    fn is_default(&self) -> bool {
        self.sources.is_empty() && self.petrarch.is_empty() && self.builtin
    }
}

/// Coders built from user dictionaries, by their contents: unpickling a coder on a worker (once
/// per task in Spark and Dask) reuses the compiled lexicon instead of rebuilding it.
static COMPILED: OnceLock<Mutex<HashMap<Dictionaries, eventcoder::Coder>>> = OnceLock::new();
/// How many distinct dictionary sets [`COMPILED`] keeps.
const COMPILED_MAX: usize = 16;

fn compiled(dicts: &Dictionaries) -> Result<eventcoder::Coder, eventcoder::Error> {
    if dicts.is_default() {
        return Ok(default_coder().clone());
    }
    let cache = COMPILED.get_or_init(Default::default);
    if let Some(c) = cache.lock().expect("not poisoned").get(dicts) {
        return Ok(c.clone());
    }
    let mut b = eventcoder::Coder::builder();
    if !dicts.builtin {
        b = b.builtin(false);
    }
    if dicts.strict {
        b = b.strict(true);
    }
    for (name, text) in &dicts.sources {
        b = b.dictionary_str(name, text);
    }
    for (kind, name, bytes) in &dicts.petrarch {
        b = b.petrarch_bytes(*kind, name, bytes.clone());
    }
    let coder = b.build()?;
    let mut map = cache.lock().expect("not poisoned");
    if map.len() >= COMPILED_MAX {
        map.clear();
    }
    map.insert(dicts.clone(), coder.clone());
    Ok(coder)
}

/// The PETRARCH/TABARI files of `Coder(...)`'s keywords, read now: the files of `dir` (by
/// their names), then the ones named one by one.
fn read_petrarch(
    dir: Option<&Path>,
    files: &[(PetrarchKind, Option<PathBuf>)],
) -> Result<PetrarchSources, eventcoder::Error> {
    let mut named: Vec<(PetrarchKind, PathBuf)> = match dir {
        Some(d) => eventcoder::lexicon::petrarch::dictionary_files(d)?,
        None => Vec::new(),
    };
    named.extend(
        files
            .iter()
            .filter_map(|(kind, f)| f.clone().map(|f| (*kind, f))),
    );
    named
        .into_iter()
        .map(|(kind, path)| {
            let bytes = eventcoder::lexicon::read_dictionary_bytes(&path)?;
            Ok((kind, path.display().to_string(), bytes))
        })
        .collect()
}

/// The shared default coder of `eventcoder.code` and `eventcoder.parse`.
pub fn default_coder() -> &'static eventcoder::Coder {
    static DEFAULT: OnceLock<eventcoder::Coder> = OnceLock::new();
    DEFAULT.get_or_init(eventcoder::Coder::new)
}

/// A published date from `str`, `datetime.date`, `datetime.datetime` or `None`.
///
/// A string is read by `eventcoder::parse_iso_date`, as the CLI reads `--published` and the
/// `published` field of its records: `YYYY-MM-DD` or an ISO 8601 timestamp, by its date. A
/// blank string means undated, as an empty CSV field does.
pub fn published_of(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = v.cast::<PyString>() {
        let s = s.to_str()?;
        if s.trim().is_empty() {
            return Ok(None);
        }
        return eventcoder::parse_iso_date(s)
            .map(Some)
            .map_err(|e| crate::errors::invalid_date(format!("published: {e}"), s));
    }
    if v.is_instance_of::<pyo3::types::PyDate>() {
        return v
            .extract::<NaiveDate>()
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("published: not a usable date ({e})")));
    }
    Err(PyTypeError::new_err(format!(
        "published must be str, datetime.date, datetime.datetime or None, not {}",
        v.get_type().name()?
    )))
}

pub(crate) fn id_of(v: &Bound<'_, PyAny>, index: usize) -> PyResult<String> {
    if v.is_none() {
        return Ok(index.to_string());
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(s.to_str()?.to_owned());
    }
    if let Ok(i) = v.extract::<i64>() {
        return Ok(i.to_string());
    }
    Err(PyTypeError::new_err(format!(
        "item {index}: id must be str or int, not {}",
        v.get_type().name()?
    )))
}

fn text_of(v: &Bound<'_, PyAny>, index: usize) -> PyResult<String> {
    match v.cast::<PyString>() {
        Ok(s) => Ok(s.to_str()?.to_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "item {index}: text must be str, not {}",
            v.get_type().name()?
        ))),
    }
}

/// Adds the item's position to an error about one of its fields.
pub(crate) fn at_item(index: usize, e: PyErr, py: Python<'_>) -> PyErr {
    let ty = e.get_type(py);
    let msg = format!("item {index}: {}", e.value(py));
    if ty.is(py.get_type::<PyTypeError>()) {
        PyTypeError::new_err(msg)
    } else {
        PyValueError::new_err(msg)
    }
}

/// One input of `code_many` as an article.
fn article_of(item: &Bound<'_, PyAny>, index: usize) -> PyResult<Article> {
    let py = item.py();
    let (id, text, published) = if let Ok(s) = item.cast::<PyString>() {
        (index.to_string(), s.to_str()?.to_owned(), None)
    } else if item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>() {
        let n = item.len()?;
        if !(2..=3).contains(&n) {
            return Err(PyValueError::new_err(format!(
                "item {index}: expected (id, text) or (id, text, published), got {n} fields"
            )));
        }
        let published = if n == 3 {
            published_of(Some(&item.get_item(2)?)).map_err(|e| at_item(index, e, py))?
        } else {
            None
        };
        (
            id_of(&item.get_item(0)?, index)?,
            text_of(&item.get_item(1)?, index)?,
            published,
        )
    } else if let Ok(m) = item.cast::<PyMapping>() {
        let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            if m.contains(key)? {
                Ok(Some(m.get_item(key)?))
            } else {
                Ok(None)
            }
        };
        let text = get("text")?.ok_or_else(|| {
            PyValueError::new_err(format!("item {index}: mapping has no \"text\" key"))
        })?;
        let id = match get("id")? {
            Some(v) => id_of(&v, index)?,
            None => index.to_string(),
        };
        let published =
            published_of(get("published")?.as_ref()).map_err(|e| at_item(index, e, py))?;
        (id, text_of(&text, index)?, published)
    } else {
        return Err(PyTypeError::new_err(format!(
            "item {index}: expected str, (id, text[, published]) or a mapping with \"text\", not {}",
            item.get_type().name()?
        )));
    };
    let mut a = Article::new(id, text);
    a.published = published;
    Ok(a)
}

/// An input that could not be coded.
#[pyclass(module = "eventcoder._eventcoder", frozen, get_all)]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct CodingError {
    /// The item's position in the input.
    pub(crate) index: usize,
    /// The item's id.
    pub(crate) id: String,
    /// Why it could not be coded.
    pub(crate) message: String,
}

#[pymethods]
impl CodingError {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    fn __repr__(&self) -> String {
        format!(
            "CodingError(index={}, id={:?}, message={:?})",
            self.index, self.id, self.message
        )
    }
}

/// The arguments `Results.__reduce__` passes back to `Results._restore`.
type ResultsState = (Vec<Py<Document>>, Vec<CodingError>);

/// The documents of `code_many`, in input order.
#[pyclass(module = "eventcoder._eventcoder", frozen)]
pub struct Results {
    docs: Vec<Py<Document>>,
    errors: Vec<CodingError>,
    /// Where the documents were coded: where they are freed.
    threads: Threads,
}

/// Results with fewer documents than this are freed on the calling thread.
const PARALLEL_DROP: usize = 64;

impl Drop for Results {
    /// Frees the documents that only these results hold on the threads that coded them, in
    /// parallel and without the GIL: their data was allocated on those threads (each event is
    /// some thirty small allocations), and freeing it all on the thread that holds the GIL
    /// would be the largest serial part of `code_many` on many cores.
    fn drop(&mut self) {
        if self.docs.len() < PARALLEL_DROP || self.threads.pool().is_none() {
            return;
        }
        Python::attach(|py| {
            // At interpreter exit, no thread switches: the documents go as any object does.
            let exiting = (py
                .import("sys")
                .and_then(|s| s.call_method0("is_finalizing")))
            .is_ok_and(|f| f.is_truthy().unwrap_or(true));
            if exiting {
                return;
            }
            let docs = std::mem::take(&mut self.docs);
            let mut data = Vec::with_capacity(docs.len());
            for d in docs {
                // The Python handle goes first: a document still referenced from Python keeps
                // its data, and dropping the clone below only counts down.
                data.push(Arc::clone(&d.get().0));
                drop(d);
            }
            py.detach(|| match self.threads.pool() {
                None => drop(data),
                Some(p) => p.install(|| data.into_par_iter().for_each(drop)),
            });
        });
    }
}

#[pymethods]
impl Results {
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        docs: Vec<Py<Document>>,
        errors: Vec<Py<CodingError>>,
    ) -> Results {
        let errors = errors.iter().map(|e| e.get().clone()).collect();
        Results {
            docs,
            errors,
            threads: Threads::One,
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, ResultsState)> {
        let py = slf.py();
        let r = slf.get();
        Ok((
            slf.get_type().getattr("_restore")?,
            (r.documents(py), r.errors.clone()),
        ))
    }
    /// The documents, in input order.
    #[getter]
    fn documents(&self, py: Python<'_>) -> Vec<Py<Document>> {
        self.docs.iter().map(|d| d.clone_ref(py)).collect()
    }
    /// Every event of every document, in input order.
    #[getter]
    fn events(&self) -> Vec<Event> {
        self.docs.iter().flat_map(|d| d.get().events()).collect()
    }
    /// The inputs skipped with on_error="skip".
    #[getter]
    fn errors(&self) -> Vec<CodingError> {
        self.errors.clone()
    }
    /// All events as one pandas.DataFrame (see eventcoder.to_pandas).
    fn to_pandas(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_frames", "to_pandas")
    }
    /// All events as one pyarrow.Table (see eventcoder.to_arrow).
    fn to_arrow(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_frames", "to_arrow")
    }
    /// The notebook view: counts and a table of every event.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_html", "render_results")
    }
    fn __len__(&self) -> usize {
        self.docs.len()
    }
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(match pick(index, self.docs.len())? {
            Pick::One(i) => self.docs[i].clone_ref(py).into_bound(py).into_any(),
            Pick::Many(ix) => {
                PyList::new(py, ix.into_iter().map(|i| self.docs[i].clone_ref(py)))?.into_any()
            }
        })
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.documents(py))?.try_iter()?.into_any())
    }
    fn __repr__(&self) -> String {
        let events: usize = self.docs.iter().map(|d| d.get().0.events.len()).sum();
        format!(
            "Results(documents={}, events={events}, errors={})",
            self.docs.len(),
            self.errors.len()
        )
    }
}

/// Where `code_many` and `code_arrow` code: on the calling thread, or on a pool of `n` threads
/// (`threads=None`: one per core). Not on rayon's global pool: a process forked after using it
/// (multiprocessing, Dask, Spark workers) would wait forever on threads it does not have.
pub(crate) enum Threads {
    One,
    /// A pool, and the process that started it.
    Pool(Arc<rayon::ThreadPool>, u32),
}

/// Thread pools by size, kept for the next call (a new pool would start new threads, whose
/// allocator heaps start cold), and the process that started them.
static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
/// How many pool sizes [`POOLS`] keeps.
const POOLS_MAX: usize = 8;

#[derive(Default)]
struct Pools {
    pid: u32,
    by_size: HashMap<usize, Arc<rayon::ThreadPool>>,
}

impl Threads {
    /// The pool to code on; `None` to code on this thread: with `threads=1`, or in a process
    /// forked from the one that made the pool (its threads are not in this one).
    pub(crate) fn pool(&self) -> Option<&rayon::ThreadPool> {
        match self {
            Threads::Pool(p, pid) if *pid == std::process::id() => Some(p),
            _ => None,
        }
    }

    /// `threads=`: `None` every core, else at least 1.
    pub(crate) fn of(threads: Option<usize>) -> PyResult<Threads> {
        let n = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        if n == 1 {
            return Ok(Threads::One);
        }
        // Locked only with the GIL held, so never held by another thread when Python forks.
        let mut pools = POOLS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let pid = std::process::id();
        if pools.pid != pid {
            // Forked: the pools' threads stayed in the parent. Their handles are leaked, not
            // dropped: dropping would signal threads that are not there.
            #[allow(clippy::mem_forget, reason = "the threads are the parent's")]
            std::mem::forget(std::mem::take(&mut pools.by_size));
            pools.pid = pid;
        }
        if let Some(p) = pools.by_size.get(&n) {
            return Ok(Threads::Pool(p.clone(), pid));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let pool = Arc::new(pool);
        if pools.by_size.len() >= POOLS_MAX {
            pools.by_size.clear();
        }
        pools.by_size.insert(n, pool.clone());
        Ok(Threads::Pool(pool, pid))
    }
}

/// `on_error=`: whether to skip articles that cannot be coded.
pub(crate) fn skip_of(on_error: &str) -> PyResult<bool> {
    match on_error {
        "raise" => Ok(false),
        "skip" => Ok(true),
        other => Err(PyValueError::new_err(format!(
            "on_error must be \"raise\" or \"skip\", not {other:?}"
        ))),
    }
}

/// The error of an article that could not be coded, naming its position and id.
pub(crate) fn item_error(py: Python<'_>, index: usize, id: &str, e: eventcoder::Error) -> PyErr {
    let err = to_py(e);
    let msg = format!("item {index} (id {id:?}): {}", err.value(py));
    PyErr::from_type(err.get_type(py), msg)
}

/// The arguments `Coder.__reduce__` passes back to `Coder._from_state`.
type CoderState = (Sources, bool, bool, f32);

/// Codes articles; cheap to build, thread-safe, picklable.
#[pyclass(module = "eventcoder._eventcoder", frozen)]
pub struct Coder {
    coder: eventcoder::Coder,
    dicts: Dictionaries,
}

impl Coder {
    /// The coder of these dictionaries and options: what `Coder(...)` reads and what pickling
    /// carries.
    fn build(dicts: Dictionaries, options: CoderOptions) -> PyResult<Coder> {
        // The core checks the options (min_confidence from 0 to 1), before any dictionary is
        // compiled: an InvalidInputError, as the CLI refuses the same values.
        options.validate().map_err(to_py)?;
        let coder = compiled(&dicts)
            .and_then(|c| c.with_options(options))
            .map_err(to_py)?;
        Ok(Coder { coder, dicts })
    }

    /// The options and user dictionaries, as pickles have always carried them.
    fn state(&self) -> CoderState {
        let o = self.coder.options();
        (
            self.dicts.sources.clone(),
            o.require_dyad,
            o.keep_negated,
            o.min_confidence,
        )
    }
}

/// Codes an article off the GIL (as HTML with `html`).
fn parse_with(
    coder: &eventcoder::Coder,
    py: Python<'_>,
    article: Article,
    html: bool,
) -> PyResult<Document> {
    py.detach(|| code_data(coder, article, html))
        .map(|d| Document(Handoff::new(d)))
        .map_err(to_py)
}

/// Codes an article (as HTML with `html`: spans then point into the HTML).
fn code_data(
    coder: &eventcoder::Coder,
    article: Article,
    html: bool,
) -> Result<DocData, eventcoder::Error> {
    let doc = if html {
        coder.code_html(&article)?
    } else {
        coder.code(&article)?
    };
    let mut data = DocData::new(doc, article.text);
    data.html = html;
    Ok(data)
}

/// An article of `parse` and `code`: without an id (`None`), its id is empty, which Python
/// shows as `None`.
fn article(
    text: &str,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&str>,
) -> PyResult<Article> {
    let mut a = Article::new(id.unwrap_or(""), text);
    a.published = published_of(published)?;
    Ok(a)
}

#[pymethods]
impl Coder {
    #[new]
    #[pyo3(signature = (
        dictionaries = None,
        *,
        require_dyad = false,
        keep_negated = false,
        min_confidence = 0.0,
        petrarch_dir = None,
        petrarch_verbs = None,
        petrarch_actors = None,
        petrarch_agents = None,
        petrarch_discards = None,
        petrarch_issues = None,
        builtin = true,
        petrarch_strict = false,
    ))]
    #[allow(clippy::too_many_arguments, reason = "the Python signature's keywords")]
    fn new(
        dictionaries: Option<Vec<PathBuf>>,
        require_dyad: bool,
        keep_negated: bool,
        min_confidence: f32,
        petrarch_dir: Option<PathBuf>,
        petrarch_verbs: Option<PathBuf>,
        petrarch_actors: Option<Vec<PathBuf>>,
        petrarch_agents: Option<PathBuf>,
        petrarch_discards: Option<PathBuf>,
        petrarch_issues: Option<PathBuf>,
        builtin: bool,
        petrarch_strict: bool,
    ) -> PyResult<Coder> {
        let dictionaries = dictionaries.unwrap_or_default();
        let mut sources = Vec::with_capacity(dictionaries.len());
        for path in &dictionaries {
            // At most MAX_DICTIONARY_BYTES, valid UTF-8 (else an error naming line and column).
            let text = eventcoder::lexicon::read_dictionary(path).map_err(to_py)?;
            sources.push((path.display().to_string(), text));
        }
        let mut files = vec![(PetrarchKind::Verbs, petrarch_verbs)];
        files.extend(
            petrarch_actors
                .unwrap_or_default()
                .into_iter()
                .map(|f| (PetrarchKind::Actors, Some(f))),
        );
        files.extend([
            (PetrarchKind::Agents, petrarch_agents),
            (PetrarchKind::Discards, petrarch_discards),
            (PetrarchKind::Issues, petrarch_issues),
        ]);
        let petrarch = read_petrarch(petrarch_dir.as_deref(), &files).map_err(to_py)?;
        if !builtin && sources.is_empty() && petrarch.is_empty() {
            return Err(crate::errors::InvalidInputError::new_err(
                "builtin=False leaves no dictionary: give petrarch_dir=, petrarch_verbs=, \
                 petrarch_actors=, ... or dictionaries=",
            ));
        }
        let dicts = Dictionaries {
            sources,
            petrarch,
            builtin,
            strict: petrarch_strict,
        };
        Coder::build(
            dicts,
            CoderOptions {
                require_dyad,
                keep_negated,
                min_confidence,
                ..Default::default()
            },
        )
    }

    /// Rebuilds a pickled coder: the options and user dictionaries, then (from pickles that
    /// have them) the PETRARCH/TABARI dictionaries as (kind, name, bytes), `builtin` and
    /// `petrarch_strict`.
    #[classmethod]
    #[pyo3(signature = (state, petrarch = Vec::new(), builtin = true, strict = false))]
    fn _from_state(
        _cls: &Bound<'_, PyType>,
        state: CoderState,
        petrarch: Vec<(String, String, Bound<'_, PyBytes>)>,
        builtin: bool,
        strict: bool,
    ) -> PyResult<Coder> {
        let (sources, require_dyad, keep_negated, min_confidence) = state;
        let petrarch = petrarch
            .into_iter()
            .map(|(kind, name, bytes)| {
                let kind = PetrarchKind::from_name(&kind).ok_or_else(|| {
                    PyValueError::new_err(format!("invalid pickled Coder: kind {kind:?}"))
                })?;
                Ok((kind, name, bytes.as_bytes().to_vec()))
            })
            .collect::<PyResult<_>>()?;
        let dicts = Dictionaries {
            sources,
            petrarch,
            builtin,
            strict,
        };
        Coder::build(
            dicts,
            CoderOptions {
                require_dyad,
                keep_negated,
                min_confidence,
                ..Default::default()
            },
        )
    }

    #[allow(clippy::type_complexity, reason = "the pickle protocol's tuple")]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (
            CoderState,
            Vec<(&'static str, String, Bound<'py, PyBytes>)>,
            bool,
            bool,
        ),
    )> {
        let py = slf.py();
        let c = slf.get();
        let petrarch = c
            .dicts
            .petrarch
            .iter()
            .map(|(kind, name, bytes)| (kind.as_str(), name.clone(), PyBytes::new(py, bytes)))
            .collect();
        Ok((
            slf.get_type().getattr("_from_state")?,
            (c.state(), petrarch, c.dicts.builtin, c.dicts.strict),
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Coder>().is_ok_and(|o| {
            let o = o.get();
            o.state() == self.state() && o.dicts == self.dicts
        })
    }

    /// The names of the user dictionaries, in merge order.
    #[getter]
    fn dictionaries(&self) -> Vec<String> {
        self.dicts.sources.iter().map(|(n, _)| n.clone()).collect()
    }
    /// Whether the built-in dictionaries are used (False: only the ones given).
    #[getter]
    fn builtin(&self) -> bool {
        self.dicts.builtin
    }
    /// What loading the PETRARCH/TABARI dictionaries gave (files, entries read and skipped,
    /// warnings by kind); None without them.
    #[getter]
    fn load_summary(&self) -> Option<crate::classes::LoadSummary> {
        self.coder
            .lexicon()
            .petrarch_summary()
            .map(crate::classes::LoadSummary::of)
    }
    /// Whether only events with a target are kept.
    #[getter]
    fn require_dyad(&self) -> bool {
        self.coder.options().require_dyad
    }
    /// Whether negated events are kept (marked negated).
    #[getter]
    fn keep_negated(&self) -> bool {
        self.coder.options().keep_negated
    }
    /// Events below this confidence are dropped.
    #[getter]
    fn min_confidence(&self) -> f64 {
        crate::classes::shortest(self.coder.options().min_confidence)
    }

    /// Codes one article into a Document.
    ///
    /// With html=True the text is HTML: its visible text is coded (scripts, styles and the head
    /// skipped, block elements as paragraphs, character references decoded) and every offset
    /// is a string index into the HTML, so text[start:end] is the source markup.
    /// `published` is a "YYYY-MM-DD" string (or an ISO 8601 timestamp, by its date), a
    /// datetime.date or datetime.datetime, or None.
    /// `id` names the article (its events' article_id); without one it is None.
    #[pyo3(signature = (text, published = None, id = None, *, html = false))]
    fn parse(
        &self,
        py: Python<'_>,
        text: &str,
        published: Option<&Bound<'_, PyAny>>,
        id: Option<&str>,
        html: bool,
    ) -> PyResult<Document> {
        parse_with(&self.coder, py, article(text, published, id)?, html)
    }

    /// Codes one article; its events (see parse).
    #[pyo3(signature = (text, published = None, id = None, *, html = false))]
    fn code(
        &self,
        py: Python<'_>,
        text: &str,
        published: Option<&Bound<'_, PyAny>>,
        id: Option<&str>,
        html: bool,
    ) -> PyResult<Vec<Event>> {
        Ok(parse_with(&self.coder, py, article(text, published, id)?, html)?.events())
    }

    /// Codes many articles in parallel on Rust threads, without the GIL; a Results.
    ///
    /// Items are str, (id, text), (id, text, published) or mappings with "text" and optional
    /// "id" and "published". threads=None uses every core; progress=True shows a tqdm bar;
    /// on_error="skip" leaves out articles that cannot be coded and lists them in
    /// Results.errors (malformed items always raise). html=True reads every text as HTML
    /// (see parse).
    #[pyo3(signature = (items, threads = None, progress = false, on_error = "raise", chunk_size = 256, *, html = false))]
    #[allow(clippy::too_many_arguments, reason = "the Python signature's keywords")]
    fn code_many(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        threads: Option<usize>,
        progress: bool,
        on_error: &str,
        chunk_size: usize,
        html: bool,
    ) -> PyResult<Results> {
        let skip = skip_of(on_error)?;
        if chunk_size == 0 {
            return Err(PyValueError::new_err("chunk_size must be at least 1"));
        }
        let threads = Threads::of(threads)?;
        let total = items.len().ok();
        let bar = progress_bar(py, progress, total)?;
        let result = self.code_chunks(py, items, threads, chunk_size, skip, html, bar.as_ref());
        if let Some(b) = &bar {
            b.call_method0(py, "close")?;
        }
        result
    }

    /// Codes many articles in parallel on Rust threads, without the GIL, into a pyarrow.Table
    /// of their events: the columns of eventcoder.to_arrow, built in Rust, with no Python
    /// object per event.
    ///
    /// texts, ids and published are Arrow arrays (pyarrow, or anything with
    /// __arrow_c_array__ / __arrow_c_stream__) or Python iterables of the same length. A
    /// missing text codes as empty; without ids (or for a missing one) an article's id is its
    /// position; published as in code_many. Equal to to_arrow(code_many(zip(ids, texts,
    /// published))). batch_size articles are coded at a time; on_error and html as in
    /// code_many.
    #[pyo3(signature = (texts, ids = None, published = None, *, threads = None, batch_size = 1024, on_error = "raise", html = false))]
    #[allow(clippy::too_many_arguments, reason = "the Python signature's keywords")]
    fn code_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        published: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        batch_size: usize,
        on_error: &str,
        html: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut coding =
            self.arrow_coding(texts, ids, published, threads, batch_size, on_error, html)?;
        let mut batches = Vec::new();
        while let Some(b) = coding.next_batch(py)? {
            batches.push(b);
        }
        crate::columns::pyarrow_table(py, batches)
    }

    /// As code_arrow, but an iterator of pyarrow.RecordBatch, each the events of up to
    /// batch_size articles, coded as it is read: for inputs too large to code at once.
    #[pyo3(signature = (texts, ids = None, published = None, *, threads = None, batch_size = 1024, on_error = "raise", html = false))]
    #[allow(clippy::too_many_arguments, reason = "the Python signature's keywords")]
    fn code_arrow_batches(
        &self,
        texts: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        published: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        batch_size: usize,
        on_error: &str,
        html: bool,
    ) -> PyResult<ArrowBatches> {
        let coding =
            self.arrow_coding(texts, ids, published, threads, batch_size, on_error, html)?;
        Ok(ArrowBatches::new(coding))
    }

    fn __repr__(&self) -> String {
        let o = self.coder.options();
        let py_bool = |b: bool| if b { "True" } else { "False" };
        let mut petrarch = String::new();
        if !self.dicts.petrarch.is_empty() {
            let names: Vec<&str> = self.dicts.petrarch.iter().map(|p| p.1.as_str()).collect();
            petrarch = format!(", petrarch={names:?}");
        }
        if !self.dicts.builtin {
            petrarch.push_str(", builtin=False");
        }
        format!(
            "Coder(dictionaries={:?}{petrarch}, require_dyad={}, keep_negated={}, min_confidence={})",
            self.dictionaries(),
            py_bool(o.require_dyad),
            py_bool(o.keep_negated),
            o.min_confidence
        )
    }
}

/// A progress bar: tqdm's, when asked for and installed.
fn progress_bar(py: Python<'_>, wanted: bool, total: Option<usize>) -> PyResult<Option<Py<PyAny>>> {
    if !wanted {
        return Ok(None);
    }
    match py.import("tqdm.auto") {
        Ok(m) => {
            let kw = PyDict::new(py);
            kw.set_item("total", total)?;
            kw.set_item("unit", "doc")?;
            kw.set_item("desc", "coding")?;
            let bar = m.getattr("tqdm")?.call((), Some(&kw))?;
            Ok(Some(bar.unbind()))
        }
        Err(_) => {
            py.import("warnings")?.call_method1(
                "warn",
                ("progress=True needs tqdm (pip install tqdm); coding without a progress bar",),
            )?;
            Ok(None)
        }
    }
}

impl Coder {
    #[allow(clippy::too_many_arguments, reason = "code_arrow's options, passed on")]
    fn arrow_coding(
        &self,
        texts: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        published: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        batch_size: usize,
        on_error: &str,
        html: bool,
    ) -> PyResult<ArrowCoding> {
        let options = crate::arrow::Options {
            threads: Threads::of(threads)?,
            batch_size,
            skip: skip_of(on_error)?,
            html,
        };
        ArrowCoding::new(self.coder.clone(), texts, ids, published, options)
    }

    #[allow(clippy::too_many_arguments, reason = "code_many's options, passed on")]
    fn code_chunks(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        threads: Threads,
        chunk_size: usize,
        skip: bool,
        html: bool,
        bar: Option<&Py<PyAny>>,
    ) -> PyResult<Results> {
        let mut out = Collected {
            docs: Vec::new(),
            errors: Vec::new(),
            skip,
        };
        let iter = items.try_iter()?;
        let mut index = 0usize;
        let code = |(i, a): (usize, Article)| {
            let id = a.id.clone();
            (i, id, code_data(&self.coder, a, html))
        };
        let mut chunk = read_chunk(&iter, chunk_size, &mut index)?;
        // Read a chunk (with the GIL), code it (without), keep it (with), in turn. (Overlapping
        // the reading and keeping with the coding of the next chunk was tried: on 2 cores it
        // gained nothing measurable, the GIL-bound part being small beside the coding.)
        while !chunk.is_empty() {
            let n = chunk.len();
            let coded = py.detach(|| match threads.pool() {
                None => chunk.into_iter().map(code).collect::<Vec<_>>(),
                Some(p) => p.install(|| chunk.into_par_iter().map(code).collect()),
            });
            out.keep(py, coded, bar, n)?;
            chunk = read_chunk(&iter, chunk_size, &mut index)?;
        }
        Ok(Results {
            docs: out.docs,
            errors: out.errors,
            threads,
        })
    }
}

/// One coded article of `code_many`: its index, its id and the result.
type Coded = (usize, String, Result<DocData, eventcoder::Error>);

/// The documents and errors `code_many` has kept so far.
struct Collected {
    docs: Vec<Py<Document>>,
    errors: Vec<CodingError>,
    /// `on_error="skip"`: an article that fails is an error entry, not an exception.
    skip: bool,
}

impl Collected {
    /// Keeps a coded chunk of `n` articles, in order; then moves the progress bar and lets
    /// Ctrl-C through.
    fn keep(
        &mut self,
        py: Python<'_>,
        coded: Vec<Coded>,
        bar: Option<&Py<PyAny>>,
        n: usize,
    ) -> PyResult<()> {
        for (i, id, r) in coded {
            match r {
                Ok(d) => self.docs.push(Py::new(py, Document(Handoff::new(d)))?),
                Err(e) if self.skip => self.errors.push(CodingError {
                    index: i,
                    id,
                    message: e.to_string(),
                }),
                Err(e) => return Err(item_error(py, i, &id, e)),
            }
        }
        if let Some(b) = bar {
            b.call_method1(py, "update", (n,))?;
        }
        py.check_signals()
    }
}

/// The next `chunk_size` articles of `iter` (fewer at its end, none after it), numbered from
/// `*index` on.
fn read_chunk(
    iter: &Bound<'_, pyo3::types::PyIterator>,
    chunk_size: usize,
    index: &mut usize,
) -> PyResult<Vec<(usize, Article)>> {
    let mut chunk = Vec::with_capacity(chunk_size);
    for item in iter.clone().take(chunk_size) {
        chunk.push((*index, article_of(&item?, *index)?));
        *index += 1;
    }
    Ok(chunk)
}

/// Codes one article with the shared default coder; its events.
#[pyfunction]
#[pyo3(signature = (text, published = None, id = None, *, html = false))]
pub fn code(
    py: Python<'_>,
    text: &str,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&str>,
    html: bool,
) -> PyResult<Vec<Event>> {
    Ok(parse(py, text, published, id, html)?.events())
}

/// Codes one article with the shared default coder.
#[pyfunction]
#[pyo3(signature = (text, published = None, id = None, *, html = false))]
pub fn parse(
    py: Python<'_>,
    text: &str,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&str>,
    html: bool,
) -> PyResult<Document> {
    parse_with(default_coder(), py, article(text, published, id)?, html)
}
