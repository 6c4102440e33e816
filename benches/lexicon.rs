//! The cost of compiling the built-in lexicon: time (criterion) and peak heap, measured by a
//! counting global allocator (in its own bench binary so it does not slow the coder bench).
//!
//! Run: `cargo bench -p eventcoder-benches --bench lexicon`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use eventcoder::lexicon::Lexicon;

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

#[allow(
    unsafe_code,
    reason = "a counting global allocator, forwarding to System"
)]
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
