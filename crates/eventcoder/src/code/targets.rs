//! Targets a sentence does not write, inferred by named rules. When a predicate has no target
//! of its own, the rules of [`RULES`] are tried in order and the first that finds one wins; its
//! name is added to the event's rule and its cost taken from the event's confidence.
//!
//! | rule | finds | example |
//! |---|---|---|
//! | `target-from-lower-phrase` | PETRARCH-1 only: the first actor anywhere after the predicate, across "that" and subordinate clauses | "A allowed that B is no place to visit" |
//! | `target-from-condition` | the party a threat's condition names | "threatened to quit the talks if the United States goes ahead" |
//! | `reciprocal` | every other subject | "India and Pakistan accused each other" |
//! | `target-from-antecedent` | the makers of the event an object refers back to | "Russia expelled two diplomats. Estonia condemned the move." |
//! | `target-from-adjunct` | a party after "with" or "against" right after the predicate | "Japan apologized for the collision of its patrol boat with a Taiwanese fishing vessel" |
//! | `target-from-location` | the state where it happened (codes flagged `target_from_place`) | "protesters rallied in Kirkuk" |
//! | `target-own-government` | a non-government source's own government (codes flagged `targets_own_government`) | "Egyptian demonstrators rioted" |

use std::rc::Rc;

use super::event::{Actor, Location};
use super::mention_actors::MentionActors;
use super::resolve::Memory;
use crate::lexicon::words::{
    ADV, BY, CONJ, DEFINITE, DET, POSS, PREP, PRON, QUANT, RECIPROCAL, TIME, VIOLENT_EVENT,
};
use crate::lexicon::{Lexicon, Unit, WORD};
use crate::ontology::{CameoEntry, Sector};
use crate::parse::Mention;

/// Targets found by a rule, and what the rule costs in confidence.
pub(super) struct Inferred {
    /// The targets.
    pub targets: Vec<Rc<Actor>>,
    /// The rule's name, added to the event's rule.
    pub rule: &'static str,
    /// Subtracted from the event's confidence.
    pub cost: f32,
}

/// What the rules may look at: one predicate of one sentence.
pub(super) struct TargetContext<'a> {
    pub lex: &'a Lexicon,
    pub units: &'a [Unit],
    pub text: &'a str,
    /// The sentence's mentions and the actors each resolved to.
    pub mentions: &'a [Mention],
    pub actors: &'a MentionActors,
    /// The sentence's index in the article and the unit one past its end.
    pub sentence: usize,
    pub sentence_end: usize,
    /// Where the sentence's events happened.
    pub location: Option<&'a Location>,
    /// The predicate's last unit (exclusive) and its code's table entry.
    pub end: usize,
    pub entry: &'a CameoEntry,
    /// The event's sources.
    pub sources: &'a [Rc<Actor>],
    /// The unit of an "if" / "unless" after the predicate.
    pub condition: Option<usize>,
    pub memory: &'a Memory,
    /// The predicate is passive ("was extradited"): its subject is the one acted on.
    pub passive: bool,
    /// Coding by PETRARCH-1's conventions: no target from the source's own government
    /// ([`PETRARCH_SKIPS`]), and from the place only where the verb phrase names it.
    pub petrarch: bool,
    /// The comma-delimited clauses PETRARCH-1 drops (none without its conventions).
    pub dropped_clauses: &'a [std::ops::Range<usize>],
}

