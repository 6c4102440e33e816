//! The coder: raw article → [`Document`] with typed, explained, deduplicated events.

use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::dates::{DateMention, find_dates, resolve_partial};
use super::event::*;
use super::resolve::{Memory, Resolver};
use super::targets::{TargetContext, infer as infer_target};
use crate::article::{Article, MAX_ARTICLE_BYTES, Span};
use crate::error::{Error, Result};
use crate::lexicon::{ContextId, Lexicon, LexiconBuilder, PhraseMatch, Referent, Unit};
use crate::ontology::{Modal, Sector, cameo, modal_code};
use crate::parse::{
    Mention, Predicate, Reference, StateForm, mentions, merge_predicates, nominal_predicates,
    predicates,
};
use crate::text::{Dateline, Sentence, Token, parse_header, split_sentences, tokenize};

/// Options of a [`Coder`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoderOptions {
    /// Emit only events with both a source and a target, each resolved to a code.
    pub require_dyad: bool,
    /// Keep negated events (marked `negated`) instead of dropping them.
    pub keep_negated: bool,
    /// Drop events below this confidence.
    pub min_confidence: f32,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_dyad: false,
            keep_negated: false,
            min_confidence: 0.0,
        }
    }
}

/// An article after coding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The article id.
    pub id: String,
    /// The published date used (the article's, else its date line's).
    pub published: Option<NaiveDate>,
    /// The dateline, if any.
    pub dateline: Option<Dateline>,
    /// Where the story body starts, in bytes: after the date line and the dateline. The
    /// sentences' token ranges index the tokens from here.
    pub body_start: usize,
    /// The sentences (token ranges index the article's tokens from the body start).
    pub sentences: Vec<Sentence>,
    /// The events, deduplicated, in order of first mention.
    pub events: Vec<Event>,
    /// The outlet the article cites.
    pub reported_by: Option<String>,
    /// Every date written in the story body, resolved against the published date (only
    /// resolvable ones: "Monday" needs a published date).
    pub dates: Vec<DateSpan>,
}

/// A date written in an article.
///
/// ```
/// use eventcoder::{Article, Coder};
/// let text = "Iran summoned the envoy on Monday and recalled its ambassador last week.";
/// let doc = Coder::new().code(&Article::new("a", text).with_published_str("2024-04-10")?)?;
/// let dates: Vec<(&str, String)> =
///     doc.dates.iter().map(|d| (d.span.slice(text), d.date.to_string())).collect();
/// assert_eq!(dates, [("Monday", "2024-04-08".to_string()), ("last week", "2024-04-03".to_string())]);
/// # Ok::<(), eventcoder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateSpan {
    /// The words ("on Monday" gives "Monday"; "last week" all of it).
    pub span: Span,
    /// The date they resolve to.
    pub date: NaiveDate,
    /// The sentence they are in.
    pub sentence: usize,
}

/// Codes articles. Cheap to clone (the lexicon is shared); `Send + Sync`.
///
/// ```
/// use eventcoder::{Article, Coder};
/// let coder = Coder::new();
/// let article = Article::new("a1", "Armenian Prime Minister Nikol Pashinyan met Russian President Vladimir Putin in Moscow on Monday.")
///     .with_published_str("2021-04-08")?;
/// let doc = coder.code(&article)?;
/// let e = &doc.events[0];
/// assert_eq!(e.cameo.root, "04");
/// assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("ARM"));
/// assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("RUS"));
/// assert_eq!(e.date.unwrap().to_string(), "2021-04-05");
/// assert_eq!(e.location.as_ref().unwrap().name, "Moscow");
/// println!("{}", e.explain(&article.text));
/// # Ok::<(), eventcoder::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Coder {
    lexicon: Arc<Lexicon>,
    options: CoderOptions,
}

impl Default for Coder {
    fn default() -> Self {
        Coder::new()
    }
}

/// Builds a [`Coder`] with user dictionaries and options.
#[derive(Debug, Clone)]
pub struct CoderBuilder {
    lexicon: LexiconBuilder,
    custom: bool,
    options: CoderOptions,
}

impl CoderBuilder {
    /// Merges a user dictionary file over the built-ins (see [`crate::lexicon`] for the format).
    pub fn dictionary(mut self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        self.lexicon = self.lexicon.dictionary(path)?;
        self.custom = true;
        Ok(self)
    }
    /// Merges a user dictionary given as a string.
    pub fn dictionary_str(mut self, name: &str, text: &str) -> Self {
        self.lexicon = self.lexicon.dictionary_str(name, text);
        self.custom = true;
        self
    }
    /// Emit only events with a target.
    pub fn require_dyad(mut self, yes: bool) -> Self {
        self.options.require_dyad = yes;
        self
    }
    /// Keep negated events, marked.
    pub fn keep_negated(mut self, yes: bool) -> Self {
        self.options.keep_negated = yes;
        self
    }
    /// Drop events below a confidence.
    pub fn min_confidence(mut self, c: f32) -> Self {
        self.options.min_confidence = c;
        self
    }
    /// Builds the coder (compiling the lexicon if user dictionaries were added).
    pub fn build(self) -> Result<Coder> {
        let lexicon = if self.custom {
            Arc::new(self.lexicon.build()?)
        } else {
            Lexicon::builtin()
        };
        Ok(Coder {
            lexicon,
            options: self.options,
        })
    }
}

struct Sent<'a> {
    sentence: &'a Sentence,
    mentions: Vec<Mention>,
    actors: Vec<Vec<Rc<Actor>>>,
    preds: Vec<Predicate>,
    contexts: Vec<ContextId>,
    dates: Vec<DateMention>,
    location: Option<Location>,
    outlet: Option<String>,
}

