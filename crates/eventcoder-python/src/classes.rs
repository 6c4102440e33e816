//! The Python classes of coded output: thin, immutable handles onto [`crate::data`].
//!
//! Every span is a pair of string indices. Events and documents pickle as JSON of their data.

use crate::deferred_drop::Handoff;

use chrono::NaiveDate;
use eventcoder::output::{
    ActorRecord, CameoRecord, CharIndex, EventRecord, IssueRecord, LocationRecord, PloverRecord,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice, PyType};

use crate::data::{
    DateData, DatelineData, DiscardData, DocData, EventData, MentionData, SentenceData, record_date,
};

/// The Python float of an `f32` as the JSON output writes it: its shortest decimal form
/// (`0.9`, not `0.8999999761581421`), so `repr` and `==` agree with `to_dict()` and the CLI.
pub fn shortest(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// An article id as Python sees it: `None` for an article coded without one (an empty id).
pub fn id_or_none(id: &str) -> Option<&str> {
    Some(id).filter(|id| !id.is_empty())
}

/// One event record as a JSON line: the CLI's record, with `"article_id": null` for an article
/// coded without an id.
pub fn record_json(record: &EventRecord) -> String {
    let json = serde_json::to_string(record).expect("serializable");
    // `article_id` is the record's first field.
    const NO_ID: &str = r#"{"article_id":"""#;
    match json.strip_prefix(NO_ID) {
        Some(rest) if record.article_id.is_empty() => format!(r#"{{"article_id":null{rest}"#),
        _ => json,
    }
}

fn pair(s: [usize; 2]) -> (usize, usize) {
    (s[0], s[1])
}

/// An optional string as Python writes it: `'KAZ'` or `None`.
fn py_opt(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

/// `json.loads(text)`: plain Python data of a serializable value.
fn plain<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// `json.loads(text)`.
fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// What `__reduce__` returns: `(Class._from_json, (json,))`.
pub type Reduced<'py> = (Bound<'py, PyAny>, (String,));

/// Pickles a frozen class as the JSON of its data.
pub fn reduce<'py, T>(slf: &Bound<'py, T>) -> PyResult<Reduced<'py>>
where
    T: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync + serde::Serialize,
{
    let json =
        serde_json::to_string(slf.get()).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok((slf.as_any().get_type().getattr("_from_json")?, (json,)))
}

/// Unpickles what [`reduce`] wrote.
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| {
        PyValueError::new_err(format!(
            "invalid pickled {}: {e}",
            std::any::type_name::<T>()
        ))
    })
}

/// Calls `eventcoder.<module>.<function>(obj)`: the notebook view (`_html`) and the tables
/// (`_frames`) are written in Python.
pub fn call_python(obj: &Bound<'_, PyAny>, module: &str, function: &str) -> PyResult<Py<PyAny>> {
    Ok(obj
        .py()
        .import(format!("eventcoder.{module}"))?
        .call_method1(function, (obj,))?
        .unbind())
}

/// One token: text, span (string indices), kind and normalized form.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct Token {
    /// The token as written.
    text: String,
    /// String indices of the token.
    span: (usize, usize),
    /// One of: word, number, punct, quote, possessive, symbol, url, handle, hashtag.
    kind: String,
    /// The normalized form (straight quotes, ASCII dashes); case is kept.
    norm: String,
}

/// The constructor arguments of [`Token`], for pickling.
type TokenArgs = (String, (usize, usize), String, String);

