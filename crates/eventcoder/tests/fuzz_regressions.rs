//! Inputs the fuzz targets (`fuzz/`) found failing, kept as regression tests. Each runs the same
//! checks as its target (`tests/support/invariants.rs`); the inputs are the fuzzers' own bytes.

#[path = "support/invariants.rs"]
mod invariants;

use eventcoder::Coder;

/// `code_article`: a leading byte-order mark. `Coder::code_text` went through `Article::new`,
/// which removes it, so every span of the result was 3 bytes off in the caller's text.
#[test]
fn code_text_spans_index_text_with_a_byte_order_mark() {
    let text = "\u{feff}V";
    invariants::code_and_check(&Coder::new(), text);

    // The mark is skipped like leading space: a date line after it still counts.
    let text = "\u{feff}date 2024-05-02\nIran summoned the British ambassador on Monday.";
    let doc = Coder::new().code_text(text, None).expect("codes");
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2024-05-02")
    );
    assert!(!doc.events.is_empty());
    invariants::check_document(text, &doc);
}

/// `properties_coder::coding_news_text`: a date resolved past 9999-12-31 was written
/// "+10000-03-03", which is no `YYYY-MM-DD` date (and which eventcoder itself refuses as
/// input). Dates outside the years 0000-9999 now resolve to nothing.
#[test]
fn dates_stay_within_four_digit_years() {
    let coder = Coder::new();
    for text in [
        "date 9999-12-31\n March 3",
        "date 9999-12-31\nIran will sign a deal with Iraq next year.",
        "date 9999-12-31\nIran will meet Iraq on Monday.",
        "date 0000-01-01\nIran met Iraq last week.",
        "date 0000-01-01\nIran met Iraq on Sunday.",
        "date 0000-01-02\nIran met Iraq on December 30.",
        "date 9999-12-30\nTEHRAN, Jan 2 (Reuters) - Iran met Iraq.",
    ] {
        let doc = invariants::code_and_check(&coder, text).expect("codes");
        assert!(doc.published.is_some(), "{text:?}");
    }
}

/// `properties_coder::coding_news_text`: folding verbs of intent into the verb they govern
/// ("refused to meet") removed predicates without renumbering the other predicates' links to
/// the predicate whose subject they inherit, so a link could point past the end (an index out of
/// bounds panic in `Sent::subjects`, taking a whole `code_many` batch down) or at the wrong
/// predicate.
#[test]
fn folded_governors_leave_no_dangling_subject_links() {
    let coder = Coder::new();
    for text in [
        "refused to met threatened to met and met",
        "Iran refused to meet Iraq, threatened to attack Syria and met Turkey and signed a deal.",
        "They refused to meet, pledged to attack and met and signed and visited Iraq.",
    ] {
        invariants::code_and_check(&coder, text).expect("codes");
    }
    // The links still find the subject: the folded event keeps it.
    let doc = coder
        .code_text(
            "Russia refused to meet Ukraine and threatened to attack Kyiv.",
            None,
        )
        .expect("codes");
    let coded: Vec<_> = doc
        .events
        .iter()
        .map(|e| (e.cameo.code, e.source.as_ref().map(|a| a.text.as_str())))
        .collect();
    assert_eq!(coded, [("125", Some("Russia")), ("1384", Some("Russia"))]);
}