/// What every event of one predicate shares; builds the events.
struct EventContext<'a> {
    article_id: &'a str,
    sentence: SentenceRef,
    date: Option<NaiveDate>,
    date_source: DateSource,
    location: Option<Location>,
    reported_by: Option<String>,
    contexts: Vec<&'static str>,
}

impl EventContext<'_> {
    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        code: &str,
        source: &Actor,
        target: Option<&Actor>,
        trigger: &TextSpan,
        rule: &str,
        confidence: f32,
        negated: bool,
    ) -> Event {
        let entry = cameo(code).expect("the coder only emits codes of the table");
        Event {
            article_id: self.article_id.to_string(),
            date: self.date,
            source: Some(source.clone()),
            target: target.cloned(),
            cameo: Cameo::of(code),
            plover: Plover {
                event_type: entry.plover_type,
                mode: entry.plover_mode.clone(),
                contexts: self.contexts.clone(),
            },
            sentence: self.sentence.clone(),
            trigger: trigger.clone(),
            rule: rule.to_string(),
            confidence: confidence.clamp(0.05, 1.0),
            location: self.location.clone(),
            reported_by: self.reported_by.clone(),
            negated,
            date_source: self.date_source,
            evidence: vec![Evidence {
                sentence: self.sentence.clone(),
                trigger: trigger.clone(),
                rule: rule.to_string(),
            }],
        }
    }
}

impl Sent<'_> {
    /// One past the sentence's last unit.
    fn sentence_end_unit(&self, units: &[Unit]) -> usize {
        let last = self.sentence.tokens.end;
        units.partition_point(|u| (u.token as usize) < last)
    }
}

impl Coder {
    /// A coder with the built-in lexicon and default options.
    pub fn new() -> Coder {
        Coder {
            lexicon: Lexicon::builtin(),
            options: CoderOptions::default(),
        }
    }
    /// A builder.
    pub fn builder() -> CoderBuilder {
        CoderBuilder {
            lexicon: Lexicon::builder(),
            custom: false,
            options: CoderOptions::default(),
        }
    }
    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
    /// The options in use.
    pub fn options(&self) -> &CoderOptions {
        &self.options
    }
    /// The same lexicon with other options; cheap (the lexicon is shared, not rebuilt).
    ///
    /// ```
    /// use eventcoder::{Coder, CoderOptions};
    /// let strict = Coder::new().with_options(CoderOptions { require_dyad: true, ..Default::default() });
    /// assert!(strict.options().require_dyad);
    /// ```
    pub fn with_options(&self, options: CoderOptions) -> Coder {
        Coder {
            lexicon: Arc::clone(&self.lexicon),
            options,
        }
    }

    /// Codes raw text with an optional published date.
    pub fn code_text(&self, text: &str, published: Option<NaiveDate>) -> Result<Document> {
        let mut a = Article::new("", text);
        a.published = published;
        self.code(&a)
    }

    /// Codes many articles in parallel (rayon). Results are in input order.
    pub fn code_many(&self, articles: &[Article]) -> Vec<Result<Document>> {
        articles.par_iter().map(|a| self.code(a)).collect()
    }

    /// Codes one article.
    pub fn code(&self, article: &Article) -> Result<Document> {
        let text = article.text.as_str();
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(Error::InputTooLarge {
                len: text.len(),
                limit: MAX_ARTICLE_BYTES,
            });
        }
        let lex = &*self.lexicon;
        let header = parse_header(text)?;
        let published = article.published.or(header.published);
        let body = header
            .dateline
            .as_ref()
            .map_or(header.body_start, |d| d.span.end);
        let tokens: Vec<Token<'_>> = tokenize(text).skip_while(|t| t.span.start < body).collect();
        let sentences = split_sentences(text, &tokens);
        let mut units: Vec<Unit> = Vec::with_capacity(tokens.len() + 8);
        lex.units(&tokens, &mut units);
        let unit_at = |tok: usize| units.partition_point(|u| (u.token as usize) < tok);

        let dateline_loc = header
            .dateline
            .as_ref()
            .and_then(|d| self.place_of(d.place_span, text, LocationSource::Dateline));
        let dateline_date = header
            .dateline
            .as_ref()
            .and_then(|d| d.date)
            .and_then(|d| resolve_partial(d, published));
        let dateline_outlet = header
            .dateline
            .as_ref()
            .and_then(|d| d.outlet.as_ref())
            .map(|o| self.outlet_name(o));

        let resolver = Resolver {
            lex,
            text,
            published,
        };
        let mut memory = Memory::default();
        let mut matches: Vec<PhraseMatch> = Vec::new();
        let mut context_hits = vec![0u32; lex.contexts.len()];
        let mut first_outlet: Option<String> = None;
        let mut events: Vec<Event> = Vec::new();
        let mut dates: Vec<DateSpan> = Vec::new();

