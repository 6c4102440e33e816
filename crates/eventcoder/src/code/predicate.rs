//! One predicate → its events, by named rules applied in a fixed order.
//!
//! A [`Draft`] starts from the predicate's pattern: its code, its written subjects (or those it
//! inherits) and its written objects. The rules of [`RULES`] then run in order; each may change
//! the code (noting the change in the event's rule), fill in sources or targets, adjust the
//! confidence, or drop the predicate. What survives becomes one event per source-target pair,
//! and the follow-up rules may add events beside them.
//!
//! | order | rule | what it does | example |
//! |---|---|---|---|
//! | 1 | `modality` | a refusal, a decision, an intention, a condition or a possibility changes the code | "refused to meet" (125), "vowed to retaliate" (13x), "will withdraw unless" (130) |
//! | 2 | `reported-protest` | a protest that only attributes its sentence is a criticism said | "..., a rights group protested" (111) |
//! | 3 | `passive` | notes the passive | "Five activists were detained" |
//! | 4 | `by-phone` | a consultation by telephone or video | "discussed the crisis by phone with" (041) |
//! | 5 | `by-air` | force used by aircraft or drones | "Turkish drones struck" (195) |
//! | 6 | `bare-verb-needs-party` | a bare violent verb needs a party as its object | "kill the bill" is no event |
//! | 7 | `crowd` | a crowd counted, not named, is the civilians of the place | "Thousands took to the streets of Khartoum" |
//! | 8 | `implied-agent` | an unwritten source: the reporting forces when fighters are struck, else an armed group of the place, or the authority of an agentless passive | "ten militants were killed, the army said", "a car bomb killed three", "were detained" |
//! | 9 | `by-armed` | a riot by armed groups or forces is an armed attack | "Gunmen attacked a police station" (190) |
//! | 10 | `by-police` | a riot by the police is violent repression | "Police pelted the crowd with stones" (175) |
//! | 11 | `by-state` | a state's or government's protest is an official complaint | "Egypt protested" (114) |
//! | 12 | `implicit-target` | targets the sentence does not write ([`super::targets`]) | "Estonia condemned the move" |
//! | 13 | `needs-target` | a code meaningless without a target is dropped without one | "received a prison sentence" is no hosting |
//! | 14 | `speculation` | a possible harm that another party reports is its speculation, no threat | "Iran could strike within days, U.S. officials said" |
//! | 15 | `hypothetical` | a possibility is no act; only a possible harm, a threat, stays; a condition's act never | "could meet", "if the EU imposes sanctions" |
//! | 16 | `weak-evidence` | an inherited subject or a target from a clause lowers the confidence | "urged Iran to release" |
//!
//! Follow-up rules, after the events are emitted:
//! - `reciprocal`: "X hosted Y" is also Y visiting X (codes with a `reciprocal` column);
//! - `obligation-request`: "X said Y must ..." is also a demand by X on Y (statements).
//!
//! Every code a rule emits comes from `data/cameo.tsv` (its `coding` column) or
//! `data/modality.tsv`; every word class it tests from `data/function_words.tsv`.

use std::ops::ControlFlow;
use std::rc::Rc;

use chrono::NaiveDate;
use smol_str::SmolStr;

use super::dates::DateMention;
use super::event::*;
use super::mention_actors::MentionActors;
use super::resolve::Memory;
use super::targets::{TargetContext, infer as infer_target};
use crate::lexicon::words::{
    ADV, ADVICE, COMP, CONDITION, CONJ, DECISION, DECISIVE, DET, EXCEPTION, OBLIGATION, POSS, PREP,
    PREP_LOC, PRON, QUANT, REMOTE, REPORT, TIME,
};
use crate::lexicon::{ContextId, Lexicon, Pattern, Unit, WORD};
use crate::ontology::{CameoEntry, CodeRule, Modal, Sector, cameo, modal_code, rule_code};
use crate::parse::{Mention, Predicate, Reference, StateForm};
use crate::text::Sentence;

/// One sentence after parsing and actor resolution.
pub(super) struct Sent<'a> {
    pub sentence: &'a Sentence,
    pub mentions: Vec<Mention>,
    /// The actors each mention resolved to.
    pub actors: MentionActors,
    pub preds: Vec<Predicate>,
    pub contexts: Vec<ContextId>,
    pub dates: Vec<DateMention>,
    pub location: Option<Location>,
    pub outlet: Option<SmolStr>,
}

/// The lists of a [`Sent`], kept from sentence to sentence of an article so that each is
/// allocated once ([`Sent::with_lists`], [`Sent::give_back`]).
#[derive(Default)]
pub(super) struct SentLists {
    actors: MentionActors,
    contexts: Vec<ContextId>,
    dates: Vec<DateMention>,
}

impl<'a> Sent<'a> {
    /// Sentence `sentence`, with no mentions, actors, predicates, contexts, dates, place or
    /// outlet yet; its lists are those of `lists`, emptied.
    pub fn with_lists(sentence: &'a Sentence, lists: &mut SentLists) -> Sent<'a> {
        let mut s = Sent {
            sentence,
            mentions: Vec::new(),
            actors: std::mem::take(&mut lists.actors),
            preds: Vec::new(),
            contexts: std::mem::take(&mut lists.contexts),
            dates: std::mem::take(&mut lists.dates),
            location: None,
            outlet: None,
        };
        s.actors.clear();
        s.contexts.clear();
        s.dates.clear();
        s
    }

    /// Gives its lists back for the next sentence (the mentions and predicates are taken
    /// before, by their own owners).
    pub fn give_back(self, lists: &mut SentLists) {
        lists.actors = self.actors;
        lists.contexts = self.contexts;
        lists.dates = self.dates;
    }
}

impl Sent<'_> {
    /// One past the sentence's last unit.
    pub fn sentence_end_unit(&self, units: &[Unit]) -> usize {
        let last = self.sentence.tokens.end;
        units.partition_point(|u| (u.token as usize) < last)
    }

