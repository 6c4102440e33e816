//! Stage 6: output. The stable JSON record of an event (the CLI's JSONL contract), with spans
//! as **Unicode code point offsets** so that `text[start:end]` works in Python and most JSON
//! consumers. Rust types keep UTF-8 byte offsets; this module converts.

use serde::{Deserialize, Serialize};

mod json;
pub use json::write_event_json;

use crate::article::Span;
use crate::code::{Actor, DateSource, Event, IssueMention, Location, LocationSource};
use crate::ontology::Sector;

/// Converts byte offsets of one text to code-point offsets. Each call costs the distance from
/// the previous offset (nothing for ASCII text), so offsets in rough text order are fast.
///
/// ```
/// use eventcoder::output::CharIndex;
/// let mut ix = CharIndex::new("Çavuşoğlu met");
/// assert_eq!(ix.char_at(13), 10);
/// assert_eq!(ix.char_at(2), 1); // backwards too
/// ```
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    ascii: bool,
}

impl<'a> CharIndex<'a> {
    /// An index over `text`.
    pub fn new(text: &'a str) -> Self {
        CharIndex {
            text,
            byte: 0,
            chars: 0,
            ascii: text.is_ascii(),
        }
    }
    /// The code-point offset of byte offset `b` (a char boundary).
    pub fn char_at(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b < self.byte {
            // Step back from the last offset, or restart from 0 when that is nearer: the cost is
            // the distance moved, so nearby spans in any order stay cheap.
            if b < self.byte - b {
                self.byte = 0;
                self.chars = 0;
            } else {
                self.chars -= self.text[b..self.byte].chars().count();
                self.byte = b;
                return self.chars;
            }
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
    /// A span in code points, as `[start, end]`.
    pub fn span(&mut self, s: Span) -> [usize; 2] {
        let a = self.char_at(s.start);
        [a, self.char_at(s.end)]
    }
}

/// An actor in the output contract.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct ActorRecord {
    /// As written.
    pub text: String,
    /// Code-point span.
    pub span: [usize; 2],
    /// ISO3 state code.
    pub country: Option<String>,
    /// Organization code.
    pub organization: Option<String>,
    /// Sector.
    pub sector: Option<Sector>,
    /// Person name.
    pub name: Option<String>,
    /// CAMEO actor code; `null` when unresolved.
    pub code: Option<String>,
    /// Whether the state was inferred.
    pub inferred: bool,
}

/// The CAMEO part.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CameoRecord {
    /// Event code.
    pub code: String,
    /// Root.
    pub root: String,
    /// Label.
    pub label: String,
    /// Quad class 1-4.
    pub quad_class: u8,
    /// Goldstein score.
    pub goldstein: f32,
}

/// The PLOVER part.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PloverRecord {
    /// Type or null.
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    /// Mode or null.
    pub mode: Option<String>,
    /// Contexts.
    pub contexts: Vec<String>,
}

/// A text span.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextRecord {
    /// The text.
    pub text: String,
    /// Code-point span.
    pub span: [usize; 2],
}

/// A sentence reference.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceRecord {
    /// 0-based index.
    pub index: usize,
    /// Code-point span.
    pub span: [usize; 2],
}

/// A location.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LocationRecord {
    /// As written.
    pub text: String,
    /// Code-point span.
    pub span: [usize; 2],
    /// Canonical name.
    pub name: String,
    /// ISO3 state code.
    pub country: Option<String>,
    /// Where it was found: the sentence or the dateline.
    pub source: LocationSource,
}

/// An issue of a PETRARCH issues file in a sentence of an event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct IssueRecord {
    /// The issue's code ("REFUGEES").
    pub code: String,
    /// Its category, the `<ISSUE CATEGORY=...>` block it is in ("MIGRATION").
    pub category: String,
    /// The phrase as written.
    pub text: String,
    /// Code-point span of the phrase.
    pub span: [usize; 2],
    /// The sentence it is in (0-based).
    pub sentence: usize,
}

impl IssueRecord {
    /// Converts an issue mention of `text`, using `ix` (an index over the same text) for offsets.
    pub fn new(i: &IssueMention, ix: &mut CharIndex<'_>) -> IssueRecord {
        IssueRecord {
            code: i.code.clone(),
            category: i.category.clone(),
            text: i.text.clone(),
            span: ix.span(i.span),
            sentence: i.sentence,
        }
    }
}