        for sentence in &sentences {
            let range = unit_at(sentence.tokens.start)..unit_at(sentence.tokens.end);
            lex.match_phrases(&units[range.clone()], text, &mut matches);
            for m in &mut matches {
                m.start += range.start;
                m.end += range.start;
            }
            let ms = mentions(lex, &units, text, range.clone(), &matches);
            let mut s = Sent {
                sentence,
                contexts: Vec::new(),
                dates: Vec::new(),
                location: None,
                outlet: None,
                actors: Vec::with_capacity(ms.len()),
                preds: Vec::new(),
                mentions: Vec::new(),
            };
            for m in &matches {
                if let Referent::Context(c) = m.sense.referent {
                    if !s.contexts.contains(&c) {
                        s.contexts.push(c);
                        context_hits[c.index()] += 1;
                    }
                }
            }
            find_dates(
                &tokens[sentence.tokens.clone()],
                sentence.tokens.start,
                published,
                &mut s.dates,
            );
            dates.extend(s.dates.iter().map(|d| DateSpan {
                span: tokens[d.first].span.cover(tokens[d.end - 1].span),
                date: d.date,
                sentence: sentence.index,
            }));
            for m in &ms {
                if let Some(o) = m.outlet {
                    if m.is_outlet_only() {
                        let name = lex.outlets[o].name.clone();
                        s.outlet.get_or_insert(name.clone());
                        first_outlet.get_or_insert(name);
                    }
                }
            }
            // Predicates first: a place that is an event's target ("arrived in Ankara") lends
            // no state to the event's source, and a clause's subject ("after India shelled")
            // is no place.
            let verbs = predicates(lex, &units, text, range.clone(), &ms, &matches);
            let nominal =
                nominal_predicates(lex, &units, text, range.clone(), &ms, &matches, &verbs);
            let preds = merge_predicates(verbs, nominal);
            let subjects: Vec<usize> = preds
                .iter()
                .flat_map(|p| p.subjects.iter().copied())
                .collect();
            s.location = self.sentence_location(&ms, text, &subjects);
            // Where generic and untitled actors get their state: the sentence's location, the
            // dateline, else the first state the sentence names.
            // (The sentence's state counts only if named before the first actor without one, so a
            // later target's state is not taken: "The administration said that China must ...")
            let first_stateless = ms
                .iter()
                .find(|m| m.is_actor() && m.state.is_none() && m.org.is_none() && m.group.is_none())
                .map_or(usize::MAX, |m| m.units.start);
            let sentence_state = ms
                .iter()
                .find(|m| !m.partial && m.state.is_some() && m.units.start < first_stateless)
                .and_then(|m| m.state)
                .map(|(st, _)| lex.states[st].iso3.clone());

            let place_is_target = s.location.as_ref().is_some_and(|l| {
                preds.iter().flat_map(|p| &p.targets).any(|&t| {
                    let span = ms[t].span;
                    span.start <= l.span.start && l.span.end <= span.end
                })
            });
            let place_state = s
                .location
                .as_ref()
                .filter(|_| !place_is_target)
                .and_then(|l| l.country.clone());
            // Where roles without a state get one: the sentence's place (unless it is an
            // event's target), the dateline, else a state the sentence names before them.
            let context_state = place_state
                .or_else(|| dateline_loc.as_ref().and_then(|l| l.country.clone()))
                .or(sentence_state);
            let mut topic_taken = false;
            for m in &ms {
                let acts = if m.is_outlet_only() {
                    Vec::new()
                } else if let Some(owners) = self.whose_owner(m, &ms, &s.actors, &units, text) {
                    // "Kyrgyzstan and Tajikistan, whose border guards": the owners' states.
                    let base = resolver.resolve(m, &memory, None);
                    let mut acts = Vec::new();
                    for o in owners {
                        for b in &base {
                            let mut a = b.clone();
                            a.country.clone_from(&o.country);
                            a.organization.clone_from(&o.organization);
                            a.inferred = true;
                            let owner = o.code.as_deref().and_then(|c| c.get(..3)).unwrap_or("");
                            a.code = Some(format!("{owner}{}", b.code.as_deref().unwrap_or("")));
                            acts.push(a);
                        }
                    }
                    acts
                } else {
                    let mut acts = resolver.resolve(m, &memory, context_state.as_deref());
                    if let Some(p) = m.place {
                        for a in acts
                            .iter_mut()
                            .filter(|a| a.country.is_none() && a.organization.is_none())
                        {
                            // "struck Gaza": a region stands for its state.
                            let iso3 = &lex.places[p].iso3;
                            if a.code.is_none() {
                                a.code = Some(state_code(lex, iso3, a.sector));
                            }
                            a.country = Some(iso3.clone());
                        }
                    }
                    acts
                };
                let acts: Vec<Rc<Actor>> = acts.into_iter().map(Rc::new).collect();
                if m.is_actor() && m.reference.is_none() {
                    for a in &acts {
                        memory.push(a);
                    }
                    if !topic_taken && !acts.is_empty() {
                        topic_taken = true;
                        memory.push_topic(&acts[0], s.sentence.index);
                    }
                }
                s.actors.push(acts);
            }
            // '"We stand ready," the spokeswoman said': "we" is the quote's speaker.
            let speaker: Vec<Rc<Actor>> = preds
                .iter()
                .filter(|p| lex.class(units[p.verb].key) & crate::lexicon::words::REPORT != 0)
                .flat_map(|p| &p.subjects)
                .filter(|&&i| ms[i].reference.is_none())
                .flat_map(|&i| s.actors[i].iter().cloned())
                .collect();
            if !speaker.is_empty() {
                for (i, m) in ms.iter().enumerate() {
                    if m.reference == Some(crate::parse::Reference::Speaker) {
                        s.actors[i] = speaker
                            .iter()
                            .map(|a| {
                                let mut a = (**a).clone();
                                a.text = m.span.slice(text).to_string();
                                a.span = m.span;
                                a.inferred = true;
                                Rc::new(a)
                            })
                            .collect();
                    }
                }
                memory.last_speaker = speaker;
            }
            s.preds = preds;
            s.mentions = ms;
            // An unattributed attack's agent is an armed group of the place (pitfall 6).
            let attack_state = s
                .location
                .as_ref()
                .and_then(|l| l.country.clone())
                .or_else(|| context_state.clone());
            self.events_of(
                &s,
                &units,
                text,
                article,
                published,
                dateline_date,
                &dateline_loc,
                attack_state.as_deref(),
                &mut memory,
                &mut events,
            );
        }

