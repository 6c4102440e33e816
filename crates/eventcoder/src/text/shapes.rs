//! A quick filter for small word sets: most words are rejected without a search.

/// A quick filter for a small set of words, so most tokens are rejected without a search: for
/// each first letter a-z, a bit per word length, and the same for each last letter (lengths
/// from 31 share the last bit). A word passes when both its first and its last byte have a
/// word of its length in the set: "and" is not let through by "apr", nor "said" by "sept".
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    /// By first byte: a-z (slot 26, other bytes, stays empty: see `other`).
    by_first: [u32; 27],
    /// By last byte: a-z, then one slot for every other byte ("sept." ends in a period).
    by_last: [u32; 27],
    /// Some word does not start with an ASCII letter: such tokens are never rejected.
    other: bool,
}

/// The slot of a byte in [`Shapes`]'s masks: a-z and A-Z 0-25, every other byte 26.
static SLOT: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8;
        t[b'A' as usize + b] = b as u8;
        b += 1;
    }
    t
};

/// The slot of a byte: 0-25 for an ASCII letter, 26 otherwise.
#[inline]
fn slot(b: u8) -> usize {
    usize::from(SLOT[usize::from(b)])
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
                self.by_first[slot(f)] |= length_bit(b.len());
                self.by_last[slot(l)] |= length_bit(b.len());
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
            (Some(&first), Some(&last)) if slot(first) < 26 => {
                self.by_first[slot(first)] & self.by_last[slot(last)] & length_bit(w.len()) != 0
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
