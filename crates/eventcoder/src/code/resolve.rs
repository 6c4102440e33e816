//! Actor resolution: a mention becomes [`Actor`]s as of the article's date, with pronouns,
//! collectives ("the two ministers") and definite descriptions ("the ministry") resolved
//! against the article's earlier actors.

use std::rc::Rc;

use chrono::NaiveDate;
use smol_str::{SmolStr, SmolStrBuilder};

use super::event::Actor;
use crate::lexicon::{HolderKind, Lexicon, StateId};
use crate::ontology::Sector;
use crate::parse::{Mention, Reference, StateForm};

/// How many recent actors pronouns and descriptions may refer back to (at least).
pub const MEMORY_WINDOW: usize = 256;

/// How far (in bytes) before a weapon or vehicle mention the actor it belongs to may be written.
const EQUIPMENT_REACH: usize = 48;

/// What the article has mentioned so far.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Every resolved actor, in order.
    pub recent: Vec<Rc<Actor>>,
    /// The parties of the latest multi-party event or compound subject.
    pub last_group: Vec<Rc<Actor>>,
    /// The sources of the latest event (the topic "he" and "it" usually continue).
    pub last_subjects: Vec<Rc<Actor>>,
    /// The sentence of the latest event.
    pub last_event_sentence: Option<usize>,
    /// The first actor of each sentence (usually its subject), latest last.
    pub topics: Vec<Rc<Actor>>,
    /// The first actor of the sentence before the latest topic's, and that sentence's index.
    pub previous_topic: Option<(usize, Rc<Actor>)>,
    /// The latest topic and its sentence's index.
    pub latest_topic: Option<(usize, Rc<Actor>)>,
    /// The sentence index and explicit date of the latest event with a date written in its
    /// sentence: a follow-up sentence about the same parties continues it.
    pub last_dated: Option<(usize, chrono::NaiveDate)>,
    /// The speakers of the latest reported statement ("..., the ministry said").
    pub last_speaker: Vec<Rc<Actor>>,
    /// The sentence and the sources of the latest act of violence (CAMEO 18-20): "the attack"
    /// and "the bombing" refer back to it, even across a few sentences of detail.
    pub last_violence: Option<(usize, Vec<Rc<Actor>>)>,
}

impl Memory {
    /// Remembers an actor.
    pub fn push(&mut self, a: &Rc<Actor>) {
        if self.recent.last().is_none_or(|l| **l != **a) {
            // Coreference is local: keep a window, so huge articles stay linear.
            if self.recent.len() >= 2 * MEMORY_WINDOW {
                self.recent.drain(..MEMORY_WINDOW);
            }
            self.recent.push(Rc::clone(a));
        }
    }
    /// Remembers a sentence's topic (its first actor).
    pub fn push_topic(&mut self, a: &Rc<Actor>, sentence: usize) {
        if self.topics.len() >= 2 * MEMORY_WINDOW {
            self.topics.drain(..MEMORY_WINDOW);
        }
        self.topics.push(Rc::clone(a));
        self.previous_topic = self.latest_topic.take();
        self.latest_topic = Some((sentence, Rc::clone(a)));
    }

    /// The parties of the latest exchange a plural reference means. For officials ("the
    /// diplomats", "the two ministers"): its governments and organizations, not the people it
    /// was about ("the people of Afghanistan"), when at least two remain.
    pub fn group_for(&self, officials: bool) -> Vec<Actor> {
        let members: Vec<Actor> = self
            .last_group
            .iter()
            .filter(|a| {
                !officials
                    || a.organization.is_some()
                    || matches!(a.sector, None | Some(Sector::Gov))
            })
            .map(|a| (**a).clone())
            .collect();
        if members.len() >= 2 {
            members
        } else {
            self.last_group.iter().map(|a| (**a).clone()).collect()
        }
    }

    /// Remembers the parties of an event.
    pub fn group(&mut self, parties: &[Rc<Actor>]) {
        // The parties that are no earlier kept party's (`same_party` is not transitive, so
        // each is compared with those kept): a bit each, so most events allocate nothing.
        let Some(kept) = kept_parties(parties) else {
            // (More than 64 parties: kept in a list.)
            let mut distinct: Vec<&Rc<Actor>> = Vec::with_capacity(parties.len());
            for p in parties {
                if !distinct.iter().any(|d| d.same_party(p)) {
                    distinct.push(p);
                }
            }
            self.set_group(distinct.len(), || distinct.iter().copied());
            return;
        };
        let distinct = || {
            (parties.iter().enumerate())
                .filter(move |&(i, _)| kept & (1 << i) != 0)
                .map(|(_, p)| p)
        };
        self.set_group(kept.count_ones() as usize, distinct);
    }

