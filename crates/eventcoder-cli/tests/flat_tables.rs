//! The flat table writers (`eventcoder_cli::flat`) through their public API: the same events
//! written as CSV, TSV and Parquet read back as the same table, and each row says what the
//! event's JSON record says.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float32Type, Int8Type, Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use eventcoder::output::{CharIndex, EventRecord};
use eventcoder::{Article, Coder};
use eventcoder_cli::flat::{COLUMNS, DelimitedSink, EventSink, Extra, ParquetSink};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// Articles of my own: one dated, one with non-ASCII text before the events (so code point
/// offsets differ from byte offsets), one without a publication date.
const ARTICLES: &[(&str, &str, Option<&str>)] = &[
    (
        "wire-1",
        "ANKARA, May 4 (Reuters) - Turkish troops shelled Kurdish militants near the Syrian \
         border on Monday, the defence ministry said. Turkey's foreign minister later met the \
         U.S. ambassador in Ankara.",
        Some("2020-05-05"),
    ),
    (
        "wire-2 «Çavuşoğlu»",
        "Çavuşoğlu’s office — «the ministry» — said on Tuesday that Greek police arrested two \
         Turkish journalists in Athens. Greece denied the accusation.",
        Some("2020-05-06"),
    ),
    (
        "wire-3",
        "Russian President Vladimir Putin criticized NATO, and Germany condemned the attack, \
         officials said.",
        None,
    ),
];

struct Coded {
    text: &'static str,
    rec: EventRecord,
}

fn coded() -> Vec<Coded> {
    let coder = Coder::new();
    let mut out = Vec::new();
    for &(id, text, published) in ARTICLES {
        let mut article = Article::new(id, text);
        if let Some(p) = published {
            article = article.with_published_str(p).unwrap();
        }
        let doc = coder.code(&article).unwrap();
        let mut ix = CharIndex::new(text);
        out.extend(doc.events.iter().map(|e| Coded {
            text,
            rec: EventRecord::new(e, &mut ix),
        }));
    }
    out
}

fn extra(i: usize, rec: &EventRecord) -> Extra {
    Extra {
        num_articles: 1 + i % 3,
        num_mentions: rec.mentions + i,
    }
}

fn write_all(mut sink: Box<dyn EventSink + '_>, events: &[Coded]) {
    for (i, c) in events.iter().enumerate() {
        sink.write(&c.rec, extra(i, &c.rec)).unwrap();
    }
    sink.finish().unwrap();
}

fn read_delimited(data: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(data);
    assert_eq!(rd.headers().unwrap(), COLUMNS);
    rd.records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A Parquet cell written as the CSV writer writes it.
fn cell(a: &ArrayRef, row: usize) -> String {
    if a.is_null(row) {
        return String::new();
    }
    match a.data_type() {
        DataType::Utf8 => a.as_string::<i32>().value(row).to_string(),
        DataType::Int32 => format!("{:08}", a.as_primitive::<Int32Type>().value(row)),
        DataType::Int64 => a.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::Int8 => a.as_primitive::<Int8Type>().value(row).to_string(),
        DataType::Float32 => a.as_primitive::<Float32Type>().value(row).to_string(),
        DataType::Boolean => a.as_boolean().value(row).to_string(),
        DataType::Date32 => {
            let days = a.as_primitive::<Date32Type>().value(row);
            Date32Type::to_naive_date_opt(days).unwrap().to_string()
        }
        DataType::List(_) => {
            let items = a.as_list::<i32>().value(row);
            let items = items.as_string::<i32>();
            items
                .iter()
                .map(Option::unwrap)
                .collect::<Vec<_>>()
                .join(";")
        }
        t => panic!("unexpected column type {t}"),
    }
}

fn read_parquet(data: Vec<u8>) -> Vec<Vec<String>> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(data))
        .unwrap()
        .build()
        .unwrap();
    let mut rows = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        let names: Vec<&str> = batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        assert_eq!(names, COLUMNS);
        for row in 0..batch.num_rows() {
            rows.push(batch.columns().iter().map(|a| cell(a, row)).collect());
        }
    }
    rows
}

