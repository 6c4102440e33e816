//! # eventcoder
//!
//! Fast, explainable political event coding from raw English news text.
//!
//! eventcoder reads an article and produces typed event records (who did what to whom, when and
//! where) coded in the CAMEO and PLOVER ontologies. Every field of every event points back at the
//! text span and the dictionary rule that produced it.
//!
//! ```
//! use eventcoder::{Article, Coder};
//!
//! let text = "date 2021-11-23\nMOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov on Monday \
//!             accused Washington of stoking tensions, the ministry said.";
//! let doc = Coder::new().code(&Article::new("a1", text))?;
//! let e = doc.events.iter().find(|e| e.cameo.code == "112").expect("an accusation");
//! assert_eq!(e.source.as_ref().unwrap().name.as_deref(), Some("Sergei Lavrov"));
//! assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("USA"));
//! assert_eq!(e.date.unwrap().to_string(), "2021-11-22");
//! assert_eq!(e.reported_by.as_deref(), Some("Reuters"));
//! // "the ministry" is Lavrov's: definite descriptions prefer the sentence's topic.
//! let said = doc.events.iter().find(|e| e.cameo.code == "010").expect("a statement");
//! assert_eq!(said.source.as_ref().unwrap().country.as_deref(), Some("RUS"));
//! println!("{}", e.explain(text)); // where every field came from
//! # Ok::<(), eventcoder::Error>(())
//! ```
//!
//! ## The pipeline
//!
//! Each stage is a module; [`Coder::code`] runs them in order.
//!
//! 0. [`html`] (HTML input only, [`Coder::code_html`]): raw HTML → its visible text, with a
//!    map from every text byte back to the HTML bytes it came from; after coding, every span of
//!    the [`Document`] is mapped back, so spans point into the HTML.
//! 1. [`text`]: raw text → [`text::Token`]s (a zero-allocation iterator with an ASCII fast path)
//!    → [`text::Sentence`]s, plus the article [`text::Header`] (the `date YYYY-MM-DD` line and
//!    the wire-service dateline).
//! 2. [`lexicon`]: the dictionaries (states, organizations, groups, roles, dated office holders,
//!    places, outlets, event patterns, context keywords) as readable TSV data compiled into one
//!    phrase automaton over normalized token keys; user dictionaries merge over the built-ins.
//! 3. [`parse`]: lexical matches → actor [`parse::Mention`]s ("his Russian counterpart Sergei
//!    Lavrov"), and verb patterns → [`parse::Predicate`]s with subjects, targets, voice,
//!    negation and modality. No external parser.
//! 4. [`code`]: predicates → [`Event`]s: actors resolved as of the article date, dates resolved
//!    against the published date, places, attribution, contexts, deduplication.
//! 5. [`ontology`]: the CAMEO code table (labels, quad classes, Goldstein values) and PLOVER
//!    types, modes and contexts, with the official CAMEO → PLOVER mapping.
//! 6. [`output`]: the stable JSON record of an event (spans in code points), used by the CLI.
//!
//! [`eval`] scores the coder on the PLOVER gold-standard records.
//!
//! For dictionary work, [`Coder::diagnose`] codes an article as [`Coder::code`] does and tells
//! for every sentence its events or why it has none (no trigger, no actor, negated,
//! hypothetical, duplicate, ...), and [`lexicon::Lexicon::lookup`] shows how a phrase resolves:
//! the entries it matches with their dictionary file and line, and its actor code on a date.
//!
//! ## Offsets
//!
//! Rust types use UTF-8 byte offsets ([`Span`]); the JSON output and the Python bindings use code
//! points, so `text[start:end]` works there. [`output::CharIndex`] converts.
//!
//! ## Limits
//!
//! Articles are at most [`MAX_ARTICLE_BYTES`]; anything larger is an [`Error::InputTooLarge`].
//! The tokenizer accepts any string and never panics or drops text. A run of text without a
//! sentence end is cut into sentences of at most [`text::MAX_SENTENCE_TOKENS`] tokens, so every
//! search inside a sentence is bounded and coding time is linear in the article's length.
#![warn(missing_docs)]

pub mod article;
pub mod code;
pub mod error;
pub mod eval;
pub mod html;
pub mod lexicon;
pub mod ontology;
pub mod output;
pub mod parse;
mod swar;
pub mod text;
pub mod tsv;

pub use article::{Article, MAX_ARTICLE_BYTES, Span, parse_iso_date};
pub use code::{Actor, Coder, CoderBuilder, CoderOptions, Document, Event};
pub use error::{Error, Position, Result};
pub use html::HtmlText;
pub use lexicon::MAX_DICTIONARY_BYTES;
/// The string type of [`Event`] and [`Actor`] fields: it derefs to `str`, compares with `&str`
/// and `String`, and clones without copying (short strings inline, longer ones shared).
pub use smol_str::SmolStr;

/// A realistic wire story compiled into the library, used by `eventcoder demo` and the docs.
pub const EXAMPLE_ARTICLE: &str = include_str!("../data/example_article.txt");
