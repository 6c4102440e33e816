//! Readers of the PETRARCH-1 and TABARI dictionary formats: verb patterns ([`verbs`], the
//! older TABARI layout in [`tabari`]), actors ([`actors`]), agents ([`agents`]), discard lists
//! ([`discards`]) and issues files ([`issues`]).
//!
//! The readers translate each file into the same lexicon model the built-in TSV dictionaries
//! load into: one engine, two sources of dictionaries. An actor with one plain three-letter
//! code is a [`State`]; any other actor a [`Group`] with its
//! dated codes; an agent an [`Agent`]; a verb pattern one
//! [`Pattern`] per verb of its block and per expansion of its synsets and
//! alternatives. Every pattern and event coded from it cites the file and line it came from.
//!
//! A bad line is skipped and counted as a [`WarningKind::BadLine`] warning with its file, line
//! and column (in strict mode, [`LexiconBuilder::strict`](super::LexiconBuilder::strict), it is
//! an error instead); loading ends with a [`LoadSummary`].
//!
//! ```
//! use eventcoder::lexicon::{Lexicon, petrarch::PetrarchKind};
//! let actors = "ERIADOR [ERI]\n+ERIADORIAN\nTOM_BOMBADIL [ERIELI <950601] [ERIGOV]\nBAD [ERI <9x]\n";
//! let verbs = "--- SCOLD [111] ---\nSCOLD\n+CHIDE\n- * FOR_TREASON [112]\n";
//! let lex = Lexicon::builder()
//!     .petrarch_str(PetrarchKind::Actors, "my.actors.txt", actors)
//!     .petrarch_str(PetrarchKind::Verbs, "my.verbs.txt", verbs)
//!     .build()?;
//! let summary = lex.petrarch_summary().unwrap();
//! assert_eq!((summary.entries(), summary.skipped()), (5, 1));
//! let w = &lex.warnings()[0];
//! assert_eq!(w.to_string(), "my.actors.txt:4:11: warning: bad date \"9x\": YYMMDD or YYYYMMDD");
//! # Ok::<(), eventcoder::Error>(())
//! ```

pub mod actors;
pub mod agents;
pub mod discards;
pub mod issues;
pub mod tabari;
mod text;
pub mod verbs;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::ids::{AgentId, GroupId, PatternId, StateId};
use super::load::{DictionaryWarning, Loader, WarningKind};
use super::model::*;
use super::normalize::phrase_units;
use super::verbs::{Inflections, regular_inflections};
use crate::error::{Error, Position, Result};
use crate::ontology::Sector;
use smol_str::SmolStr;
use text::Line;
use verbs::{Piece, Tok, VerbCode, VerbDictionary};

/// The most patterns one pattern line may expand to through its synsets and alternatives;
/// further ones are skipped with a [`WarningKind::TooManyVariants`] warning.
pub const MAX_VARIANTS: usize = 64;

/// How deep synsets may be nested in one another.
const MAX_SYNSET_DEPTH: usize = 8;

/// The kinds of PETRARCH and TABARI dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PetrarchKind {
    /// Verb patterns: the PETRARCH-1 format, or TABARI's `.verbs` layout (recognised by having
    /// no `--- NAME ---` block header).
    Verbs,
    /// Actors.
    Actors,
    /// Agents.
    Agents,
    /// A discard list.
    Discards,
    /// An issues file.
    Issues,
}

impl PetrarchKind {
    /// The kind of a file by its name, case-insensitively: a name containing `verb` is verbs;
    /// `actors`, actors; `agents`, agents; `discard`, discards; `issue`, issues.
    ///
    /// ```
    /// use eventcoder::lexicon::petrarch::PetrarchKind;
    /// assert_eq!(PetrarchKind::of_file_name("CAMEO.verbpatterns.150430.txt"), Some(PetrarchKind::Verbs));
    /// assert_eq!(PetrarchKind::of_file_name("Phoenix.IssueCoding.txt"), Some(PetrarchKind::Issues));
    /// assert_eq!(PetrarchKind::of_file_name("LICENSE"), None);
    /// ```
    pub fn of_file_name(name: &str) -> Option<PetrarchKind> {
        let n = name.to_lowercase();
        [
            ("verb", PetrarchKind::Verbs),
            ("actors", PetrarchKind::Actors),
            ("agents", PetrarchKind::Agents),
            ("discard", PetrarchKind::Discards),
            ("issue", PetrarchKind::Issues),
        ]
        .into_iter()
        .find(|(k, _)| n.contains(k))
        .map(|(_, kind)| kind)
    }

    /// The kind of a name as [`PetrarchKind::as_str`] writes it.
    ///
    /// ```
    /// use eventcoder::lexicon::petrarch::PetrarchKind;
    /// assert_eq!(PetrarchKind::from_name("actors"), Some(PetrarchKind::Actors));
    /// assert_eq!(PetrarchKind::from_name("Actors"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<PetrarchKind> {
        PetrarchKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Every kind, in load order.
    pub const ALL: [PetrarchKind; 5] = [
        PetrarchKind::Actors,
        PetrarchKind::Agents,
        PetrarchKind::Verbs,
        PetrarchKind::Discards,
        PetrarchKind::Issues,
    ];

