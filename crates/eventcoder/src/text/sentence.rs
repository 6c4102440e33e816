//! Sentence splitting over tokens: abbreviation-aware, quote-aware, paragraph- and
//! headline-aware.

use std::ops::Range;

use serde::Serialize;

use super::abbrev::{AbbrevKind, abbreviation, continues_line, is_sentence_starter};
use super::token::{Token, TokenKind};
use crate::article::Span;

/// One sentence: its span and the range of its tokens in the token list it came from.
///
/// ```
/// use eventcoder::text::{split_sentences, tokenize};
/// let text = "Gen. Smith arrived in the U.S. on Monday. He met officials.";
/// let tokens: Vec<_> = tokenize(text).collect();
/// let s = split_sentences(text, &tokens);
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[1].span.slice(text), "He met officials.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// 0-based position in the article.
    pub index: usize,
    /// Where it is, in bytes.
    pub span: Span,
    /// Its tokens: indexes into the article's token list.
    pub tokens: Range<usize>,
}

fn newlines(gap: &str) -> usize {
    gap.bytes().filter(|&b| b == b'\n').count()
}

fn is_bullet(tokens: &[Token<'_>], i: usize, text: &str) -> bool {
    let t = &tokens[i];
    let marker = t.kind == TokenKind::Punct && matches!(t.norm.as_ref(), "-" | "*" | "--")
        || t.kind == TokenKind::Symbol && t.text == "*";
    if !marker || !text[t.span.end..].starts_with(|c: char| c.is_whitespace()) {
        return false;
    }
    // At the start of a line: only whitespace, including a newline, since the previous token.
    let gap_start = if i == 0 {
        text[..t.span.start].rfind('\n').map_or(0, |p| p + 1)
    } else {
        tokens[i - 1].span.end
    };
    let gap = &text[gap_start..t.span.start];
    gap.trim().is_empty() && (i == 0 || gap.contains('\n'))
}

fn starts_lowercase(t: &Token<'_>) -> bool {
    t.text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the sentence may end after token `i` (a word ending in a period, e.g. "U.S.").
fn abbreviation_ends_sentence(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    let word = &t.text[..t.text.len() - 1];
    if word.len() == 1 {
        return false; // an initial: "John F. Kennedy"
    }
    match abbreviation(word) {
        Some(AbbrevKind::Title | AbbrevKind::Month) => false,
        _ => {
            next.kind == TokenKind::Word && is_sentence_starter(next.text)
                || next.kind == TokenKind::Quote
        }
    }
}

/// Splits the tokens of `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token<'_>]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        if from < to {
            let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
            out.push(Sentence {
                index: out.len(),
                span,
                tokens: from..to,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        // A boundary before token i, from the layout of the gap before it.
        if let Some(s) = start {
            let gap = &text[tokens[i - 1].span.end..tokens[i].span.start];
            let nl = newlines(gap);
            // (A line ending with "and", "of" or "," continues; looked up only at a line break.)
            let soft_end = || continues_line(tokens[i - 1].norm.as_ref());
            if nl >= 2
                || nl == 1
                    && (is_bullet(tokens, i, text) || !starts_lowercase(&tokens[i]) && !soft_end())
            {
                push(&mut out, s, i);
                start = None;
            }
        }
        if start.is_none() {
            if is_bullet(tokens, i, text) {
                i += 1;
                continue;
            }
            start = Some(i);
        }
        let t = &tokens[i];
        let terminal = t.kind == TokenKind::Punct
            && matches!(t.norm.as_ref(), "." | "!" | "?" | "...")
            || t.is_abbreviation() && abbreviation_ends_sentence(tokens, i);
        if terminal {
            // Absorb more terminal marks and closing quotes / brackets glued to it.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].span.start == tokens[j - 1].span.end
                && (tokens[j].kind == TokenKind::Quote
                    || tokens[j].is_punct(&[")", "]", ".", "!", "?"]))
            {
                j += 1;
            }
            let next = tokens.get(j);
            let ellipsis = t.norm == "...";
            let ends = match next {
                None => true,
                Some(n) => {
                    (n.is_capitalized() || !ellipsis) && n.norm != "," && !starts_lowercase(n)
                }
            };
            if ends {
                push(&mut out, start.take().unwrap_or(i), j);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        push(&mut out, s, tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let toks: Vec<_> = tokenize(text).collect();
        split_sentences(text, &toks)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviation_aware() {
        assert_eq!(
            sents("Mr. Lavrov met Gen. Milley on Dec. 3. They talked."),
            ["Mr. Lavrov met Gen. Milley on Dec. 3.", "They talked."]
        );
        assert_eq!(
            sents("U.S. officials said so. U.N. envoys agreed."),
            ["U.S. officials said so.", "U.N. envoys agreed."]
        );
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
        assert_eq!(
            sents("It grew 2.2 percent. Then it fell."),
            ["It grew 2.2 percent.", "Then it fell."]
        );
    }

    #[test]
    fn quotes_close_after_period() {
        assert_eq!(
            sents("\"We agree.\" The minister left."),
            ["\"We agree.\"", "The minister left."]
        );
        assert_eq!(
            sents("“We agree,” he said. “Good.”"),
            ["“We agree,” he said.", "“Good.”"]
        );
        assert_eq!(sents("\"Why?\" he asked."), ["\"Why?\" he asked."]);
    }

    #[test]
    fn headlines_paragraphs_and_bullets() {
        let text = "Russia expels 23 UK diplomats\n\nMoscow said on Friday it would respond.\n\n- Sanctions were imposed\n- Talks were halted\n";
        assert_eq!(
            sents(text),
            [
                "Russia expels 23 UK diplomats",
                "Moscow said on Friday it would respond.",
                "Sanctions were imposed",
                "Talks were halted"
            ]
        );
        assert_eq!(
            sents("Diplomats meet\nThe talks began"),
            ["Diplomats meet", "The talks began"]
        );
        assert_eq!(
            sents("a wrapped line that\ncontinues here."),
            ["a wrapped line that\ncontinues here."]
        );
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(sents("").is_empty());
        assert!(sents("   \n\n ").is_empty());
        assert_eq!(sents("..."), ["..."]);
        assert_eq!(sents("- \n-"), ["-"]);
    }
}