    /// The distinct actors of some mentions (shared with the sentence).
    fn actors_of(&self, mentions: &[usize]) -> Vec<Rc<Actor>> {
        // (About one actor a mention: allocated once, not grown from empty.)
        let mut v: Vec<Rc<Actor>> = Vec::with_capacity(mentions.len());
        for &i in mentions {
            for a in &self.actors[i] {
                if !v.iter().any(|x| **x == **a) {
                    v.push(Rc::clone(a));
                }
            }
        }
        v
    }

    /// Each predicate's subjects: its own, else those of the predicate it inherits from ("met
    /// X and signed ..."), into `subjects`, emptied first (a list kept from sentence to
    /// sentence).
    pub fn subjects_into(&self, subjects: &mut Vec<Vec<Rc<Actor>>>) {
        subjects.clear();
        subjects.extend(self.preds.iter().map(|p| self.actors_of(&p.subjects)));
        for pi in 0..self.preds.len() {
            if subjects[pi].is_empty() {
                let mut q = self.preds[pi].inherit;
                let mut hops = 0;
                while let Some(qi) = q {
                    if !subjects[qi].is_empty() || hops > 4 {
                        subjects[pi] = subjects[qi].clone();
                        break;
                    }
                    q = self.preds[qi].inherit;
                    hops += 1;
                }
            }
        }
    }
}

/// The table entry of a code the coder emits (every one is in the table).
fn table_entry(code: &str) -> &'static CameoEntry {
    cameo(code).expect("the coder only emits codes of the table")
}

/// What every event of one predicate shares; builds the events.
pub(super) struct EventContext<'a> {
    pub article_id: &'a SmolStr,
    pub sentence: SentenceRef,
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    pub location: Option<Location>,
    pub reported_by: Option<SmolStr>,
    pub contexts: &'a [&'static str],
}

impl EventContext<'_> {
    #[allow(clippy::too_many_arguments)]
    pub fn event(
        &self,
        entry: &'static CameoEntry,
        source: &Actor,
        target: Option<&Actor>,
        trigger: &TextSpan,
        rule: &SmolStr,
        confidence: f32,
        negated: bool,
    ) -> Event {
        Event {
            article_id: self.article_id.clone(),
            date: self.date,
            source: Some(source.clone()),
            target: target.cloned(),
            cameo: Cameo::of_entry(entry),
            plover: Plover {
                event_type: entry.plover_type,
                mode: entry.plover_mode.clone(),
                contexts: contexts_with_room(self.contexts),
            },
            sentence: self.sentence.clone(),
            trigger: trigger.clone(),
            rule: rule.clone(),
            confidence: confidence.clamp(0.05, 1.0),
            location: self.location.clone(),
            reported_by: self.reported_by.clone(),
            negated,
            date_source: self.date_source,
            mentions: 1,
            evidence: vec![Evidence {
                sentence: self.sentence.clone(),
                trigger: trigger.clone(),
                rule: rule.clone(),
            }],
            issues: None,
        }
    }
}

/// A copy of an event's contexts with room for the article's ([`Dedup::finish`] adds them to
/// nearly every event; without the room each would be reallocated there).
///
/// [`Dedup::finish`]: super::dedup::Dedup::finish
fn contexts_with_room(contexts: &[&'static str]) -> Vec<&'static str> {
    let mut v = Vec::with_capacity(contexts.len() + ARTICLE_CONTEXT_ROOM);
    v.extend_from_slice(contexts);
    v
}

/// How many article contexts an event's list has room for when it is made.
const ARTICLE_CONTEXT_ROOM: usize = 2;

/// What the rules may look at: one predicate of one sentence, in its article.
pub(super) struct PredicateContext<'a> {
    pub lex: &'a Lexicon,
    pub s: &'a Sent<'a>,
    pub p: &'a Predicate,
    pub pattern: &'a Pattern,
    pub units: &'a [Unit],
    pub text: &'a str,
    /// How many subjects the predicate has, written or inherited (given to [`draft`]).
    pub subject_count: usize,
    /// The unit of an "if" / "unless" after the predicate.
    pub condition: Option<usize>,
    pub dateline_location: Option<&'a Location>,
    /// The state of an unattributed attack's agent: the sentence's place, else the context's.
    pub attack_state: Option<&'a str>,
    pub memory: &'a Memory,
    /// Coding by PETRARCH-1's conventions ([`crate::CoderOptions::petrarch_conventions`]).
    pub petrarch: bool,
    /// The unit ranges of the comma-delimited clauses PETRARCH-1 drops (none without its
    /// conventions).
    pub dropped_clauses: &'a [std::ops::Range<usize>],
}

/// An event in the making: what the rules have decided so far.
pub(super) struct Draft {
    /// The code's table entry.
    pub entry: &'static CameoEntry,
    /// The pattern's rule with a note for every change.
    pub rule: String,
    /// Kept only when negated events are asked for.
    pub negated: bool,
    pub confidence: f32,
    pub sources: Vec<Rc<Actor>>,
    pub targets: Vec<Rc<Actor>>,
}

impl Draft {
    fn code(&self) -> &'static str {
        &self.entry.code
    }

    /// Changes the code to `to`, noting `name(from->to)` in the rule (`always`, or only when
    /// the code changes). A code the table lacks drops the predicate.
    fn recode(&mut self, name: &str, to: &str, always: bool) -> ControlFlow<()> {
        let Some(entry) = cameo(to) else {
            return ControlFlow::Break(());
        };
        if always || entry.code != self.entry.code {
            self.rule
                .push_str(&format!(" +{name}({}->{})", self.entry.code, entry.code));
        }
        self.entry = entry;
        ControlFlow::Continue(())
    }

    fn note(&mut self, name: &str) {
        self.rule.push_str(" +");
        self.rule.push_str(name);
    }
}

