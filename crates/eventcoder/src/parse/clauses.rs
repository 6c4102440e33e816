//! Clauses without a parser: event triggers from verb patterns, then for each trigger its voice,
//! negation and modality, its subject (source) and its object or prepositional target.

mod object_tail;

use std::cell::Cell;
use std::ops::Range;

use super::mentions::Mention;
use crate::lexicon::VERB;
use crate::lexicon::words::*;
use crate::lexicon::{
    Lexicon, NUMBER, PatternElem, PatternId, PhraseMatch, Referent, UNKNOWN, Unit, VerbForms, WORD,
};
use object_tail::object_tail_end;

/// Modality of a predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modality {
    /// "did not sign", "never met".
    pub negated: bool,
    /// "refused to meet", "declined to sign".
    pub refused: bool,
    /// "will visit", "plans to", "agreed to", "vowed to", "said it would".
    pub intent: bool,
    /// "threatened to": intent to do harm.
    pub threat: bool,
    /// "could", "might", "if".
    pub hypothetical: bool,
    /// The verb of intent or refusal that governs this one ("pledged" in "pledged to provide").
    pub governor: Option<usize>,
    /// "was attacked by".
    pub passive: bool,
    /// Inside a relative clause set off by commas, before the main verb: background, not news
    /// ("Israel, which killed Nasrallah in September, agreed to a ceasefire").
    pub background: bool,
    /// Governed by a passive directive ("was ordered to", "were told to"): demanded of the
    /// subject by someone unnamed, not done.
    pub directed: bool,
    /// Inside the clause of an "if" or "unless" ("will respond if the EU imposes sanctions"):
    /// a condition, neither an act nor a threat.
    pub conditional: bool,
}

/// One event predicate in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    /// The verb unit.
    pub verb: usize,
    /// One past the last unit the pattern matched.
    pub end: usize,
    /// One past the last word of the trigger itself (the pattern's words before its target).
    pub head_end: usize,
    /// The pattern index in the lexicon.
    pub pattern: PatternId,
    /// The verb's forms.
    pub forms: VerbForms,
    /// Subject mentions (indices into the sentence's mentions).
    pub subjects: Vec<usize>,
    /// Take the subjects of this other predicate (coordination, participial clauses).
    pub inherit: Option<usize>,
    /// Target mentions.
    pub targets: Vec<usize>,
    /// Voice, negation and modality.
    pub modality: Modality,
    /// The first unit of the verb group ("has agreed to cooperate" starts at "has").
    pub left_edge: usize,
    /// The target was taken from later in the clause, not from the pattern or the object.
    pub target_from_clause: bool,
    /// The subject is a plain noun phrase that is no actor ("floods killed", "the film bombed",
    /// "exports hit"): the verb is not a political event.
    pub inanimate_subject: bool,
    /// A passive with no "by" agent and no target of its pattern: its subject was made the
    /// target.
    pub subject_is_target: bool,
    /// An event noun ("Palestinian riots against ..."), not a verb.
    pub nominal: bool,
}

struct Ctx<'a> {
    lex: &'a Lexicon,
    units: &'a [Unit],
    text: &'a str,
    range: Range<usize>,
    ms: &'a [Mention],
    /// Where the sentence's mentions and event nouns stand ([`SentenceTables`]).
    tables: &'a SentenceTables,
    /// A pattern's skip passes over a whole noun phrase ([`PredicateOptions::phrase_skips`]).
    phrase_skips: bool,
    /// A pattern's slots are read as written ([`PredicateOptions::written_slots`]).
    written_slots: bool,
    /// A pattern's words match only as written ([`PredicateOptions::literal_words`]).
    literal_words: bool,
}

/// Where a sentence's mentions and event nouns stand, made once per sentence for [`Ctx`].
#[derive(Debug, Default)]
struct SentenceTables {
    /// For each unit of the sentence (offset by the sentence's first unit), the mention
    /// starting there, and the mention ending just before it (`NONE` for none); and whether a
    /// non-reference mention covers it.
    starts: Vec<u32>,
    ends: Vec<u32>,
    covered: Vec<bool>,
    /// The sentence's event nouns ("air strikes", "raids"): unit ranges in order, with their
    /// patterns.
    event_nouns: Vec<(Range<usize>, PatternId)>,
    /// For each unit of the sentence, where [`skip_adjuncts`] from it ends, once asked (`NONE`
    /// before): patterns ask it of the same units again and again.
    adjuncts_end: Vec<Cell<u32>>,
}

impl SentenceTables {
    /// Fills the tables for the sentence of units `range`, its mentions and phrase matches.
    fn fill(&mut self, range: Range<usize>, ms: &[Mention], matches: &[PhraseMatch]) {
        self.event_nouns.clear();
        self.event_nouns.extend(
            matches
                .iter()
                .filter(|m| range.start <= m.start && m.end <= range.end)
                .filter_map(|m| match m.sense.referent {
                    Referent::EventNoun(p) => Some((m.start..m.end, p)),
                    _ => None,
                }),
        );
        let n = range.len() + 1;
        for v in [&mut self.starts, &mut self.ends] {
            v.clear();
            v.resize(n, NONE);
        }
        self.covered.clear();
        self.covered.resize(n, false);
        self.adjuncts_end.clear();
        self.adjuncts_end.resize(n, Cell::new(NONE));
        for (i, m) in ms.iter().enumerate().rev() {
            let (a, b) = (m.units.start - range.start, m.units.end - range.start);
            self.starts[a] = i as u32;
            self.ends[b] = i as u32;
            if m.reference.is_none() {
                self.covered[a..b].iter_mut().for_each(|c| *c = true);
            }
        }
    }
}

const NONE: u32 = u32::MAX;

impl<'a> Ctx<'a> {
    fn class(&self, i: usize) -> u64 {
        self.units[i].class
    }
    fn word(&self, i: usize) -> &str {
        self.units[i].span.slice(self.text)
    }
    /// Whether unit `i` is the word of `key` (one of the lexicon's common keys).
    fn is(&self, i: usize, key: u32) -> bool {
        self.units[i].key == key
    }
    fn at(&self, v: &[u32], i: usize) -> Option<usize> {
        i.checked_sub(self.range.start)
            .and_then(|k| v.get(k))
            .filter(|&&m| m != NONE)
            .map(|&m| m as usize)
    }
    fn mention_starting(&self, i: usize) -> Option<usize> {
        self.at(&self.tables.starts, i)
    }
    fn mention_ending(&self, i: usize) -> Option<usize> {
        self.at(&self.tables.ends, i)
    }
    fn in_mention(&self, i: usize) -> bool {
        i.checked_sub(self.range.start)
            .and_then(|k| self.tables.covered.get(k))
            .copied()
            .unwrap_or(false)
    }
    fn is_adverb(&self, i: usize) -> bool {
        let u = &self.units[i];
        if self.class(i) & ADV != 0 {
            return true;
        }
        let w = self.word(i);
        u.is(WORD)
            && w.len() > 4
            && w.ends_with("ly")
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !u.is(VERB)
    }
    /// Whether unit `i` may stand between a verb or preposition and its object: determiners,
    /// possessives, quantifiers and numbers, and plain lowercase modifiers ("war-torn").
    fn is_np_filler(&self, i: usize, allow_adjective: bool) -> bool {
        let cl = self.class(i);
        if cl & (DET | POSS | QUANT | DIRECTION) != 0 || self.units[i].is(NUMBER) {
            return true;
        }
        let w = self.word(i);
        // "detained Americans", "jailed reporters": a participle used as an adjective.
        let participle = || {
            let forms = self.lex.verb_patterns(self.units[i].key);
            forms.is_empty() || forms.iter().all(|(_, f)| f.has(VerbForms::PARTICIPLE))
        };
        // "flood-hit", "fire-ravaged": both parts of a hyphenated modifier, verbs or not.
        let in_compound = || {
            i + 2 < self.range.end && self.word(i + 1) == "-" && self.units[i + 2].is(WORD)
                || i > self.range.start && self.word(i - 1) == "-"
        };
        allow_adjective
            && cl == 0
            && self.units[i].is(WORD)
            && w.chars().next().is_some_and(char::is_lowercase)
            && (participle() || in_compound())
            || w == "-"
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.word(i) == p
    }

    /// "after", "when", "because", ...: a word that opens a subordinate clause.
    fn is_subordinator(&self, i: usize) -> bool {
        self.class(i) & SUBORDINATOR != 0
    }

    /// The subordinator right before mention `mi` (over determiners and possessives), if any:
    /// "after (the) Indian troops", "since Russia".
    fn subordinator_before(&self, mi: usize) -> Option<usize> {
        let start = self.range.start;
        let mut b = self.ms[mi].units.start;
        while b > start && self.class(b - 1) & (DET | POSS) != 0 {
            b -= 1;
        }
        (b > start && self.is_subordinator(b - 1)).then(|| b - 1)
    }
}

