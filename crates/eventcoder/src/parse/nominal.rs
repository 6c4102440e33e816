//! Nominal events: an event noun ("invasion", "phone call", "sanctions", data/nouns.tsv) with
//! its actors around it.
//!
//! - The source is a possessive or state mention just before the noun, across at most three
//!   plain modifiers ("Germany's expulsion", "the European Union's new economic sanctions",
//!   "Israeli air strikes"), else "by X" after it ("a declaration signed by A and B"), else the
//!   first party of "between A and B".
//! - The target is the first mention after the noun governed by a target preposition ("on",
//!   "against", "to", "with", "at", "of"), else the second party of "between".
//!
//! A noun inside a verb predicate's match ("held talks with") belongs to the verb, and a nominal
//! event needs both a source and a target ("ahead of a U.N. summit" is no event). "between A
//! and B" outranks "by X" ("ties between Riyadh and Tehran, brokered by China"), and for a
//! mutual code "signed by A and B" makes B the other party.

use std::ops::Range;

use super::clauses::{Modality, Predicate};
use super::mentions::{Mention, is_plain_noun};
use crate::lexicon::words::*;
use crate::lexicon::{Lexicon, PhraseMatch, Referent, Unit, VerbForms, WORD};

/// How far after the noun its actors may stand, in units.
const REACH: usize = 8;

