//! The candidate patterns of a verb form, indexed by a word each one needs.
//!
//! A verb form of a large dictionary has many candidate patterns (the Phoenix set gives "said"
//! 1,288 of them, most expanded from synonym sets), and a pattern can only match in a sentence
//! that holds every word it names. Each pattern of a long candidate list is filed under one
//! of its words, the one fewest patterns of the lexicon need (a content word such as
//! "ceasefire" rather than "to"), so that the parser tries only the patterns filed under a
//! word of the sentence, plus those that name no word at all.
//!
//! The index only narrows the list: every pattern it hands out is still checked in full, in
//! the order of the verb's candidate list, so coding is the same with or without it.

use rustc_hash::FxHashMap;

use super::model::{Pattern, PatternElem};

/// A candidate list shorter than this is scanned whole: its quick checks cost less than the
/// index's lookups.
pub(crate) const INDEX_MIN_CANDIDATES: usize = 32;

/// One verb form's candidate patterns by the word each needs.
#[derive(Debug, Clone, Default)]
pub(crate) struct VerbIndex {
    /// The patterns that name no word: a bit per position in the candidate list (the bitmap
    /// the candidates of a sentence start from).
    always: Vec<u64>,
    /// Each word's key with the end of its positions in `positions` (they start where the
    /// previous word's end), sorted by key. A word stands for its singular and plural keys, so
    /// a pattern is filed under both. (A sorted list rather than a hash map: the Phoenix set
    /// files its patterns under 1.2 million (form, word) pairs.)
    words: Vec<(u32, u32)>,
    /// Positions in the candidate list, grouped by word, in list order within a word.
    positions: Vec<u32>,
    /// A bit per key of `words`, at the key masked by `filter_mask` (keys are dense): a
    /// sentence key whose bit is clear has no entry, so most keys skip the search of `words`.
    filter: Vec<u64>,
    /// The number of bits of `filter`, less one.
    filter_mask: u32,
}

/// The words a pattern needs in its sentence, as keys of which one must occur: its words after
/// the verb (singular or plural) and its words before the verb.
pub(crate) fn needed_words(p: &Pattern) -> impl Iterator<Item = (u32, u32)> + '_ {
    let after = p.elems.iter().filter_map(|e| match *e {
        PatternElem::Word(k, pl) => Some((k, pl)),
        _ => None,
    });
    after.chain(p.before.iter().map(|&(k, _)| (k, k)))
}

/// For each pattern, the word it is filed under: of the words it needs, the one fewest patterns
/// of the lexicon need (`None` for a pattern that names no word).
pub(crate) fn index_words(patterns: &[Pattern]) -> Vec<Option<(u32, u32)>> {
    let mut uses: FxHashMap<u32, u32> = FxHashMap::default();
    for p in patterns {
        for (k, pl) in needed_words(p) {
            *uses.entry(k).or_default() += 1;
            if pl != k {
                *uses.entry(pl).or_default() += 1;
            }
        }
    }
    let uses_of = |k: u32| uses.get(&k).copied().unwrap_or(0);
    (patterns.iter())
        .map(|p| {
            needed_words(p)
                .min_by_key(|&(k, pl)| uses_of(k) + if pl == k { 0 } else { uses_of(pl) })
        })
        .collect()
}

