//! Diagnosis: why each sentence of an article was coded or not, for dictionary work.
//!
//! [`Coder::diagnose`] runs the very pipeline of [`Coder::code`] with an observer ([`Trace`])
//! that records what becomes of every predicate (the rule that dropped it, or the events it
//! gave) and of every raw event (a new distinct event, a duplicate of an earlier one, or one the
//! options filter out). [`Coder::code`] runs the same code with the observer `()`, whose methods
//! do nothing and compile away, so coding is neither slower nor different.

use std::collections::VecDeque;
use std::fmt;

use serde::Serialize;

use super::coder::{Coder, Document, check_size};
use super::event::{Event, TextSpan};
use crate::article::{Article, Span};
use crate::error::Result;
use crate::lexicon::Pattern;
use crate::parse::Predicate;

/// What the diagnosis observes of coding. Every method does nothing by default; the normal
/// path passes `()`.
pub(super) trait Trace {
    /// A predicate of sentence `sentence` with trigger `trigger` was dropped by `why` (the name
    /// of a rule of [`super::predicate::RULES`], or what dropped it before them).
    #[inline(always)]
    fn dropped(
        &mut self,
        _sentence: usize,
        _trigger: Span,
        _p: &Predicate,
        _pattern: &Pattern,
        _why: &'static str,
    ) {
    }
    /// A predicate of sentence `sentence` gave `n` raw events: the next `n` that
    /// [`Trace::raw_event`] sees.
    #[inline(always)]
    fn drafted(&mut self, _sentence: usize, _trigger: Span, _pattern: &Pattern, _n: usize) {}
    /// The next raw event went to distinct event `slot`: a new one, or a duplicate.
    #[inline(always)]
    fn raw_event(&mut self, _slot: usize, _new: bool) {}
    /// The distinct events, by slot, before the options' filters.
    #[inline(always)]
    fn distinct_events(&mut self, _events: &[Event]) {}
}

impl Trace for () {}

/// Why a trigger gave no event.
///
/// ```
/// use eventcoder::code::DropReason;
/// assert_eq!(DropReason::NoActor.as_str(), "no actor");
/// assert_eq!(DropReason::Duplicate { of_sentence: 0 }.to_string(), "duplicate of an event of sentence 0");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DropReason {
    /// A trigger matched but no source could be found: no subject written or inherited, and
    /// no agent the coder may imply (an unattributed attack needs a place, an agentless
    /// passive a patient).
    NoActor,
    /// Negated ("did not attack") with no refusal code for it; kept, marked, with
    /// [`crate::CoderOptions::keep_negated`].
    Negated,
    /// A possibility ("could meet", "might sign"): no act. Only a possible harm is coded, as a
    /// threat.
    Hypothetical,
    /// Inside an "if" or "unless" clause ("if the EU imposes sanctions"): a condition.
    Conditional,
    /// A code meaningless without a target, and none was found ("received a prison sentence").
    NoTarget,
    /// A bare violent verb without a party as its object ("kill the bill").
    NoParty,
    /// In a relative clause set off by commas, before the main verb: background, not news
    /// ("Israel, which killed Nasrallah in September, agreed ...").
    Background,
    /// Governed by a passive directive ("was ordered to withdraw"): demanded, not done.
    Directed,
    /// The subject is a thing, not an actor ("floods killed", "exports hit").
    InanimateSubject,
    /// The same event (code, date, source, target) as one coded earlier, in the sentence
    /// given; that event counts this mention in its evidence.
    Duplicate {
        /// The sentence of the earlier event.
        of_sentence: usize,
    },
    /// Not a resolved dyad while [`crate::CoderOptions::require_dyad`] is set.
    NotDyad,
    /// Below [`crate::CoderOptions::min_confidence`].
    LowConfidence,
    /// Dropped by another rule of the coder (its name, as in the rules table of the coder).
    Rule(&'static str),
}

