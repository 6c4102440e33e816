//! Linear time on pathological input (issue 12), text and user dictionaries: 4× the input must
//! take under 6× the time, measured as a ratio within one run (the best of five alternating
//! timings per size, each over calls lasting at least 30 ms), never as an absolute time.

use std::time::{Duration, Instant};

use eventcoder::text::{SentenceBlocks, tokenize};

/// The time of one call of `work` on `input`: calls are repeated until they last at least
/// 30 ms together, so small inputs are not lost in timer and scheduler noise.
fn time_per_call(input: &str, work: &dyn Fn(&str)) -> Duration {
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
}

/// One timing at a time: the tests of this file must not compete with each other for the CPU.
static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Asserts that `work` on `make(4 * n)` takes under 6× its time on `make(n)`. The two sizes are
/// timed in alternation, five rounds, and the best time of each is kept, so that a burst of
/// load from other processes (other test binaries, a busy CI machine) hits both sizes alike.
/// On a machine shared with other builds that is not always enough (ratios of 6.0 and 6.3, on
/// two different cases, were seen on a 2-core machine at a load average of 5, and the same
/// tests passed on the next run), so a ratio at or over the bound is measured again, up to
/// three times five rounds, keeping the best times: quadratic work gives about 16× however often
/// it is measured.
fn assert_linear(name: &str, n: usize, make: &dyn Fn(usize) -> String, work: &dyn Fn(&str)) {
    let (small, large) = (make(n), make(4 * n));
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    work(&small); // warm up
    let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
    let mut ratio = f64::INFINITY;
    for _attempt in 0..3 {
        for _ in 0..5 {
            t1 = t1.min(time_per_call(&small, work));
            t4 = t4.min(time_per_call(&large, work));
        }
        ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        if ratio < 6.0 {
            break;
        }
    }
    assert!(
        ratio < 6.0,
        "{name}: 4x the input ({} -> {} bytes) took {ratio:.1}x the time ({t1:?} -> {t4:?})",
        small.len(),
        large.len()
    );
}

/// A pathological input: its name, a base size and how to make it at a size.
type Case<'a> = (&'a str, usize, &'a dyn Fn(usize) -> String);

/// Tokenizes and splits `text` a block at a time, as the coder does.
fn tokens_and_sentences(text: &str) {
    let mut blocks = SentenceBlocks::new(text, tokenize(text), 4096);
    let mut n = 0;
    while blocks.advance() {
        n += blocks.sentences().len();
    }
    std::hint::black_box(n);
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

/// `words` cycled to `n` words, separated by spaces.
fn cycled(words: &str, n: usize) -> String {
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut out = String::with_capacity(n * 8);
    for w in words.iter().cycle().take(n) {
        out.push_str(w);
        out.push(' ');
    }
    out
}

#[test]
fn coder_is_linear_on_pathological_input() {
    let coder = eventcoder::Coder::new();
    let code = |text: &str| {
        let article = eventcoder::Article::new("t", text)
            .with_published_str("2024-05-01")
            .expect("a valid date");
        std::hint::black_box(coder.code(&article).expect("codes").events.len());
    };
    // Sizes: the small input is far past one sentence's cap, so a search that spans the whole
    // run of text (and not the capped sentence) shows as a ratio near 16.
    let cases: [Case<'_>; 8] = [
        ("one sentence of plain words", 5_000, &|n| {
            cycled("the minister met the president", n)
        }),
        ("one sentence of verbs", 5_000, &|n| {
            cycled("met said visited condemned urged", n)
        }),
        ("actor names in a row", 2_500, &|n| {
            cycled("France Germany Russia Ukraine China Iran Israel Egypt", n)
        }),
        ("actors and verbs in one sentence", 5_000, &|n| {
            cycled(
                "Russia attacked Ukraine and France condemned Germany while China urged Iran, and",
                n,
            )
        }),
        ("many short sentences", 5_000, &|n| {
            cycled(
                "Russia attacked Ukraine. He condemned them. It urged talks with France.",
                n,
            )
        }),
        ("nested quotes and brackets", 20_000, &|n| {
            "(\"[Russia said 'France (met \"Germany".repeat(n / 36) + &")\"]'".repeat(n / 36)
        }),
        ("text without spaces", 250_000, &|n| {
            "Russia-attacked-Ukraine-".repeat(n / 24)
        }),
        ("a run of periods", 250_000, &|n| ".".repeat(n)),
    ];
    for (name, n, make) in cases {
        assert_linear(name, n, make, &code);
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

/// Extracts the visible text of `html` and maps the whole text back.
fn extract_html(html: &str) {
    let h = eventcoder::HtmlText::from_html(html);
    let all = h.original_span(eventcoder::Span::new(0, h.text.len()));
    std::hint::black_box((h.text.len(), all));
}

#[test]
fn html_extraction_and_coding_are_linear_on_pathological_input() {
    let cases: [Case<'_>; 9] = [
        ("nested unclosed tags", 100_000, &|n| {
            "<div><p><b>".repeat(n / 11)
        }),
        ("stray less-than signs", 100_000, &|n| {
            "a < b <".repeat(n / 7)
        }),
        ("an unclosed attribute", 100_000, &|n| {
            "<p title=\"".to_owned() + &"x>y ".repeat(n / 4)
        }),
        ("an unclosed comment", 100_000, &|n| {
            "<!--".to_owned() + &"- -> x ".repeat(n / 7)
        }),
        ("an unclosed script", 100_000, &|n| {
            "<script>".to_owned() + &"</scrip <!-- x".repeat(n / 14)
        }),
        ("references without semicolons", 100_000, &|n| {
            "&amp&#8217&nbsp".repeat(n / 15)
        }),
        ("long reference-like names", 100_000, &|n| {
            "&notanentitynotanentitynotanentity ".repeat(n / 35)
        }),
        ("whitespace and breaks", 100_000, &|n| {
            " \n<br> <p> \t</p>".repeat(n / 16)
        }),
        ("one tag without an end", 100_000, &|n| {
            "<p".to_owned() + &" a=b".repeat(n / 4)
        }),
    ];
    for (name, n, make) in cases {
        assert_linear(name, n, make, &extract_html);
    }
    let coder = eventcoder::Coder::new();
    let code = |html: &str| {
        let article = eventcoder::Article::new("h", html);
        std::hint::black_box(coder.code_html(&article).expect("codes").events.len());
    };
    let cases: [Case<'_>; 2] = [
        ("paragraphs of events", 20_000, &|n| {
            "<p>Russia&#8217;s army attacked Ukraine &amp; France condemned it.</p>".repeat(n / 70)
        }),
        ("one sentence across inline tags", 20_000, &|n| {
            "<b>Russia</b> <i>met</i> <a href=x>France</a> and ".repeat(n / 48)
        }),
    ];
    for (name, n, make) in cases {
        assert_linear(name, n, make, &code);
    }
}
