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

fn header_of(text: &str) -> Option<Vec<&str>> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Recognises a dictionary file by its header row.
pub(crate) fn detect(name: &str, text: &str) -> Result<FileKind> {
    let header = header_of(text).unwrap_or_default();
    HEADERS.iter().find(|(_, h)| *h == header.as_slice()).map(|(k, _)| *k).ok_or_else(|| Error::Dictionary {
        source_name: name.to_string(),
        position: Position { line: 1, column: 1, offset: 0 },
        message: format!(
            "unrecognised header {:?}; expected one of the headers documented in the lexicon module (e.g. \"phrases\\tcameo\\tsector\\tflags\")",
            header.join("\\t")
        ),
    })
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

pub(crate) struct Loader<'l> {
    pub lex: &'l mut Lexicon,
    pub user: bool,
}

impl Loader<'_> {
    fn err(&self, file: &str, row: &Row<'_>, col: usize, message: String) -> Error {
        Error::Dictionary {
            source_name: file.to_string(),
            position: Position {
                line: row.line,
                column: col,
                offset: 0,
            },
            message,
        }
    }

    /// The error for a table with no room for another row: ids are 32-bit.
    fn full(&self, file: &str, row: &Row<'_>, table: &str) -> Error {
        self.err(
            file,
            row,
            1,
            format!("too many {table}: a table holds at most 2^32 rows"),
        )
    }

    /// Adds one phrase with one sense.
    fn phrase(&mut self, raw: &str, referent: Referent) {
        let m = marked(raw);
        if m.text.is_empty() {
            return;
        }
        let units = phrase_units(m.text);
        if units.is_empty() || units.len() > 64 {
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
        };
        let senses = &mut self.lex.senses[slot as usize];
        if self.user
            && senses
                .iter()
                .any(|s| !s.user && same_category(s.sense.referent, referent))
        {
            senses.retain(|s| s.user || !same_category(s.sense.referent, referent));
        }
        match senses.iter_mut().find(|s| s.sense.referent == referent) {
            // The same phrase listed twice: a `?` mark on either makes it ambiguous.
            Some(existing) => existing.sense.ambiguous |= entry.sense.ambiguous,
            None => senses.push(entry),
        }
    }

    pub fn load(&mut self, file: &str, text: &str) -> Result<()> {
        let kind = detect(file, text)?;
        let rows = tsv::read(file, text, headers(kind))?;
        let origin_file: Arc<str> = file.into();
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
                FileKind::IrregularVerbs => self.irregular(row),
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
                1,
                format!("iso3 must be three capital letters, found {iso3:?}"),
            ));
        }
        if let Some(&i) = self.lex.state_index.get(iso3) {
            return Ok((i, false));
        }
        let i = StateId::from_index(self.lex.states.len())
            .ok_or_else(|| self.full(file, row, "states"))?;
        self.lex.states.push(State {
            iso3: iso3.to_string(),
            cameo: row.get(1).to_string(),
            name: marked(row.get(2)).text.to_string(),
            capital: Some(marked(row.get(capital)).text.to_string()).filter(|c| !c.is_empty()),
            status: status.to_string(),
        });
        self.lex.state_index.insert(iso3.to_string(), i);
        Ok((i, true))
    }

    fn state(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let (idx, _) = self.state_of_row(file, row, 7, row.get(9))?;
        self.state_phrases(row, idx, [2, 3, 4, 5, 7]);
        for p in row.list(6) {
            self.phrase(p, Referent::StateCombining(idx));
        }
        for p in row.list(8) {
            let (phrase, sector) = match p.rsplit_once(':') {
                Some((ph, sec))
                    if sec.len() == 3 && sec.bytes().all(|b| b.is_ascii_uppercase()) =>
                {
                    (ph, self.sector_code(file, row, 8, sec)?)
                }
                _ => (p, Sector::Gov),
            };
            self.phrase(phrase, Referent::Seat { state: idx, sector });
        }
        Ok(())
    }

    /// The index of a state named in column `col`, or an error at that column.
    fn state_ref(&self, file: &str, row: &Row<'_>, col: usize) -> Result<StateId> {
        let iso3 = row.get(col);
        self.lex.state_index.get(iso3).copied().ok_or_else(|| {
            self.err(
                file,
                row,
                row.column(col),
                format!("unknown state {iso3:?}: it must be an iso3 code of states.tsv"),
            )
        })
    }

    /// A national institution whose name carries its state ("Bundestag", "FBI"): a seat of
    /// power with a sector.
    fn institution(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let state = self.state_ref(file, row, 0)?;
        let sector = self.sector(file, row, 1)?;
        for p in row.list(2) {
            self.phrase(p, Referent::Seat { state, sector });
        }
        Ok(())
    }

    /// A former state (ISO 3166-3) with its dates, or former names of a present-day state.
    fn former_state(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let date = |col: usize| {
            NaiveDate::parse_from_str(row.get(col), "%Y-%m-%d").map_err(|e| {
                self.err(
                    file,
                    row,
                    row.column(col),
                    format!("bad date {:?}: {e}", row.get(col)),
                )
            })
        };
        let (from, to) = (date(8)?, date(9)?);
        let (idx, added) = self.state_of_row(file, row, 6, "former")?;
        if added {
            let seat_of = match row.get(7) {
                "" => None,
                _ => Some(self.state_ref(file, row, 7)?),
            };
            self.lex.former.push(FormerState {
                state: idx,
                seat_of,
                from,
                to,
            });
        }
        self.state_phrases(row, idx, [2, 3, 4, 5, 6]);
        Ok(())
    }

    /// A state's name, aliases, adjectives, demonyms and capital, from the columns given in
    /// that order.
    fn state_phrases(
        &mut self,
        row: &Row<'_>,
        idx: StateId,
        [name, aliases, adjectives, demonyms, capital]: [usize; 5],
    ) {
        self.phrase(row.get(name), Referent::StateName(idx));
        for p in row.list(aliases) {
            self.phrase(p, Referent::StateName(idx));
        }
        for p in row.list(adjectives) {
            self.phrase(p, Referent::StateAdjective(idx));
        }
        for p in row.list(demonyms) {
            self.phrase(p, Referent::StateDemonym(idx));
        }
        if !row.get(capital).is_empty() {
            self.phrase(row.get(capital), Referent::Capital(idx));
        }
    }

    fn organization(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let code = row.get(0);
        if code.is_empty() {
            return Err(self.err(file, row, 1, "empty organization code".into()));
        }
        let kind = row.get(3);
        if !matches!(kind, "org" | "body" | "official") {
            return Err(self.err(
                file,
                row,
                0,
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
                    code: code.to_string(),
                    cameo: row.get(1).to_string(),
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
        let sector = self.sector(file, row, 2)?;
        for p in row.list(4) {
            self.phrase(
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
        let idx = GroupId::from_index(self.lex.groups.len())
            .ok_or_else(|| self.full(file, row, "groups"))?;
        let sector = self.sector(file, row, 3)?;
        self.lex.groups.push(Group {
            code: row.get(0).to_string(),
            country: Some(row.get(1).to_string()).filter(|c| !c.is_empty()),
            cameo: row.get(2).to_string(),
            sector,
        });
        for p in row.list(4) {
            self.phrase(p, Referent::Group(idx));
        }
        Ok(())
    }

    /// The sector in column `col`: a known code other than `UNK`, or an error at that column.
    fn sector(&self, file: &str, row: &Row<'_>, col: usize) -> Result<Sector> {
        self.sector_code(file, row, col, row.get(col))
    }

    /// `code` (written in column `col`) as a known sector other than `UNK`.
    fn sector_code(&self, file: &str, row: &Row<'_>, col: usize, code: &str) -> Result<Sector> {
        match code.parse::<Sector>() {
            Ok(Sector::Unk) | Err(_) => Err(self.err(
                file,
                row,
                row.column(col),
                format!("unknown sector {code:?}"),
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
                    let iso3 = &other[3..];
                    let state = self.lex.state_index.get(iso3).copied().ok_or_else(|| {
                        self.err(
                            file,
                            row,
                            row.column(3),
                            format!("unknown state {iso3:?} in flag {other:?}"),
                        )
                    })?;
                    flags.of_state = Some(state);
                }
                other => {
                    return Err(self.err(file, row, 0, format!("unknown agent flag {other:?}")));
                }
            }
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
            cameo: row.get(1).to_string(),
            sector,
            flags,
        });
        for p in row.list(0) {
            self.phrase(p, Referent::Agent(idx));
        }
        Ok(())
    }

    fn office_holder(&mut self, file: &str, row: &Row<'_>, origin: Origin) -> Result<()> {
        let office = Office::parse(row.get(1))
            .ok_or_else(|| self.err(file, row, 0, format!("unknown office {:?}", row.get(1))))?;
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d");
        let start = date(row.get(4)).map_err(|e| {
            self.err(
                file,
                row,
                0,
                format!("bad start date {:?}: {e}", row.get(4)),
            )
        })?;
        let end = match row.get(5) {
            "" => None,
            s => Some(
                date(s).map_err(|e| self.err(file, row, 0, format!("bad end date {s:?}: {e}")))?,
            ),
        };
        if end.is_some_and(|e| e < start) {
            return Err(self.err(file, row, 0, "end date before start date".into()));
        }
        let name = marked(row.get(2)).text.to_string();
        let holder = row.get(0);
        // (Organizations load before office holders; a code that is no organization's is a
        // state's.)
        let holder_kind = if self.lex.organization(holder).is_some() {
            HolderKind::Organization
        } else {
            HolderKind::State
        };
        let term = Term {
            holder: holder.to_string(),
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
                    name: name.clone(),
                    terms: vec![term],
                });
                self.lex.person_index.insert(name, i);
                i
            }
        };
        self.phrase(row.get(2), Referent::Person(idx));
        for p in row.list(3) {
            self.phrase(p, Referent::Person(idx));
        }
        Ok(())
    }

    fn place(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let kind = match row.get(3) {
            "capital" => PlaceKind::Capital,
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            other => {
                return Err(self.err(
                    file,
                    row,
                    0,
                    format!("place kind must be capital, city or region, found {other:?}"),
                ));
            }
        };
        let idx = PlaceId::from_index(self.lex.places.len())
            .ok_or_else(|| self.full(file, row, "places"))?;
        self.lex.places.push(Place {
            name: marked(row.get(0)).text.to_string(),
            iso3: row.get(2).to_string(),
            kind,
        });
        self.phrase(row.get(0), Referent::Place(idx));
        for p in row.list(1) {
            self.phrase(p, Referent::Place(idx));
        }
        Ok(())
    }

    fn outlet(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let idx = OutletId::from_index(self.lex.outlets.len())
            .ok_or_else(|| self.full(file, row, "outlets"))?;
        self.lex.outlets.push(Outlet {
            name: marked(row.get(0)).text.to_string(),
            country: Some(row.get(2).to_string()).filter(|c| !c.is_empty()),
        });
        self.phrase(row.get(0), Referent::Outlet(idx));
        for p in row.list(1) {
            self.phrase(p, Referent::Outlet(idx));
        }
        Ok(())
    }

    fn context(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let name = super::intern(row.get(0));
        let idx = match self.lex.contexts.iter().position(|c| *c == name) {
            Some(i) => i,
            None => {
                self.lex.contexts.push(name);
                self.lex.contexts.len() - 1
            }
        };
        let idx = ContextId::from_index(idx).ok_or_else(|| self.full(file, row, "contexts"))?;
        for k in split_list(row.get(1)) {
            self.phrase(k, Referent::Context(idx));
        }
        Ok(())
    }

    fn function_word(&mut self, file: &str, row: &Row<'_>) -> Result<()> {
        let bit = super::words::class_bit(row.get(1)).ok_or_else(|| {
            self.err(file, row, 0, format!("unknown word class {:?}", row.get(1)))
        })?;
        let word = row.get(0).to_lowercase();
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

    fn irregular(&mut self, row: &Row<'_>) {
        let f = |i: usize| row.get(i).to_ascii_lowercase();
        self.lex.irregular.add(Inflections {
            base: f(0),
            third: f(1),
            past: f(2),
            participle: f(3),
            gerund: f(4),
        });
    }

    /// An event noun ("invasion", "phone call"): a pattern without elements, matched as a
    /// phrase (singular and plural); the coder finds its actors around it.
    fn event_noun(&mut self, file: &str, row: &Row<'_>, origin: Origin) -> Result<()> {
        let code = row.get(0);
        if crate::ontology::cameo(code).is_none() {
            return Err(self.err(file, row, 1, format!("unknown CAMEO code {code:?}")));
        }
        let noun = row.get(1);
        if noun.is_empty() {
            return Err(self.err(file, row, row.column(1), "empty noun".into()));
        }
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
        });
        let plural = match noun.rsplit_once(' ') {
            Some((head, last)) => format!("{head} {}", super::verbs::plural_of(last)),
            None => super::verbs::plural_of(noun),
        };
        self.phrase(noun, Referent::EventNoun(idx));
        if plural != noun {
            self.phrase(&plural, Referent::EventNoun(idx));
        }
        Ok(())
    }

    fn pattern(&mut self, file: &str, row: &Row<'_>, origin: Origin) -> Result<()> {
        let code = row.get(0);
        if crate::ontology::cameo(code).is_none() {
            return Err(self.err(file, row, 1, format!("unknown CAMEO code {code:?}")));
        }
        let text = row.get(1);
        let mut words = text.split_whitespace();
        let Some(lemma) = words.next().map(str::to_ascii_lowercase) else {
            return Err(self.err(file, row, 6, "empty pattern".into()));
        };
        if lemma.starts_with('{') || lemma == "*" || lemma.starts_with('-') || lemma.ends_with('-')
        {
            self.lex.skipped_patterns += 1;
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
                    return Err(self.err(
                        file,
                        row,
                        6,
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
            return Err(self.err(file, row, row.column(1), message));
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
}