/// One event per JSON line: the stable output contract.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventRecord {
    /// The article id.
    pub article_id: String,
    /// `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// Source actor.
    pub source: Option<ActorRecord>,
    /// Target actor or null.
    pub target: Option<ActorRecord>,
    /// CAMEO coding.
    pub cameo: CameoRecord,
    /// PLOVER coding.
    pub plover: PloverRecord,
    /// Sentence.
    pub sentence: SentenceRecord,
    /// Trigger.
    pub trigger: TextRecord,
    /// Rule (pattern file:line, pattern, modifiers).
    pub rule: String,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// Location or null.
    pub location: Option<LocationRecord>,
    /// Cited outlet or null.
    pub reported_by: Option<String>,
    /// How the date was found.
    pub date_source: DateSource,
    /// Whether negated (only present in output when the coder keeps negated events).
    pub negated: bool,
    /// Number of mentions collapsed into this event.
    pub mentions: usize,
    /// The issues of the event's sentences, only when the coder has a PETRARCH issues file
    /// (then a list, maybe empty; without one the field is left out of the JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<IssueRecord>>,
}

impl EventRecord {
    /// Converts an event of `text`, using `ix` (an index over the same text) for offsets.
    pub fn new(e: &Event, ix: &mut CharIndex<'_>) -> EventRecord {
        let actor = |a: &Actor, ix: &mut CharIndex<'_>| ActorRecord {
            text: a.text.to_string(),
            span: ix.span(a.span),
            country: a.country.as_deref().map(String::from),
            organization: a.organization.as_deref().map(String::from),
            sector: a.sector,
            name: a.name.as_deref().map(String::from),
            code: a.code.as_deref().map(String::from),
            inferred: a.inferred,
        };
        let loc = |l: &Location, ix: &mut CharIndex<'_>| LocationRecord {
            text: l.text.to_string(),
            span: ix.span(l.span),
            name: l.name.to_string(),
            country: l.country.as_deref().map(String::from),
            source: l.source,
        };
        EventRecord {
            article_id: e.article_id.to_string(),
            date: e.date.map(|d| d.to_string()),
            source: e.source.as_ref().map(|a| actor(a, ix)),
            target: e.target.as_ref().map(|a| actor(a, ix)),
            cameo: CameoRecord {
                code: e.cameo.code.to_string(),
                root: e.cameo.root.to_string(),
                label: e.cameo.label.to_string(),
                quad_class: e.cameo.quad_class,
                goldstein: e.cameo.goldstein,
            },
            plover: PloverRecord {
                event_type: e.plover.event_type.map(|t| t.as_str().to_string()),
                mode: e.plover.mode.as_deref().map(String::from),
                contexts: e.plover.contexts.iter().map(|c| (*c).to_string()).collect(),
            },
            sentence: SentenceRecord {
                index: e.sentence.index,
                span: ix.span(e.sentence.span),
            },
            trigger: TextRecord {
                text: e.trigger.text.to_string(),
                span: ix.span(e.trigger.span),
            },
            rule: e.rule.to_string(),
            confidence: e.confidence,
            location: e.location.as_ref().map(|l| loc(l, ix)),
            reported_by: e.reported_by.as_deref().map(String::from),
            date_source: e.date_source,
            negated: e.negated,
            mentions: e.mentions,
            issues: e
                .issues
                .as_ref()
                .map(|issues| issues.iter().map(|i| IssueRecord::new(i, ix)).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn char_index_agrees_with_counting_in_any_order() {
        let text = "Çavuşoğlu met 王毅 in Ankara; 🇹🇷 officials said “yes”.";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        let mut ix = CharIndex::new(text);
        // Forward, backward, and jumping around.
        let order = bounds
            .iter()
            .chain(bounds.iter().rev())
            .chain(bounds.iter().step_by(3).rev())
            .chain(bounds.iter().step_by(5));
        for &b in order {
            assert_eq!(ix.char_at(b), text[..b].chars().count(), "byte {b}");
        }
    }
}