impl DropReason {
    /// A short name: "no actor", "negated", "hypothetical", "duplicate", ...
    pub fn as_str(&self) -> &'static str {
        match self {
            DropReason::NoActor => "no actor",
            DropReason::Negated => "negated",
            DropReason::Hypothetical => "hypothetical",
            DropReason::Conditional => "conditional",
            DropReason::NoTarget => "no target",
            DropReason::NoParty => "no party",
            DropReason::Background => "background",
            DropReason::Directed => "directed",
            DropReason::InanimateSubject => "inanimate subject",
            DropReason::Duplicate { .. } => "duplicate",
            DropReason::NotDyad => "not a dyad",
            DropReason::LowConfidence => "low confidence",
            DropReason::Rule(name) => name,
        }
    }

    /// The reason of a rule name given by the predicate rules or the options' filters.
    fn of_rule(name: &'static str, p: Option<&Predicate>) -> DropReason {
        match name {
            "implied-agent" => DropReason::NoActor,
            "hypothetical" if p.is_some_and(|p| p.modality.conditional) => DropReason::Conditional,
            "hypothetical" => DropReason::Hypothetical,
            "needs-target" => DropReason::NoTarget,
            "bare-verb-needs-party" => DropReason::NoParty,
            "background" => DropReason::Background,
            "directed" => DropReason::Directed,
            "inanimate-subject" => DropReason::InanimateSubject,
            "negated" => DropReason::Negated,
            "not-dyad" => DropReason::NotDyad,
            "low-confidence" => DropReason::LowConfidence,
            other => DropReason::Rule(other),
        }
    }
}

impl fmt::Display for DropReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DropReason::Duplicate { of_sentence } => {
                write!(f, "duplicate of an event of sentence {of_sentence}")
            }
            DropReason::Rule(name) => write!(f, "dropped by rule {name}"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// One trigger (a verb or noun pattern matched in a sentence) and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerDiagnosis {
    /// The trigger words.
    pub trigger: TextSpan,
    /// The pattern that matched, with its dictionary file and line: "file:line `pattern`".
    pub rule: String,
    /// The pattern's CAMEO code (the rules may have changed it in the events).
    pub code: String,
    /// `None` when it gave at least one event of the document; else why it gave none.
    pub dropped: Option<DropReason>,
}

/// What became of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SentenceOutcome {
    /// Coded: the document's events first mentioned in the sentence (as [`Coder::code`]
    /// gives them).
    Events(Vec<Event>),
    /// No verb or noun pattern matched.
    NoTrigger,
    /// A trigger matched but no source could be found ([`DropReason::NoActor`]).
    NoActor {
        /// The first trigger.
        trigger: TextSpan,
    },
    /// Negated and filtered ([`DropReason::Negated`]).
    Negated {
        /// The first trigger.
        trigger: TextSpan,
    },
    /// A possibility or a condition, not an act ([`DropReason::Hypothetical`],
    /// [`DropReason::Conditional`]).
    Hypothetical {
        /// The first trigger.
        trigger: TextSpan,
        /// In an "if" / "unless" clause.
        conditional: bool,
    },
    /// Every event it gave was coded earlier ([`DropReason::Duplicate`]).
    Duplicate {
        /// The first trigger.
        trigger: TextSpan,
        /// The sentence of the earlier event.
        of_sentence: usize,
    },
    /// Dropped for another reason.
    Dropped {
        /// The first trigger.
        trigger: TextSpan,
        /// Why.
        reason: DropReason,
    },
}

