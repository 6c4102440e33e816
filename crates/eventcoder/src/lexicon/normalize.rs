//! Matching keys: how a token (or a dictionary phrase) becomes the units the matcher compares.
//!
//! Words split at internal hyphens ("Tajik-Afghan" → `tajik`, `-`, `afghan`), keys are
//! lowercased, curly quotes made straight, and common Latin diacritics folded ("Erdoğan" and
//! "Erdogan" share a key). Dictionary phrases go through exactly the same steps as article text.

use crate::article::Span;
use crate::text::{Token, TokenKind, case_flags, flag, tokenize};

/// One matching unit: a token or a hyphen-separated part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Where it is in the article.
    pub span: Span,
    /// The index of the token it comes from.
    pub token: u32,
    /// Its key in the lexicon vocabulary, or [`UNKNOWN`].
    pub key: u32,
    /// Bit flags: [`CAPITALIZED`], [`ALL_CAPS`], [`WORD`], [`NUMBER`], [`PUNCT`], [`VERB`], [`PHRASE_START`].
    pub flags: u8,
    /// The word classes of its key ([`crate::lexicon::Lexicon::class`]), read once when the
    /// unit is made: the parser asks for them many times per unit.
    pub class: u64,
}

/// The key of units that are not in the vocabulary.
pub const UNKNOWN: u32 = u32::MAX;
/// First letter uppercase.
pub const CAPITALIZED: u8 = 1;
/// Has letters and all are uppercase.
pub const ALL_CAPS: u8 = 2;
/// A word.
pub const WORD: u8 = 4;
/// A number.
pub const NUMBER: u8 = 8;
/// Punctuation or a quote.
pub const PUNCT: u8 = 16;
/// Its key is the verb of some pattern of the lexicon ([`crate::lexicon::Lexicon::verb_patterns`]
/// is not empty), so a parser need not look the list up for the other units.
pub const VERB: u8 = 32;
/// Its key starts some phrase of the lexicon, so phrase matching need not look for one at the
/// other units.
pub const PHRASE_START: u8 = 64;

impl Unit {
    /// Whether a flag is set.
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

fn fold(c: char, out: &mut String) {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'ơ' => "o",
        'ř' => "r",
        'ś' | 'ş' | 'š' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ư' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        '\u{2019}' | '\u{2018}' => "'",
        '\u{0300}'..='\u{036F}' => "",
        c => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

/// Writes the matching key of `text` into `out` (cleared first).
///
/// ```
/// use eventcoder::lexicon::key_of;
/// let mut k = String::new();
/// key_of("Erdoğan’s", &mut k);
/// assert_eq!(k, "erdogan's");
/// ```
pub fn key_of(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        for c in text.chars() {
            for l in c.to_lowercase() {
                fold(l, out);
            }
        }
    }
    fold_spelling(out);
}

/// British "-ise" spellings share the key of their "-ize" twins ("recognise", "normalisation",
/// "organised"), so one dictionary entry serves both. Applied to article text and dictionary
/// words alike (see `Lexicon::intern`).
///
/// ```
/// use eventcoder::lexicon::key_of;
/// let mut k = String::new();
/// key_of("Recognised", &mut k);
/// assert_eq!(k, "recognized");
/// ```
pub fn fold_spelling(key: &mut String) {
    if let Some(at) = spelling_fold_at(key.as_bytes()) {
        key.replace_range(at..at + 1, "z");
    }
}

/// Where the "s" of a British "-ise" ending is, if the key has one.
pub(crate) fn spelling_fold_at(key: &[u8]) -> Option<usize> {
    const ENDINGS: [&[u8]; 8] = [
        b"ise",
        b"ises",
        b"ised",
        b"ising",
        b"isation",
        b"isations",
        b"iser",
        b"isers",
    ];
    // Every ending has "is" followed by e, i or a: reject most keys on one byte.
    if key.len() < 7 || !matches!(key[key.len() - 1], b'e' | b's' | b'd' | b'g' | b'n' | b'r') {
        return None;
    }
    ENDINGS
        .iter()
        .find(|e| key.len() > e.len() + 3 && key.ends_with(e))
        .map(|e| key.len() - e.len() + 1)
}

fn flags_of(text: &str, kind: TokenKind) -> u8 {
    let case = case_flags(text);
    unit_flags(
        kind,
        case & flag::CAPITALIZED != 0,
        case & flag::ALL_CAPS != 0,
    )
}

/// A unit's flags: its kind's, and [`CAPITALIZED`], with [`ALL_CAPS`] only when capitalized.
#[inline]
fn unit_flags(kind: TokenKind, capitalized: bool, all_caps: bool) -> u8 {
    let mut f = match kind {
        TokenKind::Word => WORD,
        TokenKind::Number => NUMBER,
        TokenKind::Punct | TokenKind::Quote => PUNCT,
        _ => 0,
    };
    if capitalized {
        f |= CAPITALIZED;
        if all_caps {
            f |= ALL_CAPS;
        }
    }
    f
}

/// The most hyphens a word may have and still be split into units at them ("state-of-the-art",
/// "Sino-Indian"). A longer chain (a slug, an identifier, junk without spaces) stays one unit,
/// which keeps the units of one token, and every search inside a word, bounded.
pub const MAX_HYPHENS_SPLIT: usize = 7;

/// Splits one token of `source` into units, calling `emit(span, text, flags)` for each: a
/// hyphenated word ("Tajik-Afghan") is split at its hyphens, unless it has more than
/// `MAX_HYPHENS_SPLIT` (7).
pub fn split_token(source: &str, token: &Token, mut emit: impl FnMut(Span, &str, u8)) {
    let text = token.text(source);
    let hyphens = || {
        text.bytes()
            .filter(|&b| b == b'-')
            .take(MAX_HYPHENS_SPLIT + 1)
    };
    if token.kind() != TokenKind::Word
        || text.len() < 3
        || !text.bytes().any(|b| b == b'-')
        || hyphens().count() > MAX_HYPHENS_SPLIT
    {
        emit(token.span(), text, token_flags(token));
        return;
    }
    let start_of = token.start();
    let mut start = 0;
    for (i, _) in text.match_indices('-') {
        if i > start {
            let part = &text[start..i];
            emit(
                Span::new(start_of + start, start_of + i),
                part,
                flags_of(part, TokenKind::Word),
            );
        }
        emit(Span::new(start_of + i, start_of + i + 1), "-", PUNCT);
        start = i + 1;
    }
    if start < text.len() {
        let part = &text[start..];
        emit(
            Span::new(start_of + start, token.end()),
            part,
            flags_of(part, TokenKind::Word),
        );
    }
}

/// A whole token's unit flags, from the flags the tokenizer set (as [`flags_of`] its text).
#[inline]
pub(crate) fn token_flags(token: &Token) -> u8 {
    unit_flags(token.kind(), token.is_capitalized(), token.is_all_caps())
}

/// The unit keys (as strings) of a dictionary phrase, with each unit's surface text.
pub fn phrase_units(phrase: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut key = String::new();
    for t in tokenize(phrase) {
        split_token(phrase, &t, |_, text, _| {
            key_of(text, &mut key);
            out.push((key.clone(), text.to_string()));
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_split_like_text() {
        let u: Vec<String> = phrase_units("Tajik-Afghan border")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(u, ["tajik", "-", "afghan", "border"]);
        let u: Vec<String> = phrase_units("Côte d’Ivoire")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(u, ["cote", "d'ivoire"]);
        let u: Vec<String> = phrase_units("U.S.-led").into_iter().map(|x| x.0).collect();
        assert_eq!(u, ["u.s.", "-", "led"]);
    }
}
