//! One pass of the tokenizer bench's work on 1 MB of the same corpus, for instruction counts
//! under callgrind (which the machine's load does not move, unlike wall-clock time).
//!
//! ```text
//! cargo build --release -p eventcoder-benches --example tokenizer_callgrind
//! valgrind --tool=callgrind $CARGO_TARGET_DIR/release/examples/tokenizer_callgrind count
//! ```
//!
//! Modes: `count` (`tokenize(..).count()`), `split` (tokenize, `Tokens::into_vec`,
//! `split_sentences`), `collect-split` (the same with `collect()`), `uax`
//! (`split_word_bounds(..).count()`) and `none` (only the corpus, to subtract).

use std::hint::black_box;

use eventcoder::text::{split_sentences, tokenize};
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "count".into());
    let text = corpus::corpus(1024 * 1024);
    let n = match mode.as_str() {
        "count" => tokenize(black_box(&text)).count(),
        "split" => {
            let toks = tokenize(black_box(&text)).into_vec();
            split_sentences(&text, &toks).len()
        }
        "collect-split" => {
            let toks: Vec<_> = tokenize(black_box(&text)).collect();
            split_sentences(&text, &toks).len()
        }
        "uax" => black_box(&text).split_word_bounds().count(),
        "none" => 0,
        other => {
            eprintln!("unknown mode {other:?}: count, split, collect-split, uax or none");
            std::process::exit(2);
        }
    };
    println!("{mode}: {n} ({} bytes)", text.len());
}
