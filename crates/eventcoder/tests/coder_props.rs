//! Property tests for the whole coder: on arbitrary and news-like text it never panics, every
//! span points into the text, no event has source = target, and confidences stay in [0, 1].

use eventcoder::{Article, Coder};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia"),
        Just("Ukraine's"),
        Just("the Kremlin"),
        Just("U.S."),
        Just("Foreign Minister"),
        Just("Sergei Lavrov"),
        Just("his Chinese counterpart"),
        Just("Wang Yi"),
        Just("NATO"),
        Just("Hamas"),
        Just("the two sides"),
        Just("he"),
        Just("they"),
        Just("met"),
        Just("accused"),
        Just("of"),
        Just("was attacked by"),
        Just("did not sign"),
        Just("will visit"),
        Just("refused to meet"),
        Just("called on"),
        Just("to"),
        Just("with"),
        Just("in"),
        Just("Geneva"),
        Just("on Monday"),
        Just("said"),
        Just("that"),
        Just("and"),
        Just(","),
        Just("."),
        Just("\""),
        Just("“"),
        Just("—"),
        Just("\n\n"),
        Just("MOSCOW (Reuters) -"),
        Just("date 2022-02-24\n"),
        Just("Çavuşoğlu"),
        Just("习近平"),
        Just("🇺🇸"),
        Just("whose"),
        Just("who"),
        Just("unless"),
        Just("must"),
        Just("its forces"),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = match Coder::new().code(&Article::new("p", text)) {
        Ok(d) => d,
        Err(_) => return Ok(()), // a malformed date line is a typed error, not a panic
    };
    for e in &doc.events {
        for a in [&e.source, &e.target].into_iter().flatten() {
            prop_assert_eq!(text.get(a.span.start..a.span.end), Some(a.text.as_str()));
        }
        prop_assert_eq!(
            text.get(e.trigger.span.start..e.trigger.span.end),
            Some(e.trigger.text.as_str())
        );
        prop_assert!(
            text.get(e.sentence.span.start..e.sentence.span.end)
                .is_some()
        );
        if let (Some(s), Some(t)) = (&e.source, &e.target) {
            prop_assert!(!s.same_party(t), "source = target: {}", e);
        }
        prop_assert!((0.0..=1.0).contains(&e.confidence));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

    #[test]
    fn newslike_text_codes_cleanly(text in words()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_text_codes_cleanly(text in any::<String>()) {
        check(&text)?;
    }
}
