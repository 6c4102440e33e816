//! Tokens: the smallest units of text, with offsets, a kind and a normalized form.

use std::borrow::Cow;

use serde::Serialize;

use crate::article::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// One token. It borrows the article text, so making one allocates nothing.
///
/// ```
/// use eventcoder::text::{tokenize, TokenKind};
/// let t: Vec<_> = tokenize("Tajikistan’s “border”").collect();
/// assert_eq!(t[1].text, "’s");
/// assert_eq!(t[1].kind, TokenKind::Possessive);
/// assert_eq!(t[1].norm, "'s");
/// assert_eq!(t[2].norm, "\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token<'a> {
    /// The exact text.
    pub text: &'a str,
    /// Where it is, in bytes.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// The normalized form: curly quotes and apostrophes made straight, dashes made ASCII,
    /// "…" made "...". Case is kept, since it matters ("US" vs "us"). Borrowed unless changed.
    pub norm: Cow<'a, str>,
}

impl Token<'_> {
    /// Whether the first character is uppercase.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Whether the token has letters and all of them are uppercase ("NATO", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        let mut any = false;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            any |= c.is_alphabetic();
        }
        any
    }
    /// Whether it ends in an abbreviation period ("Gen.", "U.S.").
    pub fn is_abbreviation(&self) -> bool {
        self.kind == TokenKind::Word && self.text.ends_with('.')
    }
    /// Whether it is one of the given punctuation marks (compared on the normalized form).
    pub fn is_punct(&self, any_of: &[&str]) -> bool {
        self.kind == TokenKind::Punct && any_of.contains(&self.norm.as_ref())
    }
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
