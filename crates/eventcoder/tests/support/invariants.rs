//! Invariants shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`, which include this file with
//! `#[path]`) and their stable twins, the property tests in `tests/properties_coder.rs`.
//!
//! Every check panics on a violation: libFuzzer records a panic as a crash, and proptest catches
//! it and shrinks the input. Each `fuzz_*` function is the whole body of one fuzz target.
#![allow(dead_code)] // each includer uses a different part

use eventcoder::lexicon::{Lexicon, decode_dictionary};
use eventcoder::ontology::{cameo, plover_categories};
use eventcoder::output::{CharIndex, EventRecord};
use eventcoder::text::{TokenKind, parse_header, split_sentences, tokenize};
use eventcoder::{Coder, Document, Error, Span, parse_iso_date};

/// Asserts that `span` lies inside `text` on character boundaries and returns what it covers.
#[track_caller]
pub fn slice<'a>(text: &'a str, span: Span, what: &str) -> &'a str {
    assert!(
        span.start <= span.end,
        "{what}: span {span:?} ends before it starts"
    );
    text.get(span.start..span.end).unwrap_or_else(|| {
        panic!(
            "{what}: span {span:?} is outside the text ({} bytes) or not on char boundaries",
            text.len()
        )
    })
}

/// Asserts that a date is one eventcoder would accept back as input (`YYYY-MM-DD`, year
/// 0000-9999), so every date it writes can be read again.
#[track_caller]
pub fn date_ok(date: chrono::NaiveDate, what: &str) {
    let s = date.to_string();
    match parse_iso_date(&s) {
        Ok(back) => assert_eq!(back, date, "{what}: date {s} does not round-trip"),
        Err(e) => panic!("{what}: date {s} is not a valid YYYY-MM-DD date: {e}"),
    }
}

/// Tokenizer and sentence splitter invariants: tokens are non-empty, on char boundaries, in
/// order, and only whitespace lies between them; sentences are non-empty, in order, cover their
/// tokens exactly, and skip only bullet markers.
pub fn check_tokens(text: &str) {
    let tokens: Vec<_> = tokenize(text).collect();
    let mut last = 0;
    for (i, t) in tokens.iter().enumerate() {
        let covered = slice(text, t.span(), "token");
        assert_eq!(covered, t.text(text), "token {i}");
        assert!(!t.text(text).is_empty(), "empty token {i}");
        assert!(!t.norm(text).is_empty(), "empty normal form of token {i}");
        assert!(t.start() >= last, "token {i} overlaps or goes backwards");
        let gap = &text[last..t.start()];
        assert!(
            gap.chars().all(char::is_whitespace),
            "non-space gap {gap:?} before token {i}"
        );
        last = t.end();
    }
    assert!(
        text[last..].chars().all(char::is_whitespace),
        "text lost after the last token"
    );

    let sentences = split_sentences(text, &tokens);
    let mut next = 0;
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s.index, i, "sentence index");
        assert!(
            s.tokens.start < s.tokens.end && s.tokens.end <= tokens.len(),
            "sentence {i} has tokens {:?} of {}",
            s.tokens,
            tokens.len()
        );
        assert!(s.tokens.start >= next, "sentence {i} overlaps the previous");
        for skipped in &tokens[next..s.tokens.start] {
            assert!(
                matches!(skipped.kind(), TokenKind::Punct | TokenKind::Symbol),
                "sentence {i}: a {:?} token {:?} belongs to no sentence",
                skipped.kind(),
                skipped.text(text)
            );
        }
        slice(text, s.span, "sentence");
        assert_eq!(
            s.span,
            Span::new(
                tokens[s.tokens.start].start(),
                tokens[s.tokens.end - 1].end()
            ),
            "sentence {i} span vs its tokens"
        );
        next = s.tokens.end;
    }
    for skipped in &tokens[next..] {
        assert!(
            matches!(skipped.kind(), TokenKind::Punct | TokenKind::Symbol),
            "a trailing {:?} token {:?} belongs to no sentence",
            skipped.kind(),
            skipped.text(text)
        );
    }

    if let Ok(h) = parse_header(text) {
        assert!(text.is_char_boundary(h.body_start), "header body start");
        if let Some(p) = h.published {
            date_ok(p, "header date");
        }
        if let Some(d) = &h.dateline {
            slice(text, d.span, "dateline");
            slice(text, d.place_span, "dateline place");
            assert!(
                d.span.start >= h.body_start,
                "dateline before the body start"
            );
        }
    }
}