impl SentenceOutcome {
    /// A short name: "events", "no trigger", or the [`DropReason::as_str`] of the reason.
    ///
    /// ```
    /// use eventcoder::code::SentenceOutcome;
    /// assert_eq!(SentenceOutcome::NoTrigger.as_str(), "no trigger");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            SentenceOutcome::Events(_) => "events",
            SentenceOutcome::NoTrigger => "no trigger",
            SentenceOutcome::NoActor { .. } => DropReason::NoActor.as_str(),
            SentenceOutcome::Negated { .. } => DropReason::Negated.as_str(),
            SentenceOutcome::Hypothetical {
                conditional: false, ..
            } => DropReason::Hypothetical.as_str(),
            SentenceOutcome::Hypothetical {
                conditional: true, ..
            } => DropReason::Conditional.as_str(),
            SentenceOutcome::Duplicate { .. } => "duplicate",
            SentenceOutcome::Dropped { reason, .. } => reason.as_str(),
        }
    }

    /// The events, when the sentence was coded.
    pub fn events(&self) -> &[Event] {
        match self {
            SentenceOutcome::Events(e) => e,
            _ => &[],
        }
    }

    fn of(trigger: TextSpan, reason: DropReason) -> SentenceOutcome {
        match reason {
            DropReason::NoActor => SentenceOutcome::NoActor { trigger },
            DropReason::Negated => SentenceOutcome::Negated { trigger },
            DropReason::Hypothetical => SentenceOutcome::Hypothetical {
                trigger,
                conditional: false,
            },
            DropReason::Conditional => SentenceOutcome::Hypothetical {
                trigger,
                conditional: true,
            },
            DropReason::Duplicate { of_sentence } => SentenceOutcome::Duplicate {
                trigger,
                of_sentence,
            },
            reason => SentenceOutcome::Dropped { trigger, reason },
        }
    }
}

/// One sentence of a [`Diagnosis`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceDiagnosis {
    /// 0-based position in the article.
    pub index: usize,
    /// Where it is, in bytes.
    pub span: Span,
    /// Coded, or why not (the reason of its first trigger when none gave an event).
    pub outcome: SentenceOutcome,
    /// Every trigger of the sentence in order, the coded ones and the dropped ones.
    pub triggers: Vec<TriggerDiagnosis>,
}

/// What [`Coder::diagnose`] found: the document [`Coder::code`] gives, and for every sentence
/// its events or why it has none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    /// The coded document, the same as [`Coder::code`]'s.
    pub document: Document,
    /// Every sentence, in order.
    pub sentences: Vec<SentenceDiagnosis>,
}

/// A trigger as recorded while coding.
struct Recorded {
    sentence: usize,
    trigger: Span,
    rule: String,
    code: String,
    /// The rule that dropped it, and whether it was conditional.
    dropped: Option<(&'static str, bool)>,
    /// Its raw events: (distinct event slot, new).
    raw: Vec<(usize, bool)>,
}

/// The [`Trace`] of a diagnosis.
struct Recorder<'a> {
    /// The coder, whose options filter the distinct events.
    coder: &'a Coder,
    triggers: Vec<Recorded>,
    /// For each raw event not yet seen by `raw_event`, the trigger that gave it.
    awaiting: VecDeque<usize>,
    /// Each distinct event's sentence and the filter that drops it, if any, by slot.
    distinct: Vec<(usize, Option<&'static str>)>,
}

impl Trace for Recorder<'_> {
    fn dropped(
        &mut self,
        sentence: usize,
        trigger: Span,
        p: &Predicate,
        pattern: &Pattern,
        why: &'static str,
    ) {
        self.triggers.push(Recorded {
            sentence,
            trigger,
            rule: pattern.rule.to_string(),
            code: pattern.code.clone(),
            dropped: Some((why, p.modality.conditional)),
            raw: Vec::new(),
        });
    }

    fn drafted(&mut self, sentence: usize, trigger: Span, pattern: &Pattern, n: usize) {
        let i = self.triggers.len();
        self.triggers.push(Recorded {
            sentence,
            trigger,
            rule: pattern.rule.to_string(),
            code: pattern.code.clone(),
            dropped: None,
            raw: Vec::with_capacity(n),
        });
        self.awaiting.extend(std::iter::repeat_n(i, n));
    }

    fn raw_event(&mut self, slot: usize, new: bool) {
        if let Some(i) = self.awaiting.pop_front() {
            self.triggers[i].raw.push((slot, new));
        }
    }

    fn distinct_events(&mut self, events: &[Event]) {
        self.distinct = events
            .iter()
            .map(|e| (e.sentence.index, self.coder.filtered_out(e)))
            .collect();
    }
}

