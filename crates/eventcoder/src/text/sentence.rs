//! Sentence splitting over tokens: abbreviation-aware, quote-aware, paragraph- and
//! headline-aware.

use std::ops::Range;

use serde::Serialize;

use super::abbrev::{AbbrevKind, abbreviation, continues_line, is_sentence_starter};
use super::token::{Token, TokenKind};
use super::tokenizer::Tokens;
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

fn newlines(gap: &[u8]) -> usize {
    gap.iter().filter(|&&b| b == b'\n').count()
}

fn is_bullet(tokens: &[Token], i: usize, text: &str) -> bool {
    let t = &tokens[i];
    let marker = t.kind() == TokenKind::Punct && matches!(t.norm(text).as_ref(), "-" | "*" | "--")
        || t.kind() == TokenKind::Symbol && t.text(text) == "*";
    if !marker || !text[t.end()..].starts_with(|c: char| c.is_whitespace()) {
        return false;
    }
    // At the start of a line: only whitespace, including a newline, since the previous token.
    let gap_start = if i == 0 {
        text[..t.start()].rfind('\n').map_or(0, |p| p + 1)
    } else {
        tokens[i - 1].end()
    };
    let gap = &text[gap_start..t.start()];
    gap.trim().is_empty() && (i == 0 || gap.contains('\n'))
}

fn starts_lowercase(t: &Token, text: &str) -> bool {
    t.text(text).chars().next().is_some_and(char::is_lowercase)
}

/// Whether the sentence may end after token `i` (a word ending in a period, e.g. "U.S.").
fn abbreviation_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    let word = &text[t.start()..t.end() - 1];
    if word.len() == 1 {
        return false; // an initial: "John F. Kennedy"
    }
    match abbreviation(word) {
        Some(AbbrevKind::Title | AbbrevKind::Month) => false,
        _ => {
            next.kind() == TokenKind::Word && is_sentence_starter(next.text(text))
                || next.kind() == TokenKind::Quote
        }
    }
}

/// The most tokens one sentence may have. A longer run of text without a sentence end (a
/// scraped page with no punctuation, a table flattened into one line) is cut into pieces of at
/// most this many tokens, after the last comma, semicolon or colon in the final
/// [`CLAUSE_BREAK_REACH`] tokens of a piece when there is one. Real news sentences stay far
/// below it (the longest in the fixtures, the PLOVER gold-standard records and the seed article
/// has 45 tokens), and the cap keeps every
/// search inside a sentence (subjects, objects, modality, coreference) bounded, so coding time
/// grows linearly with the input.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// How many closing marks (quotes, brackets, more periods) glued to a sentence's end it takes
/// in; a longer run of them starts the next sentence.
const MAX_GLUED_MARKS: usize = 8;

/// How far back from [`MAX_SENTENCE_TOKENS`] a forced break looks for a clause boundary.
pub const CLAUSE_BREAK_REACH: usize = 64;

/// Where to cut a sentence that starts at token `from` and has reached the cap: one past the
/// last `,`, `;` or `:` in the final [`CLAUSE_BREAK_REACH`] tokens, else the cap itself.
fn forced_break(text: &str, tokens: &[Token], from: usize) -> usize {
    let cap = from + MAX_SENTENCE_TOKENS;
    (cap - CLAUSE_BREAK_REACH..cap)
        .rev()
        .find(|&k| tokens[k].is_punct(text, &[",", ";", ":"]))
        .map_or(cap, |k| k + 1)
}

/// Splits the tokens of `text` into sentences. No sentence has more than
/// [`MAX_SENTENCE_TOKENS`] tokens, but for a few closing marks glued to its end.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    split_block(text, tokens, 0, true, 0, &mut out);
    out
}