/// Everything a coded document promises about `text`.
pub fn check_document(text: &str, doc: &Document) {
    assert!(
        text.is_char_boundary(doc.body_start),
        "body start {} not on a char boundary",
        doc.body_start
    );
    if let Some(d) = &doc.dateline {
        slice(text, d.span, "dateline");
        slice(text, d.place_span, "dateline place");
    }
    if let Some(p) = doc.published {
        date_ok(p, "published date");
    }
    let mut prev_end = doc.body_start;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert_eq!(s.index, i, "sentence index");
        slice(text, s.span, "sentence");
        assert!(s.span.start >= prev_end, "sentence {i} out of order");
        prev_end = s.span.end;
    }
    for d in &doc.dates {
        slice(text, d.span, "date");
        date_ok(d.date, "date in the text");
        assert!(d.sentence < doc.sentences.len(), "date sentence index");
    }

    for (n, e) in doc.events.iter().enumerate() {
        let what = |part: &str| format!("event {n} ({}) {part}", e.cameo.code);
        for (part, actor) in [("source", &e.source), ("target", &e.target)] {
            if let Some(a) = actor {
                assert_eq!(slice(text, a.span, &what(part)), a.text, "{}", what(part));
            }
        }
        assert_eq!(
            slice(text, e.trigger.span, &what("trigger")),
            e.trigger.text,
            "{}",
            what("trigger")
        );
        slice(text, e.sentence.span, &what("sentence"));
        let s = doc
            .sentences
            .get(e.sentence.index)
            .unwrap_or_else(|| panic!("{}: no sentence {}", what("sentence"), e.sentence.index));
        assert_eq!(s.span, e.sentence.span, "{}", what("sentence span"));
        if let Some(l) = &e.location {
            slice(text, l.span, &what("location"));
        }
        for (k, ev) in e.evidence.iter().enumerate() {
            let part = what(&format!("evidence {k}"));
            assert_eq!(
                slice(text, ev.trigger.span, &part),
                ev.trigger.text,
                "{part}"
            );
            slice(text, ev.sentence.span, &part);
        }

        // The codes come from the tables.
        let entry = cameo(e.cameo.code)
            .unwrap_or_else(|| panic!("{}: code not in the CAMEO table", what("cameo")));
        assert_eq!(
            (e.cameo.root, e.cameo.label, e.cameo.quad_class),
            (entry.root(), entry.label.as_str(), entry.quad_class),
            "{}",
            what("cameo fields")
        );
        assert!((1..=4).contains(&e.cameo.quad_class), "{}", what("quad"));
        let categories = plover_categories();
        if let Some(mode) = &e.plover.mode {
            assert!(
                categories
                    .iter()
                    .any(|c| c.kind == "mode" && &c.name == mode),
                "{}: unknown PLOVER mode {mode:?}",
                what("plover")
            );
        }
        for ctx in &e.plover.contexts {
            assert!(
                categories
                    .iter()
                    .any(|c| c.kind == "context" && c.name == *ctx),
                "{}: unknown PLOVER context {ctx:?}",
                what("plover")
            );
        }
        if let Some(d) = e.date {
            date_ok(d, &what("date"));
        }
        assert!(
            e.confidence.is_finite() && (0.0..=1.0).contains(&e.confidence),
            "{}: confidence {}",
            what("confidence"),
            e.confidence
        );
        if let (Some(s), Some(t)) = (&e.source, &e.target) {
            assert!(!s.same_party(t), "{}: source = target", what("dyad"));
        }
        let _ = e.explain(text);
    }
}

/// The JSON output: every event serializes, its code-point spans cover the same text as its
/// byte spans, and the whole document serializes too.
pub fn check_json(text: &str, doc: &Document) {
    let mut ix = CharIndex::new(text);
    let chars: Vec<char> = text.chars().collect();
    let by_chars = |span: [usize; 2]| -> String {
        assert!(
            span[0] <= span[1] && span[1] <= chars.len(),
            "char span {span:?}"
        );
        chars[span[0]..span[1]].iter().collect()
    };
    for e in &doc.events {
        let rec = EventRecord::new(e, &mut ix);
        let json = serde_json::to_string(&rec).expect("an event record serializes");
        let value: serde_json::Value = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(value["cameo"]["code"], e.cameo.code);
        assert_eq!(by_chars(rec.trigger.span), e.trigger.text);
        for (a, r) in [(&e.source, &rec.source), (&e.target, &rec.target)] {
            if let (Some(a), Some(r)) = (a, r) {
                assert_eq!(by_chars(r.span), a.text);
            }
        }
    }
    serde_json::to_string(doc).expect("a document serializes");
}

