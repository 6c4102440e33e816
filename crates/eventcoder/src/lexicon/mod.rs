//! Stage 2: the lexicon. Dictionaries of states, organizations, roles, office holders, places,
//! outlets, event patterns and context keywords, compiled into one phrase automaton over
//! normalized token keys.
//!
//! The built-in dictionaries are compiled into the library ([`Lexicon::builtin`]). Users add
//! their own files in the same format with [`LexiconBuilder::dictionary`]; a phrase defined in a
//! user file replaces the built-in senses of the same category (so a user can correct an entry).
//!
//! ```
//! use eventcoder::lexicon::{Lexicon, Referent};
//! let lex = Lexicon::builtin();
//! let text = "Tajikistan Foreign Minister Sirojiddin Muhriddin";
//! let m = lex.find(text);
//! assert!(m.iter().any(|(span, r)| span.slice(text) == "Tajikistan" && matches!(r, Referent::StateName(_))));
//! ```
//!
//! Adding a dictionary of your own (the kind of a file is recognised by its header):
//!
//! ```
//! use eventcoder::lexicon::{Lexicon, Referent};
//! let mine = "phrases\tcameo\tsector\tflags\nwater minister;water ministers\tGOV\tGOV\ttitle\n";
//! let lex = Lexicon::builder().dictionary_str("mine.tsv", mine).build()?;
//! let text = "the water minister";
//! assert!(lex.find(text).iter().any(|(_, r)| matches!(r, Referent::Agent(_))));
//! # Ok::<(), eventcoder::Error>(())
//! ```
//!
//! # Dictionary format
#![doc = include_str!("../../data/FORMAT.md")]

mod ids;
mod load;
mod lookup;
mod model;
mod normalize;
pub mod petrarch;
mod source;
mod trie;
mod verb_index;
mod verbs;
pub(crate) mod vocab;
pub mod words;

use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

pub use ids::{
    AgentId, ContextId, GroupId, OrgId, OutletId, PatternId, PersonId, PlaceId, StateId,
};
pub(crate) use load::SenseEntry;
pub use load::{
    DictionaryWarning, MAX_IRREGULAR_ROWS, MAX_PHRASE_UNITS, MAX_SENSES_PER_PHRASE, WarningKind,
};
pub use lookup::{Lookup, LookupEntry, LookupMention, LookupVerb, kind_of};
pub use model::*;
pub use normalize::{
    ALL_CAPS, CAPITALIZED, NUMBER, PHRASE_START, PUNCT, UNKNOWN, Unit, VERB, WORD, key_of,
    phrase_units, split_token,
};
pub use source::{MAX_DICTIONARY_BYTES, decode_dictionary, read_dictionary, read_dictionary_bytes};
pub use verbs::{Inflections, IrregularVerbs, plural_of, regular_inflections};

use crate::article::Span;
use crate::error::Result;
use crate::text::{Token, tokenize};
use trie::Trie;

/// The class-table bit of a key that heads verb patterns: kept beside the word classes so a
/// unit reads both at once, and masked out of [`Lexicon::class`] (it becomes [`VERB`]).
const HEADS_VERB_PATTERNS: u64 = 1 << 63;
/// The class-table bit of a key that starts a phrase (it becomes [`PHRASE_START`]).
const STARTS_PHRASE: u64 = 1 << 62;
/// The class-table bits that are unit flags, not word classes.
const UNIT_FLAG_BITS: u64 = HEADS_VERB_PATTERNS | STARTS_PHRASE;

/// A class-table entry as a unit's flags ([`VERB`], [`PHRASE_START`]) and its word classes.
#[inline(always)]
fn split_bits(bits: u64) -> (u8, u64) {
    let flag = |bit: u64, flag: u8| if bits & bit != 0 { flag } else { 0 };
    (
        flag(HEADS_VERB_PATTERNS, VERB) | flag(STARTS_PHRASE, PHRASE_START),
        bits & !UNIT_FLAG_BITS,
    )
}

