//! Eight byte tests at once in a `u64` ("SWAR"), for the hot paths that classify ASCII bytes:
//! the tokenizer's runs of letters and digits, and the vocabulary's short keys.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is ASCII and strictly between `m` and `n` (both at
/// most 128): eight range tests in a few integer operations.
#[inline(always)]
pub(crate) const fn bytes_between(x: u64, m: u64, n: u64) -> u64 {
    let low7 = x & (ONES * 127);
    (ONES * (127 + n)).wrapping_sub(low7) & !x & (low7 + ONES * (127 - m)) & HIGHS
}

/// The high bit of each byte of `x` in `lo..=hi` (both ASCII), exact for the bytes before the
/// first non-ASCII byte of `x` and unspecified from there on: a scan that stops at a non-ASCII
/// byte anyway gets its range test in four operations. (Per byte, `x + 128 - lo` has bit 7 set
/// when an ASCII byte is at least `lo`, and no carry leaves an ASCII byte; a non-ASCII byte's
/// carry only reaches the bytes after it.)
#[inline(always)]
pub(crate) const fn ascii_bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    x.wrapping_add(ONES * (128 - lo as u64)) & !x.wrapping_add(ONES * (127 - hi as u64)) & HIGHS
}
