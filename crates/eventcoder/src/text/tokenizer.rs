//! The tokenizer: a byte-class fast path for ASCII, UAX #29 for the non-ASCII stretches.
//!
//! [`Tokens`] is an iterator over borrowed text: it allocates nothing, and each [`Token`] is
//! 12 bytes of offsets, kind and flags (its text and normalized form are read from the text).
//! Text between tokens is always whitespace, so tokens plus gaps give back the input exactly.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use super::abbrev::abbreviation;
use super::token::{Norm, Token, TokenKind, case_flags, flag, stop_flag};
use crate::swar::{HIGHS, ONES, ascii_bytes_in};
use byte_block::ByteBlock;

mod byte_block;

const WS: u8 = 0;
const ALPHA: u8 = 1;
const DIGIT: u8 = 2;
const PUNCT: u8 = 3;
const QUOTE: u8 = 4;
const SYMBOL: u8 = 5;
const HIGH: u8 = 6;

static CLASS: [u8; 256] = {
    let mut t = [SYMBOL; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            HIGH
        } else if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' || b == 0x0b || b == 0x0c {
            WS
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b == b'"' || b == b'\'' || b == b'`' {
            QUOTE
        } else if matches!(
            b,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'-'
        ) {
            PUNCT
        } else {
            SYMBOL
        };
        i += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

#[inline]
fn is_alnum(b: u8) -> bool {
    matches!(class(b), ALPHA | DIGIT)
}

/// Case bits of a run of ASCII letters and digits: any uppercase letter, any lowercase one.
/// (Only whether a run is all caps, [`ANY_UPPER`] alone, is ever asked: a run that starts with
/// a lowercase letter is given [`ANY_LOWER`] alone.)
const ANY_UPPER: u8 = 1;
const ANY_LOWER: u8 = 2;

/// The end of the run of ASCII letters and digits starting at `i`, found eight bytes at a time;
/// the run's [`ANY_UPPER`] and [`ANY_LOWER`] bits are added to `case`.
#[inline(always)]
fn alnum_run_end(b: &[u8], mut i: usize, case: &mut u8) -> usize {
    // (Bit 7 of a byte of `upper` / `lower`: an upper / lowercase letter of the run so far.)
    let (mut upper, mut lower) = (0u64, 0u64);
    // (Below `limit`, eight bytes from `i` are in the text: no other test of their bounds.)
    let limit = b.len().saturating_sub(7);
    while i < limit {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(word);
        // Setting bit 5 makes a letter lowercase, and only letters land in a..z. A non-ASCII
        // byte is a stop (the range tests are exact up to it).
        let y = x | (ONES * 0x20);
        let letters = ascii_bytes_in(y, b'a', b'z');
        let digits = ascii_bytes_in(x, b'0', b'9');
        let stop = (!(letters | digits) | x) & HIGHS;
        // The bytes before the first stop (all eight when there is none).
        let run = (stop & stop.wrapping_neg()).wrapping_sub(1);
        // A letter's bit 5 (set when lowercase), moved to bit 7.
        let small = x << 2;
        upper |= letters & !small & run;
        lower |= letters & small & run;
        if stop != 0 {
            i += (stop.trailing_zeros() / 8) as usize;
            *case |= (u8::from(upper != 0) * ANY_UPPER) | (u8::from(lower != 0) * ANY_LOWER);
            return i;
        }
        i += 8;
    }
    *case |= (u8::from(upper != 0) * ANY_UPPER) | (u8::from(lower != 0) * ANY_LOWER);
    while i < b.len() && is_alnum(b[i]) {
        *case |= if b[i].is_ascii_uppercase() {
            ANY_UPPER
        } else if b[i].is_ascii_lowercase() {
            ANY_LOWER
        } else {
            0
        };
        i += 1;
    }
    i
}

/// Non-ASCII characters the fast path handles itself.
fn special(c: char) -> Option<(TokenKind, Norm)> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => (TokenKind::Quote, Norm::Apostrophe),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => {
            (TokenKind::Quote, Norm::DoubleQuote)
        }
        '\u{2014}' | '\u{2015}' => (TokenKind::Punct, Norm::DoubleDash),
        '\u{2013}' | '\u{2012}' | '\u{2010}' | '\u{2011}' | '\u{2212}' => {
            (TokenKind::Punct, Norm::Dash)
        }
        '\u{2026}' => (TokenKind::Punct, Norm::Ellipsis),
        '\u{2022}' | '\u{00B7}' | '\u{25AA}' | '\u{25CF}' => (TokenKind::Punct, Norm::Bullet),
        _ => return None,
    })
}

/// The curly quote, dash, ellipsis or bullet (three bytes, E2 ..) at `pos`, but for the curly
/// apostrophe, which may start a possessive.
#[inline]
fn quote_or_dash_at(text: &str, pos: usize) -> Option<(TokenKind, Norm)> {
    let ch = char_at(text, pos);
    if ch == '\u{2019}' { None } else { special(ch) }
}

#[inline]
fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().unwrap_or('\0')
}

/// The most bytes [`tokenize`] reads: token offsets are 32-bit. Articles are far smaller
/// ([`crate::MAX_ARTICLE_BYTES`]).
pub const MAX_TOKENIZE_BYTES: usize = u32::MAX as usize;

/// Tokenizes `text`. Tokens hold offsets, not text: `t.text(text)` gives a token's text.
///
/// ```
/// use eventcoder::text::tokenize;
/// let text = "U.S.-led talks in Sept. cost $6.2-million.";
/// let words: Vec<&str> = tokenize(text).map(|t| t.text(text)).collect();
/// assert_eq!(words, ["U.S.-led", "talks", "in", "Sept.", "cost", "$", "6.2-million", "."]);
/// ```
///
/// A text longer than [`MAX_TOKENIZE_BYTES`] is tokenized up to that length (at a character
/// boundary) and no further; [`try_tokenize`] refuses it instead.
pub fn tokenize(text: &str) -> Tokens<'_> {
    let mut end = text.len().min(MAX_TOKENIZE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Tokens {
        text: &text[..end],
        pos: 0,
        uax: None,
        batch: [Token::new(0, 0, TokenKind::Symbol, 0, Norm::Text); BATCH],
        head: 0,
        len: 0,
    }
}