/// Matches pattern elements from unit `pos`; returns the end unit and the target mention.
fn match_elems(
    c: &Ctx<'_>,
    elems: &[PatternElem],
    pos: usize,
    target: &mut Option<usize>,
) -> Option<usize> {
    let Some((first, rest)) = elems.split_first() else {
        return Some(pos);
    };
    let end = c.range.end;
    match *first {
        PatternElem::Word(k, p) => {
            // "on Thursday" is a time, not the "on {t}" of a pattern.
            let slot_next = matches!(rest.first(), Some(PatternElem::Target));
            let at = |q: usize| {
                q < end
                    && (c.units[q].key == k || c.units[q].key == p && !c.literal_words)
                    && !(slot_next && c.class(q) & (PREP | PREP_LOC) != 0 && is_time_word(c, q + 1))
            };
            if at(pos) {
                let matched = match_elems(c, rest, pos + 1, target);
                // "sent weapons worth $775 million to Ukraine", "sent rescuers and sniffer
                // dogs to Turkey": a value or a second object may follow an object noun
                // before the preposition of the target.
                if matched.is_none() && is_object_noun_before_target(c, pos, rest) {
                    object_tail_end(c, pos + 1).and_then(|q| match_elems(c, rest, q, target))
                } else {
                    matched
                }
            } else {
                // "issued a stern reminder Saturday to Iraq": a time or an adverb may stand
                // between two words of a pattern, and so may a closing quote ("expressed
                // "serious concern" over").
                let q = if pos < end && matches!(c.word(pos), "\"" | "”" | "’" | "'") {
                    pos + 1
                } else {
                    skip_adjuncts(c, pos)
                };
                if q > pos && at(q) {
                    match_elems(c, rest, q + 1, target)
                } else {
                    None
                }
            }
        }
        PatternElem::Gap => match_gap(c, rest, pos, target),
        PatternElem::SourceSlot if !c.written_slots => match_elems(c, rest, pos, target),
        PatternElem::Target | PatternElem::SourceSlot => {
            let mut q = pos;
            let mut adjectives = 0;
            // "thousands of prisoners", "dozens of civilians": a quantity "of" is filler too.
            let quantity_of = |q: usize| {
                q > pos && c.units[q].key == c.lex.keys.of && c.class(q - 1) & QUANT != 0
            };
            while q < end
                && q < pos + 6
                && c.mention_starting(q).is_none()
                && (c.is_np_filler(q, adjectives < 2) || quantity_of(q))
            {
                // (A hyphenated modifier, "flood-hit", is one adjective.)
                let continues_word = q > pos && c.units[q - 1].token == c.units[q].token;
                if c.class(q) == 0 && !c.units[q].is(NUMBER) && !continues_word {
                    adjectives += 1;
                }
                q += 1;
            }
            // "concern about the situation in Sudan", "the violence in Myanmar": a situation
            // noun stands for the place it is in.
            if q + 1 < end && c.class(q) & SITUATION != 0 && c.class(q + 1) & (PREP_LOC | PREP) != 0
            {
                let mut r = q + 2;
                while r < end && c.class(r) & (DET | DIRECTION) != 0 {
                    r += 1;
                }
                if c.mention_starting(r).is_some() {
                    q = r;
                }
            }
            let needs_more = rest.iter().any(|e| matches!(e, PatternElem::Word(..)));
            if let Some(mi) = c.mention_starting(q) {
                let mut t = None;
                let mut after = c.ms[mi].units.end;
                if let Some(e) = match_elems(c, rest, after, &mut t) {
                    *target = Some(mi);
                    return Some(e);
                }
                // "forced the UN mission out of": a head noun after the name belongs to it.
                let plain_noun = |k: usize| {
                    k < end
                        && c.units[k].is(WORD)
                        && c.class(k) == 0
                        && !c.in_mention(k)
                        && c.word(k).chars().next().is_some_and(char::is_lowercase)
                        && !c.units[k].is(VERB)
                };
                for _ in 0..2 {
                    if !(needs_more && plain_noun(after)) {
                        break;
                    }
                    after += 1;
                    if let Some(e) = match_elems(c, rest, after, &mut t) {
                        *target = Some(mi);
                        return Some(e);
                    }
                }
                // "pressured workers of the bus company to cancel": an "of" phrase after the
                // name belongs to it.
                let after = c.ms[mi].units.end;
                if needs_more && after + 1 < end && c.units[after].key == c.lex.keys.of {
                    let mut q = after + 1;
                    while q < end && q < after + 6 && c.class(q) & DET != 0 {
                        q += 1;
                    }
                    // Names and plain nouns: "of the state bus company", "of Tehran".
                    let mut q2 = c.mention_starting(after + 1).map_or(q, |_| after + 1);
                    for _ in 0..4 {
                        if let Some(of_mi) = c.mention_starting(q2) {
                            q2 = c.ms[of_mi].units.end;
                        } else if plain_noun(q2) {
                            q2 += 1;
                        } else {
                            break;
                        }
                    }
                    let q = (q2 > q).then_some(q2);
                    if let Some(e) = q.and_then(|q| match_elems(c, rest, q, &mut t)) {
                        *target = Some(mi);
                        return Some(e);
                    }
                }
            }
            // "sent fighter jets to strike": after "to", a verb opens an infinitive; the slot is
            // no target's.
            let infinitive = pos > c.range.start
                && pos < end
                && c.is(pos - 1, c.lex.keys.to)
                && c.mention_starting(pos).is_none()
                && c.lex
                    .verb_patterns(c.units[pos].key)
                    .iter()
                    .any(|(_, forms)| forms.has(VerbForms::BASE));
            if needs_more || infinitive {
                None
            } else {
                match_elems(c, rest, pos, target)
            }
        }
        PatternElem::NoTarget => match_elems(c, rest, pos, target),
        // Without PETRARCH's conventions a skip is a gap: news text writes its phrases more
        // freely than the parses PETRARCH's patterns were written for.
        PatternElem::SkipPhrase if !c.phrase_skips => match rest.first() {
            Some(PatternElem::SkipPhrase) => match_elems(c, rest, pos, target),
            _ => match_gap(c, rest, pos, target),
        },
        PatternElem::SkipPhrase => {
            for e in phrase_ends(c, pos) {
                let mut t = None;
                if let Some(m) = match_after_skip(c, rest, e, &mut t) {
                    *target = t.or(*target);
                    return Some(m);
                }
            }
            None
        }
    }
}

/// Whether the pattern word matched at `pos` is an object noun (an open-class word) and the
/// pattern goes on with a preposition and the target (`send * weapon to {t}`).
fn is_object_noun_before_target(c: &Ctx<'_>, pos: usize, rest: &[PatternElem]) -> bool {
    matches!(rest, [PatternElem::Word(..), PatternElem::Target, ..])
        && c.class(pos) == 0
        && c.units[pos].is(WORD)
}

/// The most units a gap passes over.
const MAX_GAP: usize = 10;

/// Matches `rest` after a gap (a pattern's `*` between words) from unit `pos`.
fn match_gap(
    c: &Ctx<'_>,
    rest: &[PatternElem],
    pos: usize,
    target: &mut Option<usize>,
) -> Option<usize> {
    let end = c.range.end;
    // A word after the gap must stand within its reach, or past adjuncts right after it.
    if let Some(&PatternElem::Word(k, p)) = rest.first() {
        let is_word = |q: usize| c.units[q].key == k || c.units[q].key == p && !c.literal_words;
        if !(pos..end.min(pos + MAX_GAP + 1 + ADJUNCT_REACH)).any(is_word) {
            return None;
        }
    }
    // Up to four content words; numbers, quantifiers and symbols ("$3 billion") are free.
    // A comma inside an actor's mention, before its apposition ("summoned Hideo Tarumi,
    // Japan's ambassador"), does not end the gap.
    let mut content = 0;
    for skip in 0..=MAX_GAP {
        let q = pos + skip;
        if q > end
            || skip > 0
                && (c.is_punct(q - 1, ",") && !c.in_mention(q - 1)
                    || c.is_punct(q - 1, ";")
                    || c.is_punct(q - 1, "."))
        {
            break;
        }
        if skip > 0 {
            let prev = q - 1;
            let free = c.units[prev].is(NUMBER)
                || c.class(prev) & (QUANT | DET | POSS) != 0
                || matches!(c.word(prev), "$" | "%" | "€" | "£" | "-")
                || c.is(prev, c.lex.keys.of) && prev > 0 && c.class(prev - 1) & QUANT != 0
                || c.in_mention(prev) && (c.is_punct(prev, ",") || c.class(prev) & POSS_MARK != 0);
            if !free {
                content += 1;
            }
            if content > 4 {
                break;
            }
        }
        let mut t = None;
        if let Some(e) = match_elems(c, rest, q, &mut t) {
            *target = t.or(*target);
            return Some(e);
        }
    }
    None
}

/// Most noun phrases one skip passes over ("in Rome", "the envoy of Chad").
const MAX_SKIP_EXTENSIONS: usize = 3;

/// Where a skipped noun phrase (a PETRARCH pattern's `^`) may end, shortest first: from
/// `pos`, over time adjuncts and one preposition, determiners and modifiers, then a name or
/// up to four plain nouns; each further "'s" or "of" phrase ("the envoy of Chad", "Chad's
/// envoy") gives a longer reading. Empty when no noun phrase follows in the clause.
fn phrase_ends(c: &Ctx<'_>, pos: usize) -> Vec<usize> {
    let end = c.range.end;
    let plain_noun = |k: usize| {
        k < end
            && c.units[k].is(WORD)
            && c.class(k) == 0
            && !c.in_mention(k)
            && !c.units[k].is(VERB)
    };
    // One noun phrase from `q`: its end, if any. Modifiers count as nouns: the phrase ends
    // at its last plain word, or at the end of a name that follows them ("the northern Shire").
    let core = |mut q: usize| -> Option<usize> {
        let start = q;
        while q < end
            && q < start + 6
            && c.mention_starting(q).is_none()
            && c.is_np_filler(q, false)
        {
            q += 1;
        }
        let first = q;
        loop {
            if let Some(mi) = c.mention_starting(q) {
                return Some(c.ms[mi].units.end);
            }
            if q < first + 4 && plain_noun(q) {
                q += 1;
            } else {
                break;
            }
        }
        (q > first).then_some(q)
    };
    let mut q = skip_adjuncts(c, pos);
    if q < end && c.class(q) & (PREP | PREP_LOC) != 0 {
        q += 1;
    }
    let mut ends = Vec::new();
    let Some(mut e) = core(q) else {
        return ends;
    };
    ends.push(e);
    for _ in 0..MAX_SKIP_EXTENSIONS {
        let joiner = e < end && (c.class(e) & POSS_MARK != 0 || c.is(e, c.lex.keys.of));
        match joiner.then(|| core(e + 1)).flatten() {
            Some(next) => {
                e = next;
                ends.push(e);
            }
            None => break,
        }
    }
    ends
}

/// Matches the elements after a skipped noun phrase ending at `e`. A target slot right after
/// the skip is the next noun phrase, after a time adjunct and a preposition if need be ("^ +"
/// matches "Rome with the envoy"): a reading that finds a target there is preferred to one
/// that finds none.
fn match_after_skip(
    c: &Ctx<'_>,
    rest: &[PatternElem],
    e: usize,
    target: &mut Option<usize>,
) -> Option<usize> {
    let mut t = None;
    let first = match_elems(c, rest, e, &mut t);
    if t.is_none()
        && matches!(
            rest.first(),
            Some(PatternElem::Target | PatternElem::SourceSlot)
        )
    {
        let q = skip_adjuncts(c, e);
        if q < c.range.end && c.class(q) & (PREP | PREP_LOC) != 0 {
            let mut t2 = None;
            if let Some(m) = match_elems(c, rest, q + 1, &mut t2).filter(|_| t2.is_some()) {
                *target = t2;
                return Some(m);
            }
        }
    }
    *target = t;
    first
}

