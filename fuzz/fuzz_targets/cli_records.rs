//! The CLI's input readers (`eventcoder_cli::input`): arbitrary bytes as a JSON-lines input
//! (the first byte picks the line limit: the CLI's own, or a small one), read record by record
//! and checked against an independent reading of the lines, the records coded as the CLI codes
//! them; and the same bytes as one text article.
#![no_main]

use std::sync::OnceLock;

use eventcoder::Coder;
use libfuzzer_sys::fuzz_target;

#[path = "../../crates/eventcoder/tests/support/invariants.rs"]
mod invariants;
#[path = "../../crates/eventcoder/tests/support/records.rs"]
mod records;

static CODER: OnceLock<Coder> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    let coder = CODER.get_or_init(Coder::new);
    records::check_jsonl(input, records::max_line_of(pick), coder);
    records::check_text(input);
});
