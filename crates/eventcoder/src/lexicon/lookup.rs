//! [`Lexicon::lookup`]: how a phrase resolves, for dictionary work.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::*;
use super::{Lexicon, PatternId, PhraseMatch, SenseEntry, StateId, Unit};
use crate::article::Span;
use crate::code::{Actor, Memory, Resolver, place_for_state};
use crate::parse::mentions;
use crate::text::tokenize;

/// What [`Lexicon::lookup`] found for a phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lookup {
    /// The phrase looked up.
    pub phrase: String,
    /// The date actors were resolved on (office holders), as an article's published date.
    pub date: Option<NaiveDate>,
    /// Every dictionary entry whose phrase matched, overlapping ones included, in order of
    /// start.
    pub entries: Vec<LookupEntry>,
    /// The verb patterns a word of the phrase is a form of.
    pub verbs: Vec<LookupVerb>,
    /// The actor mentions the coder assembles from the entries, with what each resolves to.
    pub mentions: Vec<LookupMention>,
}

impl Lookup {
    /// Whether no dictionary entry matched (neither a phrase nor a verb form).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.verbs.is_empty()
    }

    /// The actor codes the phrase resolves to, in order (one per actor of every mention; an
    /// unresolved actor has none).
    pub fn codes(&self) -> Vec<&str> {
        self.mentions
            .iter()
            .flat_map(|m| &m.actors)
            .filter_map(|a| a.code.as_deref())
            .collect()
    }
}

/// One dictionary entry that matched part of the phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LookupEntry {
    /// The words matched.
    pub text: String,
    /// Where they are in the phrase, in bytes.
    pub span: Span,
    /// What the entry means, with its flags.
    pub sense: Sense,
    /// The kind of entry: "state", "state adjective", "role", "person", ... ([`kind_of`]).
    pub kind: &'static str,
    /// What it stands for, readably: "Tajikistan (iso3 TJK, CAMEO TJK)".
    pub description: String,
    /// Where the phrase is defined: dictionary file and line.
    pub origin: Origin,
    /// For a person: every term of office (each with its own file and line).
    pub terms: Vec<Term>,
}

/// A word of the phrase that is a form of a verb pattern's verb.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LookupVerb {
    /// The word.
    pub text: String,
    /// Where it is in the phrase, in bytes.
    pub span: Span,
    /// The pattern.
    pub pattern: PatternId,
    /// Its CAMEO event code.
    pub code: String,
    /// Its rule text: "file:line `pattern`".
    pub rule: String,
}

/// An actor mention of the phrase and the actors it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LookupMention {
    /// The words of the mention.
    pub text: String,
    /// Where they are in the phrase, in bytes.
    pub span: Span,
    /// The actors, as the coder resolves them on the date with no earlier context (no
    /// dateline, no earlier sentence); empty for an outlet.
    pub actors: Vec<Actor>,
}

/// The kind of entry a referent is, in words: "state", "state adjective", "people of a state",
/// "state prefix", "capital", "seat of power", "organization", "organization official", "role",
/// "group", "person", "place", "outlet", "context keyword", "event noun".
///
/// ```
/// use eventcoder::lexicon::{Referent, StateId, kind_of};
/// assert_eq!(kind_of(&Referent::StateAdjective(StateId::from_index(0).unwrap())), "state adjective");
/// ```
pub fn kind_of(r: &Referent) -> &'static str {
    match r {
        Referent::StateName(_) => "state",
        Referent::StateAdjective(_) => "state adjective",
        Referent::StateDemonym(_) => "people of a state",
        Referent::StateCombining(_) => "state prefix",
        Referent::Capital(_) => "capital",
        Referent::Seat { .. } => "seat of power",
        Referent::Organization { official: true, .. } => "organization official",
        Referent::Organization { .. } => "organization",
        Referent::Agent(_) => "role",
        Referent::Group(_) => "group",
        Referent::Person(_) => "person",
        Referent::Place(_) => "place",
        Referent::Outlet(_) => "outlet",
        Referent::Context(_) => "context keyword",
        Referent::EventNoun(_) => "event noun",
        Referent::Discard { story: true } => "story discard",
        Referent::Discard { story: false } => "sentence discard",
        Referent::Issue(_) => "issue",
        Referent::IssueIgnore => "issue ignore phrase",
    }
}