/// A verb form with fewer candidate patterns than this has them all tried, each after its
/// quick checks, without asking the verb index for those filed under the sentence's words
/// (`Lexicon::verb_candidates`, for lists of 32 or more): below 64 the quick checks cost less
/// than sorting the sentence's keys and looking each up (Callgrind on generated news). The
/// index only narrows the list, so either way the same patterns match.
const SCAN_WHOLE_BELOW: usize = 64;

/// How far before the verb (in units) the first of a pattern's words before it may stand.
const BEFORE_REACH: usize = 12;

/// Whether a pattern's words before its verb (PETRARCH's "FAILED_TO_*", "SAID + MUST *") stand
/// before the verb's word at `verb`, in order, within the clause: a word joined to the next one
/// right before it, the others at most [`BEFORE_REACH`] units before the verb.
fn before_matches(c: &Ctx<'_>, before: &[(u32, bool)], verb: usize) -> bool {
    before_start(c, before, verb).is_some()
}

/// Where the first of a pattern's words before its verb stands, when they all do
/// ([`before_matches`]).
fn before_start(c: &Ctx<'_>, before: &[(u32, bool)], verb: usize) -> Option<usize> {
    let floor = c.range.start.max(verb.saturating_sub(BEFORE_REACH));
    let mut pos = verb;
    for &(k, joined) in before.iter().rev() {
        if joined {
            if pos == 0 || pos <= c.range.start || c.units[pos - 1].key != k {
                return None;
            }
            pos -= 1;
        } else {
            pos = (floor..pos).rev().find(|&q| c.units[q].key == k)?;
        }
    }
    Some(pos)
}

/// Whether the last of a pattern's words before the verb is a modal ("would", "should")
/// standing right before the verb at `verb` (over adverbs): the word after a modal is the verb
/// of its verb group, whatever its form. (Not "is": "is ready" holds no verb.)
fn pattern_modal_before(c: &Ctx<'_>, before: &[(u32, bool)], verb: usize) -> bool {
    let Some(&(k, _)) = before.last() else {
        return false;
    };
    let mut j = verb;
    while j > c.range.start && c.is_adverb(j - 1) {
        j -= 1;
    }
    j > c.range.start && c.units[j - 1].key == k && is_modal(c, j - 1)
}

/// Whether the word at `i` is a modal auxiliary ("should", "would", "will"): never a verb of an
/// event, though a dictionary may list it as one (PETRARCH's parser tags it `MD`, which no
/// verb pattern reads). "going" of "going to" is no modal, nor are "if" and "whether".
fn is_modal(c: &Ctx<'_>, i: usize) -> bool {
    let cl = c.class(i);
    cl & (FUTURE | HYPO) != 0 && cl & (PROSPECTIVE | CONDITION | QUESTION) == 0
}

/// Whether a compound subject ("Peru and Chile", "Peru, Chile and Bolivia") ends right
/// before the verb starting at `verb`, over auxiliaries, negators and adverbs.
fn compound_subject(c: &Ctx<'_>, verb: usize) -> bool {
    let mut j = verb;
    while j > c.range.start
        && verb - j < 6
        && (c.is_adverb(j - 1) || c.class(j - 1) & (BE | HAVE | DO | FUTURE | HYPO | NEG) != 0)
    {
        j -= 1;
    }
    let Some(mi) = c.mention_ending(j).filter(|&mi| c.ms[mi].is_actor()) else {
        return false;
    };
    let mut v = vec![mi];
    extend_left(c, &mut v);
    v.len() >= 2
}

/// A pattern in the passive: "sanctions were imposed on Russia" matches "impose * sanction on
/// {t}" when the pattern's first noun stands in the subject before the verb group and the rest
/// of the pattern follows the verb.
fn passive_match(
    c: &Ctx<'_>,
    elems: &[PatternElem],
    verb: usize,
    forms: VerbForms,
    be_before: Option<usize>,
    target: &mut Option<usize>,
) -> Option<usize> {
    // `be_before`: the start of "was (adverbs)" before the verb, computed once per verb.
    let j = be_before?;
    if !forms.has(VerbForms::PARTICIPLE) {
        return None;
    }
    // "X was put under investigation" matches "put {t} under investigation": the subject fills
    // the slot, and the rest follows the verb.
    if let Some((PatternElem::Target, rest)) = elems.split_first() {
        if rest.iter().any(|e| matches!(e, PatternElem::Word(..))) {
            return match_elems(c, rest, verb + 1, target);
        }
    }
    let first_word = elems
        .iter()
        .position(|e| matches!(e, PatternElem::Word(..)))?;
    let PatternElem::Word(k, pl) = elems[first_word] else {
        return None;
    };
    let from = j.saturating_sub(7).max(c.range.start);
    if !(from..j).any(|q| c.units[q].key == k || c.units[q].key == pl && !c.literal_words) {
        return None;
    }
    let rest = &elems[first_word + 1..];
    if !rest
        .iter()
        .any(|e| matches!(e, PatternElem::Word(..) | PatternElem::Target))
    {
        return Some(verb + 1);
    }
    match_elems(c, rest, verb + 1, target)
}

/// A time word: "today", "week", a weekday or a month name.
fn is_time_word(c: &Ctx<'_>, k: usize) -> bool {
    if k >= c.range.end {
        return false;
    }
    if c.class(k) & TIME != 0 {
        return true;
    }
    let w = c.word(k);
    crate::text::weekday_number(w).is_some()
        || w.len() > 2 && crate::text::month_number(w).is_some()
}

/// How far past `pos` [`skip_adjuncts`] may end: it looks at most five units on, and a
/// preposition or determiner before a time word passes two at once.
const ADJUNCT_REACH: usize = 6;

/// The first unit at or after `pos` that is not an adverb or a time adjunct ("today", "on
/// Monday", "earlier this week", "last month"): patterns may have these between their words.
fn skip_adjuncts(c: &Ctx<'_>, pos: usize) -> usize {
    let memo = pos
        .checked_sub(c.range.start)
        .and_then(|k| c.tables.adjuncts_end.get(k));
    match memo {
        Some(m) if m.get() != NONE => m.get() as usize,
        Some(m) => {
            let q = adjuncts_end(c, pos);
            m.set(q as u32);
            q
        }
        None => adjuncts_end(c, pos),
    }
}

/// [`skip_adjuncts`], worked out.
fn adjuncts_end(c: &Ctx<'_>, pos: usize) -> usize {
    let mut q = pos;
    while q < c.range.end && q < pos + 5 {
        let time_word = |k: usize| is_time_word(c, k);
        if c.in_mention(q) {
            break;
        }
        if c.is_adverb(q) || time_word(q) {
            q += 1;
        } else if c.class(q) & (PREP | PREP_LOC | DET) != 0 && time_word(q + 1) {
            q += 2;
        } else if c.units[q].is(NUMBER) && q > pos && time_word(q - 1) {
            q += 1;
        } else {
            break;
        }
    }
    q
}

/// The predicate whose clause a gerund at `word_start` continues, when the gerund follows a
/// comma and the last predicate before it is a verb predicate in the same stretch of the
/// sentence: no other comma, quotation mark or subordinating word between the predicate and the
/// comma ("attacked a post in Quetta, killing four soldiers", but not "after talks ended,
/// saying").
fn participial_adjunct_of(c: &Ctx<'_>, preds: &[Predicate], word_start: usize) -> Option<usize> {
    if word_start <= c.range.start + 1 || !c.is_punct(word_start - 1, ",") {
        return None;
    }
    let q = preds.len().checked_sub(1)?;
    let p = &preds[q];
    // Not after a predicate that is itself a gerund or opens with a subordinator.
    if p.end >= word_start
        || p.forms.0 == VerbForms::GERUND
        || p.left_edge > c.range.start && c.is_subordinator(p.left_edge - 1)
    {
        return None;
    }
    let between_is_plain = (p.end..word_start - 1).all(|k| {
        let w = c.word(k);
        !matches!(w, "," | "\"" | "“" | "”" | ";" | ":" | "(" | ")") && !c.is_subordinator(k)
    });
    between_is_plain.then_some(q)
}

/// "in India's Chhattisgarh state", "in northeastern Borno state said": a subdivision noun
/// after a place name (capitalized words after a preposition, a possessive, a determiner or a
/// direction) is no verb, even where the dictionaries do not know the place.
fn names_subdivision(c: &Ctx<'_>, i: usize) -> bool {
    if c.class(i) & SUBDIVISION == 0 {
        return false;
    }
    let mut j = i;
    while j > c.range.start && c.units[j - 1].is(crate::lexicon::CAPITALIZED) {
        j -= 1;
    }
    j < i
        && j > c.range.start
        && c.class(j - 1) & (PREP | PREP_LOC | POSS_MARK | DET | DIRECTION) != 0
}

/// Which verb forms the word at `i` may be, from its left context: a past form almost always
/// is a verb; a base form needs a modal, "to" or a subject; a third-person form a subject; a
/// gerund an auxiliary, a clause start or a subordinator ("Speaking at...", "after meeting").
fn verb_forms_allowed(c: &Ctx<'_>, i: usize) -> u8 {
    let start = c.range.start;
    let mut j = i;
    while j > start && (c.is_adverb(j - 1) || c.class(j - 1) & NEG != 0) {
        j -= 1;
    }
    let mut allowed = VerbForms::PAST | VerbForms::PARTICIPLE;
    if j == start {
        // (Not a base form: news has no imperatives, and "State senators voted" is no
        // statement.)
        return allowed | VerbForms::THIRD | VerbForms::GERUND;
    }
    let p = j - 1;
    let cl = c.class(p);
    let w = c.word(p);
    let after_subject = c
        .mention_ending(j)
        .is_some_and(|m| c.ms[m].is_actor() || c.ms[m].reference.is_some())
        || cl & (PRON | REL) != 0;
    if cl & (FUTURE | HYPO | DO | NEG) != 0
        || c.is(p, c.lex.keys.to)
        || after_subject
        || w == "\""
        || w == "“"
    {
        allowed |= VerbForms::BASE;
    }
    if after_subject || cl & CONJ != 0 {
        allowed |= VerbForms::THIRD;
    }
    if cl & (BE | BY | GERUND_OPENER | CONJ | INTENT) != 0 || w == "(" {
        allowed |= VerbForms::GERUND;
    }
    if cl & CONJ != 0 {
        allowed |= VerbForms::BASE;
    }
    allowed
}

