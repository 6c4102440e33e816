//! Loads PETRARCH/TABARI dictionaries from a directory and prints the summary, the load time
//! and the first warnings of each kind: `cargo run --release --example petrarch_load -- DIR`.

use std::collections::BTreeMap;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: petrarch_load DIR [N]")?;
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let t = Instant::now();
    let coder = eventcoder::Coder::builder()
        .builtin(false)
        .petrarch_dir(&dir)?
        .build()?;
    let took = t.elapsed();
    let lex = coder.lexicon();
    if let Some(s) = lex.petrarch_summary() {
        println!("{s}");
    }
    println!("loaded in {took:.3?}; {} patterns", lex.patterns.len());
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for w in lex.warnings() {
        let c = seen.entry(w.kind.as_str()).or_default();
        *c += 1;
        if *c <= n {
            println!("{w}");
        }
    }
    Ok(())
}
