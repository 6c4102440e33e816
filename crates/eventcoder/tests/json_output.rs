//! `write_event_json` (the CLI's JSONL path, written by hand from the event) writes exactly the
//! bytes of serializing the owned `EventRecord`, on every event of the fixtures: articles,
//! every sentence of the event table, non-ASCII text, issues, and dates at the edges of the
//! four-digit years.

use chrono::NaiveDate;
use eventcoder::lexicon::petrarch::PetrarchKind;
use eventcoder::output::{CharIndex, EventRecord, write_event_json};
use eventcoder::{Article, Coder, Event};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

/// Asserts that both paths agree on every event of `text`; returns how many events there were.
fn check(coder: &Coder, article: &Article) -> usize {
    let doc = coder.code(article).unwrap();
    for e in &doc.events {
        assert_same(e, &article.text);
    }
    doc.events.len()
}

fn assert_same(e: &Event, text: &str) {
    let owned = serde_json::to_vec(&EventRecord::new(e, &mut CharIndex::new(text))).unwrap();
    let mut borrowed = Vec::new();
    write_event_json(e, &mut CharIndex::new(text), &mut borrowed);
    assert_eq!(
        String::from_utf8_lossy(&borrowed),
        String::from_utf8_lossy(&owned),
        "event {e}"
    );
}

#[test]
fn borrowed_json_equals_the_record_on_the_fixtures() {
    let coder = Coder::new();
    let mut events = 0;
    let dir = std::fs::read_dir(format!("{FIXTURES}/articles")).unwrap();
    for entry in dir {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let article = Article::new(path.display().to_string(), text)
            .with_published_str("2023-06-01")
            .unwrap();
        events += check(&coder, &article);
    }
    let table = std::fs::read_to_string(format!("{FIXTURES}/events.tsv")).unwrap();
    for line in table.lines().skip(1).filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, published, text, ..] = cols[..] else {
            continue;
        };
        let article = Article::new(id, text)
            .with_published_str(published)
            .unwrap();
        events += check(&coder, &article);
    }
    assert!(
        events > 500,
        "only {events} events: the fixtures did not code"
    );
}

#[test]
fn borrowed_json_equals_the_record_on_unicode_issues_and_edge_dates() {
    let issues = "<ISSUE CATEGORY=\"MIGRATION\" TYPE=\"ALL\">\nn:refugee [REFUGEES]\n</ISSUE>\n";
    let coder = Coder::builder()
        .petrarch_str(PetrarchKind::Issues, "own.issues.txt", issues)
        .build()
        .unwrap();
    let text = "ANKARA, March 3 (Reuters) - Türkiye’s foreign minister Hakan Fidan \
                accused Syria of shelling a refugee convoy near Idlib on Monday, \
                “a grave violation”, and Greece condemned Russia. 🇹🇷";
    let article = Article::new("ü-1", text)
        .with_published_str("2024-03-04")
        .unwrap();
    let doc = coder.code(&article).unwrap();
    assert!(doc.events.len() >= 2, "{:?}", doc.events);
    assert!(
        doc.events
            .iter()
            .any(|e| e.issues.as_ref().is_some_and(|i| !i.is_empty()))
    );
    for e in &doc.events {
        assert_same(e, text);
        // Years outside 1000-9999 and without a date.
        for date in [
            Some(NaiveDate::from_ymd_opt(7, 1, 2).unwrap()),
            Some(NaiveDate::from_ymd_opt(999, 12, 31).unwrap()),
            Some(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
            Some(NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()),
            Some(NaiveDate::from_ymd_opt(-44, 3, 15).unwrap()),
            None,
        ] {
            let mut edited = e.clone();
            edited.date = date;
            edited.reported_by =
                Some("Agence \"France\"-Presse\n\t\\ \u{1}\u{1f}\u{7f}é\u{8}\u{c}\r".into());
            assert_same(&edited, text);
        }
        for x in [0.1, 1.0 / 3.0, 1e-7, 1e20, -0.0, f32::NAN, f32::INFINITY] {
            let mut edited = e.clone();
            edited.confidence = x;
            edited.cameo.goldstein = -x;
            assert_same(&edited, text);
        }
    }
}
