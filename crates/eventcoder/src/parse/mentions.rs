//! Actor mentions: phrase matches assembled into full actor phrases ("European Union Foreign
//! Policy chief Joseph Borrell", "his Russian counterpart Sergey Lavrov", "Iran's foreign
//! ministry spokesman Nasser Kanani", "Nasser Kanani, the foreign ministry spokesman").

use std::ops::Range;

use crate::article::Span;
use crate::lexicon::words::*;
use crate::lexicon::{
    ALL_CAPS, AgentId, CAPITALIZED, CommonKeys, GroupId, Lexicon, OrgId, OutletId, PersonId,
    PhraseMatch, PlaceId, Referent, StateId, UNKNOWN, Unit, WORD,
};
use crate::ontology::Sector;
use crate::text::{month_number, weekday_number};

use super::unit_set::UnitSet;

/// How a state appears in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateForm {
    /// "Tajikistan"
    Name,
    /// "Tajik"
    Adjective,
    /// "Afghans"
    Demonym,
    /// "Moscow" (the government)
    Capital,
    /// "the Kremlin"; the sector index
    Seat(Sector),
}

/// Pronouns and collective references, resolved against earlier actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// he / she / him / her
    Person,
    /// it
    Thing,
    /// they / them / the two sides / both ministers / the diplomats
    Plural,
    /// we: the speaker of the quote it stands in
    Speaker,
}

/// One actor (or place / outlet) mention: the assembled phrase.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mention {
    /// Article-level unit range.
    pub units: Range<usize>,
    /// Text span.
    pub span: Span,
    /// A state and how it is written.
    pub state: Option<(StateId, StateForm)>,
    /// An organization: index, sector index, official.
    pub org: Option<(OrgId, Sector, bool)>,
    /// A non-state group.
    pub group: Option<GroupId>,
    /// The head role.
    pub agent: Option<AgentId>,
    /// A person from the office-holder table.
    pub person: Option<PersonId>,
    /// A personal name span (from the table or from capitalized words after a title).
    pub name: Option<Span>,
    /// A place reading (cities, regions, and capitals).
    pub place: Option<PlaceId>,
    /// An outlet.
    pub outlet: Option<OutletId>,
    /// A pronoun or collective to resolve.
    pub reference: Option<Reference>,
    /// Followed by a possessive ('s).
    pub possessive: bool,
    /// Preceded by a preposition of place or time.
    pub after_prep_loc: bool,
    /// Preceded by another preposition (its key).
    pub after_prep: Option<u32>,
    /// Right after "told" (determiners between): the one told, an audience of the speaker's
    /// own country when it is a legislature ("told lawmakers", "told the parliament").
    pub addressee: bool,
    /// Marked ambiguous in the dictionary.
    pub ambiguous: bool,
    /// Other states joined to this one ("Hungarian and Romanian officials").
    pub extra_states: Vec<StateId>,
    /// Part of a hyphenated word ("EU-Central Asia", "Afghan-Tajik border"): a modifier.
    pub partial: bool,
    /// A state adjective with a plural people noun ("Iraqi Kurds", "Algerian landowners").
    pub people: bool,
    /// After a definite determiner, perhaps with modifiers between ("the diplomats", "the top
    /// officials"), so a plural role may refer back.
    pub definite: bool,
}

impl Mention {
    /// Only an outlet ("Xinhua", "the Washington Post"): a source of news, never an actor.
    pub fn is_outlet_only(&self) -> bool {
        self.outlet.is_some()
            && self.state.is_none()
            && self.org.is_none()
            && self.agent.is_none()
            && self.person.is_none()
    }

    /// No role, person or organization: a state, place, group or name alone ("Iraqi",
    /// "Alexandria", "Hamas").
    pub fn is_role_free(&self) -> bool {
        self.agent.is_none() && self.person.is_none() && self.org.is_none()
    }

    /// A place and nothing else ("Alexandria", "Darfur"): where, not who.
    pub fn is_place_only(&self) -> bool {
        self.place.is_some() && self.state.is_none() && self.is_role_free()
    }

    /// A role with nothing saying whose it is ("the ministry", "troops", "its forces"): no state,
    /// organization, group, person, name or reference.
    pub fn is_bare_role(&self) -> bool {
        self.agent.is_some()
            && self.state.is_none()
            && self.org.is_none()
            && self.group.is_none()
            && self.person.is_none()
            && self.name.is_none()
            && self.reference.is_none()
    }