    /// The kind's name, as in summaries.
    pub fn as_str(self) -> &'static str {
        match self {
            PetrarchKind::Verbs => "verbs",
            PetrarchKind::Actors => "actors",
            PetrarchKind::Agents => "agents",
            PetrarchKind::Discards => "discards",
            PetrarchKind::Issues => "issues",
        }
    }

    /// The order kinds load in.
    fn rank(self) -> u8 {
        match self {
            PetrarchKind::Actors => 0,
            PetrarchKind::Agents => 1,
            PetrarchKind::Verbs => 2,
            PetrarchKind::Discards => 3,
            PetrarchKind::Issues => 4,
        }
    }
}

/// The dictionary files of a directory, by [`PetrarchKind::of_file_name`], sorted by name;
/// files of no kind are left out.
pub fn files_in(dir: impl AsRef<Path>) -> Result<Vec<(PetrarchKind, PathBuf)>> {
    let dir = dir.as_ref();
    let io = |source| Error::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(kind) = PetrarchKind::of_file_name(&name) {
            out.push((kind, path));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// The dictionary files of a directory, as [`files_in`], but an [`Error::Io`] (not found) when
/// there is none: what `petrarch_dir` loads.
pub fn dictionary_files(dir: impl AsRef<Path>) -> Result<Vec<(PetrarchKind, PathBuf)>> {
    let dir = dir.as_ref();
    let files = files_in(dir)?;
    if files.is_empty() {
        return Err(Error::Io {
            path: dir.display().to_string(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no dictionary file: names containing verb, actors, agents, discard or issue",
            ),
        });
    }
    Ok(files)
}

/// Something a reader found wrong in a file, before it is given the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub position: Position,
    /// What kind.
    pub kind: WarningKind,
    /// What and why.
    pub message: String,
}

/// What a reader found wrong, in file order.
pub type Problems = Vec<Problem>;

/// The bracketed groups of `text` (see [`text::brackets`]), or `None` with a
/// [`WarningKind::BadLine`] problem "unbalanced brackets{what}" at the offending bracket.
pub(crate) fn brackets_or_report<'a>(
    text: &'a str,
    line: &Line<'_>,
    problems: &mut Problems,
    what: &str,
) -> Option<(&'a str, Vec<&'a str>)> {
    match text::brackets(text) {
        Ok(x) => Some(x),
        Err(at) => {
            problem(
                problems,
                line,
                at,
                WarningKind::BadLine,
                format!("unbalanced brackets{what}"),
            );
            None
        }
    }
}

pub(crate) fn problem(
    problems: &mut Problems,
    line: &Line<'_>,
    at: &str,
    kind: WarningKind,
    message: String,
) {
    problems.push(Problem {
        position: line.pos(at),
        kind,
        message,
    });
}

/// A file read for loading: its kind, name, text, and a problem with its encoding if any.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub kind: PetrarchKind,
    pub name: String,
    pub text: String,
    pub encoding: Option<Problem>,
}

/// Reads a dictionary file: at most [`MAX_DICTIONARY_BYTES`](super::MAX_DICTIONARY_BYTES);
/// bytes that are not UTF-8 are read as U+FFFD with one [`WarningKind::Encoding`] problem at the
/// first of them (the Phoenix country actors have a few).
pub(crate) fn read_source(kind: PetrarchKind, path: &Path) -> Result<Source> {
    let bytes = super::source::read_bounded(path)?;
    Ok(source_of_bytes(kind, path.display().to_string(), bytes))
}

/// A source from bytes (see [`read_source`]).
pub(crate) fn source_of_bytes(kind: PetrarchKind, name: String, bytes: Vec<u8>) -> Source {
    match String::from_utf8(bytes) {
        Ok(text) => Source {
            kind,
            name,
            text,
            encoding: None,
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let position = Position::of(valid, at);
            let message = format!(
                "invalid UTF-8 (byte 0x{:02X}): such bytes are read as U+FFFD",
                bytes[at]
            );
            Source {
                kind,
                name,
                text: String::from_utf8_lossy(&bytes).into_owned(),
                encoding: Some(Problem {
                    position,
                    kind: WarningKind::Encoding,
                    message,
                }),
            }
        }
    }
}

/// What one file gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    /// The file name.
    pub name: String,
    /// Its kind.
    pub kind: PetrarchKind,
    /// Entries read: actors, agents, verbs and patterns, discard and issue phrases.
    pub entries: usize,
    /// Bad lines skipped.
    pub skipped: usize,
}

/// What loading the PETRARCH and TABARI dictionaries gave: entries read, entries skipped, and
/// warnings by kind. Its `Display` is one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct LoadSummary {
    /// Each file, in load order.
    pub files: Vec<FileSummary>,
    /// Warnings by kind ([`WarningKind::as_str`]); kinds with none are left out.
    pub warnings: BTreeMap<&'static str, usize>,
}

impl LoadSummary {
    /// Entries read, over every file.
    pub fn entries(&self) -> usize {
        self.files.iter().map(|f| f.entries).sum()
    }
    /// Bad lines skipped, over every file.
    pub fn skipped(&self) -> usize {
        self.files.iter().map(|f| f.skipped).sum()
    }
}

impl fmt::Display for LoadSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} PETRARCH/TABARI dictionar{}: {} entries read, {} skipped",
            self.files.len(),
            if self.files.len() == 1 { "y" } else { "ies" },
            self.entries(),
            self.skipped()
        )?;
        if self.warnings.is_empty() {
            write!(f, "; no warnings")
        } else {
            let list: Vec<String> = self
                .warnings
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            write!(f, "; warnings: {}", list.join(", "))
        }
    }
}

