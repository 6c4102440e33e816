//! The vocabulary: unit key text → dense key id. Keys of up to eight bytes (most English
//! words) are packed into a `u64`, so looking one up hashes one integer and reads one table
//! slot ([`ShortKeys`]), with no pointer to follow and no string to compare; longer keys use a
//! map of their bytes.

use rustc_hash::FxHashMap;

use super::normalize::spelling_fold_at;
use crate::swar::{HIGHS, ONES, bytes_between};

/// Key text → key id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    short: ShortKeys,
    /// (Bytes, not `str`: a key built on the stack is looked up without a UTF-8 check.)
    long: FxHashMap<Box<[u8]>, u32>,
}

/// Packed keys ([`pack`]) → key ids: an open-addressing table with linear probing and a
/// multiplicative hash, at most half full, so a lookup is a multiplication, a shift and
/// (mostly) one slot read. A packed key is never 0 (its first byte is not NUL): 0 marks an
/// empty slot.
#[derive(Debug, Clone)]
struct ShortKeys {
    /// A power of two of them, at least 16: (packed key, id, tag). The tag is the caller's
    /// ([`Vocab::set_tags`]), in what would be the slot's padding, so it is read with the id.
    slots: Vec<(u64, u32, u32)>,
    /// 64 less the log2 of the slot count: the hash is the product's top bits.
    shift: u32,
    len: usize,
}

impl Default for ShortKeys {
    fn default() -> Self {
        ShortKeys {
            slots: vec![(0, 0, 0); 16],
            shift: 60,
            len: 0,
        }
    }
}

impl ShortKeys {
    /// The slot where the search for `key` starts.
    #[inline(always)]
    fn home(&self, key: u64) -> usize {
        // (The golden-ratio multiplier: every byte of the key reaches the top bits.)
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The id of the packed key `key` (not 0), if it is there.
    #[inline(always)]
    fn get(&self, key: u64) -> Option<u32> {
        self.get_tagged(key).map(|(id, _)| id)
    }

    /// The id and tag of the packed key `key` (not 0), if it is there.
    #[inline(always)]
    fn get_tagged(&self, key: u64) -> Option<(u32, u32)> {
        debug_assert!(key != 0);
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, id, tag) = self.slots[i];
            if k == key {
                return Some((id, tag));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets the id of the packed key `key` (not 0).
    fn insert(&mut self, key: u64, id: u32) {
        debug_assert!(key != 0);
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 || slot.0 == key {
                if slot.0 == 0 {
                    self.len += 1;
                }
                *slot = (key, id, 0);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the slots and places every key again.
    fn grow(&mut self) {
        let bigger = vec![(0, 0, 0); 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, bigger);
        self.shift -= 1;
        self.len = 0;
        for (k, id, _) in old {
            if k != 0 {
                self.insert(k, id);
            }
        }
    }
}

/// `key` packed into a u64 if it has 1 to 8 bytes (the length is implied: no key has a NUL
/// byte, so trailing zero bytes are padding).
#[inline(always)]
fn pack(key: &str) -> Option<u64> {
    let b = key.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let x = load_le(b);
    (!has_nul(x, b.len())).then_some(x)
}

/// Whether one of the first `n` (1 to 8) bytes of `x` is NUL. (The test's false positives
/// are only above a NUL byte, so the padding's zeros never count.)
#[inline(always)]
fn has_nul(x: u64, n: usize) -> bool {
    let used = if n == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    };
    x.wrapping_sub(ONES) & !x & HIGHS & used != 0
}

/// The longest unit text whose key [`Vocab::get_ascii_key`] builds on the stack.
pub(crate) const STACK_KEY_BYTES: usize = 32;

/// The 1 to 8 bytes of `b` as a little-endian `u64`, zero-padded: two overlapping loads
/// instead of a `memcpy` call of a variable length (the overlapped bytes are the same in
/// both, so OR-ing them is exact).
#[inline(always)]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!((1..=8).contains(&n));
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else {
        u64::from(b[0])
            | u64::from(b[n / 2]) << (8 * (n / 2))
            | u64::from(b[n - 1]) << (8 * (n - 1))
    }
}

/// The lowercase form of an ASCII text of 1 to 8 bytes without NUL bytes, packed as [`pack`]
/// packs keys; `None` for any other text.
#[inline(always)]
fn pack_ascii_lowercase(b: &[u8]) -> Option<u64> {
    ShortAscii::of(b).map(|a| a.lower)
}

/// A text of 1 to 8 ASCII bytes without NUL bytes (most words), packed as [`pack`] packs keys,
/// as it is and lowercased.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShortAscii {
    raw: u64,
    lower: u64,
    len: usize,
}

impl ShortAscii {
    /// `b` packed, if it is such a text.
    #[inline(always)]
    pub(crate) fn of(b: &[u8]) -> Option<ShortAscii> {
        if b.is_empty() || b.len() > 8 {
            return None;
        }
        let x = load_le(b);
        // No non-ASCII byte and no NUL among the used bytes.
        if x & HIGHS != 0 || has_nul(x, b.len()) {
            return None;
        }
        // Uppercase ASCII letters: their high bit from a range test, shifted onto the 0x20 bit.
        let upper = bytes_between(x, b'A' as u64 - 1, b'Z' as u64 + 1);
        Some(ShortAscii {
            raw: x,
            lower: x | (upper >> 2),
            len: b.len(),
        })
    }

