//! The coding pipeline stage by stage, on the same corpus, one thread: each benchmark runs the
//! pipeline up to and including one stage, so a stage's cost is the difference between its
//! line and the line before (the README's Performance table).
//!
//! 1. `tokenize`: text → tokens;
//! 2. `sentences`: + sentence splitting (a block of tokens at a time, as the coder does);
//! 3. `units`: + lexicon units (hyphen splitting, vocabulary keys);
//! 4. `phrases`: + phrase matching against the lexicon automaton;
//! 5. `mentions`: + actor mentions;
//! 6. `clauses`: + verb and nominal predicates (subjects, targets, voice, modality);
//! 7. `events`: the whole coder (`Coder::code`: actors resolved, dates, places, dedup);
//! 8. `json`: + each event serialized as the CLI's JSON line (`write_event_json`); beside it, the
//!    same JSON through the owned `EventRecord`, the path used before, as the reference.
//!
//! Run: `cargo bench -p eventcoder-benches --bench stages`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventcoder::lexicon::{Lexicon, PhraseMatch, Unit};
use eventcoder::output::{CharIndex, EventRecord, write_event_json};
use eventcoder::parse::{mentions, merge_predicates, nominal_predicates, predicates};
use eventcoder::text::{SentenceBlocks, tokenize};
use eventcoder::{Coder, Event};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod corpus;

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Stage {
    Sentences,
    Units,
    Phrases,
    Mentions,
    Clauses,
}

/// Runs the shallow pipeline on `text` up to `last`; returns a count so nothing is optimized out.
fn run(lex: &Lexicon, text: &str, last: Stage) -> usize {
    let mut n = 0;
    let mut blocks = SentenceBlocks::new(text, tokenize(text), 4096);
    let mut units: Vec<Unit> = Vec::new();
    let mut matches: Vec<PhraseMatch> = Vec::new();
    while blocks.advance() {
        n += blocks.sentences().len();
        if last < Stage::Units {
            continue;
        }
        lex.units(text, blocks.tokens(), &mut units);
        n += units.len();
        if last < Stage::Phrases {
            continue;
        }
        let unit_at = |tok: usize| units.partition_point(|u| (u.token as usize) < tok);
        for s in blocks.sentences() {
            let range = unit_at(s.tokens.start)..unit_at(s.tokens.end);
            lex.match_phrases(&units[range.clone()], text, &mut matches);
            for m in &mut matches {
                m.start += range.start;
                m.end += range.start;
            }
            n += matches.len();
            if last < Stage::Mentions {
                continue;
            }
            let ms = mentions(lex, &units, text, range.clone(), &matches);
            n += ms.len();
            if last < Stage::Clauses {
                continue;
            }
            let verbs = predicates(lex, &units, text, range.clone(), &ms, &matches);
            let nominal = nominal_predicates(lex, &units, text, range, &ms, &matches, &verbs);
            n += merge_predicates(verbs, nominal).len();
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let lex = &*Lexicon::builtin();
    let coder = Coder::new();
    let batch = corpus::article_batch(256 * 1024);
    let bytes: usize = batch.iter().map(|a| a.text.len()).sum();
    eprintln!("stage corpus: {} articles, {bytes} bytes", batch.len());

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("1 tokenize", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|a| tokenize(black_box(&a.text)).count())
                .sum::<usize>()
        })
    });
    let stages = [
        ("2 sentences", Stage::Sentences),
        ("3 units", Stage::Units),
        ("4 phrases", Stage::Phrases),
        ("5 mentions", Stage::Mentions),
        ("6 clauses", Stage::Clauses),
    ];
    for (name, stage) in stages {
        g.bench_function(name, |b| {
            b.iter(|| {
                batch
                    .iter()
                    .map(|a| run(lex, black_box(&a.text), stage))
                    .sum::<usize>()
            })
        });
    }
    g.bench_function("7 events", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|a| coder.code(black_box(a)).unwrap().events.len())
                .sum::<usize>()
        })
    });
    // Codes every article and writes each event as a JSON line with `write`; the bytes written.
    let json_lines = |write: &dyn Fn(&Event, &mut CharIndex<'_>, &mut Vec<u8>)| {
        let mut line = Vec::with_capacity(4096);
        let mut n = 0;
        for a in &batch {
            let doc = coder.code(black_box(a)).unwrap();
            let mut ix = CharIndex::new(&a.text);
            for e in &doc.events {
                line.clear();
                write(e, &mut ix, &mut line);
                line.push(b'\n');
                n += line.len();
            }
        }
        n
    };
    g.bench_function("8 json", |b| b.iter(|| json_lines(&write_event_json)));
    // The same JSON through the owned record (what `code` wrote before `write_event_json`), as
    // the reference for the output path's gain.
    g.bench_function("8 json, owned EventRecord (reference)", |b| {
        b.iter(|| {
            json_lines(&|e, ix, line| {
                serde_json::to_writer(line, &EventRecord::new(e, ix)).unwrap();
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