impl Lexicon {
    /// Where a phrase sense is defined.
    fn origin_of(&self, e: &SenseEntry) -> Origin {
        Origin {
            file: self
                .files
                .get(e.file as usize)
                .cloned()
                .unwrap_or_else(|| "?".into()),
            line: e.line as usize,
        }
    }

    /// A readable description of what a referent stands for.
    fn describe(&self, r: &Referent, date: Option<NaiveDate>) -> String {
        let state = |s: &StateId| {
            let st = &self.states[*s];
            format!("{} (iso3 {}, CAMEO {})", st.name, st.iso3, st.cameo)
        };
        match r {
            Referent::StateName(s)
            | Referent::StateAdjective(s)
            | Referent::StateDemonym(s)
            | Referent::StateCombining(s) => state(s),
            Referent::Capital(s) => format!("the government of {}", state(s)),
            Referent::Seat { state: s, sector } => {
                format!("{}, sector {}", state(s), sector.as_str())
            }
            Referent::Organization { org, sector, .. } => {
                let o = &self.organizations[*org];
                format!(
                    "{} ({}, CAMEO {}), sector {}",
                    o.name,
                    o.code,
                    o.cameo,
                    sector.as_str()
                )
            }
            Referent::Agent(a) => {
                let a = &self.agents[*a];
                let f = a.flags;
                let mut flags: Vec<&str> = Vec::new();
                for (on, name) in [
                    (f.title, "title"),
                    (f.plural, "plural"),
                    (f.counterpart, "counterpart"),
                    (f.collective, "collective"),
                    (f.equipment, "equipment"),
                    (f.aerial, "aerial"),
                ] {
                    if on {
                        flags.push(name);
                    }
                }
                let mut s = format!(
                    "{:?}: CAMEO agent code {}, sector {}",
                    a.name,
                    a.cameo,
                    a.sector.as_str()
                );
                if !flags.is_empty() {
                    s.push_str(&format!(", flags {}", flags.join(",")));
                }
                if let Some(st) = f.of_state {
                    s.push_str(&format!(", always of {}", self.states[st].iso3));
                }
                s
            }
            Referent::Group(g) => {
                let g = &self.groups[*g];
                format!(
                    "{} (CAMEO {}, sector {}, {})",
                    g.code,
                    g.cameo,
                    g.sector.as_str(),
                    g.country
                        .as_deref()
                        .map_or("transnational".to_string(), |c| format!("based in {c}"))
                )
            }
            Referent::Person(p) => {
                let p = &self.persons[*p];
                match date {
                    Some(d) => match p.term_on(d) {
                        Some(t) => {
                            format!("{}: on {d}, {} of {}", p.name, t.office.as_str(), t.holder)
                        }
                        None => format!("{}: in no office on {d}", p.name),
                    },
                    None => format!("{} (no date: the office is not known)", p.name),
                }
            }
            Referent::Place(p) => {
                let p = &self.places[*p];
                let kind = match p.kind {
                    PlaceKind::Capital => "capital",
                    PlaceKind::City => "city",
                    PlaceKind::Region => "region",
                };
                format!("{} ({kind} of {})", p.name, p.iso3)
            }
            Referent::Outlet(o) => {
                let o = &self.outlets[*o];
                match &o.country {
                    Some(c) => format!("{} ({c})", o.name),
                    None => o.name.to_string(),
                }
            }
            Referent::Context(c) => format!("PLOVER context {}", self.contexts[*c]),
            Referent::EventNoun(p) => {
                let p = &self.patterns[*p];
                format!("event code {} (pattern `{}`)", p.code, p.text)
            }
            Referent::Discard { story } => {
                format!("discards the {}", if *story { "story" } else { "sentence" })
            }
            Referent::Issue(i) => match self.issues.get(*i as usize) {
                Some(issue) => format!("issue {} ({})", issue.code, issue.category),
                None => "issue".to_string(),
            },
            Referent::IssueIgnore => "ignored for issues".to_string(),
        }
    }

