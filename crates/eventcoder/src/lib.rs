//! # eventcoder
//!
//! Fast, explainable political event coding from raw English news text.
//!
//! eventcoder reads an article and produces typed event records (who did what to whom, when and
//! where) coded in the CAMEO and PLOVER ontologies. Every field of every event points back at the
//! text span and the rule that produced it.
//!
//! ## The pipeline
//!
//! 1. [`text`]: raw text → [`text::Token`]s (a zero-allocation iterator with an ASCII fast path)
//!    → [`text::Sentence`]s, plus the article [`text::Header`] (date line and dateline).
pub mod article;
pub mod code;
pub mod error;
pub mod eval;
pub mod lexicon;
pub mod ontology;
pub mod output;
pub mod parse;
pub mod text;
pub mod tsv;

pub use article::{Article, MAX_ARTICLE_BYTES, Span, parse_iso_date};
pub use code::{Actor, Coder, CoderBuilder, CoderOptions, Document, Event};
pub use error::{Error, Position, Result};

/// A realistic wire story compiled into the library, used by `eventcoder demo` and the docs.
pub const EXAMPLE_ARTICLE: &str = include_str!("../data/example_article.txt");