/// How patterns are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PredicateOptions {
    /// A PETRARCH pattern's `^` skips one whole noun phrase (PETRARCH-1's reading: "* TALKS IN
    /// ^ WITH +" needs a phrase between "in" and "with"); otherwise it is a gap of a few words,
    /// which may be empty.
    pub phrase_skips: bool,
    /// A PETRARCH pattern's actor slots are read where they are written: a `$` after the verb
    /// of a pattern with `+` before it (`- + * MONEY $`) is filled as a target slot is (then
    /// the roles are turned around), also in the passive (`- + WAS * DEAD IN $`); and an actor
    /// written before the pattern's words before the verb (`- + HOSTING *`) is the noun phrase
    /// before those words, not the verb's subject. Otherwise the `$` is found as any target
    /// and the subject is the verb's.
    pub written_slots: bool,
    /// A pattern's word matches only the word as written, not its plural (PETRARCH-1's "*
    /// RESOLUTION" does not match "adopted resolutions"); otherwise either.
    pub literal_words: bool,
}

/// Finds the predicates of one sentence.
pub fn predicates(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    ms: &[Mention],
    matches: &[PhraseMatch],
) -> Vec<Predicate> {
    predicates_with(
        lex,
        units,
        text,
        range,
        ms,
        matches,
        PredicateOptions::default(),
    )
}

/// Finds the predicates of one sentence, reading patterns as `options` say.
pub fn predicates_with(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    ms: &[Mention],
    matches: &[PhraseMatch],
    options: PredicateOptions,
) -> Vec<Predicate> {
    let mut scratch = ClauseScratch::default();
    predicates_in(&mut scratch, lex, units, text, range, ms, matches, options)
}

/// Buffers that [`predicates_in`] reuses from one sentence to the next: with one kept for a
/// whole article, finding a sentence's predicates allocates only the predicates themselves.
#[derive(Debug, Default)]
pub struct ClauseScratch {
    tables: SentenceTables,
    /// The sentence's distinct keys, sorted (made at its first verb that has the index read).
    sentence_keys: Vec<u32>,
    /// For a verb form with a long candidate list, the candidates filed under one of the
    /// sentence's keys, and the bitmap they are gathered in (`Lexicon::verb_candidates`).
    picked: Vec<u32>,
    marks: Vec<u64>,
    /// For each predicate, the target its pattern found.
    explicit_targets: Vec<Option<usize>>,
    /// For each predicate, the predicate whose clause it continues as a participial adjunct.
    adjunct_of: Vec<Option<usize>>,
    /// Units after the first word of an event noun ("raids" in "Air raids").
    in_event_noun: Vec<bool>,
    /// For each predicate, the predicate it was merged into, and whether it is folded away.
    merged_into: Vec<Option<usize>>,
    folded: Vec<bool>,
    /// A list of predicates handed back by [`ClauseScratch::recycle`], to be filled again.
    spare: Vec<Predicate>,
}

impl ClauseScratch {
    /// Takes back a sentence's predicates once they are used, so that the next sentence's
    /// list reuses their room instead of allocating its own.
    pub fn recycle(&mut self, mut preds: Vec<Predicate>) {
        preds.clear();
        self.spare = preds;
    }
}

