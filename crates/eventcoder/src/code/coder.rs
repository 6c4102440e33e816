//! The coder: raw article → [`Document`] with typed, explained, deduplicated events.

use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use smol_str::SmolStr;

use super::conjuncts::{SubjectPhrase, share_adjectives};
use super::dates::{PredicateDates, event_date, find_dates, resolve_partial};
use super::dedup::Dedup;
use super::diagnose::Trace;
use super::event::*;
use super::mention_actors::MentionActors;
use super::predicate::{self, EventContext, PredicateContext, Sent, SentLists};
use super::resolve::{Memory, Resolver, concat};
use crate::article::{Article, MAX_ARTICLE_BYTES, Span};
use crate::error::{Error, Result};
use crate::lexicon::petrarch::PetrarchKind;
use crate::lexicon::words::POSS_REL;
use crate::lexicon::{Lexicon, LexiconBuilder, PhraseMatch, Referent, Unit};
use crate::ontology::{CameoEntry, Sector};
use crate::parse::{
    ClauseScratch, Mention, Predicate, PredicateOptions, mentions_into, merge_predicates,
    nominal_predicates, predicates_in,
};
use crate::text::{Dateline, Sentence, SentenceBlocks, parse_header, tokenize};

/// Options of a [`Coder`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoderOptions {
    /// Emit only events with both a source and a target, each resolved to a code.
    pub require_dyad: bool,
    /// Keep negated events (marked `negated`) instead of dropping them.
    pub keep_negated: bool,
    /// Drop events below this confidence.
    pub min_confidence: f32,
    /// Code by PETRARCH-1's conventions, with nothing the text does not write: a target
    /// from the event's place only where the verb phrase names it ("fired shells at Seoul"),
    /// none from the source's own government; no visit implied by a hosting (a dictionary's
    /// paired code still is); no state given to an actor from other actors of the text ("a
    /// senior official said" stays an agent alone; "activists in Arnor" are Arnor's); a
    /// subject whose head is no actor still has the actor it holds ("Eriador's death toll
    /// rose": Eriador); and an agentless passive keeps its subject as the source.
    /// `eventcoder eval petrarch` codes so.
    pub petrarch_conventions: bool,
    /// The comma-delimited clauses PETRARCH-1 drops before coding (with
    /// `petrarch_conventions` only): nothing in them is coded, no target taken from them.
    pub petrarch_commas: super::CommaLimits,
}

impl CoderOptions {
    /// Checks the options: `min_confidence` is a number from 0 to 1 (not NaN). The builder,
    /// [`Coder::with_options`], the CLI and the Python bindings all check with this.
    ///
    /// ```
    /// use eventcoder::{CoderOptions, Error};
    /// let ok = CoderOptions { min_confidence: 0.5, ..Default::default() };
    /// assert!(ok.validate().is_ok());
    /// for bad in [-0.1, 1.5, f32::NAN] {
    ///     let o = CoderOptions { min_confidence: bad, ..Default::default() };
    ///     assert!(matches!(o.validate(), Err(Error::InvalidOption { name: "min_confidence", .. })));
    /// }
    /// ```
    pub fn validate(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(Error::InvalidOption {
                name: "min_confidence",
                value: self.min_confidence.to_string(),
                expected: "a number from 0 to 1",
            });
        }
        Ok(())
    }
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_dyad: false,
            keep_negated: false,
            min_confidence: 0.0,
            petrarch_conventions: false,
            petrarch_commas: super::CommaLimits::default(),
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
    pub reported_by: Option<SmolStr>,
    /// Every date written in the story body, resolved against the published date (only
    /// resolvable ones: "Monday" needs a published date).
    pub dates: Vec<DateSpan>,
    /// The phrases of a loaded discard list found in the story: a sentence with one has no
    /// events, and a story with a story discard none at all.
    pub discards: Vec<Discarded>,
    /// The issues of a loaded issues file the story mentions, in order.
    pub issues: Vec<IssueMention>,
}

/// A discard phrase found in a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discarded {
    /// Whether it discards the whole story, not only its sentence.
    pub story: bool,
    /// The sentence it is in.
    pub sentence: usize,
    /// The phrase.
    pub span: Span,
}

/// An issue phrase found in a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssueMention {
    /// The issue's category ("EDUCATION").
    pub category: String,
    /// The issue's code ("TEACHERS").
    pub code: String,
    /// The sentence it is in.
    pub sentence: usize,
    /// The phrase.
    pub span: Span,
    /// The phrase as written (in the visible text, for HTML).
    pub text: String,
}

impl Document {
    /// Replaces every span of the document (the dateline's, the sentences', the dates' and
    /// every span of every event: actors, trigger, location, sentence and each piece of
    /// evidence) by `f` of it, and the body start by the start of `f` of the empty span there.
    /// [`Coder::code_html`] maps a document of the visible text back to the HTML this way.
    pub fn map_spans(&mut self, mut f: impl FnMut(Span) -> Span) {
        if let Some(d) = &mut self.dateline {
            d.span = f(d.span);
            d.place_span = f(d.place_span);
        }
        self.body_start = f(Span::new(self.body_start, self.body_start)).start;
        for s in &mut self.sentences {
            s.span = f(s.span);
        }
        for d in &mut self.dates {
            d.span = f(d.span);
        }
        for d in &mut self.discards {
            d.span = f(d.span);
        }
        for i in &mut self.issues {
            i.span = f(i.span);
        }
        for e in &mut self.events {
            for i in e.issues.iter_mut().flatten() {
                i.span = f(i.span);
            }
            for a in [&mut e.source, &mut e.target].into_iter().flatten() {
                a.span = f(a.span);
            }
            e.sentence.span = f(e.sentence.span);
            e.trigger.span = f(e.trigger.span);
            if let Some(l) = &mut e.location {
                l.span = f(l.span);
            }
            for ev in &mut e.evidence {
                ev.sentence.span = f(ev.sentence.span);
                ev.trigger.span = f(ev.trigger.span);
            }
        }
    }
}

