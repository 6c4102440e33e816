//! What the dictionaries describe: states, organizations, roles, people, places, outlets, event
//! patterns and contexts.

use super::ids::{
    AgentId, ContextId, GroupId, OrgId, OutletId, PatternId, PersonId, PlaceId, StateId,
};
use crate::ontology::Sector;
use chrono::NaiveDate;
use serde::Serialize;
use smol_str::SmolStr;

/// Where an entry came from: file and line, for explanations and error messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// `builtin:states.tsv` or a user file path.
    pub file: std::sync::Arc<str>,
    /// 1-based line.
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct State {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: SmolStr,
    /// CAMEO actor code.
    pub cameo: SmolStr,
    /// Canonical English name.
    pub name: SmolStr,
    /// Capital city.
    pub capital: Option<SmolStr>,
    /// `member`, `observer` or `other`.
    pub status: String,
}

/// A state that no longer exists (ISO 3166-3: SUN, YUG, CSK, DDR, ZAR, SCG) and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormerState {
    /// Its index in the lexicon's states.
    pub state: StateId,
    /// The present-day state whose capital and seats of power meant its government then.
    pub seat_of: Option<StateId>,
    /// First day of existence.
    pub from: NaiveDate,
    /// Last day of existence.
    pub to: NaiveDate,
}

/// An international organization (one per organization code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    /// Stable short code: EU, UN, NATO, ...
    pub code: SmolStr,
    /// CAMEO actor code.
    pub cameo: SmolStr,
    /// Its name.
    pub name: String,
}

/// A non-state group: an armed group, party or movement ("Hamas", "the Taliban", "BJP"); or a
/// named actor of a CAMEO actor dictionary (a person, a body, a group: [`crate::lexicon::petrarch`]),
/// whose CAMEO code may depend on the date ([`Group::dated`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Stable short code (HAMAS, TALIBAN, BJP).
    pub code: SmolStr,
    /// The state it is based in, if any (transnational groups have none).
    pub country: Option<SmolStr>,
    /// CAMEO actor code.
    pub cameo: SmolStr,
    /// Sector: INS, REB, SEP, UAF, PTY, OPP, RAD.
    pub sector: Sector,
    /// Codes by date, first match wins (empty for the built-in groups, whose code is `cameo`):
    /// `BARACK_OBAMA [USAELI 080101-090120] [USAGOV >090120]` in a PETRARCH actor dictionary.
    pub dated: Vec<DatedCode>,
}

/// A CAMEO actor code in force between two dates (either open), from a PETRARCH or TABARI
/// actor dictionary: `[USAGOV >090120]`, `[HOB <950601]`, `[HOBGOV 19950601-19990815]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedCode {
    /// The CAMEO actor code; `None` for a null code (`---`, `###`): no actor then.
    pub code: Option<SmolStr>,
    /// The state (its iso3 code in the lexicon) the code starts with, if any.
    pub country: Option<SmolStr>,
    /// The sector its first agent part names, if known.
    pub sector: Option<Sector>,
    /// First day (`>d` means from the day after `d`).
    pub from: Option<NaiveDate>,
    /// Last day (`<d` means up to the day before `d`).
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    /// Whether the code is in force on `date` (always, when it has no dates).
    pub fn covers(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(d) => self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
}

impl Group {
    /// The code in force on `date`: the first code with dates that cover it, else the first
    /// code without dates (the default, wherever it is listed: `SAM_GAMGEE [HOB]` then
    /// "[HOBGOV 20121109-20130119]" is HOBGOV in December 2012); with no date, the default,
    /// else the last code. `None` when the group has no dated codes, or none applies.
    ///
    /// ```
    /// use eventcoder::lexicon::{DatedCode, Group};
    /// use eventcoder::ontology::Sector;
    /// let code = |c: &str, from: Option<&str>, to: Option<&str>| DatedCode {
    ///     code: Some(c.into()), country: None, sector: None,
    ///     from: from.map(|d| d.parse().unwrap()), to: to.map(|d| d.parse().unwrap()),
    /// };
    /// let g = Group { code: "HOB".into(), country: None, cameo: "HOB".into(), sector: Sector::Unk,
    ///     dated: vec![code("HOB", None, None), code("HOBGOV", Some("2012-11-09"), Some("2013-01-19"))] };
    /// let on = |d: &str| g.code_on(Some(d.parse().unwrap())).unwrap().code.clone().unwrap();
    /// assert_eq!((on("2012-12-25").as_str(), on("2014-01-01").as_str()), ("HOBGOV", "HOB"));
    /// assert_eq!(g.code_on(None).unwrap().code.as_deref(), Some("HOB"));
    /// ```
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&DatedCode> {
        let undated = |c: &&DatedCode| c.from.is_none() && c.to.is_none();
        let dated = date.and_then(|_| self.dated.iter().find(|c| !undated(c) && c.covers(date)));
        dated
            .or_else(|| self.dated.iter().find(undated))
            .or_else(|| date.is_none().then(|| self.dated.last()).flatten())
    }
}