/// The compiled dictionaries.
#[derive(Debug)]
pub struct Lexicon {
    vocab: vocab::Vocab,
    /// The names of the files loaded, in load order: where each phrase is defined.
    files: Vec<Arc<str>>,
    phrases: Trie,
    /// The senses of each phrase slot while loading; [`Lexicon::freeze`] moves them into
    /// `sense_entries`.
    senses: Vec<Vec<SenseEntry>>,
    /// Every phrase slot's senses, slot after slot: one array, so a matched phrase costs one
    /// cache miss for its senses, not two.
    sense_entries: Vec<SenseEntry>,
    /// Where each slot's senses end in `sense_entries` (they start where the previous slot's
    /// end).
    sense_ends: Vec<u32>,
    /// States, in file order (present-day ones first, then former ones).
    pub states: Vec<State>,
    /// Former states with their dates.
    pub former: Vec<FormerState>,
    state_index: FxHashMap<String, StateId>,
    /// Organizations.
    pub organizations: Vec<Organization>,
    org_index: FxHashMap<String, OrgId>,
    /// Roles.
    pub agents: Vec<Agent>,
    /// Non-state groups.
    pub groups: Vec<Group>,
    /// Office holders.
    pub persons: Vec<Person>,
    person_index: FxHashMap<String, PersonId>,
    /// Places.
    pub places: Vec<Place>,
    /// Outlets.
    pub outlets: Vec<Outlet>,
    /// Context names (interned: the set of contexts is small and closed).
    pub contexts: Vec<&'static str>,
    /// Event patterns.
    pub patterns: Vec<Pattern>,
    /// Each pattern's normalized text: its index, and whether a user file defined it.
    pattern_index: FxHashMap<String, (PatternId, bool)>,
    verbs: FxHashMap<u32, Vec<(PatternId, VerbForms)>>,
    classes: FxHashMap<u32, u64>,
    irregular: IrregularVerbs,
    skipped_patterns: usize,
    /// What loading skipped, in load order.
    warnings: Vec<DictionaryWarning>,
    /// `classes` and `verbs` (the loading maps, emptied when loading ends) as tables indexed by
    /// key: the parser asks for them on every unit.
    class_table: Vec<u64>,
    /// The distinct values of `class_table`: a short key's vocabulary tag is its entry's
    /// index here.
    class_palette: Vec<u64>,
    verb_table: Vec<Vec<(PatternId, VerbForms)>>,
    /// For each entry of `verb_table`, what a parser can test before it reads the pattern.
    verb_checks: Vec<Vec<PatternCheck>>,
    /// For the keys of `verb_table` with a long candidate list, the candidates by a word each
    /// needs ([`Lexicon::verb_candidates`]).
    verb_index: FxHashMap<u32, verb_index::VerbIndex>,
    /// Keys of the function words the parser compares against most often.
    pub keys: CommonKeys,
    /// Issues of a loaded PETRARCH issues file ([`Referent::Issue`] indexes them).
    pub issues: Vec<Issue>,
    /// What loading the PETRARCH and TABARI dictionaries gave, if any were given.
    petrarch_summary: Option<petrarch::LoadSummary>,
}

/// Keys of frequent function words, looked up once per lexicon instead of once per use.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommonKeys {
    /// "of"
    pub of: u32,
    /// "to"
    pub to: u32,
    /// "from"
    pub from: u32,
    /// "and"
    pub and: u32,
    /// "by"
    pub by: u32,
    /// "between"
    pub between: u32,
    /// "with"
    pub with: u32,
    /// "on"
    pub on: u32,
    /// "against"
    pub against: u32,
    /// "at"
    pub at: u32,
    /// "in"
    pub in_: u32,
    /// "that"
    pub that: u32,
    /// "or"
    pub or: u32,
    /// "but"
    pub but: u32,
    /// "nor"
    pub nor: u32,
    /// "capital"
    pub capital: u32,
    /// ","
    pub comma: u32,
    /// "told"
    pub told: u32,
}

/// One phrase match: unit range and the sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First unit.
    pub start: usize,
    /// One past the last unit.
    pub end: usize,
    /// What the phrase means.
    pub sense: Sense,
}