    /// Makes the `n` parties of `distinct` the latest group, unless they are fewer than two
    /// or the same parties as it already has.
    fn set_group<'p, I: Iterator<Item = &'p Rc<Actor>>>(
        &mut self,
        n: usize,
        distinct: impl Fn() -> I,
    ) {
        let unchanged = n == self.last_group.len()
            && distinct()
                .zip(&self.last_group)
                .all(|(a, b)| a.same_party(b));
        if n >= 2 && !unchanged {
            self.last_group.clear();
            self.last_group.extend(distinct().cloned());
        }
    }
}

/// A bit per party of `parties` that is not the same party as one kept before it, or `None`
/// when there are more than 64.
fn kept_parties(parties: &[Rc<Actor>]) -> Option<u64> {
    if parties.len() > 64 {
        return None;
    }
    let mut kept = 0u64;
    for (i, p) in parties.iter().enumerate() {
        let seen = (0..i).any(|j| kept & (1 << j) != 0 && parties[j].same_party(p));
        if !seen {
            kept |= 1 << i;
        }
    }
    Some(kept)
}

/// Resolves mentions for one article.
pub struct Resolver<'a> {
    /// The lexicon.
    pub lex: &'a Lexicon,
    /// The article text.
    pub text: &'a str,
    /// The published date.
    pub published: Option<NaiveDate>,
    /// Whether an actor with no state or organization of its own takes one from the actors
    /// named before it (see [`Resolver::resolve`]); under PETRARCH-1's conventions it takes
    /// only the `context_state` it is given.
    pub context_states: bool,
}

