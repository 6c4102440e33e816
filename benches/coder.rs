//! End-to-end coding throughput (raw text → events, built-in lexicon, one thread) and the cost
//! of compiling the built-in lexicon: time, and peak heap measured by a counting allocator.
//!
//! Run: `cargo bench -p eventcoder --bench coder`

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventcoder::lexicon::Lexicon;
use eventcoder::text::{split_sentences, tokenize};
use eventcoder::{Article, Coder};

mod corpus;

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        CURRENT.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn bench(c: &mut Criterion) {
    // Lexicon: peak heap of one build, then build time.
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let lex = Lexicon::builder().build().expect("built-in lexicon");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = CURRENT.load(Ordering::Relaxed) - before;
    eprintln!(
        "lexicon build: peak heap {:.1} MB, retained {:.1} MB, {:?}",
        peak as f64 / 1e6,
        kept as f64 / 1e6,
        lex.stats()
    );
    drop(lex);
    let mut g = c.benchmark_group("lexicon");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("build built-in lexicon", |b| {
        b.iter(|| Lexicon::builder().build().unwrap())
    });
    g.finish();

    // Coding: the fixture articles, many times over, one thread.
    let articles: Vec<Article> = corpus::fixture_articles()
        .into_iter()
        .enumerate()
        .map(|(i, t)| Article::new(i.to_string(), t))
        .collect();
    let mut batch = Vec::new();
    while batch.iter().map(|a: &Article| a.text.len()).sum::<usize>() < 256 * 1024 {
        batch.extend(articles.iter().cloned());
    }
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

criterion_group!(benches, bench);
criterion_main!(benches);
