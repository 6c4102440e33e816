//! Tokens: the smallest units of text, with offsets, a kind and a normalized form.

use std::borrow::Cow;

use serde::Serialize;

use crate::article::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum TokenKind {
    /// Letters, possibly with internal hyphens, apostrophes or abbreviation periods
    /// ("Tajik-Afghan", "O'Brien", "U.S.", "Gen.").
    Word,
    /// Starts with a digit: "1,140", "2.2", "6.2-million", "17th".
    Number,
    /// Sentence and clause punctuation: `. , ; : ! ? ( ) [ ]`, dashes and ellipses.
    Punct,
    /// A quotation mark, straight or curly.
    Quote,
    /// The possessive clitic: "'s", "’s", or a bare "'" after a plural.
    Possessive,
    /// Anything else: `$ % & + = /`, emoji, control characters.
    Symbol,
    /// A web address.
    Url,
    /// An @handle.
    Handle,
    /// A #hashtag.
    Hashtag,
}

impl TokenKind {
    /// Its name, as in the JSON output: "word", "number", "punct", ...
    ///
    /// ```
    /// assert_eq!(eventcoder::text::TokenKind::Possessive.as_str(), "possessive");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Quote => "quote",
            TokenKind::Possessive => "possessive",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
        }
    }
}

/// A token's normalized form, when it differs from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum Norm {
    /// The text itself.
    Text,
    /// The text with each curly apostrophe (U+2019) made straight ("O’Brien").
    CurlyWord,
    /// `'`
    Apostrophe,
    /// `"`
    DoubleQuote,
    /// `'s`
    Possessive,
    /// `n't`
    Negation,
    /// `--`
    DoubleDash,
    /// `-`
    Dash,
    /// `...`
    Ellipsis,
    /// `*`
    Bullet,
}

impl Norm {
    /// The fixed normalized form, or `None` when it is made from the text.
    pub(crate) const fn fixed(self) -> Option<&'static str> {
        Some(match self {
            Norm::Text | Norm::CurlyWord => return None,
            Norm::Apostrophe => "'",
            Norm::DoubleQuote => "\"",
            Norm::Possessive => "'s",
            Norm::Negation => "n't",
            Norm::DoubleDash => "--",
            Norm::Dash => "-",
            Norm::Ellipsis => "...",
            Norm::Bullet => "*",
        })
    }
}

/// Token flags, set by the tokenizer.
pub(crate) mod flag {
    /// The first character is uppercase.
    pub const CAPITALIZED: u8 = 1;
    /// It has letters and none is lowercase.
    pub const ALL_CAPS: u8 = 2;
    /// Its text is all ASCII.
    pub const ASCII: u8 = 4;
    /// A sentence may end with it: it is a `.`, `!`, `?` or an ellipsis (punctuation), or a
    /// word that ends in a period ("U.S.", "Gen."). The sentence splitter reads this bit
    /// instead of the token's text, and passes over every other token at once.
    pub const STOP: u8 = 8;
}

/// The [`flag::STOP`] bit of a token of `kind`, normalized form `norm` and text `text`.
#[inline]
pub(crate) fn stop_flag(kind: TokenKind, norm: Norm, text: &str) -> u8 {
    let stop = match kind {
        TokenKind::Punct => {
            norm == Norm::Ellipsis || norm == Norm::Text && matches!(text, "." | "!" | "?" | "...")
        }
        TokenKind::Word => text.ends_with('.'),
        _ => false,
    };
    u8::from(stop) * flag::STOP
}

/// One token: where it is in the text, what it is, and flags. It is 12 bytes and holds no
/// reference to the text, so a token list costs about two bytes per byte of news text; its
/// text and normalized form are read from the article text when needed.
///
/// ```
/// use eventcoder::text::{tokenize, TokenKind};
/// let text = "Tajikistan’s “border”";
/// let t: Vec<_> = tokenize(text).collect();
/// assert_eq!(t[1].text(text), "’s");
/// assert_eq!(t[1].kind(), TokenKind::Possessive);
/// assert_eq!(t[1].norm(text), "'s");
/// assert_eq!(t[2].norm(text), "\"");
/// assert!(t[0].is_capitalized() && !t[0].is_all_caps());
/// assert_eq!(std::mem::size_of_val(&t[0]), 12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    start: u32,
    end: u32,
    kind: TokenKind,
    flags: u8,
    norm: Norm,
}

