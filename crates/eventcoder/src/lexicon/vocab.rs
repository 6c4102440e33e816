//! The vocabulary: unit key text → dense key id. Keys of up to eight bytes (most English
//! words) are packed into a `u64`, so looking one up hashes one integer and reads one table
//! slot, with no pointer to follow and no string to compare; longer keys use a string map.

use rustc_hash::FxHashMap;

use crate::swar::{HIGHS, ONES, bytes_between};

/// Key text → key id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    short: FxHashMap<u64, u32>,
    long: FxHashMap<Box<str>, u32>,
}

/// `key` packed into a u64 if it has 1 to 8 bytes (the length is implied: no key has a NUL
/// byte, so trailing zero bytes are padding).
#[inline(always)]
fn pack(key: &str) -> Option<u64> {
    let b = key.as_bytes();
    if b.is_empty() || b.len() > 8 || b.contains(&0) {
        return None;
    }
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(w))
}

impl Vocab {
    /// The id of `key`, if it is in the vocabulary.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        match pack(key) {
            Some(p) => self.short.get(&p).copied(),
            None => self.long.get(key).copied(),
        }
    }

    /// The id of the key of a short ASCII unit text: its lowercase form, looked up without
    /// building it. `None` when the text is not short ASCII without NUL bytes (then the caller
    /// builds the key); `Some(None)` when the key is not in the vocabulary.
    #[inline]
    pub(crate) fn get_ascii_lowercase(&self, text: &str) -> Option<Option<u32>> {
        let b = text.as_bytes();
        if b.is_empty() || b.len() > 8 {
            return None;
        }
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        let x = u64::from_le_bytes(w);
        let used = if b.len() == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * b.len())) - 1
        };
        // No non-ASCII byte and no NUL among the used bytes.
        let zero = (x.wrapping_sub(ONES) & !x & HIGHS) & used;
        if x & HIGHS != 0 || zero != 0 {
            return None;
        }
        // Uppercase ASCII letters: their high bit from a range test, shifted onto the 0x20 bit.
        let upper = bytes_between(x, b'A' as u64 - 1, b'Z' as u64 + 1);
        Some(self.short.get(&(x | (upper >> 2))).copied())
    }

    /// How many keys it has.
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Adds `key` with `id` (the caller checked it is not there yet).
    pub(crate) fn insert(&mut self, key: &str, id: u32) {
        match pack(key) {
            Some(p) => self.short.insert(p, id),
            None => self.long.insert(key.into(), id),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_keys_and_odd_ones() {
        let mut v = Vocab::default();
        let keys = [
            "a",
            "said",
            "abcdefgh",
            "abcdefghi",
            "",
            "a\0",
            "çavuşoğlu",
            "ab",
        ];
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(v.get(k), None);
            v.insert(k, i as u32);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(v.get(k), Some(i as u32), "{k:?}");
        }
        assert_eq!(v.len(), keys.len());
        assert_eq!(v.get("abcdefg"), None);
        assert_eq!(v.get_ascii_lowercase("SaId"), Some(Some(1)));
        assert_eq!(v.get_ascii_lowercase("ABCDEFGH"), Some(Some(2)));
        assert_eq!(v.get_ascii_lowercase("AB"), Some(Some(7)));
        assert_eq!(v.get_ascii_lowercase("Zz"), Some(None));
        assert_eq!(v.get_ascii_lowercase("abcdefghi"), None);
        assert_eq!(v.get_ascii_lowercase("a\0"), None);
        assert_eq!(v.get_ascii_lowercase("ça"), None);
        assert_eq!(v.get_ascii_lowercase(""), None);
        // Every byte: the lowercase mapping is ASCII's.
        for b in 1..=127u8 {
            let mut w = Vocab::default();
            let lower = (b as char).to_ascii_lowercase().to_string();
            w.insert(&lower, 9);
            let text = (b as char).to_string();
            assert_eq!(w.get_ascii_lowercase(&text), Some(Some(9)), "{b}");
        }
        assert_eq!(v.get("a\0\0"), None);
    }
}
