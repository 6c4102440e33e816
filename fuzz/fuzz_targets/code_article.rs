//! Arbitrary bytes, decoded lossily, through the whole coder: every span points into the text
//! and covers the text it claims, every code is in the CAMEO and PLOVER tables, every date can
//! be read back, and the JSON output serializes.
#![no_main]

use std::sync::OnceLock;

use eventcoder::Coder;
use libfuzzer_sys::fuzz_target;

#[path = "../../crates/eventcoder/tests/support/invariants.rs"]
mod invariants;

static CODER: OnceLock<Coder> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let coder = CODER.get_or_init(Coder::new);
    invariants::code_and_check(coder, &String::from_utf8_lossy(data));
});