/// Loads sources into the lexicon, in the order of their kinds (actors, agents, verbs,
/// discards, issues), and in the order given within a kind.
pub(crate) fn load_all(
    loader: &mut Loader<'_>,
    sources: &[Source],
    strict: bool,
) -> Result<LoadSummary> {
    let mut order: Vec<&Source> = sources.iter().collect();
    order.sort_by_key(|s| s.kind.rank());
    let mut summary = LoadSummary::default();
    let first_warning = loader.lex.warnings.len();
    // States first, from every actor file: a group's code may start with a state of a later
    // line or file.
    let mut parsed_actors: Vec<(usize, Vec<actors::ActorEntry>)> = Vec::new();
    // Each file's index in the lexicon's file list, which the phrases it defines cite (as
    // `lexicon lookup` shows them).
    let mut file_ids: Vec<u32> = Vec::with_capacity(order.len());
    for (i, s) in order.iter().enumerate() {
        loader.file = u32::try_from(loader.lex.files.len()).unwrap_or(u32::MAX);
        loader.lex.files.push(s.name.as_str().into());
        file_ids.push(loader.file);
        let mut problems: Problems = s.encoding.iter().cloned().collect();
        let mut ld = Load {
            loader: &mut *loader,
            file: &s.name,
            origin: s.name.as_str().into(),
            entries: 0,
            written_forms: FxHashMap::default(),
            listed_forms: Default::default(),
        };
        match s.kind {
            PetrarchKind::Actors => {
                let entries = actors::parse(&s.text, &mut problems);
                ld.entries = entries.len();
                ld.states(&entries);
                parsed_actors.push((i, entries));
            }
            PetrarchKind::Agents => {
                let entries = agents::parse(&s.text, &mut problems);
                ld.entries = entries.len();
                ld.agents(&entries);
            }
            PetrarchKind::Verbs => {
                let dict = if s.text.lines().any(|l| l.trim_start().starts_with("---")) {
                    verbs::parse(&s.text, &mut problems)
                } else {
                    tabari::parse(&s.text, &mut problems)
                };
                ld.entries = dict
                    .blocks
                    .iter()
                    .map(|b| b.verbs.len() + b.patterns.len())
                    .sum();
                ld.verbs(&dict, &mut problems);
            }
            PetrarchKind::Discards => {
                let entries = discards::parse(&s.text, &mut problems);
                ld.entries = entries.len();
                ld.discards(&entries);
            }
            PetrarchKind::Issues => {
                let entries = issues::parse(&s.text, &mut problems);
                ld.entries = entries.len();
                ld.issues(&entries);
            }
        }
        let entries = ld.entries;
        let skipped = problems
            .iter()
            .filter(|p| p.kind == WarningKind::BadLine)
            .count();
        if strict {
            if let Some(p) = problems
                .iter()
                .find(|p| matches!(p.kind, WarningKind::BadLine | WarningKind::Encoding))
            {
                return Err(Error::Dictionary {
                    source_name: s.name.clone(),
                    position: p.position,
                    message: p.message.clone(),
                });
            }
        }
        loader
            .lex
            .warnings
            .extend(problems.into_iter().map(|p| DictionaryWarning {
                source_name: s.name.clone(),
                position: p.position,
                kind: p.kind,
                message: p.message,
            }));
        summary.files.push(FileSummary {
            name: s.name.clone(),
            kind: s.kind,
            entries,
            skipped,
        });
    }
    for (i, entries) in &parsed_actors {
        let s = order[*i];
        loader.file = file_ids[*i];
        let mut ld = Load {
            loader: &mut *loader,
            file: &s.name,
            origin: s.name.as_str().into(),
            entries: 0,
            written_forms: FxHashMap::default(),
            listed_forms: Default::default(),
        };
        ld.groups(entries);
    }
    for w in &loader.lex.warnings[first_warning..] {
        *summary.warnings.entry(w.kind.as_str()).or_default() += 1;
    }
    Ok(summary)
}

/// One pattern element after synsets and alternatives are expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Flat {
    Word(String),
    Verb,
    Target,
    Slot,
    Compound,
    Skip,
}

/// A pattern's elements after expansion, each with whether it is joined to the previous one.
type Variant = Vec<(Flat, bool)>;

/// Loading one file.
struct Load<'a, 'l> {
    loader: &'a mut Loader<'l>,
    file: &'a str,
    origin: Arc<str>,
    entries: usize,
    /// For each word a verb is written as that is another verb's form ("left"), how many
    /// entries at the start of its candidate list are of such verbs.
    written_forms: FxHashMap<u32, usize>,
    /// The forms the verb dictionary being read lists for its verbs.
    listed_forms: rustc_hash::FxHashSet<String>,
}

/// A state's code: three capital letters, not an international prefix.
fn is_state_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !["IGO", "NGO", "IMG", "MNC"].contains(&code)
}

/// An actor phrase as the lexicon matches it: its first letter capitalized (so a lowercase
/// common word does not match a name), short all-letter words (IMF, UN) in capitals (their case
/// must match). A leading "the" stays lowercase and the name after it is capitalized instead
/// (`THE_SHIRE` matches "the Shire" inside a sentence, and "The Shire" opening one).
fn actor_phrase(p: &str) -> String {
    if p.len() <= 3 && !p.contains(' ') && p.chars().all(|c| c.is_alphabetic()) {
        return p.to_uppercase();
    }
    let capitalized = |s: &str| -> String {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    };
    match p.split_once(' ') {
        Some((the, rest)) if the.eq_ignore_ascii_case("the") && !rest.is_empty() => {
            format!("the {}", capitalized(rest))
        }
        _ => capitalized(p),
    }
}

