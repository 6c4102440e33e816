//! Table tests of the shallow parse (stage 3): the mentions and the predicates of one
//! sentence, rendered compactly. Each row is a sentence and what a reader finds in it.

use eventcoder::lexicon::{Lexicon, PhraseMatch, Unit};
use eventcoder::parse::{Mention, Predicate, mentions, predicates};
use eventcoder::text::{split_sentences, tokenize};

struct Parsed {
    text: String,
    units: Vec<Unit>,
    mentions: Vec<Mention>,
    preds: Vec<Predicate>,
}

/// The mentions and predicates of a one-sentence text.
fn parse(text: &str) -> Parsed {
    let lex = Lexicon::builtin();
    let tokens: Vec<_> = tokenize(text).collect();
    let sentences = split_sentences(text, &tokens);
    assert_eq!(sentences.len(), 1, "one sentence per row: {text}");
    let mut units = Vec::new();
    lex.units(text, &tokens, &mut units);
    let range = 0..units.len();
    let mut matches: Vec<PhraseMatch> = Vec::new();
    lex.match_phrases(&units, text, &mut matches);
    let ms = mentions(&lex, &units, text, range.clone(), &matches);
    let preds = predicates(&lex, &units, text, range, &ms, &matches);
    Parsed {
        text: text.to_string(),
        units,
        mentions: ms,
        preds,
    }
}

impl Parsed {
    /// A mention as `text[facets]`: the state (ISO3), organization, role, person, place and
    /// reference it carries.
    fn mention(&self, m: &Mention) -> String {
        let lex = Lexicon::builtin();
        let mut facets = Vec::new();
        if let Some((s, _)) = m.state {
            facets.push(format!("state={}", lex.states[s].iso3));
        }
        for &s in &m.extra_states {
            facets.push(format!("state={}", lex.states[s].iso3));
        }
        if m.group.is_some() {
            facets.push("group".into());
        }
        if let Some((o, _, _)) = m.org {
            facets.push(format!("org={}", lex.organizations[o].code));
        }
        if let Some(a) = m.agent {
            facets.push(format!("role={}", lex.agents[a].cameo));
        }
        if m.person.is_some() {
            facets.push("person".into());
        }
        if let Some(p) = m.place {
            facets.push(format!("place={}", lex.places[p].iso3));
        }
        if let Some(r) = m.reference {
            facets.push(format!("ref={r:?}"));
        }
        if m.partial {
            facets.push("partial".into());
        }
        format!("{}[{}]", m.span.slice(&self.text), facets.join(" "))
    }

    fn mentions(&self) -> Vec<String> {
        self.mentions.iter().map(|m| self.mention(m)).collect()
    }

