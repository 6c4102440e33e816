//! The fuzz targets' stable twins (see `fuzz/`): the same invariant checks
//! (`tests/support/invariants.rs`) run as proptest properties over arbitrary Unicode and over
//! news-like text, plus what a fuzz target cannot see: the output does not depend on the number
//! of threads, on repeating the run, or on which other articles are in the batch.

#[path = "support/invariants.rs"]
mod invariants;

use std::sync::LazyLock;

use eventcoder::{Article, Coder, Document};
use proptest::prelude::*;

static CODER: LazyLock<Coder> = LazyLock::new(Coder::new);

/// Words and marks of wire stories: actors, verbs, function words, punctuation, quotes,
/// brackets, numbers, dates, datelines and line breaks.
fn news_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        // actors
        "Iran",
        "Russia's",
        "the United States",
        "China",
        "Chinese",
        "Ukrainian forces",
        "the Kremlin",
        "Washington",
        "NATO",
        "the European Union",
        "the U.N. Security Council",
        "Prime Minister",
        "President",
        "Foreign Minister",
        "Antony Blinken",
        "Recep Tayyip Erdoğan",
        "police",
        "protesters",
        "rebels",
        "the ministry",
        "its army",
        "he",
        "she",
        "they",
        "his counterpart",
        // verbs
        "met",
        "said",
        "accused",
        "condemned",
        "threatened to",
        "attacked",
        "was attacked by",
        "signed",
        "did not sign",
        "agreed to",
        "will visit",
        "visited",
        "refused to",
        "urged",
        "called on",
        "expelled",
        "imposed sanctions on",
        "arrested",
        "protested against",
        "denied",
        "praised",
        // function words
        "the",
        "a",
        "of",
        "to",
        "with",
        "in",
        "on",
        "and",
        "but",
        "that",
        "who",
        "not",
        "would",
        "after",
        "talks",
        "a deal",
        "an envoy",
        "diplomats",
        "Geneva",
        "Kyiv",
        // punctuation, quotes, brackets
        ".",
        ",",
        ";",
        ":",
        "?",
        "!",
        "...",
        "—",
        "-",
        "\"",
        "“",
        "”",
        "'",
        "’s",
        "(",
        ")",
        "[",
        "]",
        // numbers and dates
        "3",
        "1,200",
        "2.5",
        "17th",
        "on Monday",
        "last week",
        "next year",
        "yesterday",
        "March 3",
        "3 March 2021",
        "2023-12-31",
        "in 1999",
        // headers, datelines, layout
        "date 2022-02-24\n",
        "date 0001-01-01\n",
        "date 9999-12-31\n",
        "date 2021-02-30\n",
        "MOSCOW (Reuters) -",
        "GENEVA, March 4 (AP) --",
        "\n",
        "\n\n",
        "\n- ",
        "\u{feff}",
    ])
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(news_piece(), 0..50).prop_map(|v| v.join(" "))
}

fn published() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
    prop::option::of(
        (0i32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    )
}

/// Codes every article one by one, then in batches on pools of 1, 2 and 4 threads.
fn code_all_ways(articles: &[Article]) -> Vec<Vec<Result<Document, String>>> {
    let plain = |r: eventcoder::Result<Document>| r.map_err(|e| e.to_string());
    let mut runs = vec![articles.iter().map(|a| plain(CODER.code(a))).collect()];
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        runs.push(pool.install(|| CODER.code_many(articles).into_iter().map(plain).collect()));
    }
    runs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, .. ProptestConfig::default() })]

    #[test]
    fn tokens_of_arbitrary_text(text in any::<String>()) {
        invariants::check_tokens(&text);
    }

    #[test]
    fn tokens_of_news_text(text in news_text()) {
        invariants::check_tokens(&text);
    }

    #[test]
    fn coding_arbitrary_text(text in any::<String>()) {
        invariants::code_and_check(&CODER, &text);
    }

    #[test]
    fn coding_news_text(text in news_text(), published in published()) {
        if let Ok(doc) = CODER.code_text(&text, published) {
            invariants::check_document(&text, &doc);
            invariants::check_json(&text, &doc);
        }
    }

    #[test]
    fn arbitrary_dictionaries(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        invariants::check_dictionary_bytes(&invariants::dictionary_file(&bytes));
    }

    #[test]
    fn news_like_dictionaries(
        kind in any::<u8>(),
        rows in prop::collection::vec(
            prop::collection::vec(
                prop_oneof![
                    news_piece().prop_map(str::to_string),
                    Just("USA".to_string()),
                    Just("GOV".to_string()),
                    Just("042".to_string()),
                    Just("2020-01-01".to_string()),
                    Just("*".to_string()),
                    Just("?".to_string()),
                    Just(";".to_string()),
                    Just("+".to_string()),
                    Just("{".to_string()),
                    Just("}".to_string()),
                    "[A-Za-z ]{0,12}",
                ],
                0..8,
            )
            .prop_map(|fields| fields.join("\t")),
            0..8,
        ),
    ) {
        let mut bytes = vec![kind];
        bytes.extend_from_slice(rows.join("\n").as_bytes());
        invariants::check_dictionary_bytes(&invariants::dictionary_file(&bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn same_output_on_any_thread_count_and_on_every_run(
        texts in prop::collection::vec((news_text(), published()), 1..6),
    ) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, p))| Article { published: *p, ..Article::new(format!("a{i}"), t.as_str()) })
            .collect();
        let runs = code_all_ways(&articles);
        for run in &runs[1..] {
            prop_assert_eq!(run, &runs[0]);
        }
        prop_assert_eq!(&code_all_ways(&articles)[0], &runs[0], "a second run differs");
    }

    #[test]
    fn an_article_codes_the_same_whatever_else_is_in_the_batch(
        a in news_text(),
        b in news_text(),
        c in news_text(),
    ) {
        let alone = CODER.code_many(&[Article::new("a", a.as_str())]);
        let batch = CODER.code_many(&[
            Article::new("b", b.as_str()),
            Article::new("a", a.as_str()),
            Article::new("c", c.as_str()),
        ]);
        let show = |r: &eventcoder::Result<Document>| r.as_ref().map_err(|e| e.to_string()).cloned();
        prop_assert_eq!(show(&alone[0]), show(&batch[1]));
    }
}
