//! Discard lists (PETRARCH-1 and TABARI).
//!
//! ```text
//! MONTHS LATER          a sentence with this phrase is not coded
//! +WORLD_CUP            a story with this phrase is not coded at all
//! ```
//!
//! `#` starts a comment.

use super::text::{lines, phrase_text};
use super::{Problems, problem};
use crate::lexicon::WarningKind;

/// A discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardEntry {
    /// The phrase (lowercase).
    pub phrase: String,
    /// `+`: the whole story is discarded, not only the sentence.
    pub story: bool,
    /// 1-based line.
    pub line: usize,
}

/// Parses a discard list; empty phrases are skipped and reported in `problems`.
pub fn parse(text: &str, problems: &mut Problems) -> Vec<DiscardEntry> {
    let mut out = Vec::new();
    for line in lines(text, false) {
        let (story, body) = match line.text.strip_prefix('+') {
            Some(b) => (true, b),
            None => (false, line.text),
        };
        let phrase = phrase_text(body);
        if phrase.is_empty() {
            problem(
                problems,
                &line,
                line.text,
                WarningKind::BadLine,
                "an empty discard phrase".into(),
            );
            continue;
        }
        out.push(DiscardEntry {
            phrase,
            story,
            line: line.no,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_and_sentence() {
        let mut problems = Vec::new();
        let d = parse("# c\nMONTHS LATER  # x\n+World_Cup\n+\n", &mut problems);
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].phrase.as_str(), d[0].story), ("months later", false));
        assert_eq!(
            (d[1].phrase.as_str(), d[1].story, d[1].line),
            ("world cup", true, 3)
        );
        assert_eq!(problems[0].position.line, 4);
    }
}