        // Article-level attribution and contexts.
        let reported_by = dateline_outlet
            .or(first_outlet)
            .or_else(|| article.outlet.clone());
        let article_contexts: Vec<&'static str> = lex
            .contexts
            .iter()
            .zip(&context_hits)
            .filter(|(_, n)| **n >= 2)
            .map(|(c, _)| *c)
            .collect();
        for e in &mut events {
            if e.reported_by.is_none() {
                e.reported_by.clone_from(&reported_by);
            }
            for c in &article_contexts {
                if !e.plover.contexts.contains(c) {
                    e.plover.contexts.push(c);
                }
            }
        }
        let mut events = super::dedup::dedup(events);
        events.retain(|e| {
            (!self.options.require_dyad || e.is_resolved_dyad())
                && e.confidence >= self.options.min_confidence
                && (self.options.keep_negated || !e.negated)
        });
        Ok(Document {
            id: article.id.clone(),
            published,
            dateline: header.dateline,
            body_start: body,
            sentences,
            events,
            reported_by,
            dates,
        })
    }

    /// For a generic mention right after "whose", the actors of the antecedent (with compounds).
    fn whose_owner(
        &self,
        m: &Mention,
        ms: &[Mention],
        done: &[Vec<Rc<Actor>>],
        units: &[Unit],
        text: &str,
    ) -> Option<Vec<Actor>> {
        // A role without its own state or organization (it may carry a name: "whose envoy X").
        if m.agent.is_none()
            || m.state.is_some()
            || m.org.is_some()
            || m.person.is_some()
            || m.units.start < 2
        {
            return None;
        }
        let w = m.units.start - 1;
        if !units[w].span.slice(text).eq_ignore_ascii_case("whose")
            || units[w - 1].span.slice(text) != ","
        {
            return None;
        }
        let mut owners: Vec<Actor> = Vec::new();
        let mut end = w - 1;
        while let Some(i) = ms.iter().position(|x| x.units.end == end) {
            if i >= done.len() {
                break;
            }
            owners.splice(0..0, done[i].iter().map(|a| (**a).clone()));
            let start = ms[i].units.start;
            if start == 0 || !matches!(units[start - 1].span.slice(text), "and" | ",") {
                break;
            }
            end = start - 1;
        }
        (!owners.is_empty()).then_some(owners)
    }

    /// An obligation clause after a statement: "Russia said on Tuesday that Sudan must return
    /// ..." is a demand by Russia on Sudan (CAMEO 100); "said Iran should halt ..." an appeal
    /// (020). The clause's subject may be compound and carry a place phrase ("the government
    /// and the rebels in Darfur must reach ...").
    #[allow(clippy::too_many_arguments)]
    fn obligation_request(
        lex: &Lexicon,
        s: &Sent<'_>,
        p: &Predicate,
        units: &[Unit],
        text: &str,
        sources: &[Rc<Actor>],
        ectx: &EventContext<'_>,
    ) -> Option<Vec<Event>> {
        use crate::lexicon::words::{ADVICE, COMP, CONJ, OBLIGATION, POSS, PREP, PREP_LOC, PRON};
        let end = s.sentence_end_unit(units);
        let modal = (p.end..end.min(p.end + 25))
            .find(|&i| lex.class(units[i].key) & (OBLIGATION | ADVICE) != 0)?;
        // Another statement or event verb between the report and the modal opens another clause.
        if s.preds.iter().any(|q| q.verb > p.verb && q.verb < modal) {
            return None;
        }
        let (code, label) = if lex.class(units[modal].key) & OBLIGATION != 0 {
            ("100", "must-demand")
        } else {
            ("020", "should-appeal")
        };
        // The subject: actor mentions walking back from the modal over "and", ",", place
        // phrases and at most three plain words ("other developed nations").
        let mut subject = Vec::new();
        let (mut k, mut plain) = (modal, 0);
        while k > p.end {
            if let Some(mi) = s.mentions.iter().position(|m| m.units.end == k) {
                let m = &s.mentions[mi];
                let start = m.units.start;
                let in_phrase =
                    start > 0 && lex.class(units[start - 1].key) & (PREP | PREP_LOC) != 0;
                if in_phrase {
                    k = start - 1;
                    continue;
                }
                if m.is_actor() {
                    subject.push(mi);
                }
                k = start;
                plain = 0;
            } else {
                let cl = lex.class(units[k - 1].key);
                if cl & CONJ != 0 || units[k - 1].span.slice(text) == "," {
                    k -= 1;
                } else if cl & COMP != 0 || plain >= 3 || units[k - 1].span.slice(text).len() == 1 {
                    break;
                } else {
                    plain += 1;
                    k -= 1;
                }
            }
        }
        // "Hungarian and Romanian officials agreed that their countries should cooperate": an
        // agreement on what the parties themselves should do is their intent (CAMEO 030).
        let agreement = lex.patterns[p.pattern].code == "019";
        let themselves = subject.iter().all(|&mi| {
            s.actors[mi]
                .iter()
                .all(|t| sources.iter().any(|src| src.same_party(t)))
        }) && (k..modal).any(|q| lex.class(units[q].key) & (POSS | PRON) != 0);
        let trigger = TextSpan {
            text: units[modal].span.slice(text).to_string(),
            span: units[modal].span,
        };
        if agreement && themselves {
            let rule = "builtin:rule `SOURCES agree that THEY should ...` +agreed-intent";
            let mut out = Vec::new();
            for src in sources {
                let others: Vec<&Rc<Actor>> =
                    sources.iter().filter(|o| !src.same_party(o)).collect();
                if others.is_empty() {
                    out.push(ectx.event("030", src, None, &trigger, rule, 0.6, false));
                }
                for o in others {
                    out.push(ectx.event("030", src, Some(o), &trigger, rule, 0.6, false));
                }
            }
            return Some(out);
        }
        if subject.is_empty() {
            return None;
        }
        // "reminded Iraq that it must cooperate": a pronoun after a statement to someone is
        // the one addressed.
        let pronoun = subject.iter().all(|&mi| {
            matches!(
                s.mentions[mi].reference,
                Some(Reference::Thing | Reference::Person | Reference::Plural)
            )
        });
        if pronoun && !p.targets.is_empty() {
            subject = p.targets.clone();
        }
        let rule = format!(
            "builtin:rule `SOURCE say ... TARGET {} ...` +{label}",
            trigger.text.to_lowercase()
        );
        let mut out = Vec::new();
        for src in sources {
            for mi in subject.iter().rev() {
                for t in s.actors[*mi].iter().filter(|t| !src.same_party(t)) {
                    out.push(ectx.event(code, src, Some(t), &trigger, &rule, 0.6, false));
                }
            }
        }
        Some(out)
    }

    fn outlet_name(&self, raw: &str) -> String {
        let found = self.lexicon.find(raw);
        found
            .iter()
            .rev()
            .find_map(|(_, r)| match r {
                Referent::Outlet(o) => Some(self.lexicon.outlets[*o].name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| raw.to_string())
    }

    fn place_of(&self, span: Span, text: &str, source: LocationSource) -> Option<Location> {
        let found = self.lexicon.find(span.slice(text));
        let (sub, r) = found.iter().find(|(_, r)| {
            matches!(
                r,
                Referent::Place(_) | Referent::Capital(_) | Referent::StateName(_)
            )
        })?;
        let (name, country) = match *r {
            Referent::Place(p) => (
                self.lexicon.places[p].name.clone(),
                self.lexicon.places[p].iso3.clone(),
            ),
            Referent::Capital(s) | Referent::StateName(s) => {
                let st = &self.lexicon.states[s];
                (
                    if matches!(r, Referent::Capital(_)) {
                        st.capital.clone().unwrap_or_default()
                    } else {
                        st.name.clone()
                    },
                    st.iso3.clone(),
                )
            }
            _ => return None,
        };
        let abs = Span::new(span.start + sub.start, span.start + sub.end);
        Some(Location {
            text: abs.slice(text).to_string(),
            span: abs,
            name,
            country: Some(country),
            source,
        })
    }

    /// Where a sentence's events happened: a place after in/at/near, else a city or region
    /// named elsewhere in the sentence.
    fn sentence_location(
        &self,
        ms: &[Mention],
        text: &str,
        subjects: &[usize],
    ) -> Option<Location> {
        let after_preposition = |(i, m): &(usize, &Mention)| {
            !subjects.contains(i)
                && m.after_prep_loc
                && (m.place.is_some() || m.state.is_some())
                && m.is_role_free()
        };
        let named_place = |m: &&Mention| {
            m.place.is_some()
                && m.state.is_none()
                && !m.partial
                && m.agent.is_none()
                && m.person.is_none()
        };
        ms.iter()
            .enumerate()
            .find(after_preposition)
            .and_then(|(_, m)| self.location_of(m, text))
            .or_else(|| {
                ms.iter()
                    .find(named_place)
                    .and_then(|m| self.location_of(m, text))
            })
    }

    fn location_of(&self, m: &Mention, text: &str) -> Option<Location> {
        let lex = &*self.lexicon;
        let (name, country) = if let Some(p) = m.place {
            (lex.places[p].name.clone(), lex.places[p].iso3.clone())
        } else {
            let (s, _) = m.state?;
            let st = &lex.states[s];
            (st.name.clone(), st.iso3.clone())
        };
        Some(Location {
            text: m.span.slice(text).to_string(),
            span: m.span,
            name,
            country: Some(country),
            source: LocationSource::Sentence,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn events_of(
        &self,
        s: &Sent<'_>,
        units: &[Unit],
        text: &str,
        article: &Article,
        published: Option<NaiveDate>,
        dateline_date: Option<NaiveDate>,
        dateline_loc: &Option<Location>,
        context_state: Option<&str>,
        memory: &mut Memory,
        out: &mut Vec<Event>,
    ) {
        let lex = &*self.lexicon;
        // Actors are shared with the sentence (Rc); only inferred ones are built here.
        let collect = |idx: &[usize]| -> Vec<Rc<Actor>> {
            let mut v: Vec<Rc<Actor>> = Vec::new();
            for &i in idx {
                for a in &s.actors[i] {
                    if !v.iter().any(|x| **x == **a) {
                        v.push(Rc::clone(a));
                    }
                }
            }
            v
        };
        let mut subjects: Vec<Vec<Rc<Actor>>> = s
            .preds
            .iter()
            .map(|p| {
                if p.subjects.is_empty() {
                    Vec::new()
                } else {
                    collect(&p.subjects)
                }
            })
            .collect();
        for pi in 0..s.preds.len() {
            if subjects[pi].is_empty() {
                let mut q = s.preds[pi].inherit;
                let mut hops = 0;
                while let Some(qi) = q {
                    if !subjects[qi].is_empty() || hops > 4 {
                        subjects[pi] = subjects[qi].clone();
                        break;
                    }
                    q = s.preds[qi].inherit;
                    hops += 1;
                }
            }
        }
        for (pi, p) in s.preds.iter().enumerate() {
            if p.inanimate_subject || p.modality.background || p.modality.directed {
                continue;
            }
            let pat = &lex.patterns[p.pattern];
            let mut code = pat.code.clone();
            let mut rule = String::with_capacity(pat.rule.len() + 32);
            rule.push_str(&pat.rule);
            let mut negated = false;
            let m = p.modality;
            // The unit of "unless" / "if" after the predicate, if any.
            let condition = (p.end..s.sentence_end_unit(units))
                .find(|&q| matches!(units[q].span.slice(text), "unless" | "if"));
            if m.refused || m.negated {
                match modal_code(&code, Modal::Negated) {
                    Some(c) => {
                        rule.push_str(&format!(" +refusal({code}->{c})"));
                        code = c;
                    }
                    // "refused to", and "will never recognise": a negated intention is a
                    // refusal too.
                    None if m.refused || m.intent => {
                        rule.push_str(&format!(" +refusal({code}->120)"));
                        code = "120".into();
                    }
                    None => {
                        negated = true;
                        rule.push_str(" +negated");
                    }
                }
            } else if m.intent && !m.threat && decided_act(lex, units, m.governor, &code) {
                // "The EU agreed to impose sanctions": a decision to act against someone is the
                // act itself, not a threat.
                rule.push_str(" +decided");
            } else if m.intent || m.threat {
                if let Some(c) = modal_code(&code, Modal::Intent) {
                    if c != code {
                        rule.push_str(&format!(" +intent({code}->{c})"));
                    }
                    code = c;
                }
                // "will withdraw its force unless ...": an intention with "unless" is a threat;
                // "ready to send peacekeepers if the UN approves" stays an offer.
                let unless = condition.is_some_and(|q| units[q].span.slice(text) == "unless");
                if unless && !code.starts_with("13") {
                    rule.push_str(&format!(" +conditional({code}->130)"));
                    code = "130".into();
                }
            } else if m.hypothetical && code.as_str() >= "15" && !code.starts_with("13") {
                // "may halt mediation", "could strike": a possible harmful act is a threat.
                if let Some(c) = modal_code(&code, Modal::Intent) {
                    if c != code {
                        rule.push_str(&format!(" +possible({code}->{c})"));
                        code = c;
                    }
                }
            }
            // "Croatia is failing to uphold the rights of refugees, a human rights group
            // protested": a protest that attributes the sentence is said, not marched (111).
            if code.starts_with("14")
                && p.targets.is_empty()
                && attributes_sentence(lex, s, p, units, text)
            {
                rule.push_str(&format!(" +reported-protest({code}->111)"));
                code = "111".into();
            }
            if m.passive {
                rule.push_str(" +passive");
            }
            // "discussed ... by phone with": a consultation by telephone.
            if code == "040"
                && (p.verb..(p.end + 12).min(units.len())).any(|q| {
                    matches!(
                        units[q].span.slice(text),
                        "phone" | "telephone" | "videoconference" | "video"
                    )
                })
            {
                code = "041".into();
                rule.push_str(" +by-phone(040->041)");
            }
            // "Turkish drones struck PKK hideouts": force used by aircraft or drones is aerial.
            let aerial = p.subjects.iter().any(|&i| {
                s.mentions[i]
                    .agent
                    .is_some_and(|a| lex.agents[a].flags.aerial)
            });
            if code == "190" && aerial {
                code = "195".into();
                rule.push_str(" +aerial(190->195)");
            }
            let Some(entry) = cameo(&code) else { continue };
            // "kill the bill", "seize the opportunity": a bare violent verb needs a party as its
            // object (judged on the pattern's own code, before modality changed it).
            // (A verb with only a target slot, "strike {t}", is as bare when the slot is empty.)
            let bare = pat.specificity() == 1 && !pat.no_target();
            let needs_object = cameo(&pat.code).is_some_and(|e| e.needs_object);
            let party_follows = || {
                s.mentions.iter().any(|mm| {
                    mm.units.start >= p.end
                        && mm.units.start <= p.end + 6
                        && !mm.after_prep_loc
                        && (mm.is_actor() || mm.state.is_some())
                })
            };
            let mutual = entry.symmetric && subjects[pi].len() >= 2;
            if bare
                && needs_object
                && !m.passive
                && !mutual
                && p.targets.is_empty()
                && !party_follows()
            {
                continue;
            }
            let mut sources = subjects[pi].clone();
            let mut targets = collect(&p.targets);
            // "Thousands took to the streets of Khartoum": a crowd counted, not named, protesting
            // is the civilians of the place (else of the dateline).
            let crowd = entry.targets_own_government
                && p.left_edge > 0
                && lex.class(units[p.left_edge - 1].key) & crate::lexicon::words::QUANT != 0;
            if sources.is_empty() && crowd {
                // ("the streets of Khartoum": a capital or city named after the verb counts.)
                let named_after = || {
                    s.mentions
                        .iter()
                        .filter(|mm| mm.units.start >= p.end)
                        .find(|mm| {
                            mm.is_place_only() || matches!(mm.state, Some((_, StateForm::Capital)))
                        })
                        .and_then(|mm| self.location_of(mm, text))
                };
                let place = s
                    .location
                    .clone()
                    .or_else(named_after)
                    .or_else(|| dateline_loc.clone())
                    .and_then(|l| l.country);
                if let Some(c) = place {
                    let span = units[p.left_edge - 1].span;
                    sources.push(Rc::new(state_actor(lex, span, text, &c, Some(Sector::Cvl))));
                    rule.push_str(" +crowd");
                }
            }
            if sources.is_empty() {
                match implied_agent(
                    lex,
                    entry,
                    m.passive && !targets.is_empty(),
                    units[p.verb].span,
                    text,
                    s,
                    dateline_loc,
                    context_state,
                ) {
                    Some((agent, why)) => {
                        sources.push(Rc::new(agent));
                        rule.push_str(why);
                    }
                    None => continue,
                }
            }
            // "Egypt protested": a state's or government's protest is an official complaint.
            let official = |a: &Rc<Actor>| {
                a.organization.is_some() && a.sector.is_none_or(|s| s == Sector::Igo)
                    || a.country.is_some()
                        && a.organization.is_none()
                        && a.sector.is_none_or(|s| s == Sector::Gov)
            };
            // (Not an event noun: "Iranian protests" are the people's, not the state's.)
            let entry = match entry.by_state.as_deref() {
                Some(c) if !p.nominal && sources.iter().all(official) => {
                    rule.push_str(&format!(" +by-state({code}->{c})"));
                    code = c.to_string();
                    cameo(&code).unwrap_or(entry)
                }
                _ => entry,
            };
            let mut confidence: f32 = if pat.specificity() > 1 { 0.9 } else { 0.75 };
            let symmetric = entry.symmetric;
            if targets.is_empty() {
                // Targets the sentence does not write (code::targets, rules in order).
                let cx = TargetContext {
                    lex,
                    units,
                    text,
                    mentions: &s.mentions,
                    actors: &s.actors,
                    sentence: s.sentence.index,
                    sentence_end: s.sentence_end_unit(units),
                    location: s.location.as_ref(),
                    end: p.end,
                    code: &code,
                    entry,
                    sources: &sources,
                    condition,
                    memory,
                };
                if let Some(found) = infer_target(&cx) {
                    targets = found.targets;
                    rule.push_str(" +");
                    rule.push_str(found.rule);
                    confidence -= found.cost;
                }
            }
            if entry.needs_target && targets.is_empty() {
                continue;
            }
            if m.hypothetical {
                // "could meet", "might sign": a possibility is not an act. Only a possible harm,
                // already recoded as a threat above, is coded.
                if !code.starts_with("13") {
                    continue;
                }
                confidence *= 0.6;
                rule.push_str(" +hypothetical");
            }
            if p.subjects.is_empty() {
                confidence -= 0.1;
            }
            if p.target_from_clause {
                confidence -= 0.1;
                rule.push_str(" +target-from-clause");
            }
            let trigger_span = units[p.verb].span.cover(units[p.head_end - 1].span);
            let trigger = TextSpan {
                text: trigger_span.slice(text).to_string(),
                span: trigger_span,
            };
            let verb_token = units[p.verb].token as usize;
            // Dates in this predicate's stretch of the sentence (between its neighbours), those
            // after the verb first: "clashed last month, signed ... on Thursday".
            let lo = if pi > 0 {
                units[s.preds[pi - 1].verb].token as usize
            } else {
                0
            };
            let hi = s
                .preds
                .get(pi + 1)
                .map_or(usize::MAX, |q| units[q.verb].token as usize);
            let in_stretch =
                |d: &&DateMention| d.token > lo && d.token < hi || pi == 0 && d.token < verb_token;
            // A date after publication is a plan's, not the report's: "invited them to Minsk
            // next Tuesday" was an invitation made today.
            let not_future = |d: &&DateMention| published.is_none_or(|p| d.date <= p);
            let chosen = s
                .dates
                .iter()
                .filter(in_stretch)
                .filter(not_future)
                .min_by_key(|d| (d.token < verb_token, d.token.abs_diff(verb_token)))
                .or_else(|| {
                    s.dates
                        .iter()
                        .filter(not_future)
                        .min_by_key(|d| d.token.abs_diff(verb_token))
                });
            // "Xi welcomed Petro on Wednesday. The two leaders discussed trade": a follow-up
            // about the same parties (a pronoun or collective subject) keeps the event's date.
            let follow_up = p
                .subjects
                .iter()
                .any(|&i| s.mentions[i].reference.is_some());
            let continued = memory
                .last_dated
                .filter(|&(sentence, _)| follow_up && sentence + 1 == s.sentence.index)
                .map(|(_, d)| d);
            let (date, date_source) = match chosen {
                Some(d) => {
                    memory.last_dated = Some((s.sentence.index, d.date));
                    (Some(d.date), DateSource::Explicit)
                }
                None if continued.is_some() => (continued, DateSource::Continued),
                None => match (dateline_date, published) {
                    (Some(d), _) => (Some(d), DateSource::Dateline),
                    (None, Some(p)) => (Some(p), DateSource::Published),
                    (None, None) => (None, DateSource::None),
                },
            };
            let location = s.location.clone().or_else(|| dateline_loc.clone());
            let mut contexts: Vec<&'static str> =
                entry.plover_contexts.iter().map(String::as_str).collect();
            for &c in &s.contexts {
                let name = lex.contexts[c];
                if !contexts.contains(&name) {
                    contexts.push(name);
                }
            }
            let ectx = EventContext {
                article_id: &article.id,
                sentence: SentenceRef {
                    index: s.sentence.index,
                    span: s.sentence.span,
                },
                date,
                date_source,
                location: location.clone(),
                reported_by: s.outlet.clone(),
                contexts,
            };
            let make = |src: &Actor, tgt: Option<&Actor>| -> Event {
                let conf = confidence
                    - if src.inferred { 0.1 } else { 0.0 }
                    - if src.is_resolved() { 0.0 } else { 0.25 }
                    - if tgt.is_some_and(|t| !t.is_resolved()) {
                        0.25
                    } else {
                        0.0
                    }
                    - if tgt.is_some_and(|t| t.inferred) {
                        0.05
                    } else {
                        0.0
                    };
                ectx.event(&code, src, tgt, &trigger, &rule, conf, negated)
            };
            let before = out.len();
            if targets.is_empty() {
                if sources.len() >= 2 && symmetric {
                    for i in 0..sources.len() {
                        for j in i + 1..sources.len() {
                            if !sources[i].same_party(&sources[j]) {
                                out.push(make(&sources[i], Some(&*sources[j])));
                            }
                        }
                    }
                } else {
                    for src in &sources {
                        out.push(make(src, None));
                    }
                }
            } else {
                for src in &sources {
                    let mut any = false;
                    for t in &targets {
                        if !src.same_party(t) {
                            out.push(make(src, Some(&**t)));
                            any = true;
                        }
                    }
                    if !any {
                        // The only target is the source itself ("cleared him"): one-sided.
                        out.push(make(src, None));
                    }
                }
            }
            let mut parties: Vec<Rc<Actor>> = sources.clone();
            parties.extend(
                targets
                    .iter()
                    .filter(|t| {
                        !t.inferred
                            || p.targets
                                .iter()
                                .any(|&ti| s.mentions[ti].reference.is_some())
                    })
                    .cloned(),
            );
            if out.len() > before {
                memory.group(&parties);
                memory.last_subjects = sources.clone();
                memory.last_event_sentence = Some(s.sentence.index);
                // Hosting implies the guest's visit: "X hosted Y" is also Y visiting X.
                if code == "043" {
                    let visits: Vec<Event> = out[before..]
                        .iter()
                        .filter(|e| {
                            e.target
                                .as_ref()
                                .is_some_and(|t| t.country.is_some() || t.organization.is_some())
                        })
                        .map(|e| {
                            let (host, guest) = (
                                e.source.as_ref().expect("events have sources"),
                                e.target.as_ref().expect("filtered"),
                            );
                            let visit_rule = format!("{rule} +reciprocal-visit(043->042)");
                            ectx.event(
                                "042",
                                guest,
                                Some(host),
                                &trigger,
                                &visit_rule,
                                e.confidence - 0.1,
                                negated,
                            )
                        })
                        .collect();
                    out.extend(visits);
                }
            }
            // "X said Y must ...": a demand by X on Y (CAMEO 100) beside the statement.
            if code.starts_with("01") {
                if let Some(demand) =
                    Self::obligation_request(lex, s, p, units, text, &sources, &ectx)
                {
                    out.extend(demand);
                }
            }
        }
    }
}

/// Whether predicate `p` closes its sentence as an attribution: its subject follows a comma
/// and only adverbs, times and "here" stand after the verb (", a rights group protested here
/// Wednesday.").
fn attributes_sentence(
    lex: &Lexicon,
    s: &Sent<'_>,
    p: &Predicate,
    units: &[Unit],
    text: &str,
) -> bool {
    use crate::lexicon::words::{ADV, PREP, PREP_LOC, TIME};
    let Some(&first) = p.subjects.first() else {
        return false;
    };
    // The comma may stand a few lowercase words before the subject's head ("a human rights
    // group").
    let start = s.mentions[first].units.start;
    let mut q = start;
    while q > 0
        && q + 3 > start
        && units[q - 1]
            .span
            .slice(text)
            .chars()
            .all(char::is_lowercase)
    {
        q -= 1;
    }
    if q == 0 || units[q - 1].span.slice(text) != "," {
        return false;
    }
    (p.end..s.sentence_end_unit(units)).all(|k| {
        let w = units[k].span.slice(text);
        !units[k].is(crate::lexicon::WORD)
            || lex.class(units[k].key) & (ADV | TIME | PREP | PREP_LOC) != 0
            || crate::text::weekday_number(w).is_some()
    })
}

/// The agent of an event whose source is not written:
/// - an unattributed attack ("Three civilians were killed in a car bombing in Baghdad") is an
///   unidentified armed group of the place (`unattributed` codes, agent sector UAF);
/// - an agentless passive with a patient ("Five activists were detained in Minsk") is the
///   authority of where it happened (the place, else the dateline), in the sector the code
///   implies (the police for arrests), or unresolved when no place is known.
///
/// The agent is marked inferred; its text and span are the trigger's.
#[allow(clippy::too_many_arguments)]
fn implied_agent(
    lex: &Lexicon,
    entry: &crate::ontology::CameoEntry,
    agentless_passive: bool,
    span: Span,
    text: &str,
    s: &Sent<'_>,
    dateline_loc: &Option<Location>,
    context_state: Option<&str>,
) -> Option<(Actor, &'static str)> {
    let (state, why) = if entry.unattributed {
        (context_state.map(str::to_string), " +unidentified-attacker")
    } else if agentless_passive {
        let place = s
            .location
            .as_ref()
            .or(dateline_loc.as_ref())
            .and_then(|l| l.country.clone());
        (place, " +agentless")
    } else {
        return None;
    };
    let sector = entry.implied_agent.unwrap_or(Sector::Gov);
    let agent = match state {
        Some(c) => state_actor(lex, span, text, &c, Some(sector)),
        // Only a passive's agent may stay unknown; an unattributed attack needs a place.
        None if entry.unattributed => return None,
        None => Actor {
            text: span.slice(text).to_string(),
            span,
            country: None,
            organization: None,
            sector: None,
            name: None,
            code: None,
            inferred: true,
        },
    };
    Some((agent, why))
}

/// An actor inferred for a state (ISO3 `iso3`) and optional sector, at `span`: its CAMEO code
/// is the state's code plus the sector.
pub(super) fn state_actor(
    lex: &Lexicon,
    span: Span,
    text: &str,
    iso3: &str,
    sector: Option<Sector>,
) -> Actor {
    Actor {
        text: span.slice(text).to_string(),
        span,
        country: Some(iso3.to_string()),
        organization: None,
        sector,
        name: None,
        code: Some(state_code(lex, iso3, sector)),
        inferred: true,
    }
}

/// The CAMEO code of a state (ISO3 `iso3`) with an optional sector: "RUS" + "MIL".
fn state_code(lex: &Lexicon, iso3: &str, sector: Option<Sector>) -> String {
    let state = lex.state(iso3).map_or(iso3, |st| st.cameo.as_str());
    format!("{state}{}", sector.map_or("", Sector::as_str))
}

/// Whether a governing verb of decision makes the governed code an act rather than an
/// intention: any code after a decisive verb ("decided", "voted", "resolved" to ...), and a
/// material-conflict code (sanctions, expulsions, force) after "agreed to".
fn decided_act(lex: &Lexicon, units: &[Unit], governor: Option<usize>, code: &str) -> bool {
    use crate::lexicon::words::{DECISION, DECISIVE};
    let class = governor.map_or(0, |g| lex.class(units[g].key));
    class & DECISION != 0
        && (class & DECISIVE != 0 || cameo(code).is_some_and(|e| e.quad_class == 4))
}
