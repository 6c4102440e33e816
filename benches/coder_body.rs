//! The body of the coding benchmarks (`coder.rs` with mimalloc, `coder_system_alloc.rs`
//! with the system allocator): end-to-end coding of the project's wire-story fixtures.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use eventcoder::Coder;
use eventcoder::lexicon::Lexicon;
use eventcoder::text::{split_sentences, tokenize};

#[path = "corpus.rs"]
mod corpus;

pub fn bench(c: &mut Criterion) {
    Lexicon::builtin(); // compiled once, outside the measurement

    // Coding: the fixture articles, many times over, one thread.
    let batch = corpus::article_batch(256 * 1024);
    let bytes: usize = batch.iter().map(|a| a.text.len()).sum();
    let sentences: usize = batch
        .iter()
        .map(|a| {
            let toks: Vec<_> = tokenize(&a.text).collect();
            split_sentences(&a.text, &toks).len()
        })
        .sum();
    let coder = Coder::new();
    let events: usize = batch
        .iter()
        .map(|a| coder.code(a).unwrap().events.len())
        .sum();
    eprintln!(
        "coding corpus: {} articles, {bytes} bytes, {sentences} sentences, {events} events",
        batch.len()
    );
    let run = |b: &mut criterion::Bencher| {
        b.iter(|| {
            batch
                .iter()
                .map(|a| coder.code(black_box(a)).unwrap().events.len())
                .sum::<usize>()
        })
    };
    let mut g = c.benchmark_group("code");
    g.sample_size(10).measurement_time(Duration::from_secs(6));
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("sentences", run);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes", run);
    g.finish();
}