impl Recorder<'_> {
    /// Why a trigger that was drafted gave no event of the document, if it gave none.
    fn fate(&self, raw: &[(usize, bool)]) -> Option<DropReason> {
        let survives = |slot: usize| self.distinct.get(slot).is_some_and(|d| d.1.is_none());
        if raw.iter().any(|&(slot, new)| new && survives(slot)) {
            return None;
        }
        let Some(&(slot, new)) = raw.first() else {
            return Some(DropReason::Rule("no-event"));
        };
        let (sentence, filter) = self.distinct.get(slot).copied().unwrap_or((0, None));
        Some(match filter {
            Some(f) => DropReason::of_rule(f, None),
            None if !new => DropReason::Duplicate {
                of_sentence: sentence,
            },
            // (A new event that survives was handled above.)
            None => DropReason::Rule("no-event"),
        })
    }

    fn diagnosis(self, document: Document, text: &str) -> Diagnosis {
        let text_span = |span: Span| TextSpan {
            text: text.get(span.start..span.end).unwrap_or_default().into(),
            span,
        };
        let mut sentences: Vec<SentenceDiagnosis> = document
            .sentences
            .iter()
            .map(|s| SentenceDiagnosis {
                index: s.index,
                span: s.span,
                outcome: SentenceOutcome::NoTrigger,
                triggers: Vec::new(),
            })
            .collect();
        for t in &self.triggers {
            let dropped = match t.dropped {
                Some((why, conditional)) => Some(match DropReason::of_rule(why, None) {
                    DropReason::Hypothetical if conditional => DropReason::Conditional,
                    r => r,
                }),
                None => self.fate(&t.raw),
            };
            if let Some(s) = sentences.iter_mut().find(|s| s.index == t.sentence) {
                s.triggers.push(TriggerDiagnosis {
                    trigger: text_span(t.trigger),
                    rule: t.rule.clone(),
                    code: t.code.clone(),
                    dropped,
                });
            }
        }
        for s in &mut sentences {
            let events: Vec<Event> = document
                .events
                .iter()
                .filter(|e| e.sentence.index == s.index)
                .cloned()
                .collect();
            s.outcome = if !events.is_empty() {
                SentenceOutcome::Events(events)
            } else {
                match s.triggers.iter().find_map(|t| Some((t, t.dropped?))) {
                    Some((t, reason)) => SentenceOutcome::of(t.trigger.clone(), reason),
                    None => SentenceOutcome::NoTrigger,
                }
            };
        }
        Diagnosis {
            document,
            sentences,
        }
    }
}

