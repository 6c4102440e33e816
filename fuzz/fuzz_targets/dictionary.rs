//! Arbitrary bytes as a user dictionary file (the first byte picks the header row, hence the
//! kind; the rest need not be UTF-8): decoding and loading return the lexicon or a typed
//! dictionary error pointing inside the file, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/eventcoder/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_dictionary_bytes(&invariants::dictionary_file(data));
});