/// The text of a code point span.
fn chars(text: &str, start: &str, end: &str) -> String {
    let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn csv_tsv_and_parquet_hold_the_same_table() {
    let events = coded();
    assert!(events.len() >= 6, "{} events", events.len());
    assert!(events.iter().any(|c| c.rec.date.is_none()));
    assert!(events.iter().any(|c| !c.text.is_ascii()));

    let mut csv_out = Vec::new();
    write_all(Box::new(DelimitedSink::csv(&mut csv_out, "t.csv")), &events);
    let mut tsv_out = Vec::new();
    write_all(Box::new(DelimitedSink::tsv(&mut tsv_out, "t.tsv")), &events);
    let mut pq_out = Vec::new();
    write_all(
        Box::new(ParquetSink::new(&mut pq_out, "t.parquet").unwrap()),
        &events,
    );

    let csv_rows = read_delimited(&csv_out, b',');
    let tsv_rows = read_delimited(&tsv_out, b'\t');
    let pq_rows = read_parquet(pq_out);
    assert_eq!(csv_rows.len(), events.len());
    assert_eq!(csv_rows, tsv_rows);
    assert_eq!(csv_rows, pq_rows);

    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    for (i, (c, row)) in events.iter().zip(&csv_rows).enumerate() {
        let get = |name: &str| row[col(name)].as_str();
        // What the JSON record says, field by field.
        let json = serde_json::to_value(&c.rec).unwrap();
        let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
        assert_eq!(get("article_id"), s(&json["article_id"]));
        assert_eq!(get("date"), s(&json["date"]));
        assert_eq!(
            get("SQLDATE"),
            s(&json["date"]).replace('-', ""),
            "SQLDATE is the date without dashes"
        );
        assert_eq!(get("date_source"), s(&json["date_source"]));
        assert_eq!(get("EventCode"), s(&json["cameo"]["code"]));
        assert_eq!(get("EventRootCode"), s(&json["cameo"]["root"]));
        assert!(get("EventCode").starts_with(get("EventBaseCode")));
        assert!(get("EventBaseCode").starts_with(get("EventRootCode")));
        assert_eq!(get("QuadClass"), json["cameo"]["quad_class"].to_string());
        // (f32 values: JSON's f64 of them would show the f32 rounding.)
        let goldstein: f32 = get("GoldsteinScale").parse().unwrap();
        assert_eq!(goldstein, c.rec.cameo.goldstein);
        let confidence: f32 = get("confidence").parse().unwrap();
        assert_eq!(confidence, c.rec.confidence);
        assert_eq!(get("plover_type"), s(&json["plover"]["type"]));
        assert_eq!(get("plover_mode"), s(&json["plover"]["mode"]));
        let contexts: Vec<String> = json["plover"]["contexts"]
            .as_array()
            .unwrap()
            .iter()
            .map(s)
            .collect();
        assert_eq!(get("plover_contexts"), contexts.join(";"));
        assert_eq!(get("rule"), s(&json["rule"]));
        assert_eq!(get("reported_by"), s(&json["reported_by"]));
        assert_eq!(get("negated"), json["negated"].to_string());
        assert_eq!(get("sentence_index"), json["sentence"]["index"].to_string());
        assert_eq!(get("ActionGeo_FullName"), s(&json["location"]["name"]));
        assert_eq!(
            get("ActionGeo_CountryCode"),
            s(&json["location"]["country"])
        );
        let e = extra(i, &c.rec);
        assert_eq!(get("NumArticles"), e.num_articles.to_string());
        assert_eq!(get("NumMentions"), e.num_mentions.to_string());
        for (n, who) in [("1", "source"), ("2", "target")] {
            let a = &json[who];
            let actor = |col: &str| get(&format!("Actor{n}{col}")).to_string();
            assert_eq!(actor("Code"), s(&a["code"]));
            assert_eq!(actor("CountryCode"), s(&a["country"]));
            assert_eq!(actor("KnownGroupCode"), s(&a["organization"]));
            assert_eq!(actor("Type1Code"), s(&a["sector"]));
            let name = if a["name"].is_string() {
                &a["name"]
            } else {
                &a["text"]
            };
            assert_eq!(actor("Name"), s(name));
            assert_eq!(get(&format!("{who}_text")), s(&a["text"]));
            if a.is_null() {
                assert_eq!(get(&format!("{who}_start")), "");
                assert_eq!(get(&format!("{who}_end")), "");
            } else {
                // The span is the JSON record's, in code points.
                assert_eq!(get(&format!("{who}_start")), a["span"][0].to_string());
                let text = chars(
                    c.text,
                    get(&format!("{who}_start")),
                    get(&format!("{who}_end")),
                );
                assert_eq!(text, s(&a["text"]));
            }
        }
        let trigger = chars(c.text, get("trigger_start"), get("trigger_end"));
        assert_eq!(trigger, get("trigger"));
        assert_eq!(get("trigger"), s(&json["trigger"]["text"]));
    }
}