    /// How `phrase` resolves: every dictionary entry that matches part of it (with its file
    /// and line, its kind and what it stands for), the verb patterns its words are forms of,
    /// and the actors the coder gives its mentions on `date` (an article's published date:
    /// office holders resolve by it), with no earlier context. Case matters as in text:
    /// "Tajik Foreign Minister", not "tajik foreign minister".
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use eventcoder::lexicon::Lexicon;
    /// let lex = Lexicon::builtin();
    /// let l = lex.lookup("Tajik Foreign Minister", None);
    /// assert_eq!(l.codes(), ["TJKGOV"]);
    /// // "Tajik" is an adjective (and a people noun) of states.tsv, "Foreign Minister" a role
    /// // (and "Minister" another); overlapping entries are all listed.
    /// let tajik = l.entries.iter().find(|e| e.kind == "state adjective").unwrap();
    /// assert_eq!(tajik.text, "Tajik");
    /// assert!(tajik.origin.to_string().starts_with("builtin:states.tsv:"), "{}", tajik.origin);
    /// assert!(l.entries.iter().any(|e| e.kind == "role" && e.text == "Foreign Minister"));
    ///
    /// // An office holder resolves by the date.
    /// let on = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    /// assert_eq!(lex.lookup("Hamrokhon Zarifi", on("2010-05-01")).codes(), ["TJKGOV"]);
    /// assert_eq!(lex.lookup("Hamrokhon Zarifi", on("2020-05-01")).codes(), ["TJKELI"]);
    ///
    /// assert!(lex.lookup("Zorblax Quuxington", None).is_empty());
    /// ```
    pub fn lookup(&self, phrase: &str, date: Option<NaiveDate>) -> Lookup {
        let tokens: Vec<_> = tokenize(phrase).collect();
        let mut units: Vec<Unit> = Vec::new();
        self.units(phrase, &tokens, &mut units);
        // The entries, as `match_phrases` finds them, with their origins.
        let mut entries = Vec::new();
        let mut matches: Vec<PhraseMatch> = Vec::new();
        self.each_phrase(&units, phrase, |start, len, e| {
            let span = units[start].span.cover(units[start + len - 1].span);
            let terms = match e.sense.referent {
                Referent::Person(p) => self.persons[p].terms.clone(),
                _ => Vec::new(),
            };
            entries.push(LookupEntry {
                text: span.slice(phrase).to_string(),
                span,
                sense: e.sense,
                kind: kind_of(&e.sense.referent),
                description: self.describe(&e.sense.referent, date),
                origin: self.origin_of(e),
                terms,
            });
            matches.push(PhraseMatch {
                start,
                end: start + len,
                sense: e.sense,
            });
        });
        let mut verbs = Vec::new();
        for u in &units {
            for &(pattern, _) in self.verb_patterns(u.key) {
                let p = &self.patterns[pattern];
                verbs.push(LookupVerb {
                    text: u.span.slice(phrase).to_string(),
                    span: u.span,
                    pattern,
                    code: p.code.clone(),
                    rule: p.rule.to_string(),
                });
            }
        }
        // The mentions and their actors, as the coder resolves a sentence's (with no context
        // state and nothing remembered from earlier sentences).
        let resolver = Resolver {
            lex: self,
            text: phrase,
            published: date,
            context_states: true,
        };
        let mut memory = Memory::default();
        let mut found = Vec::new();
        for m in mentions(self, &units, phrase, 0..units.len(), &matches) {
            let mut actors = if m.is_outlet_only() {
                Vec::new()
            } else {
                resolver.resolve(&m, &memory, None)
            };
            place_for_state(self, &m, &mut actors);
            if m.is_actor() && m.reference.is_none() {
                for a in &actors {
                    memory.push(&std::rc::Rc::new(a.clone()));
                }
            }
            found.push(LookupMention {
                text: m.span.slice(phrase).to_string(),
                span: m.span,
                actors,
            });
        }
        Lookup {
            phrase: phrase.to_string(),
            date,
            entries,
            verbs,
            mentions: found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    /// The 1-based line of `data` that starts with `prefix`.
    fn line_of(data: &str, prefix: &str) -> usize {
        1 + data
            .lines()
            .position(|l| l.starts_with(prefix))
            .expect("the row is in the data")
    }

    #[test]
    fn a_state_adjective_and_a_role_make_a_government_code() {
        let lex = Lexicon::builtin();
        let l = lex.lookup("Tajik Foreign Minister", None);
        assert_eq!(l.codes(), ["TJKGOV"]);
        assert_eq!(l.mentions.len(), 1);
        assert_eq!(l.mentions[0].text, "Tajik Foreign Minister");
        let states = include_str!("../../data/states.tsv");
        let tajik = l
            .entries
            .iter()
            .find(|e| e.kind == "state adjective")
            .unwrap();
        assert_eq!(
            tajik.origin.to_string(),
            format!("builtin:states.tsv:{}", line_of(states, "TJK\t"))
        );
        let agents = include_str!("../../data/agents.tsv");
        let role = l
            .entries
            .iter()
            .find(|e| e.kind == "role" && e.text == "Foreign Minister")
            .unwrap();
        assert_eq!(
            role.origin.to_string(),
            format!(
                "builtin:agents.tsv:{}",
                line_of(agents, "foreign minister;")
            )
        );
        assert!(role.description.contains("GOV"), "{}", role.description);
    }

    #[test]
    fn an_office_holder_resolves_by_the_date() {
        let lex = Lexicon::builtin();
        let data = include_str!("../../data/officeholders_world.tsv");
        let line = line_of(data, "TJK\tforeign_minister\tHamrokhon Zarifi");
        // Foreign minister of Tajikistan 2006-12-01 to 2013-11-30.
        let l = lex.lookup("Hamrokhon Zarifi", date("2010-05-01"));
        assert_eq!(l.codes(), ["TJKGOV"]);
        let e = &l.entries[0];
        assert_eq!(e.kind, "person");
        assert_eq!(
            e.origin.to_string(),
            format!("builtin:officeholders_world.tsv:{line}")
        );
        assert_eq!(e.terms.len(), 1);
        assert_eq!(e.terms[0].origin.line, line);
        assert!(
            e.description.contains("foreign_minister of TJK"),
            "{}",
            e.description
        );
        // After the term: a former official; before any date: the nationality alone.
        assert_eq!(
            lex.lookup("Hamrokhon Zarifi", date("2020-05-01")).codes(),
            ["TJKELI"]
        );
        assert_eq!(lex.lookup("Hamrokhon Zarifi", None).codes(), ["TJK"]);
    }

    #[test]
    fn an_unknown_phrase_matches_nothing() {
        let lex = Lexicon::builtin();
        for phrase in ["Zorblax Quuxington", "", "   ", "!!"] {
            let l = lex.lookup(phrase, None);
            assert!(l.is_empty(), "{phrase}: {l:?}");
            assert!(l.codes().is_empty());
        }
    }

    #[test]
    fn user_entries_carry_their_file_and_line() {
        let mine = "# my roles\nphrases\tcameo\tsector\tflags\nwater minister\tGOV\tGOV\ttitle\n";
        let lex = Lexicon::builder()
            .dictionary_str("mine.tsv", mine)
            .build()
            .unwrap();
        let l = lex.lookup("Tajik water minister", None);
        let e = l
            .entries
            .iter()
            .find(|e| e.text == "water minister")
            .unwrap();
        assert_eq!(e.origin.to_string(), "mine.tsv:3");
        assert_eq!(l.codes(), ["TJKGOV"]);
    }

    #[test]
    fn verbs_list_their_patterns() {
        let l = Lexicon::builtin().lookup("expelled", None);
        assert!(l.entries.is_empty() && !l.verbs.is_empty());
        assert!(l.verbs.iter().all(|v| v.rule.starts_with("builtin:verbs/")));
    }
}