/// Tokenizes `text`, or tells that it is longer than [`MAX_TOKENIZE_BYTES`].
///
/// ```
/// assert_eq!(eventcoder::text::try_tokenize("Iran protested.").unwrap().count(), 3);
/// ```
pub fn try_tokenize(text: &str) -> crate::Result<Tokens<'_>> {
    if text.len() > MAX_TOKENIZE_BYTES {
        return Err(crate::Error::InputTooLarge {
            len: text.len(),
            limit: MAX_TOKENIZE_BYTES,
        });
    }
    Ok(tokenize(text))
}

/// How many tokens [`Tokens`] makes at a time, at most: a batch goes on while it has
/// [`BATCH_MIN`] tokens or fewer, a block of 64 bytes at a time (which has at most 64 tokens).
const BATCH: usize = 96;
/// See [`BATCH`].
const BATCH_MIN: usize = BATCH - 64;

/// The token iterator returned by [`tokenize`]. It makes tokens a batch at a time, in a loop
/// that keeps its state in registers, and hands them out one by one.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    /// Where the text not yet tokenized starts.
    pos: usize,
    /// The rest of a non-ASCII stretch being split by UAX #29.
    uax: Option<UWordBoundIndices<'a>>,
    /// Tokens made ahead: `batch[head..len]` are still to come, before those at `pos`.
    batch: [Token; BATCH],
    head: usize,
    len: usize,
}

impl<'a> Tokens<'a> {
    /// A token whose normalized form is its text, unless it is a word with a curly apostrophe
    /// inside (`curly`, which the caller knows from its scan); its flags are read from its text.
    #[inline]
    fn make(&self, start: usize, end: usize, kind: TokenKind, curly: bool) -> Token {
        self.make_norm(start, end, kind, text_norm(kind, curly))
    }

    /// A clitic token ("'s", "n’t"): ASCII letters and one apostrophe, straight or curly. Its
    /// flags are those [`case_flags`] gives, without its search of Unicode tables.
    fn clitic(&self, start: usize, end: usize, kind: TokenKind, norm: Norm) -> Token {
        Token::new(start, end, kind, clitic_flags(&self.text[start..end]), norm)
    }

    /// A token with the normalized form `norm`; its flags are read from its text.
    #[inline]
    fn make_norm(&self, start: usize, end: usize, kind: TokenKind, norm: Norm) -> Token {
        let text = &self.text[start..end];
        let flags = case_flags(text) | stop_flag(kind, norm, text);
        Token::new(start, end, kind, flags, norm)
    }

    /// Bytes of an apostrophe (straight or curly) at `pos`, or 0.
    fn apostrophe_len(&self, pos: usize) -> usize {
        let b = self.text.as_bytes();
        match b.get(pos) {
            Some(b'\'') => 1,
            Some(0xE2) if self.text[pos..].starts_with('\u{2019}') => 3,
            _ => 0,
        }
    }

    /// A possessive clitic at `pos` ("'s" or "’s" followed by a non-letter), its length.
    fn possessive_at(&self, pos: usize) -> usize {
        let b = self.text.as_bytes();
        let a = self.apostrophe_len(pos);
        if a == 0 {
            return 0;
        }
        match b.get(pos + a) {
            Some(b's' | b'S') if b.get(pos + a + 1).is_none_or(|&c| !is_alnum(c) && c < 0x80) => {
                a + 1
            }
            _ => 0,
        }
    }

    /// "n't" at `pos` (n + apostrophe + t, then a non-letter), its length.
    fn negation_at(&self, pos: usize) -> usize {
        let b = self.text.as_bytes();
        if !matches!(b.get(pos), Some(b'n' | b'N')) {
            return 0;
        }
        let a = self.apostrophe_len(pos + 1);
        if a == 0 {
            return 0;
        }
        match b.get(pos + 1 + a) {
            Some(b't' | b'T') if b.get(pos + 2 + a).is_none_or(|&c| !is_alnum(c)) => 2 + a,
            _ => 0,
        }
    }

