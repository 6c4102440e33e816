//! Reading dictionary files into a [`Lexicon`]. A file's kind is recognised by its header row.

use std::sync::Arc;

use super::Lexicon;
use super::ids::{
    AgentId, ContextId, GroupId, OrgId, OutletId, PatternId, PersonId, PlaceId, StateId,
};
use super::model::*;
use super::normalize::phrase_units;
use super::verbs::Inflections;
use crate::error::{Error, Position, Result};
use crate::ontology::Sector;
use crate::tsv::{self, Row, split_list};
use chrono::NaiveDate;
use smol_str::SmolStr;

/// The kinds of dictionary file, by header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    States,
    Organizations,
    Agents,
    OfficeHolders,
    Places,
    Outlets,
    Verbs,
    IrregularVerbs,
    Contexts,
    FunctionWords,
    Groups,
    Institutions,
    FormerStates,
    Nouns,
}

const HEADERS: [(FileKind, &[&str]); 14] = [
    (
        FileKind::States,
        &[
            "iso3",
            "cameo",
            "name",
            "aliases",
            "adjectives",
            "demonyms",
            "combining",
            "capital",
            "seats",
            "status",
        ],
    ),
    (
        FileKind::Organizations,
        &["org", "cameo", "sector", "kind", "phrases"],
    ),
    (FileKind::Agents, &["phrases", "cameo", "sector", "flags"]),
    (
        FileKind::OfficeHolders,
        &["holder", "office", "name", "variants", "start", "end"],
    ),
    (FileKind::Places, &["name", "aliases", "iso3", "kind"]),
    (FileKind::Outlets, &["name", "aliases", "country", "kind"]),
    (FileKind::Verbs, &["code", "pattern"]),
    (
        FileKind::IrregularVerbs,
        &["base", "third", "past", "participle", "gerund"],
    ),
    (FileKind::Contexts, &["context", "keywords"]),
    (FileKind::FunctionWords, &["word", "class"]),
    (
        FileKind::Groups,
        &["group", "country", "cameo", "sector", "phrases"],
    ),
    (FileKind::Institutions, &["iso3", "sector", "phrases"]),
    (FileKind::Nouns, &["code", "noun"]),
    (
        FileKind::FormerStates,
        &[
            "iso3",
            "cameo",
            "name",
            "aliases",
            "adjectives",
            "demonyms",
            "capital",
            "seat_of",
            "from",
            "to",
        ],
    ),
];

/// The built-in dictionaries, compiled into the library, in load order.
pub(crate) const BUILTIN: [(&str, &str); 24] = [
    (
        "builtin:irregular_verbs.tsv",
        include_str!("../../data/irregular_verbs.tsv"),
    ),
    (
        "builtin:function_words.tsv",
        include_str!("../../data/function_words.tsv"),
    ),
    ("builtin:states.tsv", include_str!("../../data/states.tsv")),
    (
        "builtin:former_states.tsv",
        include_str!("../../data/former_states.tsv"),
    ),
    (
        "builtin:institutions.tsv",
        include_str!("../../data/institutions.tsv"),
    ),
    (
        "builtin:organizations.tsv",
        include_str!("../../data/organizations.tsv"),
    ),
    ("builtin:groups.tsv", include_str!("../../data/groups.tsv")),
    ("builtin:agents.tsv", include_str!("../../data/agents.tsv")),
    (
        "builtin:officeholders_g20.tsv",
        include_str!("../../data/officeholders_g20.tsv"),
    ),
    (
        "builtin:officeholders_world.tsv",
        include_str!("../../data/officeholders_world.tsv"),
    ),
    (
        "builtin:officeholders_historic.tsv",
        include_str!("../../data/officeholders_historic.tsv"),
    ),
    (
        "builtin:officeholders_africa_nwc.tsv",
        include_str!("../../data/officeholders_africa_nwc.tsv"),
    ),
    (
        "builtin:officeholders_africa_es.tsv",
        include_str!("../../data/officeholders_africa_es.tsv"),
    ),
    (
        "builtin:officeholders_americas.tsv",
        include_str!("../../data/officeholders_americas.tsv"),
    ),
    (
        "builtin:officeholders_asia_pacific.tsv",
        include_str!("../../data/officeholders_asia_pacific.tsv"),
    ),
    (
        "builtin:officeholders_europe.tsv",
        include_str!("../../data/officeholders_europe.tsv"),
    ),
    ("builtin:places.tsv", include_str!("../../data/places.tsv")),
    (
        "builtin:outlets.tsv",
        include_str!("../../data/outlets.tsv"),
    ),
    (
        "builtin:contexts.tsv",
        include_str!("../../data/contexts.tsv"),
    ),
    (
        "builtin:verbs/statements.tsv",
        include_str!("../../data/verbs/statements.tsv"),
    ),
    (
        "builtin:verbs/material.tsv",
        include_str!("../../data/verbs/material.tsv"),
    ),
    (
        "builtin:verbs/conflict.tsv",
        include_str!("../../data/verbs/conflict.tsv"),
    ),
    (
        "builtin:verbs/extra.tsv",
        include_str!("../../data/verbs/extra.tsv"),
    ),
    ("builtin:nouns.tsv", include_str!("../../data/nouns.tsv")),
];

/// The header row of a file (the first line that is neither blank nor a comment), its fields
/// and its position (1-based line, byte offset).
fn header_of(text: &str) -> Option<(Vec<&str>, usize, usize)> {
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let at = offset;
        offset += raw.len();
        let l = raw.strip_suffix('\n').unwrap_or(raw);
        let l = l.strip_suffix('\r').unwrap_or(l);
        if !l.trim().is_empty() && !l.trim_start().starts_with('#') {
            return Some((l.split('\t').map(str::trim).collect(), i + 1, at));
        }
    }
    None
}