#[pymethods]
impl Token {
    #[new]
    fn new(text: String, span: (usize, usize), kind: String, norm: String) -> Self {
        Token {
            text,
            span,
            kind,
            norm,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Token({:?}, span=({}, {}), kind={:?})",
            self.text, self.span.0, self.span.1, self.kind
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, TokenArgs)> {
        let t = slf.get();
        Ok((
            slf.get_type().into_any(),
            (t.text.clone(), t.span, t.kind.clone(), t.norm.clone()),
        ))
    }
}

/// The tokens of `text` from byte offset `from`, with string-index spans.
pub fn tokens_of(text: &str, from: usize) -> Vec<Token> {
    let mut offsets = CharIndex::new(text);
    eventcoder::text::tokenize(text)
        .skip_while(|t| t.start() < from)
        .map(|t| Token {
            text: t.text(text).to_owned(),
            span: pair(offsets.span(t.span())),
            kind: t.kind().as_str().to_owned(),
            norm: t.norm(text).into_owned(),
        })
        .collect()
}

/// The tokens of the visible text of `html` whose source starts at `from` or later, with spans
/// in code points of the HTML.
pub fn tokens_of_html(html: &str, from: usize) -> Vec<Token> {
    let visible = eventcoder::HtmlText::from_html(html);
    let mut offsets = CharIndex::new(html);
    eventcoder::text::tokenize(&visible.text)
        .map(|t| (visible.original_span(t.span()), t))
        .skip_while(|(span, _)| span.start < from)
        .map(|(span, t)| Token {
            text: t.text(&visible.text).to_owned(),
            span: pair(offsets.span(span)),
            kind: t.kind().as_str().to_owned(),
            norm: t.norm(&visible.text).into_owned(),
        })
        .collect()
}

/// One party to an event.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Actor(pub ActorRecord);

#[pymethods]
impl Actor {
    /// The mention as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// String indices of the mention: `text[span[0]:span[1]] == actor.text`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        pair(self.0.span)
    }
    /// ISO 3166-1 alpha-3 code of the actor's state.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.0.country.as_deref()
    }
    /// Organization code (EU, UN, NATO, ...).
    #[getter]
    fn organization(&self) -> Option<&str> {
        self.0.organization.as_deref()
    }
    /// Sector: GOV, MIL, COP, REB, CVL, ...
    #[getter]
    fn sector(&self) -> Option<&str> {
        self.0.sector.map(|s| s.as_str())
    }
    /// The person's name, when the mention names one.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// The CAMEO actor code ("TJKGOV", "IGOEUREEC"); None when unresolved (an unknown name).
    #[getter]
    fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }
    /// Whether the state was inferred (from a place, the dateline or an earlier mention).
    #[getter]
    fn inferred(&self) -> bool {
        self.0.inferred
    }
    /// The actor as plain data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        plain(py, &self.0)
    }
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    fn __repr__(&self) -> String {
        let a = &self.0;
        let mut s = format!("Actor({:?}, code={}", a.text, py_opt(a.code.as_deref()));
        if let Some(n) = &a.name {
            s += &format!(", name={n:?}");
        }
        s + &format!(", span=({}, {}))", a.span[0], a.span[1])
    }
}

/// The CAMEO coding of an event.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Cameo(CameoRecord);

#[pymethods]
impl Cameo {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// The event code ("042").
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }
    /// Its root ("04").
    #[getter]
    fn root(&self) -> &str {
        &self.0.root
    }
    /// The codebook label.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[getter]
    fn quad_class(&self) -> u8 {
        self.0.quad_class
    }
    /// The Goldstein score, -10 to 10 (as written in the JSON: -2.0, 3.4).
    #[getter]
    fn goldstein(&self) -> f64 {
        shortest(self.0.goldstein)
    }
    fn __repr__(&self) -> String {
        let c = &self.0;
        format!(
            "Cameo({:?}, {:?}, quad_class={}, goldstein={:?})",
            c.code,
            c.label,
            c.quad_class,
            shortest(c.goldstein)
        )
    }
}

/// The PLOVER coding of an event.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Plover(PloverRecord);

#[pymethods]
impl Plover {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// The event type ("CONSULT"); None for CAMEO 01x statements.
    #[getter]
    fn r#type(&self) -> Option<&str> {
        self.0.event_type.as_deref()
    }
    /// The PLOVER mode, if any.
    #[getter]
    fn mode(&self) -> Option<&str> {
        self.0.mode.as_deref()
    }
    /// Contexts from the CAMEO code, the sentence and the article.
    #[getter]
    fn contexts(&self) -> Vec<String> {
        self.0.contexts.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "Plover({}, mode={}, contexts={:?})",
            py_opt(self.0.event_type.as_deref()),
            py_opt(self.0.mode.as_deref()),
            self.0.contexts
        )
    }
}

/// Where an event happened.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Location(LocationRecord);

#[pymethods]
impl Location {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// The place as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// String indices of the place.
    #[getter]
    fn span(&self) -> (usize, usize) {
        pair(self.0.span)
    }
    /// The canonical place name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// ISO3 code of the place's state.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.0.country.as_deref()
    }
    /// "sentence" or "dateline".
    #[getter]
    fn source(&self) -> &str {
        self.0.source.as_str()
    }
    fn __repr__(&self) -> String {
        format!(
            "Location({:?}, country={}, source={:?})",
            self.0.name,
            py_opt(self.0.country.as_deref()),
            self.0.source.as_str()
        )
    }
}