impl VerbIndex {
    /// Files a verb form's candidate patterns, given as the word each is filed under
    /// ([`index_words`]), in candidate-list order.
    pub(crate) fn new(words: impl Iterator<Item = Option<(u32, u32)>>) -> VerbIndex {
        let mut always = Vec::new();
        let mut filed: Vec<(u32, u32)> = Vec::new();
        for (pos, w) in words.enumerate() {
            if pos % 64 == 0 {
                always.push(0);
            }
            let pos = pos as u32;
            match w {
                None => set(&mut always, pos),
                Some((k, pl)) => {
                    filed.push((k, pos));
                    if pl != k {
                        filed.push((pl, pos));
                    }
                }
            }
        }
        filed.sort_unstable();
        let mut words = Vec::new();
        let mut positions = Vec::with_capacity(filed.len());
        for group in filed.chunk_by(|a, b| a.0 == b.0) {
            positions.extend(group.iter().map(|&(_, pos)| pos));
            words.push((group[0].0, positions.len() as u32));
        }
        words.shrink_to_fit();
        // About 16 bits per word, so that few keys of a sentence pass by chance.
        let bits = (words.len() * 16).next_power_of_two().clamp(64, 1 << 16);
        let mut filter = vec![0u64; bits / 64];
        let filter_mask = bits as u32 - 1;
        for &(k, _) in &words {
            set(&mut filter, k & filter_mask);
        }
        VerbIndex {
            always,
            words,
            positions,
            filter,
            filter_mask,
        }
    }

    /// The positions of the candidates worth trying in a sentence whose distinct keys are
    /// `keys` (sorted), in candidate-list order, into `out`.
    /// `marks` is scratch space: a bit per candidate, so the positions come out sorted and
    /// distinct without a sort.
    pub(crate) fn candidates(&self, keys: &[u32], marks: &mut Vec<u64>, out: &mut Vec<u32>) {
        out.clear();
        marks.clone_from(&self.always);
        // Both lists are sorted: each search starts where the last one ended.
        let mut lo = 0;
        for &k in keys {
            if !is_set(&self.filter, k & self.filter_mask) {
                continue;
            }
            let i = lo + self.words[lo..].partition_point(|w| w.0 < k);
            let Some(&(key, end)) = self.words.get(i) else {
                break;
            };
            if key == k {
                let start = if i == 0 { 0 } else { self.words[i - 1].1 };
                for &pos in &self.positions[start as usize..end as usize] {
                    set(marks, pos);
                }
            }
            lo = i;
        }
        for (w, &bits) in marks.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                out.push((w as u32) << 6 | bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
    }
}

/// Whether the bit of `pos` is set.
#[inline]
fn is_set(bits: &[u64], pos: u32) -> bool {
    bits[(pos >> 6) as usize] & (1 << (pos & 63)) != 0
}

/// Sets the bit of candidate `pos`.
#[inline]
fn set(bits: &mut [u64], pos: u32) {
    bits[(pos >> 6) as usize] |= 1 << (pos & 63);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::text::tokenize;

    /// Every candidate whose words all occur in the sentence is handed out, in list order, and
    /// the index leaves out the rest of a long list.
    #[test]
    fn keeps_every_candidate_whose_words_occur() {
        let lex = Lexicon::builtin();
        let text =
            "The minister urged the government to lift sanctions and to hold talks with rebels";
        let tokens: Vec<_> = tokenize(text).collect();
        let mut units = Vec::new();
        lex.units(text, &tokens, &mut units);
        let mut keys: Vec<u32> = units.iter().map(|u| u.key).collect();
        keys.sort_unstable();
        keys.dedup();
        let urged = lex.key("urged");
        let cands = lex.verb_patterns(urged);
        assert!(cands.len() >= INDEX_MIN_CANDIDATES);
        let mut out = Vec::new();
        assert!(lex.verb_candidates(urged, &keys, &mut Vec::new(), &mut out));
        assert!(out.windows(2).all(|w| w[0] < w[1]));
        for (pos, &(p, _)) in cands.iter().enumerate() {
            let all_occur = needed_words(&lex.patterns[p])
                .all(|(k, pl)| keys.contains(&k) || keys.contains(&pl));
            if all_occur {
                assert!(out.contains(&(pos as u32)), "{}", lex.patterns[p].text);
            }
        }
        assert!(!out.is_empty() && out.len() < cands.len());
        // A short list is not indexed: every candidate is tried.
        let met = lex.key("met");
        assert!(lex.verb_patterns(met).len() < INDEX_MIN_CANDIDATES);
        assert!(!lex.verb_candidates(met, &keys, &mut Vec::new(), &mut out));
    }
}
