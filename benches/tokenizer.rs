//! Tokenizer and sentence-splitter throughput against unicode-segmentation's UAX #29 word
//! segmentation, on the same 5+ MB of wire-story text (with curly quotes and non-ASCII names).
//!
//! Run: `cargo bench -p eventcoder-benches --bench tokenizer`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventcoder::text::{split_sentences, tokenize};
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

fn bench(c: &mut Criterion) {
    let text = corpus::corpus(5 * 1024 * 1024);
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    eprintln!(
        "corpus: {} bytes, {} non-ASCII chars",
        text.len(),
        non_ascii
    );

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("eventcoder::tokenize", |b| {
        b.iter(|| tokenize(black_box(&text)).count())
    });
    g.bench_function("unicode_segmentation::split_word_bounds", |b| {
        b.iter(|| black_box(&text).split_word_bounds().count())
    });
    g.bench_function("unicode_segmentation::unicode_words", |b| {
        b.iter(|| black_box(&text).unicode_words().count())
    });
    // The memory-speed reference: one SIMD scan of the same bytes for a byte UTF-8 never has.
    g.bench_function("memchr scan (memory-speed reference)", |b| {
        b.iter(|| memchr::memchr(0xFF, black_box(text.as_bytes())).is_none())
    });
    g.finish();

    let tokens = tokenize(&text).into_vec();
    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("split_sentences (tokens given)", |b| {
        b.iter(|| split_sentences(&text, black_box(&tokens)).len())
    });
    // (The tokens collected a batch at a time, `Tokens::into_vec`, as a caller holding them all
    // does; `collect()` takes them one by one.)
    g.bench_function("tokenize + split_sentences", |b| {
        b.iter(|| {
            let toks = tokenize(black_box(&text)).into_vec();
            split_sentences(&text, &toks).len()
        })
    });
    g.bench_function("tokenize + split_sentences (collect)", |b| {
        b.iter(|| {
            let toks: Vec<_> = tokenize(black_box(&text)).collect();
            split_sentences(&text, &toks).len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
