//! PETRARCH-1's compound subjects. PETRARCH-1 codes a subject noun phrase split at its
//! coordinators ("X and Y", "X, Y and Z") by the first actor of each conjunct: in "Arnor and
//! the old Fornost stern Gondor welcomed ..." the sources are Arnor and Fornost, and in "Arnor's
//! farmers and herders of Gondor protested" Arnor and Gondor. Only
//! [`crate::CoderOptions::petrarch_conventions`] applies it.

use std::ops::Range;

use crate::lexicon::words::{DET, POSS, POSS_MARK, QUANT};
use crate::lexicon::{Lexicon, UNKNOWN, Unit, WORD};
use crate::parse::{Mention, StateForm};

/// The sentence a subject is read in: its units, text and mentions.
pub(super) struct SubjectPhrase<'a> {
    /// The lexicon (for the coordinators' keys and the verbs' forms).
    pub lex: &'a Lexicon,
    /// The article's units.
    pub units: &'a [Unit],
    /// The article's text.
    pub text: &'a str,
    /// The sentence's units.
    pub range: Range<usize>,
    /// The sentence's mentions, in order.
    pub ms: &'a [Mention],
}

impl SubjectPhrase<'_> {
    fn word(&self, q: usize) -> &str {
        self.units[q].span.slice(self.text)
    }

    /// A coordinator or list comma between two conjuncts.
    fn is_separator(&self, q: usize) -> bool {
        let k = self.units[q].key;
        let keys = &self.lex.keys;
        k == keys.and || k == keys.or || k == keys.nor || self.word(q) == ","
    }

    /// A word that may stand inside a subject noun phrase outside a mention: a determiner,
    /// possessive, quantifier, "of", a possessive mark, a coordinator or list comma, or a
    /// lowercase word no dictionary knows ("evil", "sheep").
    fn is_phrase_word(&self, q: usize) -> bool {
        let u = &self.units[q];
        if u.class & (DET | POSS | POSS_MARK | QUANT) != 0
            || u.key == self.lex.keys.of
            || self.is_separator(q)
        {
            return true;
        }
        u.is(WORD)
            && (u.key == UNKNOWN || u.class == 0 && !u.is(crate::lexicon::VERB))
            && self.word(q).chars().next().is_some_and(char::is_lowercase)
    }

    /// The mention covering unit `q`, if any.
    fn mention_at(&self, q: usize) -> Option<usize> {
        self.ms
            .iter()
            .position(|m| m.units.start <= q && q < m.units.end)
    }

    /// The sources of a compound subject by PETRARCH-1's reading: the first actor of each
    /// conjunct of the noun phrase that ends with `subjects` (mention indices) and runs left
    /// over mentions and the words of [`Self::is_phrase_word`]. `None` when the phrase has
    /// no coordinator or fewer than two conjuncts with an actor (the subjects stand).
    pub(super) fn conjunct_sources(&self, subjects: &[usize]) -> Option<Vec<usize>> {
        let first = subjects.iter().map(|&s| self.ms[s].units.start).min()?;
        let end = subjects.iter().map(|&s| self.ms[s].units.end).max()?;
        let mut begin = first;
        while begin > self.range.start {
            let q = begin - 1;
            if let Some(mi) = self.mention_at(q) {
                begin = self.ms[mi].units.start;
            } else if self.is_phrase_word(q) {
                begin = q;
            } else {
                break;
            }
        }
        // "And Eriador has called": a coordinator that opens the phrase joins nothing.
        while begin < first && self.is_separator(begin) {
            begin += 1;
        }
        let mut sources: Vec<usize> = Vec::new();
        let mut conjuncts = 0;
        // The separator before the last conjunct: a list ends in a coordinator ("X, Y and
        // Z"); a bare comma there sets off another phrase ("On X and Y's plans, he said").
        let mut last_is_comma = false;
        let mut taken = false;
        let mut q = begin;
        while q < end {
            if let Some(mi) = self.ms.iter().position(|m| m.units.start == q) {
                if !taken && self.ms[mi].is_actor() {
                    sources.push(mi);
                    taken = true;
                }
                q = self.ms[mi].units.end.max(q + 1);
                continue;
            }
            // (The comma of ", and" is part of its coordinator.)
            let serial_comma = q + 1 < end && self.word(q) == "," && self.is_separator(q + 1);
            if self.is_separator(q) && !serial_comma {
                conjuncts += 1;
                last_is_comma = self.word(q) == ",";
                taken = false;
            }
            q += 1;
        }
        (conjuncts > 0 && !last_is_comma && sources.len() >= 2).then_some(sources)
    }
}

/// PETRARCH-1's shared adjective: in a noun phrase that opens with a state's adjective and no
/// determiner ("Norvian media and government"), the adjective qualifies every conjunct, so a
/// bare role after the coordinator takes the first conjunct's states. ("The Norvian media and
/// government": PETRARCH-1's parses split the phrase before the coordinator; the role stays
/// bare.)
pub(super) fn share_adjectives(
    lex: &Lexicon,
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    ms: &mut [Mention],
) {
    let phrase = SubjectPhrase {
        lex,
        units,
        text,
        range,
        // (Only its words are read here: the mentions are being changed.)
        ms: &[],
    };
    for b in 1..ms.len() {
        let (head, tail) = ms.split_at_mut(b);
        let (a, m) = (&head[b - 1], &mut tail[0]);
        let start = m.units.start;
        let coordinated = start == a.units.end + 1 && phrase.is_separator(a.units.end);
        // (A dictionary's "+DANISH" is a synonym of the state's name.)
        let adjective = matches!(a.state, Some((_, StateForm::Adjective | StateForm::Name)))
            && a.agent.is_some()
            && !a.possessive;
        let determiner = |q: usize| phrase.units[q].class & (DET | POSS) != 0;
        let opens_phrase = !determiner(a.units.start)
            && (a.units.start == phrase.range.start || !determiner(a.units.start - 1));
        if coordinated && adjective && opens_phrase && m.is_bare_role() {
            m.state = a.state;
            m.extra_states.clone_from(&a.extra_states);
        }
    }
}