/// Counts per category, for `eventcoder lexicon stats`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LexiconStats {
    /// States.
    pub states: usize,
    /// UN member states.
    pub un_members: usize,
    /// Organizations.
    pub organizations: usize,
    /// Role rows.
    pub agents: usize,
    /// Non-state groups.
    pub groups: usize,
    /// Persons in the office-holder table.
    pub persons: usize,
    /// Terms of office.
    pub terms: usize,
    /// Places.
    pub places: usize,
    /// Outlets.
    pub outlets: usize,
    /// Contexts with keywords.
    pub contexts: usize,
    /// Event patterns.
    pub patterns: usize,
    /// Distinct CAMEO codes used by patterns.
    pub pattern_codes: usize,
    /// CAMEO roots (of 20) covered by patterns.
    pub pattern_roots: usize,
    /// Generated verb forms.
    pub verb_forms: usize,
    /// Irregular verbs listed.
    pub irregular_verbs: usize,
    /// Distinct phrases in the automaton.
    pub phrases: usize,
    /// Nodes of the phrase automaton.
    pub automaton_nodes: usize,
    /// Patterns skipped (they do not start with their verb).
    pub skipped_patterns: usize,
    /// Warnings of the loaded dictionaries by kind ([`WarningKind::as_str`]), every kind listed.
    pub warnings: std::collections::BTreeMap<&'static str, usize>,
}

/// Interns a short name for the life of the program. Used for closed vocabularies (context
/// names) read from dictionaries, so events can carry `&'static str` without allocating.
pub(crate) fn intern(name: &str) -> &'static str {
    static NAMES: LazyLock<std::sync::Mutex<rustc_hash::FxHashSet<&'static str>>> =
        LazyLock::new(Default::default);
    let mut set = NAMES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(s) = set.get(name) {
        return s;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

static BUILTIN: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(
        Lexicon::builder()
            .build()
            .expect("built-in dictionaries are valid (tested)"),
    )
});

/// Builds a [`Lexicon`] from the built-in dictionaries and/or user files.
#[derive(Debug, Clone)]
pub struct LexiconBuilder {
    builtin: bool,
    /// Whether the built-in dictionaries load (else only the engine's tables: irregular verbs
    /// and function words).
    builtin_dictionaries: bool,
    sources: Vec<(String, String)>,
    petrarch: Vec<petrarch::Source>,
    strict: bool,
}