impl Load<'_, '_> {
    fn lex(&mut self) -> &mut super::Lexicon {
        self.loader.lex
    }

    fn add_phrase(&mut self, line: usize, phrase: &str, referent: Referent) {
        let at = move || Position {
            line,
            column: 1,
            offset: 0,
        };
        self.loader
            .phrase_with(self.file, line, at, phrase, referent);
    }

    fn warn(&mut self, line: usize, kind: WarningKind, message: String) {
        let w = DictionaryWarning {
            source_name: self.file.to_string(),
            position: Position {
                line,
                column: 1,
                offset: 0,
            },
            kind,
            message,
        };
        self.lex().warnings.push(w);
    }

    /// The state whose CAMEO code (else iso3 code) is `code`.
    fn state_by_code(&self, code: &str) -> Option<StateId> {
        let lex = &*self.loader.lex;
        lex.states
            .iter()
            .position(|s| s.cameo == code)
            .and_then(StateId::from_index)
            .or_else(|| lex.state_index.get(code).copied())
    }

    /// Actors with one plain state code: states (new ones added).
    fn states(&mut self, entries: &[actors::ActorEntry]) {
        let mut by_code: FxHashMap<String, StateId> = FxHashMap::default();
        for e in entries {
            let [c] = e.codes.as_slice() else { continue };
            let Some(code) = c.code.as_deref().filter(|c| is_state_code(c)) else {
                continue;
            };
            if c.from.is_some() || c.to.is_some() {
                continue;
            }
            let id = match by_code.get(code) {
                Some(&id) => id,
                None => {
                    let id = match self.state_by_code(code) {
                        Some(id) => id,
                        None => {
                            let lex = self.lex();
                            let Some(id) = StateId::from_index(lex.states.len()) else {
                                continue;
                            };
                            let name = e.phrases[0].0.clone();
                            lex.states.push(State {
                                iso3: code.into(),
                                cameo: code.into(),
                                name: actor_phrase(&name).into(),
                                capital: None,
                                status: "other".into(),
                            });
                            lex.state_index.insert(code.to_string(), id);
                            id
                        }
                    };
                    by_code.insert(code.to_string(), id);
                    id
                }
            };
            for (p, line) in &e.phrases {
                self.add_phrase(*line, &actor_phrase(p), Referent::StateName(id));
            }
        }
    }

    /// A code as a dated code: its state and sector.
    fn dated(&self, c: &actors::ActorCode) -> DatedCode {
        let code = c.code.as_deref().map(SmolStr::from);
        let (country, sector) = match code.as_deref() {
            Some(code) => {
                let country = code
                    .get(..3)
                    .filter(|p| is_state_code(p))
                    .and_then(|p| self.state_by_code(p))
                    .map(|s| self.loader.lex.states[s].iso3.clone());
                let agent_part = if country.is_some() {
                    code.get(3..6)
                } else {
                    code.get(..3)
                };
                let sector = agent_part
                    .and_then(|p| p.parse::<Sector>().ok())
                    .filter(|s| *s != Sector::Unk);
                (country, sector)
            }
            None => (None, None),
        };
        DatedCode {
            code,
            country,
            sector,
            from: c.from,
            to: c.to,
        }
    }

    /// Every other actor: a group with its dated codes.
    fn groups(&mut self, entries: &[actors::ActorEntry]) {
        for e in entries {
            let plain_state = matches!(e.codes.as_slice(), [c] if c.from.is_none()
                && c.to.is_none()
                && c.code.as_deref().is_some_and(is_state_code));
            if plain_state {
                continue;
            }
            let dated: Vec<DatedCode> = e.codes.iter().map(|c| self.dated(c)).collect();
            let first = dated
                .iter()
                .find(|d| d.code.is_some())
                .or(dated.first())
                .cloned();
            let Some(first) = first else { continue };
            let lex = self.lex();
            let Some(id) = GroupId::from_index(lex.groups.len()) else {
                return;
            };
            lex.groups.push(Group {
                code: first.code.clone().unwrap_or_default(),
                country: first.country.clone(),
                cameo: first.code.as_deref().map(SmolStr::from).unwrap_or_default(),
                sector: first.sector.unwrap_or(Sector::Unk),
                dated,
            });
            for (p, line) in &e.phrases {
                self.add_phrase(*line, &actor_phrase(p), Referent::Group(id));
            }
        }
    }

    fn agents(&mut self, entries: &[agents::AgentEntry]) {
        let codes = nested_agent_codes(entries);
        for (e, code) in entries.iter().zip(codes) {
            let sector = e
                .code
                .get(..3)
                .and_then(|p| p.parse::<Sector>().ok())
                .unwrap_or(Sector::Unk);
            let plural: Vec<String> = match &e.plural {
                Some(p) => p.clone(),
                None => e
                    .singular
                    .iter()
                    .map(|s| match s.rsplit_once(' ') {
                        Some((head, last)) => format!("{head} {}", super::plural_of(last)),
                        None => super::plural_of(s),
                    })
                    .filter(|p| !e.singular.contains(p))
                    .collect(),
            };
            for (phrases, is_plural) in [(&e.singular, false), (&plural, true)] {
                if phrases.is_empty() {
                    continue;
                }
                let lex = self.lex();
                let Some(id) = AgentId::from_index(lex.agents.len()) else {
                    return;
                };
                lex.agents.push(Agent {
                    name: phrases[0].clone(),
                    cameo: code.as_str().into(),
                    sector,
                    flags: AgentFlags {
                        title: !is_plural,
                        plural: is_plural,
                        prefix: e.prefix,
                        ..AgentFlags::default()
                    },
                });
                for p in phrases {
                    self.add_phrase(e.line, p, Referent::Agent(id));
                }
            }
        }
    }

