//! A set of a sentence's units as bits, for the questions a parse step asks of every unit
//! ("is it inside a mention?", "is it inside an event noun?") without scanning a list each
//! time.

use std::ops::Range;

/// Words of bits held in place: sentences of up to 256 units need no allocation.
const INLINE_WORDS: usize = 4;

/// A set of the units of one sentence (article-level unit indices within `range`). A unit
/// outside the range is never in the set.
#[derive(Debug, Clone)]
pub(crate) struct UnitSet {
    range: Range<usize>,
    inline: [u64; INLINE_WORDS],
    /// The bits of a sentence longer than the inline words hold (else empty).
    spilled: Vec<u64>,
}

impl UnitSet {
    /// The empty set of the units of `range`.
    pub(crate) fn new(range: Range<usize>) -> Self {
        let words = range.len().div_ceil(64);
        let spilled = if words > INLINE_WORDS {
            vec![0; words]
        } else {
            Vec::new()
        };
        UnitSet {
            range,
            inline: [0; INLINE_WORDS],
            spilled,
        }
    }

    fn words(&self) -> &[u64] {
        if self.spilled.is_empty() {
            &self.inline
        } else {
            &self.spilled
        }
    }

    fn words_mut(&mut self) -> &mut [u64] {
        if self.spilled.is_empty() {
            &mut self.inline
        } else {
            &mut self.spilled
        }
    }

    /// Whether unit `i` is in the set.
    pub(crate) fn contains(&self, i: usize) -> bool {
        if !self.range.contains(&i) {
            return false;
        }
        let k = i - self.range.start;
        self.words()[k / 64] & (1 << (k % 64)) != 0
    }

    /// Adds the units of `units` that lie within the sentence.
    pub(crate) fn insert_range(&mut self, units: Range<usize>) {
        let from = units.start.max(self.range.start) - self.range.start;
        let to = units
            .end
            .min(self.range.end)
            .saturating_sub(self.range.start);
        let words = self.words_mut();
        for k in from..to {
            words[k / 64] |= 1 << (k % 64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_the_units_added_within_its_sentence() {
        let mut set = UnitSet::new(10..20);
        set.insert_range(12..14);
        set.insert_range(18..25);
        set.insert_range(0..11);
        let members: Vec<usize> = (0..30).filter(|&i| set.contains(i)).collect();
        assert_eq!(members, vec![10, 12, 13, 18, 19]);
    }

    #[test]
    fn a_long_sentence_keeps_its_bits_on_the_heap() {
        let mut set = UnitSet::new(5..605);
        set.insert_range(300..302);
        set.insert_range(604..700);
        assert!(set.contains(300) && set.contains(301) && set.contains(604));
        assert!(!set.contains(299) && !set.contains(302) && !set.contains(605));
        assert_eq!((0..700).filter(|&i| set.contains(i)).count(), 3);
    }

    #[test]
    fn an_empty_range_adds_nothing() {
        let mut set = UnitSet::new(3..3);
        set.insert_range(0..10);
        assert!(!set.contains(3));
    }
}