/// Recognises a dictionary file by its header row.
pub(crate) fn detect(name: &str, text: &str) -> Result<FileKind> {
    let (header, line, offset) = header_of(text).unwrap_or((Vec::new(), 1, 0));
    HEADERS
        .iter()
        .find(|(_, h)| *h == header.as_slice())
        .map(|(k, _)| *k)
        .ok_or_else(|| Error::Dictionary {
            source_name: name.to_string(),
            position: Position {
                line,
                column: 1,
                offset,
            },
            message: if header.is_empty() {
                "no header row: the first line that is not blank or a comment must name the \
                 columns (e.g. \"phrases\\tcameo\\tsector\\tflags\")"
                    .to_string()
            } else {
                format!(
                    "unrecognised header {:?}; expected one of the headers of FORMAT.md (e.g. \
                     \"phrases\\tcameo\\tsector\\tflags\")",
                    // Debug formatting escapes each tab once, as in the example.
                    header.join("\t")
                )
            },
        })
}

/// The order kinds load in: what a row refers to (states, organizations, irregular verbs) is
/// loaded before it. Built-in files are listed in this order; user files are sorted into it.
pub(crate) fn load_rank(kind: FileKind) -> usize {
    use FileKind::*;
    [
        IrregularVerbs,
        FunctionWords,
        States,
        FormerStates,
        Institutions,
        Organizations,
        Groups,
        Agents,
        OfficeHolders,
        Places,
        Outlets,
        Contexts,
        Verbs,
        Nouns,
    ]
    .iter()
    .position(|k| *k == kind)
    .unwrap_or(0)
}

fn headers(kind: FileKind) -> &'static [&'static str] {
    HEADERS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, h)| *h)
        .unwrap_or(&[])
}

/// A phrase from a list field with its markers removed.
struct Marked<'a> {
    text: &'a str,
    ambiguous: bool,
    exact: bool,
}

fn marked(raw: &str) -> Marked<'_> {
    let mut text = raw.trim();
    let mut ambiguous = false;
    let mut exact = false;
    loop {
        if let Some(t) = text.strip_prefix('?') {
            ambiguous = true;
            text = t.trim_start();
        } else if let Some(t) = text.strip_prefix('=') {
            exact = true;
            text = t.trim_start();
        } else {
            break;
        }
    }
    Marked {
        text,
        ambiguous,
        exact,
    }
}

fn is_short_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && !s.contains(' ') && s.chars().all(|c| !c.is_lowercase())
}

/// The most senses one phrase may have; more would make loading quadratic (every new sense is
/// compared with the phrase's others), so further ones are skipped with a warning.
pub const MAX_SENSES_PER_PHRASE: usize = 64;

/// The most rows one irregular verb may have (every pattern of the verb copies them); further
/// ones are skipped with a warning.
pub const MAX_IRREGULAR_ROWS: usize = 8;

/// The most units (words and marks) a phrase may have; a longer one is skipped with a warning.
pub const MAX_PHRASE_UNITS: usize = 64;

/// What a [`DictionaryWarning`] is about: a row, or part of one, that was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A pattern the matcher cannot use: it must start with its verb, not with `{t}`, `*` or
    /// a hyphen (`{t} visit`, `* greet`, `-operate with {t}`).
    UnusablePattern,
    /// A phrase with nothing to match (only markers or spaces), or longer than
    /// [`MAX_PHRASE_UNITS`] units.
    UnusablePhrase,
    /// A phrase with more than [`MAX_SENSES_PER_PHRASE`] senses, or an irregular verb with more
    /// than [`MAX_IRREGULAR_ROWS`] rows.
    TooManySenses,
    /// A line of a PETRARCH or TABARI dictionary that could not be read: skipped (an error in
    /// strict mode).
    BadLine,
    /// Bytes of a PETRARCH or TABARI dictionary that are not UTF-8: read as U+FFFD (an error in
    /// strict mode).
    Encoding,
    /// A section of a TABARI dictionary the model does not use (`<TIME>`, `<NOUN>`, ...):
    /// skipped, warned about once per section.
    UnusedSection,
    /// An event code outside the CAMEO table (`903`, `174K`): kept, its events have no label,
    /// quad class or PLOVER type.
    UnknownCode,
    /// A pattern that is the same as an earlier one of the loaded dictionaries: the first wins.
    DuplicatePattern,
    /// A pattern whose synsets and alternatives make more than
    /// [`petrarch::MAX_VARIANTS`](super::petrarch::MAX_VARIANTS) patterns: the first ones are
    /// kept.
    TooManyVariants,
}

impl WarningKind {
    /// Every kind, in order.
    pub const ALL: [WarningKind; 9] = [
        WarningKind::UnusablePattern,
        WarningKind::UnusablePhrase,
        WarningKind::TooManySenses,
        WarningKind::BadLine,
        WarningKind::Encoding,
        WarningKind::UnusedSection,
        WarningKind::UnknownCode,
        WarningKind::DuplicatePattern,
        WarningKind::TooManyVariants,
    ];

    /// The kind's name, as in `eventcoder lexicon stats`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::UnusablePattern => "unusable_pattern",
            WarningKind::UnusablePhrase => "unusable_phrase",
            WarningKind::TooManySenses => "too_many_senses",
            WarningKind::BadLine => "bad_line",
            WarningKind::Encoding => "encoding",
            WarningKind::UnusedSection => "unused_section",
            WarningKind::UnknownCode => "unknown_code",
            WarningKind::DuplicatePattern => "duplicate_pattern",
            WarningKind::TooManyVariants => "too_many_variants",
        }
    }
}

