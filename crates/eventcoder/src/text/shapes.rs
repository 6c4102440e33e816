//! A quick filter for small word sets: most words are rejected without a search.

/// A quick filter for a small set of words, so most tokens are rejected without a search: for
/// each first letter a-z, a bit per word length, and the same for each last letter (lengths
/// from 31 share the last bit). A word passes when both its first and its last byte have a
/// word of its length in the set: "and" is not let through by "apr", nor "said" by "sept".
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    by_letter: [u32; 26],
    /// By last byte: a-z, then one slot for every other byte ("sept." ends in a period).
    by_last: [u32; 27],
    /// Some word does not start with an ASCII letter: such tokens are never rejected.
    other: bool,
}

/// The slot of a last byte in [`Shapes::by_last`].
#[inline]
fn last_slot(b: u8) -> usize {
    if b.is_ascii_alphabetic() {
        usize::from(b.to_ascii_lowercase() - b'a')
    } else {
        26
    }
}

/// The bit of a word length.
#[inline]
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

impl Shapes {
    /// Adds a word of the set.
    pub(crate) fn add(&mut self, w: &str) {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) if f.is_ascii_alphabetic() => {
                self.by_letter[usize::from(f.to_ascii_lowercase() - b'a')] |= length_bit(b.len());
                self.by_last[last_slot(l)] |= length_bit(b.len());
            }
            _ => self.other = true,
        }
    }

    /// `false` when `w` (compared ignoring ASCII case) is certainly not in the set.
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        self.may_contain_bytes(w.as_bytes())
    }

    /// [`Shapes::may_contain`] of a word's bytes.
    #[inline]
    pub(crate) fn may_contain_bytes(&self, w: &[u8]) -> bool {
        match (w.first(), w.last()) {
            (Some(&first), Some(&last)) if first.is_ascii_alphabetic() => {
                let bit = length_bit(w.len());
                self.by_letter[usize::from(first.to_ascii_lowercase() - b'a')] & bit != 0
                    && self.by_last[last_slot(last)] & bit != 0
            }
            _ => self.other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_by_first_and_last_letter() {
        let mut s = Shapes::default();
        for w in ["apr", "feb", "sept.", "week"] {
            s.add(w);
        }
        for w in ["APR", "Feb", "sept.", "Sept.", "WEEK", "aar", "fxb"] {
            assert!(s.may_contain(w), "{w}");
        }
        for w in ["and", "fed", "said", "sept", "with", "apri", "", "2021"] {
            assert!(!s.may_contain(w), "{w}");
        }
        s.add("'ll");
        assert!(s.may_contain("2021") && s.may_contain(""));
    }
}