    fn url_len(&self, start: usize) -> usize {
        let rest = &self.text.as_bytes()[start..];
        if !matches!(rest[0], b'h' | b'H' | b'w' | b'W') {
            return 0;
        }
        let lower_starts =
            |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        if !(lower_starts(b"http://") || lower_starts(b"https://") || lower_starts(b"www.")) {
            return 0;
        }
        let mut end = rest
            .iter()
            .position(|&b| class(b) == WS)
            .unwrap_or(rest.len());
        // Stop at non-ASCII whitespace or quotes as well.
        if let Some(p) =
            self.text[start..start + end].find(|c: char| c.is_whitespace() || special(c).is_some())
        {
            end = p;
        }
        while end > 0
            && matches!(
                rest[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'"' | b'\''
            )
        {
            end -= 1;
        }
        end
    }

    /// Scans a word or number starting at `start` (an ASCII letter or digit), whose first run
    /// of letters and digits ends at `i` with case bits `case`.
    /// Returns `None` when the word contains non-ASCII letters and must go to UAX #29.
    fn scan_word(
        &self,
        start: usize,
        mut i: usize,
        mut case: u8,
    ) -> Option<(usize, TokenKind, bool, u8)> {
        let b = self.text.as_bytes();
        let numeric = class(b[start]) == DIGIT;
        let mut curly = false;
        while let Some(&c) = b.get(i) {
            // Split "n't" off the word: "didn't" -> "did" + "n't".
            if (c == b'\'' || c == 0xE2) && i > start + 1 && self.negation_at(i - 1) > 0 {
                let flags = case_flags(&self.text[start..i - 1]);
                return Some((i - 1, kind_of(numeric), curly, flags));
            }
            match c {
                b'-' if b.get(i + 1).is_some_and(|&n| is_alnum(n)) => i += 1,
                b',' | b'.' if numeric && b.get(i + 1).is_some_and(|&n| class(n) == DIGIT) => {
                    i += 1
                }
                b'.' => {
                    let word = &self.text[start..i];
                    // Dotted acronym: U.S. / U.N. / E.U. / a.m.
                    if is_acronym_step(b, start, i) {
                        i += 1;
                        while i + 1 < b.len() && class(b[i]) == ALPHA && b[i + 1] == b'.' {
                            // (These letters are read here, not by a run: note their case.)
                            alnum_run_end(b, i, &mut case);
                            i += 2;
                        }
                        if b.get(i) == Some(&b'-') && b.get(i + 1).is_some_and(|&n| is_alnum(n)) {
                            i += 1;
                            i = alnum_run_end(b, i, &mut case);
                            continue;
                        }
                        break;
                    }
                    if !numeric
                        && (word.len() == 1 && b[start].is_ascii_uppercase()
                            || abbreviation(word).is_some())
                    {
                        i += 1;
                    }
                    break;
                }
                b'\'' | 0xE2 => {
                    if self.possessive_at(i) > 0 {
                        break;
                    }
                    let a = self.apostrophe_len(i);
                    if a > 0 && b.get(i + a).is_some_and(|&n| class(n) == ALPHA) {
                        curly |= a > 1;
                        i += a;
                    } else {
                        break;
                    }
                }
                c if c >= 0x80 => {
                    let ch = char_at(self.text, i);
                    // (A closing curly quote or a dash is the common case: no table search.)
                    if special(ch).is_none() && ch.is_alphanumeric() {
                        return None;
                    }
                    break;
                }
                _ => break,
            }
            i = alnum_run_end(b, i, &mut case);
        }
        let mut flags = if curly { 0 } else { flag::ASCII };
        if b[start].is_ascii_uppercase() {
            flags |= flag::CAPITALIZED;
        }
        if case == ANY_UPPER {
            flags |= flag::ALL_CAPS;
        }
        if !numeric && b[i - 1] == b'.' {
            flags |= flag::STOP;
        }
        Some((i, kind_of(numeric), curly, flags))
    }

    /// The end of a stretch to hand to UAX #29: up to the next ASCII whitespace or punctuation
    /// (other than a hyphen or apostrophe inside the stretch) or a character the fast path handles.
    fn uax_chunk_end(&self, start: usize) -> usize {
        let mut end = start;
        for (off, ch) in self.text[start..].char_indices() {
            let at = start + off;
            if ch.is_ascii() {
                let c = ch as u8;
                match class(c) {
                    ALPHA | DIGIT => {}
                    _ if c == b'-' || c == b'\'' || c == b'.' => {
                        if self
                            .text
                            .as_bytes()
                            .get(at + 1)
                            .is_none_or(|&n| !is_alnum(n) && n < 0x80)
                        {
                            return at;
                        }
                    }
                    _ => return at,
                }
            } else if ch.is_whitespace() || special(ch).is_some() {
                return at;
            }
            end = at + ch.len_utf8();
        }
        end
    }

    fn next_uax(&mut self) -> Option<Token> {
        let iter = self.uax.as_mut()?;
        for (off, piece) in iter.by_ref() {
            let first = piece.chars().next().unwrap_or(' ');
            if first.is_whitespace() {
                continue;
            }
            let kind = if first.is_alphabetic() {
                TokenKind::Word
            } else if first.is_numeric() {
                TokenKind::Number
            } else if first.is_ascii_punctuation() {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            // The chunk is a sub-slice of self.text: recover the absolute offset.
            let base = piece.as_ptr() as usize - self.text.as_ptr() as usize;
            debug_assert!(base >= off);
            return Some(self.make(base, base + piece.len(), kind, piece.contains('\u{2019}')));
        }
        self.uax = None;
        None
    }

    fn start_uax(&mut self, start: usize) -> Option<Token> {
        let end = self
            .uax_chunk_end(start)
            .max(start + char_at(self.text, start).len_utf8());
        self.pos = end;
        self.uax = Some(self.text[start..end].split_word_bound_indices());
        self.next_uax()
    }
}

/// The case flags of a clitic: ASCII letters and apostrophes, straight or curly (U+2019, which
/// is neither a letter nor ASCII).
fn clitic_flags(text: &str) -> u8 {
    let b = text.as_bytes();
    let mut f = if text.is_ascii() { flag::ASCII } else { 0 };
    if b.first().is_some_and(u8::is_ascii_uppercase) {
        f |= flag::CAPITALIZED;
    }
    if b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase) {
        f |= flag::ALL_CAPS;
    }
    f
}

/// The normalized form of a token made from its text: the text, with curly apostrophes made
/// straight in a word that has one inside (`curly`).
#[inline(always)]
fn text_norm(kind: TokenKind, curly: bool) -> Norm {
    if curly && kind == TokenKind::Word {
        Norm::CurlyWord
    } else {
        Norm::Text
    }
}

#[inline]
fn kind_of(numeric: bool) -> TokenKind {
    if numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// The ASCII bytes that are a token alone wherever they are (but for `.` and `-` doubled: an
/// ellipsis, a double dash): punctuation, straight double quotes and backquotes, and symbols
/// other than `@` and `#` (which may start a handle or a hashtag). The token is at offset 0.
static SINGLE: [Option<Token>; 256] = {
    let mut t = [None; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        let (kind, norm) = match CLASS[i] {
            PUNCT => (TokenKind::Punct, Norm::Text),
            QUOTE if c == b'"' => (TokenKind::Quote, Norm::DoubleQuote),
            QUOTE if c == b'`' => (TokenKind::Quote, Norm::Apostrophe),
            SYMBOL if c != b'@' && c != b'#' => (TokenKind::Symbol, Norm::Text),
            _ => {
                i += 1;
                continue;
            }
        };
        let stop = if matches!(c, b'.' | b'!' | b'?') {
            flag::STOP
        } else {
            0
        };
        t[i] = Some(Token::new_const(0, 1, kind, flag::ASCII | stop, norm));
        i += 1;
    }
    t
};

/// The [`flag::CAPITALIZED`] and [`flag::ALL_CAPS`] flags of a run of ASCII letters and digits
/// that starts with `first` and has the case bits `case`.
#[inline(always)]
fn run_caps(first: u8, case: u8) -> u8 {
    (u8::from(first.is_ascii_uppercase()) * flag::CAPITALIZED)
        | (u8::from(case == ANY_UPPER) * flag::ALL_CAPS)
}

/// The end of the hyphenated word whose first run of letters and digits ends at `end` (in
/// `block`): after each hyphen followed by a letter or digit, the next run. `None` when the
/// word may go on past the block.
#[inline]
fn hyphenated_end(block: &ByteBlock, b: &[u8], mut end: usize) -> Option<usize> {
    while b.get(end) == Some(&b'-') {
        let s = end + 1 - block.base;
        if s >= 64 {
            return None;
        }
        let len = (!(block.alnum >> s)).trailing_zeros() as usize;
        if len == 0 {
            break;
        }
        if s + len >= 64 {
            return None;
        }
        end += 1 + len;
    }
    Some(end)
}

/// The case bits and [`run_caps`] flags of the run of `len` letters and digits at bit `s` of
/// `block` (`s + len < 64`) that starts with the letter `first`, from the block's lowercase
/// letters.
#[inline(always)]
fn block_run_case(block: &ByteBlock, s: usize, len: usize, first: u8) -> (u8, u8) {
    if first >= b'a' {
        // (Not all caps, whatever its other letters: its case bits are not read.)
        return (ANY_LOWER, 0);
    }
    let any_lower = ((block.lower >> s).trailing_zeros() as usize) < len;
    let case = ANY_UPPER | (u8::from(any_lower) * ANY_LOWER);
    (
        case,
        flag::CAPITALIZED | (u8::from(!any_lower) * flag::ALL_CAPS),
    )
}

/// At `dot` (a '.'), is `b[start..dot]` one letter, followed by letter + '.'?
fn is_acronym_step(b: &[u8], start: usize, dot: usize) -> bool {
    dot == start + 1
        && class(b[start]) == ALPHA
        && dot + 2 < b.len() + 1
        && b.get(dot + 1).is_some_and(|&c| class(c) == ALPHA)
        && b.get(dot + 2) == Some(&b'.')
}

/// The bytes after which a run of ASCII letters and digits is a whole token, with nothing more
/// to look at: whitespace, brackets, `"`, `;`, `!`, `?` and symbols. Not `-`, `.`, `,` or `:`
/// (which may join words, numbers, abbreviations or URLs), `'` (apostrophes), letters, digits
/// or non-ASCII bytes. (After a word, `,` is one too; see [`Tokens::next`].)
static ENDS_RUN: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] =
            !matches!(CLASS[i], ALPHA | DIGIT) && !matches!(b, b'-' | b'.' | b',' | b':' | b'\'');
        i += 1;
    }
    t
};