/// Flags of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AgentFlags {
    /// May directly precede a personal name.
    pub title: bool,
    /// The phrases are plural.
    pub plural: bool,
    /// Takes the role and state of the other party ("his Russian counterpart").
    pub counterpart: bool,
    /// Refers back to several earlier actors ("the two ministers").
    pub collective: bool,
    /// Weapons and vehicles ("drones", "tanks"): they stand for the forces that use them, whose
    /// state must be written ("Russian drones"); it is never inferred from context.
    pub equipment: bool,
    /// Aircraft and drones: force they use is aerial ("drones struck" is 195, not 190).
    pub aerial: bool,
    /// The role always belongs to this state (index into the lexicon's states): the pope is the
    /// Holy See's wherever he speaks.
    pub of_state: Option<StateId>,
    /// The agent code goes before the actor's code, not after it (`[HGM~]` in a PETRARCH agent
    /// dictionary: "Arnor human rights activist" is `HGMARN`).
    pub prefix: bool,
}

/// A role or sector noun: "foreign minister", "troops", "protesters".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agent {
    /// The first phrase of the row, as its name.
    pub name: String,
    /// CAMEO agent code.
    pub cameo: SmolStr,
    /// PLOVER sector.
    pub sector: Sector,
    /// Flags.
    pub flags: AgentFlags,
}

/// An office tracked in the office-holder table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Office {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    OrgHead,
    ForeignPolicyChief,
}

impl Office {
    /// Parses the `office` column.
    pub fn parse(s: &str) -> Option<Office> {
        Some(match s {
            "head_of_state" => Office::HeadOfState,
            "head_of_government" => Office::HeadOfGovernment,
            "foreign_minister" => Office::ForeignMinister,
            "defence_minister" => Office::DefenceMinister,
            "org_head" => Office::OrgHead,
            "foreign_policy_chief" => Office::ForeignPolicyChief,
            _ => return None,
        })
    }
    /// The office's name, as in the `office` column ("foreign_minister").
    ///
    /// ```
    /// use eventcoder::lexicon::Office;
    /// assert_eq!(Office::parse("foreign_minister").map(Office::as_str), Some("foreign_minister"));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Office::HeadOfState => "head_of_state",
            Office::HeadOfGovernment => "head_of_government",
            Office::ForeignMinister => "foreign_minister",
            Office::DefenceMinister => "defence_minister",
            Office::OrgHead => "org_head",
            Office::ForeignPolicyChief => "foreign_policy_chief",
        }
    }
    /// The sector an office holder acts for: every tracked office is part of the government
    /// (or, for organization heads, the organization's executive).
    pub fn sector(self) -> Sector {
        Sector::Gov
    }
}

/// What holds an office: a state or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolderKind {
    /// `holder` is an ISO3 state code.
    State,
    /// `holder` is the code of a row of `organizations.tsv` ("WHO", "IMF", "GCC").
    Organization,
}

/// One term of office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// ISO3 state code or organization code.
    pub holder: SmolStr,
    /// Which of the two `holder` is, decided when the row is read.
    pub holder_kind: HolderKind,
    /// The office.
    pub office: Office,
    /// First day.
    pub start: NaiveDate,
    /// Last day; `None` while in office.
    pub end: Option<NaiveDate>,
    /// Where the row is.
    pub origin: Origin,
}

impl Term {
    /// Whether `date` falls inside the term.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
}