impl Resolver<'_> {
    /// The actors a mention stands for (several for "Hungarian and Romanian officials" and for
    /// collectives). A role without a state of its own takes one from, in order: a fixed state
    /// of the role (the pope), its antecedent (an earlier actor of the same sector), then
    /// `context_state` (the sentence's place unless that place is an event's target, the
    /// dateline, else a state named earlier in the sentence).
    pub fn resolve(&self, m: &Mention, memory: &Memory, context_state: Option<&str>) -> Vec<Actor> {
        let mut out = Vec::new();
        self.resolve_into(m, memory, context_state, &mut out);
        out
    }

    /// [`Resolver::resolve`], appending the actors to `out` (the coder keeps one list for
    /// every mention, so a mention allocates no list of its own).
    pub fn resolve_into(
        &self,
        m: &Mention,
        memory: &Memory,
        context_state: Option<&str>,
        out: &mut Vec<Actor>,
    ) {
        let text = SmolStr::new(m.span.slice(self.text));
        if let Some(r) = m.reference {
            let mut found: Vec<Actor> = match r {
                Reference::Person => memory
                    .last_subjects
                    .iter()
                    .find(|a| a.name.is_some())
                    .or_else(|| memory.recent.iter().rev().find(|a| a.name.is_some()))
                    .map(|a| (**a).clone())
                    .into_iter()
                    .collect(),
                Reference::Thing => memory
                    .topics
                    .iter()
                    .rev()
                    .take(2)
                    .chain(memory.recent.iter().rev())
                    .find(|a| a.name.is_none() && (a.country.is_some() || a.organization.is_some()))
                    // "The Umma party said it will boycott ...": else the latest actor, when it
                    // is a body named by its role alone.
                    .or_else(|| {
                        memory
                            .recent
                            .last()
                            .filter(|a| a.name.is_none() && a.sector.is_some())
                    })
                    .map(|a| (**a).clone())
                    .into_iter()
                    .collect(),
                // "we" outside a quote whose speaker is named: the latest speaker.
                Reference::Speaker => memory
                    .last_speaker
                    .iter()
                    .chain(memory.last_subjects.iter())
                    .take(memory.last_speaker.len().max(1))
                    .map(|a| (**a).clone())
                    .collect(),
                Reference::Plural => {
                    let official = m
                        .agent
                        .is_some_and(|a| self.lex.agents[a].sector == Sector::Gov);
                    if memory.last_group.len() >= 2 {
                        memory.group_for(official)
                    } else {
                        memory
                            .recent
                            .iter()
                            .rev()
                            .find(|a| a.name.is_none())
                            .map(|a| (**a).clone())
                            .into_iter()
                            .collect()
                    }
                }
            };
            for a in &mut found {
                a.text.clone_from(&text);
                a.span = m.span;
                a.inferred = true;
            }
            out.append(&mut found);
            return;
        }
        let mut base = Actor::unresolved(text, m.span);
        let agent = m.agent.map(|a| &self.lex.agents[a]);
        // The state whose code `base.country` is, when it was taken from the lexicon's states
        // (so [`Resolver::code`] need not look the code up again); `None` when it was copied
        // from elsewhere.
        let mut country_state: Option<StateId> = None;
        // Office holders resolve as of the article date.
        if let Some(p) = m.person {
            let person = &self.lex.persons[p];
            base.name = Some(person.name.clone());
            match self.published.and_then(|d| person.term_on(d)) {
                Some(term) => {
                    if term.holder_kind == HolderKind::State {
                        base.country = Some(term.holder.clone());
                    } else {
                        base.organization = Some(term.holder.clone());
                    }
                    base.sector = Some(term.office.sector());
                }
                None => {
                    // (All terms share the holder, so the first says which kind it is.)
                    let state = person
                        .terms
                        .first()
                        .is_some_and(|t| t.holder_kind == HolderKind::State);
                    if let Some(h) = person.nationality().filter(|_| state) {
                        base.country = Some(SmolStr::new(h));
                    }
                    let former = self.published.is_some_and(|d| {
                        person.terms.iter().any(|t| t.end.is_some_and(|e| e < d))
                            && person.terms.iter().all(|t| t.start <= d)
                    });
                    if former {
                        base.sector = Some(Sector::Eli);
                    }
                }
            }
        } else if let Some(n) = m.name {
            base.name = Some(SmolStr::new(n.slice(self.text)));
        }
        if let Some((s, form)) = m.state {
            // "Moscow" and "the Kremlin" in 1985 are the Soviet government.
            let s = match (form, self.published) {
                (StateForm::Capital | StateForm::Seat(_), Some(d)) => {
                    self.lex.former_seat(s, d).unwrap_or(s)
                }
                _ => s,
            };
            let state = &self.lex.states[s];
            base.country = Some(state.iso3.clone());
            country_state = Some(s);
            if base.sector.is_none() {
                base.sector = match form {
                    StateForm::Seat(sec) => Some(sec),
                    StateForm::Capital => Some(Sector::Gov),
                    StateForm::Demonym => Some(Sector::Cvl),
                    StateForm::Adjective if m.people => Some(Sector::Cvl),
                    StateForm::Name | StateForm::Adjective => None,
                };
            }
        }
        if let Some((o, sector, _)) = m.org {
            let org = &self.lex.organizations[o];
            base.organization = Some(org.code.clone());
            if base.sector.is_none() || agent.is_none() {
                base.sector = Some(sector);
            }
        }
        if let Some(g) = m.group {
            let group = &self.lex.groups[g];
            match group.code_on(self.published) {
                // A named actor of a CAMEO actor dictionary: its code as of the date.
                Some(dated) => {
                    if dated.country.is_none() {
                        base.organization.clone_from(&dated.code);
                    }
                    if base.country.is_none() {
                        base.country.clone_from(&dated.country);
                        country_state = None;
                    }
                    if agent.is_none() || base.sector.is_none() {
                        base.sector = dated.sector;
                    }
                }
                None => {
                    base.organization = Some(group.code.clone());
                    if base.country.is_none() {
                        base.country.clone_from(&group.country);
                        country_state = None;
                    }
                    if agent.is_none() || base.sector.is_none() {
                        base.sector = Some(group.sector);
                    }
                }
            }
        }
        if let Some(a) = agent {
            if m.person.is_none() || base.sector.is_none() {
                base.sector = Some(a.sector);
            }
            if a.flags.counterpart && base.sector.is_none() {
                base.sector = Some(Sector::Gov);
            }
        }
        if let Some(s) = agent.and_then(|a| a.flags.of_state) {
            if base.country.is_none() && base.organization.is_none() {
                base.country = Some(self.lex.states[s].iso3.clone());
                country_state = Some(s);
            }
        }
        // Generic actors: a definite description refers back; otherwise the context's state.
        if base.country.is_none() && base.organization.is_none() {
            let plural =
                m.span.slice(self.text).ends_with('s') && !m.span.slice(self.text).ends_with("'s");
            if self.context_states
                && agent.is_some()
                && plural
                && m.definite
                && m.name.is_none()
                && memory.last_group.len() >= 2
                && agent.is_some_and(|a| a.sector == Sector::Gov)
            {
                // "the diplomats", "the top officials": the parties of the latest exchange.
                let mut group = memory.group_for(true);
                for a in &mut group {
                    a.text.clone_from(&base.text);
                    a.span = base.span;
                    a.inferred = true;
                }
                out.append(&mut group);
                return;
            }
            if let Some(a) = agent.filter(|a| a.flags.equipment) {
                // Weapons and vehicles take a state only from the actor written just before them
                // ("Russian aircraft including helicopter gunships"), never from context.
                let near = memory.recent.last().filter(|r| {
                    self.context_states
                        && r.sector == Some(a.sector)
                        && r.span.end <= m.span.start
                        && m.span.start - r.span.end <= EQUIPMENT_REACH
                });
                if let Some(r) = near {
                    base.country.clone_from(&r.country);
                    country_state = None;
                    base.organization.clone_from(&r.organization);
                    base.inferred = true;
                }
            } else if let Some(r) = agent
                .filter(|a| m.addressee && a.sector == Sector::Leg && m.name.is_none())
                .and_then(|_| memory.recent.last())
                .filter(|r| {
                    self.context_states && r.country.is_some() && r.span.end <= m.span.start
                })
            {
                // "the U.S. commander told senators", "South Korea's spy agency told
                // lawmakers": a legislature told is the speaker's own (the actor just before).
                base.country.clone_from(&r.country);
                country_state = None;
                base.inferred = true;
            } else if let Some(a) = agent {
                // Prefer a sentence topic ("Lavrov accused Washington ..., the ministry said"),
                // then the most recent actor of that sector.
                let back = (memory.topics.iter().rev().take(3))
                    .chain(memory.recent.iter().rev())
                    .filter(|_| self.context_states)
                    .find(|r| {
                        // A bare state ("China imposed duties ...") is its government.
                        let sector = r
                            .sector
                            .or((r.name.is_none() && r.country.is_some()).then_some(Sector::Gov));
                        sector == Some(a.sector)
                            && (r.country.is_some() || r.organization.is_some())
                    });
                if let Some(r) = back.filter(|_| m.name.is_none()) {
                    base.country.clone_from(&r.country);
                    country_state = None;
                    base.organization.clone_from(&r.organization);
                    base.inferred = true;
                } else if let Some(cs) = context_state {
                    base.country = Some(SmolStr::new(cs));
                    country_state = None;
                    base.inferred = true;
                }
            } else if m.name.is_some() && self.context_states {
                // A bare surname seen earlier with a title: "Saidov told reporters".
                let n = base.name.clone().unwrap_or_default();
                if let Some(r) = memory
                    .recent
                    .iter()
                    .rev()
                    .find(|r| r.name.as_deref().is_some_and(|rn| same_person(rn, &n)))
                {
                    base.country.clone_from(&r.country);
                    country_state = None;
                    base.organization.clone_from(&r.organization);
                    base.sector.clone_from(&r.sector);
                    base.name.clone_from(&r.name);
                    base.inferred = true;
                }
            }
        }
        base.code = self.code(&base, m, country_state);
        // The extra states' actors first, the last one first, then the mention's own.
        let first = out.len();
        for &s in m.extra_states.iter().rev() {
            let mut a = base.clone();
            a.country = Some(self.lex.states[s].iso3.clone());
            a.code = self.code(&a, m, Some(s));
            out.push(a);
        }
        out.push(base);
        if out[first..]
            .iter()
            .any(|a| a.code.as_deref().is_some_and(|c| c.contains('/')))
        {
            let split: Vec<Actor> = out.drain(first..).flat_map(split_slash_code).collect();
            out.extend(split);
        }
    }

    /// The CAMEO actor code: state or IGO code plus the agent code. `country_state`, if known,
    /// is the state whose code `a.country` is: the lexicon files each state under its own code,
    /// so it is the state a look-up of that code finds.
    fn code(&self, a: &Actor, m: &Mention, country_state: Option<StateId>) -> Option<SmolStr> {
        let agent = m.agent.map(|x| &self.lex.agents[x]);
        let agent_code = agent.map(|x| x.cameo.clone());
        if let Some(g) = m.group {
            let group = &self.lex.groups[g];
            return match group.code_on(self.published) {
                // A dated code (null: no actor then), with the agent's code of the mention.
                Some(dated) => {
                    let code = dated.code.clone()?;
                    let with_agent = |code: &str| -> SmolStr {
                        match agent {
                            Some(x) if x.flags.prefix => concat(&x.cameo, code),
                            Some(x) if !code.ends_with(x.cameo.as_str()) => {
                                with_agent_code(code, &x.cameo)
                            }
                            _ => code.into(),
                        }
                    };
                    // A code written with slashes (`[FRO/BIL/SAM]`): the agent joins each.
                    if code.contains('/') {
                        let parts: Vec<SmolStr> = code.split('/').map(with_agent).collect();
                        return Some(parts.join("/").into());
                    }
                    Some(with_agent(&code))
                }
                None if group.dated.is_empty() => Some(group.cameo.clone()),
                None => None,
            };
        }
        if let Some(o) = &a.organization {
            return Some(
                self.lex
                    .organization(o)
                    .map_or_else(|| o.clone(), |org| org.cameo.clone()),
            );
        }
        debug_assert!(
            country_state.is_none_or(|s| a.country.as_ref() == Some(&self.lex.states[s].iso3))
        );
        let state = match country_state {
            Some(s) => Some(&self.lex.states[s]),
            None => a.country.as_deref().and_then(|c| self.lex.state(c)),
        }
        .map(|s| s.cameo.clone());
        let suffix = agent_code.or_else(|| match m.state {
            Some((_, StateForm::Name | StateForm::Adjective)) if m.person.is_none() => None,
            _ => a.sector.map(|s| SmolStr::new_static(s.as_str())),
        });
        let prefix = agent.is_some_and(|x| x.flags.prefix);
        match (state, suffix) {
            (Some(s), Some(x)) if prefix => Some(concat(&x, &s)),
            (Some(s), Some(x)) => Some(concat(&s, &x)),
            (Some(s), None) => Some(s),
            (None, Some(x)) => Some(x),
            (None, None) => None,
        }
    }
}