/// The bytes after which a run of letters and digits that starts with a letter is a whole
/// word: those of [`ENDS_RUN`] and the comma (which only a number may take in).
static ENDS_WORD: [bool; 256] = {
    let mut t = ENDS_RUN;
    t[b',' as usize] = true;
    t
};

impl<'a> Iterator for Tokens<'a> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        if self.head < self.len {
            let t = self.batch[self.head];
            self.head += 1;
            return Some(t);
        }
        self.first_of_next_batch()
    }

    /// At least the tokens made ahead; at most those and one a byte of the text not yet
    /// tokenized (the rest of a UAX #29 stretch under way, and the text after it).
    fn size_hint(&self) -> (usize, Option<usize>) {
        let ahead = self.len - self.head;
        let uax = self.uax.as_ref().map_or(0, |u| u.as_str().len());
        (ahead, Some(ahead + uax + (self.text.len() - self.pos)))
    }

    /// A batch at a time, without a test per token for the end of the batch: `count`,
    /// `for_each`, `sum` and the like go through `fold`.
    fn fold<B, F: FnMut(B, Token) -> B>(mut self, init: B, mut f: F) -> B {
        let mut acc = init;
        loop {
            for &t in &self.batch[self.head..self.len] {
                acc = f(acc, t);
            }
            if self.refill().is_none() {
                return acc;
            }
        }
    }
}

