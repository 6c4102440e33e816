//! The library's single-thread coding speed on a JSONL corpus, as the baseline the CLI is
//! measured against (`scripts/bench-cli.py`): the records are read into memory first, then
//! `Coder::code` runs over them on this thread, best of three passes.
//!
//! `cargo run --release -p eventcoder-cli --example library_speed -- corpus.jsonl`
//!
//! It uses mimalloc, as the CLI does, so the two differ only in what the CLI adds.

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use eventcoder::{Article, Coder};
use eventcoder_cli::input::JsonlRecords;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: library_speed CORPUS.jsonl")?;
    let reader = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut articles = Vec::new();
    for rec in JsonlRecords::new(reader) {
        let Ok(rec) = rec? else { continue };
        let mut a = Article::new(rec.id, rec.text);
        a.published = rec.published;
        articles.push(a);
    }
    let coder = Coder::new();
    let mut best = f64::INFINITY;
    let mut events = 0;
    for _ in 0..3 {
        let started = Instant::now();
        events = 0;
        for a in &articles {
            events += coder.code(a)?.events.len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{{\"articles\": {}, \"events\": {events}, \"seconds\": {best:.3}, \"articles_per_s\": {:.0}}}",
        articles.len(),
        articles.len() as f64 / best
    );
    Ok(())
}