/// "foreign_minister of TJK from 2006-12-01 to 2013-11-30 (builtin:officeholders_world.tsv:284)".
impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} of {} from {} ",
            self.office.as_str(),
            self.holder,
            self.start
        )?;
        match self.end {
            Some(e) => write!(f, "to {e}")?,
            None => f.write_str("(in office)")?,
        }
        write!(f, " ({})", self.origin)
    }
}

/// A person from the office-holder table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Canonical name.
    pub name: SmolStr,
    /// Terms in any office.
    pub terms: Vec<Term>,
}

impl Person {
    /// The term in force on `date`, preferring the highest office.
    pub fn term_on(&self, date: NaiveDate) -> Option<&Term> {
        self.terms
            .iter()
            .filter(|t| t.covers(date))
            .min_by_key(|t| t.office as u8)
    }
    /// The holder (state or organization) of the person's terms, if they all agree: the
    /// person's nationality when the date is outside every term.
    pub fn nationality(&self) -> Option<&str> {
        let first = self.terms.first()?;
        self.terms
            .iter()
            .all(|t| t.holder == first.holder)
            .then_some(first.holder.as_str())
    }
}

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PlaceKind {
    Capital,
    City,
    Region,
}

/// A city or region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Canonical name.
    pub name: SmolStr,
    /// The state it belongs to.
    pub iso3: SmolStr,
    /// Capital, city or region.
    pub kind: PlaceKind,
}

/// A news outlet or agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outlet {
    /// Canonical name.
    pub name: SmolStr,
    /// Home state, if any.
    pub country: Option<SmolStr>,
}

/// What a dictionary phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Referent {
    /// A state by name or alias ("Tajikistan", "DPRK").
    StateName(StateId),
    /// A state adjective ("Tajik").
    StateAdjective(StateId),
    /// A people noun ("Afghans").
    StateDemonym(StateId),
    /// A combining prefix ("Sino" in "Sino-Indian").
    StateCombining(StateId),
    /// A capital as a metonym for the government ("Moscow said").
    Capital(StateId),
    /// A seat of power ("the Kremlin") or a national institution ("the Bundestag").
    Seat {
        /// The state.
        state: StateId,
        /// Its sector.
        sector: Sector,
    },
    /// An organization row: the organization, a body or an official.
    Organization {
        /// The organization.
        org: OrgId,
        /// Its sector.
        sector: Sector,
        /// `true` for an official ("Secretary-General"), who is a person.
        official: bool,
    },
    /// A role ("foreign minister").
    Agent(AgentId),
    /// A non-state group.
    Group(GroupId),
    /// A person from the office-holder table.
    Person(PersonId),
    /// A place.
    Place(PlaceId),
    /// A news outlet.
    Outlet(OutletId),
    /// A context keyword.
    Context(ContextId),
    /// An event noun ("invasion", "phone call"): the index of its pattern.
    EventNoun(PatternId),
    /// A discard phrase (a PETRARCH discard list): the story (`story: true`) or the sentence
    /// it is in is not coded.
    Discard {
        /// The whole story, not only the sentence.
        story: bool,
    },
    /// An issue phrase (a PETRARCH issues file): the index of its issue in
    /// [`Lexicon::issues`](super::Lexicon::issues).
    Issue(u32),
    /// An ignore phrase of an issues file (`~a head start`): the issue phrases inside it do not
    /// count.
    IssueIgnore,
}

/// One phrase's meaning, with the flags from the dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sense {
    /// What it refers to.
    pub referent: Referent,
    /// Marked `?`: needs supporting context.
    pub ambiguous: bool,
    /// Marked `=` or a short all-caps acronym: must match case exactly.
    pub exact_case: bool,
}

/// One element of an event pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PatternElem {
    /// A literal word: its key, and the key of its plural.
    Word(u32, u32),
    /// `*`: a gap of up to four content words within the clause (it does not cross a comma,
    /// semicolon or full stop). Numbers, determiners, possessives, quantifiers ("several",
    /// "dozens of") and the symbols `$ % € £ -` do not count, and it covers at most ten tokens.
    Gap,
    /// The target is expected here.
    Target,
    /// The source is expected here: a PETRARCH pattern's `$` after the verb when its `+` stands
    /// before it (`- + * MONEY $`), read only under PETRARCH's conventions, where the match
    /// fills it as it fills a target slot and the roles are then turned around.
    SourceSlot,
    /// A noun phrase is skipped here (a PETRARCH pattern's `^`): the words up to the next noun
    /// phrase and that phrase, at least one word. An element after it stands after the phrase.
    SkipPhrase,
    /// The event has no target.
    NoTarget,
}