impl Tokens<'_> {
    /// The tokens still to come, in a `Vec`: the same as `collect()`, but copied a batch at a
    /// time instead of one by one (`collect` cannot tell that a `Vec` is wanted).
    ///
    /// ```
    /// let text = "Iran protested. Tajikistan’s border";
    /// let tokens = eventcoder::text::tokenize(text).into_vec();
    /// assert_eq!(tokens, eventcoder::text::tokenize(text).collect::<Vec<_>>());
    /// ```
    pub fn into_vec(self) -> Vec<Token> {
        let mut out = Vec::new();
        self.append_to(&mut out);
        out
    }

    /// Appends the tokens still to come to `out`, a batch at a time (see [`Tokens::into_vec`]).
    pub fn append_to(mut self, out: &mut Vec<Token>) {
        loop {
            out.extend_from_slice(&self.batch[self.head..self.len]);
            if self.refill().is_none() {
                return;
            }
        }
    }

    /// Appends tokens to `out`, a batch at a time, until it holds `want` tokens or more (it may
    /// take up to a batch more) or the tokens run out; `false` once they have run out.
    ///
    /// ```
    /// let text = "Iran protested. Tajikistan’s border";
    /// let mut tokens = eventcoder::text::tokenize(text);
    /// let mut out = Vec::new();
    /// while tokens.fill_to(&mut out, 2) {
    ///     assert!(out.len() >= 2);
    ///     out.clear();
    /// }
    /// assert!(out.len() < 2);
    /// let mut all = Vec::new();
    /// let mut tokens = eventcoder::text::tokenize(text);
    /// assert!(!tokens.fill_to(&mut all, usize::MAX));
    /// assert_eq!(all, eventcoder::text::tokenize(text).collect::<Vec<_>>());
    /// ```
    pub fn fill_to(&mut self, out: &mut Vec<Token>, want: usize) -> bool {
        loop {
            out.extend_from_slice(&self.batch[self.head..self.len]);
            self.head = self.len;
            if out.len() >= want {
                return true;
            }
            if self.refill().is_none() {
                return false;
            }
        }
    }

    /// The tokens from the first that starts at byte `pos` or later on: the same as
    /// `skip_while(|t| t.start() < pos)` (tokens come in order), but still a [`Tokens`], which
    /// can hand over whole batches ([`Tokens::fill_to`]).
    ///
    /// ```
    /// let text = "MOSCOW (Reuters) - Russia protested.";
    /// let body = text.find("Russia").unwrap();
    /// let rest: Vec<_> = eventcoder::text::tokenize(text).skip_before(body).collect();
    /// let skipped: Vec<_> = eventcoder::text::tokenize(text).skip_while(|t| t.start() < body).collect();
    /// assert_eq!(rest, skipped);
    /// ```
    pub fn skip_before(mut self, pos: usize) -> Self {
        loop {
            while self.head < self.len {
                if self.batch[self.head].start() >= pos {
                    return self;
                }
                self.head += 1;
            }
            if self.refill().is_none() {
                return self;
            }
        }
    }

    /// The first token of the next batch ([`Tokens::next`] out of line, once a batch).
    #[inline(never)]
    fn first_of_next_batch(&mut self) -> Option<Token> {
        self.refill()?;
        self.head = 1;
        Some(self.batch[0])
    }

    /// Makes the next batch of tokens; `None` at the end of the text.
    #[inline(never)]
    fn refill(&mut self) -> Option<()> {
        self.head = 0;
        self.len = 0;
        if self.uax.is_some() {
            // (One at a time: these are rare.)
            if let Some(t) = self.next_uax() {
                self.batch[0] = t;
                self.len = 1;
                return Some(());
            }
        }
        self.fill();
        (self.len > 0).then_some(())
    }

    /// Makes tokens from `self.pos` on, [`BATCH_MIN`] to [`BATCH`] of them, until the text ends
    /// or a UAX #29 stretch starts. The byte classes of 64 bytes at a time ([`ByteBlock`]) give
    /// where each token starts and where a run of letters and digits ends; the common tokens
    /// (plain words, single marks) are made from them at once, the others one by one below or
    /// out of line ([`Tokens::word`], [`Tokens::general`]).
    fn fill(&mut self) {
        let text = self.text;
        let b = text.as_bytes();
        let mut pos = self.pos;
        let mut n = 0;
        // A block of byte classes from `pos` on, made again whenever the tokens reach its end.
        // (A block has at most 64 tokens: the batch has room for them.)
        'blocks: while n <= BATCH_MIN && pos < b.len() {
            let block = ByteBlock::at(b, pos);
            let base = pos;
            // The bytes of the block not yet tokenized that are not whitespace.
            let mut todo = block.not_space;
            loop {
                // The next token starts at the next byte that is not whitespace; none in the
                // block: the next block.
                if todo == 0 {
                    pos = base + 64;
                    continue 'blocks;
                }
                // (Below 64: `& 63` tells the compiler so.)
                let s = (todo.trailing_zeros() & 63) as usize;
                let start = base + s;
                let c = block.bytes[s];
                let alnum = block.alnum >> s & 1 != 0;
                let len = (!(block.alnum >> s)).trailing_zeros() as usize;
                // The commonest tokens first: a word (a run of letters and digits that starts
                // with a letter) before whitespace, a comma or another mark that cannot
                // continue it; and a mark that is a token alone.
                if alnum {
                    let end = start + len;
                    // (Past the end of the text, the block has spaces.)
                    if c >= b'A'
                        && block
                            .bytes
                            .get(s + len)
                            .is_some_and(|&next| ENDS_WORD[next as usize])
                    {
                        let (_, caps) = block_run_case(&block, s, len, c);
                        let flags = flag::ASCII | caps;
                        self.batch[n] = Token::new(start, end, TokenKind::Word, flags, Norm::Text);
                        n += 1;
                        todo &= !0u64 << (s + len);
                        continue;
                    }
                } else if let Some(t) = SINGLE[c as usize]
                    .filter(|_| !(matches!(c, b'.' | b'-') && b.get(start + 1) == Some(&c)))
                {
                    self.batch[n] = t.moved_to(start);
                    n += 1;
                    todo &= todo - 1;
                    continue;
                }
                // Ok: made here; Err: made by the out-of-line rules (`None` at the end of the
                // text).
                let made: Result<Token, Option<Token>> = if alnum {
                    if s + len == 64 && s > 0 {
                        // The run may go on past the block: a block from its start.
                        pos = start;
                        continue 'blocks;
                    }
                    // (`caps`: the run's CAPITALIZED and ALL_CAPS flags.)
                    let (run_end, case, caps) = if s + len < 64 && c >= b'A' {
                        let (case, caps) = block_run_case(&block, s, len, c);
                        (start + len, case, caps)
                    } else {
                        // (A number, whose case is read here, or a run of 64 letters and
                        // digits or more.)
                        let mut case = 0u8;
                        let end = alnum_run_end(b, start, &mut case);
                        (end, case, run_caps(c, case))
                    };
                    let numeric = c <= b'9';
                    // A word or number may go on after a hyphen with another run of letters and
                    // digits ("Tajik-Afghan", "2023-04-14"), found in the block too; its flags
                    // are then read from its text.
                    let (mut end, caps) = match hyphenated_end(&block, b, run_end) {
                        Some(whole) if whole > run_end => (whole, case_flags(&text[start..whole])),
                        _ => (run_end, caps),
                    };
                    let mut stop = 0;
                    // A plain word or number: ended by a space or a mark that cannot continue
                    // it (nor make it a URL or a negation clitic); or a word of two letters or
                    // more before a period, which takes the period if it is an abbreviation (as
                    // `scan_word` does; "www." starts a URL); or a word before a curly quote or
                    // a dash (E2 ..) or a possessive ("'s", "’s").
                    let plain = match b.get(end) {
                        None => true,
                        Some(&n) if ENDS_RUN[n as usize] => true,
                        Some(b',') => !numeric,
                        Some(b'.') if !numeric && end - start >= 2 => {
                            let word = &text[start..end];
                            if abbreviation(word).is_some() {
                                end += 1;
                                stop = flag::STOP;
                            }
                            !word.eq_ignore_ascii_case("www")
                        }
                        Some(0xE2) if b.get(end + 1..end + 3) != Some(&[0x80, 0x99][..]) => true,
                        Some(b'\'' | 0xE2) => self.possessive_at(end) > 0,
                        _ => false,
                    };
                    if plain {
                        pos = end;
                        let flags = flag::ASCII | stop | caps;
                        Ok(Token::new(start, end, kind_of(numeric), flags, Norm::Text))
                    } else {
                        self.pos = start;
                        let t = self.word(start, run_end, case);
                        pos = self.pos;
                        Err(t)
                    }
                } else if let Some((kind, norm)) = if c == 0xE2 {
                    quote_or_dash_at(text, start)
                } else {
                    None
                } {
                    // A curly quote, a dash, an ellipsis or a bullet (not a letter: no case
                    // flags).
                    pos = start + 3;
                    let stop = u8::from(norm == Norm::Ellipsis) * flag::STOP;
                    Ok(Token::new(start, start + 3, kind, stop, norm))
                } else if let Some(p) =
                    (matches!(c, b'\'' | 0xE2) && start > 0 && is_alnum(b[start - 1]))
                        .then(|| self.possessive_at(start))
                        .filter(|&p| p > 0)
                {
                    // A possessive after a word ("'s", "’s").
                    pos = start + p;
                    Ok(self.clitic(start, pos, TokenKind::Possessive, Norm::Possessive))
                } else {
                    self.pos = start;
                    let t = self.general();
                    pos = self.pos;
                    Err(t)
                };
                // A token of the out-of-line rules may start a UAX #29 stretch, which ends the
                // batch after it.
                let tok = match made {
                    Ok(t) => t,
                    Err(Some(t)) if self.uax.is_none() => t,
                    Err(Some(t)) => {
                        self.batch[n] = t;
                        n += 1;
                        break 'blocks;
                    }
                    Err(None) => break 'blocks,
                };
                self.batch[n] = tok;
                n += 1;
                if pos - base >= 64 {
                    continue 'blocks;
                }
                todo = block.not_space & (!0u64 << (pos - base));
            }
        }
        // (A block past the end of the text ends there.)
        self.pos = pos.min(b.len());
        self.len = n;
    }

    /// The next token, any kind: the rest of a UAX #29 stretch, or from `self.pos` on.
    #[inline(never)]
    fn general(&mut self) -> Option<Token> {
        if self.uax.is_some() {
            if let Some(t) = self.next_uax() {
                return Some(t);
            }
        }
        let b = self.text.as_bytes();
        loop {
            let mut start = self.pos;
            while start < b.len() && class(b[start]) == WS {
                start += 1;
            }
            self.pos = start;
            let &c = b.get(start)?;
            if matches!(class(c), ALPHA | DIGIT) {
                let mut case = 0u8;
                let end = alnum_run_end(b, start, &mut case);
                return self.word(start, end, case);
            }
            if let Some(t) = self.other(start, c) {
                return Some(t);
            }
        }
    }

    /// The word or number starting at `start`, whose first run of letters and digits ends at
    /// `end` with case bits `case`: a negation clitic, a URL, an abbreviation, a hyphenated or
    /// dotted word, a word with non-ASCII letters (handed to UAX #29), or a plain one. (Never
    /// `None`: a UAX #29 stretch starting at a letter or digit has a token.)
    #[inline(never)]
    fn word(&mut self, start: usize, end: usize, case: u8) -> Option<Token> {
        let c = self.text.as_bytes()[start];
        let neg = if c | 0x20 == b'n' {
            self.negation_at(start)
        } else {
            0
        };
        if neg > 0 {
            self.pos = start + neg;
            return Some(self.clitic(start, start + neg, TokenKind::Word, Norm::Negation));
        }
        let url = self.url_len(start);
        if url > 0 {
            self.pos = start + url;
            return Some(self.make(start, start + url, TokenKind::Url, false));
        }
        match self.scan_word(start, end, case) {
            Some((end, kind, curly, flags)) => {
                self.pos = end;
                Some(Token::new(start, end, kind, flags, text_norm(kind, curly)))
            }
            None => self.start_uax(start),
        }
    }

    /// The token at `start`, whose first byte `c` is neither whitespace, a letter nor a digit;
    /// `None` when it is non-ASCII whitespace (then passed over).
    #[inline(never)]
    fn other(&mut self, start: usize, c: u8) -> Option<Token> {
        let b = self.text.as_bytes();
        let tok = match class(c) {
            QUOTE => {
                let p = self.possessive_at(start);
                let prev_word = start > 0 && is_alnum(b[start - 1]);
                if p > 0 && prev_word {
                    self.pos = start + p;
                    return Some(self.clitic(
                        start,
                        start + p,
                        TokenKind::Possessive,
                        Norm::Possessive,
                    ));
                }
                self.pos = start + 1;
                if c == b'\''
                    && prev_word
                    && matches!(b[start - 1], b's' | b'S')
                    && b.get(start + 1).is_none_or(|&n| !is_alnum(n))
                {
                    return Some(Token::new(
                        start,
                        start + 1,
                        TokenKind::Possessive,
                        flag::ASCII,
                        Norm::Apostrophe,
                    ));
                }
                let norm = if c == b'"' {
                    Norm::DoubleQuote
                } else {
                    Norm::Apostrophe
                };
                Token::new(start, start + 1, TokenKind::Quote, flag::ASCII, norm)
            }
            PUNCT => {
                let next = b.get(start + 1).copied();
                if c == b'.' && next == Some(b'.') && b.get(start + 2) == Some(&b'.') {
                    self.pos = start + 3;
                    return Some(Token::new(
                        start,
                        start + 3,
                        TokenKind::Punct,
                        flag::ASCII | flag::STOP,
                        Norm::Ellipsis,
                    ));
                }
                if c == b'-' && next == Some(b'-') {
                    let n = b[start..].iter().take_while(|&&x| x == b'-').count();
                    self.pos = start + n;
                    return Some(Token::new(
                        start,
                        start + n,
                        TokenKind::Punct,
                        flag::ASCII,
                        Norm::DoubleDash,
                    ));
                }
                self.pos = start + 1;
                let stop = u8::from(matches!(c, b'.' | b'!' | b'?')) * flag::STOP;
                Token::new(
                    start,
                    start + 1,
                    TokenKind::Punct,
                    flag::ASCII | stop,
                    Norm::Text,
                )
            }
            SYMBOL => {
                let kind = match c {
                    b'@' => TokenKind::Handle,
                    b'#' => TokenKind::Hashtag,
                    _ => TokenKind::Symbol,
                };
                if kind != TokenKind::Symbol {
                    let n = b[start + 1..]
                        .iter()
                        .take_while(|&&x| is_alnum(x) || x == b'_')
                        .count();
                    if n > 0 && (kind == TokenKind::Handle || class(b[start + 1]) == ALPHA) {
                        self.pos = start + 1 + n;
                        return Some(self.make(start, start + 1 + n, kind, false));
                    }
                }
                self.pos = start + 1;
                Token::new(start, start + 1, TokenKind::Symbol, flag::ASCII, Norm::Text)
            }
            _ => {
                let ch = char_at(self.text, start);
                let len = ch.len_utf8();
                if ch.is_whitespace() {
                    self.pos = start + len;
                    return None;
                }
                if let Some((kind, norm)) = special(ch) {
                    // A curly apostrophe may start a possessive.
                    if ch == '\u{2019}' {
                        let p = self.possessive_at(start);
                        let prev_word = start > 0
                            && (is_alnum(b[start - 1])
                                || self.text[..start]
                                    .chars()
                                    .next_back()
                                    .is_some_and(char::is_alphanumeric));
                        if prev_word && p > 0 {
                            self.pos = start + p;
                            return Some(self.clitic(
                                start,
                                start + p,
                                TokenKind::Possessive,
                                Norm::Possessive,
                            ));
                        }
                        if prev_word
                            && self.text[..start].ends_with(['s', 'S'])
                            && !self.text[start + len..].starts_with(|n: char| n.is_alphanumeric())
                        {
                            self.pos = start + len;
                            return Some(Token::new(
                                start,
                                start + len,
                                TokenKind::Possessive,
                                0,
                                Norm::Apostrophe,
                            ));
                        }
                    }
                    self.pos = start + len;
                    // (None of these characters is a letter: no case flags, not ASCII.)
                    let stop = u8::from(norm == Norm::Ellipsis) * flag::STOP;
                    return Some(Token::new(start, start + len, kind, stop, norm));
                }
                return self.start_uax(start);
            }
        };
        Some(tok)
    }
}

