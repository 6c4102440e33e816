//! The error type of the core crate.

use std::fmt;

/// A position in a text or data file: 1-based line and column, and the 0-based byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
    /// 0-based byte offset.
    pub offset: usize,
}

impl Position {
    /// The position of byte `offset` in `text`. Offsets past the end are clamped.
    ///
    /// ```
    /// use eventcoder::Position;
    /// let p = Position::of("ab\ncd", 4);
    /// assert_eq!((p.line, p.column), (2, 2));
    /// ```
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Position {
            line,
            column,
            offset,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Everything that can go wrong in eventcoder. Every variant that concerns an input says where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A dictionary file has a malformed line.
    #[error("{source_name}:{position}: {message}")]
    Dictionary {
        /// The file name or `<builtin:NAME>`.
        source_name: String,
        /// Where in that file.
        position: Position,
        /// What is wrong.
        message: String,
    },
    /// A user dictionary file is larger than [`crate::MAX_DICTIONARY_BYTES`].
    #[error("{source_name}: dictionary of {len} bytes exceeds the limit of {limit} bytes")]
    DictionaryTooLarge {
        /// The file name.
        source_name: String,
        /// Its size in bytes (at least the limit plus one when it was not read to its end).
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A date could not be parsed.
    #[error("invalid date {value:?}{}: {reason}", position.map(|p| format!(" at {p}")).unwrap_or_default())]
    InvalidDate {
        /// The text that was given.
        value: String,
        /// Where it was found, if it came from an article.
        position: Option<Position>,
        /// Why it was refused.
        reason: String,
    },
    /// A coder option is out of its range (see [`crate::CoderOptions::validate`]).
    #[error("{name} must be {expected}, not {value}")]
    InvalidOption {
        /// The option (`min_confidence`).
        name: &'static str,
        /// The value given, as written by Rust (`1.5`, `NaN`).
        value: String,
        /// What it must be.
        expected: &'static str,
    },
    /// An article is larger than [`crate::MAX_ARTICLE_BYTES`].
    #[error("article of {len} bytes exceeds the limit of {limit} bytes")]
    InputTooLarge {
        /// Its size.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A data file (an evaluation set) is malformed.
    #[error("{source_name}:{position}: {message}")]
    DataFile {
        /// The file name.
        source_name: String,
        /// Where in that file.
        position: Position,
        /// What is wrong.
        message: String,
    },
    /// A JSON input line could not be read.
    #[error("line {line}: {message}")]
    InputRecord {
        /// 1-based line of the input.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Reading a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