    /// How many bytes it has.
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether one of its bytes is `byte` (not NUL).
    #[inline(always)]
    pub(crate) fn contains(&self, byte: u8) -> bool {
        has_nul(self.raw ^ (ONES * u64::from(byte)), self.len)
    }
}

impl Vocab {
    /// The id of `key`, if it is in the vocabulary.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        match pack(key) {
            Some(p) => self.short.get(p),
            None => self.long.get(key.as_bytes()).copied(),
        }
    }

    /// The id of the key of a short ASCII unit text: its lowercase form, looked up without
    /// building it. `None` when the text is not short ASCII without NUL bytes (then the caller
    /// builds the key); `Some(None)` when the key is not in the vocabulary.
    #[inline]
    pub(crate) fn get_ascii_lowercase(&self, text: &str) -> Option<Option<u32>> {
        pack_ascii_lowercase(text.as_bytes()).map(|x| self.short.get(x))
    }

    /// The id of the matching key of an ASCII unit text (its lowercase form, a British "-ise"
    /// ending folded: what [`key_of`](super::key_of) makes of it), looked up without building
    /// a `String`. `None` when the text is not ASCII, is empty or longer than
    /// [`STACK_KEY_BYTES`], or is short with a NUL byte (then the caller builds the key);
    /// `Some(None)` when the key is not in the vocabulary.
    #[inline]
    pub(crate) fn get_ascii_key(&self, text: &str) -> Option<Option<u32>> {
        let b = text.as_bytes();
        if b.len() <= 8 {
            return ShortAscii::of(b).map(|a| self.get_short_key(a));
        }
        if b.len() > STACK_KEY_BYTES || !b.is_ascii() {
            return None;
        }
        let mut key = [0u8; STACK_KEY_BYTES];
        let key = &mut key[..b.len()];
        for (k, &c) in key.iter_mut().zip(b) {
            *k = c.to_ascii_lowercase();
        }
        if let Some(at) = spelling_fold_at(key) {
            key[at] = b'z';
        }
        Some(self.long.get(&*key).copied())
    }

    /// The id of the matching key of a short ASCII text (its lowercase form, a British "-ise"
    /// ending folded), as [`Vocab::get_ascii_key`] gives it.
    #[inline(always)]
    pub(crate) fn get_short_key(&self, a: ShortAscii) -> Option<u32> {
        self.get_short_tagged(a).map(|(id, _)| id)
    }

    /// [`Vocab::get_short_key`] with the key's tag ([`Vocab::set_tags`]).
    #[inline(always)]
    pub(crate) fn get_short_tagged(&self, a: ShortAscii) -> Option<(u32, u32)> {
        let mut x = a.lower;
        // (No ending to fold in fewer than seven bytes: most keys stop at this test.)
        if a.len >= 7
            && let Some(at) = spelling_fold_at(&x.to_le_bytes()[..a.len])
        {
            x = x & !(0xff << (8 * at)) | u64::from(b'z') << (8 * at);
        }
        self.short.get_tagged(x)
    }

    /// Tags every short key with `tag(id)`: a number [`Vocab::get_short_tagged`] hands out
    /// with the id at no extra cost (keys added later are tagged 0).
    pub(crate) fn set_tags(&mut self, tag: impl Fn(u32) -> u32) {
        for slot in &mut self.short.slots {
            if slot.0 != 0 {
                slot.2 = tag(slot.1);
            }
        }
    }

    /// How many keys it has.
    pub(crate) fn len(&self) -> usize {
        self.short.len + self.long.len()
    }

    /// Adds `key` with `id` (the caller checked it is not there yet).
    pub(crate) fn insert(&mut self, key: &str, id: u32) {
        match pack(key) {
            Some(p) => self.short.insert(p, id),
            None => {
                self.long.insert(key.as_bytes().into(), id);
            }
        }
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

    #[test]
    fn short_table_grows_and_finds_every_key() {
        let mut v = Vocab::default();
        let keys: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        for (i, k) in keys.iter().enumerate() {
            v.insert(k, i as u32);
            assert_eq!(v.get(k), Some(i as u32), "{k}");
        }
        v.insert("k7", 99);
        assert_eq!(v.len(), keys.len());
        assert_eq!(v.get("k7"), Some(99));
        for (i, k) in keys.iter().enumerate().filter(|&(i, _)| i != 7) {
            assert_eq!(v.get(k), Some(i as u32), "{k}");
        }
        assert_eq!(v.get("q1"), None);
        assert_eq!(v.get("k50000"), None);
    }

    #[test]
    fn short_ascii_bytes() {
        let a = ShortAscii::of(b"Tajik-Af").expect("short ASCII");
        assert_eq!(a.len(), 8);
        assert!(a.contains(b'-') && a.contains(b'T') && !a.contains(b'_'));
        assert!(!ShortAscii::of(b"ab").expect("short ASCII").contains(b'-'));
        assert!(ShortAscii::of(b"").is_none());
        assert!(ShortAscii::of(b"abcdefghi").is_none());
        assert!(ShortAscii::of("ça".as_bytes()).is_none());
        assert!(ShortAscii::of(b"a\0").is_none());
    }

    #[test]
    fn ascii_keys_are_key_of() {
        let texts = [
            "said",
            "SAID",
            "Realise",
            "realised",
            "Recognised",
            "ORGANISATIONS",
            "organisation",
            "Criticising",
            "wise",
            "premises",
            "Premise",
            "Supervisers",
            "Netherlands",
            "abcdefghijklmnopqrstuvwxyz012345",
            "abcdefghijklmnopqrstuvwxyz0123456",
            "a\0",
            "Erdoğan",
            "",
        ];
        let mut v = Vocab::default();
        let mut key = String::new();
        for (i, t) in texts.iter().enumerate() {
            crate::lexicon::key_of(t, &mut key);
            if v.get(&key).is_none() {
                v.insert(&key, i as u32);
            }
        }
        for t in texts {
            crate::lexicon::key_of(t, &mut key);
            match v.get_ascii_key(t) {
                Some(found) => assert_eq!(found, v.get(&key), "{t:?}"),
                None => assert!(
                    !t.is_ascii() || t.is_empty() || t.len() > STACK_KEY_BYTES || t.contains('\0'),
                    "{t:?}"
                ),
            }
        }
        assert_eq!(v.get_ascii_key("Realise"), Some(v.get("realize")));
        assert!(v.get_ascii_key("Realise").is_some_and(|k| k.is_some()));
        assert_eq!(v.get_ascii_key("Unknownword"), Some(None));
    }
}