/// Gives each event the issues of the sentences it is mentioned in: `issues` are in sentence
/// order, so each sentence's are found by binary search, and an event costs its evidence (at
/// most [`crate::code::MAX_EVIDENCE`] sentences) and its issues, whatever the article's length.
fn attach_issues(events: &mut [Event], issues: &[IssueMention]) {
    for e in events {
        let mut sentences: Vec<usize> = e.evidence.iter().map(|m| m.sentence.index).collect();
        sentences.push(e.sentence.index);
        sentences.sort_unstable();
        sentences.dedup();
        let mut own = Vec::new();
        for s in sentences {
            let from = issues.partition_point(|i| i.sentence < s);
            let to = issues.partition_point(|i| i.sentence <= s);
            own.extend_from_slice(&issues[from..to]);
        }
        e.issues = Some(own);
    }
}

/// [`Error::InputTooLarge`] for a text over [`MAX_ARTICLE_BYTES`].
pub(super) fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(Error::InputTooLarge {
            len: text.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(())
}

/// How many tokens of an article the coder reads at a time (more when one sentence needs
/// it): the memory for tokens and units is bounded by this, not by the article's length.
pub const TOKEN_BLOCK: usize = 4096;

/// The buffers coding an article fills sentence by sentence, kept on the thread for the next
/// article ([`ARTICLE_SCRATCH`]), so an article does not grow them again from empty. Each is
/// emptied where it is used, so what the last article left in them does not matter.
#[derive(Default)]
struct ArticleScratch {
    units: Vec<Unit>,
    matches: Vec<PhraseMatch>,
    clause_scratch: ClauseScratch,
    mention_list: Vec<Mention>,
    sent_lists: SentLists,
    subjects: Vec<usize>,
    predicate_lists: PredicateLists,
}

thread_local! {
    /// This thread's [`ArticleScratch`] between articles (taken while one is coded, so a
    /// nested call would start with empty buffers).
    static ARTICLE_SCRATCH: std::cell::Cell<Option<ArticleScratch>> =
        const { std::cell::Cell::new(None) };
}

/// The longest article whose buffers are kept for the next one: a huge article's (their size
/// follows its longest sentence) are freed instead of held by the thread.
const SCRATCH_KEPT_UP_TO: usize = 1 << 20;

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
    /// Whether the built-in dictionaries are used (the default). With `false` only the
    /// dictionaries given are (the engine keeps its own grammar tables):
    /// `Coder::builder().builtin(false).petrarch_dir("phoenix/")?` codes with the Phoenix
    /// dictionaries alone.
    pub fn builtin(mut self, yes: bool) -> Self {
        self.lexicon = self.lexicon.builtin(yes);
        self.custom = true;
        self
    }
    /// Whether a bad line of a PETRARCH or TABARI dictionary is an error (`true`) instead of
    /// being skipped with a warning (the default).
    pub fn strict(mut self, yes: bool) -> Self {
        self.lexicon = self.lexicon.strict(yes);
        self
    }
    /// Loads every PETRARCH or TABARI dictionary of a directory, each file's kind found from
    /// its name, case-insensitively (`verb`: verbs; `actors`: actors, all of them; `agents`;
    /// `discard`; `issue`), merged over the built-ins unless [`CoderBuilder::builtin`]`(false)`.
    /// See [`crate::lexicon::petrarch`] for the formats.
    ///
    /// ```
    /// use eventcoder::{Article, Coder};
    /// let dir = std::env::temp_dir().join(format!("eventcoder-petr-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// std::fs::write(dir.join("my.actors.txt"), "ERIADOR [ERI]\nRHUDAUR [RHU]\n")?;
    /// std::fs::write(dir.join("my.agents.txt"), "WARDEN [~GOV]\n")?;
    /// std::fs::write(dir.join("my.verbs.txt"), "--- SCOLD [111] ---\nSCOLD\n+CHIDE\n")?;
    /// let coder = Coder::builder().builtin(false).petrarch_dir(&dir)?.build()?;
    /// let doc = coder.code(&Article::new("a", "The Eriador warden chided Rhudaur on Monday.")
    ///     .with_published_str("2001-05-02")?)?;
    /// let e = &doc.events[0];
    /// assert_eq!(e.cameo.code, "111");
    /// assert_eq!(e.source.as_ref().unwrap().code.as_deref(), Some("ERIGOV"));
    /// assert_eq!(e.target.as_ref().unwrap().code.as_deref(), Some("RHU"));
    /// assert!(e.rule.ends_with("my.verbs.txt:3 `CHIDE [111]`"), "{}", e.rule);
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn petrarch_dir(mut self, dir: impl AsRef<std::path::Path>) -> Result<Self> {
        self.lexicon = self.lexicon.petrarch_dir(dir)?;
        self.custom = true;
        Ok(self)
    }
    /// Loads a PETRARCH or TABARI dictionary file of the given kind.
    pub fn petrarch(
        mut self,
        kind: PetrarchKind,
        path: impl AsRef<std::path::Path>,
    ) -> Result<Self> {
        self.lexicon = self.lexicon.petrarch(kind, path)?;
        self.custom = true;
        Ok(self)
    }
    /// Loads a PETRARCH or TABARI dictionary of the given kind from a string; `name` is cited
    /// in messages and rules.
    ///
    /// ```
    /// use eventcoder::{Coder, lexicon::petrarch::PetrarchKind};
    /// let coder = Coder::builder()
    ///     .petrarch_str(PetrarchKind::Actors, "mine.actors.txt", "ERIADOR [ERI]\n+ERIADORIAN\n")
    ///     .petrarch_str(PetrarchKind::Verbs, "mine.verbs.txt", "--- SHUN [---] ---\nSHUN\n- * + OVER_TRADE [1621]\n")
    ///     .build()?;
    /// let doc = coder.code_text("Mexico shunned Eriador over trade.", None)?;
    /// let e = &doc.events[0];
    /// assert_eq!((e.cameo.code, e.target.as_ref().unwrap().code.as_deref()), ("1621", Some("ERI")));
    /// assert_eq!(e.rule, "mine.verbs.txt:3 `- * + OVER_TRADE [1621]`");
    /// # Ok::<(), eventcoder::Error>(())
    /// ```
    pub fn petrarch_str(mut self, kind: PetrarchKind, name: &str, text: &str) -> Self {
        self.lexicon = self.lexicon.petrarch_str(kind, name, text);
        self.custom = true;
        self
    }
    /// Loads a PETRARCH or TABARI dictionary of the given kind from its bytes, as read from a
    /// file ([`crate::lexicon::read_dictionary_bytes`]); `name` is cited in messages and rules.
    pub fn petrarch_bytes(mut self, kind: PetrarchKind, name: &str, bytes: Vec<u8>) -> Self {
        self.lexicon = self.lexicon.petrarch_bytes(kind, name, bytes);
        self.custom = true;
        self
    }
    /// Loads a PETRARCH-1 verb dictionary (or a TABARI `.verbs` file).
    pub fn petrarch_verbs(self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        self.petrarch(PetrarchKind::Verbs, path)
    }
    /// Loads a PETRARCH or TABARI actor dictionary; call it again for more (earlier files'
    /// entries win where phrases are the same).
    pub fn petrarch_actors(self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        self.petrarch(PetrarchKind::Actors, path)
    }
    /// Loads a PETRARCH or TABARI agent dictionary.
    pub fn petrarch_agents(self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        self.petrarch(PetrarchKind::Agents, path)
    }
    /// Loads a PETRARCH or TABARI discard list.
    pub fn petrarch_discards(self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        self.petrarch(PetrarchKind::Discards, path)
    }
    /// Loads a PETRARCH issues file.
    pub fn petrarch_issues(self, path: impl AsRef<std::path::Path>) -> Result<Self> {
        self.petrarch(PetrarchKind::Issues, path)
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
    /// Code by PETRARCH-1's conventions ([`CoderOptions::petrarch_conventions`]).
    pub fn petrarch_conventions(mut self, yes: bool) -> Self {
        self.options.petrarch_conventions = yes;
        self
    }
    /// Drop events below a confidence, from 0 to 1 ([`CoderBuilder::build`] refuses any other
    /// value, NaN included).
    pub fn min_confidence(mut self, c: f32) -> Self {
        self.options.min_confidence = c;
        self
    }
    /// Builds the coder (compiling the lexicon if user dictionaries were added). Options out
    /// of range are an [`Error::InvalidOption`] (see [`CoderOptions::validate`]).
    ///
    /// ```
    /// use eventcoder::Coder;
    /// assert!(Coder::builder().min_confidence(0.5).build().is_ok());
    /// assert!(Coder::builder().min_confidence(1.5).build().is_err());
    /// ```
    pub fn build(self) -> Result<Coder> {
        self.options.validate()?;
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
    /// Options out of range are an [`Error::InvalidOption`] (see [`CoderOptions::validate`]).
    ///
    /// ```
    /// use eventcoder::{Coder, CoderOptions};
    /// let strict = Coder::new().with_options(CoderOptions { require_dyad: true, ..Default::default() })?;
    /// assert!(strict.options().require_dyad);
    /// assert!(Coder::new().with_options(CoderOptions { min_confidence: f32::NAN, ..Default::default() }).is_err());
    /// # Ok::<(), eventcoder::Error>(())
    /// ```
    pub fn with_options(&self, options: CoderOptions) -> Result<Coder> {
        options.validate()?;
        Ok(Coder {
            lexicon: Arc::clone(&self.lexicon),
            options,
        })
    }

    /// Codes raw text with an optional published date. The spans index `text` as given (a
    /// leading byte-order mark is kept in it, and skipped).
    pub fn code_text(&self, text: &str, published: Option<NaiveDate>) -> Result<Document> {
        // Not `Article::new`, which removes a byte-order mark: the caller has only `text`.
        let a = Article {
            id: String::new(),
            text: text.to_string(),
            published,
            outlet: None,
        };
        self.code(&a)
    }

    /// Codes many articles in parallel (rayon). Results are in input order.
    pub fn code_many(&self, articles: &[Article]) -> Vec<Result<Document>> {
        articles.par_iter().map(|a| self.code(a)).collect()
    }

    /// Codes one article.
    pub fn code(&self, article: &Article) -> Result<Document> {
        check_size(&article.text)?;
        self.code_unchecked(article)
    }

    /// Codes one article whose text is **HTML**: its visible text is coded (see [`crate::html`]:
    /// scripts, styles and the head are skipped, block elements make paragraphs, character
    /// references are decoded) and every span of the document is then mapped back to the HTML,
    /// so spans point into `article.text`, the original HTML, in bytes.
    ///
    /// `&article.text[span]` is then the **source markup** of the span, not the decoded text:
    /// the actor "Russia’s" written `Russia&#8217;s` has the span of `Russia&#8217;s`. The
    /// decoded text stays in the events' `text` fields ([`crate::Actor::text`],
    /// [`crate::code::TextSpan::text`]), and [`crate::HtmlText::from_html`] gives the whole
    /// decoded text and its map. The sentences' token ranges index the tokens of that decoded
    /// text. [`MAX_ARTICLE_BYTES`] applies to the HTML.
    ///
    /// ```
    /// use eventcoder::{Article, Coder};
    /// let html = "<html><head><title>World | Example News</title>\\n    ///     <script>var s = 'Russia attacked Ukraine';</script></head><body>\\n    ///     <h1>Talks resume</h1><p>Russia&#8217;s foreign ministry accused Ukraine of \\n    ///     stoking tensions.</p></body></html>";
    /// let doc = Coder::new().code_html(&Article::new("a1", html))?;
    /// assert_eq!(doc.events.len(), 1, "nothing from the script");
    /// let e = &doc.events[0];
    /// assert_eq!(e.cameo.code, "112");
    /// assert_eq!(e.trigger.span.slice(html), "accused");
    /// let source = e.source.as_ref().unwrap();
    /// assert_eq!(source.country.as_deref(), Some("RUS"));
    /// assert!(source.span.slice(html).starts_with("Russia&#8217;s"));
    /// # Ok::<(), eventcoder::Error>(())
    /// ```
    pub fn code_html(&self, article: &Article) -> Result<Document> {
        check_size(&article.text)?;
        let mut visible = crate::html::HtmlText::from_html(&article.text);
        // (The visible text moves into the article coded and back: no copy of either text.)
        let mut plain = Article {
            id: article.id.clone(),
            text: std::mem::take(&mut visible.text),
            published: article.published,
            outlet: article.outlet.clone(),
        };
        let doc = self.code_unchecked(&plain);
        visible.text = std::mem::take(&mut plain.text);
        let mut doc = doc?;
        doc.map_spans(|s| visible.original_span(s));
        Ok(doc)
    }

    /// Codes many HTML articles in parallel (rayon), each as [`Coder::code_html`]. Results are
    /// in input order.
    pub fn code_many_html(&self, articles: &[Article]) -> Vec<Result<Document>> {
        articles.par_iter().map(|a| self.code_html(a)).collect()
    }

    /// Codes one article of any size.
    fn code_unchecked(&self, article: &Article) -> Result<Document> {
        self.code_traced(article, &mut ())
    }

    /// Codes one article of any size, telling `trace` what becomes of every predicate and
    /// event ([`Coder::diagnose`]); `()` observes nothing and costs nothing.
    pub(super) fn code_traced<T: Trace>(
        &self,
        article: &Article,
        trace: &mut T,
    ) -> Result<Document> {
        let text = article.text.as_str();
        let lex = &*self.lexicon;
        let header = parse_header(text)?;
        let published = article.published.or(header.published);
        let body = header
            .dateline
            .as_ref()
            .map_or(header.body_start, |d| d.span.end);
        // The body is read a block of tokens at a time, so the tokens and units held at once
        // stay bounded however long the article is.
        let mut blocks = SentenceBlocks::new(text, tokenize(text).skip_before(body), TOKEN_BLOCK);
        // The buffers of the last article coded on this thread, emptied as each is used.
        let ArticleScratch {
            mut units,
            mut matches,
            mut clause_scratch,
            mut mention_list,
            mut sent_lists,
            mut subjects,
            mut predicate_lists,
        } = ARTICLE_SCRATCH.take().unwrap_or_default();
        let mut sentences: Vec<Sentence> = Vec::new();

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
            context_states: !self.options.petrarch_conventions,
        };
        let mut memory = Memory::default();
        let mut context_hits = vec![0u32; lex.contexts.len()];
        let mut first_outlet: Option<SmolStr> = None;
        // The article's id, shared by its events.
        let article_id = SmolStr::new(&article.id);
        // Raw events are made per sentence in the deduplicator's list and deduplicated there
        // after the sentence, so memory grows with the distinct events, not with every mention.
        let mut events = Dedup::with_capacity(expected_events(text));
        let mut dates: Vec<DateSpan> = Vec::new();
        let mut discards: Vec<Discarded> = Vec::new();
        let mut issues: Vec<IssueMention> = Vec::new();

        while blocks.advance() {
            let tokens = blocks.tokens();
            lex.units(text, tokens, &mut units);
            let unit_at = |tok: usize| units.partition_point(|u| (u.token as usize) < tok);
            for sentence in blocks.sentences() {
                let range = unit_at(sentence.tokens.start)..unit_at(sentence.tokens.end);
                lex.match_phrases(&units[range.clone()], text, &mut matches);
                for m in &mut matches {
                    m.start += range.start;
                    m.end += range.start;
                }
                // (The list of the previous sentence, taken back below, so it is allocated once.)
                let mut ms = std::mem::take(&mut mention_list);
                mentions_into(lex, &units, text, range.clone(), &matches, &mut ms);
                if self.options.petrarch_conventions {
                    crate::parse::petrarch_phrase_roles(&units, text, range.clone(), &mut ms);
                    share_adjectives(lex, &units, text, range.clone(), &mut ms);
                }
                let mut s = Sent::with_lists(sentence, &mut sent_lists);
                let mut sentence_discarded = false;
                for m in &matches {
                    match m.sense.referent {
                        Referent::Context(c) if !s.contexts.contains(&c) => {
                            s.contexts.push(c);
                            context_hits[c.index()] += 1;
                        }
                        Referent::Discard { story } => {
                            sentence_discarded = true;
                            discards.push(Discarded {
                                story,
                                sentence: sentence.index,
                                span: units[m.start].span.cover(units[m.end - 1].span),
                            });
                        }
                        Referent::Issue(i) => {
                            let inside_ignore = matches.iter().any(|o| {
                                o.sense.referent == Referent::IssueIgnore
                                    && o.start <= m.start
                                    && m.end <= o.end
                            });
                            if let Some(issue) =
                                lex.issues.get(i as usize).filter(|_| !inside_ignore)
                            {
                                let span = units[m.start].span.cover(units[m.end - 1].span);
                                issues.push(IssueMention {
                                    category: issue.category.clone(),
                                    code: issue.code.clone(),
                                    sentence: sentence.index,
                                    span,
                                    text: span.slice(text).to_string(),
                                });
                            }
                        }
                        _ => {}
                    }
                }
                find_dates(
                    text,
                    &tokens[sentence.tokens.clone()],
                    sentence.tokens.start,
                    published,
                    &mut s.dates,
                );
                dates.extend(s.dates.iter().map(|d| DateSpan {
                    span: tokens[d.first].span().cover(tokens[d.end - 1].span()),
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
                let reading = PredicateOptions {
                    phrase_skips: self.options.petrarch_conventions,
                    written_slots: self.options.petrarch_conventions,
                    literal_words: self.options.petrarch_conventions,
                };
                let verbs = predicates_in(
                    &mut clause_scratch,
                    lex,
                    &units,
                    text,
                    range.clone(),
                    &ms,
                    &matches,
                    reading,
                );
                let nominal =
                    nominal_predicates(lex, &units, text, range.clone(), &ms, &matches, &verbs);
                let mut preds = merge_predicates(verbs, nominal);
                if self.options.petrarch_conventions {
                    let phrase = SubjectPhrase {
                        lex,
                        units: &units,
                        text,
                        range: range.clone(),
                        ms: &ms,
                    };
                    for p in &mut preds {
                        if let Some(sources) = phrase.conjunct_sources(&p.subjects) {
                            p.subjects = sources;
                        }
                    }
                }
                subjects.clear();
                subjects.extend(preds.iter().flat_map(|p| p.subjects.iter().copied()));
                s.location = self.sentence_location(&ms, text, &subjects);
                let context_state = self.context_state(
                    &ms,
                    &preds,
                    &units,
                    text,
                    s.location.as_ref(),
                    &dateline_loc,
                );
                self.resolve_mentions(
                    &mut s.actors,
                    &ms,
                    &units,
                    text,
                    &resolver,
                    context_state.as_deref(),
                    sentence.index,
                    &mut memory,
                );
                self.resolve_speaker(&ms, &preds, &units, text, &mut s.actors, &mut memory);
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
                    &article_id,
                    published,
                    dateline_date,
                    &dateline_loc,
                    attack_state.as_deref(),
                    &mut memory,
                    &mut predicate_lists,
                    events.raw_list(),
                    trace,
                );
                mention_list = std::mem::take(&mut s.mentions);
                clause_scratch.recycle(std::mem::take(&mut s.preds));
                s.give_back(&mut sent_lists);
                if sentence_discarded {
                    events.discard_unsettled();
                } else {
                    events.settle(|slot, new| trace.raw_event(slot, new));
                }
            }
            sentences.extend(blocks.sentences().iter().map(|s| blocks.in_article(s)));
        }

        if text.len() <= SCRATCH_KEPT_UP_TO {
            ARTICLE_SCRATCH.set(Some(ArticleScratch {
                units,
                matches,
                clause_scratch,
                mention_list,
                sent_lists,
                subjects,
                predicate_lists,
            }));
        }

        // Article-level attribution and contexts.
        let reported_by = dateline_outlet
            .or(first_outlet)
            .or_else(|| article.outlet.as_deref().map(SmolStr::new));
        let mut events = self.finish_events(events, &reported_by, &context_hits, trace);
        if discards.iter().any(|d| d.story) {
            events.clear();
        }
        if lex.has_issues() {
            attach_issues(&mut events, &issues);
        }
        Ok(Document {
            id: article.id.clone(),
            published,
            dateline: header.dateline,
            body_start: body,
            sentences,
            events,
            reported_by,
            dates,
            discards,
            issues,
        })
    }

    /// Article-level attribution and contexts (a context keyword found in two sentences or
    /// more holds for every event), then deduplication and the options' filters.
    fn finish_events<T: Trace>(
        &self,
        events: Dedup,
        reported_by: &Option<SmolStr>,
        context_hits: &[u32],
        trace: &mut T,
    ) -> Vec<Event> {
        let lex = &*self.lexicon;
        let article_contexts: Vec<&'static str> = lex
            .contexts
            .iter()
            .zip(context_hits)
            .filter(|(_, n)| **n >= 2)
            .map(|(c, _)| *c)
            .collect();
        let mut events = events.finish(reported_by, &article_contexts);
        trace.distinct_events(&events);
        events.retain(|e| self.filtered_out(e).is_none());
        events
    }

    /// Which of the options' filters drops a distinct event, if any: `negated` (unless
    /// negated events are kept), `not-dyad` (when dyads are required), `low-confidence`.
    pub(super) fn filtered_out(&self, e: &Event) -> Option<&'static str> {
        if !self.options.keep_negated && e.negated {
            Some("negated")
        } else if self.options.require_dyad && !e.is_resolved_dyad() {
            Some("not-dyad")
        } else if e.confidence >= self.options.min_confidence {
            None
        } else {
            // (Also a NaN confidence; a NaN minimum is refused by CoderOptions::validate.)
            Some("low-confidence")
        }
    }

    /// Where roles without a state get one: the sentence's place (unless it is an event's
    /// target), the dateline, else a state the sentence names before them.
    fn context_state(
        &self,
        ms: &[Mention],
        preds: &[Predicate],
        units: &[Unit],
        text: &str,
        location: Option<&Location>,
        dateline_loc: &Option<Location>,
    ) -> Option<SmolStr> {
        let lex = &*self.lexicon;
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

        let place_is_target = location.is_some_and(|l| {
            preds.iter().flat_map(|p| &p.targets).any(|&t| {
                let span = ms[t].span;
                span.start <= l.span.start && l.span.end <= span.end
            })
        });
        // ("killed six insurgents near the Afghan border": the state that names a border is
        // the other side of it, not where the actors are from.)
        let place_is_border = location.is_some_and(|l| {
            ms.iter()
                .find(|m| m.span == l.span)
                .is_some_and(|m| m.place.is_none() && names_a_border(&self.lexicon, m, units, text))
        });
        let place_state = location
            .filter(|_| !place_is_target && !place_is_border)
            .and_then(|l| l.country.clone());
        // Where roles without a state get one: the sentence's place (unless it is an
        // event's target or a border), the dateline, else a state the sentence names before
        // them.
        place_state
            .or_else(|| dateline_loc.as_ref().and_then(|l| l.country.clone()))
            .or(sentence_state)
    }

    /// The actors of a sentence's mentions, in order, into `actors` (empty); each actor named
    /// outright is remembered for later references, the first as the sentence's topic.
    #[allow(clippy::too_many_arguments)]
    fn resolve_mentions(
        &self,
        actors: &mut MentionActors,
        ms: &[Mention],
        units: &[Unit],
        text: &str,
        resolver: &Resolver<'_>,
        context_state: Option<&str>,
        sentence: usize,
        memory: &mut Memory,
    ) {
        let lex = &*self.lexicon;
        let mut topic_taken = false;
        for m in ms {
            let acts = if m.is_outlet_only() {
                Vec::new()
            } else if let Some(speakers) = attribution_speakers(m, units, text, memory) {
                speakers
            } else if let Some(owners) = self.whose_owner(m, ms, actors, units, text) {
                // "Kyrgyzstan and Tajikistan, whose border guards": the owners' states.
                let base = resolver.resolve(m, memory, None);
                let mut acts = Vec::new();
                for o in owners {
                    for b in &base {
                        let mut a = b.clone();
                        a.country.clone_from(&o.country);
                        a.organization.clone_from(&o.organization);
                        a.inferred = true;
                        let owner = o.code.as_deref().and_then(|c| c.get(..3)).unwrap_or("");
                        a.code = Some(concat(owner, b.code.as_deref().unwrap_or("")));
                        acts.push(a);
                    }
                }
                acts
            } else {
                // Under PETRARCH-1's conventions, only a place phrase right after the actor
                // ("activists in Arnor", one noun phrase) gives it a state.
                // ("Lawmakers in Fornost and Gondor": an actor for each state of the phrase.)
                let mut acts = if resolver.context_states {
                    let mut acts = actors.take_scratch();
                    resolver.resolve_into(m, memory, context_state, &mut acts);
                    acts
                } else {
                    let mut states: Vec<Option<&str>> = own_place_states(lex, units, m, ms)
                        .into_iter()
                        .map(Some)
                        .collect();
                    if states.is_empty() {
                        states.push(None);
                    }
                    let mut acts: Vec<Actor> = Vec::new();
                    for state in states {
                        for a in resolver.resolve(m, memory, state) {
                            if !acts
                                .iter()
                                .any(|b| b.code == a.code && b.country == a.country)
                            {
                                acts.push(a);
                            }
                        }
                    }
                    acts
                };
                place_for_state(lex, m, &mut acts);
                acts
            };
            let mention = actors.count();
            let mut acts = acts;
            actors.push(acts.drain(..).map(Rc::new));
            actors.keep_scratch(acts);
            let acts = &actors[mention];
            // ("met in Brussels": a place after a locative preposition is where, not who, and
            // no later "they" or "it" refers to it.)
            let place_phrase = m.after_prep_loc && m.is_role_free();
            if m.is_actor() && m.reference.is_none() && !place_phrase {
                for a in acts {
                    memory.push(a);
                }
                if !topic_taken && !acts.is_empty() {
                    topic_taken = true;
                    memory.push_topic(&acts[0], sentence);
                }
            }
        }
    }

    /// A first-person pronoun in a quote is its speaker, the subject of the sentence's verb of
    /// saying.
    fn resolve_speaker(
        &self,
        ms: &[Mention],
        preds: &[Predicate],
        units: &[Unit],
        text: &str,
        actors: &mut MentionActors,
        memory: &mut Memory,
    ) {
        // '"We stand ready," the spokeswoman said': "we" is the quote's speaker.
        let speaker: Vec<Rc<Actor>> = preds
            .iter()
            .filter(|p| units[p.verb].class & crate::lexicon::words::REPORT != 0)
            .flat_map(|p| &p.subjects)
            .filter(|&&i| ms[i].reference.is_none())
            .flat_map(|&i| actors[i].iter().cloned())
            .collect();
        if !speaker.is_empty() {
            for (i, m) in ms.iter().enumerate() {
                if m.reference == Some(crate::parse::Reference::Speaker) {
                    actors.replace(i, speaker.iter().map(|a| Rc::new(referred_to(a, m, text))));
                }
            }
            memory.last_speaker = speaker;
        }
    }

    /// For a generic mention right after "whose", the actors of the antecedent (with compounds).
    fn whose_owner(
        &self,
        m: &Mention,
        ms: &[Mention],
        done: &MentionActors,
        units: &[Unit],
        text: &str,
    ) -> Option<Vec<Actor>> {
        let lex = &*self.lexicon;
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
        if units[w].class & POSS_REL == 0 || units[w - 1].span.slice(text) != "," {
            return None;
        }
        let mut owners: Vec<Actor> = Vec::new();
        let mut end = w - 1;
        while let Some(i) = ms.iter().position(|x| x.units.end == end) {
            if i >= done.count() {
                break;
            }
            owners.splice(0..0, done[i].iter().map(|a| (**a).clone()));
            let start = ms[i].units.start;
            if start == 0
                || units[start - 1].key != lex.keys.and && units[start - 1].span.slice(text) != ","
            {
                break;
            }
            end = start - 1;
        }
        (!owners.is_empty()).then_some(owners)
    }

    fn outlet_name(&self, raw: &str) -> SmolStr {
        let found = self.lexicon.find(raw);
        found
            .iter()
            .rev()
            .find_map(|(_, r)| match r {
                Referent::Outlet(o) => Some(self.lexicon.outlets[*o].name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| SmolStr::new(raw))
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
            text: SmolStr::new(abs.slice(text)),
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
            .and_then(|(_, m)| location_of(&self.lexicon, m, text))
            .or_else(|| {
                ms.iter()
                    .find(named_place)
                    .and_then(|m| location_of(&self.lexicon, m, text))
            })
    }

    /// The events of one sentence: each predicate through the rules of
    /// [`super::predicate::RULES`], then its date, place and contexts, the events themselves and
    /// the follow-up rules.
    #[allow(clippy::too_many_arguments)]
    fn events_of<T: Trace>(
        &self,
        s: &Sent<'_>,
        units: &[Unit],
        text: &str,
        article_id: &SmolStr,
        published: Option<NaiveDate>,
        dateline_date: Option<NaiveDate>,
        dateline_loc: &Option<Location>,
        attack_state: Option<&str>,
        memory: &mut Memory,
        lists: &mut PredicateLists,
        out: &mut Vec<Event>,
        trace: &mut T,
    ) {
        let lex = &*self.lexicon;
        let mut subjects = std::mem::take(&mut lists.subjects);
        s.subjects_into(&mut subjects);
        let dropped_clauses = if self.options.petrarch_conventions {
            let start = units.partition_point(|u| (u.token as usize) < s.sentence.tokens.start);
            let (and, or) = (lex.keys.and, lex.keys.or);
            super::commas::dropped_clauses(
                units,
                text,
                start..s.sentence_end_unit(units),
                &self.options.petrarch_commas,
                |u| u.key == and || u.key == or,
                // A lowercase word of no class that is no verb: an adjective, as far as we know.
                |u| {
                    u.class == 0
                        && u.is(crate::lexicon::WORD)
                        && !u.is(crate::lexicon::CAPITALIZED)
                        && !u.is(crate::lexicon::VERB)
                },
            )
        } else {
            Vec::new()
        };
        for (pi, p) in s.preds.iter().enumerate() {
            let cx = PredicateContext {
                lex,
                s,
                p,
                pattern: &lex.patterns[p.pattern],
                units,
                text,
                subject_count: subjects[pi].len(),
                condition: predicate::condition_after(s, p, units),
                dateline_location: dateline_loc.as_ref(),
                attack_state,
                memory,
                petrarch: self.options.petrarch_conventions,
                dropped_clauses: &dropped_clauses,
            };
            let trigger_span = units[p.verb].span.cover(units[p.head_end - 1].span);
            // (Each predicate's subjects are its draft's alone: given, not copied.)
            let d = match predicate::draft(&cx, std::mem::take(&mut subjects[pi])) {
                Ok(d) => d,
                Err(why) => {
                    trace.dropped(s.sentence.index, trigger_span, p, cx.pattern, why);
                    continue;
                }
            };
            let first_event = out.len();
            let trigger = TextSpan {
                text: SmolStr::new(trigger_span.slice(text)),
                span: trigger_span,
            };
            let (date, date_source) =
                predicate_date(s, pi, units, published, dateline_date, cx.memory);
            let ectx = EventContext {
                article_id,
                sentence: SentenceRef {
                    index: s.sentence.index,
                    span: s.sentence.span,
                },
                date,
                date_source,
                location: s.location.clone().or_else(|| dateline_loc.clone()),
                reported_by: s.outlet.clone(),
                contexts: self.contexts_of(s, d.entry, &mut lists.contexts),
            };
            let before = out.len();
            predicate::emit(&d, &ectx, &trigger, out);
            let emitted = out.len() > before;
            let visits =
                predicate::reciprocal(&d, cx.pattern, &ectx, &trigger, &out[before..], cx.petrarch);
            out.extend(visits);
            if d.entry.statement {
                if let Some(demand) = predicate::obligation_request(&cx, &d.sources, &ectx) {
                    out.extend(demand);
                }
            }
            trace.drafted(
                s.sentence.index,
                trigger_span,
                cx.pattern,
                out.len() - first_event,
            );
            // What later sentences refer back to: the explicit date, the parties (the sources
            // and the targets written or referred back to) and the subjects.
            if let (Some(d), DateSource::Explicit) = (date, date_source) {
                memory.last_dated = Some((s.sentence.index, d));
            }
            if emitted {
                let parties = &mut lists.parties;
                parties.clear();
                parties.extend(d.sources.iter().cloned());
                parties.extend(
                    d.targets
                        .iter()
                        .filter(|t| {
                            !t.inferred
                                || p.targets
                                    .iter()
                                    .any(|&ti| s.mentions[ti].reference.is_some())
                        })
                        .cloned(),
                );
                memory.group(parties);
                parties.clear();
                if d.entry.violent() && d.sources.iter().any(|a| a.is_resolved()) {
                    memory.last_violence = Some((s.sentence.index, d.sources.clone()));
                }
                memory.last_subjects = d.sources;
                memory.last_event_sentence = Some(s.sentence.index);
            }
        }
        lists.subjects = subjects;
    }

    /// The PLOVER contexts of an event, in `contexts` (emptied first): its code's, then the
    /// sentence's.
    fn contexts_of<'c>(
        &self,
        s: &Sent<'_>,
        entry: &'static CameoEntry,
        contexts: &'c mut Vec<&'static str>,
    ) -> &'c [&'static str] {
        contexts.clear();
        contexts.extend(entry.plover_contexts.iter().map(String::as_str));
        for &c in &s.contexts {
            let name = self.lexicon.contexts[c];
            if !contexts.contains(&name) {
                contexts.push(name);
            }
        }
        contexts
    }
}

/// The lists [`Coder::events_of`] fills for each predicate, kept for the whole article so that
/// each is allocated once.
#[derive(Default)]
struct PredicateLists {
    /// The PLOVER contexts of the predicate's events ([`Coder::contexts_of`]).
    contexts: Vec<&'static str>,
    /// The parties of its events that later sentences refer back to ([`Memory::group`]).
    parties: Vec<Rc<Actor>>,
    /// Each predicate's subjects ([`Sent::subjects_into`]), a predicate's list given to its
    /// draft.
    subjects: Vec<Vec<Rc<Actor>>>,
}

/// The date of predicate `pi` of sentence `s` ([`super::dates::event_date`]).
fn predicate_date(
    s: &Sent<'_>,
    pi: usize,
    units: &[Unit],
    published: Option<NaiveDate>,
    dateline: Option<NaiveDate>,
    memory: &Memory,
) -> (Option<NaiveDate>, DateSource) {
    let verb_token = |q: &Predicate| units[q.verb].token as usize;
    let p = &s.preds[pi];
    // "Xi welcomed Petro on Wednesday. The two leaders discussed trade": a follow-up about the
    // same parties (a pronoun or collective subject) keeps the event's date.
    let follow_up = p
        .subjects
        .iter()
        .any(|&i| s.mentions[i].reference.is_some());
    let continued = memory
        .last_dated
        .filter(|&(sentence, _)| follow_up && sentence + 1 == s.sentence.index)
        .map(|(_, d)| d);
    event_date(&PredicateDates {
        dates: &s.dates,
        verb: verb_token(p),
        previous_verb: pi.checked_sub(1).map(|q| verb_token(&s.preds[q])),
        next_verb: s.preds.get(pi + 1).map(verb_token),
        published,
        dateline,
        continued,
    })
}

/// The place a mention names, as an event location found in the sentence.
pub(super) fn location_of(lex: &Lexicon, m: &Mention, text: &str) -> Option<Location> {
    let (name, country) = if let Some(p) = m.place {
        (lex.places[p].name.clone(), lex.places[p].iso3.clone())
    } else {
        let (s, _) = m.state?;
        let st = &lex.states[s];
        (st.name.clone(), st.iso3.clone())
    };
    Some(Location {
        text: SmolStr::new(m.span.slice(text)),
        span: m.span,
        name,
        country: Some(country),
        source: LocationSource::Sentence,
    })
}

/// ", they said", ", it said": a plural or thing pronoun attributing the sentence is the
/// latest speakers when they were a body named by its role ("..., officials said. ..., they
/// said"; "..., the Foreign Office said. ..., it said"), not the latest actor of the story
/// (the militants it reports on, the organization a meeting was held at).
fn attribution_speakers(
    m: &Mention,
    units: &[Unit],
    text: &str,
    memory: &Memory,
) -> Option<Vec<Actor>> {
    use crate::lexicon::words::REPORT;
    use crate::parse::Reference;
    let pronoun =
        matches!(m.reference, Some(Reference::Plural | Reference::Thing)) && m.agent.is_none();
    let attributes = units
        .get(m.units.end)
        .is_some_and(|u| u.class & REPORT != 0);
    let speakers = &memory.last_speaker;
    if !pronoun || !attributes || speakers.is_empty() || speakers.iter().any(|a| a.name.is_some()) {
        return None;
    }
    Some(speakers.iter().map(|a| referred_to(a, m, text)).collect())
}

/// An earlier actor as the mention `m` that refers to it: its text and span are the mention's,
/// and it is inferred.
fn referred_to(a: &Actor, m: &Mention, text: &str) -> Actor {
    let mut a = a.clone();
    a.text = SmolStr::new(m.span.slice(text));
    a.span = m.span;
    a.inferred = true;
    a
}

/// Whether a state mention names a border: "the Afghan border", "the border with Syria".
fn names_a_border(lex: &Lexicon, m: &Mention, units: &[Unit], text: &str) -> bool {
    let is_border = |k: usize| {
        units.get(k).is_some_and(|u| {
            let w = u.span.slice(text);
            ["border", "borders", "frontier"]
                .iter()
                .any(|b| w.eq_ignore_ascii_case(b))
        })
    };
    is_border(m.units.end)
        || m.units.start >= 2
            && is_border(m.units.start - 2)
            && units[m.units.start - 1].key == lex.keys.with
}

/// "struck Gaza": a region stands for its state. The actors of a mention naming a place, when
/// they have no state or organization, get the place's state.
pub(crate) fn place_for_state(lex: &Lexicon, m: &Mention, acts: &mut [Actor]) {
    if let Some(p) = m.place {
        for a in acts
            .iter_mut()
            .filter(|a| a.country.is_none() && a.organization.is_none())
        {
            let iso3 = &lex.places[p].iso3;
            if a.code.is_none() {
                a.code = Some(state_code(lex, iso3, a.sector));
            }
            a.country = Some(iso3.clone());
        }
    }
}

/// The states of a place phrase right after mention `m` ("activists in Arnor", "lawmakers in
/// Fornost and Gondor"), as ISO3 codes; a role joined by "and" or "or" to the role the phrase
/// follows shares them ("lawmakers and officials in Fornost").
fn own_place_states<'l>(
    lex: &'l Lexicon,
    units: &[Unit],
    m: &Mention,
    ms: &[Mention],
) -> Vec<&'l str> {
    let Some(first) = ms
        .iter()
        .position(|p| p.units.start == m.units.end + 1 && p.after_prep_loc)
    else {
        // "lawmakers and officials in ...": the next conjunct's phrase.
        let joined = m.units.end < units.len()
            && (units[m.units.end].key == lex.keys.and || units[m.units.end].key == lex.keys.or);
        return ms
            .iter()
            .find(|n| joined && n.units.start == m.units.end + 1 && n.is_bare_role())
            .map(|n| own_place_states(lex, units, n, ms))
            .unwrap_or_default();
    };
    // The first place and the places spread over its conjuncts (contiguous, after it).
    let mut states = Vec::new();
    for (k, p) in ms[first..].iter().enumerate() {
        if k > 0 && !(p.after_prep_loc && p.units.start <= ms[first + k - 1].units.end + 3) {
            break;
        }
        if let Some((st, _)) = p.state {
            states.push(lex.states[st].iso3.as_str());
        }
    }
    states
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
        text: SmolStr::new(span.slice(text)),
        span,
        country: Some(SmolStr::new(iso3)),
        organization: None,
        sector,
        name: None,
        code: Some(state_code(lex, iso3, sector)),
        inferred: true,
    }
}

/// About as many distinct events as an article of `text` holds, at most (dense wire text, as
/// the fixture articles and `scripts/gen-corpus.py`'s, gives 10 to 15 per KB, up to 20; at
/// most 512 are reserved), so their list is allocated once, not grown by copying its 700-byte
/// events: a slot left unused costs memory only.
fn expected_events(text: &str) -> usize {
    (text.len() / 64).min(512) + 4
}

/// The CAMEO code of a state (ISO3 `iso3`) with an optional sector: "RUS" + "MIL".
fn state_code(lex: &Lexicon, iso3: &str, sector: Option<Sector>) -> SmolStr {
    let state = lex.state(iso3).map_or(iso3, |st| st.cameo.as_str());
    concat(state, sector.map_or("", Sector::as_str))
}
