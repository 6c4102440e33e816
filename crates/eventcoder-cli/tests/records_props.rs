//! The stable twin of the fuzz target `cli_records` (see `fuzz/`): the JSON-lines and text
//! readers of `eventcoder_cli::input`, checked by `tests/support/records.rs` on arbitrary bytes
//! and on JSON-lines-like input.

#[path = "../../eventcoder/tests/support/invariants.rs"]
mod invariants;
#[path = "../../eventcoder/tests/support/records.rs"]
mod records;

use std::sync::LazyLock;

use eventcoder::Coder;
use proptest::prelude::*;

static CODER: LazyLock<Coder> = LazyLock::new(Coder::new);

/// Pieces of JSON lines: records, broken records, odd fields, escapes, line ends, a
/// byte-order mark, invalid UTF-8.
fn jsonl_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"{\"id\": \"a1\", \"text\": \"Iran accused Israel of the attack.\"}\n".to_vec()),
        Just(b"{\"text\": \"Russia met China.\", \"published\": \"2024-05-02\"}\n".to_vec()),
        Just(b"{\"id\": 7, \"text\": \"NATO condemned Russia.\", \"published\": \" 2021-11-23 \"}\r\n".to_vec()),
        Just(b"{\"id\": null, \"text\": \"\"}\n".to_vec()),
        Just(b"{\"id\": [1, {\"x\": 2.5}], \"text\": \"\\u00e9\\ud83d\\ude00 \\\"q\\\"\"}\n".to_vec()),
        Just(b"{\"text\": \"a\", \"text\": \"b\"}\n".to_vec()),
        Just(b"{\"text\": \"a\", \"published\": \"2021-02-30\"}\n".to_vec()),
        Just(b"{\"text\": \"a\", \"published\": 20210101}\n".to_vec()),
        Just(b"{\"id\": \"x\"}\n".to_vec()),
        Just(b"[\"text\"]\n".to_vec()),
        Just(b"{\"text\": \"\xff\"}\n".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b" \t \n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        "[a-z \"{}:,]{0,12}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..8),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(pick in any::<u8>(), data in prop::collection::vec(any::<u8>(), 0..300)) {
        records::check_jsonl(&data, records::max_line_of(pick), &CODER);
        records::check_text(&data);
    }

    #[test]
    fn jsonl_like_input(pick in any::<u8>(), pieces in prop::collection::vec(jsonl_piece(), 0..12)) {
        let data = pieces.concat();
        records::check_jsonl(&data, records::max_line_of(pick), &CODER);
        records::check_text(&data);
    }
}