    fn discards(&mut self, entries: &[discards::DiscardEntry]) {
        for e in entries {
            self.add_phrase(e.line, &e.phrase, Referent::Discard { story: e.story });
        }
    }

    fn issues(&mut self, entries: &[issues::IssueEntry]) {
        for e in entries {
            let referent = match &e.code {
                Some(code) => {
                    let lex = self.lex();
                    let idx = match lex
                        .issues
                        .iter()
                        .position(|i| i.category == e.category && i.code == *code)
                    {
                        Some(i) => i,
                        None => {
                            lex.issues.push(Issue {
                                category: e.category.clone(),
                                code: code.clone(),
                            });
                            lex.issues.len() - 1
                        }
                    };
                    let Ok(idx) = u32::try_from(idx) else { return };
                    Referent::Issue(idx)
                }
                None => Referent::IssueIgnore,
            };
            let mut phrases: Vec<String> = vec![String::new()];
            for w in &e.words {
                let mut forms: Vec<String> = Vec::new();
                let joins: &[&str] = if w.parts.len() > 1 {
                    &["", "-", " "]
                } else {
                    &[""]
                };
                for j in joins {
                    let base = w.parts.join(j);
                    let (head, last) = match base.rsplit_once([' ', '-']) {
                        Some((h, _)) => (&base[..h.len() + 1], &base[h.len() + 1..]),
                        None => ("", base.as_str()),
                    };
                    let lasts: Vec<String> = match w.kind {
                        issues::WordKind::Plain => vec![last.to_string()],
                        issues::WordKind::Noun => vec![last.to_string(), super::plural_of(last)],
                        issues::WordKind::Verb => self
                            .loader
                            .lex
                            .irregular
                            .inflect(last)
                            .iter()
                            .flat_map(|f| f.forms().into_iter().map(|(w, _)| w))
                            .collect(),
                    };
                    for l in lasts {
                        let f = format!("{head}{l}");
                        if !forms.contains(&f) {
                            forms.push(f);
                        }
                    }
                }
                let mut next = Vec::new();
                for p in &phrases {
                    for f in &forms {
                        if next.len() < MAX_VARIANTS {
                            next.push(if p.is_empty() {
                                f.clone()
                            } else {
                                format!("{p} {f}")
                            });
                        }
                    }
                }
                phrases = next;
            }
            for p in phrases {
                self.add_phrase(e.line, &p, referent);
            }
        }
    }