/// A target inference rule.
pub(super) type TargetRule = fn(&TargetContext<'_>) -> Option<Inferred>;

/// The rules, in the order they are tried.
pub(super) const RULES: [(&str, TargetRule); 7] = [
    ("target-from-lower-phrase", from_lower_phrase),
    ("target-from-condition", from_condition),
    ("reciprocal", reciprocal),
    ("target-from-antecedent", from_antecedent),
    ("target-from-adjunct", from_adjunct),
    ("target-from-location", from_location),
    ("target-own-government", own_government),
];

/// The rules PETRARCH-1's conventions leave out: the text writes no such target.
pub(super) const PETRARCH_SKIPS: [&str; 1] = ["target-own-government"];

/// The rules only PETRARCH-1's conventions apply: its reading of the parse tree, not news.
pub(super) const PETRARCH_ONLY: [&str; 1] = ["target-from-lower-phrase"];

/// The targets of the first rule that finds some.
pub(super) fn infer(cx: &TargetContext<'_>) -> Option<Inferred> {
    RULES
        .iter()
        .filter(|(name, _)| {
            if cx.petrarch {
                !PETRARCH_SKIPS.contains(name)
            } else {
                !PETRARCH_ONLY.contains(name)
            }
        })
        .find_map(|(_, rule)| rule(cx))
}

fn found(targets: Vec<Rc<Actor>>, rule: &'static str, cost: f32) -> Option<Inferred> {
    (!targets.is_empty()).then_some(Inferred {
        targets,
        rule,
        cost,
    })
}

/// "Japan apologized for the collision of its patrol boat with a Taiwanese fishing vessel": a
/// party named after "with" or "against" in the words right after the predicate is the other
/// party of what it is about. (Not "of": "over the death of an Iranian student" is a cause;
/// not for statements.)
fn from_adjunct(cx: &TargetContext<'_>) -> Option<Inferred> {
    // (A statement's "with" belongs to what was said: "said talks with the United States".)
    if cx.entry.statement {
        return None;
    }
    let (with, against) = (cx.lex.keys.with, cx.lex.keys.against);
    let mi = cx.mentions.iter().position(|mm| {
        mm.units.start >= cx.end
            && mm.units.start < cx.sentence_end.min(cx.end + 12)
            && mm.after_prep.is_some_and(|k| k == with || k == against)
            && (mm.is_actor() || mm.state.is_some())
            && mm.reference.is_none()
    })?;
    let targets = cx.actors[mi]
        .iter()
        .filter(|t| !cx.sources.iter().any(|s| s.same_party(t)))
        .cloned()
        .collect();
    found(targets, "target-from-adjunct", 0.1)
}

/// PETRARCH-1 takes the first actor of the verb's lower phrase, the rest of the verb phrase in
/// its parse: a complement clause ("allowed that Mordor is ...") and a subordinate clause
/// ("postponed their meeting after troops were reported in Ithilien") are part of it, a pronoun
/// ("their") is no actor, a place is left to `target-from-location`, and a comma-delimited
/// clause PETRARCH-1 drops is no part of it.
fn from_lower_phrase(cx: &TargetContext<'_>) -> Option<Inferred> {
    // (A passive's subject took the target's place: "was extradited to X" is no target X.
    // Not so a passive whose complement is an infinitive clause, "is said to be about to
    // restore ties with X": the subject is the clause's, the object the clause's too.)
    if cx.passive && !infinitive_after(cx) {
        return None;
    }
    let end = (cx.end..cx.sentence_end)
        .find(|&q| matches!(cx.units[q].span.slice(cx.text), ";" | ":"))
        .unwrap_or(cx.sentence_end);
    let dropped = |q: usize| cx.dropped_clauses.iter().any(|r| r.contains(&q));
    let mi = cx.mentions.iter().position(|mm| {
        mm.units.start >= cx.end
            && mm.units.start < end
            && !dropped(mm.units.start)
            && mm.reference.is_none()
            && !mm.partial
            && mm.outlet.is_none()
            && (mm.is_actor() || mm.state.is_some())
    })?;
    let targets = cx.actors[mi]
        .iter()
        .filter(|t| t.is_resolved() && !cx.sources.iter().any(|s| s.same_party(t)))
        .cloned()
        .collect();
    found(targets, "target-from-lower-phrase", 0.0)
}

/// Whether an infinitive clause follows the predicate: "to" and then a lowercase word that
/// opens no noun phrase ("is said to be", not "was sent to the front").
fn infinitive_after(cx: &TargetContext<'_>) -> bool {
    let (units, q) = (cx.units, cx.end);
    q + 1 < cx.sentence_end
        && units[q].key == cx.lex.keys.to
        && units[q + 1].is(WORD)
        && units[q + 1]
            .span
            .slice(cx.text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && units[q + 1].class & (DET | DEFINITE | QUANT | POSS | PRON) == 0
}

/// "threatened to stop negotiations if the United States goes ahead": a threat's target is the
/// party its condition names.
fn from_condition(cx: &TargetContext<'_>) -> Option<Inferred> {
    if !cx.entry.threat {
        return None;
    }
    let q = cx.condition?;
    let mi = cx
        .mentions
        .iter()
        .position(|mm| mm.units.start > q && mm.is_actor() && mm.reference.is_none())?;
    // "if Sweden and Finland joined NATO": the conjoined parties too.
    let mut targets = cx.actors[mi].to_vec();
    let joined = |a: &Mention, b: &Mention| {
        let gap = a.units.end..b.units.start;
        !gap.is_empty()
            && gap.into_iter().all(|u| {
                cx.lex.class(cx.units[u].key) & CONJ != 0 || cx.units[u].span.slice(cx.text) == ","
            })
    };
    let mut last = mi;
    while let Some(next) = cx.mentions.get(last + 1) {
        if !(next.is_actor() && joined(&cx.mentions[last], next)) {
            break;
        }
        last += 1;
        targets.extend(cx.actors[last].iter().cloned());
    }
    found(targets, "target-from-condition", 0.0)
}

/// "India and Pakistan accused each other": every subject targets the others (symmetric codes
/// already pair their subjects).
fn reciprocal(cx: &TargetContext<'_>) -> Option<Inferred> {
    let units = cx.units;
    let each_other = (cx.end..(cx.end + 2).min(units.len())).any(|q| {
        cx.units[q].class & RECIPROCAL != 0 && q > 0 && cx.units[q - 1].class & (QUANT | DET) != 0
    });
    if cx.sources.len() < 2 || !each_other || cx.entry.symmetric {
        return None;
    }
    found(cx.sources.to_vec(), "reciprocal", 0.0)
}

/// "China denounced the move": the move is the latest event (or, failing one, what the
/// previous sentence's subject did), aimed at its makers.
fn from_antecedent(cx: &TargetContext<'_>) -> Option<Inferred> {
    let noun = anaphoric_object(cx.lex, cx.units, cx.text, cx.end, cx.sentence_end)?;
    let memory = cx.memory;
    // "condemned the attack": an act of violence a few sentences back, whatever was reported
    // since (casualties, the police's response), aimed at those who did it.
    if cx.units[noun].class & VIOLENT_EVENT != 0 {
        let makers = memory
            .last_violence
            .as_ref()
            .filter(|(i, _)| *i + VIOLENCE_WINDOW >= cx.sentence)
            .map(|(_, makers)| resolved_others(makers, cx.sources))
            .unwrap_or_default();
        return found(makers, "target-from-antecedent", 0.1);
    }
    let recent = |i: usize| i + 1 >= cx.sentence;
    let latest_event = memory
        .last_event_sentence
        .is_some_and(recent)
        .then(|| memory.last_subjects.clone());
    let previous_subject = || {
        [&memory.latest_topic, &memory.previous_topic]
            .into_iter()
            .flatten()
            .filter(|(i, _)| *i < cx.sentence && recent(*i))
            .map(|(_, a)| Rc::clone(a))
            .take(1)
            .collect::<Vec<_>>()
    };
    let makers = resolved_others(&latest_event.unwrap_or_else(previous_subject), cx.sources);
    found(makers, "target-from-antecedent", 0.1)
}

/// How many sentences back "the attack" may find its act of violence.
const VIOLENCE_WINDOW: usize = 8;

/// The resolved actors of `makers` that are not one of `sources`.
fn resolved_others(makers: &[Rc<Actor>], sources: &[Rc<Actor>]) -> Vec<Rc<Actor>> {
    makers
        .iter()
        .filter(|a| a.is_resolved() && !sources.iter().any(|src| src.same_party(a)))
        .cloned()
        .collect()
}

/// The noun of the object after unit `end` when it is a definite description of an earlier
/// event: "the move", "this decision", "the latest step", "the attack".
fn anaphoric_object(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    end: usize,
    limit: usize,
) -> Option<usize> {
    use crate::lexicon::words::ANAPHORIC_EVENT;
    let mut q = end;
    while q < limit && units[q].class & ADV != 0 {
        q += 1;
    }
    if q >= limit || units[q].class & DEFINITE == 0 {
        return None;
    }
    // At most one plain modifier: "the latest move", "the unilateral decision".
    let noun = (q + 1..(q + 3).min(limit)).find(|&r| units[r].class != 0)?;
    // "the strike on Tuesday", "the attack last week": a time says when, not what.
    let time_follows = |r: usize| {
        let after = if units[r].class & PREP != 0 { r + 1 } else { r };
        after < limit
            && (units[after].class & TIME != 0
                || crate::text::weekday_number(units[after].span.slice(text)).is_some())
    };
    let anaphoric = units[noun].class & ANAPHORIC_EVENT != 0
        && (noun + 1 >= limit
            || !units[noun + 1].is(WORD)
            || time_follows(noun + 1)
            // "the decision to expel", "the move by Japan" name their own content.
            || units[noun + 1].class & (PREP | BY) == 0 && units[noun + 1].key != lex.keys.to);
    anaphoric.then_some(noun)
}

/// With no target written, the state where it happened (pitfall 6). At home a government acts
/// on the population ("imposed a curfew in Cizre") and everyone else on the government
/// ("demonstrated in Kirkuk").
fn from_location(cx: &TargetContext<'_>) -> Option<Inferred> {
    let mutual_sources = cx.sources.len() >= 2 && cx.entry.symmetric;
    // (PETRARCH-1 takes any actor of the verb phrase, whatever the code.)
    if mutual_sources || !(cx.entry.target_from_place || cx.petrarch) {
        return None;
    }
    let loc = cx.location?;
    // PETRARCH-1 takes the first actor of the verb phrase: a place written after the
    // predicate ("fired shells at Seoul"), not one before it.
    if cx.petrarch && cx.end > 0 && loc.span.start < cx.units[cx.end - 1].span.end {
        return None;
    }
    let c = loc.country.as_deref()?;
    let domestic = cx
        .sources
        .iter()
        .any(|src| src.country.as_deref() == Some(c));
    let by_government = cx.sources.iter().all(|src| {
        matches!(
            src.sector,
            None | Some(Sector::Gov | Sector::Mil | Sector::Cop | Sector::Jud | Sector::Leg)
        )
    });
    let home_sector = if by_government || cx.entry.targets_civilians {
        Sector::Cvl
    } else {
        Sector::Gov
    };
    let target = super::coder::state_actor(
        cx.lex,
        loc.span,
        cx.text,
        c,
        domestic.then_some(home_sector),
    );
    found(vec![Rc::new(target)], "target-from-location", 0.15)
}

/// "Egyptian demonstrators rioted": a protest is aimed at the protesters' own government when
/// no other target is written.
fn own_government(cx: &TargetContext<'_>) -> Option<Inferred> {
    if !cx.entry.targets_own_government {
        return None;
    }
    let own: Vec<Rc<Actor>> = cx
        .sources
        .iter()
        .filter(|src| src.sector.is_some_and(|s| s != Sector::Gov))
        .filter_map(|src| {
            let c = src.country.as_deref()?;
            Some(Rc::new(super::coder::state_actor(
                cx.lex,
                src.span,
                cx.text,
                c,
                Some(Sector::Gov),
            )))
        })
        .collect();
    found(own, "target-own-government", 0.15)
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn rules_are_documented_in_order() {
        let doc = include_str!("targets.rs");
        let mut at = 0;
        for (name, _) in RULES {
            let row = format!("| `{name}` |");
            let found = doc[at..].find(&row).map(|i| at + i);
            assert!(found.is_some(), "rule {name} is not in the table, in order");
            at = found.unwrap_or(at);
        }
    }
}
