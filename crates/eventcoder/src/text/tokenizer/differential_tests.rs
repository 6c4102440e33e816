//! Differential tests: the batch loop's fast path ([`tokenize`], however its tokens are taken)
//! makes exactly the tokens of the general rules alone ([`tokenize_by_general_rules`]): the
//! same spans, kinds, flags and normalized forms, on generated news-like text, arbitrary text,
//! the fixture articles at every alignment, and (when present) the shared evaluation files.

use proptest::prelude::*;

use super::{Token, tokenize, tokenize_by_general_rules};

/// Every way of taking the tokens of `s` gives the reference tokens.
fn check_same(s: &str) -> Result<(), TestCaseError> {
    let want = tokenize_by_general_rules(s);
    let collected: Vec<Token> = tokenize(s).collect();
    if collected != want {
        let at = collected
            .iter()
            .zip(&want)
            .position(|(a, b)| a != b)
            .unwrap_or(want.len().min(collected.len()));
        return Err(TestCaseError::fail(format!(
            "token {at}: fast {:?} ({:?}), reference {:?} ({:?}) in {s:?}",
            collected.get(at),
            collected.get(at).map(|t| t.text(s)),
            want.get(at),
            want.get(at).map(|t| t.text(s)),
        )));
    }
    let mut one_by_one = Vec::new();
    let mut it = tokenize(s);
    while let Some(t) = it.next() {
        one_by_one.push(t);
        // (A clone taken mid-stream goes on with the same tokens.)
        if one_by_one.len() == 37 {
            let rest: Vec<Token> = it.clone().collect();
            prop_assert_eq!(&rest[..], &want[37..]);
        }
    }
    prop_assert_eq!(&one_by_one, &want);
    let mut folded = Vec::new();
    tokenize(s).for_each(|t| folded.push(t));
    prop_assert_eq!(&folded, &want);
    prop_assert_eq!(tokenize(s).count(), want.len());
    prop_assert_eq!(&tokenize(s).into_vec(), &want);
    let mut it = tokenize(s);
    let first: Vec<Token> = it.by_ref().take(5).collect();
    let mut appended = first.clone();
    it.append_to(&mut appended);
    prop_assert_eq!(&appended, &want);
    Ok(())
}

/// `s` behind prefixes of a few lengths, so that its tokens fall at other offsets of the
/// fast path's blocks of bytes.
fn check_shifted(s: &str) -> Result<(), TestCaseError> {
    for prefix in [
        "",
        "ab ",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z ",
    ] {
        check_same(&format!("{prefix}{s}"))?;
    }
    Ok(())
}

/// `s` behind prefixes of 60 to 66 bytes (spaces, one long run of letters, or words), so that
/// its first tokens start, end or run across the end of the fast path's first block of 64
/// bytes, and the blocks made from where a run starts.
fn check_at_block_ends(s: &str) -> Result<(), TestCaseError> {
    let words = "Iran and the U.S. met, talks on a Tajik-Afghan border plan went on ".repeat(2);
    for k in 60..=66 {
        for prefix in [" ".repeat(k), "a".repeat(k), words[..k].to_string()] {
            check_same(&format!("{prefix}{s}"))?;
        }
    }
    Ok(())
}

