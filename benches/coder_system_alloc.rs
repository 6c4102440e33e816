//! End-to-end coding throughput with the system allocator (what a Rust program gets that does
//! not choose one). See `benches/coder.rs`.
//!
//! Run: `cargo bench -p eventcoder-benches --bench coder_system_alloc`

use criterion::{criterion_group, criterion_main};

#[path = "coder_body.rs"]
mod coder_body;

criterion_group!(benches, coder_body::bench);
criterion_main!(benches);
