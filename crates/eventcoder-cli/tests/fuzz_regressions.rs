//! Inputs the `cli_records` fuzz target (`fuzz/`) found failing, kept as regression tests. Each
//! runs the target's checks (`tests/support/records.rs`) on the fuzzer's own bytes.

#[path = "../../eventcoder/tests/support/invariants.rs"]
mod invariants;
#[path = "../../eventcoder/tests/support/records.rs"]
mod records;

use eventcoder::Coder;
use eventcoder_cli::input::JsonlRecords;

/// A JSON array was read as a record: serde builds a struct from an array of its fields in
/// order, so `[1, "."]` became the article "." with id 1. A record must be an object.
#[test]
fn an_array_is_no_record() {
    let data = b"\xff\xfb\n\n[1,\r\r\".\"][\xb5\xfb\n\n[1,\r\r\".\"]";
    records::check_jsonl(&data[1..], records::max_line_of(data[0]), &Coder::new());

    let input = b"[1, \"Iran protested.\", \"2024-01-02\"]\n \t{\"text\": \"Iran protested.\"}\n";
    let r: Vec<_> = JsonlRecords::new(&input[..])
        .collect::<std::io::Result<_>>()
        .expect("reads");
    assert_eq!(r.len(), 2);
    assert!(
        r[0].as_ref()
            .unwrap_err()
            .message
            .contains("expected a JSON object")
    );
    assert_eq!(r[1].as_ref().unwrap().text, "Iran protested.");
}