    /// The flat variants of `pieces` (synsets and alternatives expanded), at most
    /// [`MAX_VARIANTS`]; `Err` names an unknown synset. The bool says whether some were cut.
    fn expand(
        dict: &VerbDictionary,
        pieces: &[Piece],
        depth: usize,
    ) -> std::result::Result<(Vec<Variant>, bool), String> {
        let mut variants: Vec<Variant> = vec![Vec::new()];
        let mut cut = false;
        for p in pieces {
            let alts: Vec<Variant> = match &p.tok {
                Tok::Word(w) => vec![vec![(Flat::Word(w.clone()), p.joined)]],
                Tok::Verb => vec![vec![(Flat::Verb, p.joined)]],
                Tok::Target => vec![vec![(Flat::Target, p.joined)]],
                Tok::Source => vec![vec![(Flat::Slot, p.joined)]],
                Tok::Compound => vec![vec![(Flat::Compound, p.joined)]],
                Tok::Skip => vec![vec![(Flat::Skip, p.joined)]],
                Tok::Synset(name) => {
                    if depth >= MAX_SYNSET_DEPTH {
                        return Err(format!("synsets nested more than {MAX_SYNSET_DEPTH} deep"));
                    }
                    let members = dict
                        .synsets
                        .get(name)
                        .ok_or_else(|| format!("unknown synset &{name}"))?;
                    let mut out = Vec::new();
                    for m in members {
                        let (v, c) = Self::expand(dict, m, depth + 1)?;
                        cut |= c;
                        out.extend(v);
                    }
                    out
                }
                Tok::Alternatives(list) => {
                    let mut out = Vec::new();
                    for m in list {
                        let (v, c) = Self::expand(dict, m, depth + 1)?;
                        cut |= c;
                        out.extend(v);
                    }
                    out
                }
            };
            let mut next = Vec::new();
            'outer: for v in &variants {
                for a in &alts {
                    if next.len() >= MAX_VARIANTS {
                        cut = true;
                        break 'outer;
                    }
                    let mut n = v.clone();
                    for (i, (f, j)) in a.iter().enumerate() {
                        // The first element of a member takes the synset's own joining.
                        n.push((f.clone(), if i == 0 { p.joined } else { *j }));
                    }
                    next.push(n);
                }
            }
            variants = next;
        }
        Ok((variants, cut))
    }

    /// An event code: registered when outside the CAMEO table (warned once per file);
    /// `---` (null) as it is, which codes no event.
    fn code(
        &mut self,
        code: &VerbCode,
        line: usize,
        warned: &mut Vec<String>,
    ) -> (String, Option<String>) {
        match code {
            VerbCode::Null => ("---".into(), None),
            VerbCode::Event { code, paired } => {
                for c in std::iter::once(code).chain(paired) {
                    if crate::ontology::cameo(c).is_none_or(|e| e.quad_class == 0)
                        && !warned.contains(c)
                    {
                        crate::ontology::register_code(c);
                        warned.push(c.clone());
                        self.warn(
                            line,
                            WarningKind::UnknownCode,
                            format!("event code {c:?} is not in the CAMEO table: its events have no label, quad class or PLOVER type"),
                        );
                    }
                }
                (code.clone(), paired.clone())
            }
        }
    }

    fn verbs(&mut self, dict: &VerbDictionary, problems: &mut Problems) {
        let mut warned: Vec<String> = Vec::new();
        // The forms the dictionary lists for its verbs (`FIND {FINDS FOUND FINDING}`): a
        // block verb written as one of them stays that verb's form.
        self.listed_forms = (dict.blocks.iter())
            .flat_map(|b| &b.verbs)
            .flat_map(|v| v.forms.iter().cloned())
            .collect();
        for block in &dict.blocks {
            // Irregular forms first: every pattern of the verb uses them.
            for v in &block.verbs {
                let lemma = &v.words[v.head];
                if !v.forms.is_empty() && self.loader.lex.irregular.rows(lemma) == 0 {
                    self.loader
                        .lex
                        .irregular
                        .add(irregular_row(lemma, &v.forms));
                }
            }
            for v in &block.verbs {
                let Some(code) = v.code.as_ref().or(block.code.as_ref()) else {
                    continue;
                };
                let (code, paired) = self.code(code, v.line, &mut warned);
                let text = format!("{} [{}]", v.words.join("_").to_uppercase(), code);
                self.pattern(&[v], &[], code, paired, v.line, &text);
            }
            for p in &block.patterns {
                let (variants, cut) = match Self::expand(dict, &p.pieces, 0) {
                    Ok(x) => x,
                    Err(m) => {
                        problems.push(Problem {
                            position: Position {
                                line: p.line,
                                column: 1,
                                offset: 0,
                            },
                            kind: WarningKind::BadLine,
                            message: format!("{m}: pattern skipped"),
                        });
                        continue;
                    }
                };
                if cut {
                    self.warn(
                        p.line,
                        WarningKind::TooManyVariants,
                        format!("the synsets and alternatives make more than {MAX_VARIANTS} patterns: the first {MAX_VARIANTS} are kept"),
                    );
                }
                let (code, paired) = self.code(&p.code, p.line, &mut warned);
                // The block's one-word verbs share each pattern (one pattern, several verbs:
                // the Phoenix blocks have dozens of synonyms); the others have their own.
                let (simple, other): (Vec<&verbs::VerbEntry>, Vec<&verbs::VerbEntry>) = block
                    .verbs
                    .iter()
                    .partition(|v| v.words.len() == 1 && !v.words[0].contains('-'));
                for flat in &variants {
                    if !simple.is_empty() {
                        self.pattern(&simple, flat, code.clone(), paired.clone(), p.line, &p.text);
                    }
                    for v in &other {
                        self.pattern(&[v], flat, code.clone(), paired.clone(), p.line, &p.text);
                    }
                }
            }
        }
    }

    /// Adds the pattern of verbs `verbs` with elements `flat` (empty: the verb alone). Several
    /// verbs share one pattern only when they are one word each (no particles, no hyphen).
    fn pattern(
        &mut self,
        verbs: &[&verbs::VerbEntry],
        flat: &[(Flat, bool)],
        code: String,
        paired: Option<String>,
        line: usize,
        text: &str,
    ) {
        let v = verbs[0];
        let lemma = v.words[v.head].clone();
        if lemma.starts_with('-') || lemma.ends_with('-') || lemma.contains("--") {
            self.lex().skipped_patterns += 1;
            self.warn(
                line,
                WarningKind::UnusablePattern,
                format!("verb {lemma:?} has an empty hyphenated part: skipped"),
            );
            return;
        }
        let verb_at = flat.iter().position(|(f, _)| *f == Flat::Verb);
        let (pre, post, verb_joined) = match verb_at {
            Some(i) => (&flat[..i], &flat[i + 1..], flat[i].1),
            None => (&flat[..0], flat, false),
        };
        let mut rendered: Vec<String> = Vec::new();
        // Words before the verb: each with whether it stands right before the next one.
        let mut before_words: Vec<(String, bool)> = Vec::new();
        for (i, (f, _)) in pre.iter().enumerate() {
            if let Flat::Word(w) = f {
                let next_joined = match pre.get(i + 1) {
                    Some((Flat::Word(_), j)) => *j,
                    Some(_) => false,
                    None => verb_joined,
                };
                before_words.push((w.clone(), next_joined));
            }
        }
        // The verb's own words before it ("KLM_NOP_+RST").
        for w in &v.words[..v.head] {
            before_words.push((w.clone(), true));
        }
        let lex = &mut *self.loader.lex;
        let mut before = Vec::new();
        for (w, joined) in &before_words {
            let units = phrase_units(w);
            let n = units.len();
            for (i, (k, _)) in units.into_iter().enumerate() {
                rendered.push(k.clone());
                before.push((lex.intern(&k), i + 1 < n || *joined));
            }
        }
        rendered.push("~".into());
        rendered.push(
            verbs
                .iter()
                .map(|v| v.words.join("_"))
                .collect::<Vec<_>>()
                .join("|"),
        );
        let mut elems: Vec<PatternElem> = Vec::new();
        let word = |lex: &mut super::Lexicon, elems: &mut Vec<PatternElem>, w: &str| {
            for (key, _) in phrase_units(w) {
                let plural = super::plural_of(&key);
                let k = lex.intern(&key);
                let p = lex.intern(&plural);
                elems.push(PatternElem::Word(k, p));
            }
        };
        for w in &v.words[v.head + 1..] {
            word(lex, &mut elems, w);
        }
        // `- + * MONEY $`: the roles are turned around, and the `$` after the verb is a slot.
        let swapped = pre.iter().any(|(f, _)| *f == Flat::Target)
            && post.iter().any(|(f, _)| *f == Flat::Slot);
        let mut targets = 0;
        for (f, joined) in post {
            match f {
                Flat::Word(w) => {
                    if !joined
                        && !matches!(
                            elems.last(),
                            Some(PatternElem::Gap | PatternElem::SkipPhrase)
                        )
                    {
                        elems.push(PatternElem::Gap);
                        rendered.push("*".into());
                    }
                    word(lex, &mut elems, w);
                    rendered.push(w.clone());
                }
                Flat::Slot if swapped && targets == 0 => {
                    targets += 1;
                    elems.push(PatternElem::SourceSlot);
                    rendered.push("{s}".into());
                }
                Flat::Target if targets == 0 => {
                    targets += 1;
                    elems.push(PatternElem::Target);
                    rendered.push("{t}".into());
                }
                Flat::Skip => {
                    if matches!(elems.last(), Some(PatternElem::Gap)) {
                        elems.pop();
                        rendered.pop();
                    }
                    elems.push(PatternElem::SkipPhrase);
                    rendered.push("^".into());
                }
                Flat::Target => {
                    if !matches!(
                        elems.last(),
                        Some(PatternElem::Gap | PatternElem::SkipPhrase)
                    ) {
                        elems.push(PatternElem::Gap);
                        rendered.push("*".into());
                    }
                }
                Flat::Slot | Flat::Compound | Flat::Verb => {}
            }
        }
        while matches!(
            elems.last(),
            Some(PatternElem::Gap | PatternElem::SkipPhrase)
        ) {
            elems.pop();
            rendered.pop();
        }
        let (prefix, lemma) = match lemma.rsplit_once('-') {
            Some((first, head)) => {
                let mut keys = Vec::new();
                for part in first.split('-') {
                    keys.push(lex.intern(part));
                    keys.push(lex.intern("-"));
                }
                (keys, head.to_string())
            }
            None => (Vec::new(), lemma),
        };
        // The text the pattern index compares: the built-in pattern "meet" is the same pattern
        // as PETRARCH's bare MEET.
        let mut norm = if before.is_empty() {
            rendered[1..].join(" ")
        } else {
            rendered.join(" ")
        };
        // "% *" (a compound subject) is another pattern than the bare verb; a `%` after the
        // verb ("* WITH %") is a target slot, which the matcher finds by itself.
        let compound = pre.iter().any(|(f, _)| *f == Flat::Compound);
        // A slot before the pattern's first word before the verb ("+ HOSTING *").
        let lead_slot = pre
            .iter()
            .position(|(f, _)| matches!(f, Flat::Target | Flat::Slot))
            .is_some_and(|i| {
                !pre[..i].iter().any(|(f, _)| matches!(f, Flat::Word(_)))
                    && pre[i + 1..].iter().any(|(f, _)| matches!(f, Flat::Word(_)))
            });
        if compound {
            norm.insert_str(0, "% ");
        }
        let origin = Origin {
            file: self.origin.clone(),
            line,
        };
        let rule = format!("{origin} `{text}`").into_boxed_str();
        if let Some(&(prev, prev_user)) = lex.pattern_index.get(&norm) {
            if !prev_user {
                let p = &mut lex.patterns[prev];
                p.code = code;
                p.paired = paired;
                p.literal = true;
                p.rule = rule;
                p.origin = origin;
                lex.pattern_index.insert(norm, (prev, true));
            } else if lex.patterns[prev].origin != origin {
                let first = lex.patterns[prev].origin.clone();
                self.warn(
                    line,
                    WarningKind::DuplicatePattern,
                    format!("pattern {norm:?} is also defined at {first}, which wins"),
                );
            }
            return;
        }
        let Some(idx) = PatternId::from_index(lex.patterns.len()) else {
            return;
        };
        lex.pattern_index.insert(norm.clone(), (idx, true));
        lex.patterns.push(Pattern {
            code,
            text: norm,
            lemma: lemma.clone(),
            prefix,
            elems,
            origin,
            rule,
            before,
            paired,
            literal: true,
            compound,
            swapped,
            lead_slot,
        });
        for lemma in
            std::iter::once(lemma).chain(verbs[1..].iter().map(|v| v.words[v.head].clone()))
        {
            // A verb written as another verb's form ("LEFT", "RISEN"), with no forms of its
            // own and not listed as a form by the dictionary, is that word as the text writes
            // it: PETRARCH reads "left" by the LEFT block. So the word is also read as that
            // form, and its patterns come before those of the verb it is a form of (the first
            // of equal readings wins).
            let as_form = if lex.irregular.rows(&lemma) == 0 && !self.listed_forms.contains(&lemma)
            {
                lex.irregular.form_of(&lemma)
            } else {
                None
            };
            for infl in lex.irregular.inflect(&lemma) {
                for (form, mut bits) in infl.forms() {
                    let key = lex.intern(&form);
                    let list = lex.verbs.entry(key).or_default();
                    if let Some(extra) = as_form.filter(|_| form == lemma) {
                        bits.0 |= extra.0;
                        let first = self.written_forms.entry(key).or_default();
                        if *first == 0 || list[*first - 1].0 != idx {
                            list.insert(*first, (idx, bits));
                            *first += 1;
                        }
                        continue;
                    }
                    // `idx` is new: an entry of it can only be one this loop pushed, the last
                    // (a form listed twice, as past and participle, or by two verbs of the
                    // block). A scan of the whole list made a common verb's load quadratic.
                    if list.last().is_none_or(|(p, _)| *p != idx) {
                        list.push((idx, bits));
                    }
                }
            }
        }
    }
}

