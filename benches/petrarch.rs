//! PETRARCH/TABARI dictionaries at real scale: the full Phoenix set, which is not in the
//! repository (`../shared/eval/phoenix` beside the checkout). Without it the bench prints a
//! skip message and measures nothing.
//!
//! - `load/phoenix`: `Coder::builder().builtin(false).petrarch_dir(phoenix).build()`, reading
//!   the seven files and compiling them into a lexicon, beside `load/builtin`, the built-in
//!   lexicon's build (`Lexicon::builder().build()`, as `benches/lexicon.rs`).
//! - `code/builtin` and `code/phoenix`: the coder bench's corpus (`benches/coder_body.rs`: the
//!   fixture articles repeated to 256 KiB), one thread, with the built-in lexicon and with the
//!   Phoenix dictionaries alone, in sentences per second.
//!
//! mimalloc, as the CLI and the Python module ship. Peak memory is measured outside criterion:
//! `/usr/bin/time -v target/release/examples/petrarch_load ../shared/eval/phoenix` (README,
//! "PETRARCH/Phoenix dictionaries").
//!
//! Run: `cargo bench -p eventcoder-benches --bench petrarch -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventcoder::Coder;
use eventcoder::lexicon::Lexicon;
use eventcoder::text::{split_sentences, tokenize};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod corpus;

/// `../shared/eval/phoenix` beside the workspace (the folder holding `Cargo.lock`), if present.
fn phoenix() -> Option<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = here.ancestors().find(|d| d.join("Cargo.lock").is_file())?;
    let dir = root.parent()?.join("shared/eval/phoenix");
    dir.join("CAMEO.verbpatterns.150430.txt")
        .is_file()
        .then_some(dir)
}

fn load_phoenix(dir: &PathBuf) -> Coder {
    Coder::builder()
        .builtin(false)
        .petrarch_dir(dir)
        .expect("the Phoenix files are readable")
        .build()
        .expect("the Phoenix set loads")
}

fn bench(c: &mut Criterion) {
    let Some(dir) = phoenix() else {
        eprintln!(
            "petrarch bench SKIPPED: the Phoenix dictionaries are not at ../shared/eval/phoenix \
             beside the checkout"
        );
        return;
    };
    let t = Instant::now();
    let phoenix = load_phoenix(&dir);
    let once = t.elapsed();
    if let Some(s) = phoenix.lexicon().petrarch_summary() {
        eprintln!("{s}");
    }
    eprintln!(
        "phoenix: loaded once in {once:.3?}; {} patterns, {} groups, {} states, {} agents",
        phoenix.lexicon().patterns.len(),
        phoenix.lexicon().groups.len(),
        phoenix.lexicon().states.len(),
        phoenix.lexicon().agents.len()
    );

    let mut g = c.benchmark_group("load");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("builtin", |b| {
        b.iter(|| Lexicon::builder().build().unwrap())
    });
    g.bench_function("phoenix", |b| b.iter(|| load_phoenix(black_box(&dir))));
    g.finish();

    // The coder bench's corpus.
    let batch = corpus::article_batch(256 * 1024);
    let sentences: usize = batch
        .iter()
        .map(|a| {
            let toks: Vec<_> = tokenize(&a.text).collect();
            split_sentences(&a.text, &toks).len()
        })
        .sum();
    let builtin = Coder::new();
    for (name, coder) in [("builtin", &builtin), ("phoenix", &phoenix)] {
        let events: usize = batch
            .iter()
            .map(|a| coder.code(a).unwrap().events.len())
            .sum();
        eprintln!(
            "coding corpus with {name}: {} articles, {sentences} sentences, {events} events",
            batch.len()
        );
    }
    let mut g = c.benchmark_group("code");
    g.sample_size(10).measurement_time(Duration::from_secs(6));
    g.throughput(Throughput::Elements(sentences as u64));
    for (name, coder) in [("builtin", &builtin), ("phoenix", &phoenix)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                batch
                    .iter()
                    .map(|a| coder.code(black_box(a)).unwrap().events.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