impl LexiconBuilder {
    /// Leaves the built-in dictionaries out, and the engine's tables too (only user files are
    /// loaded). [`LexiconBuilder::builtin`]`(false)` keeps the engine's tables.
    pub fn without_builtin(mut self) -> Self {
        self.builtin = false;
        self
    }
    /// Whether the built-in dictionaries load (the default). With `false`, only what is given
    /// is used, with the engine's own tables (the irregular verbs and the function words its
    /// grammar needs): the way to code with PETRARCH dictionaries alone.
    pub fn builtin(mut self, yes: bool) -> Self {
        self.builtin_dictionaries = yes;
        self
    }
    /// Whether a bad line of a PETRARCH or TABARI dictionary (or a byte that is not UTF-8) is
    /// an error (`true`), or skipped with a warning (the default).
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self
    }
    /// Adds a PETRARCH or TABARI dictionary file of the given kind (see [`petrarch`]). It is
    /// read now: at most [`MAX_DICTIONARY_BYTES`]; bytes that are not UTF-8 are read as U+FFFD
    /// with a warning.
    pub fn petrarch(
        mut self,
        kind: petrarch::PetrarchKind,
        path: impl AsRef<std::path::Path>,
    ) -> Result<Self> {
        self.petrarch
            .push(petrarch::read_source(kind, path.as_ref())?);
        Ok(self)
    }
    /// Adds a PETRARCH or TABARI dictionary from a string; `name` is used in messages and in the
    /// rules events cite.
    pub fn petrarch_str(mut self, kind: petrarch::PetrarchKind, name: &str, text: &str) -> Self {
        self.petrarch.push(petrarch::source_of_bytes(
            kind,
            name.to_string(),
            text.as_bytes().to_vec(),
        ));
        self
    }
    /// Adds a PETRARCH or TABARI dictionary from its bytes, as read from a file
    /// ([`read_dictionary_bytes`]); `name` is used in messages and rules. Bytes that are not
    /// UTF-8 are read as U+FFFD with a warning, as for [`LexiconBuilder::petrarch`].
    pub fn petrarch_bytes(
        mut self,
        kind: petrarch::PetrarchKind,
        name: &str,
        bytes: Vec<u8>,
    ) -> Self {
        self.petrarch
            .push(petrarch::source_of_bytes(kind, name.to_string(), bytes));
        self
    }
    /// Adds every PETRARCH or TABARI dictionary of a directory, each file's kind found from its
    /// name ([`petrarch::PetrarchKind::of_file_name`]); other files are left alone. A directory
    /// with no such file is an error ([`petrarch::dictionary_files`]).
    pub fn petrarch_dir(mut self, dir: impl AsRef<std::path::Path>) -> Result<Self> {
        for (kind, path) in petrarch::dictionary_files(dir)? {
            self = self.petrarch(kind, path)?;
        }
        Ok(self)
    }
    /// Adds a user dictionary file. Its kind is recognised by its header row. The file is read
    /// now ([`read_dictionary`]: at most [`MAX_DICTIONARY_BYTES`], valid UTF-8); its rows are
    /// checked by [`LexiconBuilder::build`].
    pub fn dictionary(mut self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        let p = path.as_ref();
        let text = read_dictionary(p)?;
        self.sources.push((p.display().to_string(), text));
        Ok(self)
    }
    /// Adds a user dictionary from a string; `name` is used in error messages. Its size is
    /// checked by [`LexiconBuilder::build`].
    pub fn dictionary_str(mut self, name: &str, text: &str) -> Self {
        self.sources.push((name.to_string(), text.to_string()));
        self
    }
    /// Compiles the lexicon. Errors carry the file, line and column of the fault; what was
    /// skipped is in [`Lexicon::warnings`].
    ///
    /// User files are loaded after the built-ins, sorted by kind into the built-in load order
    /// (irregular verbs, function words, states, former states, institutions, organizations,
    /// groups, agents, office holders, places, outlets, contexts, verbs, nouns) and in the order
    /// given within a kind, so a row may refer to a state or organization of any user file.
    pub fn build(self) -> Result<Lexicon> {
        let mut lex = Lexicon {
            vocab: vocab::Vocab::default(),
            files: Vec::new(),
            phrases: Trie::new(),
            senses: Vec::new(),
            sense_entries: Vec::new(),
            sense_ends: Vec::new(),
            pattern_index: FxHashMap::default(),
            former: Vec::new(),
            states: Vec::new(),
            state_index: FxHashMap::default(),
            organizations: Vec::new(),
            org_index: FxHashMap::default(),
            agents: Vec::new(),
            groups: Vec::new(),
            persons: Vec::new(),
            person_index: FxHashMap::default(),
            places: Vec::new(),
            outlets: Vec::new(),
            contexts: Vec::new(),
            patterns: Vec::new(),
            verbs: FxHashMap::default(),
            classes: FxHashMap::default(),
            irregular: IrregularVerbs::default(),
            skipped_patterns: 0,
            warnings: Vec::new(),
            class_table: Vec::new(),
            class_palette: Vec::new(),
            verb_table: Vec::new(),
            verb_checks: Vec::new(),
            verb_index: FxHashMap::default(),
            keys: CommonKeys::default(),
            issues: Vec::new(),
            petrarch_summary: None,
        };
        if self.builtin {
            let mut loader = load::Loader {
                lex: &mut lex,
                user: false,
                file: 0,
            };
            let engine = ["builtin:irregular_verbs.tsv", "builtin:function_words.tsv"];
            for (name, text) in load::BUILTIN {
                if self.builtin_dictionaries || engine.contains(&name) {
                    loader.load(name, text)?;
                }
            }
        }
        // What a row refers to must be loaded before it: sort user files by kind (a file with
        // no known header first, for its error).
        let mut sources: Vec<(usize, &(String, String))> = Vec::with_capacity(self.sources.len());
        for source @ (name, text) in &self.sources {
            source::check_size(name, text.len())?;
            let rank = load::detect(name, text).map_or(0, load::load_rank);
            sources.push((rank, source));
        }
        sources.sort_by_key(|(rank, _)| *rank);
        let mut loader = load::Loader {
            lex: &mut lex,
            user: true,
            file: 0,
        };
        for (_, (name, text)) in sources {
            loader.load(name, text)?;
        }
        if !self.petrarch.is_empty() {
            // (Files were read bounded; a string or bytes given directly is checked here.)
            for s in &self.petrarch {
                source::check_size(&s.name, s.text.len())?;
            }
            let summary = petrarch::load_all(&mut loader, &self.petrarch, self.strict)?;
            lex.petrarch_summary = Some(summary);
        }
        lex.freeze();
        Ok(lex)
    }
}