/// An issue of a PETRARCH issues file in a sentence of an event (`Event.issues`; the JSON
/// record's `issues`).
#[pyclass(module = "eventcoder._eventcoder", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Issue(IssueRecord);

#[pymethods]
impl Issue {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// The issue's code ("REFUGEES").
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }
    /// Its category: the `<ISSUE CATEGORY=...>` block it is in ("MIGRATION").
    #[getter]
    fn category(&self) -> &str {
        &self.0.category
    }
    /// The phrase as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// String indices of the phrase.
    #[getter]
    fn span(&self) -> (usize, usize) {
        pair(self.0.span)
    }
    /// 0-based index of its sentence.
    #[getter]
    fn sentence_index(&self) -> usize {
        self.0.sentence
    }
    fn __repr__(&self) -> String {
        format!(
            "Issue({:?}, category={:?}, text={:?}, span=({}, {}))",
            self.0.code, self.0.category, self.0.text, self.0.span[0], self.0.span[1]
        )
    }
}

/// What one PETRARCH/TABARI file gave (Rust's `eventcoder::lexicon::petrarch::FileSummary`).
#[pyclass(module = "eventcoder._eventcoder", frozen, eq, get_all)]
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileSummary {
    /// The file's name, as given.
    name: String,
    /// Its kind: verbs, actors, agents, discards or issues.
    kind: String,
    /// Entries read: actors, agents, verbs and patterns, discard and issue phrases.
    entries: usize,
    /// Bad lines skipped.
    skipped: usize,
}

#[pymethods]
impl FileSummary {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    fn __repr__(&self) -> String {
        format!(
            "FileSummary({:?}, kind={:?}, entries={}, skipped={})",
            self.name, self.kind, self.entries, self.skipped
        )
    }
}

/// What loading the PETRARCH/TABARI dictionaries gave (Rust's
/// `eventcoder::lexicon::petrarch::LoadSummary`): the files, entries read and skipped, and
/// warnings by kind. `str()` is the one line the command line prints.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LoadSummary {
    files: Vec<FileSummary>,
    warnings: std::collections::BTreeMap<String, usize>,
    line: String,
}

impl LoadSummary {
    /// The Python view of the core's summary.
    pub fn of(s: &eventcoder::lexicon::petrarch::LoadSummary) -> LoadSummary {
        LoadSummary {
            files: s
                .files
                .iter()
                .map(|f| FileSummary {
                    name: f.name.clone(),
                    kind: f.kind.as_str().to_owned(),
                    entries: f.entries,
                    skipped: f.skipped,
                })
                .collect(),
            warnings: s
                .warnings
                .iter()
                .map(|(k, n)| ((*k).to_owned(), *n))
                .collect(),
            line: s.to_string(),
        }
    }
}

#[pymethods]
impl LoadSummary {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// Each file, in load order (actors, agents, verbs, discards, issues).
    #[getter]
    fn files(&self) -> Vec<FileSummary> {
        self.files.clone()
    }
    /// Entries read, over every file.
    #[getter]
    fn entries(&self) -> usize {
        self.files.iter().map(|f| f.entries).sum()
    }
    /// Bad lines skipped, over every file.
    #[getter]
    fn skipped(&self) -> usize {
        self.files.iter().map(|f| f.skipped).sum()
    }
    /// Warnings by kind ("bad_line", "duplicate_pattern", ...); kinds with none left out.
    #[getter]
    fn warnings(&self) -> std::collections::BTreeMap<String, usize> {
        self.warnings.clone()
    }
    fn __str__(&self) -> &str {
        &self.line
    }
    fn __repr__(&self) -> String {
        format!("LoadSummary({:?})", self.line)
    }
}

/// One mention of an event, the evidence for it (Rust's `eventcoder::code::Evidence`).
/// Formerly `Mention`, a deprecated alias.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Evidence(MentionData);