/// [`predicates_with`] with buffers kept from sentence to sentence in `scratch`.
#[allow(clippy::too_many_arguments)]
pub fn predicates_in(
    scratch: &mut ClauseScratch,
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    ms: &[Mention],
    matches: &[PhraseMatch],
    options: PredicateOptions,
) -> Vec<Predicate> {
    let ClauseScratch {
        tables,
        sentence_keys,
        picked,
        marks,
        explicit_targets,
        adjunct_of,
        in_event_noun,
        merged_into,
        folded,
        spare,
    } = scratch;
    tables.fill(range.clone(), ms, matches);
    let c = Ctx {
        lex,
        units,
        text,
        range: range.clone(),
        ms,
        tables,
        phrase_skips: options.phrase_skips,
        written_slots: options.written_slots,
        literal_words: options.literal_words,
    };
    // A 4096-bit set of the sentence's keys: a pattern is tried only if all its words may occur.
    let mut present = [0u64; 64];
    for u in &units[range.clone()] {
        present[(u.key as usize >> 6) & 63] |= 1 << (u.key & 63);
    }
    let occurs = |k: u32| present[(k as usize >> 6) & 63] & (1 << (k & 63)) != 0;
    sentence_keys.clear();
    explicit_targets.clear();
    adjunct_of.clear();
    let mut preds = std::mem::take(spare);
    preds.clear();
    let mut covered = range.start;
    crate::parse::mentions::event_noun_units_into(matches, range.clone(), 1, in_event_noun);
    for i in range.clone() {
        let u = &units[i];
        if i < covered || !u.is(WORD) || !u.is(VERB) {
            continue;
        }
        let cands = lex.verb_patterns(u.key);
        if cands.is_empty() || c.in_mention(i) || is_modal(&c, i) {
            continue;
        }
        // "Air raids by the coalition", "a drone strike": the last word of an event noun is
        // no verb.
        if in_event_noun.get(i - range.start).is_some_and(|&b| b) {
            continue;
        }
        // Inside a hyphenated word ("long-threatened", "war-torn") a verb is a modifier, unless
        // the word is a hyphenated verb of the dictionary ("test-fired").
        let inside = i > 0 && units[i - 1].token == u.token;
        if i + 1 < units.len() && units[i + 1].token == u.token {
            continue;
        }
        let word_start = if inside {
            let mut s = i;
            while s > range.start && units[s - 1].token == u.token {
                s -= 1;
            }
            if !cands.iter().any(|&(p, _)| {
                let prefix = &lex.patterns[p].prefix;
                i - s == prefix.len() && units[s..i].iter().zip(prefix).all(|(u, &k)| u.key == k)
            }) {
                continue;
            }
            s
        } else {
            i
        };
        if i > range.start {
            let prev = c.class(i - 1);
            if prev & (DET | POSS) != 0
                || c.class(i - 1) & POSS_MARK != 0
                || c.mention_ending(i).is_some_and(|m| {
                    matches!(ms[m].state, Some((_, crate::parse::StateForm::Adjective)))
                        && ms[m].agent.is_none()
                        && ms[m].person.is_none()
                        && ms[m].name.is_none()
                        && !ms[m].people
                }) && !cands
                    .iter()
                    .any(|(_, f)| f.has(VerbForms::PAST | VerbForms::THIRD))
            {
                continue;
            }
            // "a million artillery shells", "thousands of mortar rounds", "155mm tank shells":
            // after a weapon counted (a number, a quantity, "of" or a determiner before it), a
            // present-tense form is the compound's plural noun, not a verb.
            if c.mention_ending(i).is_some_and(|m| {
                let b = ms[m].units.start;
                ms[m].agent.is_some_and(|a| lex.agents[a].flags.equipment)
                    && ms[m].state.is_none()
                    && b > range.start
                    && (c.class(b - 1) & (QUANT | DET) != 0
                        || units[b - 1].is(crate::lexicon::NUMBER)
                        || units[b - 1].key == lex.keys.of
                        || c.word(b - 1).starts_with(|ch: char| ch.is_ascii_digit()))
            }) && !cands.iter().any(|(_, f)| f.has(VerbForms::PAST))
            {
                continue;
            }
            // A capitalized word inside a sentence is a name, not a verb (unless all caps headline).
            if u.is(crate::lexicon::CAPITALIZED)
                && !u.is(crate::lexicon::ALL_CAPS)
                && i != range.start
            {
                let prev_is_quote =
                    c.is_punct(i - 1, "\"") || c.is_punct(i - 1, "“") || c.is_punct(i - 1, "(");
                if !prev_is_quote && !c.word(i - 1).chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
            }
            if names_subdivision(&c, i) {
                continue;
            }
        }
        let mut allowed = verb_forms_allowed(&c, word_start);
        // "issued a statement condemning the strikes", "sent a letter to the UN accusing
        // Israel": a gerund right after a statement says what the statement does.
        let statement_before = preds.len().checked_sub(1).filter(|&q| {
            let q = &preds[q];
            lex.patterns[q.pattern].is_statement()
                && (skip_adjuncts(&c, q.end) == word_start
                    || q.end + 1 == word_start && c.is_punct(word_start - 1, ","))
        });
        // "Troops returned fire, killing four insurgents", "expelled two diplomats, accusing
        // them of spying": a gerund right after the comma that closes the previous predicate's
        // clause is what that predicate's makers did with it.
        let clause_before = statement_before
            .is_none()
            .then(|| participial_adjunct_of(&c, &preds, word_start))
            .flatten();
        let inherit_from = statement_before.or(clause_before);
        if inherit_from.is_some() {
            allowed |= VerbForms::GERUND;
        }
        // A form of "be" (then adverbs) right before the verb: where a passive reading starts.
        let be_before = {
            let mut j = word_start;
            while j > range.start && c.is_adverb(j - 1) {
                j -= 1;
            }
            (j > range.start && c.class(j - 1) & BE != 0).then_some(j)
        };
        let passive_context = be_before.is_some() && allowed & VerbForms::PARTICIPLE != 0;
        let adjuncts_end = std::cell::OnceCell::new();
        let mut best: Option<(usize, usize, PatternId, VerbForms, Option<usize>)> = None;
        let checks = lex.verb_checks(u.key);
        let use_index = cands.len() >= SCAN_WHOLE_BELOW;
        if use_index && sentence_keys.is_empty() {
            sentence_keys.extend(units[range.clone()].iter().map(|u| u.key));
            sentence_keys.sort_unstable();
            sentence_keys.dedup();
        }
        let indexed = use_index && lex.verb_candidates(u.key, sentence_keys, marks, picked);
        let tried = if indexed { picked.len() } else { cands.len() };
        for ci in (0..tried).map(|j| if indexed { picked[j] as usize } else { j }) {
            let ((p, mut forms), check) = (cands[ci], &checks[ci]);
            // (A form the context does not allow is kept only for a modal the pattern writes
            // before its verb, below: no words before the verb, no such modal.)
            let form_allowed = forms.0 & allowed != 0;
            if !form_allowed && !check.has_before
                || check.prefix_len as usize != i - word_start
                || !check.words().iter().all(|&(k, pl)| occurs(k) || occurs(pl))
            {
                continue;
            }
            let pat = &lex.patterns[p];
            if check.has_before && !before_matches(&c, &pat.before, word_start) {
                continue;
            }
            if !form_allowed {
                // A modal the pattern writes right before its verb makes the word the verb,
                // whatever its form ("- INDICATED WOULD * NOW" matches "would acting now":
                // PETRARCH matches a pattern's words whatever the verb's form).
                if !pattern_modal_before(&c, &pat.before, word_start) {
                    continue;
                }
            } else {
                forms = VerbForms(forms.0 & allowed);
            }
            if pat.compound && !compound_subject(&c, word_start) {
                continue;
            }
            if check.more_words
                && !pat.elems.iter().all(|e| match *e {
                    PatternElem::Word(k, pl) => occurs(k) || occurs(pl),
                    _ => true,
                })
            {
                continue;
            }
            let mut target = None;
            let matched = match_elems(&c, &pat.elems, i + 1, &mut target)
                .or_else(|| {
                    // "talked today with", "held meetings earlier this week with"
                    let skip = *adjuncts_end.get_or_init(|| skip_adjuncts(&c, i + 1));
                    (skip > i + 1)
                        .then(|| match_elems(&c, &pat.elems, skip, &mut target))
                        .flatten()
                })
                .or_else(|| passive_match(&c, &pat.elems, i, forms, be_before, &mut target));
            if let Some(end) = matched {
                // An unfilled target slot ranks below a reading that expects no target, except in
                // the passive, where the target is the subject ("He was welcomed by Xi").
                let slot = pat.has_target_slot();
                // Only a slot right after the verb is the passive's subject ("X was welcomed"),
                // not one after a preposition ("X was withdrawn from").
                let slot_first = matches!(pat.elems.first(), Some(PatternElem::Target));
                let filled = target.is_some() || passive_context && slot_first;
                // A compound pattern whose subject is a compound counts as one word more.
                let score = (pat.specificity() + usize::from(pat.compound)) * 4
                    + usize::from(slot && filled) * 2
                    + usize::from(!slot || filled);
                let better = match best {
                    None => true,
                    Some((s, e, ..)) => score > s || score == s && end > e,
                };
                if better {
                    best = Some((score, end, p, forms, target));
                }
            }
        }
        let Some((_, end, pattern, forms, target)) = best else {
            continue;
        };
        covered = end.max(i + 1);
        let head_end = match target {
            Some(t) if ms[t].units.start > i => {
                let mut h = ms[t].units.start;
                while h > i + 1 && units[h - 1].class & (DET | POSS) != 0 {
                    h -= 1;
                }
                h
            }
            _ => end.max(i + 1),
        };
        preds.push(Predicate {
            verb: i,
            end: end.max(i + 1),
            head_end,
            pattern,
            forms,
            subjects: Vec::new(),
            inherit: inherit_from.filter(|_| forms.0 == VerbForms::GERUND),
            targets: Vec::new(),
            modality: Modality::default(),
            // The start of the verb's word: "tear-" in "was tear-gassed".
            left_edge: word_start,
            target_from_clause: false,
            inanimate_subject: false,
            subject_is_target: false,
            nominal: false,
        });
        explicit_targets.push(target);
        adjunct_of.push(clause_before.filter(|_| forms.0 == VerbForms::GERUND));
    }
    for (pi, &target) in explicit_targets.iter().enumerate() {
        let said_by = preds[pi].inherit;
        analyse(&c, &mut preds, pi, target);
        if said_by.is_some() {
            // The statement's (or the clause's) maker is the subject, not the noun before the
            // gerund.
            preds[pi].subjects.clear();
            preds[pi].inherit = said_by;
        }
    }
    merge_participial_adjuncts(lex, &mut preds, adjunct_of, merged_into);
    // "pledged to provide aid": the governing verb of intent is folded into the governed event.
    let governs = |v: usize| preds.iter().any(|g| g.modality.governor == Some(v));
    folded.clear();
    folded.extend(preds.iter().enumerate().map(|(pi, p)| {
        merged_into[pi].is_some() || governs(p.verb) && lex.patterns[p.pattern].specificity() <= 2
    }));
    if folded.contains(&true) {
        // The `inherit` links index `preds`: renumber them, and send a link to a folded
        // governor to the event it was folded into.
        let mut new_index = Vec::with_capacity(preds.len());
        let mut kept = 0;
        for &f in folded.iter() {
            new_index.push((!f).then_some(kept));
            kept += usize::from(!f);
        }
        let target = |mut q: usize| {
            for _ in 0..preds.len() {
                if let Some(n) = new_index[q] {
                    return Some(n);
                }
                if let Some(host) = merged_into[q] {
                    q = host;
                    continue;
                }
                let v = preds[q].verb;
                q = preds.iter().position(|p| p.modality.governor == Some(v))?;
            }
            None
        };
        let links: Vec<Option<usize>> = preds
            .iter()
            .enumerate()
            .map(|(pi, p)| {
                p.inherit
                    .and_then(target)
                    .filter(|&q| Some(q) != new_index[pi])
            })
            .collect();
        for (p, link) in preds.iter_mut().zip(links) {
            p.inherit = link;
        }
        let mut f = folded.iter();
        preds.retain(|_| !f.next().copied().unwrap_or(false));
    }
    // A purpose infinitive shares the modality of the verb it serves: "will meet on Thursday to
    // discuss the dispute" is a plan to discuss, "could meet to sign" a possibility. A gerund
    // after "before", "after" or "without" shares its possibility or intent (not a negation:
    // "did not fire before warning" says nothing of the warning): "may blockade Taiwan before
    // invading it" invades nothing yet.
    let to = lex.keys.to;
    for pi in 0..preds.len() {
        let edge = preds[pi].left_edge;
        let before_edge = (edge > range.start).then(|| &units[edge - 1]);
        let purpose = before_edge.is_some_and(|u| u.key == to);
        let time_gerund = before_edge.is_some_and(|u| u.class & GERUND_OPENER != 0)
            && preds[pi].forms.has(VerbForms::GERUND);
        if let (true, Some(q)) = (
            purpose || time_gerund,
            preds[pi].inherit.filter(|&q| q < pi),
        ) {
            let (own, of) = (preds[pi].modality, preds[q].modality);
            if !(own.intent || own.hypothetical || own.negated || own.refused) {
                let m = &mut preds[pi].modality;
                m.intent |= of.intent;
                m.hypothetical |= of.hypothetical;
                m.negated |= of.negated && purpose;
            }
        }
    }
    // Participial openers and bare coordinated verbs take the next / previous subject.
    for pi in 0..preds.len() {
        if preds[pi].subjects.is_empty()
            && preds[pi].inherit.is_none()
            && preds[pi].left_edge == range.start
            && preds[pi].forms.has(VerbForms::GERUND)
        {
            preds[pi].inherit = (pi + 1..preds.len()).find(|&q| !preds[q].subjects.is_empty());
        }
    }
    preds
}

/// A participial adjunct that only tells what the act before it did, and which predicate it is
/// merged into:
/// - a statement ("condemned the attack, saying it was a crime") says nothing new;
/// - an act of force after an act of force ("detonated a car bomb, killing 12 people") is the
///   same attack: its targets go to the attack when that names none ("returned fire, killing
///   four insurgents");
/// - an act of the host's own code ("expelled the ambassador, giving him 72 hours to leave")
///   is the host's act again;
/// - an act that names no party ("landed in Baghdad, defying security risks") is the manner of
///   the host's act, not an act on anyone.
///
/// Other adjuncts stay events of their own ("expelled two diplomats, accusing them of spying").
/// `merged_into` receives, for each predicate, its host or `None`.
fn merge_participial_adjuncts(
    lex: &Lexicon,
    preds: &mut [Predicate],
    adjunct_of: &[Option<usize>],
    merged_into: &mut Vec<Option<usize>>,
) {
    merged_into.clear();
    merged_into.resize(preds.len(), None);
    for (pi, host) in adjunct_of.iter().enumerate() {
        let Some(q) = *host else { continue };
        let (own, of) = (
            &lex.patterns[preds[pi].pattern],
            &lex.patterns[preds[q].pattern],
        );
        let same_code = own.code.get(..3).is_some_and(|r| of.code.starts_with(r));
        if crate::ontology::is_violent_code(&own.code) && crate::ontology::is_violent_code(&of.code)
        {
            if preds[q].targets.is_empty() {
                preds[q].targets = std::mem::take(&mut preds[pi].targets);
            }
            merged_into[pi] = Some(q);
        } else if own.is_statement() || same_code || preds[pi].targets.is_empty() {
            merged_into[pi] = Some(q);
        }
    }
}

/// The word that governs the "to" at `k`: the verb of intent may stand a few words before it
/// ("agreed in principle on Saturday to provide"); else the word right before "to".
fn infinitive_head(c: &Ctx<'_>, k: usize) -> usize {
    let start = c.range.start;
    let mut v = k - 1;
    let mut hops = 0;
    while v > start
        && hops < 5
        && !governs_infinitive(c, v)
        && c.mention_ending(v + 1).is_none()
        && !matches!(c.word(v), "," | ";" | ":")
        && !c.units[v].is(VERB)
    {
        v -= 1;
        hops += 1;
    }
    v
}

/// A verb of intent or refusal, "going" (prospective) or a form of "be": its "to" + verb is not
/// (yet) done.
fn governs_infinitive(c: &Ctx<'_>, v: usize) -> bool {
    c.class(v) & (INTENT | REFUSE | BE | PROSPECTIVE) != 0
}

