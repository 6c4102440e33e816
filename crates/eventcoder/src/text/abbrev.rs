//! Abbreviation and sentence-starter tables, read once from `data/`.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::tsv;

/// What an abbreviation is for sentence splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name ("Gen.", "Dr."): never ends a sentence.
    Title,
    /// A month ("Sept."): never ends a sentence.
    Month,
    /// May end a sentence ("etc.", "Inc.", and dotted acronyms such as "U.S.").
    Other,
}

struct Tables {
    /// ASCII-lowercased abbreviations packed into a u64 (they are at most 8 bytes).
    abbrevs: Vec<(u64, AbbrevKind)>,
    starters: HashSet<Box<str>>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let rows = tsv::read(
        "abbreviations.tsv",
        include_str!("../../data/abbreviations.tsv"),
        &["abbreviation", "kind"],
    )
    .expect("built-in abbreviations.tsv is valid (tested)");
    let abbrevs = rows
        .iter()
        .map(|r| {
            let kind = match r.get(1) {
                "title" => AbbrevKind::Title,
                "month" => AbbrevKind::Month,
                _ => AbbrevKind::Other,
            };
            (
                pack(r.get(0)).expect("abbreviations are at most 8 ASCII bytes"),
                kind,
            )
        })
        .collect::<Vec<_>>();
    let mut abbrevs = abbrevs;
    abbrevs.sort_by_key(|(k, _)| *k);
    let starters = tsv::read(
        "sentence_starters.tsv",
        include_str!("../../data/sentence_starters.tsv"),
        &["word"],
    )
    .expect("built-in sentence_starters.tsv is valid (tested)")
    .iter()
    .map(|r| r.get(0).into())
    .collect();
    Tables { abbrevs, starters }
});

/// The kind of `word` (without its period) if it is a listed abbreviation. Ignores case.
pub fn abbreviation(word: &str) -> Option<AbbrevKind> {
    let key = pack(word)?;
    let t = &TABLES.abbrevs;
    t.binary_search_by_key(&key, |(k, _)| *k)
        .ok()
        .map(|i| t[i].1)
}

/// Packs up to 8 ASCII bytes, lowercased, into a u64.
fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut key = 0u64;
    for &c in b {
        key = key << 8 | u64::from(c.to_ascii_lowercase());
    }
    Some(key)
}

/// Whether a capitalized `word` typically starts a sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    TABLES.starters.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn tables_load() {
        assert_eq!(abbreviation("gen"), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("Sept"), Some(AbbrevKind::Month));
        assert_eq!(abbreviation("said"), None);
        assert!(is_sentence_starter("The"));
    }
}