#[pymethods]
impl Evidence {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// 0-based index of the sentence.
    #[getter]
    fn sentence_index(&self) -> usize {
        self.0.sentence_index
    }
    /// The words that triggered this mention.
    #[getter]
    fn trigger(&self) -> &str {
        &self.0.trigger.text
    }
    /// String indices of the trigger.
    #[getter]
    fn trigger_span(&self) -> (usize, usize) {
        pair(self.0.trigger.span)
    }
    /// The dictionary pattern and modifiers that fired.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }
    fn __repr__(&self) -> String {
        format!(
            "Evidence(sentence_index={}, trigger={:?})",
            self.0.sentence_index, self.0.trigger.text
        )
    }
}

/// One coded event.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Event(pub Handoff<EventData>);

#[pymethods]
impl Event {
    /// The article's id; None for an article coded without one.
    #[getter]
    fn article_id(&self) -> Option<&str> {
        id_or_none(&self.0.record.article_id)
    }
    /// When it happened (datetime.date); None when the article has no published date.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        record_date(&self.0.record)
    }
    /// How the date was found: explicit, continued, dateline, published or none.
    #[getter]
    fn date_source(&self) -> &str {
        self.0.record.date_source.as_str()
    }
    /// Who acted (Actor or None).
    #[getter]
    fn source(&self) -> Option<Actor> {
        self.0.record.source.clone().map(Actor)
    }
    /// Who was acted on; None for one-sided events ("X said").
    #[getter]
    fn target(&self) -> Option<Actor> {
        self.0.record.target.clone().map(Actor)
    }
    /// The CAMEO coding: code, root, label, quad_class, goldstein.
    #[getter]
    fn cameo(&self) -> Cameo {
        Cameo(self.0.record.cameo.clone())
    }
    /// The PLOVER coding: type, mode, contexts.
    #[getter]
    fn plover(&self) -> Plover {
        Plover(self.0.record.plover.clone())
    }
    /// 0-based index of the sentence of the first mention.
    #[getter]
    fn sentence_index(&self) -> usize {
        self.0.record.sentence.index
    }
    /// String indices of that sentence.
    #[getter]
    fn sentence_span(&self) -> (usize, usize) {
        pair(self.0.record.sentence.span)
    }
    /// The text of that sentence.
    #[getter]
    fn sentence(&self) -> &str {
        &self.0.sentence
    }
    /// The words that triggered the event.
    #[getter]
    fn trigger(&self) -> &str {
        &self.0.record.trigger.text
    }
    /// String indices of the trigger.
    #[getter]
    fn trigger_span(&self) -> (usize, usize) {
        pair(self.0.record.trigger.span)
    }
    /// The dictionary pattern (file:line and text) and the modifiers that produced it.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.record.rule
    }
    /// Confidence in [0, 1], as written in the JSON (0.9, not 0.8999999761581421).
    #[getter]
    fn confidence(&self) -> f64 {
        shortest(self.0.record.confidence)
    }
    /// Where it happened (Location or None).
    #[getter]
    fn location(&self) -> Option<Location> {
        self.0.record.location.clone().map(Location)
    }
    /// The outlet the article cites.
    #[getter]
    fn reported_by(&self) -> Option<&str> {
        self.0.record.reported_by.as_deref()
    }
    /// Whether the event is negated (kept only with keep_negated=True).
    #[getter]
    fn negated(&self) -> bool {
        self.0.record.negated
    }
    /// How many times the article mentions this event (the JSON's "mentions").
    #[getter]
    fn mentions(&self) -> usize {
        self.0.record.mentions
    }
    /// The mentions themselves, the first one first (at most 100 of
    /// them; `mentions` counts them all).
    #[getter]
    fn evidence(&self) -> Vec<Evidence> {
        self.0.mentions.iter().cloned().map(Evidence).collect()
    }
    /// The issues of the sentences the event is mentioned in, when the coder has a PETRARCH
    /// issues file (an empty list if they have none); None without one.
    #[getter]
    fn issues(&self) -> Option<Vec<Issue>> {
        (self.0.record.issues.as_ref()).map(|v| v.iter().cloned().map(Issue).collect())
    }
    /// The event as plain data: the same record as the CLI's JSON lines (article_id None
    /// when the article was coded without an id).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &record_json(&self.0.record))
    }
    /// The event as one JSON line, as the CLI writes it ("article_id": null when the article
    /// was coded without an id).
    fn to_json(&self) -> String {
        record_json(&self.0.record)
    }
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_html", "render_event")
    }
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    fn __repr__(&self) -> String {
        let r = &self.0.record;
        let who = |a: &Option<ActorRecord>| {
            a.as_ref().map_or("-".to_owned(), |a| {
                a.code.clone().unwrap_or_else(|| "?".into())
            })
        };
        let id = if r.article_id.is_empty() {
            String::new()
        } else {
            format!("{}: ", r.article_id)
        };
        format!(
            "Event({id}{} -> {}, cameo={:?} ({}), plover={}, date={}, trigger={:?})",
            who(&r.source),
            who(&r.target),
            r.cameo.code,
            r.cameo.label,
            r.plover.event_type.as_deref().unwrap_or("-"),
            r.date.as_deref().unwrap_or("None"),
            r.trigger.text
        )
    }
}

