//! Arbitrary bytes, decoded lossily, through the tokenizer, the sentence splitter and the header
//! reader: tokens and sentences stay on char boundaries, in order, and lose no text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/eventcoder/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_tokens(&String::from_utf8_lossy(data));
});
