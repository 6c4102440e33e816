//! Arbitrary bytes as a user dictionary file (the first byte picks the header row, hence the
//! kind): loading returns the lexicon or a typed dictionary error, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_dictionary(&invariants::dictionary_file(data));
});
