//! Linear time on pathological input (issue 12), text and user dictionaries: 4× the input must
//! take under 6× the time, measured as a ratio within one run (the best of three timings per
//! size, each over calls lasting at least 30 ms), never as an absolute time.

use std::time::{Duration, Instant};

use eventcoder::text::{split_sentences, tokenize};

/// The time of one call of `work` on `input`: calls are repeated until they last at least
/// 30 ms together (so small inputs are not lost in timer and scheduler noise), and the best of
/// three such rounds is kept (so other tests running at the same time matter less).
fn best_of_three(input: &str, work: &dyn Fn(&str)) -> Duration {
    (0..3)
        .map(|_| {
            let mut calls = 1u32;
            loop {
                let t = Instant::now();
                for _ in 0..calls {
                    work(input);
                }
                let elapsed = t.elapsed();
                if elapsed >= Duration::from_millis(30) || calls >= 1 << 12 {
                    break elapsed / calls;
                }
                calls *= 2;
            }
        })
        .min()
        .expect("three runs")
}

/// Asserts that `work` on `make(4 * n)` takes under 6× its time on `make(n)`.
fn assert_linear(name: &str, n: usize, make: &dyn Fn(usize) -> String, work: &dyn Fn(&str)) {
    let (small, large) = (make(n), make(4 * n));
    work(&small); // warm up
    let t1 = best_of_three(&small, work);
    let t4 = best_of_three(&large, work);
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    assert!(
        ratio < 6.0,
        "{name}: 4x the input took {ratio:.1}x the time ({t1:?} -> {t4:?})"
    );
}

/// A pathological input: its name, a base size and how to make it at a size.
type Case<'a> = (&'a str, usize, &'a dyn Fn(usize) -> String);

fn tokens_and_sentences(text: &str) {
    let tokens: Vec<_> = tokenize(text).collect();
    std::hint::black_box(split_sentences(text, &tokens).len());
}

#[test]
fn tokenizer_and_splitter_are_linear_on_pathological_input() {
    // (Sizes small enough that a quadratic path fails in seconds rather than hanging.)
    let cases: [Case<'_>; 4] = [
        ("a run of periods", 20_000, &|n| ".".repeat(n)),
        ("text without spaces", 200_000, &|n| "ab".repeat(n / 2)),
        ("nested quotes and brackets", 200_000, &|n| {
            "(\"[".repeat(n / 6) + &"]\")".repeat(n / 6)
        }),
        ("one long sentence", 200_000, &|n| {
            "the minister met the president ".repeat(n / 31)
        }),
    ];
    for (name, n, make) in cases {
        assert_linear(name, n, make, &tokens_and_sentences);
    }
}

/// Builds a lexicon from `text` alone (no built-ins), keeping going past its warnings.
fn load_dictionary(text: &str) {
    let lex = eventcoder::lexicon::Lexicon::builder()
        .without_builtin()
        .dictionary_str("generated.tsv", text)
        .build()
        .expect("the generated dictionary loads");
    std::hint::black_box(lex.warnings().len());
}

#[test]
fn user_dictionaries_load_in_linear_time() {
    let agents = "phrases\tcameo\tsector\tflags\n";
    let cases: [Case<'_>; 5] = [
        ("distinct phrases", 4_000, &|n| {
            agents.to_string()
                + &(0..n)
                    .map(|i| format!("minister of thing{i}\tGOV\tGOV\ttitle\n"))
                    .collect::<String>()
        }),
        ("one phrase with many senses", 4_000, &|n| {
            agents.to_string() + &"minister\tGOV\tGOV\t\n".repeat(n)
        }),
        ("one row with a long list", 4_000, &|n| {
            let list: Vec<String> = (0..n).map(|i| format!("envoy {i}")).collect();
            format!("{agents}{}\tGOV\tGOV\t\n", list.join(";"))
        }),
        ("distinct patterns", 4_000, &|n| {
            "code\tpattern\n".to_string()
                + &(0..n)
                    .map(|i| format!("042\tvisit * city{i} with {{t}}\n"))
                    .collect::<String>()
        }),
        ("unusable patterns (warnings)", 4_000, &|n| {
            "code\tpattern\n".to_string()
                + &(0..n)
                    .map(|i| format!("042\t{{t}} visit{i}\n"))
                    .collect::<String>()
        }),
    ];
    for (name, n, make) in cases {
        assert_linear(name, n, make, &load_dictionary);
    }
}