/// Codes `text` with `coder` (as raw text: the spans must index `text` itself) and checks
/// everything; `None` for a typed error (a malformed leading `date` line, an oversized article).
pub fn code_and_check(coder: &Coder, text: &str) -> Option<Document> {
    match coder.code_text(text, None) {
        Ok(doc) => {
            check_document(text, &doc);
            check_json(text, &doc);
            Some(doc)
        }
        Err(Error::InvalidDate { .. } | Error::InputTooLarge { .. }) => None,
        Err(e) => panic!("unexpected error kind: {e:?}"),
    }
}

/// The header rows of the dictionary kinds (data/FORMAT.md); a dictionary's kind is recognised
/// by its header row, so fuzz inputs pick one with their first byte.
pub const DICTIONARY_HEADERS: [&str; 14] = [
    "iso3\tcameo\tname\taliases\tadjectives\tdemonyms\tcombining\tcapital\tseats\tstatus",
    "org\tcameo\tsector\tkind\tphrases",
    "phrases\tcameo\tsector\tflags",
    "holder\toffice\tname\tvariants\tstart\tend",
    "name\taliases\tiso3\tkind",
    "name\taliases\tcountry\tkind",
    "code\tpattern",
    "base\tthird\tpast\tparticiple\tgerund",
    "context\tkeywords",
    "word\tclass",
    "group\tcountry\tcameo\tsector\tphrases",
    "iso3\tsector\tphrases",
    "code\tnoun",
    "iso3\tcameo\tname\taliases\tadjectives\tdemonyms\tcapital\tseat_of\tfrom\tto",
];

/// A dictionary file from fuzz bytes: the first byte picks a header row (or none: the bytes
/// are the whole file), the rest is the body, as raw bytes (UTF-8 or not).
pub fn dictionary_file(data: &[u8]) -> Vec<u8> {
    let Some((&pick, rest)) = data.split_first() else {
        return Vec::new();
    };
    match DICTIONARY_HEADERS.get(usize::from(pick) % (DICTIONARY_HEADERS.len() + 1)) {
        Some(header) => [header.as_bytes(), b"\n", rest].concat(),
        None => rest.to_vec(),
    }
}

/// Asserts that a dictionary error or warning position lies inside `file`.
#[track_caller]
fn position_ok(file: &str, position: eventcoder::Position, message: &str) {
    let lines = file.split('\n').count();
    assert!(
        position.line >= 1 && position.line <= lines,
        "line {} of a {lines}-line file: {message}",
        position.line,
    );
    assert!(
        position.offset <= file.len() && file.is_char_boundary(position.offset),
        "offset {} of a {}-byte file: {message}",
        position.offset,
        file.len()
    );
}

/// A user dictionary file as bytes: it decodes (`decode_dictionary`, as a file is read) or
/// fails with a typed error pointing inside it; decoded, it goes through [`check_dictionary`].
pub fn check_dictionary_bytes(bytes: &[u8]) {
    match decode_dictionary("fuzz.tsv", bytes.to_vec()) {
        Ok(text) => check_dictionary(&text),
        Err(Error::Dictionary {
            source_name,
            position,
            message,
        }) => {
            assert_eq!(source_name, "fuzz.tsv");
            let valid = &bytes[..position.offset];
            let valid = std::str::from_utf8(valid).expect("the error offset is where UTF-8 stops");
            assert!(std::str::from_utf8(bytes).is_err(), "{message}");
            assert_eq!(eventcoder::Position::of(valid, position.offset), position);
        }
        Err(e) => panic!("unexpected error kind: {e:?}"),
    }
}

/// Loads `file` as the only dictionary: it must load or fail with a typed dictionary error that
/// points inside the file, and its warnings must point inside it too. A lexicon that loads is
/// then used to find phrases in the file itself and in a short story, checking the spans.
pub fn check_dictionary(file: &str) {
    match Lexicon::builder()
        .without_builtin()
        .dictionary_str("fuzz.tsv", file)
        .build()
    {
        Ok(lex) => {
            for w in lex.warnings() {
                assert_eq!(w.source_name, "fuzz.tsv");
                position_ok(file, w.position, &w.message);
            }
            for text in [
                file,
                "Russia's foreign minister met NATO officials in Geneva.",
            ] {
                for (span, _) in lex.find(text) {
                    slice(text, span, "phrase match");
                }
            }
        }
        Err(Error::Dictionary {
            source_name,
            position,
            message,
        }) => {
            assert_eq!(source_name, "fuzz.tsv");
            assert!(!message.is_empty());
            position_ok(file, position, &message);
        }
        Err(e) => panic!("unexpected error kind: {e:?}"),
    }
}