/// An actor whose dictionary code is written with slashes (`THE_SHIRE [FRO/BIL/SAM]`): one actor
/// per code, as PETRARCH codes one event per code. Each is its own party (its organization the
/// code's part), so deduplication keeps their events apart.
fn split_slash_code(a: Actor) -> Vec<Actor> {
    let Some(code) = a.code.clone().filter(|c| c.contains('/')) else {
        return vec![a];
    };
    let org_parts: Option<Vec<&str>> = a
        .organization
        .as_deref()
        .filter(|o| o.contains('/'))
        .map(|o| o.split('/').collect());
    code.split('/')
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, c)| {
            let mut one = a.clone();
            one.code = Some(c.into());
            if let Some(parts) = &org_parts {
                one.organization = parts.get(i).map(|&o| SmolStr::from(o));
            }
            one
        })
        .collect()
}

/// A group's code with an agent's code after it. Where both are made of three-letter codes,
/// one the group's code has already is not repeated (PETRARCH's rule: "West German" `GMWGOV`
/// with "world government" `WGOGOV` is `GMWGOVWGO`).
fn with_agent_code(code: &str, agent: &str) -> SmolStr {
    let triples = |s: &str| s.len() % 3 == 0 && s.is_ascii();
    if !(triples(code) && triples(agent)) {
        return concat(code, agent);
    }
    let mut out = SmolStrBuilder::new();
    out.push_str(code);
    for i in (0..agent.len()).step_by(3) {
        let part = &agent[i..i + 3];
        if !(0..code.len()).step_by(3).any(|j| &code[j..j + 3] == part) {
            out.push_str(part);
        }
    }
    out.finish()
}

/// `a` followed by `b`, as one code: built in place (no formatting machinery), inline when
/// short, as codes are.
pub(crate) fn concat(a: &str, b: &str) -> SmolStr {
    let mut out = SmolStrBuilder::new();
    out.push_str(a);
    out.push_str(b);
    out.finish()
}

/// Whether a bare name refers to a full name seen before: the same surname, allowing one typo
/// in names of five letters or more ("Borell" for "Borrell").
pub fn same_person(full: &str, bare: &str) -> bool {
    if full == bare {
        return true;
    }
    let surname = full.rsplit(' ').next().unwrap_or(full);
    let bare_last = bare.rsplit(' ').next().unwrap_or(bare);
    if surname == bare_last {
        return true;
    }
    bare_last.chars().count() >= 5 && edit_distance_at_most_one(surname, bare_last)
}

fn edit_distance_at_most_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn surnames() {
        assert!(same_person("Josep Borrell", "Borell"));
        assert!(same_person("Josep Borrell", "Borrell"));
        assert!(!same_person("Josep Borrell", "Bor"));
        assert!(!same_person("Sergey Lavrov", "Peskov"));
    }
}