/// A part of a dictionary that was skipped, and where: loading goes on (an error stops it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DictionaryWarning {
    /// The file name (`builtin:NAME` for a built-in file).
    pub source_name: String,
    /// Where in that file: the line and the column of the skipped field or list item.
    pub position: Position,
    /// What kind of problem it is.
    pub kind: WarningKind,
    /// What was skipped and why.
    pub message: String,
}

impl std::fmt::Display for DictionaryWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: warning: {}",
            self.source_name, self.position, self.message
        )
    }
}

pub(crate) struct Loader<'l> {
    pub lex: &'l mut Lexicon,
    pub user: bool,
    /// The file being loaded: its index in the lexicon's files.
    pub file: u32,
}

/// Codes a CAMEO actor code of an organization or of a group with no state may start with.
const INTERNATIONAL: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// The three-character parts of a CAMEO actor code, if it is made of them (capital letters and
/// digits: "IGOWAFG5S").
fn cameo_parts(code: &str) -> Option<Vec<&str>> {
    let ok = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit();
    (!code.is_empty() && code.len() % 3 == 0 && code.bytes().all(ok)).then(|| {
        (0..code.len())
            .step_by(3)
            .map(|i| &code[i..i + 3])
            .collect()
    })
}

impl Loader<'_> {
    /// The error at `part` of `row`: a field (`row.get(i)`), a list item or a word of a field.
    fn err_at(&self, file: &str, row: &Row<'_>, part: &str, message: String) -> Error {
        Error::Dictionary {
            source_name: file.to_string(),
            position: row.position_of(part),
            message,
        }
    }

    /// The error at field `col` (0-based) of `row`.
    fn err(&self, file: &str, row: &Row<'_>, col: usize, message: String) -> Error {
        let part = row.fields.get(col).copied().unwrap_or(row.raw);
        self.err_at(file, row, part, message)
    }

    /// Records a warning at `part` of `row`.
    fn warn(&mut self, file: &str, row: &Row<'_>, part: &str, kind: WarningKind, message: String) {
        self.lex.warnings.push(DictionaryWarning {
            source_name: file.to_string(),
            position: row.position_of(part),
            kind,
            message,
        });
    }

    /// The error for a table with no room for another row: ids are 32-bit.
    fn full(&self, file: &str, row: &Row<'_>, table: &str) -> Error {
        self.err(
            file,
            row,
            0,
            format!("too many {table}: a table holds at most 2^32 rows"),
        )
    }

    /// Adds one phrase (`raw`, a field or list item of `row`) with one sense.
    fn phrase(&mut self, file: &str, row: &Row<'_>, raw: &str, referent: Referent) {
        self.phrase_at(file, row, raw, raw, referent);
    }

    /// Adds one phrase with one sense; `at` is the part of `row` a warning points at.
    fn phrase_at(&mut self, file: &str, row: &Row<'_>, at: &str, raw: &str, referent: Referent) {
        self.phrase_with(file, row.line, || row.position_of(at), raw, referent);
        // "al-Qaeda" is also written "al Qaeda", and "Al Thani" "Al-Thani": an Arabic article
        // joined by a hyphen matches joined by a space, and the other way round.
        if let Some(variant) = article_variant(raw) {
            self.phrase_with(file, row.line, || row.position_of(at), &variant, referent);
        }
    }

    /// Adds one phrase of line `line` with one sense; `at` gives the position a warning points
    /// at.
    pub(crate) fn phrase_with(
        &mut self,
        file: &str,
        line: usize,
        at: impl FnOnce() -> Position,
        raw: &str,
        referent: Referent,
    ) {
        // (`line` goes with every sense, for `Lexicon::lookup`; the exact position, costly on a
        // long row, only with a warning.)
        let mut at = Some(at);
        let mut warn = |lex: &mut Lexicon, kind: WarningKind, message: String| {
            if let Some(at) = at.take() {
                lex.warnings.push(DictionaryWarning {
                    source_name: file.to_string(),
                    position: at(),
                    kind,
                    message,
                });
            }
        };
        let m = marked(raw);
        if m.text.is_empty() {
            if !raw.trim().is_empty() {
                let message = format!("phrase {raw:?} has only markers: skipped");
                warn(self.lex, WarningKind::UnusablePhrase, message);
            }
            return;
        }
        let units = phrase_units(m.text);
        if units.is_empty() || units.len() > MAX_PHRASE_UNITS {
            let message = if units.is_empty() {
                format!("phrase {:?} has nothing to match: skipped", m.text)
            } else {
                format!(
                    "phrase of {} units (words and marks), more than {MAX_PHRASE_UNITS}: skipped",
                    units.len()
                )
            };
            warn(self.lex, WarningKind::UnusablePhrase, message);
            return;
        }
        let exact_case = m.exact || is_short_acronym(m.text);
        let caps = units.iter().enumerate().fold(0u64, |acc, (i, (_, s))| {
            if s.chars().next().is_some_and(char::is_uppercase) {
                acc | 1 << i
            } else {
                acc
            }
        });
        let keys: Vec<u32> = units.iter().map(|(k, _)| self.lex.intern(k)).collect();
        let surface: Option<Box<[Box<str>]>> =
            exact_case.then(|| units.iter().map(|(_, s)| s.as_str().into()).collect());
        let next = self.lex.senses.len() as u32;
        let slot = self.lex.phrases.insert(&keys, next);
        if slot == next {
            self.lex.senses.push(Vec::new());
        }
        let entry = SenseEntry {
            sense: Sense {
                referent,
                ambiguous: m.ambiguous,
                exact_case,
            },
            caps,
            surface,
            user: self.user,
            file: self.file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
        };
        let senses = &mut self.lex.senses[slot as usize];
        if self.user
            && senses
                .iter()
                .any(|s| !s.user && same_category(s.sense.referent, referent))
        {
            senses.retain(|s| s.user || !same_category(s.sense.referent, referent));
        }
        let full = senses.len() >= MAX_SENSES_PER_PHRASE;
        match senses.iter_mut().find(|s| s.sense.referent == referent) {
            // The same phrase listed twice: a `?` mark on either makes it ambiguous.
            Some(existing) => existing.sense.ambiguous |= entry.sense.ambiguous,
            // Capped, so that each phrase costs a bounded time (loading stays linear).
            None if full => {
                let message = format!(
                    "phrase {:?} already has {MAX_SENSES_PER_PHRASE} senses: this one is skipped",
                    m.text
                );
                warn(self.lex, WarningKind::TooManySenses, message);
            }
            None => self.lex.senses[slot as usize].push(entry),
        }
    }

    pub fn load(&mut self, file: &str, text: &str) -> Result<()> {
        let kind = detect(file, text)?;
        let rows = tsv::read(file, text, headers(kind))?;
        let origin_file: Arc<str> = file.into();
        self.file = u32::try_from(self.lex.files.len()).unwrap_or(u32::MAX);
        self.lex.files.push(origin_file.clone());
        for row in &rows {
            let origin = Origin {
                file: origin_file.clone(),
                line: row.line,
            };
            match kind {
                FileKind::States => self.state(file, row)?,
                FileKind::Organizations => self.organization(file, row)?,
                FileKind::Agents => self.agent(file, row)?,
                FileKind::OfficeHolders => self.office_holder(file, row, origin)?,
                FileKind::Places => self.place(file, row)?,
                FileKind::Outlets => self.outlet(file, row)?,
                FileKind::Verbs => self.pattern(file, row, origin)?,
                FileKind::IrregularVerbs => self.irregular(file, row)?,
                FileKind::Contexts => self.context(file, row)?,
                FileKind::FunctionWords => self.function_word(file, row)?,
                FileKind::Groups => self.group(file, row)?,
                FileKind::Institutions => self.institution(file, row)?,
                FileKind::FormerStates => self.former_state(file, row)?,
                FileKind::Nouns => self.event_noun(file, row, origin)?,
            }
        }
        Ok(())
    }

    /// Field `col`, which must not be empty.
    fn required<'a>(&self, file: &str, row: &Row<'a>, col: usize, what: &str) -> Result<&'a str> {
        match row.get(col) {
            "" => Err(self.err(file, row, col, format!("empty {what}"))),
            v => Ok(v),
        }
    }

    /// The CAMEO code of a state in column `col`: three capital letters.
    fn state_cameo<'a>(&self, file: &str, row: &Row<'a>, col: usize) -> Result<&'a str> {
        let code = row.get(col);
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(self.err(
                file,
                row,
                col,
                format!("a state's CAMEO code must be three capital letters, found {code:?}"),
            ));
        }
        Ok(code)
    }

    /// The CAMEO code of an organization, or of a group with no state, in column `col`:
    /// three-letter parts, the first one IGO, NGO, IMG or MNC.
    fn international_cameo<'a>(&self, file: &str, row: &Row<'a>, col: usize) -> Result<&'a str> {
        let code = row.get(col);
        match cameo_parts(code) {
            Some(parts) if INTERNATIONAL.contains(&parts[0]) => Ok(code),
            _ => Err(self.err(
                file,
                row,
                col,
                format!(
                    "unknown CAMEO actor code {code:?}: without a state it is made of three-letter \
                     parts and starts with {}",
                    INTERNATIONAL.join(", ")
                ),
            )),
        }
    }

    /// The state of a row (iso3 in column 0, CAMEO code in 1, name in 2, capital in column
    /// `capital`), added with `status` if new; `true` when it was added.
    fn state_of_row(
        &mut self,
        file: &str,
        row: &Row<'_>,
        capital: usize,
        status: &str,
    ) -> Result<(StateId, bool)> {
        let iso3 = row.get(0);
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(self.err(
                file,
                row,
                0,
                format!("iso3 must be three capital letters, found {iso3:?}"),
            ));
        }
        let cameo = self.state_cameo(file, row, 1)?;
        if let Some(&i) = self.lex.state_index.get(iso3) {
            return Ok((i, false));
        }
        let name = marked(row.get(2)).text;
        if name.is_empty() {
            return Err(self.err(file, row, 2, "empty state name".into()));
        }
        let i = StateId::from_index(self.lex.states.len())
            .ok_or_else(|| self.full(file, row, "states"))?;
        self.lex.states.push(State {
            iso3: iso3.into(),
            cameo: cameo.into(),
            name: name.into(),
            capital: Some(marked(row.get(capital)).text)
                .filter(|c| !c.is_empty())
                .map(SmolStr::from),
            status: status.to_string(),
        });
        self.lex.state_index.insert(iso3.to_string(), i);
        Ok((i, true))
    }

    fn state(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let status = row.get(9);
        if !matches!(status, "member" | "observer" | "other") {
            return Err(self.err(
                file,
                row,
                9,
                format!("unknown status {status:?}: it must be member, observer or other"),
            ));
        }
        let (idx, _) = self.state_of_row(file, row, 7, status)?;
        self.state_phrases(file, row, idx, [2, 3, 4, 5, 7]);
        for p in row.list(6) {
            self.phrase(file, row, p, Referent::StateCombining(idx));
        }
        for p in row.list(8) {
            let (phrase, sector) = match p.rsplit_once(':') {
                Some((ph, sec))
                    if sec.len() == 3 && sec.bytes().all(|b| b.is_ascii_uppercase()) =>
                {
                    (ph, self.sector_code(file, row, sec)?)
                }
                _ => (p, Sector::Gov),
            };
            self.phrase(file, row, phrase, Referent::Seat { state: idx, sector });
        }
        Ok(())
    }

    /// The index of the state whose iso3 code is `iso3` (a part of `row`), or an error there.
    fn state_of(&self, file: &str, row: &Row<'_>, iso3: &str) -> Result<StateId> {
        self.lex.state_index.get(iso3).copied().ok_or_else(|| {
            self.err_at(
                file,
                row,
                iso3,
                format!("unknown state {iso3:?}: it must be an iso3 code of states.tsv"),
            )
        })
    }

    /// The index of a state named in column `col`, or an error at that column.
    fn state_ref(&self, file: &str, row: &Row<'_>, col: usize) -> Result<StateId> {
        self.state_of(file, row, row.get(col))
    }

    /// A national institution whose name carries its state ("Bundestag", "FBI"): a seat of
    /// power with a sector.
    fn institution(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let state = self.state_ref(file, row, 0)?;
        let sector = self.sector(file, row, 1)?;
        for p in row.list(2) {
            self.phrase(file, row, p, Referent::Seat { state, sector });
        }
        Ok(())
    }

    /// A former state (ISO 3166-3) with its dates, or former names of a present-day state.
    fn former_state(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let date = |col: usize| {
            NaiveDate::parse_from_str(row.get(col), "%Y-%m-%d")
                .map_err(|e| self.err(file, row, col, format!("bad date {:?}: {e}", row.get(col))))
        };
        let (from, to) = (date(8)?, date(9)?);
        if to < from {
            return Err(self.err(file, row, 9, "`to` is before `from`".into()));
        }
        let seat_of = match row.get(7) {
            "" => None,
            _ => Some(self.state_ref(file, row, 7)?),
        };
        let (idx, added) = self.state_of_row(file, row, 6, "former")?;
        if added {
            self.lex.former.push(FormerState {
                state: idx,
                seat_of,
                from,
                to,
            });
        }
        self.state_phrases(file, row, idx, [2, 3, 4, 5, 6]);
        Ok(())
    }

    /// A state's name, aliases, adjectives, demonyms and capital, from the columns given in
    /// that order.
    fn state_phrases(
        &mut self,
        file: &str,
        row: &Row<'_>,
        idx: StateId,
        [name, aliases, adjectives, demonyms, capital]: [usize; 5],
    ) {
        self.phrase(file, row, row.get(name), Referent::StateName(idx));
        for p in row.list(aliases) {
            self.phrase(file, row, p, Referent::StateName(idx));
        }
        for p in row.list(adjectives) {
            self.phrase(file, row, p, Referent::StateAdjective(idx));
        }
        for p in row.list(demonyms) {
            self.phrase(file, row, p, Referent::StateDemonym(idx));
        }
        if !row.get(capital).is_empty() {
            self.phrase(file, row, row.get(capital), Referent::Capital(idx));
        }
    }

    fn organization(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let code = self.required(file, row, 0, "organization code")?;
        let cameo = self.international_cameo(file, row, 1)?;
        let sector = self.sector(file, row, 2)?;
        let kind = row.get(3);
        if !matches!(kind, "org" | "body" | "official") {
            return Err(self.err(
                file,
                row,
                3,
                format!("kind must be org, body or official, found {kind:?}"),
            ));
        }
        let idx = match self.lex.org_index.get(code) {
            Some(&i) => i,
            None => {
                let i = OrgId::from_index(self.lex.organizations.len())
                    .ok_or_else(|| self.full(file, row, "organizations"))?;
                let name = row
                    .list(4)
                    .next()
                    .map(|p| marked(p).text.to_string())
                    .unwrap_or_else(|| code.to_string());
                self.lex.organizations.push(Organization {
                    code: code.into(),
                    cameo: cameo.into(),
                    name,
                });
                self.lex.org_index.insert(code.to_string(), i);
                i
            }
        };
        if kind == "org" {
            let name = row.list(4).next().map(|p| marked(p).text.to_string());
            if let Some(name) = name {
                self.lex.organizations[idx].name = name;
            }
        }
        for p in row.list(4) {
            self.phrase(
                file,
                row,
                p,
                Referent::Organization {
                    org: idx,
                    sector,
                    official: kind == "official",
                },
            );
        }
        Ok(())
    }

    fn group(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        self.required(file, row, 0, "group code")?;
        let cameo = row.get(2);
        match row.get(1) {
            "" => {
                self.international_cameo(file, row, 2)?;
            }
            _ => {
                // The state's code, then a known agent code, then anything (a group's own
                // three-letter parts).
                let state = self.state_ref(file, row, 1)?;
                let prefix = self.lex.states[state].cameo.as_str();
                let parts = cameo_parts(cameo).unwrap_or_default();
                let agent_ok = parts
                    .get(1)
                    .is_some_and(|a| !matches!(a.parse::<Sector>(), Ok(Sector::Unk) | Err(_)));
                if parts.first() != Some(&prefix) || !agent_ok {
                    return Err(self.err(
                        file,
                        row,
                        2,
                        format!(
                            "unknown CAMEO actor code {cameo:?}: a group of a state has the state's \
                             code ({prefix}) and an agent code (GOV, REB, INS, PTY, ...), e.g. \
                             {prefix}REB"
                        ),
                    ));
                }
            }
        }
        let sector = self.sector(file, row, 3)?;
        let idx = GroupId::from_index(self.lex.groups.len())
            .ok_or_else(|| self.full(file, row, "groups"))?;
        self.lex.groups.push(Group {
            code: row.get(0).into(),
            country: Some(row.get(1))
                .filter(|c| !c.is_empty())
                .map(SmolStr::from),
            cameo: cameo.into(),
            sector,
            dated: Vec::new(),
        });
        for p in row.list(4) {
            self.phrase(file, row, p, Referent::Group(idx));
        }
        Ok(())
    }

    /// The sector in column `col`: a known code other than `UNK`, or an error at that column.
    fn sector(&self, file: &str, row: &Row<'_>, col: usize) -> Result<Sector> {
        self.sector_code(file, row, row.get(col))
    }

    /// `code` (a part of `row`) as a known sector other than `UNK`, or an error there.
    fn sector_code(&self, file: &str, row: &Row<'_>, code: &str) -> Result<Sector> {
        match code.parse::<Sector>() {
            Ok(Sector::Unk) | Err(_) => Err(self.err_at(
                file,
                row,
                code,
                format!("unknown sector {code:?} (known: GOV, MIL, COP, JUD, LEG, REB, ... see ontology::Sector)"),
            )),
            Ok(s) => Ok(s),
        }
    }

    fn agent(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let mut flags = AgentFlags::default();
        for f in row.list(3) {
            match f {
                "title" => flags.title = true,
                "plural" => flags.plural = true,
                "counterpart" => flags.counterpart = true,
                "collective" => flags.collective = true,
                "equipment" => flags.equipment = true,
                "aerial" => flags.aerial = true,
                other if other.starts_with("of=") => {
                    flags.of_state = Some(self.state_of(file, row, &other[3..])?);
                }
                other => {
                    return Err(self.err_at(
                        file,
                        row,
                        other,
                        format!("unknown agent flag {other:?}"),
                    ));
                }
            }
        }
        // The agent code: known agent codes of three letters each ("GOV", "MILGOV").
        let cameo = row.get(1);
        let known = |p: &&str| !matches!(p.parse::<Sector>(), Ok(Sector::Unk) | Err(_));
        if !cameo_parts(cameo).is_some_and(|parts| parts.iter().all(known)) {
            return Err(self.err(
                file,
                row,
                1,
                format!(
                    "unknown agent code {cameo:?}: it must be made of known three-letter agent \
                     codes (GOV, MIL, COP, JUD, LEG, REB, ... see ontology::Sector)"
                ),
            ));
        }
        let idx = AgentId::from_index(self.lex.agents.len())
            .ok_or_else(|| self.full(file, row, "agents"))?;
        let name = row
            .list(0)
            .next()
            .map(|p| marked(p).text.to_string())
            .unwrap_or_default();
        let sector = self.sector(file, row, 2)?;
        self.lex.agents.push(Agent {
            name,
            cameo: cameo.into(),
            sector,
            flags,
        });
        for p in row.list(0) {
            self.phrase(file, row, p, Referent::Agent(idx));
        }
        Ok(())
    }

    fn office_holder(&mut self, file: &str, row: &Row<'_>, origin: Origin) -> Result<()> {
        // (States and organizations load before office holders.)
        let holder = row.get(0);
        let holder_kind = if self.lex.organization(holder).is_some() {
            HolderKind::Organization
        } else if self.lex.state_index.contains_key(holder) {
            HolderKind::State
        } else {
            return Err(self.err(
                file,
                row,
                0,
                format!(
                    "unknown holder {holder:?}: it must be an iso3 code of states.tsv or \
                     former_states.tsv, or an org code of organizations.tsv"
                ),
            ));
        };
        let office = Office::parse(row.get(1))
            .ok_or_else(|| self.err(file, row, 1, format!("unknown office {:?}", row.get(1))))?;
        let name = marked(row.get(2)).text.to_string();
        if name.is_empty() {
            return Err(self.err(file, row, 2, "empty name".into()));
        }
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d");
        let start = date(row.get(4)).map_err(|e| {
            self.err(
                file,
                row,
                4,
                format!("bad start date {:?}: {e}", row.get(4)),
            )
        })?;
        let end = match row.get(5) {
            "" => None,
            s => Some(
                date(s).map_err(|e| self.err(file, row, 5, format!("bad end date {s:?}: {e}")))?,
            ),
        };
        if end.is_some_and(|e| e < start) {
            return Err(self.err(file, row, 5, "end date before start date".into()));
        }
        let term = Term {
            holder: holder.into(),
            holder_kind,
            office,
            start,
            end,
            origin,
        };
        let idx = match self.lex.person_index.get(&name) {
            Some(&i) => {
                self.lex.persons[i].terms.push(term);
                i
            }
            None => {
                let i = PersonId::from_index(self.lex.persons.len())
                    .ok_or_else(|| self.full(file, row, "persons"))?;
                self.lex.persons.push(Person {
                    name: name.as_str().into(),
                    terms: vec![term],
                });
                self.lex.person_index.insert(name, i);
                i
            }
        };
        self.phrase(file, row, row.get(2), Referent::Person(idx));
        for p in row.list(3) {
            self.phrase(file, row, p, Referent::Person(idx));
        }
        Ok(())
    }

    fn place(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let name = marked(row.get(0)).text;
        if name.is_empty() {
            return Err(self.err(file, row, 0, "empty place name".into()));
        }
        self.state_ref(file, row, 2)?;
        let kind = match row.get(3) {
            "capital" => PlaceKind::Capital,
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            other => {
                return Err(self.err(
                    file,
                    row,
                    3,
                    format!("place kind must be capital, city or region, found {other:?}"),
                ));
            }
        };
        let idx = PlaceId::from_index(self.lex.places.len())
            .ok_or_else(|| self.full(file, row, "places"))?;
        self.lex.places.push(Place {
            name: name.into(),
            iso3: row.get(2).into(),
            kind,
        });
        self.phrase(file, row, row.get(0), Referent::Place(idx));
        for p in row.list(1) {
            self.phrase(file, row, p, Referent::Place(idx));
        }
        Ok(())
    }

    fn outlet(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let name = marked(row.get(0)).text;
        if name.is_empty() {
            return Err(self.err(file, row, 0, "empty outlet name".into()));
        }
        if !row.get(2).is_empty() {
            self.state_ref(file, row, 2)?;
        }
        let kind = row.get(3);
        if !matches!(kind, "agency" | "newspaper" | "broadcaster" | "online") {
            return Err(self.err(
                file,
                row,
                3,
                format!(
                    "outlet kind must be agency, newspaper, broadcaster or online, found {kind:?}"
                ),
            ));
        }
        let idx = OutletId::from_index(self.lex.outlets.len())
            .ok_or_else(|| self.full(file, row, "outlets"))?;
        self.lex.outlets.push(Outlet {
            name: name.into(),
            country: Some(row.get(2))
                .filter(|c| !c.is_empty())
                .map(SmolStr::from),
        });
        self.phrase(file, row, row.get(0), Referent::Outlet(idx));
        for p in row.list(1) {
            self.phrase(file, row, p, Referent::Outlet(idx));
        }
        Ok(())
    }

    fn context(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let name = row.get(0);
        // A closed set: the PLOVER contexts (so interning the name is bounded too).
        let known = crate::ontology::plover_categories()
            .iter()
            .any(|c| c.kind == "context" && c.name == name);
        if !known {
            return Err(self.err(
                file,
                row,
                0,
                format!("unknown context {name:?}: it must be a PLOVER context of plover.tsv"),
            ));
        }
        let name = super::intern(name);
        let idx = match self.lex.contexts.iter().position(|c| *c == name) {
            Some(i) => i,
            None => {
                self.lex.contexts.push(name);
                self.lex.contexts.len() - 1
            }
        };
        let idx = ContextId::from_index(idx).ok_or_else(|| self.full(file, row, "contexts"))?;
        for k in split_list(row.get(1)) {
            self.phrase(file, row, k, Referent::Context(idx));
        }
        Ok(())
    }

    fn function_word(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let bit = super::words::class_bit(row.get(1)).ok_or_else(|| {
            self.err(file, row, 1, format!("unknown word class {:?}", row.get(1)))
        })?;
        let word = self.required(file, row, 0, "word")?.to_lowercase();
        let verbal = bit
            & (super::words::INTENT
                | super::words::REFUSE
                | super::words::REPORT
                | super::words::THREAT_VERB)
            != 0;
        let forms: Vec<String> = if verbal {
            self.lex
                .irregular
                .inflect(&word)
                .iter()
                .flat_map(|f| f.forms().into_iter().map(|(w, _)| w))
                .collect()
        } else {
            vec![word]
        };
        for f in forms {
            let k = self.lex.intern(&f);
            *self.lex.classes.entry(k).or_default() |= bit;
        }
        Ok(())
    }

    fn irregular(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        for (col, what) in ["base", "third", "past", "participle", "gerund"]
            .into_iter()
            .enumerate()
        {
            self.required(file, row, col, what)?;
        }
        let f = |i: usize| row.get(i).to_ascii_lowercase();
        if self.lex.irregular.rows(&f(0)) >= MAX_IRREGULAR_ROWS {
            let message = format!(
                "verb {:?} already has {MAX_IRREGULAR_ROWS} rows: this one is skipped",
                row.get(0)
            );
            self.warn(file, row, row.get(0), WarningKind::TooManySenses, message);
            return Ok(());
        }
        self.lex.irregular.add(Inflections {
            base: f(0),
            third: f(1),
            past: f(2),
            participle: f(3),
            gerund: f(4),
        });
        Ok(())
    }

    /// An event noun ("invasion", "phone call"): a pattern without elements, matched as a
    /// phrase (singular and plural); the coder finds its actors around it.
    fn event_noun(&mut self, file: &str, row: &Row<'_>, origin: Origin) -> Result<()> {
        let code = row.get(0);
        if crate::ontology::cameo(code).is_none() {
            return Err(self.err(file, row, 0, format!("unknown CAMEO code {code:?}")));
        }
        let noun = self.required(file, row, 1, "noun")?;
        let idx = PatternId::from_index(self.lex.patterns.len())
            .ok_or_else(|| self.full(file, row, "patterns"))?;
        let rule = format!("{origin} `{noun}`").into_boxed_str();
        self.lex.patterns.push(Pattern {
            code: code.to_string(),
            text: noun.to_string(),
            lemma: noun.to_string(),
            prefix: Vec::new(),
            elems: Vec::new(),
            origin,
            rule,
            before: Vec::new(),
            paired: None,
            literal: false,
            compound: false,
            swapped: false,
            lead_slot: false,
        });
        let plural = match noun.rsplit_once(' ') {
            Some((head, last)) => format!("{head} {}", super::verbs::plural_of(last)),
            None => super::verbs::plural_of(noun),
        };
        self.phrase(file, row, noun, Referent::EventNoun(idx));
        if plural != noun {
            self.phrase_at(file, row, noun, &plural, Referent::EventNoun(idx));
        }
        Ok(())
    }

    fn pattern(&mut self, file: &str, row: &Row<'_>, origin: Origin) -> Result<()> {
        let code = row.get(0);
        if crate::ontology::cameo(code).is_none() {
            return Err(self.err(file, row, 0, format!("unknown CAMEO code {code:?}")));
        }
        let text = row.get(1);
        let mut words = text.split_whitespace();
        let Some(first) = words.next() else {
            return Err(self.err(file, row, 1, "empty pattern".into()));
        };
        let lemma = first.to_ascii_lowercase();
        let unusable = if lemma.starts_with('{') {
            Some("starts with a slot")
        } else if lemma == "*" {
            Some("starts with a gap")
        } else if lemma.starts_with('-') || lemma.ends_with('-') || lemma.contains("--") {
            Some("has a verb with an empty hyphenated part")
        } else {
            None
        };
        if let Some(why) = unusable {
            self.lex.skipped_patterns += 1;
            let message = format!(
                "pattern {text:?} {why}: a pattern starts with its verb (\"meet with {{t}}\"); skipped"
            );
            self.warn(file, row, first, WarningKind::UnusablePattern, message);
            return Ok(());
        }
        // "test-fire": the verb is the last part, the others a prefix in the same word.
        let (prefix, lemma) = match lemma.rsplit_once('-') {
            Some((first, head)) => {
                let mut keys = Vec::new();
                for part in first.split('-') {
                    keys.push(self.lex.intern(part));
                    keys.push(self.lex.intern("-"));
                }
                (keys, head.to_string())
            }
            None => (Vec::new(), lemma),
        };
        let mut elems = Vec::new();
        for w in words {
            match w {
                "*" => elems.push(PatternElem::Gap),
                "{t}" => elems.push(PatternElem::Target),
                "{-}" => elems.push(PatternElem::NoTarget),
                w if w.starts_with('{') => {
                    return Err(self.err_at(
                        file,
                        row,
                        w,
                        format!("unknown pattern slot {w:?}; use {{t}} or {{-}}"),
                    ));
                }
                // A possessive clitic on its own ("welcome {t} 's") is one unit, as after a word.
                "'s" | "’s" => {
                    let k = self.lex.intern("'s");
                    elems.push(PatternElem::Word(k, k));
                }
                w => {
                    for (key, _) in phrase_units(w) {
                        let plural = super::verbs::plural_of(&key);
                        let k = self.lex.intern(&key);
                        let p = self.lex.intern(&plural);
                        elems.push(PatternElem::Word(k, p));
                    }
                }
            }
        }
        // One pattern, one code: a second row with the same pattern is an error within the
        // built-ins or within user files; a user row replaces a built-in one.
        let norm = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if let Some(&(prev, prev_user)) = self.lex.pattern_index.get(&norm) {
            if self.user && !prev_user {
                let p = &mut self.lex.patterns[prev];
                p.code = code.to_string();
                p.rule = format!("{origin} `{text}`").into_boxed_str();
                p.origin = origin;
                self.lex.pattern_index.insert(norm, (prev, true));
                return Ok(());
            }
            let p = &self.lex.patterns[prev];
            let what = if p.code == code {
                "a duplicate of"
            } else {
                "in conflict with"
            };
            let message = format!(
                "pattern {text:?} ({code}) is {what} {} ({})",
                p.origin, p.code
            );
            return Err(self.err(file, row, 1, message));
        }
        let idx = PatternId::from_index(self.lex.patterns.len())
            .ok_or_else(|| self.full(file, row, "patterns"))?;
        self.lex.pattern_index.insert(norm, (idx, self.user));
        let rule = format!("{origin} `{text}`").into_boxed_str();
        self.lex.patterns.push(Pattern {
            code: code.to_string(),
            text: text.to_string(),
            lemma: lemma.clone(),
            prefix,
            elems,
            origin,
            rule,
            before: Vec::new(),
            paired: None,
            literal: false,
            compound: false,
            swapped: false,
            lead_slot: false,
        });
        for infl in self.lex.irregular.inflect(&lemma) {
            for (form, bits) in infl.forms() {
                let key = self.lex.intern(&form);
                let list = self.lex.verbs.entry(key).or_default();
                list.push((idx, bits));
            }
        }
        Ok(())
    }
}

