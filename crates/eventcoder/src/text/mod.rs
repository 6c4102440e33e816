//! Stage 1: text. Raw article text becomes tokens and sentences; headers and datelines are read.

mod abbrev;
mod dates;
mod header;
mod sentence;
pub(crate) mod shapes;
mod token;
mod tokenizer;

pub use abbrev::{AbbrevKind, abbreviation, is_sentence_starter};
pub(crate) use dates::add_calendar_shapes;
pub use dates::{PartialDate, month_number, parse_date, weekday_number};
pub use header::{Dateline, Header, parse_dateline, parse_header};
pub use sentence::{
    CLAUSE_BREAK_REACH, MAX_SENTENCE_TOKENS, Sentence, SentenceBlocks, split_block, split_sentences,
};
pub use token::{Token, TokenKind};
pub(crate) use token::{case_flags, flag};
pub use tokenizer::{MAX_TOKENIZE_BYTES, Tokens, tokenize, try_tokenize};
