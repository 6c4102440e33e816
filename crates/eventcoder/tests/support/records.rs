//! Invariants of the CLI's input readers (`eventcoder_cli::input`), shared by the fuzz target
//! `cli_records` and its stable twin `crates/eventcoder-cli/tests/records_props.rs`. The
//! includer also includes `invariants.rs` as the sibling module `invariants`.
#![allow(dead_code)]

use eventcoder::{Article, Coder, MAX_ARTICLE_BYTES};
use eventcoder_cli::input::{JsonlRecords, MAX_LINE_BYTES, read_text};

use super::invariants;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The reader's line limit for fuzz bytes: the CLI's own for a first byte below 128, else a
/// small one (0-254 bytes) so that over-long lines are exercised too.
pub fn max_line_of(pick: u8) -> usize {
    if pick < 128 {
        MAX_LINE_BYTES
    } else {
        usize::from(pick - 128) * 2
    }
}

/// The lines of `data` as the reader numbers them: (1-based number, bytes before the newline,
/// whether a newline ended it).
fn lines(data: &[u8]) -> Vec<(usize, &[u8], bool)> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let (line, ended) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], true),
            None => (rest, false),
        };
        out.push((out.len() + 1, line, ended));
        rest = &rest[(line.len() + usize::from(ended)).min(rest.len())..];
    }
    out
}

/// Reads `data` as JSON lines with a line limit of `max_line`, as `eventcoder code --input
/// jsonl` does, and checks the records against an independent reading of the same lines:
/// one item per non-blank line, in order, with its line number; an over-long line is an error;
/// a record's fields are what the JSON says; its text is within the article limit and its date
/// reads back. The records that read are then coded as the CLI codes them (`Article::new`,
/// `code_many`), checking every document.
pub fn check_jsonl(data: &[u8], max_line: usize, coder: &Coder) {
    let items = JsonlRecords::with_max_line(data, max_line)
        .collect::<std::io::Result<Vec<_>>>()
        .expect("reading from memory cannot fail");

    let mut expected = Vec::new();
    for (n, raw, ended) in lines(data) {
        let too_long = raw.len() > max_line;
        let content = if ended {
            raw.strip_suffix(b"\r").unwrap_or(raw)
        } else {
            raw
        };
        if too_long || !content.iter().all(u8::is_ascii_whitespace) {
            expected.push((n, content, too_long));
        }
    }
    let got: Vec<usize> = items
        .iter()
        .map(|r| match r {
            Ok(rec) => rec.line,
            Err(e) => e.line,
        })
        .collect();
    let want: Vec<usize> = expected.iter().map(|(n, ..)| *n).collect();
    assert_eq!(got, want, "the line numbers of the items");

    let mut articles = Vec::new();
    for (item, &(n, content, too_long)) in items.iter().zip(&expected) {
        let rec = match item {
            Ok(rec) => rec,
            Err(e) => {
                assert!(!e.message.is_empty(), "line {n}: an empty message");
                continue;
            }
        };
        assert!(
            !too_long,
            "line {n} is over the limit of {max_line} bytes but was read"
        );
        let content = if n == 1 {
            content.strip_prefix(BOM).unwrap_or(content)
        } else {
            content
        };
        let json: serde_json::Value =
            serde_json::from_slice(content).expect("a line read as a record is JSON");
        assert_eq!(
            json["text"].as_str(),
            Some(rec.text.as_str()),
            "line {n}: text"
        );
        let id = match &json["id"] {
            serde_json::Value::Null => format!("stdin:{n}"),
            serde_json::Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        assert_eq!(rec.id, id, "line {n}: id");
        assert_eq!(
            rec.published.map(|d| d.to_string()),
            json["published"].as_str().map(|s| s.trim().to_string()),
            "line {n}: published"
        );
        if let Some(d) = rec.published {
            invariants::date_ok(d, "published");
        }
        assert!(rec.text.len() <= MAX_ARTICLE_BYTES, "line {n}: text length");
        let mut a = Article::new(rec.id.clone(), rec.text.clone());
        a.published = rec.published;
        articles.push(a);
    }

    for (a, doc) in articles.iter().zip(coder.code_many(&articles)) {
        if let Ok(doc) = doc {
            invariants::check_document(&a.text, &doc);
            invariants::check_json(&a.text, &doc);
        }
    }
}

/// Reads `data` as one text article (`eventcoder code --input text`): valid UTF-8 within the
/// article limit, after a leading byte-order mark, reads as exactly that text; anything else is
/// an error.
pub fn check_text(data: &[u8]) {
    let body = data.strip_prefix(BOM).unwrap_or(data);
    let expected = std::str::from_utf8(body)
        .ok()
        .filter(|t| t.len() <= MAX_ARTICLE_BYTES);
    match (read_text("fuzz", data), expected) {
        (Ok(text), Some(want)) => assert_eq!(text, want),
        (Err(e), None) => assert!(!e.to_string().is_empty()),
        (got, want) => panic!("read_text gave {got:?}, expected {want:?}"),
    }
}
