//! End-to-end coding throughput (raw text → events, built-in lexicon, one thread) with mimalloc,
//! the allocator the `eventcoder` CLI and the Python module use. The same measurement with the
//! system allocator is `benches/coder_system_alloc.rs`; the lexicon's own cost is
//! `benches/lexicon.rs`.
//!
//! Run: `cargo bench -p eventcoder-benches --bench coder`

use criterion::{criterion_group, criterion_main};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod coder_body;

criterion_group!(benches, coder_body::bench);
criterion_main!(benches);