/// Whether two referents are of the same dictionary category (a user entry replaces built-in
/// entries of its own category only).
fn same_category(a: Referent, b: Referent) -> bool {
    use Referent::*;
    let cat = |r: Referent| match r {
        StateName(_)
        | StateAdjective(_)
        | StateDemonym(_)
        | StateCombining(_)
        | Capital(_)
        | Seat { .. } => 0,
        Organization { .. } => 1,
        Agent(_) => 2,
        Group(_) => 7,
        Person(_) => 3,
        Place(_) => 4,
        Outlet(_) => 5,
        Context(_) => 6,
        EventNoun(_) => 8,
        Discard { .. } => 9,
        Issue(_) | IssueIgnore => 10,
    };
    cat(a) == cat(b)
}

/// A sense with what is needed to check a match.
#[derive(Debug, Clone)]
pub(crate) struct SenseEntry {
    pub sense: Sense,
    /// Bit i: unit i of the phrase is capitalized in the dictionary.
    pub caps: u64,
    /// The exact surface units, for case-sensitive phrases.
    pub surface: Option<Box<[Box<str>]>>,
    pub user: bool,
    /// Where the phrase is defined: the file (an index into the lexicon's files) and line.
    pub file: u32,
    pub line: u32,
}

/// `phrase` with each Arabic article ("al", "el", any case) at the start of a word swapped
/// between its two spellings, joined to the next word by a hyphen or by a space ("al-Qaeda" and
/// "al Qaeda"); `None` when it has no such article.
fn article_variant(phrase: &str) -> Option<String> {
    let b = phrase.as_bytes();
    let mut out = b.to_vec();
    let mut changed = false;
    for i in 0..b.len().saturating_sub(3) {
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'\'';
        let article = matches!(&b[i..i + 2], [b'a' | b'A' | b'e' | b'E', b'l' | b'L']);
        if word_start && article && b[i + 3].is_ascii_alphabetic() {
            match b[i + 2] {
                b'-' => out[i + 2] = b' ',
                b' ' => out[i + 2] = b'-',
                _ => continue,
            }
            changed = true;
        }
    }
    // (Only ASCII bytes were swapped for ASCII bytes.)
    changed.then(|| String::from_utf8(out).unwrap_or_default())
}
