//! Property tests: the tokenizer and sentence splitter never panic and never lose text.

use eventcoder::text::{SentenceBlocks, parse_header, split_sentences, tokenize};
use proptest::prelude::*;

fn check_reassembles(s: &str) -> Result<(), TestCaseError> {
    let tokens: Vec<_> = tokenize(s).collect();
    let mut rebuilt = String::with_capacity(s.len());
    let mut last = 0;
    for t in &tokens {
        prop_assert!(
            t.start() >= last,
            "tokens overlap or go backwards in {:?}",
            s
        );
        prop_assert!(!t.text(s).is_empty());
        prop_assert_eq!(&s[t.start()..t.end()], t.text(s));
        // The flags the tokenizer computes on the fly are those of the token's text.
        let text = t.text(s);
        prop_assert_eq!(t.is_ascii(), text.is_ascii(), "{:?}", text);
        prop_assert_eq!(
            t.is_capitalized(),
            text.chars().next().is_some_and(char::is_uppercase),
            "{:?}",
            text
        );
        prop_assert_eq!(
            t.is_all_caps(),
            text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase),
            "{:?}",
            text
        );
        let gap = &s[last..t.start()];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-space gap {:?} in {:?}",
            gap,
            s
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(t.text(s));
        last = t.end();
    }
    let tail = &s[last..];
    prop_assert!(
        tail.chars().all(char::is_whitespace),
        "lost tail {:?}",
        tail
    );
    rebuilt.push_str(tail);
    prop_assert_eq!(rebuilt, s);

    let sentences = split_sentences(s, &tokens);
    let mut prev_end = 0;
    for (i, sent) in sentences.iter().enumerate() {
        prop_assert_eq!(sent.index, i);
        prop_assert!(sent.tokens.start >= prev_end && sent.tokens.start < sent.tokens.end);
        prop_assert!(sent.tokens.end <= tokens.len());
        prop_assert_eq!(sent.span.start, tokens[sent.tokens.start].start());
        prev_end = sent.tokens.end;
    }
    let _ = parse_header(s);
    Ok(())
}

/// News-like text: words, names with diacritics, abbreviations, quotes, numbers, emoji.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("Tajikistan’s".to_string()),
        Just("n't".to_string()),
        Just("didn’t".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("—".to_string()),
        Just("…".to_string()),
        Just("$6.2-million".to_string()),
        Just("1,140".to_string()),
        Just("Çavuşoğlu".to_string()),
        Just("Sơn".to_string()),
        Just("习近平".to_string()),
        Just("🇺🇸👍🏽".to_string()),
        Just("https://x.org/a.".to_string()),
        Just("@UN".to_string()),
        Just("#tag".to_string()),
        Just("\n\n".to_string()),
        Just("\n- ".to_string()),
        "[a-zA-Z]{1,8}",
        "[ .,;:!?'\"()\\[\\]-]{1,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

/// Splitting a block of tokens at a time (as the coder does) finds exactly the sentences of
/// splitting all of them at once.
fn check_blocks(s: &str, block_size: usize) -> Result<(), TestCaseError> {
    let tokens: Vec<_> = tokenize(s).collect();
    let whole = split_sentences(s, &tokens);
    let mut blocks = SentenceBlocks::new(s, tokenize(s), block_size);
    let mut found = Vec::new();
    while blocks.advance() {
        for sent in blocks.sentences() {
            let local = &blocks.tokens()[sent.tokens.clone()];
            let global = blocks.in_article(sent);
            prop_assert_eq!(local.len(), global.tokens.len());
            prop_assert_eq!(local[0], tokens[global.tokens.start]);
            found.push(global);
        }
    }
    prop_assert_eq!(found, whole);
    Ok(())
}

/// Runs of sentence ends, closing marks and bullets, where splitting needs to look ahead.
fn punctuation_heavy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia".to_string()),
        Just("said".to_string()),
        Just("Gen.".to_string()),
        Just("U.S.".to_string()),
        Just("...".to_string()),
        Just("\n- ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        "[.!?\"')\\]]{1,12}",
        "[a-z]{1,5}",
    ];
    prop::collection::vec(piece, 0..300).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn blocks_split_like_the_whole(s in newsish(), block_size in 1usize..40) {
        check_blocks(&s, block_size)?;
    }

    #[test]
    fn blocks_split_like_the_whole_on_punctuation(s in punctuation_heavy(), block_size in 1usize..40) {
        check_blocks(&s, block_size)?;
    }

    #[test]
    fn blocks_split_like_the_whole_past_the_sentence_cap(
        s in prop::collection::vec(prop_oneof![Just(",".to_string()), Just(".".to_string()), "[a-z]{1,5}"], 200..900)
            .prop_map(|v| v.join(" ")),
        block_size in 1usize..600,
    ) {
        check_blocks(&s, block_size)?;
    }

    #[test]
    fn blocks_split_like_the_whole_on_arbitrary_text(s in any::<String>(), block_size in 1usize..40) {
        check_blocks(&s, block_size)?;
    }

    #[test]
    fn arbitrary_strings_reassemble(s in any::<String>()) {
        check_reassembles(&s)?;
    }

    #[test]
    fn newslike_strings_reassemble(s in newsish()) {
        check_reassembles(&s)?;
    }

    #[test]
    fn glued_pieces_reassemble(s in prop::collection::vec(newsish(), 1..4).prop_map(|v| v.concat().replace(' ', ""))) {
        check_reassembles(&s)?;
    }
}