/// One sentence.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    data: SentenceData,
    text: String,
}

#[pymethods]
impl Sentence {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// 0-based position in the article.
    #[getter]
    fn index(&self) -> usize {
        self.data.index
    }
    /// String indices of the sentence.
    #[getter]
    fn span(&self) -> (usize, usize) {
        pair(self.data.span)
    }
    /// The sentence's text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Its tokens: the range doc.tokens[start:end].
    #[getter]
    fn tokens(&self) -> (usize, usize) {
        pair(self.data.tokens)
    }
    fn __repr__(&self) -> String {
        format!("Sentence({}, {:?})", self.data.index, self.text)
    }
}

/// A date written in the text, resolved (Rust's `eventcoder::code::DateSpan`). Formerly
/// `DateMention`, a deprecated alias.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct DateSpan(DateData);

#[pymethods]
impl DateSpan {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// The date as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// String indices of the date.
    #[getter]
    fn span(&self) -> (usize, usize) {
        pair(self.0.span)
    }
    /// The date it resolves to.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }
    /// The sentence it is in.
    #[getter]
    fn sentence_index(&self) -> usize {
        self.0.sentence_index
    }
    fn __repr__(&self) -> String {
        format!("DateSpan({:?}, date={})", self.0.text, self.0.date)
    }
}

/// The dateline.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Dateline(DatelineData);

#[pymethods]
impl Dateline {
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    /// String indices of the whole dateline.
    #[getter]
    fn span(&self) -> (usize, usize) {
        pair(self.0.span)
    }
    /// The place as written ("NEW DELHI").
    #[getter]
    fn place(&self) -> &str {
        &self.0.place
    }
    /// String indices of the place.
    #[getter]
    fn place_span(&self) -> (usize, usize) {
        pair(self.0.place_span)
    }
    /// A region or country written with the place.
    #[getter]
    fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }
    /// The date written in the dateline, resolved against the published date.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.0.date
    }
    /// The outlet or agency written in it.
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.0.outlet.as_deref()
    }
    fn __repr__(&self) -> String {
        format!(
            "Dateline({:?}, date={}, outlet={})",
            self.0.place,
            py_opt(self.0.date.map(|d| d.to_string()).as_deref()),
            py_opt(self.0.outlet.as_deref())
        )
    }
}

/// A coded article.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq)]
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Document(pub Handoff<DocData>);