    /// A predicate as `verb(subjects -> targets) flags`.
    fn predicate(&self, p: &Predicate) -> String {
        let names = |idx: &[usize]| {
            idx.iter()
                .map(|&i| self.mentions[i].span.slice(&self.text))
                .collect::<Vec<_>>()
                .join("+")
        };
        let m = p.modality;
        let flags: Vec<&str> = [
            (m.negated, "negated"),
            (m.refused, "refused"),
            (m.intent, "intent"),
            (m.threat, "threat"),
            (m.hypothetical, "hypothetical"),
            (m.passive, "passive"),
            (m.background, "background"),
            (m.directed, "directed"),
            (p.inherit.is_some(), "inherits"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| name)
        .collect();
        format!(
            "{}({} -> {}){}{}",
            self.units[p.verb].span.slice(&self.text),
            names(&p.subjects),
            names(&p.targets),
            if flags.is_empty() { "" } else { " " },
            flags.join(" ")
        )
    }

    fn predicates(&self) -> Vec<String> {
        self.preds.iter().map(|p| self.predicate(p)).collect()
    }
}

#[test]
fn mentions_table() {
    let table: &[(&str, &[&str])] = &[
        (
            "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Monday.",
            &[
                "Russian Foreign Minister Sergei Lavrov[state=RUS role=GOV person]",
                "Chinese counterpart Wang Yi[state=CHN role=GOV person]",
                "Beijing[state=CHN place=CHN]",
            ],
        ),
        // Role "of" state, with a compound of states.
        (
            "The prime minister of Peru held talks with the foreign ministers of Ghana and Togo.",
            &[
                "prime minister of Peru[state=PER role=GOV]",
                "the foreign ministers of Ghana and Togo[state=GHA state=TGO role=GOV]",
            ],
        ),
        (
            "UN Secretary-General Antonio Guterres urged Israel and Hamas to agree to a ceasefire.",
            &[
                "UN Secretary-General Antonio Guterres[org=UN person]",
                "Israel[state=ISR]",
                "Hamas[group]",
            ],
        ),
        // Money is no actor.
        (
            "US$6.2 million was pledged by Japan.",
            &["US[state=USA partial]", "Japan[state=JPN]"],
        ),
        // A person introduced with a possessive state and a role.
        (
            "Chile's deputy foreign minister Ana Ruiz arrived in Lima.",
            &[
                "Chile's deputy foreign minister Ana Ruiz[state=CHL role=GOV]",
                "Lima[state=PER place=PER]",
            ],
        ),
        (
            "Turkish drones struck PKK positions in northern Iraq.",
            &[
                "Turkish drones[state=TUR role=MIL]",
                "PKK[group]",
                "Iraq[state=IRQ]",
            ],
        ),
        // A stance toward a state is not membership.
        (
            "The Kremlin said pro-Russian separatists had shelled the town.",
            &["The Kremlin[state=RUS]", "Russian separatists[role=SEP]"],
        ),
        // A combining form names a state only before a second state: "Indo-Pacific" is a
        // region. (In "Sino-Indian" both parts keep their states, as modifiers.)
        (
            "Sino-Indian border talks resumed in the Indo-Pacific.",
            &[
                "Sino[state=CHN partial]",
                "Indian[state=IND partial]",
                "Indo[partial]",
            ],
        ),
        (
            "They accused each other of violating the truce.",
            &["They[ref=Plural]"],
        ),
        (
            "Five activists were detained by police in Minsk.",
            &[
                "activists[role=CVL]",
                "police[role=COP]",
                "Minsk[state=BLR place=BLR]",
            ],
        ),
    ];
    for (text, want) in table {
        assert_eq!(parse(text).mentions(), *want, "{text}");
    }
}

#[test]
fn predicates_table() {
    let table: &[(&str, &[&str])] = &[
        (
            "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Monday.",
            &["met(Russian Foreign Minister Sergei Lavrov -> Chinese counterpart Wang Yi)"],
        ),
        (
            "The prime minister of Peru held talks with the foreign ministers of Ghana and Togo.",
            &["held(prime minister of Peru -> the foreign ministers of Ghana and Togo)"],
        ),
        // An intention, and a condition's own predicate.
        (
            "The EU will impose new sanctions on Belarus unless Minsk frees the prisoners.",
            &[
                "impose(EU -> Belarus) intent",
                "frees(Minsk -> prisoners) hypothetical",
            ],
        ),
        // The passive's agent is the subject; the patient the target.
        (
            "Five activists were detained by police in Minsk.",
            &["detained(police -> activists) passive"],
        ),
        // A denied clause is not asserted.
        (
            "Pakistan denied that its forces had fired on Indian positions.",
            &["denied(Pakistan -> )", "fired(forces -> Indian) negated"],
        ),
        (
            "The rebels could attack the capital.",
            &["attack(rebels -> ) hypothetical"],
        ),
        (
            "The Kremlin said pro-Russian separatists had shelled the town.",
            &["said(The Kremlin -> )", "shelled(Russian separatists -> )"],
        ),
        // A refusal pattern's object is its target.
        (
            "Iran refused to release the detained British journalists.",
            &["refused(Iran -> British journalists)"],
        ),
    ];
    for (text, want) in table {
        assert_eq!(parse(text).predicates(), *want, "{text}");
    }
}