/// The code of each agent entry, with the codes of the agents its phrase holds after its first
/// word. PETRARCH reads an agent at every word of a noun phrase, so "main opposition group"
/// (`[~MOP]`) holding "opposition group" (`[~OPP]`) codes `MOPOPP`; a prefix code goes before
/// the one already read ("human rights activist" `[HGM~]` holding "rights activist" `[SGM~]`
/// codes `SGMHGM`). Only agents of the same kind (suffix or prefix) combine, and a code
/// already there is not added again ("prime minister" `[~GOV]` holding "minister" `[~GOV]`
/// codes `GOV`, "foreign minister" `[~GOVFRM]` `GOVFRM`).
fn nested_agent_codes(entries: &[agents::AgentEntry]) -> Vec<String> {
    let mut by_phrase: FxHashMap<&str, (&str, bool)> = FxHashMap::default();
    for e in entries {
        for p in &e.singular {
            by_phrase.entry(p.as_str()).or_insert((&e.code, e.prefix));
        }
    }
    entries
        .iter()
        .map(|e| {
            let mut code = e.code.clone();
            let Some(phrase) = e.singular.first() else {
                return code;
            };
            let words: Vec<&str> = phrase.split(' ').collect();
            let mut start = 1;
            while start < words.len() {
                // The longest agent phrase starting at this word.
                let found = (start + 1..=words.len()).rev().find_map(|end| {
                    by_phrase
                        .get(words[start..end].join(" ").as_str())
                        .map(|&c| (end, c))
                });
                match found {
                    Some((end, (c, prefix))) if prefix == e.prefix => {
                        code = if code.contains(c) {
                            code
                        } else if prefix {
                            format!("{c}{code}")
                        } else {
                            format!("{code}{c}")
                        };
                        start = end;
                    }
                    _ => start += 1,
                }
            }
            code
        })
        .collect()
}