/// The verb of an infinitive that `v` (the word before a purpose "to") ends the object of:
/// "send" in "to send material to help", "deploy" in "to deploy police officers to help".
/// Not a verb whose object is asked to act ("to ask Putin to recognise"): its patterns have a
/// "{t} to" slot.
fn chained_infinitive(c: &Ctx<'_>, v: usize) -> Option<usize> {
    let start = c.range.start;
    let mut w = v;
    if let Some(mi) = c.mention_ending(w + 1) {
        w = c.ms[mi].units.start.saturating_sub(1);
        while w > start && (c.class(w) & (DET | QUANT) != 0 || c.units[w].is(NUMBER)) {
            w -= 1;
        }
    }
    let to = c.lex.keys.to;
    let pats = c.lex.verb_patterns(c.units[w].key);
    // (Read last: a verb of a large dictionary has hundreds of patterns.)
    let asks_object = || {
        pats.iter().any(|&(p, _)| {
            c.lex.patterns[p]
                .elems
                .windows(2)
                .any(|e| matches!(e, [PatternElem::Target, PatternElem::Word(k, _)] if *k == to))
        })
    };
    (w > start + 1 && c.is(w - 1, c.lex.keys.to) && !pats.is_empty() && !asks_object()).then_some(w)
}

fn analyse(c: &Ctx<'_>, preds: &mut [Predicate], pi: usize, explicit_target: Option<usize>) {
    let verb = preds[pi].verb;
    let forms = preds[pi].forms;
    let start = c.range.start;
    let mut m = Modality::default();
    let mut j = preds[pi].left_edge;
    let mut be_seen = false;
    let mut would = false;
    // A modal the pattern writes before its verb ("- SAID WOULD * [173]", "- INDICATED SHOULD
    // * [1011]"): the pattern's code is for the phrase with it, so it marks no modality.
    let before = &c.lex.patterns[preds[pi].pattern].before;
    let written = |k: usize| before.iter().any(|&(key, _)| key == c.units[k].key);
    let mut steps = 0;
    while j > start && steps < 8 {
        steps += 1;
        let k = j - 1;
        let cl = c.class(k);
        if c.in_mention(k) {
            // "Theresa May condemned": a name, not the modal "may".
            break;
        }
        if c.is_adverb(k) {
            j -= 1;
        } else if cl & NEG != 0 {
            m.negated = true;
            j -= 1;
        } else if cl & BE != 0 && cl & POSS_MARK == 0 {
            be_seen = true;
            j -= 1;
        } else if cl & (HAVE | DO) != 0 {
            j -= 1;
        } else if cl & FUTURE != 0 && cl & PROSPECTIVE == 0 {
            m.intent |= !written(k);
            j -= 1;
        } else if cl & HYPO != 0 && cl & (CONDITION | QUESTION) == 0 {
            if cl & REPORTED_FUTURE != 0 {
                would |= !written(k);
            } else {
                m.hypothetical |= !written(k);
            }
            j -= 1;
        } else if c.is(k, c.lex.keys.to) && k > start {
            // The verb of intent may stand a few words before "to": "agreed in principle on Saturday to provide".
            // "had not managed to hit": a verb of success is transparent, so its negation and
            // modals apply to the act.
            // "failed to capture the airport": a failure is no act (and no refusal either).
            if c.class(k - 1) & (IMPLICATIVE | FAILURE) != 0 {
                m.negated |= c.class(k - 1) & FAILURE != 0;
                // "accused Ukraine of trying to assassinate", "arrested for attempting to
                // smuggle": after a preposition the attempt is a charge's content, not asserted.
                if k >= start + 2 && c.class(k - 2) & PREP != 0 && !c.is(k - 2, c.lex.keys.to) {
                    m.background = true;
                }
                j = k - 1;
                continue;
            }
            let mut v = infinitive_head(c, k);
            // "willing to send material to help defend": a purpose infinitive after another
            // infinitive shares its governor, so the scan goes on from that verb when the chain
            // ends in a verb of intent or refusal.
            if !governs_infinitive(c, v) {
                if let Some(w) = chained_infinitive(c, v) {
                    let mut link = w;
                    let mut reaches = false;
                    for _ in 0..3 {
                        let head = infinitive_head(c, link - 1);
                        if governs_infinitive(c, head) {
                            reaches = true;
                            break;
                        }
                        match chained_infinitive(c, head) {
                            Some(next) => link = next,
                            None => break,
                        }
                    }
                    if reaches {
                        j = w;
                        continue;
                    }
                }
                v = k - 1;
            }
            let vc = c.class(v);
            if vc & REFUSE != 0 {
                m.refused = true;
                m.governor = Some(v);
                j = v;
            } else if vc & INTENT != 0 {
                m.intent = true;
                m.governor = Some(v);
                if c.class(v) & THREAT_VERB != 0 {
                    m.threat = true;
                }
                j = v;
            } else if vc & (PROSPECTIVE | BE) != 0 {
                m.intent = true;
                j = v;
            } else if vc & DIRECTIVE != 0 && {
                let mut b = v;
                while b > start && c.is_adverb(b - 1) {
                    b -= 1;
                }
                b > start && c.class(b - 1) & BE != 0
            } {
                // "The ambassador was ordered to shut the consulate": someone else's demand, not
                // the subject's act.
                m.directed = true;
                m.governor = Some(v);
                j = v;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // "did not ever clash": a pattern whose words before the verb name the negation
    // (PETRARCH's "- &NEGATVAUXVRB * OVER EFFORTS [904]") codes the negated act itself.
    if m.negated
        && c.lex.patterns[preds[pi].pattern]
            .before
            .iter()
            .any(|&(k, _)| c.lex.class(k) & NEG != 0)
    {
        m.negated = false;
    }
    // "Israel is opposed to the plan": a stative participle with "to" is active in meaning.
    // Likewise "Serb forces were engaged in ethnic cleansing": the subject does it.
    let stative = c.class(verb) & STATIVE != 0
        && verb + 1 < c.range.end
        && (c.is(verb + 1, c.lex.keys.to) || c.is(verb + 1, c.lex.keys.in_));
    m.passive =
        be_seen && forms.has(VerbForms::PARTICIPLE) && forms.0 != VerbForms::GERUND && !stative;
    let left_edge = j;
    // "would" in reported speech is a future; elsewhere a hypothetical.
    if would {
        // "..., would be signing a deal ..., its energy minister said": the report may follow.
        let end = preds[pi].end;
        let reported_after = (end..c.range.end)
            .any(|k| c.class(k) & REPORT != 0 && (end..k).any(|q| c.is_punct(q, ",")));
        let reported = (start..left_edge).any(|k| c.class(k) & REPORT != 0) || reported_after;
        if reported {
            m.intent = true
        } else {
            m.hypothetical = true
        }
    }
    if let Some(w) = (start..left_edge)
        .rev()
        .find(|&k| c.class(k) & CONDITION != 0)
    {
        m.hypothetical = true;
        // "Russia will respond if the EU imposes sanctions": inside the condition's own clause
        // (no verb or comma between), the act is a condition, not a possible harm by the EU.
        // ("If attacked, Iran will strike back" is the main clause: a threat.)
        m.conditional = !preds.iter().any(|q| q.verb > w && q.verb < verb)
            && !(w..left_edge).any(|k| c.is_punct(k, ","));
    }
    // "Pakistan denied that its forces had fired": a denied clause is not asserted.
    let denied =
        (start + 1..left_edge).any(|k| c.is(k, c.lex.keys.that) && c.class(k - 1) & DENIAL != 0);
    if denied {
        m.negated = true;
    }
    m.background |= in_background_clause(c, left_edge);
    preds[pi].left_edge = left_edge;
    preds[pi].modality = m;

    if !m.passive && inanimate_subject(c, preds, left_edge) {
        preds[pi].inanimate_subject = true;
    }
    let mut subjects = find_subject(c, preds, pi, lead_slot_edge(c, preds, pi, left_edge));
    if subjects.0.is_empty() && subjects.1.is_none() && !m.passive {
        if let Some(maker) = event_noun_maker(c, left_edge) {
            subjects.0.push(maker);
        } else if let Some(noun) = weapon_subject(c, preds[pi].pattern, left_edge) {
            // "A car bomb killed three soldiers": the attack is the noun's (a car bombing),
            // by whoever set it off.
            preds[pi].pattern = noun;
        }
    }
    // "Pakistan urged (allowed) the opposition to hold a rally": the rally is asked for or
    // permitted, not reported as held.
    let asked_of_object = left_edge > start
        && c.is(left_edge - 1, c.lex.keys.to)
        && subjects.0.len() == 1
        && preds[..pi]
            .iter()
            .any(|p| p.targets.contains(&subjects.0[0]));
    if asked_of_object {
        preds[pi].modality.directed = true;
    }
    if m.passive && subjects.0.is_empty() && subjects.1.is_none() {
        // "A camp for Congolese refugees was attacked": the noun phrase's complement is the target.
        if let Some(mi) = c
            .mention_ending(left_edge)
            .filter(|&mi| c.ms[mi].is_actor() || c.ms[mi].state.is_some())
        {
            subjects.0.push(mi);
        } else if let Some(mi) = (left_edge.saturating_sub(4).max(start)..left_edge)
            .rev()
            .find_map(|k| {
                c.mention_ending(k)
                    .filter(|&mi| c.ms[mi].state.is_some() && !c.ms[mi].partial)
            })
        {
            // "An Iranian oil tanker was seized": the subject's state.
            subjects.0.push(mi);
        }
    }
    let mut targets = Vec::new();
    let pat = &c.lex.patterns[preds[pi].pattern];
    let pat_entry = crate::ontology::cameo(&pat.code);
    if let Some(t) = explicit_target {
        targets.push(t);
        extend_right(c, &mut targets);
    } else if pat.no_target() && pat_entry.is_some_and(|e| e.partner_with) {
        // "discussed the situation by phone with his Turkish counterpart": the partner.
        let with = c.lex.keys.with;
        let next_verb = preds.get(pi + 1).map_or(c.range.end, |q| q.verb);
        if let Some(t) = c.ms.iter().position(|mm| {
            mm.units.start >= preds[pi].end
                && mm.units.start < next_verb
                && mm.after_prep == Some(with)
                && mm.is_actor()
        }) {
            targets.push(t);
            extend_right(c, &mut targets);
        }
    } else if !pat.no_target() {
        // A mention the pattern's gap covered ("expel 23 UK diplomats") or the direct object.
        let end = preds[pi].end;
        // Troops a state mobilizes or deploys (15x) are its own, not the target.
        let own_troops =
            |mm: &Mention| pat_entry.is_some_and(|e| e.force_posture) && mm.is_bare_role();
        // A word of the pattern that modifies a later one is no target: "military" in "suspend *
        // military aid" (while "demonstrators" in "disperse * demonstrator" is).
        let pattern_word = |mm: &Mention| {
            mm.units.end < end
                && mm.units.clone().all(|q| {
                    let k = c.units[q].key;
                    pat.elems
                        .iter()
                        .any(|e| matches!(*e, PatternElem::Word(w, p) if w == k || p == k))
                })
        };
        let inside = c.ms.iter().position(|mm| {
            mm.units.start > verb
                && mm.units.start < end
                && !mm.after_prep_loc
                && !mm.partial
                && !own_forces(c, mm)
                && !own_troops(mm)
                && !pattern_word(mm)
        });
        if let Some(t) = inside {
            targets.push(t);
        } else if let Some(t) = direct_object(c, end).filter(|&t| !own_forces(c, &c.ms[t])) {
            targets.push(t);
            extend_right(c, &mut targets);
        } else if let Some(t) = clause_target(c, preds, pi, &pat.code) {
            targets.push(t);
            extend_right(c, &mut targets);
            preds[pi].target_from_clause = true;
        }
    }
    // `- + WAS * DEAD IN $` says which is which: its passive is read as written.
    let as_written = c.written_slots && pat.swapped;
    if m.passive && !as_written {
        // Subject on the left is the target; "by X" is the source.
        let by = (preds[pi].end..c.range.end.min(preds[pi].end + 6)).find_map(|k| {
            c.ms.iter().position(|mm| {
                mm.units.start == k && mm.after_prep.is_some_and(|p| c.lex.class(p) & BY != 0)
            })
        });
        let mut source = Vec::new();
        if let Some(b) = by {
            source.push(b);
            extend_right(c, &mut source);
        }
        targets.retain(|t| !source.contains(t));
        preds[pi].subject_is_target = explicit_target.is_none() && source.is_empty();
        preds[pi].targets = if explicit_target.is_some() {
            targets
        } else {
            subjects.0
        };
        preds[pi].subjects = source;
        preds[pi].inherit = None;
    } else {
        targets.retain(|t| !subjects.0.contains(t));
        preds[pi].subjects = subjects.0;
        preds[pi].inherit = subjects.1;
        preds[pi].targets = targets;
    }
}

/// Where the subject of predicate `pi` is looked for before: its verb group's left edge, or,
/// for a pattern whose actor is written before its words before the verb (PETRARCH's `+
/// HOSTING *`), the left edge of the first of those words' verb group ("Mordor will be hosting
/// Rohan to celebrate": before "will be hosting").
fn lead_slot_edge(c: &Ctx<'_>, preds: &[Predicate], pi: usize, left_edge: usize) -> usize {
    let pat = &c.lex.patterns[preds[pi].pattern];
    if !c.written_slots || !pat.lead_slot || preds[pi].nominal {
        return left_edge;
    }
    let Some(mut k) = before_start(c, &pat.before, preds[pi].verb).filter(|&k| k < left_edge)
    else {
        return left_edge;
    };
    while k > c.range.start
        && (c.is_adverb(k - 1) || c.class(k - 1) & (BE | HAVE | DO | FUTURE | HYPO | NEG) != 0)
    {
        k -= 1;
    }
    k
}

/// Whether the verb group starting at `left_edge` stands in a non-restrictive relative clause
/// that the sentence continues after: ", which invaded Ukraine in 2022, met ...", ", against
/// whom the court issued a warrant, arrived ...". The clause opens with a comma and a relative
/// word (after at most a preposition) and closes with a comma before the sentence's end.
fn in_background_clause(c: &Ctx<'_>, left_edge: usize) -> bool {
    let start = c.range.start;
    // "since Russia invaded Ukraine", "a century after British soldiers looted them".
    if let Some(s) = c
        .mention_ending(left_edge)
        .and_then(|mi| c.subordinator_before(mi))
    {
        let retrospective = c.class(s) & RETROSPECTIVE != 0;
        let after_a_while = s > start && c.class(s - 1) & DURATION != 0;
        if retrospective || after_a_while {
            return true;
        }
    }
    let Some(comma) = (start..left_edge).rev().find(|&k| c.is_punct(k, ",")) else {
        return false;
    };
    let mut r = comma + 1;
    if r < left_edge && c.class(r) & (PREP | PREP_LOC | BY) != 0 {
        r += 1;
    }
    let relative = r < left_edge && c.class(r) & REL != 0 && !c.is(r, c.lex.keys.that);
    // A closing comma with more of the sentence after it.
    let closes = (left_edge..c.range.end.saturating_sub(2)).any(|k| c.is_punct(k, ","));
    relative && closes
}

/// Whether the words right before the verb group are a plain noun phrase that is no actor and
/// heads the clause ("monsoon floods killed", "The big-budget war film bombed", "Swarms of desert
/// locusts invaded"): nouns, modifiers and prepositions back to the clause start, a comma, a
/// conjunction or a subordinator, with no mention among them ("Leaders of Hamas agreed" has an
/// actor).
fn inanimate_subject(c: &Ctx<'_>, preds: &[Predicate], left_edge: usize) -> bool {
    let start = c.range.start;
    // An event as the subject ("a car bomb killed", "air strikes hit") is no inanimate thing.
    if c.tables.event_nouns.iter().any(|(n, _)| n.end == left_edge) {
        return false;
    }
    // An infinitive ("an attempt to assassinate") has no subject of its own.
    if left_edge > start && c.is(left_edge - 1, c.lex.keys.to) {
        return false;
    }
    let mut k = left_edge;
    let mut nouns = 0;
    while k > start {
        let q = k - 1;
        if c.in_mention(q) || c.mention_ending(k).is_some() || preds.iter().any(|p| p.verb == q) {
            return false;
        }
        let cl = c.class(q);
        let u = &c.units[q];
        let w = c.word(q);
        if cl & (SUBORDINATOR | CONJ | COMP | REL) != 0 {
            break;
        }
        // "Argentina's coach clashed", "Russia's economy grew": a possessor before a head noun
        // that is no actor is its determiner, not the subject.
        // (Not inside a place phrase: in "Police in Kenya's capital fired", the subject stands
        // before "in".)
        if nouns > 0 && cl & POSS_MARK != 0 {
            if let Some(mi) = c.mention_ending(q) {
                let before = c.ms[mi].units.start;
                let in_phrase =
                    before > start && c.class(before - 1) & (PREP | PREP_LOC | DET) != 0;
                return !in_phrase;
            }
        }
        let plain = u.is(WORD) && cl == 0 && !c.is_adverb(q);
        if plain && (w.chars().next().is_some_and(char::is_lowercase) || q == start) {
            nouns += usize::from(nouns == 0);
            k -= 1;
            continue;
        }
        // Determiners, numbers and prepositions inside the noun phrase ("Swarms of desert
        // locusts"); a mention anywhere in it ends the test above ("Leaders of Hamas").
        if cl & (DET | QUANT | POSS | PREP | PREP_LOC) != 0 || u.is(NUMBER) || w == "-" {
            k -= 1;
            continue;
        }
        break;
    }
    if nouns == 0 {
        return false;
    }
    k == start || {
        let q = k - 1;
        let cl = c.class(q);
        matches!(c.word(q), "," | ";" | ":") || cl & (CONJ | COMP) != 0 || c.is_subordinator(q)
    }
}

/// The subject mentions of predicate `pi` (or a predicate to inherit them from).
/// The maker of an event noun that stands as a verb's subject: "Israeli air strikes hit
/// Gaza" (the adjective or possessor before the noun), "Air raids by the coalition killed 20"
/// (the "by" agent between the noun and the verb).
fn event_noun_maker(c: &Ctx<'_>, left_edge: usize) -> Option<usize> {
    let by = c.lex.keys.by;
    c.tables.event_nouns.iter().rev().find_map(|(n, _)| {
        if n.end == left_edge {
            // Before the noun: "Israeli", "Russia's", across one modifier ("a Russian missile
            // strike").
            let mut k = n.start;
            if k > c.range.start && c.class(k - 1) & POSS_MARK != 0 {
                k -= 1;
            }
            let m = c.mention_ending(k)?;
            let mm = &c.ms[m];
            (mm.state.is_some() || mm.is_actor()).then_some(m)
        } else if n.end < left_edge && c.units[n.end].key == by {
            // "raids by the coalition killed": the agent ends right before the verb.
            let m = c.mention_ending(left_edge)?;
            (c.ms[m].units.start > n.end && c.ms[m].units.start <= n.end + 2).then_some(m)
        } else {
            None
        }
    })
}

/// An event noun of unattributed violence standing right before a verb of unattributed
/// violence ("A car bomb killed ..."): its pattern, whose code the event takes.
fn weapon_subject(c: &Ctx<'_>, verb_pattern: PatternId, left_edge: usize) -> Option<PatternId> {
    let unattributed = |p: PatternId| {
        crate::ontology::cameo(&c.lex.patterns[p].code).is_some_and(|e| e.unattributed)
    };
    c.tables
        .event_nouns
        .iter()
        .find(|(n, _)| n.end == left_edge)
        .map(|&(_, p)| p)
        .filter(|&p| unattributed(p) && unattributed(verb_pattern))
}

fn find_subject(
    c: &Ctx<'_>,
    preds: &[Predicate],
    pi: usize,
    left_edge: usize,
) -> (Vec<usize>, Option<usize>) {
    let start = c.range.start;
    let mut k = left_edge;
    let mut steps = 0;
    while k > start && steps < 14 {
        steps += 1;
        let prev = k - 1;
        // A mention ending here is the subject, unless it is an oblique ("in Geneva", "with X").
        if let Some(mi) = c.mention_ending(k) {
            let mm = &c.ms[mi];
            let of = mm.after_prep == Some(c.lex.keys.of);
            // "after Indian troops shelled a village": right after a subordinator and right
            // before the verb, the mention is the clause's subject, not an oblique.
            let clause_subject = k == left_edge && c.subordinator_before(mi).is_some();
            let oblique = !clause_subject && (mm.after_prep_loc || mm.after_prep.is_some() && !of);
            let object_of_prev = preds[..pi].iter().any(|p| p.targets.contains(&mi));
            if !oblique
                && !object_of_prev
                && (mm.is_actor() || mm.place.is_some() && mm.state.is_some())
            {
                let mut v = vec![mi];
                extend_left(c, &mut v);
                return (v, None);
            }
            if mm.outlet.is_some() && !mm.is_actor() {
                return (Vec::new(), None);
            }
            if object_of_prev && (k == left_edge || k + 1 == left_edge && c.is(k, c.lex.keys.to)) {
                // "X urged Y to release Z": Y, the object of the previous verb, is the subject.
                if c.is(left_edge.saturating_sub(1).max(start), c.lex.keys.to)
                    || k < c.range.end && c.is(k, c.lex.keys.to)
                {
                    return (vec![mi], None);
                }
            }
            k = mm.units.start;
            continue;
        }
        let cl = c.class(prev);
        let w = c.word(prev);
        if cl & REL != 0 && !c.is(prev, c.lex.keys.that) {
            // "X, who praised": the antecedent.
            let mut a = prev;
            if a > start && c.is_punct(a - 1, ",") {
                a -= 1;
            }
            if let Some(mi) = c.mention_ending(a) {
                return (vec![mi], None);
            }
            return (Vec::new(), None);
        }
        if cl & CONJ != 0 && (c.is(prev, c.lex.keys.and) || c.is(prev, c.lex.keys.but)) {
            // "X met Y and discussed Z": coordination inherits the previous subject.
            let prev_pred = (0..pi).rev().find(|&q| preds[q].verb < prev);
            if let Some(q) = prev_pred {
                return (Vec::new(), Some(q));
            }
            k = prev;
            continue;
        }
        if w == "," {
            // ", whose border guards clashed last month," / ", which ...": jump over the relative clause.
            let rel = (start..prev)
                .rev()
                .take(14)
                .take_while(|&r| !c.is_punct(r, ",") || r + 1 == prev)
                .find(|&r| c.class(r) & REL != 0 && !c.is(r, c.lex.keys.that));
            if let Some(r) = rel {
                if r > start && c.is_punct(r - 1, ",") {
                    k = r - 1;
                    continue;
                }
            }
            // "Zelensky, addressing the Bundestag by video link, accused Germany": jump over a
            // participle phrase set off by commas to the subject before it.
            let open = (start..prev)
                .rev()
                .take(16)
                .find(|&r| c.is_punct(r, ","))
                .filter(|&r| r + 1 < prev && r > start && c.mention_ending(r).is_some());
            if let Some(r) = open {
                let first = r + 1;
                let participle = c.units[first].is(WORD)
                    && c.word(first).chars().next().is_some_and(char::is_lowercase)
                    && c.lex
                        .verb_patterns(c.units[first].key)
                        .iter()
                        .any(|(_, f)| f.has(VerbForms::GERUND));
                if participle {
                    k = r;
                    continue;
                }
            }
        }
        if w == ";" || w == ":" || cl & COMP != 0 || matches!(w, "\"" | "“" | "”") {
            break;
        }
        if preds[..pi].iter().any(|p| p.verb == prev) {
            break;
        }
        k = prev;
    }
    // "opened fire to disperse the crowd": a purpose infinitive shares the previous subject.
    let subordinate = left_edge > start && c.class(left_edge - 1) & SHARES_SUBJECT != 0;
    if subordinate {
        if let Some(q) = (0..pi).rev().find(|&q| preds[q].verb < left_edge) {
            return (Vec::new(), Some(q));
        }
    }
    // "..., said the ministry": inverted speech verbs take the subject after them.
    let verb = preds[pi].verb;
    if c.units[verb].class & REPORT != 0 {
        let mut q = preds[pi].end;
        while q < c.range.end && c.class(q) & DET != 0 {
            q += 1;
        }
        if let Some(mi) = c.mention_starting(q) {
            return (vec![mi], None);
        }
    }
    (Vec::new(), None)
}

/// "its forces", "their diplomats": a generic role owned by the subject is not a target.
fn own_forces(c: &Ctx<'_>, m: &Mention) -> bool {
    let owned = m.units.start > c.range.start && c.class(m.units.start - 1) & POSS != 0;
    owned && m.is_bare_role()
}

/// The first actor mention after `end` that is a direct object.
fn direct_object(c: &Ctx<'_>, end: usize) -> Option<usize> {
    let mut q = end;
    let mut skipped = 0;
    while q < c.range.end && skipped < 4 {
        if let Some(mi) = c.mention_starting(q) {
            let mm = &c.ms[mi];
            if mm.after_prep_loc || mm.after_prep.is_some() {
                return None;
            }
            // "the foreign ministers of Armenia and Azerbaijan": the states name the object.
            if mm.is_bare_role()
                && mm.units.end + 1 < c.range.end
                && c.is(mm.units.end, c.lex.keys.of)
            {
                if let Some(owner) = c
                    .mention_starting(mm.units.end + 1)
                    .filter(|&o| c.ms[o].state.is_some() || c.ms[o].org.is_some())
                {
                    return Some(owner);
                }
            }
            return (mm.is_actor() || mm.place.is_some() || mm.state.is_some()).then_some(mi);
        }
        if c.class(q) & ADV != 0 || c.is_np_filler(q, false) {
            q += 1;
            skipped += 1;
            continue;
        }
        // "the decision of X", "the right of Russian troops": the possessor is the object.
        if c.units[q].is(WORD)
            && c.class(q) == 0
            && q + 1 < c.range.end
            && c.is(q + 1, c.lex.keys.of)
        {
            let mut r = q + 2;
            while r < c.range.end && c.is_np_filler(r, false) {
                r += 1;
            }
            return c
                .mention_starting(r)
                .filter(|&mi| c.ms[mi].is_actor() || c.ms[mi].state.is_some());
        }
        return None;
    }
    None
}

/// A target later in the clause ("threatened further action against Russia", "rejected calls by
/// Belarus's rulers"): the first actor mention after the trigger before the clause ends, not
/// a place or time ("in Geneva"). Appeals, demands, accusations, rejections and threats may
/// reach into a "that" clause ("demanded that the United States ...").
fn clause_target(c: &Ctx<'_>, preds: &[Predicate], pi: usize, code: &str) -> Option<usize> {
    let p = &preds[pi];
    let next_verb = preds.get(pi + 1).map_or(c.range.end, |q| q.verb);
    let cross_that = crate::ontology::cameo(code).is_some_and(|e| e.crosses_that);
    let literal = c.lex.patterns[p.pattern].literal;
    let mut q = p.end;
    while q < next_verb.min(c.range.end) && q < p.end + 14 {
        let w = c.word(q);
        let subordinator = c.is_subordinator(q);
        if matches!(w, ";" | ":" | "," | "\"" | "“" | "”")
            || c.class(q) & REL != 0 && !c.is(q, c.lex.keys.that)
            || c.is(q, c.lex.keys.that) && !cross_that
            || subordinator
        {
            return None;
        }
        if let Some(mi) = c.mention_starting(q) {
            let mm = &c.ms[mi];
            let explicit = mm.state.is_some()
                || mm.org.is_some()
                || mm.group.is_some()
                || mm.person.is_some()
                || mm.name.is_some()
                || mm.reference.is_some();
            let usable = explicit
                && (mm.is_actor() || mm.state.is_some() && !mm.partial)
                && (!mm.after_prep_loc || literal && mm.group.is_some())
                && mm.outlet.is_none();
            if usable && !p.subjects.contains(&mi) {
                return Some(mi);
            }
            q = mm.units.end;
            continue;
        }
        q += 1;
    }
    None
}

/// Adds mentions joined by "and" / "," to the left ("Armenia, Azerbaijan and Russia"): the
/// separator next to the first mention must be "and", "or" or "nor" ("neither Armenia nor
/// Russia"; a bare comma is not a list).
fn extend_left(c: &Ctx<'_>, v: &mut Vec<usize>) {
    let mut first_sep = true;
    loop {
        let mut first = c.ms[v[0]].units.start;
        // "X and his Azerbaijani counterpart Y": skip the determiner; "X and the embattled
        // Y": and a few lowercase modifiers no dictionary knows.
        let mut skipped = 0;
        let modifier = |q: usize| {
            let u = &c.units[q];
            u.key == UNKNOWN
                && u.is(WORD)
                && c.word(q).chars().next().is_some_and(char::is_lowercase)
        };
        while first > c.range.start + 2
            && skipped < 4
            && (c.class(first - 1) & (DET | POSS) != 0 || modifier(first - 1))
        {
            first -= 1;
            skipped += 1;
        }
        if first < c.range.start + 2 {
            return;
        }
        let sep = first - 1;
        let is_and =
            c.is(sep, c.lex.keys.and) || c.is(sep, c.lex.keys.or) || c.is(sep, c.lex.keys.nor);
        if !(is_and || !first_sep && c.is_punct(sep, ",")) {
            return;
        }
        first_sep = false;
        // "X, Y, and Z": a serial comma before the "and".
        let end = if is_and && sep > c.range.start && c.is_punct(sep - 1, ",") {
            sep - 1
        } else {
            sep
        };
        match c.mention_ending(end) {
            Some(mi) if c.ms[mi].is_actor() && !c.ms[mi].after_prep_loc && !v.contains(&mi) => {
                v.insert(0, mi)
            }
            _ => return,
        }
    }
}

/// Adds mentions joined by "and" / "," to the right ("with X and Y", "with X, Y and Z"): a
/// chain of commas counts only if it ends in "and".
fn extend_right(c: &Ctx<'_>, v: &mut Vec<usize>) {
    let mut pending: Vec<usize> = Vec::new();
    loop {
        let last = c.ms[*pending.last().or(v.last()).unwrap_or(&0)].units.end;
        if last + 1 >= c.range.end {
            return;
        }
        let comma = c.is_punct(last, ",");
        if !(c.is(last, c.lex.keys.and) || comma) {
            return;
        }
        let mut q = last + 1;
        let mut saw_and = !comma;
        if c.is(q, c.lex.keys.and) {
            q += 1;
            saw_and = true;
        }
        // The mention after the determiners, or one that holds them ("the United Nations"
        // of a dictionary's THE_UNITED_NATIONS).
        let from = q;
        while q < c.range.end && c.class(q) & DET != 0 {
            q += 1;
        }
        match (from..=q).find_map(|k| c.mention_starting(k)) {
            Some(mi) if c.ms[mi].is_actor() && !c.ms[mi].after_prep_loc && !v.contains(&mi) => {
                pending.push(mi);
                if saw_and {
                    v.append(&mut pending);
                }
            }
            _ => return,
        }
    }
}