impl Lexicon {
    /// The built-in lexicon, compiled once and shared.
    pub fn builtin() -> Arc<Lexicon> {
        BUILTIN.clone()
    }

    /// A builder starting from the built-in dictionaries.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder {
            builtin: true,
            builtin_dictionaries: true,
            sources: Vec::new(),
            petrarch: Vec::new(),
            strict: false,
        }
    }

    pub(crate) fn intern(&mut self, key: &str) -> u32 {
        let mut folded = key.to_string();
        normalize::fold_spelling(&mut folded);
        if let Some(id) = self.vocab.get(&folded) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(&folded, id);
        id
    }

    /// The vocabulary key of a lowercase unit text, or [`UNKNOWN`].
    pub fn key(&self, key_text: &str) -> u32 {
        let found = match normalize::spelling_fold_at(key_text.as_bytes()) {
            None => self.vocab.get(key_text),
            Some(_) => {
                let mut folded = key_text.to_string();
                normalize::fold_spelling(&mut folded);
                self.vocab.get(&folded)
            }
        };
        found.unwrap_or(UNKNOWN)
    }

    /// The vocabulary key of a unit's text, `buf` being scratch space. An ASCII text (most
    /// of them) is looked up without building its key in `buf`.
    #[inline]
    fn unit_key(&self, unit: &str, buf: &mut String) -> u32 {
        if let Some(found) = self.vocab.get_ascii_key(unit) {
            return found.unwrap_or(UNKNOWN);
        }
        key_of(unit, buf);
        self.vocab.get(buf).unwrap_or(UNKNOWN)
    }

    /// Splits tokens into matching units with their vocabulary keys.
    pub fn units(&self, text: &str, tokens: &[Token], out: &mut Vec<Unit>) {
        out.clear();
        out.reserve(tokens.len());
        // Scratch for the keys of non-ASCII units (rare): allocated at the first.
        let mut buf = String::new();
        for (i, t) in tokens.iter().enumerate() {
            // Most tokens are one unit of a few ASCII bytes: its key is looked up straight
            // from the bytes, without the splitting below.
            if let Some(short) = vocab::ShortAscii::of(&text.as_bytes()[t.start()..t.end()])
                && is_one_unit(t, short)
            {
                // (The key's class-table entry comes with it, as the slot's tag: no second
                // table read.)
                let (key, bits) = match self.vocab.get_short_tagged(short) {
                    Some((key, tag)) => (key, self.class_palette[tag as usize]),
                    None => (UNKNOWN, 0),
                };
                let (flags, class) = split_bits(bits);
                out.push(Unit {
                    span: t.span(),
                    token: i as u32,
                    key,
                    flags: normalize::token_flags(t) | flags,
                    class,
                });
                continue;
            }
            if is_word_joint(text, tokens, i) {
                continue;
            }
            split_token(text, t, |span, unit, flags| {
                let key = self.unit_key(unit, &mut buf);
                let (key_flags, class) =
                    split_bits(self.class_table.get(key as usize).copied().unwrap_or(0));
                out.push(Unit {
                    span,
                    token: i as u32,
                    key,
                    flags: flags | key_flags,
                    class,
                });
            });
        }
    }

    /// The senses of a phrase slot of the automaton.
    #[inline]
    fn senses_of(&self, slot: u32) -> &[SenseEntry] {
        let slot = slot as usize;
        let start = if slot == 0 {
            0
        } else {
            self.sense_ends[slot - 1]
        };
        &self.sense_entries[start as usize..self.sense_ends[slot] as usize]
    }

    fn sense_ok(&self, e: &SenseEntry, units: &[Unit], text: &str) -> bool {
        if let Some(surface) = &e.surface {
            return surface
                .iter()
                .zip(units)
                .all(|(s, u)| **s == *u.span.slice(text));
        }
        let mut caps = e.caps;
        let mut i = 0;
        while caps != 0 {
            if caps & 1 == 1 && !units[i].is(CAPITALIZED) {
                return false;
            }
            caps >>= 1;
            i += 1;
        }
        true
    }

    /// Every phrase match in `units` (of `text`), overlapping ones included, in order of start.
    pub fn match_phrases(&self, units: &[Unit], text: &str, out: &mut Vec<PhraseMatch>) {
        out.clear();
        self.each_phrase(units, text, |start, len, e| {
            out.push(PhraseMatch {
                start,
                end: start + len,
                sense: e.sense,
            })
        });
    }

    /// Calls `f(start, len, entry)` for every dictionary entry matching `units[start..start +
    /// len]` (of `text`), overlapping ones included, in order of start.
    pub(crate) fn each_phrase(
        &self,
        units: &[Unit],
        text: &str,
        mut f: impl FnMut(usize, usize, &SenseEntry),
    ) {
        for start in 0..units.len() {
            if !units[start].is(PHRASE_START) {
                continue;
            }
            self.phrases
                .prefixes(units[start..].iter().map(|u| u.key), |len, slot| {
                    for e in self.senses_of(slot) {
                        if self.sense_ok(e, &units[start..start + len], text) {
                            f(start, len, e);
                        }
                    }
                });
        }
    }

    /// Convenience: every phrase match in `text`, as (span, referent). Allocates; for tests and
    /// exploration, not the hot path.
    pub fn find(&self, text: &str) -> Vec<(Span, Referent)> {
        let tokens: Vec<_> = tokenize(text).collect();
        let mut units = Vec::new();
        self.units(text, &tokens, &mut units);
        let mut m = Vec::new();
        self.match_phrases(&units, text, &mut m);
        m.iter()
            .map(|m| {
                (
                    units[m.start].span.cover(units[m.end - 1].span),
                    m.sense.referent,
                )
            })
            .collect()
    }

    /// The word-class bits ([`words`]) of a key; 0 for open-class words.
    #[inline]
    pub fn class(&self, key: u32) -> u64 {
        if key == UNKNOWN {
            0
        } else {
            self.class_table.get(key as usize).copied().unwrap_or(0) & !UNIT_FLAG_BITS
        }
    }

    /// The verb patterns whose verb has the form with key `key`.
    pub fn verb_patterns(&self, key: u32) -> &[(PatternId, VerbForms)] {
        self.verb_table.get(key as usize).map_or(&[], Vec::as_slice)
    }

    /// The quick checks of [`Lexicon::verb_patterns`]`(key)`, entry for entry.
    pub fn verb_checks(&self, key: u32) -> &[PatternCheck] {
        self.verb_checks
            .get(key as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The positions in [`Lexicon::verb_patterns`]`(key)` of the candidates worth trying in a
    /// sentence whose distinct keys are `sentence_keys` (sorted), in list order, into
    /// `out`; `false` (and `out` left alone) when the form's list is short and not indexed: then
    /// every candidate is worth trying. A candidate left out names a word the sentence lacks,
    /// so it could not match. `marks` is scratch space.
    pub(crate) fn verb_candidates(
        &self,
        key: u32,
        sentence_keys: &[u32],
        marks: &mut Vec<u64>,
        out: &mut Vec<u32>,
    ) -> bool {
        match self.verb_index.get(&key) {
            Some(ix) => {
                ix.candidates(sentence_keys, marks, out);
                true
            }
            None => false,
        }
    }

    /// Builds the dense per-key tables and the common keys once every file is loaded.
    fn freeze(&mut self) {
        let n = self.vocab.len();
        self.class_table = vec![0; n];
        for (&k, &bits) in &std::mem::take(&mut self.classes) {
            if let Some(slot) = self.class_table.get_mut(k as usize) {
                *slot = bits;
            }
        }
        let lists = std::mem::take(&mut self.senses);
        self.sense_entries = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        self.sense_ends = Vec::with_capacity(lists.len());
        for list in lists {
            self.sense_entries.extend(list);
            self.sense_ends.push(self.sense_entries.len() as u32);
        }
        self.verb_table = vec![Vec::new(); n];
        self.verb_checks = vec![Vec::new(); n];
        for (k, list) in std::mem::take(&mut self.verbs) {
            if let Some(slot) = self.verb_table.get_mut(k as usize) {
                self.verb_checks[k as usize] = list
                    .iter()
                    .map(|&(p, _)| PatternCheck::of(&self.patterns[p]))
                    .collect();
                *slot = list;
            }
        }
        for (k, list) in self.verb_table.iter().enumerate() {
            if !list.is_empty() {
                self.class_table[k] |= HEADS_VERB_PATTERNS;
            }
            if self.phrases.starts_with_key(k as u32) {
                self.class_table[k] |= STARTS_PHRASE;
            }
        }
        // Each short key's tag: its class-table entry's index among the distinct entries.
        // (Entry 0 is 0, the tag of a key added later.)
        let mut palette_index: FxHashMap<u64, u32> = FxHashMap::default();
        palette_index.insert(0, 0);
        self.class_palette = vec![0];
        for &bits in &self.class_table {
            palette_index.entry(bits).or_insert_with(|| {
                self.class_palette.push(bits);
                self.class_palette.len() as u32 - 1
            });
        }
        let class_table = &self.class_table;
        self.vocab.set_tags(|id| {
            let bits = class_table.get(id as usize).copied().unwrap_or(0);
            palette_index.get(&bits).copied().unwrap_or(0)
        });
        // A pattern of a long candidate list is filed under its rarest word.
        let words = verb_index::index_words(&self.patterns);
        self.verb_index = (self.verb_table.iter().enumerate())
            .filter(|(_, list)| list.len() >= verb_index::INDEX_MIN_CANDIDATES)
            .map(|(k, list)| {
                let filed = list.iter().map(|&(p, _)| words[p.index()]);
                (k as u32, verb_index::VerbIndex::new(filed))
            })
            .collect();
        self.keys = CommonKeys {
            of: self.key("of"),
            to: self.key("to"),
            from: self.key("from"),
            and: self.key("and"),
            by: self.key("by"),
            between: self.key("between"),
            with: self.key("with"),
            on: self.key("on"),
            against: self.key("against"),
            at: self.key("at"),
            in_: self.key("in"),
            that: self.key("that"),
            or: self.key("or"),
            but: self.key("but"),
            nor: self.key("nor"),
            capital: self.key("capital"),
            comma: self.key(","),
            told: self.key("told"),
        };
    }

    /// A state by ISO3 code.
    /// The former state whose government a present-day state's capital or seat of power
    /// ("Moscow", "the Kremlin") meant on `date` (the Soviet Union in 1985), if any.
    pub fn former_seat(&self, state: StateId, date: NaiveDate) -> Option<StateId> {
        self.former
            .iter()
            .find(|f| f.seat_of == Some(state) && f.from <= date && date <= f.to)
            .map(|f| f.state)
    }

    /// The state of an ISO3 code.
    pub fn state(&self, iso3: &str) -> Option<&State> {
        self.state_index.get(iso3).map(|&i| &self.states[i])
    }

    /// An organization by code.
    pub fn organization(&self, code: &str) -> Option<&Organization> {
        self.org_index.get(code).map(|&i| &self.organizations[i])
    }

    /// What loading skipped (a pattern that does not start with its verb, a phrase with nothing
    /// to match ...), with the file, line and column of each; empty for the built-ins.
    pub fn warnings(&self) -> &[DictionaryWarning] {
        &self.warnings
    }

    /// What loading the PETRARCH and TABARI dictionaries gave (entries read and skipped,
    /// warnings by kind), if any were loaded.
    pub fn petrarch_summary(&self) -> Option<&petrarch::LoadSummary> {
        self.petrarch_summary.as_ref()
    }

    /// Whether a PETRARCH issues file was loaded: then every event lists the issues of its
    /// sentences ([`crate::Event::issues`]), an empty list when they have none.
    pub fn has_issues(&self) -> bool {
        self.petrarch_summary.as_ref().is_some_and(|s| {
            s.files
                .iter()
                .any(|f| f.kind == petrarch::PetrarchKind::Issues)
        })
    }

    /// Counts per category.
    pub fn stats(&self) -> LexiconStats {
        let mut codes: Vec<&str> = self.patterns.iter().map(|p| p.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        let mut roots: Vec<&str> = codes.iter().map(|c| &c[..2]).collect();
        roots.dedup();
        LexiconStats {
            states: self.states.len(),
            un_members: self.states.iter().filter(|s| s.status == "member").count(),
            organizations: self.organizations.len(),
            agents: self.agents.len(),
            groups: self.groups.len(),
            persons: self.persons.len(),
            terms: self.persons.iter().map(|p| p.terms.len()).sum(),
            places: self.places.len(),
            outlets: self.outlets.len(),
            contexts: self.contexts.len(),
            patterns: self.patterns.len(),
            pattern_codes: codes.len(),
            pattern_roots: roots.len(),
            verb_forms: self.verb_table.iter().filter(|v| !v.is_empty()).count(),
            irregular_verbs: self.irregular.len(),
            phrases: self.sense_ends.len(),
            automaton_nodes: self.phrases.len(),
            skipped_patterns: self.skipped_patterns,
            warnings: WarningKind::ALL
                .iter()
                .map(|k| {
                    let n = self.warnings.iter().filter(|w| w.kind == *k).count();
                    (k.as_str(), n)
                })
                .collect(),
        }
    }
}

/// What a parser can test of a verb pattern before it reads the pattern itself: the candidate
/// patterns of a verb sit side by side in memory, so most are rejected without a cache miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternCheck {
    /// How many keys the verb's prefix has ("test", "-" in "test-fire").
    pub prefix_len: u32,
    /// Whether the pattern needs words before the verb.
    pub has_before: bool,
    /// How many of `words` are set.
    pub n_words: u8,
    /// Whether the pattern has more words than `words` holds.
    pub more_words: bool,
    /// The first few words the pattern needs after the verb, each as (singular, plural) keys:
    /// one of the two must occur in the sentence.
    pub words: [(u32, u32); 3],
}

impl PatternCheck {
    fn of(p: &Pattern) -> PatternCheck {
        let mut c = PatternCheck {
            prefix_len: p.prefix.len() as u32,
            has_before: !p.before.is_empty(),
            n_words: 0,
            more_words: false,
            words: [(UNKNOWN, UNKNOWN); 3],
        };
        for e in &p.elems {
            if let PatternElem::Word(k, pl) = *e {
                match c.words.get_mut(c.n_words as usize) {
                    Some(slot) => {
                        *slot = (k, pl);
                        c.n_words += 1;
                    }
                    None => c.more_words = true,
                }
            }
        }
        c
    }

    /// The words it needs, as far as they are held here.
    pub fn words(&self) -> &[(u32, u32)] {
        &self.words[..self.n_words as usize]
    }
}

/// Whether a token of short ASCII text `short` is one unit as it is: not an underscore (which
/// may be a word joint, [`is_word_joint`]) nor a word that [`split_token`] splits at hyphens.
#[inline(always)]
fn is_one_unit(t: &Token, short: vocab::ShortAscii) -> bool {
    let hyphenated =
        t.kind() == crate::text::TokenKind::Word && short.len() >= 3 && short.contains(b'-');
    let underscore = short.len() == 1 && short.contains(b'_');
    !hyphenated && !underscore
}

/// Whether token `i` is an underscore glued to a word on each side ("Dol_Amroth", written as a
/// PETRARCH dictionary writes a space): no unit, so the words match as two words do.
fn is_word_joint(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let word = |k: usize| tokens[k].kind() == crate::text::TokenKind::Word;
    // (Its one byte read without slicing the text: this runs for every token.)
    t.end() == t.start() + 1
        && text.as_bytes()[t.start()] == b'_'
        && i > 0
        && i + 1 < tokens.len()
        && word(i - 1)
        && word(i + 1)
        && tokens[i - 1].end() == t.start()
        && tokens[i + 1].start() == t.end()
}