/// The nominal predicates of one sentence (units `range`), given its mentions, phrase matches
/// and verb predicates.
pub fn nominal_predicates(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    ms: &[Mention],
    matches: &[PhraseMatch],
    verbs: &[Predicate],
) -> Vec<Predicate> {
    let mut out: Vec<Predicate> = Vec::new();
    if !matches
        .iter()
        .any(|m| matches!(m.sense.referent, Referent::EventNoun(_)))
    {
        return out;
    }
    let word = |i: usize| units[i].span.slice(text);
    let key_is = |i: usize, k: u32| i < range.end && units[i].key == k;
    let k = lex.keys;
    let (of, by, between, and) = (k.of, k.by, k.between, k.and);
    let target_preps = [k.on, k.against, k.to, k.with, k.at, k.of];
    let mut noun_starts = vec![false; range.len()];
    for m in matches {
        if matches!(m.sense.referent, Referent::EventNoun(_)) && range.contains(&m.start) {
            noun_starts[m.start - range.start] = true;
        }
    }
    for m in matches {
        let Referent::EventNoun(pattern) = m.sense.referent else {
            continue;
        };
        let (start, end) = (m.start, m.end);
        if out.iter().any(|p| p.verb < end && start < p.end) {
            continue;
        }
        // "ceasefire talks": an event noun before another is its modifier; so it is before a
        // plain common noun ("police in riot gear", "attack helicopters", "a summit venue").
        if end < range.end && (noun_starts[end - range.start] || is_plain_noun(&units[end], text)) {
            continue;
        }
        // The verb's own noun, or a verb reading of the word.
        if verbs
            .iter()
            .any(|p| p.verb <= start && start < p.end.max(p.head_end) || p.verb == start)
        {
            continue;
        }
        if ms
            .iter()
            .any(|mm| mm.units.start < end && start < mm.units.end)
        {
            continue;
        }
        let code = &lex.patterns[pattern].code;
        let mutual = crate::ontology::cameo(code).is_some_and(|e| e.symmetric);
        // Source before: a mention ending at most three modifiers before the noun.
        let mut k = start;
        let mut modifiers = 0;
        while k > range.start && modifiers < 3 {
            let u = &units[k - 1];
            let w = word(k - 1);
            let plain = u.is(WORD)
                && u.class & (DET | QUANT) == 0
                && w.chars().next().is_some_and(char::is_lowercase)
                && lex
                    .verb_patterns(u.key)
                    .iter()
                    .all(|(_, f)| !f.has(VerbForms::PAST | VerbForms::THIRD))
                || w == "-";
            if ms.iter().any(|mm| mm.units.end == k) || !plain {
                break;
            }
            k -= 1;
            modifiers += 1;
        }
        let possessive_at = |e: usize| e < range.end && units[e].class & POSS_MARK != 0;
        let before = ms.iter().position(|mm| {
            (mm.units.end == k || possessive_at(mm.units.end) && mm.units.end + 1 == k)
                && (mm.is_actor() || mm.state.is_some() && !mm.partial)
                && mm.place.is_none_or(|_| mm.state.is_some())
                && !mm.after_prep_loc
                && mm.after_prep.is_none()
        });
        let after = |q: usize| ms.iter().position(|mm| mm.units.start == q);
        let within = start..(end + REACH).min(range.end);
        // The mention joined to mention `a` by "and" ("A and the B").
        let and_next = |a: usize| {
            let e = ms[a].units.end;
            if !key_is(e, and) {
                return None;
            }
            let mut q = e + 1;
            while q < range.end && units[q].class & DET != 0 {
                q += 1;
            }
            after(q)
        };
        // "between A and B"
        let between_pair = within
            .clone()
            .find(|&q| units[q].key == between)
            .and_then(|q| {
                let a = after(q + 1)?;
                Some((a, and_next(a)?))
            });
        let by_agent = within
            .clone()
            .find(|&q| units[q].key == by)
            .and_then(|q| after(q + 1).or_else(|| after(q + 2)));
        let mut subjects = Vec::new();
        let mut targets = Vec::new();
        // "signed by A and B": for a mutual event, the second signer is the other party.
        if let Some(s) = before {
            subjects.push(s);
        } else if let Some((a, _)) = between_pair {
            subjects.push(a);
        } else if let Some(b) = by_agent {
            subjects.push(b);
            if let Some(t) = and_next(b).filter(|_| mutual) {
                targets.push(t);
            }
        }
        if let Some((a, b)) = between_pair {
            if subjects.first() == Some(&a) {
                targets.push(b);
            } else if !subjects.contains(&a) {
                targets.push(a);
            }
        }
        // The preposition governing a mention, across determiners and numbers ("of 40 diplomats").
        let governing = |mm: &Mention| {
            let mut q = mm.units.start;
            while q > start + 1
                && (units[q - 1].class & (DET | POSS | QUANT) != 0
                    || units[q - 1].is(crate::lexicon::NUMBER))
            {
                q -= 1;
            }
            (q > start).then(|| units[q - 1].key)
        };
        if targets.is_empty() {
            for &prep in &target_preps {
                let t = ms.iter().position(|mm| {
                    within.contains(&mm.units.start)
                        && mm.units.start > start
                        && governing(mm) == Some(prep)
                        && (mm.is_actor() || mm.state.is_some() && !mm.partial)
                        && !subjects
                            .contains(&ms.iter().position(|x| x == mm).unwrap_or(usize::MAX))
                });
                if prep == of && t.is_some_and(|t| Some(t) == by_agent) {
                    continue;
                }
                if let Some(t) = t {
                    targets.push(t);
                    break;
                }
            }
        }
        // A protest without a named target, its makers named before it ("Kenyan
        // demonstrations"), is against their own government (the coder's
        // target-own-government rule); other event nouns need both parties.
        let own_government = crate::ontology::cameo(code).is_some_and(|e| e.targets_own_government);
        let own_maker = before.is_some_and(|b| subjects == [b]);
        if subjects.is_empty() || targets.is_empty() && !(own_government && own_maker) {
            continue;
        }
        if subjects.iter().any(|s| targets.contains(s)) {
            continue;
        }
        out.push(Predicate {
            verb: start,
            end,
            head_end: end,
            pattern,
            forms: VerbForms::default(),
            subjects,
            inherit: None,
            targets,
            modality: Modality::default(),
            left_edge: start,
            target_from_clause: false,
            inanimate_subject: false,
            subject_is_target: false,
            nominal: true,
        });
    }
    out
}

/// Merges nominal predicates into the verb predicates in sentence order, keeping the verb
/// predicates' `inherit` links pointing at the same predicates.
pub fn merge_predicates(verbs: Vec<Predicate>, nominal: Vec<Predicate>) -> Vec<Predicate> {
    if nominal.is_empty() {
        return verbs;
    }
    let mut all: Vec<(usize, bool, usize, Predicate)> = verbs
        .into_iter()
        .enumerate()
        .map(|(i, p)| (p.verb, false, i, p))
        .chain(
            nominal
                .into_iter()
                .enumerate()
                .map(|(i, p)| (p.verb, true, i, p)),
        )
        .collect();
    all.sort_by_key(|(pos, nominal, i, _)| (*pos, *nominal, *i));
    let mut new_index = vec![0; all.len()];
    for (n, (_, nominal, i, _)) in all.iter().enumerate() {
        if !nominal {
            new_index[*i] = n;
        }
    }
    all.into_iter()
        .map(|(_, _, _, mut p)| {
            p.inherit = p.inherit.map(|q| new_index[q]);
            p
        })
        .collect()
}