impl Token {
    /// A token of `text[start..end]` (offsets below 2^32, as the tokenizer guarantees).
    #[inline(always)]
    pub(crate) fn new(start: usize, end: usize, kind: TokenKind, flags: u8, norm: Norm) -> Token {
        Token {
            start: start as u32,
            end: end as u32,
            kind,
            flags,
            norm,
        }
    }
    /// [`Token::new`] for constant tables (offsets below 2^32).
    pub(crate) const fn new_const(
        start: u32,
        end: u32,
        kind: TokenKind,
        flags: u8,
        norm: Norm,
    ) -> Token {
        Token {
            start,
            end,
            kind,
            flags,
            norm,
        }
    }
    /// The same token moved to start at `start` (offsets below 2^32).
    #[inline(always)]
    pub(crate) fn moved_to(self, start: usize) -> Token {
        let len = self.end - self.start;
        Token {
            start: start as u32,
            end: start as u32 + len,
            ..self
        }
    }
    /// Where it is, in bytes.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    /// Its first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// One past its last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// What it is.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }
    /// Its exact text, given the text it was made from.
    ///
    /// # Panics
    /// If `source` is not the text the token came from (the span is out of range or not on
    /// character boundaries).
    #[inline]
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.start as usize..self.end as usize]
    }
    /// The normalized form: curly quotes and apostrophes made straight, dashes made ASCII,
    /// "…" made "...". Case is kept, since it matters ("US" vs "us"). Borrowed unless a word
    /// has a curly apostrophe inside.
    pub fn norm<'t>(&self, source: &'t str) -> Cow<'t, str> {
        match self.norm {
            Norm::Text => Cow::Borrowed(self.text(source)),
            Norm::CurlyWord => Cow::Owned(self.text(source).replace('\u{2019}', "'")),
            n => Cow::Borrowed(n.fixed().unwrap_or_default()),
        }
    }
    /// Whether the normalized form is `s`, without building it.
    #[inline]
    pub fn norm_is(&self, source: &str, s: &str) -> bool {
        match self.norm.fixed() {
            Some(f) => f == s,
            None if self.norm == Norm::Text => self.text(source) == s,
            None => self.norm(source) == s,
        }
    }
    /// Whether the first character is uppercase.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.flags & flag::CAPITALIZED != 0
    }
    /// Whether the token has letters and all of them are uppercase ("NATO", "U.S.").
    #[inline]
    pub fn is_all_caps(&self) -> bool {
        self.flags & flag::ALL_CAPS != 0
    }
    /// Whether its text is plain ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.flags & flag::ASCII != 0
    }
    /// Whether it is a word ending in an abbreviation period ("Gen.", "U.S."), given the text
    /// it came from.
    #[inline]
    pub fn is_abbreviation(&self, source: &str) -> bool {
        self.kind == TokenKind::Word && source.as_bytes()[self.end as usize - 1] == b'.'
    }
    /// Its flags and normalized-form tag, as the tokenizer set them.
    #[cfg(test)]
    pub(crate) fn flags_and_norm(&self) -> (u8, Norm) {
        (self.flags, self.norm)
    }
    /// Whether a sentence may end with it: [`flag::STOP`].
    #[inline]
    pub(crate) fn may_end_sentence(&self) -> bool {
        self.flags & flag::STOP != 0
    }
    /// Whether it is one of the given punctuation marks (compared on the normalized form).
    #[inline]
    pub fn is_punct(&self, source: &str, any_of: &[&str]) -> bool {
        self.kind == TokenKind::Punct && any_of.iter().any(|p| self.norm_is(source, p))
    }
}

/// Case bits of each byte: uppercase ASCII letter 1, lowercase 2, non-ASCII 4.
static CASE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            4
        } else if b.is_ascii_uppercase() {
            1
        } else if b.is_ascii_lowercase() {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The case flags of a token's text: [`flag::CAPITALIZED`] and [`flag::ALL_CAPS`], plus
/// [`flag::ASCII`] when it is ASCII. One pass over the bytes for ASCII text.
#[inline]
pub(crate) fn case_flags(text: &str) -> u8 {
    let b = text.as_bytes();
    let seen = b.iter().fold(0u8, |acc, &c| acc | CASE[c as usize]);
    if seen & 4 == 0 {
        let mut f = flag::ASCII;
        if b.first().is_some_and(u8::is_ascii_uppercase) {
            f |= flag::CAPITALIZED;
        }
        if seen & 3 == 1 {
            f |= flag::ALL_CAPS;
        }
        return f;
    }
    let mut f = 0;
    if text.chars().next().is_some_and(char::is_uppercase) {
        f |= flag::CAPITALIZED;
    }
    if text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase) {
        f |= flag::ALL_CAPS;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::TokenKind::*;

    #[test]
    fn kind_names_are_the_json_names() {
        for k in [
            Word, Number, Punct, Quote, Possessive, Symbol, Url, Handle, Hashtag,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str(), "{k:?}");
        }
    }
}
