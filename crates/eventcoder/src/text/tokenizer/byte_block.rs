//! The byte classes of 64 bytes of text at once, one bit a byte: where the tokenizer's batch
//! loop finds the start of the next token (the next byte that is not whitespace), the end of a
//! run of letters and digits and the run's case with a shift and a count of trailing zeros,
//! instead of a loop over its bytes.
//!
//! The bytes are compared 16 at a time with the `wide` crate's vectors (SSE2 on x86-64, NEON on
//! AArch64, plain arrays elsewhere) and each comparison's lanes gathered into bits with one
//! "move mask".

use wide::{CmpEq, CmpGt, i8x16};

/// The classes of the 64 bytes of a text from `base` on (bytes past the end of the text count
/// as spaces): bit `i` of a mask tells about byte `base + i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ByteBlock {
    /// Where the block starts in the text.
    pub base: usize,
    /// Its bytes: the text's from `base` on, then spaces past the end of the text.
    pub bytes: [u8; 64],
    /// ASCII lowercase letters.
    pub lower: u64,
    /// ASCII letters and digits.
    pub alnum: u64,
    /// Bytes that are not ASCII whitespace (space, tab, line feed, vertical tab, form feed,
    /// carriage return): non-ASCII bytes are in.
    pub not_space: u64,
}

impl ByteBlock {
    /// The block of `text` from `base` on.
    #[inline]
    pub fn at(text: &[u8], base: usize) -> ByteBlock {
        let bytes = match text
            .get(base..base.saturating_add(64))
            .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
        {
            Some(bytes) => bytes,
            None => {
                let mut padded = [b' '; 64];
                let tail = text.get(base..).unwrap_or_default();
                padded[..tail.len()].copy_from_slice(tail);
                padded
            }
        };
        let m = classify(&bytes);
        ByteBlock {
            base,
            bytes,
            lower: m.lower,
            alnum: m.alnum,
            not_space: !m.space,
        }
    }
}

/// One bit a byte, from bit 0 up.
#[derive(Default)]
struct Masks {
    lower: u64,
    alnum: u64,
    space: u64,
}

/// The lanes of `v` (bytes as `i8`) in the ASCII range `lo..=hi`, as all-ones lanes. Adding
/// `-128 - lo` moves `lo..=hi` to the bottom of the signed range, where one comparison tests it;
/// a non-ASCII byte lands at or above `-lo`, out of it.
#[inline(always)]
fn in_range(v: i8x16, lo: u8, hi: u8) -> i8x16 {
    let shifted = v + i8x16::splat((-128 - i16::from(lo)) as i8);
    i8x16::splat((-128 + i16::from(hi - lo) + 1) as i8).cmp_gt(shifted)
}

/// The lanes' high bits as the low 16 bits of a `u64`.
#[inline(always)]
fn bits(lanes: i8x16) -> u64 {
    u64::from(lanes.move_mask() as u16)
}

/// The classes of 64 bytes, sixteen at a time.
#[inline(always)]
fn classify(bytes: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (k, chunk) in bytes.chunks_exact(16).enumerate() {
        let mut lanes = [0i8; 16];
        for (l, &b) in lanes.iter_mut().zip(chunk) {
            *l = b as i8;
        }
        let v = i8x16::new(lanes);
        let shift = 16 * k;
        m.lower |= bits(in_range(v, b'a', b'z')) << shift;
        // (Setting bit 5 makes a letter lowercase, and only letters land in a..z.)
        let letter = in_range(v | i8x16::splat(0x20), b'a', b'z');
        m.alnum |= bits(letter | in_range(v, b'0', b'9')) << shift;
        // Tab, line feed, vertical tab, form feed, carriage return; and the space.
        let space = in_range(v, 0x09, 0x0d) | v.cmp_eq(i8x16::splat(b' ' as i8));
        m.space |= bits(space) << shift;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block's bits, byte by byte, from the byte tests of the standard library.
    fn by_bytes(text: &[u8], base: usize) -> ByteBlock {
        let mut want = ByteBlock {
            base,
            bytes: [b' '; 64],
            lower: 0,
            alnum: 0,
            not_space: 0,
        };
        for i in 0..64 {
            let b = text.get(base + i).copied().unwrap_or(b' ');
            want.bytes[i] = b;
            let bit = 1u64 << i;
            if b.is_ascii_lowercase() {
                want.lower |= bit;
            }
            if b.is_ascii_alphanumeric() {
                want.alnum |= bit;
            }
            // (`u8::is_ascii_whitespace` leaves out the vertical tab, which the tokenizer's
            // byte classes count as whitespace.)
            if !(b.is_ascii_whitespace() || b == 0x0b) {
                want.not_space |= bit;
            }
        }
        want
    }

    #[test]
    fn every_byte_value_at_every_position() {
        for b in 0..=255u8 {
            for fill in [b'a', b'Z', b'5', b' ', 0x80, 0xff, b'\n', b'.'] {
                for i in 0..64 {
                    let mut text = [fill; 64];
                    text[i] = b;
                    assert_eq!(
                        ByteBlock::at(&text, 0),
                        by_bytes(&text, 0),
                        "{b:#x} at {i} among {fill:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn blocks_past_the_end_of_the_text_are_padded_with_spaces() {
        let text = "Iran’s “border” talks, 2021: ÇAVUŞOĞLU met NATO envoys.\tok\r\n".repeat(3);
        let text = text.as_bytes();
        for base in 0..=text.len() + 3 {
            assert_eq!(ByteBlock::at(text, base), by_bytes(text, base), "at {base}");
        }
    }
}