/// The reference path for the differential tests: every token made by the general rules
/// ([`Tokens::general`]), one at a time, with none of the batch loop's shortcuts.
#[cfg(test)]
pub(crate) fn tokenize_by_general_rules(text: &str) -> Vec<Token> {
    let mut it = tokenize(text);
    let mut out = Vec::new();
    while let Some(t) = it.general() {
        out.push(t);
    }
    out
}

#[cfg(test)]
mod differential_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).map(|t| t.text(s)).collect()
    }
    fn kinds(s: &str) -> Vec<TokenKind> {
        tokenize(s).map(|t| t.kind()).collect()
    }

    #[test]
    fn alnum_runs_match_the_byte_table() {
        let text: Vec<u8> = (0..=255u8).chain(b"Tajik2021-x".iter().copied()).collect();
        for start in 0..text.len() {
            let mut want = start;
            while want < text.len() && is_alnum(text[want]) {
                want += 1;
            }
            let mut case = 0;
            assert_eq!(alnum_run_end(&text, start, &mut case), want, "from {start}");
            let run = &text[start..want];
            let upper = u8::from(run.iter().any(u8::is_ascii_uppercase)) * ANY_UPPER;
            let lower = u8::from(run.iter().any(u8::is_ascii_lowercase)) * ANY_LOWER;
            assert_eq!(case, upper | lower, "from {start}");
        }
        for b in 0..=255u8 {
            let mut s = [b'a'; 12];
            s[3] = b;
            assert_eq!(
                alnum_run_end(&s, 0, &mut 0),
                if is_alnum(b) { 12 } else { 3 },
                "{b}"
            );
        }
    }

    /// The flags the tokenizer sets as it goes are those read from each token's text.
    fn check_flags(s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        for t in tokenize(s) {
            let text = t.text(s);
            let (flags, norm) = t.flags_and_norm();
            proptest::prop_assert_eq!(
                flags,
                case_flags(text) | stop_flag(t.kind(), norm, text),
                "{:?} in {:?}",
                text,
                s
            );
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, .. Default::default() })]
        #[test]
        fn flags_are_those_of_the_text(s in proptest::prelude::any::<String>()) {
            check_flags(&s)?;
        }

        #[test]
        fn flags_are_those_of_the_text_in_newslike_text(
            s in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("U.S.-led".to_string()),
                    proptest::strategy::Just("Gen.".to_string()),
                    proptest::strategy::Just("N'T".to_string()),
                    proptest::strategy::Just("DIDN’T".to_string()),
                    proptest::strategy::Just("IRAN’S".to_string()),
                    proptest::strategy::Just("“…”".to_string()),
                    "[a-zA-Z0-9]{1,20}",
                    "[ .,;:!?'\"()\\[\\]-]{1,3}",
                    "[’‘“”—–…•·]",
                    "[a-zA-Z]{1,4}['’][sStT]",
                ],
                0..40,
            ).prop_map(|v| v.concat())
        ) {
            check_flags(&s)?;
        }
    }

    #[test]
    fn clitic_and_special_flags_are_those_of_the_text() {
        for c in [
            "'s", "'S", "’s", "’S", "n't", "N't", "N'T", "n’t", "N’t", "N’T", "'", "’",
        ] {
            assert_eq!(clitic_flags(c), case_flags(c), "{c:?}");
        }
        // (The tokenizer gives these characters no case flags.)
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if special(c).is_some() {
                assert_eq!(case_flags(c.encode_utf8(&mut [0; 4])), 0, "{c:?}");
            }
        }
    }

    #[test]
    fn fold_and_size_hint_agree_with_next() {
        for s in [
            "",
            "Iran protested. Tajikistan’s “border” — Bùi Thanh Sơn met 习近平 🙂 in 2021...",
            &"A long run of plain words and numbers 17 .".repeat(40),
        ] {
            let all: Vec<Token> = tokenize(s).collect();
            assert_eq!(tokenize(s).count(), all.len(), "{s:?}");
            let mut folded = Vec::new();
            tokenize(s).for_each(|t| folded.push(t));
            assert_eq!(folded, all, "{s:?}");
            let mut it = tokenize(s);
            for left in (0..=all.len()).rev() {
                let (lo, hi) = it.size_hint();
                assert!(lo <= left && hi.is_some_and(|h| h >= left), "{s:?} {left}");
                assert_eq!(it.clone().count(), left, "{s:?}");
                it.next();
            }
        }
    }

    #[test]
    fn abbreviations_and_acronyms() {
        assert_eq!(
            texts("U.S. and U.N. envoys"),
            ["U.S.", "and", "U.N.", "envoys"]
        );
        assert_eq!(
            texts("Gen. Mark Milley and Dr. Tedros"),
            ["Gen.", "Mark", "Milley", "and", "Dr.", "Tedros"]
        );
        assert_eq!(
            texts("on Jan. 5 and Sept. 11"),
            ["on", "Jan.", "5", "and", "Sept.", "11"]
        );
        assert_eq!(texts("John F. Kennedy"), ["John", "F.", "Kennedy"]);
        assert_eq!(texts("the end."), ["the", "end", "."]);
        assert_eq!(texts("U.S.-led coalition"), ["U.S.-led", "coalition"]);
        assert_eq!(texts("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
        let t = tokenize("U.S.a.").next().unwrap();
        assert!(t.is_capitalized() && !t.is_all_caps());
        assert!(tokenize("U.N.O.").next().unwrap().is_all_caps());
    }

    #[test]
    fn hyphenated_compounds() {
        assert_eq!(texts("EU-Central Asia"), ["EU-Central", "Asia"]);
        assert_eq!(texts("Tajik-Afghan border"), ["Tajik-Afghan", "border"]);
        assert_eq!(
            texts("Hossein Amir-Abdollahian"),
            ["Hossein", "Amir-Abdollahian"]
        );
        assert_eq!(texts("a - b"), ["a", "-", "b"]);
        assert_eq!(texts("well--known"), ["well", "--", "known"]);
    }

    #[test]
    fn possessives() {
        assert_eq!(
            texts("Tajikistan's concern"),
            ["Tajikistan", "'s", "concern"]
        );
        assert_eq!(
            texts("Tajikistan’s concern"),
            ["Tajikistan", "’s", "concern"]
        );
        assert_eq!(
            texts("the diplomats' views"),
            ["the", "diplomats", "'", "views"]
        );
        assert_eq!(kinds("Iran's")[1], TokenKind::Possessive);
        assert_eq!(
            texts("O'Brien and Cote d'Ivoire"),
            ["O'Brien", "and", "Cote", "d'Ivoire"]
        );
        assert_eq!(texts("it didn't sign"), ["it", "did", "n't", "sign"]);
        assert_eq!(texts("it didn’t sign")[2], "n’t");
        assert_eq!(tokenize("didn’t").nth(1).unwrap().norm("didn’t"), "n't");
    }

    #[test]
    fn numbers() {
        assert_eq!(texts("1,140 troops"), ["1,140", "troops"]);
        assert_eq!(texts("grew 2.2 percent."), ["grew", "2.2", "percent", "."]);
        assert_eq!(texts("$6.2-million"), ["$", "6.2-million"]);
        assert_eq!(kinds("17th 1990s 3"), [TokenKind::Number; 3]);
        assert_eq!(texts("in 2020, 5"), ["in", "2020", ",", "5"]);
    }

    #[test]
    fn quotes_dashes_ellipses_brackets() {
        let text = "“No,” he said — ‘never’… (really) [sic] \"x\"...";
        let t: Vec<_> = tokenize(text).collect();
        let n: Vec<String> = t.iter().map(|t| t.norm(text).into_owned()).collect();
        assert_eq!(
            n,
            [
                "\"", "No", ",", "\"", "he", "said", "--", "'", "never", "'", "...", "(", "really",
                ")", "[", "sic", "]", "\"", "x", "\"", "..."
            ]
        );
        assert_eq!(t[0].kind(), TokenKind::Quote);
        assert_eq!(t[6].kind(), TokenKind::Punct);
    }

    #[test]
    fn urls_handles_hashtags() {
        let s = "See https://example.org/a?b=1. Follow @UN_News #Afghanistan and www.mfa.tj, or #1";
        let t: Vec<_> = tokenize(s).collect();
        assert_eq!(t[1].text(s), "https://example.org/a?b=1");
        assert_eq!(t[1].kind(), TokenKind::Url);
        assert_eq!(t[4].text(s), "@UN_News");
        assert_eq!(t[4].kind(), TokenKind::Handle);
        assert_eq!(t[5].text(s), "#Afghanistan");
        assert_eq!(t[5].kind(), TokenKind::Hashtag);
        assert_eq!(t[7].text(s), "www.mfa.tj");
        assert_eq!(t.last().unwrap().kind(), TokenKind::Number);
    }

    #[test]
    fn diacritics() {
        assert_eq!(
            texts("Bùi Thanh Sơn met Mevlüt Çavuşoğlu."),
            ["Bùi", "Thanh", "Sơn", "met", "Mevlüt", "Çavuşoğlu", "."]
        );
        assert_eq!(texts("Çavuşoğlu’s visit"), ["Çavuşoğlu", "’s", "visit"]);
        assert_eq!(texts("Élysée-Palast"), ["Élysée", "-", "Palast"]);
        assert_eq!(kinds("Sơn")[0], TokenKind::Word);
    }

    #[test]
    fn cjk_emoji_and_controls_do_not_panic() {
        for s in [
            "习近平会见 🇺🇸👍🏽 x",
            "\u{0}\u{1}\u{200d}",
            "a\u{301}",
            "🙂🙂.",
            "\u{a0}x\u{2003}y",
            "’",
            "n’",
            "'s",
            "x'",
            "s’",
            "ça’s",
        ] {
            let toks: Vec<_> = tokenize(s).collect();
            let mut last = 0;
            for t in &toks {
                assert!(t.start() >= last, "{s:?}");
                assert!(s[last..t.start()].chars().all(char::is_whitespace), "{s:?}");
                last = t.end();
            }
            assert!(s[last..].chars().all(char::is_whitespace), "{s:?}");
        }
        assert_eq!(texts("习近平会见")[0], "习");
    }
}