/// A piece of news-like text: words of every case, numbers with separators, abbreviations,
/// URLs, clitics, quotes and dashes (ASCII and typographic), names with diacritics,
/// combining marks, CJK, emoji, odd whitespace and controls, and very long runs.
fn piece() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        "[a-z]{1,12}",
        "[A-Z][a-z]{0,10}",
        "[A-Z]{1,6}",
        "[a-zA-Z0-9]{1,16}",
        "[a-zA-Z]{55,140}",
        "[0-9]{55,100}",
        "[A-Za-z]{1,5}[0-9]{1,3}[A-Za-z]{0,3}",
        "[a-z]{1,6}-[a-z]{1,6}",
        "[A-Z][a-z]{1,6}-[A-Z][a-z]{1,6}",
        "[a-z]{1,4}_[a-z]{1,4}",
    ];
    let numbers = prop_oneof![
        "[0-9]{1,3}(,[0-9]{3}){0,3}",
        "[0-9]{1,4}\\.[0-9]{1,3}",
        "[0-9]{1,4}(st|nd|rd|th|s|M|Bn)",
        "\\$[0-9]\\.[0-9]-(million|billion)",
        "[0-9]{1,2}:[0-9]{2}",
        "[0-9]{1,3}[.,][.,]?[0-9]{0,3}[.,]?",
    ];
    let fixed = prop_oneof![
        Just("Gen."),
        Just("Dr."),
        Just("Sept."),
        Just("U.S."),
        Just("U.N.-led"),
        Just("a.m."),
        Just("etc."),
        Just("Inc."),
        Just("F."),
        Just("No."),
        Just("www"),
        Just("WWW."),
        Just("https://example.org/a?b=1"),
        Just("http://x.y/z)."),
        Just("www.mfa.tj,"),
        Just("HTTPS://A.B’"),
        Just("N'T"),
        Just("d’Ivoire"),
        Just("O'Brien"),
        Just("s'"),
        Just("’s"),
        Just("'S"),
        Just("didn’t"),
        Just("--"),
        Just("---"),
        Just("..."),
        Just(".."),
        Just("Çavuşoğlu"),
        Just("Bùi"),
        Just("Sơn"),
        Just("Élysée-Palast"),
        Just("naïve"),
        Just("São"),
        Just("e\u{301}"),
        Just("Cafe\u{301}s"),
        Just("a\u{308}b"),
        Just("习近平"),
        Just("東京"),
        Just("🙂"),
        Just("🇺🇸"),
        Just("👍🏽"),
        Just("👨\u{200d}👩\u{200d}👧"),
        Just("\u{0}"),
        Just("\u{1}"),
        Just("\u{7f}"),
        Just("\u{a0}"),
        Just("\u{2003}"),
        Just("\u{200d}"),
        Just("\u{feff}"),
        Just("\u{85}"),
        Just("\u{b}\u{c}"),
    ]
    .prop_map(str::to_string);
    let marks = prop_oneof![
        "['\"`’‘“”«»′″‚„]",
        "[A-Za-z]{1,6}['’][sStT]",
        "[a-z]{1,5}[nN]['’][tT]",
        "[—–‐‑‒―−…•·▪●]",
        "[-.,;:!?()\\[\\]{}]{1,3}",
        "[$%&+=/*<>|~^_]{1,2}",
        "[@#][A-Za-z_0-9]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![4 => words, 2 => numbers, 3 => fixed, 3 => marks]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(""),
        Just(" "),
        Just(" "),
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n"),
        Just("\t"),
        Just("\r\n"),
        Just(" - "),
    ]
}

fn newslike() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 0..80).prop_map(|v| {
        v.into_iter()
            .flat_map(|(p, s)| [p, s.to_string()])
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn fast_path_matches_general_rules_on_newslike_text(s in newslike()) {
        check_shifted(&s)?;
    }

    #[test]
    fn fast_path_matches_general_rules_at_block_ends(s in newslike()) {
        check_at_block_ends(&s)?;
    }

    #[test]
    fn fast_path_matches_general_rules_on_any_text(s in any::<String>()) {
        check_same(&s)?;
    }

    #[test]
    fn fast_path_matches_general_rules_on_mixed_bytes(
        s in "[ -~\u{80}-\u{3000}\n\t]{0,300}"
    ) {
        check_shifted(&s)?;
    }
}

/// Files of text under `dir` (recursively).
fn text_files(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            text_files(&p, out);
        } else if let Ok(s) = std::fs::read_to_string(&p) {
            out.push(s);
        }
    }
}

#[test]
fn fast_path_matches_general_rules_on_the_fixture_articles_at_every_alignment() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles");
    let mut texts = Vec::new();
    text_files(&dir, &mut texts);
    assert!(
        !texts.is_empty(),
        "no fixture articles in {}",
        dir.display()
    );
    for text in &texts {
        for skip in 0..70 {
            if text.is_char_boundary(skip) {
                check_same(&text[skip..]).unwrap();
            }
        }
    }
}

#[test]
fn fast_path_matches_general_rules_on_the_shared_evaluation_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    if !dir.is_dir() {
        eprintln!(
            "skipped: {} is absent (the shared evaluation files are not in the repository)",
            dir.display()
        );
        return;
    }
    let mut texts = Vec::new();
    text_files(&dir, &mut texts);
    for text in &texts {
        check_same(text).unwrap();
    }
}