/// An event pattern: a verb lemma, then elements.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    /// CAMEO event code.
    pub code: String,
    /// The pattern as written in the dictionary.
    pub text: String,
    /// The verb lemma (its last part for a hyphenated verb: "fire" in "test-fire").
    pub lemma: String,
    /// The keys of a hyphenated verb's first parts with their hyphens ("test", "-"), which must
    /// stand right before the verb in the same word.
    pub prefix: Vec<u32>,
    /// Elements after the verb.
    pub elems: Vec<PatternElem>,
    /// Where it is defined.
    pub origin: Origin,
    /// The rule text events cite: "file:line `pattern`".
    pub rule: Box<str>,
    /// Words that must stand before the verb, in order (a PETRARCH pattern's words before
    /// `*`: "FAILED_TO_*"), each with whether it stands right before the next word (or the verb).
    pub before: Vec<(u32, bool)>,
    /// The code of the event the target makes in turn (a PETRARCH paired code `[032:033]`).
    pub paired: Option<String>,
    /// Coded as written: a pattern of a PETRARCH or TABARI dictionary, whose patterns carry
    /// the distinctions the coder's recoding rules would add (intent, refusal, by phone, by
    /// air, by a state): those rules leave its code alone.
    pub literal: bool,
    /// The event is between the members of a compound subject, each the others' target (a
    /// PETRARCH pattern's `%`: `% * [030:030]` codes "A and B agree" as A to B and B to A).
    pub compound: bool,
    /// The roles turned around (a PETRARCH pattern's `+` before the verb and `$` after it:
    /// `- + * MONEY $` codes "A received money from B" as B to A): the subject is the target
    /// and the object the source.
    pub swapped: bool,
    /// The actor before the verb is written before the pattern's words before the verb, not
    /// right before the verb (a PETRARCH pattern's `+ HOSTING *`: "A is hosting B to
    /// celebrate" is A's, not B's): it is the noun phrase before the first of those words.
    pub lead_slot: bool,
}

/// An issue of a PETRARCH issues file: its category (`<ISSUE CATEGORY="EDUCATION">`) and code
/// (`[TEACHERS]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The category of the block.
    pub category: String,
    /// The issue code.
    pub code: String,
}

impl Pattern {
    /// Whether the pattern codes a public statement (CAMEO root 01).
    pub fn is_statement(&self) -> bool {
        crate::ontology::cameo(&self.code).is_some_and(|e| e.statement)
    }

    /// The number of literal words (the verb included, and the words a PETRARCH pattern wants
    /// before it): more specific patterns win.
    pub fn specificity(&self) -> usize {
        1 + self.before.len()
            + self
                .elems
                .iter()
                .filter(|e| matches!(e, PatternElem::Word(..)))
                .count()
    }
    /// Whether the pattern names where its target is.
    pub fn has_target_slot(&self) -> bool {
        self.elems.iter().any(|e| matches!(e, PatternElem::Target))
    }
    /// Whether the pattern says the event has no target.
    pub fn no_target(&self) -> bool {
        self.elems
            .iter()
            .any(|e| matches!(e, PatternElem::NoTarget))
    }
}

/// Which forms of a verb a text word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct VerbForms(pub u8);

impl VerbForms {
    /// Base form ("meet").
    pub const BASE: u8 = 1;
    /// Third person singular ("meets").
    pub const THIRD: u8 = 2;
    /// Past tense ("met").
    pub const PAST: u8 = 4;
    /// Past participle ("met", "taken").
    pub const PARTICIPLE: u8 = 8;
    /// Gerund or present participle ("meeting").
    pub const GERUND: u8 = 16;
    /// Whether any of `bits` is set.
    pub fn has(self, bits: u8) -> bool {
        self.0 & bits != 0
    }
}