impl Coder {
    /// Codes an article as [`Coder::code`] does and tells, for every sentence, its events or
    /// why it has none: no trigger (no verb or noun pattern matched), no actor, negated,
    /// hypothetical or conditional, a duplicate of an earlier event, or another rule; and for
    /// every trigger, the pattern (with its dictionary file and line) and what became of it.
    ///
    /// The document is the one [`Coder::code`] gives (the same events, in the same order);
    /// coding with [`Coder::code`] does none of the recording this does.
    ///
    /// ```
    /// use eventcoder::{Article, Coder};
    /// use eventcoder::code::SentenceOutcome;
    /// let text = "Israeli troops did not attack Gaza on Sunday. The weather was mild. \
    ///             Russia and China could sign a trade deal next year.";
    /// let coder = Coder::new();
    /// let article = Article::new("a", text).with_published_str("2024-03-06")?;
    /// let d = coder.diagnose(&article)?;
    /// let outcomes: Vec<&str> = d.sentences.iter().map(|s| s.outcome.as_str()).collect();
    /// assert_eq!(outcomes, ["negated", "no trigger", "hypothetical"]);
    /// assert!(matches!(&d.sentences[0].outcome, SentenceOutcome::Negated { trigger } if trigger.text == "attack"));
    /// assert_eq!(d.document, coder.code(&article)?);
    /// # Ok::<(), eventcoder::Error>(())
    /// ```
    pub fn diagnose(&self, article: &Article) -> Result<Diagnosis> {
        check_size(&article.text)?;
        let mut recorder = Recorder {
            coder: self,
            triggers: Vec::new(),
            awaiting: VecDeque::new(),
            distinct: Vec::new(),
        };
        let document = self.code_traced(article, &mut recorder)?;
        Ok(recorder.diagnosis(document, &article.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CoderOptions;

    /// `rel` in the repository's shared fixtures (`tests/fixtures/`, read by the CLI's and the
    /// Python tests too), or `None` with a message where they are absent, as in a packaged
    /// crate. The test command (scripts/test-all, so CI) requires them.
    fn shared_fixture(rel: &str) -> Option<std::path::PathBuf> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(rel);
        if path.exists() {
            return Some(path);
        }
        let why = format!(
            "{} not found: the shared fixtures are in the repository, not in the packaged crate",
            path.display()
        );
        assert!(
            std::env::var("EVENTCODER_REQUIRE_ALL").as_deref() != Ok("1"),
            "{why} (required: EVENTCODER_REQUIRE_ALL=1)"
        );
        eprintln!("SKIPPED: {why}");
        None
    }

    fn diagnose(coder: &Coder, text: &str) -> Diagnosis {
        let article = Article::new("t", text)
            .with_published_str("2024-03-06")
            .unwrap();
        let d = coder.diagnose(&article).unwrap();
        // The diagnosis never changes what is coded.
        assert_eq!(d.document, coder.code(&article).unwrap(), "{text}");
        d
    }

    /// The outcome of the only sentence of `text`.
    fn outcome(coder: &Coder, text: &str) -> SentenceOutcome {
        let d = diagnose(coder, text);
        assert_eq!(d.sentences.len(), 1, "{text}");
        d.sentences[0].outcome.clone()
    }

    #[test]
    fn a_sentence_without_a_verb_pattern_has_no_trigger() {
        let coder = Coder::new();
        let d = diagnose(&coder, "The weather in Geneva was mild on Tuesday.");
        assert_eq!(d.sentences[0].outcome, SentenceOutcome::NoTrigger);
        assert!(d.sentences[0].triggers.is_empty());
    }

    #[test]
    fn a_trigger_without_a_source_has_no_actor() {
        let o = outcome(&Coder::new(), "The talks were held behind closed doors.");
        match o {
            SentenceOutcome::NoActor { trigger } => assert_eq!(trigger.text, "held"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_negated_sentence_is_filtered_as_negated_unless_kept() {
        let text = "Israeli troops did not attack Gaza on Sunday.";
        match outcome(&Coder::new(), text) {
            SentenceOutcome::Negated { trigger } => assert_eq!(trigger.text, "attack"),
            other => panic!("{other:?}"),
        }
        let keep = Coder::new()
            .with_options(CoderOptions {
                keep_negated: true,
                ..Default::default()
            })
            .unwrap();
        let events = outcome(&keep, text).events().to_vec();
        assert!(!events.is_empty() && events.iter().all(|e| e.negated));
        // "did not meet" has a refusal code: coded, not filtered.
        let refusal = outcome(&Coder::new(), "Iran did not meet the European envoys.");
        assert_eq!(refusal.events()[0].cameo.code, "125");
    }

    #[test]
    fn possibilities_and_conditions_are_hypothetical() {
        let coder = Coder::new();
        match outcome(
            &coder,
            "Russia and China could sign a trade deal next year.",
        ) {
            SentenceOutcome::Hypothetical {
                trigger,
                conditional: false,
            } => assert_eq!(trigger.text, "sign a trade deal"),
            other => panic!("{other:?}"),
        }
        match outcome(&coder, "Iran will respond if the EU imposes sanctions.") {
            SentenceOutcome::Hypothetical {
                conditional: true, ..
            } => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_repeated_event_is_a_duplicate_of_its_first_sentence() {
        let d = diagnose(
            &Coder::new(),
            "Armenian Prime Minister Nikol Pashinyan met Russian President Vladimir Putin in \
             Moscow on Monday. Pashinyan met Putin in Moscow on Monday.",
        );
        assert_eq!(d.sentences[0].outcome.as_str(), "events");
        match &d.sentences[1].outcome {
            SentenceOutcome::Duplicate {
                trigger,
                of_sentence: 0,
            } => assert_eq!(trigger.text, "met"),
            other => panic!("{other:?}"),
        }
        assert_eq!(d.document.events[0].mentions, 2);
    }

    #[test]
    fn the_options_filters_are_reasons_too() {
        let dyads = Coder::new()
            .with_options(CoderOptions {
                require_dyad: true,
                ..Default::default()
            })
            .unwrap();
        match outcome(&dyads, "Egypt protested on Sunday.") {
            SentenceOutcome::Dropped {
                reason: DropReason::NotDyad,
                ..
            } => {}
            other => panic!("{other:?}"),
        }
        let confident = Coder::new()
            .with_options(CoderOptions {
                min_confidence: 1.0,
                ..Default::default()
            })
            .unwrap();
        match outcome(&confident, "Egypt protested on Sunday.") {
            SentenceOutcome::Dropped {
                reason: DropReason::LowConfidence,
                ..
            } => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_trigger_names_its_pattern_and_fate() {
        let d = diagnose(
            &Coder::new(),
            "Russia expelled two Estonian diplomats on Monday, the ministry said.",
        );
        let s = &d.sentences[0];
        assert!(s.triggers.len() >= 2, "{s:?}");
        for t in &s.triggers {
            assert!(t.rule.starts_with("builtin:verbs/"), "{t:?}");
            assert!(t.rule.contains(':') && t.rule.contains('`'), "{t:?}");
        }
        assert!(
            s.triggers
                .iter()
                .any(|t| t.trigger.text.starts_with("expelled") && t.dropped.is_none())
        );
    }

    /// Coded sentences carry exactly the document's events (in order); every event of the
    /// document is in the sentence it was first mentioned in; and the document is the one
    /// `code` gives (checked in `diagnose`), over the fixture articles.
    #[test]
    fn sentence_events_partition_the_documents_events() {
        let Some(dir) = shared_fixture("articles") else {
            return;
        };
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for coder in [
                Coder::new(),
                Coder::builder().keep_negated(true).build().unwrap(),
            ] {
                let d = diagnose(&coder, &text);
                let from_sentences: Vec<&Event> = d
                    .sentences
                    .iter()
                    .flat_map(|s| s.outcome.events())
                    .collect();
                let events: Vec<&Event> = d.document.events.iter().collect();
                let mut sorted = events.clone();
                sorted.sort_by_key(|e| e.sentence.index);
                assert_eq!(from_sentences, sorted);
                assert_eq!(d.sentences.len(), d.document.sentences.len());
                for s in &d.sentences {
                    let coded = s.triggers.iter().any(|t| t.dropped.is_none());
                    assert_eq!(coded, !s.outcome.events().is_empty(), "{s:?}");
                    assert_eq!(
                        s.outcome == SentenceOutcome::NoTrigger,
                        s.triggers.is_empty()
                    );
                }
                n += events.len();
            }
        }
        assert!(n > 50, "{n} events");
    }

    /// Over every sentence of the event table: the same document as `code`, and the events
    /// of the coded sentences are the document's.
    #[test]
    fn the_event_table_is_diagnosed_as_coded() {
        let Some(path) = shared_fixture("events.tsv") else {
            return;
        };
        let table = std::fs::read_to_string(path).unwrap();
        let coder = Coder::new();
        let mut rows = 0;
        for line in table.lines().skip(1).filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let [_, published, text, ..] = f[..] else {
                continue;
            };
            let article = Article::new("t", text)
                .with_published_str(published)
                .unwrap();
            let d = coder.diagnose(&article).unwrap();
            assert_eq!(d.document, coder.code(&article).unwrap(), "{text}");
            let n: usize = d.sentences.iter().map(|s| s.outcome.events().len()).sum();
            assert_eq!(n, d.document.events.len(), "{text}");
            rows += 1;
        }
        assert!(rows > 600, "{rows} rows");
    }

    #[test]
    fn odd_input_is_diagnosed_as_coded() {
        let coder = Coder::new();
        for text in [
            "",
            " ",
            "\u{feff}",
            "date 2024-01-01\n",
            "!!!",
            "\"\"\".",
            "a\0b",
        ] {
            let d = diagnose(&coder, text);
            assert!(d.sentences.iter().all(|s| s.outcome.as_str() != "events"));
        }
        let big = "x".repeat(crate::MAX_ARTICLE_BYTES + 1);
        assert!(coder.diagnose(&Article::new("big", big)).is_err());
    }
}