#[pymethods]
impl Document {
    /// The article's id; None for an article coded without one.
    #[getter]
    fn id(&self) -> Option<&str> {
        id_or_none(&self.0.id)
    }
    /// The article's text.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// The published date used: the one given, else the article's date line.
    #[getter]
    fn published(&self) -> Option<NaiveDate> {
        self.0.published
    }
    /// The dateline (Dateline or None).
    #[getter]
    fn dateline(&self) -> Option<Dateline> {
        self.0.dateline.clone().map(Dateline)
    }
    /// The outlet the article cites.
    #[getter]
    fn reported_by(&self) -> Option<&str> {
        self.0.reported_by.as_deref()
    }
    /// The sentences.
    #[getter]
    fn sentences(&self) -> Vec<Sentence> {
        self.0
            .sentences
            .iter()
            .map(|s| Sentence {
                data: s.clone(),
                text: self.0.text[s.bytes[0]..s.bytes[1]].to_owned(),
            })
            .collect()
    }
    /// The tokens of the story body (after any date line and dateline).
    #[getter]
    fn tokens(&self) -> Vec<Token> {
        if self.0.html {
            tokens_of_html(&self.0.text, self.0.body_start)
        } else {
            tokens_of(&self.0.text, self.0.body_start)
        }
    }
    /// The events, deduplicated, in order of first mention.
    #[getter]
    pub fn events(&self) -> Vec<Event> {
        self.0
            .events
            .iter()
            .map(|e| Event(e.clone().into()))
            .collect()
    }
    /// Every resolvable date written in the story body.
    #[getter]
    fn dates(&self) -> Vec<DateSpan> {
        self.0.dates.iter().cloned().map(DateSpan).collect()
    }
    /// The issues of the coder's PETRARCH issues file the story mentions, in text order (empty
    /// without one).
    #[getter]
    fn issues(&self) -> Vec<Issue> {
        self.0.issues.iter().cloned().map(Issue).collect()
    }
    /// Whether a story discard phrase of the coder's discard list was found: then the story has
    /// no events.
    #[getter]
    fn discarded(&self) -> bool {
        self.0.discards.iter().any(|d| d.story)
    }
    /// The sentences with a phrase of the coder's discard list (they have no events), in order.
    #[getter]
    fn discarded_sentences(&self) -> Vec<usize> {
        let mut s: Vec<usize> = self.0.discards.iter().map(|d| d.sentence_index).collect();
        s.sort_unstable();
        s.dedup();
        s
    }
    /// Plain data: the events are their CLI records; sentences have no text of their own.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        #[derive(serde::Serialize)]
        struct SentenceRecord {
            index: usize,
            span: [usize; 2],
            tokens: [usize; 2],
        }
        #[derive(serde::Serialize)]
        struct DocumentRecord<'a> {
            id: Option<&'a str>,
            text: &'a str,
            published: Option<NaiveDate>,
            dateline: &'a Option<DatelineData>,
            reported_by: &'a Option<String>,
            sentences: Vec<SentenceRecord>,
            dates: &'a [DateData],
            issues: &'a [IssueRecord],
            discards: &'a [DiscardData],
            /// Filled in below, each as `Event.to_dict`.
            events: [(); 0],
        }
        let d = &*self.0;
        let record = DocumentRecord {
            id: id_or_none(&d.id),
            text: &d.text,
            published: d.published,
            dateline: &d.dateline,
            reported_by: &d.reported_by,
            sentences: (d.sentences.iter())
                .map(|s| SentenceRecord {
                    index: s.index,
                    span: s.span,
                    tokens: s.tokens,
                })
                .collect(),
            dates: &d.dates,
            issues: &d.issues,
            discards: &d.discards,
            events: [],
        };
        let out = plain(py, &record)?;
        let events = (d.events.iter())
            .map(|e| loads(py, &record_json(&e.record)))
            .collect::<PyResult<Vec<_>>>()?;
        out.set_item("events", PyList::new(py, events)?)?;
        Ok(out)
    }
    /// The events as a pandas.DataFrame (see eventcoder.to_pandas).
    fn to_pandas(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_frames", "to_pandas")
    }
    /// The events as a pyarrow.Table (see eventcoder.to_arrow).
    fn to_arrow(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_frames", "to_arrow")
    }
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        call_python(slf.as_any(), "_html", "render_document")
    }
    fn __len__(&self) -> usize {
        self.0.events.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.events())?
            .as_any()
            .try_iter()?
            .into_any())
    }
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        from_json(json)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        reduce(slf)
    }
    fn __repr__(&self) -> String {
        format!(
            "Document(id={}, published={}, sentences={}, events={})",
            py_opt(id_or_none(&self.0.id)),
            self.0
                .published
                .map_or("None".to_owned(), |d| format!("{:?}", d.to_string())),
            self.0.sentences.len(),
            self.0.events.len()
        )
    }
}

/// A slice or an index of a sequence of `len`, Python style.
pub enum Pick {
    One(usize),
    Many(Vec<usize>),
}

/// Resolves `index` (an int or a slice) against a length.
pub fn pick(index: &Bound<'_, PyAny>, len: usize) -> PyResult<Pick> {
    if let Ok(slice) = index.cast::<PySlice>() {
        let ix = slice.indices(len as isize)?;
        let mut out = Vec::with_capacity(ix.slicelength);
        let mut i = ix.start;
        for _ in 0..ix.slicelength {
            out.push(i as usize);
            i += ix.step;
        }
        return Ok(Pick::Many(out));
    }
    let i: isize = index.extract()?;
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(pyo3::exceptions::PyIndexError::new_err(format!(
            "index {i} out of range for {len} documents"
        )));
    }
    Ok(Pick::One(j as usize))
}