/// A predicate rule: it may change the draft, or drop the predicate (`Break`).
pub(super) type PredicateRule = fn(&PredicateContext<'_>, &mut Draft) -> ControlFlow<()>;

/// The rules, in the order they apply (see the module's table).
pub(super) const RULES: [(&str, PredicateRule); 16] = [
    ("modality", modality),
    ("reported-protest", reported_protest),
    ("passive", passive),
    ("by-phone", by_phone),
    ("by-air", by_air),
    ("bare-verb-needs-party", bare_verb_needs_party),
    ("crowd", crowd),
    ("implied-agent", implied_agent),
    ("by-armed", by_armed),
    ("by-police", by_police),
    ("by-state", by_state),
    ("implicit-target", implicit_target),
    ("needs-target", needs_target),
    ("speculation", speculation),
    ("hypothetical", hypothetical),
    ("weak-evidence", weak_evidence),
];

/// The rules that change a pattern's code by what surrounds it: a literal pattern
/// ([`Pattern::literal`], from a PETRARCH dictionary) is coded as written instead, though still
/// marked negated when the text negates or refuses it ([`literal_negation`]).
const RECODING: [&str; 7] = [
    "modality",
    "reported-protest",
    "by-phone",
    "by-air",
    "by-armed",
    "by-police",
    "by-state",
];

/// Why a predicate gave no event: the name of the rule of [`RULES`] that dropped it, or
/// `inanimate-subject`, `background`, `directed` (dropped before the rules), `unknown-code`
/// (a code the table lacks), `petrarch-no-phrase` (after the rules, by PETRARCH-1's
/// conventions: no target and no noun phrase after the verb, [`noun_phrase_after`]).
pub(super) type Dropped = &'static str;

/// Runs the rules on predicate `cx.p`, whose subjects (written or inherited) are `subjects`:
/// the draft of its events, or the name of what dropped it ([`Dropped`]).
pub(super) fn draft(cx: &PredicateContext<'_>, subjects: Vec<Rc<Actor>>) -> Result<Draft, Dropped> {
    let p = cx.p;
    if p.inanimate_subject && !cx.petrarch {
        return Err("inanimate-subject");
    }
    if p.modality.background {
        return Err("background");
    }
    if p.modality.directed {
        return Err("directed");
    }
    if cx.dropped_clauses.iter().any(|r| r.contains(&p.verb)) {
        return Err("comma-clause");
    }
    let mut d = Draft {
        entry: cameo(&cx.pattern.code).ok_or("unknown-code")?,
        rule: String::with_capacity(cx.pattern.rule.len() + 32),
        negated: false,
        confidence: if cx.pattern.specificity() > 1 {
            0.9
        } else {
            0.75
        },
        sources: subjects,
        targets: cx.s.actors_of(&p.targets),
    };
    // PETRARCH-1 turns a passive around only for its "by" agent: without one, the subject
    // stays the source and the target is found as for the active.
    if cx.petrarch && p.modality.passive && p.subject_is_target {
        d.sources = std::mem::take(&mut d.targets);
    }
    // PETRARCH-1's `- + * MONEY $`: "A received money from B" is B's act on A; its passive
    // (`- + WAS * DEAD IN $`) is read as written too.
    if cx.petrarch && cx.pattern.swapped && !d.targets.is_empty() {
        std::mem::swap(&mut d.sources, &mut d.targets);
    }
    d.rule.push_str(&cx.pattern.rule);
    for (name, rule) in RULES {
        if cx.pattern.literal && RECODING.contains(&name) {
            if name == "modality" {
                literal_negation(cx, &mut d);
            }
            continue;
        }
        if rule(cx, &mut d).is_break() {
            return Err(name);
        }
    }
    if cx.petrarch && d.targets.is_empty() && !noun_phrase_after(cx) {
        return Err("petrarch-no-phrase");
    }
    Ok(d)
}

/// A literal pattern keeps its code, but a negated or refused act did not happen: "Iran did not
/// sign the agreement" and "Iran refused to allow inspectors" are marked negated (dropped unless
/// the coder keeps negated events), as they would be by [`modality`] where no refusal code
/// replaces them.
fn literal_negation(cx: &PredicateContext<'_>, d: &mut Draft) {
    let m = cx.p.modality;
    if m.negated || m.refused {
        d.negated = true;
        d.note("negated");
    }
}

/// A refusal, a decision, an intention, a condition or a possibility changes the code
/// (`data/modality.tsv`).
fn modality(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let m = cx.p.modality;
    if m.refused || m.negated {
        match modal_code(d.code(), Modal::Negated) {
            Some(c) => return d.recode("refusal", &c, true),
            // "refused to", and "will never recognise": a negated intention is a refusal too.
            None if m.refused || m.intent => {
                return d.recode("refusal", &rule_code(CodeRule::Refusal).code, true);
            }
            None => {
                d.negated = true;
                d.note("negated");
            }
        }
    } else if m.intent && !m.threat && decided_act(cx.units, m.governor, d.entry) {
        // "The EU agreed to impose sanctions": a decision to act against someone is the act
        // itself, not a threat.
        d.note("decided");
    } else if m.intent || m.threat {
        if let Some(c) = modal_code(d.code(), Modal::Intent) {
            d.recode("intent", &c, false)?;
        }
        // "will withdraw its force unless ...": an intention with "unless" is a threat; "ready
        // to send peacekeepers if the UN approves" stays an offer.
        let unless = cx
            .condition
            .is_some_and(|q| cx.lex.class(cx.units[q].key) & EXCEPTION != 0);
        if unless && !d.entry.threat {
            d.recode(
                "conditional",
                &rule_code(CodeRule::ConditionalThreat).code,
                true,
            )?;
        }
    } else if m.hypothetical && d.entry.harm {
        // "may halt mediation", "could strike": a possible harmful act is a threat.
        if let Some(c) = modal_code(d.code(), Modal::Intent) {
            d.recode("possible", &c, false)?;
        }
    }
    ControlFlow::Continue(())
}

/// "Croatia is failing to uphold the rights of refugees, a human rights group protested": a
/// protest that attributes the sentence is said, not marched.
fn reported_protest(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    if let Some(said) = &d.entry.reported {
        if cx.p.targets.is_empty() && attributes_sentence(cx) {
            d.recode("reported-protest", said, true)?;
        }
    }
    ControlFlow::Continue(())
}

fn passive(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    if cx.p.modality.passive {
        d.note("passive");
    }
    ControlFlow::Continue(())
}

/// "discussed ... by phone with": a consultation by telephone.
fn by_phone(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let Some(phone) = &d.entry.by_phone else {
        return ControlFlow::Continue(());
    };
    let p = cx.p;
    let remote = (p.verb..(p.end + 12).min(cx.units.len()))
        .any(|q| cx.lex.class(cx.units[q].key) & REMOTE != 0);
    if remote {
        d.recode("by-phone", phone, true)?;
    }
    ControlFlow::Continue(())
}

/// "Turkish drones struck PKK hideouts": force used by aircraft or drones is aerial.
fn by_air(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let Some(air) = &d.entry.by_air else {
        return ControlFlow::Continue(());
    };
    let aerial = cx.p.subjects.iter().any(|&i| {
        cx.s.mentions[i]
            .agent
            .is_some_and(|a| cx.lex.agents[a].flags.aerial)
    });
    if aerial {
        d.recode("aerial", air, true)?;
    }
    ControlFlow::Continue(())
}

/// "kill the bill", "seize the opportunity": a bare violent verb needs a party as its object
/// (judged on the pattern's own code, before modality changed it). A verb with only a target
/// slot, "strike {t}", is as bare when the slot is empty.
fn bare_verb_needs_party(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let (p, pat) = (cx.p, cx.pattern);
    let bare = pat.specificity() == 1 && !pat.no_target();
    // (The table is read last, only for a bare pattern.)
    if !bare
        || p.modality.passive
        || !p.targets.is_empty()
        || !cameo(&pat.code).is_some_and(|e| e.needs_object)
    {
        return ControlFlow::Continue(());
    }
    let mutual = d.entry.symmetric && cx.subject_count >= 2;
    let party_follows = cx.s.mentions.iter().any(|mm| {
        mm.units.start >= p.end
            && mm.units.start <= p.end + 6
            && !mm.after_prep_loc
            && (mm.is_actor() || mm.state.is_some())
    });
    if mutual || party_follows {
        ControlFlow::Continue(())
    } else {
        ControlFlow::Break(())
    }
}

/// "Thousands took to the streets of Khartoum": a crowd counted, not named, protesting is the
/// civilians of the place (else of the dateline).
fn crowd(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let (p, s) = (cx.p, cx.s);
    let crowd = d.entry.targets_own_government
        && p.left_edge > 0
        && cx.lex.class(cx.units[p.left_edge - 1].key) & QUANT != 0;
    if !d.sources.is_empty() || !crowd {
        return ControlFlow::Continue(());
    }
    // ("the streets of Khartoum": a capital or city named after the verb counts.)
    let named_after = || {
        s.mentions
            .iter()
            .filter(|mm| mm.units.start >= p.end)
            .find(|mm| mm.is_place_only() || matches!(mm.state, Some((_, StateForm::Capital))))
            .and_then(|mm| super::coder::location_of(cx.lex, mm, cx.text))
    };
    let place = s
        .location
        .clone()
        .or_else(named_after)
        .or_else(|| cx.dateline_location.cloned())
        .and_then(|l| l.country);
    if let Some(c) = place {
        let span = cx.units[p.left_edge - 1].span;
        let civilians = super::coder::state_actor(cx.lex, span, cx.text, &c, Some(Sector::Cvl));
        d.sources.push(Rc::new(civilians));
        d.note("crowd");
    }
    ControlFlow::Continue(())
}

/// The agent of an event whose source is not written:
/// - an unattributed attack ("Three civilians were killed in a car bombing in Baghdad") is an
///   unidentified armed group of the place (`unattributed` codes, agent sector UAF);
/// - an agentless passive with a patient ("Five activists were detained in Minsk") is the
///   authority of where it happened (the place, else the dateline), in the sector the code
///   implies (the police for arrests), or unresolved when no place is known.
///
/// The agent is marked inferred; its text and span are the trigger's. With neither, a
/// predicate without a source is dropped.
fn implied_agent(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    if !d.sources.is_empty() {
        return ControlFlow::Continue(());
    }
    let entry = d.entry;
    let agentless_passive = cx.p.modality.passive && !d.targets.is_empty();
    let (state, why) = if entry.unattributed {
        (cx.attack_state.map(SmolStr::new), "unidentified-attacker")
    } else if agentless_passive {
        let place =
            cx.s.location
                .as_ref()
                .or(cx.dateline_location)
                .and_then(|l| l.country.clone());
        (place, "agentless")
    } else {
        return ControlFlow::Break(());
    };
    let span = cx.units[cx.p.verb].span;
    // "Ten fighters died in air raids, an army officer told AFP": armed fighters struck with
    // no attacker named, in a sentence a state's forces report, were struck by those forces.
    let fighters = !d.targets.is_empty()
        && d.targets.iter().all(|t| {
            t.sector
                .is_some_and(|s| matches!(s, Sector::Reb | Sector::Ins | Sector::Sep | Sector::Rad))
        });
    if let Some(force) = reporting_force(cx).filter(|_| fighters && entry.harm) {
        let mut agent = (**force).clone();
        agent.text = SmolStr::new(span.slice(cx.text));
        agent.span = span;
        agent.name = None;
        agent.inferred = true;
        d.sources.push(Rc::new(agent));
        d.note("reporting-force");
        return ControlFlow::Continue(());
    }
    let sector = entry.implied_agent.unwrap_or(Sector::Gov);
    let agent = match state {
        Some(c) => super::coder::state_actor(cx.lex, span, cx.text, &c, Some(sector)),
        // Only a passive's agent may stay unknown; an unattributed attack needs a place.
        None if entry.unattributed => return ControlFlow::Break(()),
        None => Actor {
            inferred: true,
            ..Actor::unresolved(SmolStr::new(span.slice(cx.text)), span)
        },
    };
    d.sources.push(Rc::new(agent));
    d.note(why);
    ControlFlow::Continue(())
}

/// The state's armed forces or police that report the sentence (the subject of its verb of
/// saying: "..., an army spokesman said").
fn reporting_force<'a>(cx: &'a PredicateContext<'_>) -> Option<&'a Rc<Actor>> {
    cx.s.preds
        .iter()
        .filter(|q| cx.lex.class(cx.units[q.verb].key) & REPORT != 0)
        .flat_map(|q| &q.subjects)
        .flat_map(|&i| &cx.s.actors[i])
        .find(|a| {
            a.country.is_some()
                && a.organization.is_none()
                && matches!(a.sector, Some(Sector::Mil | Sector::Cop))
        })
}

/// "Egypt protested": a state's or government's protest is an official complaint. (Not an
/// event noun: "Iranian protests" are the people's, not the state's.)
/// "Gunmen attacked a police station", "Militants stormed the embassy": a riot whose every
/// source is an armed group or force is an armed attack (the code's `by_armed`).
fn by_armed(_cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let armed = |a: &Rc<Actor>| a.sector.is_some_and(Sector::is_armed);
    if let Some(c) = &d.entry.by_armed {
        if !d.sources.is_empty() && d.sources.iter().all(armed) {
            d.recode("armed", c, true)?;
        }
    }
    ControlFlow::Continue(())
}

/// "Police pelted the crowd with stones", "police hurled stones at the marchers": a riot
/// whose every source is the police is violent repression (the code's `by_police`).
fn by_police(_cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let police = |a: &Rc<Actor>| a.sector == Some(Sector::Cop);
    if let Some(c) = &d.entry.by_police {
        if !d.sources.is_empty() && d.sources.iter().all(police) {
            d.recode("police", c, true)?;
        }
    }
    ControlFlow::Continue(())
}

fn by_state(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let official = |a: &Rc<Actor>| {
        a.organization.is_some() && a.sector.is_none_or(|s| s == Sector::Igo)
            || a.country.is_some()
                && a.organization.is_none()
                && a.sector.is_none_or(|s| s == Sector::Gov)
    };
    if let Some(c) = &d.entry.by_state {
        if !cx.p.nominal && d.sources.iter().all(official) {
            d.recode("by-state", c, true)?;
        }
    }
    ControlFlow::Continue(())
}

/// Targets the sentence does not write ([`super::targets`], rules in order).
fn implicit_target(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    // PETRARCH-1 takes the first coded actor: a name no dictionary codes is passed over.
    if cx.petrarch && d.targets.iter().all(|t| !t.is_resolved()) {
        d.targets.clear();
    }
    if !d.targets.is_empty() {
        return ControlFlow::Continue(());
    }
    // (PETRARCH-1 takes a compound's target from its verb phrase first.)
    if cx.pattern.compound && d.sources.len() >= 2 && !cx.petrarch {
        compound_targets(d);
        return ControlFlow::Continue(());
    }
    let tcx = TargetContext {
        lex: cx.lex,
        units: cx.units,
        text: cx.text,
        mentions: &cx.s.mentions,
        actors: &cx.s.actors,
        sentence: cx.s.sentence.index,
        sentence_end: cx.s.sentence_end_unit(cx.units),
        location: cx.s.location.as_ref(),
        end: cx.p.end,
        entry: d.entry,
        sources: &d.sources,
        condition: cx.condition,
        memory: cx.memory,
        passive: cx.p.modality.passive,
        petrarch: cx.petrarch,
        dropped_clauses: cx.dropped_clauses,
    };
    if let Some(found) = infer_target(&tcx) {
        d.targets = found.targets;
        d.note(found.rule);
        d.confidence -= found.cost;
    } else if cx.pattern.compound && d.sources.len() >= 2 {
        compound_targets(d);
    }
    ControlFlow::Continue(())
}

/// A compound pattern (`%`): the members of the subject are each other's targets.
fn compound_targets(d: &mut Draft) {
    d.targets = d.sources.clone();
    d.note("compound");
}

/// A code meaningless without a target ("received a prison sentence" is no hosting).
fn needs_target(_: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    if d.entry.needs_target && d.targets.is_empty() {
        ControlFlow::Break(())
    } else {
        ControlFlow::Continue(())
    }
}

/// PETRARCH-1 codes a verb only when its verb phrase holds a noun phrase, be it only the
/// "Saturday" of "said on Saturday" (an empty target, `---`): in "..., a senior official said
/// today." nothing follows the verb but a bare time word (a temporal phrase, no noun phrase),
/// so with no target nothing is coded. The verb phrase ends at the clause's comma.
fn noun_phrase_after(cx: &PredicateContext<'_>) -> bool {
    let (units, text) = (cx.units, cx.text);
    (cx.p.verb + 1..cx.s.sentence_end_unit(units))
        .take_while(|&k| !matches!(units[k].span.slice(text), "," | ";" | ":"))
        .any(|k| {
            units[k].is(WORD)
                && units[k].class & (ADV | TIME) == 0
                && crate::text::weekday_number(units[k].span.slice(text)).is_none()
        })
}

/// "Iran could strike Israel within days, U.S. officials said": a possible harm that a party
/// other than its sources reports is that party's speculation, not a threat the sources make.
/// A threat stays when the reporter is of the sources' own state ("Moscow could respond
/// militarily, a Kremlin aide warned"), when no reporter is resolved, and when a source is an
/// organization (a member state's minister speaks for it: "the European Community may halt
/// mediation, the Dutch foreign minister said").
fn speculation(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    let state = |a: &Rc<Actor>| a.country.is_some() && a.organization.is_none();
    if !cx.p.modality.hypothetical
        || !d.entry.threat
        || d.sources.is_empty()
        || !d.sources.iter().all(state)
    {
        return ControlFlow::Continue(());
    }
    // The subjects of the sentence's verbs of saying, and the actors "according to" names.
    let (units, to) = (cx.units, cx.lex.keys.to);
    let according = |i: &usize| {
        let mut q = cx.s.mentions[*i].units.start;
        while q > 0 && units[q - 1].class & DET != 0 {
            q -= 1;
        }
        q >= 2 && units[q - 1].key == to && units[q - 2].class & REPORT != 0
    };
    let sayers = (cx.s.preds.iter())
        .filter(|q| q.verb != cx.p.verb && units[q.verb].class & REPORT != 0)
        .flat_map(|q| q.subjects.iter().copied());
    let sources_named = (0..cx.s.mentions.len()).filter(according);
    let mut reporters = (sayers.chain(sources_named))
        .flat_map(|i| &cx.s.actors[i])
        .peekable();
    if reporters.peek().is_none() {
        return ControlFlow::Continue(());
    }
    let another_party = reporters.all(|r| {
        r.party()
            .is_some_and(|rp| d.sources.iter().all(|src| src.party() != Some(rp)))
    });
    if another_party {
        return ControlFlow::Break(());
    }
    ControlFlow::Continue(())
}

/// "could meet", "might sign": a possibility is not an act. Only a possible harm, already
/// recoded as a threat by `modality`, is coded; never the act of a condition ("if the EU
/// imposes sanctions").
fn hypothetical(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    if cx.p.modality.hypothetical {
        // "Russia will respond if the EU imposes sanctions": a condition is no threat either.
        if !d.entry.threat || cx.p.modality.conditional {
            return ControlFlow::Break(());
        }
        d.confidence *= 0.6;
        d.note("hypothetical");
    }
    ControlFlow::Continue(())
}

/// An inherited subject, or a target taken from a clause, is weaker evidence.
fn weak_evidence(cx: &PredicateContext<'_>, d: &mut Draft) -> ControlFlow<()> {
    if cx.p.subjects.is_empty() {
        d.confidence -= 0.1;
    }
    if cx.p.target_from_clause {
        d.confidence -= 0.1;
        d.note("target-from-clause");
    }
    ControlFlow::Continue(())
}

/// Whether a governing verb of decision makes the governed code an act rather than an
/// intention: any code after a decisive verb ("decided", "voted", "resolved" to ...), and a
/// material-conflict code (sanctions, expulsions, force) after "agreed to".
fn decided_act(units: &[Unit], governor: Option<usize>, entry: &CameoEntry) -> bool {
    let class = governor.map_or(0, |g| units[g].class);
    class & DECISION != 0 && (class & DECISIVE != 0 || entry.quad_class == 4)
}

/// Whether the predicate closes its sentence as an attribution: its subject follows a comma
/// and only adverbs, times and "here" stand after the verb (", a rights group protested here
/// Wednesday.").
fn attributes_sentence(cx: &PredicateContext<'_>) -> bool {
    let (s, p, units, text) = (cx.s, cx.p, cx.units, cx.text);
    let Some(&first) = p.subjects.first() else {
        return false;
    };
    // The comma may stand a few lowercase words before the subject's head ("a human rights
    // group").
    let start = s.mentions[first].units.start;
    let mut q = start;
    while q > 0
        && q + 3 > start
        && units[q - 1]
            .span
            .slice(text)
            .chars()
            .all(char::is_lowercase)
    {
        q -= 1;
    }
    if q == 0 || units[q - 1].span.slice(text) != "," {
        return false;
    }
    (p.end..s.sentence_end_unit(units)).all(|k| {
        let w = units[k].span.slice(text);
        !units[k].is(WORD)
            || units[k].class & (ADV | TIME | PREP | PREP_LOC) != 0
            || crate::text::weekday_number(w).is_some()
    })
}

/// The unit of the first "if" / "unless" after the predicate, if any.
pub(super) fn condition_after(s: &Sent<'_>, p: &Predicate, units: &[Unit]) -> Option<usize> {
    (p.end..s.sentence_end_unit(units)).find(|&q| units[q].class & CONDITION != 0)
}

/// The events of a draft: each source with each target that is another party; with no
/// target, a mutual event between every two sources, else one one-sided event per source.
pub(super) fn emit(d: &Draft, ectx: &EventContext<'_>, trigger: &TextSpan, out: &mut Vec<Event>) {
    // One rule string, shared by every event of the draft and its evidence.
    let rule = SmolStr::new(&d.rule);
    let make = |src: &Actor, tgt: Option<&Actor>| -> Event {
        let conf = d.confidence
            - if src.inferred { 0.1 } else { 0.0 }
            - if src.is_resolved() { 0.0 } else { 0.25 }
            - if tgt.is_some_and(|t| !t.is_resolved()) {
                0.25
            } else {
                0.0
            }
            - if tgt.is_some_and(|t| t.inferred) {
                0.05
            } else {
                0.0
            };
        ectx.event(d.entry, src, tgt, trigger, &rule, conf, d.negated)
    };
    let sources = &d.sources;
    if d.targets.is_empty() {
        if sources.len() >= 2 && d.entry.symmetric {
            for i in 0..sources.len() {
                for j in i + 1..sources.len() {
                    if !sources[i].same_party(&sources[j]) {
                        out.push(make(&sources[i], Some(&*sources[j])));
                    }
                }
            }
        } else {
            for src in sources {
                out.push(make(src, None));
            }
        }
        return;
    }
    for src in sources {
        let mut any = false;
        for t in &d.targets {
            if !src.same_party(t) {
                out.push(make(src, Some(&**t)));
                any = true;
            }
        }
        if !any {
            // The only target is the source itself ("cleared him"): one-sided.
            out.push(make(src, None));
        }
    }
}

/// Follow-up rule `reciprocal`: "X hosted Y" is also Y visiting X, for each event just emitted
/// whose target is a state or an organization.
///
/// A pattern's own paired code (PETRARCH's `[032:033]`) does the same for any resolved target,
/// unless a rule changed the pattern's code.
pub(super) fn reciprocal(
    d: &Draft,
    pattern: &Pattern,
    ectx: &EventContext<'_>,
    trigger: &TextSpan,
    emitted: &[Event],
    petrarch: bool,
) -> Vec<Event> {
    let paired = pattern
        .paired
        .as_deref()
        .filter(|_| pattern.code == d.entry.code);
    // (PETRARCH-1 codes only a dictionary's paired code.)
    let implied = d.entry.reciprocal.as_deref().filter(|_| !petrarch);
    let Some(visit) = paired.or(implied) else {
        return Vec::new();
    };
    let rule = match paired {
        Some(_) => smol_str::format_smolstr!("{} +paired({}->{visit})", d.rule, d.entry.code),
        None => {
            smol_str::format_smolstr!("{} +reciprocal-visit({}->{visit})", d.rule, d.entry.code)
        }
    };
    emitted
        .iter()
        .filter_map(|e| {
            let host = e.source.as_ref()?;
            let guest = e.target.as_ref().filter(|t| {
                t.country.is_some()
                    || t.organization.is_some()
                    || paired.is_some() && t.code.is_some()
            })?;
            Some(ectx.event(
                table_entry(visit),
                guest,
                Some(host),
                trigger,
                &rule,
                e.confidence - 0.1,
                d.negated,
            ))
        })
        .collect()
}

/// Follow-up rule `obligation-request`: an obligation clause after a statement. "Russia said
/// on Tuesday that Sudan must return ..." is a demand by Russia on Sudan; "said Iran should halt
/// ..." an appeal. The clause's subject may be compound and carry a place phrase ("the
/// government and the rebels in Darfur must reach ..."). "A and B agreed that their countries
/// should cooperate" is their own intent.
pub(super) fn obligation_request(
    cx: &PredicateContext<'_>,
    sources: &[Rc<Actor>],
    ectx: &EventContext<'_>,
) -> Option<Vec<Event>> {
    let (s, p, units, text) = (cx.s, cx.p, cx.units, cx.text);
    let end = s.sentence_end_unit(units);
    let modal =
        (p.end..end.min(p.end + 25)).find(|&i| units[i].class & (OBLIGATION | ADVICE) != 0)?;
    // Another statement or event verb between the report and the modal opens another clause.
    if s.preds.iter().any(|q| q.verb > p.verb && q.verb < modal) {
        return None;
    }
    let (rule_name, label) = if units[modal].class & OBLIGATION != 0 {
        (CodeRule::Demand, "must-demand")
    } else {
        (CodeRule::Appeal, "should-appeal")
    };
    let entry = table_entry(&rule_code(rule_name).code);
    let (mut subject, first) = obligation_subject(cx, modal);
    let trigger = TextSpan {
        text: SmolStr::new(units[modal].span.slice(text)),
        span: units[modal].span,
    };
    // "Hungarian and Romanian officials agreed that their countries should cooperate": an
    // agreement on what the parties themselves should do is their intent.
    let agreement = cameo(&cx.pattern.code).is_some_and(|e| e.agreement);
    let themselves = subject.iter().all(|&mi| {
        s.actors[mi]
            .iter()
            .all(|t| sources.iter().any(|src| src.same_party(t)))
    }) && (first..modal).any(|q| units[q].class & (POSS | PRON) != 0);
    if agreement && themselves {
        let rule = &SmolStr::new_static(
            "builtin:rule `SOURCES agree that THEY should ...` +agreed-intent",
        );
        let intent = table_entry(&rule_code(CodeRule::AgreedIntent).code);
        let mut out = Vec::new();
        for src in sources {
            let others: Vec<&Rc<Actor>> = sources.iter().filter(|o| !src.same_party(o)).collect();
            if others.is_empty() {
                out.push(ectx.event(intent, src, None, &trigger, rule, 0.6, false));
            }
            for o in others {
                out.push(ectx.event(intent, src, Some(o), &trigger, rule, 0.6, false));
            }
        }
        return Some(out);
    }
    if subject.is_empty() {
        return None;
    }
    // "reminded Iraq that it must cooperate": a pronoun after a statement to someone is the
    // one addressed.
    let pronoun = subject.iter().all(|&mi| {
        matches!(
            s.mentions[mi].reference,
            Some(Reference::Thing | Reference::Person | Reference::Plural)
        )
    });
    if pronoun && !p.targets.is_empty() {
        subject = p.targets.clone();
    }
    let rule = smol_str::format_smolstr!(
        "builtin:rule `SOURCE say ... TARGET {} ...` +{label}",
        trigger.text.to_lowercase()
    );
    let mut out = Vec::new();
    for src in sources {
        for mi in subject.iter().rev() {
            for t in s.actors[*mi].iter().filter(|t| !src.same_party(t)) {
                out.push(ectx.event(entry, src, Some(t), &trigger, &rule, 0.6, false));
            }
        }
    }
    Some(out)
}

/// The subject of the modal at `modal`: actor mentions walking back from it over "and", ",",
/// place phrases and at most three plain words ("other developed nations"), nearest first;
/// and the first unit of the walk.
fn obligation_subject(cx: &PredicateContext<'_>, modal: usize) -> (Vec<usize>, usize) {
    let (s, units, text) = (cx.s, cx.units, cx.text);
    let mut subject = Vec::new();
    let (mut k, mut plain) = (modal, 0);
    while k > cx.p.end {
        if let Some(mi) = s.mentions.iter().position(|m| m.units.end == k) {
            let m = &s.mentions[mi];
            let start = m.units.start;
            let in_phrase = start > 0 && units[start - 1].class & (PREP | PREP_LOC) != 0;
            if in_phrase {
                k = start - 1;
                continue;
            }
            if m.is_actor() {
                subject.push(mi);
            }
            k = start;
            plain = 0;
        } else {
            let cl = units[k - 1].class;
            if cl & CONJ != 0 || units[k - 1].span.slice(text) == "," {
                k -= 1;
            } else if cl & COMP != 0 || plain >= 3 || units[k - 1].span.slice(text).len() == 1 {
                break;
            } else {
                plain += 1;
                k -= 1;
            }
        }
    }
    (subject, k)
}

#[cfg(test)]
mod tests {
    use super::RULES;
    use crate::{Article, Coder};

    /// What a rule must leave in the events of a sentence: an event with this code, source
    /// and target (country or code prefix) whose rule names the note; or no event at all.
    enum Expect {
        Event(&'static str, &'static str, &'static str, &'static str),
        Nothing,
    }
    use Expect::*;

    /// One row per rule at least; each row fails if its rule is removed.
    const TABLE: &[(&str, &str, Expect)] = &[
        (
            "modality",
            "Iran did not meet the European envoys.",
            Event("125", "IRN", "-", "+refusal(040->125)"),
        ),
        (
            "modality",
            "Serbia will hold talks with Kosovo unless Pristina drops the charges.",
            Event("130", "SRB", "KSV", "+conditional(036->130)"),
        ),
        (
            "modality",
            "The army could strike rebel positions in Idlib, a Syrian official said.",
            Event("138", "SYR", "SYR", "+possible(190->1384)"),
        ),
        (
            "reported-protest",
            "Hungary is failing to protect asylum seekers, a human rights group protested on Wednesday.",
            Event("111", "HUN", "-", "+reported-protest(141->111)"),
        ),
        (
            "passive",
            "Five opposition activists were detained in Minsk on Sunday.",
            Event("173", "BLR", "BLR", "+passive"),
        ),
        (
            "by-phone",
            "German Chancellor Olaf Scholz discussed the crisis by phone with French President Emmanuel Macron.",
            Event("041", "DEU", "FRA", "+by-phone(040->041)"),
        ),
        (
            "by-air",
            "Turkish drones attacked Kurdish militants in northern Iraq.",
            Event("195", "TUR", "IRQ", "+aerial(190->195)"),
        ),
        (
            "bare-verb-needs-party",
            "The central bank moved to kill the bill in parliament.",
            Nothing,
        ),
        (
            "crowd",
            "Thousands took to the streets of Khartoum on Friday.",
            Event("141", "SDN", "SDN", "+crowd"),
        ),
        (
            "implied-agent",
            "A car bomb killed six people in Mogadishu on Tuesday.",
            Event("183", "SOM", "SOM", "+unidentified-attacker"),
        ),
        (
            "implied-agent",
            "Five opposition activists were detained in Minsk on Sunday.",
            Event("173", "BLRCOP", "BLR", "+agentless"),
        ),
        (
            "by-armed",
            "Gunmen attacked a police station in Quetta on Monday.",
            Event("190", "PAKUAF", "PAKCOP", "+armed(145->190)"),
        ),
        (
            "by-police",
            "Police in Dhaka pelted the marchers with stones on Sunday.",
            Event("175", "BGDCOP", "BGD", "+police(145->175)"),
        ),
        (
            "by-state",
            "Egypt protested on Sunday.",
            Event("114", "EGY", "-", "+by-state(141->114)"),
        ),
        (
            "implicit-target",
            "Russia expelled two Estonian diplomats. Estonia condemned the move.",
            Event("111", "EST", "RUS", "+target-from-antecedent"),
        ),
        (
            "needs-target",
            "The minister received a prison sentence.",
            Nothing,
        ),
        (
            "speculation",
            "Iran could strike Israel within days, U.S. officials said on Tuesday.",
            Nothing,
        ),
        (
            "hypothetical",
            "The foreign ministers of Ghana and Togo could meet in Accra next week.",
            Nothing,
        ),
        (
            "hypothetical",
            "The army could strike rebel positions in Idlib, a Syrian official said.",
            Event("138", "SYR", "SYR", "+hypothetical"),
        ),
        (
            "weak-evidence",
            "Thousands took to the streets of Khartoum on Friday.",
            Event("141", "SDN", "SDN", "+target-from-clause"),
        ),
    ];

    #[test]
    fn every_rule_has_rows_and_every_row_holds() {
        for (name, _) in RULES {
            assert!(
                TABLE.iter().any(|(rule, _, _)| *rule == name),
                "rule {name} has no row in the table"
            );
        }
        let coder = Coder::builder().keep_negated(true).build().unwrap();
        for (rule, text, expect) in TABLE {
            let article = Article::new("t", *text)
                .with_published_str("2024-03-06")
                .unwrap();
            let events = coder.code(&article).unwrap().events;
            let shown: Vec<String> = events
                .iter()
                .map(|e| format!("{} {}", e.cameo.code, e.rule))
                .collect();
            match expect {
                Nothing => {
                    // Statements ("said") may remain; no other event.
                    assert!(
                        events.iter().all(|e| e.cameo.root == "01"),
                        "{rule}: {text}: {shown:?}"
                    );
                }
                Event(code, src, tgt, note) => {
                    let code_of = |a: &Option<crate::Actor>| {
                        a.as_ref()
                            .and_then(|a| a.code.clone().or(a.country.clone()))
                            .unwrap_or_else(|| "-".into())
                    };
                    let found = events.iter().any(|e| {
                        e.cameo.code.starts_with(code)
                            && code_of(&e.source).starts_with(src)
                            && (if *tgt == "-" {
                                e.target.is_none()
                            } else {
                                code_of(&e.target).starts_with(tgt)
                            })
                            && e.rule.contains(note)
                    });
                    assert!(found, "{rule}: {text}: {shown:?}");
                }
            }
        }
    }
}