/// Splits a block of an article's tokens into sentences, from token `from` on, so that an
/// article can be split a block at a time with the same result as [`split_sentences`] on all
/// of it. `tokens[from - 1]` (if `from > 0`) must be the token before (the splitter looks one
/// token back for bullets), and `from` must be a point where no sentence is open: 0, or what
/// an earlier call returned.
///
/// If `at_end` is false, more tokens follow the block: splitting stops where a decision
/// would need them, and the return value is the index to resume from (keep the token before
/// it). Sentences found are appended to `out`, numbered from `first_index` and with token
/// ranges local to `tokens`.
///
/// ```
/// use eventcoder::text::{split_block, split_sentences, tokenize};
/// let text = "Russia protested. Ukraine agreed. France";
/// let tokens: Vec<_> = tokenize(text).collect();
/// let mut out = Vec::new();
/// let resume = split_block(text, &tokens[..4], 0, false, 0, &mut out);
/// assert_eq!((out.len(), resume), (1, 3));
/// split_block(text, &tokens, resume, true, out.len(), &mut out);
/// assert_eq!(out, split_sentences(text, &tokens));
/// ```
pub fn split_block(
    text: &str,
    tokens: &[Token],
    from: usize,
    at_end: bool,
    first_index: usize,
    out: &mut Vec<Sentence>,
) -> usize {
    let already = out.len();
    let push = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        if from < to {
            let span = Span::new(tokens[from].start(), tokens[to - 1].end());
            out.push(Sentence {
                index: first_index + out.len() - already,
                span,
                tokens: from..to,
            });
        }
    };
    let mut start: Option<usize> = None;
    // The last point with no sentence open: where a later block resumes.
    let mut resume = from;
    let bytes = text.as_bytes();
    // The first line break at or after `nl_from` (the last token's start if none before it): a
    // token that starts past it has one in the gap before it, or in a token before it. The
    // search stops at the block's last token, so each block reads its own bytes only (a text
    // with no line break is not searched to its end once per block).
    let (mut nl_from, mut nl) = (0, None::<usize>);
    let search_end = tokens.last().map_or(0, |t| t.start());
    let mut i = from;
    while i < tokens.len() {
        if let Some(s) = start {
            // Most tokens neither end the sentence (no `flag::STOP`) nor start a line, and do
            // nothing here: pass over them, up to the cap and, in a block that more tokens
            // follow, up to the last token (whose end depends on the next).
            let last = if at_end {
                tokens.len()
            } else {
                tokens.len() - 1
            }
            .min(s + MAX_SENTENCE_TOKENS);
            let prev_end = tokens[i - 1].end();
            let next_nl = match nl {
                Some(p) if nl_from <= prev_end && p >= prev_end => p,
                _ => {
                    let p = memchr::memchr(b'\n', &bytes[prev_end..search_end.max(prev_end)])
                        .map_or(search_end.max(prev_end), |p| prev_end + p);
                    (nl_from, nl) = (prev_end, Some(p));
                    p
                }
            };
            // (Stopping early, at a token that starts past a line break inside a token, is
            // harmless: that token is then looked at as below, and passed over.)
            for t in tokens.get(i..last).unwrap_or_default() {
                if t.may_end_sentence() || t.start() > next_nl {
                    break;
                }
                i += 1;
            }
            if i == tokens.len() {
                break;
            }
            // A boundary before token i, from the layout of the gap before it.
            let nl = newlines(&bytes[tokens[i - 1].end()..tokens[i].start()]);
            // (A line ending with "and", "of" or "," continues; looked up only at a line break.)
            let soft_end = || continues_line(tokens[i - 1].norm(text).as_ref());
            if nl >= 2
                || nl == 1
                    && (is_bullet(tokens, i, text)
                        || !starts_lowercase(&tokens[i], text) && !soft_end())
            {
                push(out, s, i);
                start = None;
            }
        }
        if start.is_none() {
            resume = i;
            if is_bullet(tokens, i, text) {
                i += 1;
                continue;
            }
            start = Some(i);
        }
        if let Some(s) = start.filter(|&s| i - s >= MAX_SENTENCE_TOKENS) {
            let cut = forced_break(text, tokens, s);
            push(out, s, cut);
            start = Some(cut);
            resume = cut;
        }
        let s = start.unwrap_or(i);
        let t = &tokens[i];
        if !at_end && i + 1 == tokens.len() {
            // Whether this token ends a sentence depends on the next one.
            return resume;
        }
        // (A punctuation mark with the flag is `.`, `!`, `?` or an ellipsis; a word with it ends
        // in a period.)
        let terminal = t.may_end_sentence()
            && (t.kind() == TokenKind::Punct || abbreviation_ends_sentence(text, tokens, i));
        if terminal {
            // Absorb more terminal marks and closing quotes / brackets glued to it (a few).
            let mut j = i + 1;
            while j < tokens.len()
                && j <= i + MAX_GLUED_MARKS
                && tokens[j].start() == tokens[j - 1].end()
                && (tokens[j].kind() == TokenKind::Quote
                    || tokens[j].is_punct(text, &[")", "]", ".", "!", "?"]))
            {
                j += 1;
            }
            let next = tokens.get(j);
            if next.is_none() && !at_end {
                return resume;
            }
            let ellipsis = t.norm_is(text, "...");
            let ends = match next {
                None => true,
                Some(n) => {
                    (n.is_capitalized() || !ellipsis)
                        && !n.norm_is(text, ",")
                        && !starts_lowercase(n, text)
                }
            };
            if ends {
                push(out, s, j);
                start = None;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if !at_end {
        return if start.is_some() {
            resume
        } else {
            tokens.len()
        };
    }
    if let Some(s) = start {
        push(out, s, tokens.len());
    }
    tokens.len()
}

/// An article's sentences a block of tokens at a time: the tokens held at once stay bounded
/// (about `block_size`, more only while one sentence needs it), however long the article is,
/// and the sentences are exactly those [`split_sentences`] finds on all of it.
///
/// ```
/// use eventcoder::text::{SentenceBlocks, split_sentences, tokenize};
/// let text = "Russia protested. Ukraine agreed. France and Germany met.";
/// let mut blocks = SentenceBlocks::new(text, tokenize(text), 4);
/// let mut found = Vec::new();
/// while blocks.advance() {
///     found.extend(blocks.sentences().iter().map(|s| blocks.in_article(s)));
/// }
/// let tokens: Vec<_> = tokenize(text).collect();
/// assert_eq!(found, split_sentences(text, &tokens));
/// ```
#[derive(Debug)]
pub struct SentenceBlocks<'t> {
    text: &'t str,
    stream: Tokens<'t>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    block_size: usize,
    /// The article-wide index of `tokens[0]`.
    offset: usize,
    /// Where splitting resumes in `tokens`, and where the last block stopped.
    from: usize,
    resume: usize,
    /// How many tokens to hold before splitting.
    want: usize,
    at_end: bool,
    done: bool,
    /// The article-wide index of the block's first sentence.
    next_index: usize,
}

impl<'t> SentenceBlocks<'t> {
    /// Blocks of about `block_size` tokens (at least one; up to a batch of the tokenizer more)
    /// of `stream`, the tokens of `text` (all of them, or those from a point on:
    /// [`Tokens::skip_before`]).
    pub fn new(text: &'t str, stream: Tokens<'t>, block_size: usize) -> Self {
        let block_size = block_size.max(1);
        SentenceBlocks {
            text,
            stream,
            // (A short article needs far less: about one token per four bytes at most, in news.)
            tokens: Vec::with_capacity(block_size.min(text.len() / 4 + 16)),
            sentences: Vec::new(),
            block_size,
            offset: 0,
            from: 0,
            resume: 0,
            want: block_size,
            at_end: false,
            done: false,
            next_index: 0,
        }
    }

    /// Reads and splits the next block; false once the article is done.
    pub fn advance(&mut self) -> bool {
        if self.done {
            return false;
        }
        self.next_index += self.sentences.len();
        self.sentences.clear();
        if self.resume > self.from {
            // Keep the token before the resume point: the splitter looks one token back.
            let keep = self.resume - 1;
            self.tokens.drain(..keep);
            self.offset += keep;
            self.from = 1;
            self.want = self.block_size.max(self.tokens.len() + 1);
        }
        loop {
            // (Whole batches of the tokenizer at a time, not a token at a time.)
            if self.tokens.len() < self.want && !self.at_end {
                self.at_end = !self.stream.fill_to(&mut self.tokens, self.want);
            }
            self.resume = split_block(
                self.text,
                &self.tokens,
                self.from,
                self.at_end,
                self.next_index,
                &mut self.sentences,
            );
            if self.at_end {
                self.done = true;
                return true;
            }
            if self.resume > self.from {
                return true;
            }
            // No sentence could be closed yet: read more of it.
            self.want = 2 * self.want.max(self.tokens.len());
        }
    }

    /// The current block's tokens (with, first, the token before the block).
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The sentences of the current block: article-wide indexes, token ranges into
    /// [`SentenceBlocks::tokens`].
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// A sentence of the current block with its token range made article-wide (as
    /// [`split_sentences`] gives it).
    pub fn in_article(&self, s: &Sentence) -> Sentence {
        Sentence {
            tokens: s.tokens.start + self.offset..s.tokens.end + self.offset,
            ..s.clone()
        }
    }
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
