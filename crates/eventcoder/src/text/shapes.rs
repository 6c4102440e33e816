//! A quick filter for small word sets: most words are rejected without a search.

/// A quick filter for a small set of words, so most tokens are rejected without a search: for
/// each first letter a-z, a bit per word length (lengths from 31 share the last bit).
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    by_letter: [u32; 26],
    /// Some word does not start with an ASCII letter: such tokens are never rejected.
    other: bool,
}

impl Shapes {
    fn slot(w: &str) -> Option<usize> {
        let f = *w.as_bytes().first()?;
        f.is_ascii_alphabetic()
            .then(|| usize::from(f.to_ascii_lowercase() - b'a'))
    }

    /// Adds a word of the set.
    pub(crate) fn add(&mut self, w: &str) {
        match Self::slot(w) {
            Some(i) => self.by_letter[i] |= 1 << w.len().min(31),
            None => self.other = true,
        }
    }

    /// `false` when `w` (compared ignoring ASCII case) is certainly not in the set.
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&first) => self.may_contain_shape(first, w.len()),
            None => self.other,
        }
    }

    /// [`Shapes::may_contain`] of a word of `len` bytes whose first byte is `first`, for a
    /// caller that has not sliced the word out of its text.
    #[inline]
    pub(crate) fn may_contain_shape(&self, first: u8, len: usize) -> bool {
        if first.is_ascii_alphabetic() {
            self.by_letter[usize::from(first.to_ascii_lowercase() - b'a')] & (1 << len.min(31)) != 0
        } else {
            self.other
        }
    }
}
