//! Abbreviation, sentence-starter and line-continuation tables, read once from `data/`.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::shapes::Shapes;
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
    /// The first letters and lengths of the abbreviations: most words before a period are
    /// rejected without a search.
    shapes: Shapes,
    /// ASCII-lowercased abbreviations packed into a u64 (they are at most 8 bytes).
    abbrevs: Vec<(u64, AbbrevKind)>,
    starters: HashSet<Box<str>>,
    continuations: HashSet<Box<str>>,
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
    let continuations = tsv::read(
        "line_continuations.tsv",
        include_str!("../../data/line_continuations.tsv"),
        &["word"],
    )
    .expect("built-in line_continuations.tsv is valid (tested)")
    .iter()
    .map(|r| r.get(0).into())
    .collect();
    let mut shapes = Shapes::default();
    for r in &rows {
        // (Only words opening with a letter can be looked up; see `abbreviation`.)
        if r.get(0).starts_with(|c: char| c.is_ascii_alphabetic()) {
            shapes.add(r.get(0));
        }
    }
    Tables {
        abbrevs,
        starters,
        continuations,
        shapes,
    }
});

/// The kind of `word` (without its period) if it is a listed abbreviation. Ignores case.
pub fn abbreviation(word: &str) -> Option<AbbrevKind> {
    let b = word.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_alphabetic)
        || b.len() > 8
        || !TABLES.shapes.may_contain(word)
    {
        return None;
    }
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

/// Whether a line ending with the token of normalized form `norm` continues on the next line
/// (`data/line_continuations.tsv`: "and", "of", ",").
pub fn continues_line(norm: &str) -> bool {
    TABLES.continuations.contains(norm)
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
        assert!(continues_line("and") && continues_line(",") && !continues_line("said"));
    }
}