/// The forms of a verb from its regular inflections and the irregular ones a dictionary lists
/// (`{BANS BANNED}`): a form in -ing is the gerund, one in -s the third person, others the past
/// (the first) and the participle.
fn irregular_row(lemma: &str, forms: &[String]) -> Inflections {
    let mut row = regular_inflections(lemma);
    let mut past_seen = false;
    for f in forms {
        if f == lemma {
            continue;
        }
        if f.ends_with("ing") {
            row.gerund = f.clone();
        } else if f.ends_with('s') && !f.ends_with("ss") {
            row.third = f.clone();
        } else if !past_seen {
            row.past = f.clone();
            row.participle = f.clone();
            past_seen = true;
        } else {
            row.participle = f.clone();
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_rows() {
        let r = irregular_row("ban", &["bans".into(), "banned".into(), "banning".into()]);
        assert_eq!((r.past.as_str(), r.gerund.as_str()), ("banned", "banning"));
        let r = irregular_row("fall", &["falls".into(), "fell".into(), "fallen".into()]);
        assert_eq!((r.past.as_str(), r.participle.as_str()), ("fell", "fallen"));
    }

    #[test]
    fn kinds_by_name() {
        assert_eq!(
            PetrarchKind::of_file_name("PETR.Validate.actors.txt"),
            Some(PetrarchKind::Actors)
        );
        assert_eq!(
            PetrarchKind::of_file_name("Phoenix.discards.txt"),
            Some(PetrarchKind::Discards)
        );
    }

    /// A phrase of a PETRARCH file cites that file and line in a lookup, with or without the
    /// built-ins loaded before it.
    #[test]
    fn lookup_cites_the_petrarch_file_and_line() {
        let actors = "# invented for this test\nNORTHERN_RIVERS_FRONT [SDNREB]\n+NRF\n";
        for builtin in [true, false] {
            let lex = crate::lexicon::Lexicon::builder()
                .builtin(builtin)
                .petrarch_str(
                    PetrarchKind::Agents,
                    "t.agents.txt",
                    "HARBOUR_MASTER [~GOV]\n",
                )
                .petrarch_str(PetrarchKind::Actors, "t.actors.txt", actors)
                .build()
                .unwrap();
            let l = lex.lookup("Northern Rivers Front", None);
            let e = &l.entries[0];
            assert_eq!(e.origin.to_string(), "t.actors.txt:2", "builtin {builtin}");
            let l = lex.lookup("NRF", None);
            assert_eq!(l.entries[0].origin.to_string(), "t.actors.txt:3");
            let l = lex.lookup("harbour master", None);
            assert_eq!(l.entries[0].origin.to_string(), "t.agents.txt:1");
        }
    }
}
