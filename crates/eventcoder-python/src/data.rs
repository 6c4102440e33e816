//! Plain data behind the Python classes: a coded document with every span in string indices.
//!
//! A [`DocData`] is built from a core [`Document`] off the GIL (in parallel in `code_many`);
//! the Python objects are thin handles onto it. It round-trips through JSON for pickling.

use std::sync::Arc;

use chrono::NaiveDate;
use eventcoder::Document;
use eventcoder::code::resolve_partial;
use eventcoder::output::{CharIndex, EventRecord, IssueRecord, TextRecord};
use serde::{Deserialize, Serialize};

/// A coded document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocData {
    pub id: String,
    pub text: String,
    pub published: Option<NaiveDate>,
    pub dateline: Option<DatelineData>,
    pub reported_by: Option<String>,
    /// Byte offset of the story body (tokens start there).
    pub body_start: usize,
    pub sentences: Vec<SentenceData>,
    pub events: Vec<Arc<EventData>>,
    pub dates: Vec<DateData>,
    /// Whether `text` is HTML (coded with `html=True`): every span points into the HTML.
    #[serde(default)]
    pub html: bool,
    /// The issues of a loaded issues file the story mentions, in text order (empty without
    /// one).
    #[serde(default)]
    pub issues: Vec<IssueRecord>,
    /// The phrases of a loaded discard list found in the story.
    #[serde(default)]
    pub discards: Vec<DiscardData>,
}

/// A discard phrase found in the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscardData {
    /// The sentence it is in.
    pub sentence_index: usize,
    /// Whether it discards the whole story, not only its sentence.
    pub story: bool,
}

/// A date written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateData {
    pub text: String,
    pub span: [usize; 2],
    pub date: NaiveDate,
    pub sentence_index: usize,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceData {
    pub index: usize,
    /// String indices.
    pub span: [usize; 2],
    /// Byte offsets, for slicing.
    pub bytes: [usize; 2],
    /// Token range in the document's token list.
    pub tokens: [usize; 2],
}

/// A dateline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatelineData {
    pub span: [usize; 2],
    pub place: String,
    pub place_span: [usize; 2],
    pub region: Option<String>,
    pub date: Option<NaiveDate>,
    pub outlet: Option<String>,
}

/// One mention of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionData {
    pub sentence_index: usize,
    pub trigger: TextRecord,
    pub rule: String,
}

/// An event: the output record, its mentions and its sentence's text (so that an event stands
/// alone, pickled or rendered without its document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventData {
    pub record: EventRecord,
    pub mentions: Vec<MentionData>,
    pub sentence: String,
}

/// The date of an event record (the record writes it as text).
pub fn record_date(record: &EventRecord) -> Option<NaiveDate> {
    record.date.as_deref().and_then(|d| d.parse().ok())
}

impl DocData {
    /// Converts a coded document of `text`.
    pub fn new(doc: Document, text: String) -> DocData {
        let mut ix = CharIndex::new(&text);
        let dateline = doc.dateline.as_ref().map(|d| DatelineData {
            span: ix.span(d.span),
            place: d.place.clone(),
            place_span: ix.span(d.place_span),
            region: d.region.clone(),
            date: d.date.and_then(|p| resolve_partial(p, doc.published)),
            outlet: d.outlet.clone(),
        });
        let sentences = doc
            .sentences
            .iter()
            .map(|s| SentenceData {
                index: s.index,
                span: ix.span(s.span),
                bytes: [s.span.start, s.span.end],
                tokens: [s.tokens.start, s.tokens.end],
            })
            .collect();
        let events = doc
            .events
            .iter()
            .map(|e| {
                let mentions = e
                    .evidence
                    .iter()
                    .map(|m| MentionData {
                        sentence_index: m.sentence.index,
                        trigger: TextRecord {
                            text: m.trigger.text.to_string(),
                            span: ix.span(m.trigger.span),
                        },
                        rule: m.rule.to_string(),
                    })
                    .collect();
                Arc::new(EventData {
                    record: EventRecord::new(e, &mut ix),
                    mentions,
                    sentence: e.sentence.span.slice(&text).to_owned(),
                })
            })
            .collect();
        let dates = doc
            .dates
            .iter()
            .map(|d| DateData {
                text: d.span.slice(&text).to_owned(),
                span: ix.span(d.span),
                date: d.date,
                sentence_index: d.sentence,
            })
            .collect();
        let issues = (doc.issues.iter())
            .map(|i| IssueRecord::new(i, &mut ix))
            .collect();
        let discards = (doc.discards.iter())
            .map(|d| DiscardData {
                sentence_index: d.sentence,
                story: d.story,
            })
            .collect();
        DocData {
            id: doc.id,
            issues,
            discards,
            dates,
            published: doc.published,
            dateline,
            reported_by: doc.reported_by.map(String::from),
            body_start: doc.body_start,
            sentences,
            events,
            text,
            html: false,
        }
    }
}