    /// Whether it can be an actor (not only a place, an outlet or a bare adjective).
    pub fn is_actor(&self) -> bool {
        if self.partial || self.is_outlet_only() {
            return false;
        }
        if self.people {
            return true;
        }
        if self.reference.is_some()
            || self.group.is_some()
            || self.person.is_some()
            || self.org.is_some()
            || self.agent.is_some()
            || self.name.is_some()
        {
            return true;
        }
        match self.state {
            Some((_, StateForm::Adjective)) => false,
            Some(_) => true,
            None => false,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Component {
    start: usize,
    end: usize,
    referent: Referent,
    ambiguous: bool,
}

fn is_name_word(u: &Unit, text: &str) -> bool {
    if !(u.is(WORD) && u.is(CAPITALIZED)) {
        return false;
    }
    let w = u.span.slice(text);
    if weekday_number(w).is_some() || month_number(w).is_some() && w.len() > 2 {
        return false;
    }
    // A capitalized particle opens a name ("Dos Santos", "Al Thani").
    let class = u.class;
    class == 0 || u.key == UNKNOWN || class == NAME_PARTICLE
}

fn is_name_particle(u: &Unit, text: &str) -> bool {
    u.class & NAME_PARTICLE != 0 || u.span.slice(text) == "-"
}

/// Picks the components (longest valid phrase at each position, no overlaps) of one sentence.
fn components(
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    matches: &[PhraseMatch],
    out: &mut Vec<Component>,
) {
    // Matches come ordered by start; those sharing a start are contiguous.
    // (At most one component per match: room for all at once.)
    out.clear();
    out.reserve(matches.len());
    let mut next_free = range.start;
    let mut i = 0;
    while i < matches.len() {
        let start = matches[i].start;
        let mut j = i;
        while j < matches.len() && matches[j].start == start {
            j += 1;
        }
        let group = &matches[i..j];
        i = j;
        if start < next_free {
            continue;
        }
        let usable = |x: &&PhraseMatch| {
            !matches!(
                x.sense.referent,
                Referent::Context(_)
                    | Referent::EventNoun(_)
                    | Referent::Discard { .. }
                    | Referent::Issue(_)
                    | Referent::IssueIgnore
            ) && (!x.sense.ambiguous || ambiguity_ok(units, text, range.clone(), x))
        };
        // The longest usable match starting here, with all its senses.
        let Some(end) = group.iter().filter(usable).map(|x| x.end).max() else {
            continue;
        };
        for x in group.iter().filter(usable).filter(|x| x.end == end) {
            out.push(Component {
                start: x.start,
                end: x.end,
                referent: x.sense.referent,
                ambiguous: x.sense.ambiguous,
            });
        }
        next_free = end;
    }
}

/// An ambiguous phrase ("Jordan", "Georgia", "Chad") needs to stand alone: not inside a longer
/// run of capitalized unknown words ("Michael Jordan", "Chad Smith"), and capitalized.
fn ambiguity_ok(units: &[Unit], text: &str, range: Range<usize>, m: &PhraseMatch) -> bool {
    if !units[m.start].is(CAPITALIZED) {
        return false;
    }
    // A capitalized open-class word before it is a first name ("Michael Jordan").
    let prev_name = m.start > range.start && is_name_word(&units[m.start - 1], text);
    let next_name = m.end < range.end && is_name_word(&units[m.end], text);
    !(prev_name || next_name)
}

/// Assembles the mentions of one sentence (units `range` of the article).
pub fn mentions(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    matches: &[PhraseMatch],
) -> Vec<Mention> {
    let mut out = Vec::new();
    mentions_into(lex, units, text, range, matches, &mut out);
    out
}

/// [`mentions`] into `out`, which it clears first: a list kept from sentence to sentence is
/// allocated once, not once a sentence.
pub fn mentions_into(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    matches: &[PhraseMatch],
    out: &mut Vec<Mention>,
) {
    // (The components' list is the thread's, kept from sentence to sentence.)
    let mut comps = COMPONENTS.take();
    components(units, text, range.clone(), matches, &mut comps);
    mentions_from_components(lex, units, text, range, matches, &comps, out);
    COMPONENTS.set(comps);
}

thread_local! {
    /// The list [`mentions_into`] finds a sentence's components in, kept for the next sentence.
    static COMPONENTS: std::cell::Cell<Vec<Component>> = const { std::cell::Cell::new(Vec::new()) };
}

/// [`mentions_into`], the components found.
fn mentions_from_components(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    matches: &[PhraseMatch],
    comps: &[Component],
    out: &mut Vec<Mention>,
) {
    out.clear();
    // Room for the pieces and the mentions added after them, so that the list is not grown
    // several times.
    out.reserve(comps.len() + 4);
    let mut ci = 0;
    while ci < comps.len() {
        // All components on the same span are alternative senses of one phrase.
        let c0 = comps[ci];
        let first = ci;
        while ci + 1 < comps.len() && comps[ci + 1].start == c0.start {
            ci += 1;
        }
        ci += 1;
        let group = &comps[first..ci];
        let (start, end) = (c0.start, c0.end);
        let mut piece = Mention {
            units: start..end,
            span: units[start].span.cover(units[end - 1].span),
            ..Mention::default()
        };
        for c in group {
            piece.ambiguous |= c.ambiguous;
            match c.referent {
                Referent::StateName(s) => piece.state = Some((s, StateForm::Name)),
                Referent::StateAdjective(s) => {
                    if !matches!(piece.state, Some((_, StateForm::Name))) {
                        piece.state = Some((s, StateForm::Adjective))
                    }
                }
                Referent::StateDemonym(s) => {
                    // "Hungarian" is an adjective and a demonym: the adjective wins, so it can join a role.
                    if piece.state.is_none() {
                        piece.state = Some((s, StateForm::Demonym))
                    }
                }
                Referent::StateCombining(s) => {
                    // Only before "-" + another state adjective ("Sino-Indian").
                    // ("Indo-Pacific" is a region: no state follows.)
                    let ok = end + 1 < range.end
                        && units[end].span.slice(text) == "-"
                        && comps.iter().any(|n| {
                            n.start == end + 1
                                && matches!(
                                    n.referent,
                                    Referent::StateAdjective(_)
                                        | Referent::StateName(_)
                                        | Referent::StateDemonym(_)
                                )
                        });
                    if ok && piece.state.is_none() {
                        piece.state = Some((s, StateForm::Adjective));
                    }
                }
                Referent::Capital(s) => {
                    if piece.state.is_none() {
                        piece.state = Some((s, StateForm::Capital))
                    }
                }
                Referent::Seat { state, sector } => {
                    piece.state = Some((state, StateForm::Seat(sector)))
                }
                Referent::Organization {
                    org,
                    sector,
                    official,
                } => piece.org = Some((org, sector, official)),
                Referent::Agent(a) => piece.agent = Some(a),
                Referent::Group(g) => piece.group = Some(g),
                Referent::Person(p) => {
                    piece.person = Some(p);
                    piece.name = Some(piece.span);
                }
                Referent::Place(p) => piece.place = Some(p),
                Referent::Outlet(o) => piece.outlet = Some(o),
                Referent::Context(_)
                | Referent::EventNoun(_)
                | Referent::Discard { .. }
                | Referent::Issue(_)
                | Referent::IssueIgnore => {}
            }
        }
        // A person reading wins over a place or state reading of the same words ("Jordan" after a title is handled by ambiguity).
        if piece.person.is_some() && piece.org.is_none() {
            piece.state = None;
            piece.place = None;
            piece.agent = None;
        }
        // "-" after a state adjective that is not followed by a role: a modifier ("Tajik-Afghan border").
        // (The piece joins the mention before it, the last of the list, or starts its own.)
        match out.last_mut() {
            Some(m) if can_join(lex, units, text, m, &piece) => absorb(m, piece),
            _ => out.push(piece),
        }
    }
    for i in 0..out.len() {
        let next_start = out.get(i + 1).map_or(range.end, |n| n.units.start);
        let m = &mut out[i];
        attach_name(
            lex,
            units,
            text,
            range.start..next_start.max(m.units.end),
            m,
        );
        decorate(lex, units, range.clone(), m);
        let first = &units[m.units.start];
        let last = &units[m.units.end - 1];
        let tok_starts_before = m.units.start > 0 && units[m.units.start - 1].token == first.token;
        let tok_ends_after = m.units.end < units.len() && units[m.units.end].token == last.token;
        // "US$6.2 million", "HK$": a state glued to a currency sign is money, not an actor.
        let currency = m.units.end < range.end
            && units[m.units.end].span.start == last.span.end
            && matches!(units[m.units.end].span.slice(text), "$" | "€" | "£" | "¥");
        // "pro-Russian separatists", "an anti-Syrian editor": a stance toward the state, not
        // the actor's state. The role stays an actor, without that state.
        // ("an anti-government rally": a stance toward a role alone leaves no actor.)
        let stance = tok_starts_before && after_stance_prefix(units, text, m.units.start);
        let toward_state = stance && m.state.is_some();
        if stance {
            m.state = None;
            m.extra_states.clear();
        }
        let keeps_stance =
            toward_state && (m.agent.is_some() || m.org.is_some() || m.group.is_some());
        m.partial = (tok_starts_before && !keeps_stance) || tok_ends_after || currency;
        // "military aid", "police station": a lone role word before a noun is a modifier.
        let lone_role = m.is_bare_role() && m.units.len() == 1;
        if lone_role && m.units.end < range.end && is_plain_noun(&units[m.units.end], text) {
            m.partial = true;
        }
        if names_place_before_noun(units, text, range.clone(), m) {
            m.state = None;
        }
    }
    sort_by_start(out);
    merge_role_of(lex, units, text, range.clone(), out);
    // Units inside an event noun ("Air raids", "Kenyan demonstrations"): no name, no people.
    let in_event_noun = event_noun_set(matches, range.clone());
    add_bare_names(lex, units, text, range.clone(), &in_event_noun, out);
    add_people_nouns(lex, units, text, range.clone(), &in_event_noun, out);
    add_references(lex, units, range.clone(), out);
    sort_by_start(out);
    merge_appositions(units, text, out);
    merge_compound_adjectives(lex, units, text, out);
    sort_by_start(out);
    qualify_places(lex, units, text, out);
    spread_place_phrases(lex, units, text, out);
    absorb_acronyms(units, text, range, out);
}

/// Puts mentions in the order of their first units, keeping the order of those that start
/// together; a list already in order (the usual case) is only read.
fn sort_by_start(out: &mut [Mention]) {
    if !out.is_sorted_by_key(|m| m.units.start) {
        out.sort_by_key(|m| m.units.start);
    }
}

/// "the Kabul attack", "a Tehran rally", "the Moscow talks": a capital alone after a
/// determiner and before a lowercase word modifies that noun. It says where, not who: no
/// government stands after "the" or "a" ("the Kabul government" holds a role, and stays).
fn names_place_before_noun(units: &[Unit], text: &str, range: Range<usize>, m: &Mention) -> bool {
    let capital_alone = matches!(m.state, Some((_, StateForm::Capital)))
        && m.place.is_some()
        && m.is_role_free()
        && m.group.is_none()
        && m.name.is_none();
    capital_alone
        && m.units.start > range.start
        && units[m.units.start - 1].class & DET != 0
        && m.units.end < range.end
        && is_lowercase_word(&units[m.units.end], text)
}

/// A word whose first letter is lowercase ("gear", "talks"; not "Kabul", "2021", ",").
fn is_lowercase_word(u: &Unit, text: &str) -> bool {
    u.is(WORD)
        && u.span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// A lowercase word of no class that is no verb: a common noun a role word before it modifies
/// ("military aid", "official news agency").
///
/// (A noun of positions or premises has a class, `holding`, so it is no modifier's head: in
/// "rebel positions" and "militant hideouts" the role is the party.)
pub(super) fn is_plain_noun(u: &Unit, text: &str) -> bool {
    is_lowercase_word(u, text) && u.class == 0 && !u.is(crate::lexicon::VERB)
}

/// "the European Union (EU)", "the International Atomic Energy Agency (IAEA)": an acronym in
/// parentheses right after an actor is part of its mention (and no mention of its own), so
/// the mention still ends right before its verb.
fn absorb_acronyms(units: &[Unit], text: &str, range: Range<usize>, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < out.len() {
        let end = out[i].units.end;
        let acronym = end + 2 < range.end
            && units[end].span.slice(text) == "("
            && units[end + 1].is(WORD)
            && units[end + 1].is(ALL_CAPS)
            && units[end + 2].span.slice(text) == ")"
            && out[i].is_actor();
        if !acronym {
            i += 1;
            continue;
        }
        let new_end = end + 3;
        // ("LONDON (AP)": a news outlet's name is the source of the story, kept apart.)
        let inside = |m: &Mention| m.units.start >= end && m.units.end <= new_end;
        if out.iter().any(|m| inside(m) && m.outlet.is_some()) {
            i += 1;
            continue;
        }
        out.retain(|m| !inside(m));
        let m = &mut out[i];
        m.units.end = new_end;
        m.span = m.span.cover(units[new_end - 1].span);
        m.possessive = new_end < range.end && units[new_end].class & POSS_MARK != 0;
        i += 1;
    }
}

/// "Lawmakers in Fornost and Gondor": a place phrase after an actor holds every place joined
/// by "and", "or" or commas, so each conjunct is after the preposition too (no subject of
/// the verb that follows).
fn spread_place_phrases(lex: &Lexicon, units: &[Unit], text: &str, out: &mut [Mention]) {
    let place = |m: &Mention| m.is_role_free() && (m.state.is_some() || m.place.is_some());
    for i in 1..out.len() {
        let (owner, first) = (&out[i - 1], &out[i]);
        let after_actor = first.units.start == owner.units.end + 1
            && units[owner.units.end].class & PREP_LOC != 0
            && !owner.after_prep_loc
            && owner.is_actor();
        if !(first.after_prep_loc && after_actor && place(first)) {
            continue;
        }
        // A chain of commas counts only once an "and" or "or" closes it ("Alexandria,
        // Virginia" is one place).
        let (mut j, mut closed) = (i + 1, i + 1);
        while j < out.len() && place(&out[j]) && !out[j].after_prep_loc {
            let gap = out[j - 1].units.end..out[j].units.start;
            let is_and = |q: usize| units[q].key == lex.keys.and || units[q].key == lex.keys.or;
            let joined = !gap.is_empty()
                && gap.len() <= 3
                && gap.clone().all(|q| {
                    is_and(q) || units[q].class & DET != 0 || units[q].span.slice(text) == ","
                });
            if !joined {
                break;
            }
            j += 1;
            if gap.clone().any(is_and) {
                closed = j;
                break;
            }
        }
        for m in &mut out[i + 1..closed] {
            m.after_prep_loc = true;
        }
    }
}

/// "Alexandria, Virginia", "Tripoli, Lebanon": a place written with its region or state after a
/// comma is the place there. An ambiguous name takes that place's reading, so neither the
/// event's location nor an actor placed there borrows another state.
fn qualify_places(lex: &Lexicon, units: &[Unit], text: &str, out: &mut [Mention]) {
    for i in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[i], &out[i + 1]);
        let bare = |m: &Mention| m.is_role_free() && m.group.is_none();
        let comma_between =
            b.units.start == a.units.end + 1 && units[a.units.end].span.slice(text) == ",";
        if !(a.ambiguous && a.place.is_some() && bare(a) && bare(b) && comma_between) {
            continue;
        }
        let b_country = match (b.place, b.state) {
            (Some(p), _) if !b.ambiguous => lex.places[p].iso3.as_str(),
            (None, Some((st, _))) => lex.states[st].iso3.as_str(),
            _ => continue,
        };
        // Another reading of the same name in that state, else the qualifier itself.
        let same_name = lex
            .find(a.span.slice(text))
            .into_iter()
            .find_map(|(_, r)| match r {
                Referent::Place(p) if lex.places[p].iso3 == b_country => Some(p),
                _ => None,
            });
        let place = same_name.or(b.place);
        if let Some(p) = place {
            out[i].place = Some(p);
            out[i].ambiguous = false;
        }
    }
}

/// Whether unit `start` follows a stance prefix and a hyphen in the same token ("pro-", "anti-").
fn after_stance_prefix(units: &[Unit], text: &str, start: usize) -> bool {
    start >= 2
        && units[start - 1].span.slice(text) == "-"
        && units[start - 2].token == units[start].token
        && units[start - 2].class & STANCE != 0
}

fn gap_is_possessive(units: &[Unit], from: usize, to: usize) -> bool {
    to == from + 1 && units[from].class & POSS_MARK != 0
}

fn can_join(lex: &Lexicon, units: &[Unit], text: &str, m: &Mention, p: &Mention) -> bool {
    let adjacent = p.units.start == m.units.end;
    let possessive = gap_is_possessive(units, m.units.end, p.units.start);
    // "Vietnamese-led forces", "U.S.-led coalition": the leader's state joins the group.
    let led = p.units.start == m.units.end + 2
        && units[m.units.end].span.slice(text) == "-"
        && units[m.units.end + 1].class & LEADING != 0
        && p.agent.is_some()
        && m.state.is_some();
    // "Chinese strategic bombers": a state adjective, plain modifiers, then a role.
    let modified = p.agent.is_some()
        && m.agent.is_none()
        && m.person.is_none()
        && matches!(m.state, Some((_, StateForm::Adjective)))
        && p.units.start > m.units.end
        && p.units.start <= m.units.end + 2
        && (m.units.end..p.units.start).all(|q| {
            // Plain modifiers, nouns included ("trade" in "Chilean trade negotiator"), but no
            // finite verb ("Israeli strikes killed Hamas fighters").
            let w = units[q].span.slice(text);
            units[q].is(WORD)
                && w.chars().all(|ch| ch.is_lowercase())
                && units[q].class == 0
                && lex.verb_patterns(units[q].key).iter().all(|(_, f)| {
                    !f.has(crate::lexicon::VerbForms::PAST | crate::lexicon::VerbForms::THIRD)
                })
        });
    let owned = possessor_modified(lex, units, text, m, p);
    if !(adjacent || possessive || led || modified || owned) {
        return false;
    }
    // "the Bush administration", "the Putin government": a leader's name before a government noun.
    let leaders_government = m.person.is_some()
        && adjacent
        && p.agent.is_some_and(|a| {
            let a = &lex.agents[a];
            a.sector == Sector::Gov && !a.flags.title
        })
        && p.person.is_none()
        && p.state.is_none();
    if (m.person.is_some() || m.name.is_some() || m.outlet.is_some() && m.state.is_none())
        && !leaders_government
    {
        return false;
    }
    if p.outlet.is_some() && p.agent.is_none() && p.org.is_none() {
        return false;
    }
    if p.is_place_only() {
        return false;
    }
    // "Bree Prime Minister Romendacil", where a PETRARCH actor file codes the name with its
    // state's code alone: the name of the role's holder, not a second state. A one-word
    // name after a state's role holds that role whatever state the file gives it ("Ithilen's
    // minister Calimehtar": the first state of the phrase is the actor's).
    let holder = adjacent
        && m.agent.is_some()
        && p.group.is_none()
        && p.is_role_free()
        && match (m.state, p.state) {
            (Some((a, _)), Some((b, StateForm::Name))) => a == b || p.units.len() == 1,
            _ => false,
        };
    // "MSF Arnor": a PETRARCH prefix agent (`[NGO~]`) stands before the actor it qualifies.
    let prefixed = adjacent
        && m.state.is_none()
        && m.group.is_none()
        && m.agent.is_some_and(|a| lex.agents[a].flags.prefix);
    if p.state.is_some() && p.is_role_free() && !holder && !prefixed {
        // A second state: only "Tajik Ministry"-style joins happen through roles, not states.
        return false;
    }
    if p.org.is_some() && (m.org.is_some() || m.agent.is_some()) {
        return false;
    }
    if p.group.is_some() && (m.group.is_some() || m.agent.is_some() || m.org.is_some()) {
        return false;
    }
    if p.agent.is_some() && m.agent.is_some() {
        // "foreign ministry spokesman": roles stack; the last is the head.
        return !possessive;
    }
    true
}

/// "Ithilen's awful and evil minister", "Dagolath's first Deputy Prime Minister": a state's
/// possessive, up to four modifiers (plain words, "and", "or"; no verb), then the role `p`
/// the state owns.
fn possessor_modified(lex: &Lexicon, units: &[Unit], text: &str, m: &Mention, p: &Mention) -> bool {
    let mark = m.units.end;
    let owner = m.state.is_some()
        && m.agent.is_none()
        && m.person.is_none()
        && m.name.is_none()
        && m.org.is_none()
        && m.group.is_none();
    if !(owner && p.agent.is_some() && mark < units.len() && units[mark].class & POSS_MARK != 0) {
        return false;
    }
    let between = mark + 1..p.units.start;
    if between.is_empty() || between.len() > 4 {
        return false;
    }
    between.clone().all(|q| {
        let u = &units[q];
        let w = u.span.slice(text);
        let joiner = u.key == lex.keys.and || u.key == lex.keys.or;
        // (A participle may be a verb: "Eriador's attack displaced officials".)
        let verbal = w.ends_with("ed")
            || w.ends_with("ing")
            || lex.verb_patterns(u.key).iter().any(|(_, f)| {
                f.has(crate::lexicon::VerbForms::PAST | crate::lexicon::VerbForms::THIRD)
            });
        u.is(WORD) && (joiner || u.class == 0 && !verbal)
    }) && units[between.start].class & CONJ == 0
        && units[between.end - 1].class & CONJ == 0
}

fn absorb(m: &mut Mention, p: Mention) {
    m.units.end = p.units.end;
    m.span = m.span.cover(p.span);
    if p.state.is_some() && m.state.is_none() {
        m.state = p.state;
    }
    if p.org.is_some() {
        m.org = p.org;
    }
    if p.group.is_some() {
        m.group = p.group;
    }
    if let Some(a) = p.agent {
        // A role with a title flag or any later role becomes the head.
        m.agent = Some(a);
    }
    if p.person.is_some() {
        m.person = p.person;
        m.name = p.name;
    } else if m.person.is_some() && p.agent.is_some() {
        // "the Bush administration" is the government, not the person.
        m.name = None;
    }
    m.ambiguous &= p.ambiguous;
}

/// Capitalized words after a title ("Foreign Minister Sirojiddin Muhriddin") become the name;
/// after any other role, a full name of two words or more does ("U.S. reporter Evan
/// Gershkovich", "Canadian citizens Michael Kovrig and Michael Spavor").
fn attach_name(lex: &Lexicon, units: &[Unit], text: &str, range: Range<usize>, m: &mut Mention) {
    if m.name.is_some() || m.agent.is_none() && m.org.is_none_or(|(_, _, official)| !official) {
        return;
    }
    let title =
        m.agent.is_some_and(|a| lex.agents[a].flags.title) || m.org.is_some_and(|(_, _, o)| o);
    let min_words = if title { 1 } else { 2 };
    let mut j = m.units.end;
    let mut last_word = None;
    while j < range.end && j - m.units.end < 6 {
        let u = &units[j];
        if is_name_word(u, text) {
            last_word = Some(j);
        } else if !(is_name_particle(u, text) && last_word.is_some()) {
            break;
        }
        j += 1;
    }
    if let Some(last) = last_word.filter(|&l| l + 1 - m.units.end >= min_words) {
        let span = units[m.units.end].span.cover(units[last].span);
        m.name = Some(span);
        m.units.end = last + 1;
        m.span = m.span.cover(span);
    }
}

fn decorate(lex: &Lexicon, units: &[Unit], range: Range<usize>, m: &mut Mention) {
    if m.units.end < range.end {
        m.possessive = units[m.units.end].class & POSS_MARK != 0;
    }
    // Look back over determiners and possessive pronouns to the governing preposition.
    // A place also looks back over words of direction: "in northern Iraq", "in east Beirut",
    // "on the outskirts of Kabul".
    // A capital named after the noun also looks back over it: "in the capital, Tehran", "in
    // the Kenyan capital Nairobi".
    let mut j = m.units.start;
    let CommonKeys {
        of, capital, comma, ..
    } = lex.keys;
    let is_capital = matches!(m.state, Some((_, StateForm::Capital)));
    loop {
        while j > range.start && units[j - 1].class & (DET | POSS | DIRECTION) != 0 {
            j -= 1;
        }
        let part_of =
            j >= range.start + 2 && units[j - 1].key == of && units[j - 2].class & DIRECTION != 0;
        if part_of {
            j -= 2;
            continue;
        }
        let mut k = j;
        if k > range.start && units[k - 1].key == comma {
            k -= 1;
        }
        if !is_capital || k < range.start + 2 || units[k - 1].key != capital {
            break;
        }
        k -= 1;
        // "the Kenyan capital": a state adjective before the noun.
        if k > range.start + 1 && units[k - 1].is(CAPITALIZED) && units[k - 2].class & DET != 0 {
            k -= 1;
        }
        if units[k - 1].class & DET == 0 {
            break;
        }
        j = k;
    }
    // "the (top) officials": a definite determiner up to two plain modifiers before.
    let mut d = m.units.start;
    while d > range.start && d + 2 > m.units.start && {
        let u = &units[d - 1];
        u.class == 0 && u.is(WORD) && !u.is(CAPITALIZED)
    } {
        d -= 1;
    }
    m.definite = d > range.start && units[d - 1].class & DEFINITE != 0;
    // Skip "all", numbers and quantifiers between a preposition and the mention.
    if j > range.start {
        let c = units[j - 1].class;
        m.after_prep_loc = c & PREP_LOC != 0;
        if c & (PREP | BY) != 0 {
            m.after_prep = Some(units[j - 1].key);
        }
        m.addressee = units[j - 1].key == lex.keys.told;
    }
}

/// Pronouns and collectives ("he", "they", "the two ministers") as mentions to resolve later.
fn add_references(lex: &Lexicon, units: &[Unit], range: Range<usize>, out: &mut Vec<Mention>) {
    for m in out.iter_mut() {
        if let Some(a) = m.agent {
            let flags = lex.agents[a].flags;
            if flags.collective && m.state.is_none() && m.org.is_none() && m.name.is_none() {
                m.reference = Some(Reference::Plural);
            }
        }
    }
    for i in range.clone() {
        let u = &units[i];
        if u.class & PRON == 0 || out.iter().any(|m| m.units.contains(&i)) {
            continue;
        }
        let class = u.class;
        let r = if class & PRON_PERSON != 0 {
            Reference::Person
        } else if class & PRON_THING != 0 {
            Reference::Thing
        } else if class & PRON_PLURAL != 0 {
            Reference::Plural
        } else if class & PRON_SPEAKER != 0 {
            Reference::Speaker
        } else {
            continue;
        };
        let mut m = Mention {
            units: i..i + 1,
            span: u.span,
            reference: Some(r),
            ..Mention::default()
        };
        decorate(lex, units, range.clone(), &mut m);
        out.push(m);
    }
}

/// "Iraqi Kurds", "Palestinian youths", "Algerian landowners": a bare state adjective before a
/// plural noun is a group of that state's people.
///
/// `in_event_noun` holds the units inside an event noun ([`event_noun_set`]).
fn add_people_nouns(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    in_event_noun: &UnitSet,
    out: &mut [Mention],
) {
    for m in out.iter_mut() {
        let bare_adjective =
            matches!(m.state, Some((_, StateForm::Adjective))) && m.is_role_free() && !m.partial;
        if !bare_adjective || m.units.end >= range.end {
            continue;
        }
        let n = &units[m.units.end];
        let w = n.span.slice(text);
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s");
        // "Kenyan demonstrations" are events, not people.
        let event_noun = in_event_noun.contains(m.units.end);
        if n.is(WORD)
            && plural
            && !event_noun
            && n.class == 0
            && lex
                .verb_patterns(n.key)
                .iter()
                .all(|(_, f)| !f.has(crate::lexicon::VerbForms::THIRD))
        {
            m.people = true;
            m.units.end += 1;
            m.span = m.span.cover(n.span);
        }
    }
}

/// The units of `range` inside an event noun ("Air raids", "Kenyan demonstrations").
fn event_noun_set(matches: &[PhraseMatch], range: Range<usize>) -> UnitSet {
    let mut inside = UnitSet::new(range);
    for m in matches {
        if matches!(m.sense.referent, Referent::EventNoun(_)) {
            inside.insert_range(m.start..m.end);
        }
    }
    inside
}

/// For each unit of `range`, whether it is inside an event noun, from its `skip`-th word on,
/// into `inside`, which it clears first (left empty when the sentence has no event noun;
/// read it with `get`).
pub(crate) fn event_noun_units_into(
    matches: &[PhraseMatch],
    range: Range<usize>,
    skip: usize,
    inside: &mut Vec<bool>,
) {
    inside.clear();
    for m in matches {
        if matches!(m.sense.referent, Referent::EventNoun(_)) {
            if inside.is_empty() {
                inside.resize(range.len(), false);
            }
            for q in (m.start + skip).max(range.start)..m.end.min(range.end) {
                inside[q - range.start] = true;
            }
        }
    }
}

/// Personal names the lexicon does not know: a run of capitalized unknown words (with name
/// particles: "Ali bin Hamad", "Ursula von der Leyen"), or one such word after a courtesy title
/// ("Ms. Ruiz", "H.E. Mr Obi"), when it stands where an actor does:
/// - before a verb of saying or a finite event verb ("Smith criticized Russia", "Ruiz said");
/// - before an apposition that gives the role ("Maria Lopez, the ministry's chief negotiator").
///
/// A single capitalized word opening the sentence is a name only before a verb of saying or
/// after a title: "Exports hit a record" has no actor. Words of an event noun ("Air raids",
/// "Hunger strikes", held in `in_event_noun`) are no name.
fn add_bare_names(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    in_event_noun: &UnitSet,
    out: &mut Vec<Mention>,
) {
    // The units inside an event noun or a mention (the names added below included), so
    // that a unit is not compared with every mention.
    let mut taken = in_event_noun.clone();
    for m in out.iter() {
        taken.insert_range(m.units.clone());
    }
    let mut i = range.start;
    while i < range.end {
        // (Only a possessive, a title or a capitalized word may open a name.)
        if !may_open_name(&units[i]) {
            i += 1;
            continue;
        }
        // A courtesy title ("His Excellency", "Mr.") opens a name.
        let mut title_start = None;
        let mut j = i;
        if units[j].class & POSS != 0 && j + 1 < range.end && units[j + 1].class & HONORIFIC != 0 {
            title_start = Some(j);
            j += 1;
        }
        while j < range.end && units[j].class & HONORIFIC != 0 && !taken.contains(j) {
            title_start.get_or_insert(j);
            j += 1;
        }
        let name_start = j;
        let mut last_word = None;
        while j < range.end && j - name_start < 6 && !taken.contains(j) {
            if is_name_word(&units[j], text) {
                last_word = Some(j);
            } else if !(is_name_particle(&units[j], text) && last_word.is_some()) {
                break;
            }
            j += 1;
        }
        let Some(last) = last_word else {
            i = j.max(i + 1);
            continue;
        };
        let end = last + 1;
        let words = end - name_start;
        let titled = title_start.is_some();
        // Adverbs and times may stand between the name and its verb ("Ms. Ruiz also met",
        // "Ruiz later criticized").
        let mut next = end;
        while next < range.end && units[next].class & (ADV | TIME) != 0 {
            next += 1;
        }
        let next_class = if next < range.end {
            units[next].class
        } else {
            0
        };
        let possessive = next < range.end && gap_is_possessive(units, next, next + 1);
        let reporting = next_class & REPORT != 0;
        let finite_verb = next < range.end
            && units[next].is(WORD)
            && !units[next].is(CAPITALIZED)
            && lex.verb_patterns(units[next].key).iter().any(|(_, f)| {
                f.has(crate::lexicon::VerbForms::PAST | crate::lexicon::VerbForms::THIRD)
            });
        let auxiliary = next_class & (BE | HAVE | FUTURE | HYPO | NEG) != 0;
        let apposition = next + 1 < range.end
            && units[next].span.slice(text) == ","
            && out.iter().any(|m| {
                apposition_start(units, text, next + 1, m.units.start) == m.units.start
                    && m.agent.is_some()
                    && m.name.is_none()
            });
        // A lone capitalized word opening the sentence may be a common noun ("Exports hit a
        // record"): it is a name only before a verb of saying, or when an actor follows the
        // verb ("Smith criticized Russia").
        let sentence_initial_word = name_start == range.start && words == 1 && !titled;
        // A name stands alone: not after a preposition or determiner ("inhabitants of the Golan
        // Heights threatened"), not glued to another mention ("US Predator attacks"), and its
        // verb is not the head of another mention ("Moslem forces").
        let first = title_start.unwrap_or(name_start);
        // (An organisation's name of two words or more may open the sentence after "The":
        // "The Homeland Union criticized ...".)
        let opening_article = first == range.start + 1
            && words >= 2
            && units[range.start].class & DET != 0
            && units[range.start].is(CAPITALIZED);
        let alone = first == range.start || opening_article || {
            let prev = first - 1;
            units[prev].class & (PREP | PREP_LOC | BY | DET) == 0 && !taken.contains(prev)
        };
        let verb_free = !taken.contains(next);
        let actor_follows = || {
            out.iter()
                .any(|m| m.units.start > next && m.units.start <= next + 8 && m.is_actor())
        };
        let stands_as_actor = reporting
            || alone
                && verb_free
                && (finite_verb || auxiliary || apposition || possessive)
                && (!sentence_initial_word || finite_verb && actor_follows());
        // "Canadian citizens Michael Kovrig and Michael Spavor": a name coordinated with a
        // named role shares its role and state.
        let conjunct = (first > range.start + 1 && units[first - 1].class & CONJ != 0)
            .then(|| {
                out.iter()
                    .find(|m| m.units.end == first - 1 && m.name.is_some())
            })
            .flatten()
            .cloned();
        if stands_as_actor || conjunct.is_some() {
            let mut m = Mention {
                units: first..end,
                span: units[first].span.cover(units[last].span),
                name: Some(units[name_start].span.cover(units[last].span)),
                ..Mention::default()
            };
            if let Some(c) = conjunct {
                m.state = c.state;
                m.agent = c.agent;
                m.org = c.org;
                m.group = c.group;
            }
            decorate(lex, units, range.clone(), &mut m);
            taken.insert_range(m.units.clone());
            out.push(m);
        }
        i = end;
    }
}

/// Whether a name may start at unit `u` ([`add_bare_names`]): a possessive pronoun before a
/// title ("His Excellency"), a courtesy title, or a capitalized word ([`is_name_word`] asks
/// more).
fn may_open_name(u: &Unit) -> bool {
    u.class & (POSS | HONORIFIC) != 0 || u.is(WORD) && u.is(CAPITALIZED)
}

/// "Nasser Kanani, the foreign ministry spokesman, said": the role joins the name.
/// Where an apposition's mention starts: after determiners, possessives and up to three plain
/// modifiers from `from` ("a senior Chilean trade negotiator", "the ministry's chief
/// negotiator"), stopping at `limit`.
fn apposition_start(units: &[Unit], text: &str, from: usize, limit: usize) -> usize {
    let mut k = from;
    let mut modifiers = 0;
    while k < limit {
        let u = &units[k];
        let class = u.class;
        if class & (DET | POSS) != 0 {
            k += 1;
        } else if modifiers < 3 && class == 0 && is_lowercase_word(u, text) {
            modifiers += 1;
            k += 1;
        } else {
            break;
        }
    }
    k
}

fn merge_appositions(units: &[Unit], text: &str, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let comma = a.units.end < units.len() && units[a.units.end].span.slice(text) == ",";
        let j = apposition_start(units, text, a.units.end + 1, b.units.start);
        let named = a.name.is_some() && a.agent.is_none() && a.state.is_none() && a.org.is_none();
        // "Evan Gershkovich, a U.S. citizen": the apposition gives the nationality.
        let nationality = a.name.is_some()
            && a.state.is_none()
            && a.org.is_none()
            && b.state.is_some()
            && b.name.is_none()
            && b.person.is_none()
            && b.org.is_none()
            && j > a.units.end + 1;
        if comma && j == b.units.start && nationality && !named {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.state = b.state.map(|(st, _)| (st, StateForm::Adjective));
            a.units.end = b.units.end;
            a.span = a.span.cover(b.span);
            i += 1;
            continue;
        }
        if comma
            && j == b.units.start
            && named
            && b.agent.is_some()
            && b.name.is_none()
            && b.reference.is_none()
        {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.agent = b.agent;
            if a.state.is_none() {
                a.state = b.state;
            }
            if a.org.is_none() {
                a.org = b.org;
            }
            a.units.end = b.units.end;
            a.span = a.span.cover(b.span);
        }
        // "his Brazilian counterpart, Luiz Inacio Lula da Silva, signed": a role then, set off
        // by commas on both sides, the name of who holds it.
        let (a, b) = (&out[i], &out.get(i + 1));
        let role =
            a.agent.is_some() && a.name.is_none() && a.person.is_none() && a.reference.is_none();
        let closed = b.is_some_and(|b| {
            b.units.end < units.len()
                && units[b.units.end].span.slice(text) == ","
                && b.units.start == a.units.end + 1
                && (b.name.is_some() || b.person.is_some())
                && b.agent.is_none()
                && b.org.is_none()
                && b.state.is_none()
        });
        let comma = a.units.end < units.len() && units[a.units.end].span.slice(text) == ",";
        if comma && role && closed {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.person = b.person;
            a.name = b.name;
            a.units.end = b.units.end;
            a.span = a.span.cover(b.span);
        }
        i += 1;
    }
}

/// A role "of" (or "from") a state or organization: "the prime minister of Peru", "President
/// of the Republic of Kenya", "foreign ministers of Ghana and Togo", "the head of the IAEA", "a
/// delegation from Ecuador". The role takes the state (or organization, or the collective's
/// parties), and every further state joined by "and" or commas.
///
/// Capitalized words the lexicon does not know may stand between "of" and the state ("of the
/// Federal Democratic Republic of Ethiopia"): they are the state's long name.
fn merge_role_of(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Mention>,
) {
    let (of, from, and) = (lex.keys.of, lex.keys.from, lex.keys.and);
    let owner_at = |out: &[Mention], q: usize| -> Option<usize> {
        out.iter().position(|b| {
            b.units.start == q
                && !b.partial
                && b.agent.is_none()
                && b.person.is_none()
                && (matches!(b.state, Some((_, StateForm::Name | StateForm::Capital)))
                    || b.org.is_some_and(|(_, _, official)| !official)
                    || b.group.is_some()
                    || b.reference == Some(Reference::Plural))
        })
    };
    let mut i = 0;
    while i < out.len() {
        let a = &out[i];
        let role = a.agent.is_some()
            && a.state.is_none()
            && a.org.is_none()
            && a.group.is_none()
            && a.person.is_none();
        if !role
            || a.units.end + 1 >= range.end
            || units[a.units.end].key != of && units[a.units.end].key != from
        {
            i += 1;
            continue;
        }
        // "of" (the) (Federal Republic of) STATE
        let mut q = a.units.end + 1;
        while q < range.end && units[q].class & DET != 0 {
            q += 1;
        }
        let mut owner = owner_at(out, q);
        if owner.is_none() {
            let mut r = q;
            while r < range.end
                && r < q + 5
                && !out.iter().any(|m| m.units.contains(&r))
                && (units[r].is(CAPITALIZED) && units[r].class == 0 || units[r].key == of && r > q)
            {
                r += 1;
                if units[r - 1].key == of {
                    owner = owner_at(out, r);
                    if owner.is_some() {
                        break;
                    }
                }
            }
        }
        let Some(first) = owner else {
            i += 1;
            continue;
        };
        let mut owners = vec![first];
        // "of Ghana and Togo", "of Ghana, Togo and Benin"
        loop {
            let last = &out[*owners.last().expect("one owner")];
            let sep = last.units.end;
            if sep + 1 >= range.end
                || !(units[sep].key == and || units[sep].span.slice(text) == ",")
            {
                break;
            }
            let mut q = sep + 1;
            if units[q].key == and {
                q += 1;
            }
            match owner_at(out, q) {
                Some(b) if out[b].state.is_some() && out[first].state.is_some() => owners.push(b),
                _ => break,
            }
        }
        let end = out[*owners.last().expect("one owner")].units.end;
        let (state, org, group, reference) = {
            let b = &out[first];
            (b.state, b.org, b.group, b.reference)
        };
        let extra: Vec<StateId> = owners[1..]
            .iter()
            .filter_map(|&b| out[b].state.map(|(s, _)| s))
            .collect();
        let a = &mut out[i];
        a.state = state.map(|(s, _)| (s, StateForm::Name));
        a.org = org;
        a.group = group;
        a.reference = a.reference.or(reference);
        a.extra_states.extend(extra);
        a.units.end = end;
        a.span = units[a.units.start].span.cover(units[end - 1].span);
        a.possessive = end < range.end && gap_is_possessive(units, end, end + 1);
        for b in owners.into_iter().rev() {
            out.remove(b);
        }
        i += 1;
    }
}

/// "Hungarian and Romanian officials": the first adjective joins the second mention.
fn merge_compound_adjectives(lex: &Lexicon, units: &[Unit], text: &str, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let a_adj = matches!(
            out[i].state,
            Some((_, StateForm::Adjective | StateForm::Name))
        ) && out[i].is_role_free();
        let gap = &units[out[i].units.end];
        let comma = gap.span.slice(text) == ",";
        let gap_and = out[i].units.end + 1 == out[i + 1].units.start
            && (gap.key == lex.keys.and || gap.key == lex.keys.or || comma);
        // A comma lists adjectives only ("Hungarian, Romanian and Polish officials"): after a
        // state's name it ends the phrase ("sent weapons to Russia, South Korea's spy agency
        // said").
        let adjective = |m: &Mention| matches!(m.state, Some((_, StateForm::Adjective)));
        let comma_list = !comma || adjective(&out[i]) && adjective(&out[i + 1]);
        if a_adj
            && gap_and
            && comma_list
            && out[i + 1].agent.is_some()
            && matches!(
                out[i + 1].state,
                Some((_, StateForm::Adjective | StateForm::Name))
            )
        {
            let a = out.remove(i);
            let b = &mut out[i];
            if let Some((s, _)) = a.state {
                b.extra_states.push(s);
            }
            b.units.start = a.units.start;
            b.span = a.span.cover(b.span);
            // (The adjective before may join the merged phrase in turn: "Hungarian, Romanian
            // and Polish officials". Each merge removes a mention, so this ends.)
            i = i.saturating_sub(1);
            continue;
        }
        i += 1;
    }
}
