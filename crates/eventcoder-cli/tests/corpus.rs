//! `eventcoder code` on corpora: compressed input, output files written atomically,
//! deduplication across articles, filters, batches larger than the batch budget, and the
//! progress bar.

mod common;

use std::io::Write;

use common::{TempDir, json_lines, run};

fn record(id: &str, text: &str, published: &str) -> String {
    serde_json::json!({"id": id, "text": text, "published": published}).to_string() + "\n"
}

/// A `.zst` file is read decompressed (every frame), with the format of the name inside.
#[test]
fn zstd_input_is_decompressed_as_a_stream() {
    let dir = TempDir::new("zst");
    let path = dir.path("records.jsonl.zst");
    let mut bytes = Vec::new();
    // Two frames, as `cat a.zst b.zst` makes.
    for (id, text) in [
        ("z1", "Japan condemned North Korea on Friday."),
        (
            "z2",
            "China urged Iran to return to talks with the United States.",
        ),
    ] {
        let frame = zstd::encode_all(record(id, text, "2021-06-14").as_bytes(), 3).unwrap();
        bytes.extend(frame);
    }
    std::fs::write(&path, bytes).unwrap();
    let (code, out, err) = run(&["code", "--quiet", &path], "");
    assert_eq!(code, 0, "{err}");
    let ids: Vec<_> = json_lines(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        ids.contains(&"z1".into()) && ids.contains(&"z2".into()),
        "{ids:?}"
    );
    // A file that is not zstd is reported and skipped.
    std::fs::write(dir.path("broken.jsonl.zst"), b"not zstd at all").unwrap();
    let (code, _, err) = run(&["code", "--quiet", &dir.path("broken.jsonl.zst")], "");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("broken.jsonl.zst"), "{err}");
}

/// `--output` writes under a temporary name and renames at the end: a run that fails leaves no
/// file under the requested name, and no temporary file either.
#[test]
fn output_files_are_written_atomically() {
    let dir = TempDir::new("atomic");
    let good = record("a", "Japan condemned North Korea on Friday.", "2021-06-14");
    let out = dir.path("events.jsonl");
    let (code, stdout, err) = run(&["code", "--input", "jsonl", "-o", &out, "-"], &good);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty(), "{stdout}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        json_lines(&written)
            .iter()
            .any(|e| e["cameo"]["code"] == "111"),
        "{written}"
    );
    assert_eq!(dir.names(), ["events.jsonl"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "readable by others: {mode:o}");
    }

    // --strict and a bad record: exit 1, nothing under the name, no temporary file left.
    let bad = format!("{good}not json\n{good}");
    let failed = dir.path("failed.jsonl");
    let (code, _, err) = run(
        &["code", "--input", "jsonl", "--strict", "-o", &failed, "-"],
        &bad,
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(dir.names(), ["events.jsonl"]);

    // An earlier file under the name is replaced only by a finished run.
    let (code, _, _) = run(
        &["code", "--input", "jsonl", "--strict", "-o", &out, "-"],
        &bad,
    );
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);

    // A folder that does not exist is a clear error.
    let (code, _, err) = run(
        &["code", "-o", &dir.path("no/such/dir/x.jsonl"), "-"],
        &good,
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no/such/dir"), "{err}");
}

/// `--dedupe-across-articles`: the same (date, source, target, event code) from several
/// articles is one record, the first in input order, with the articles and mentions counted.
#[test]
fn dedupe_across_articles_keeps_the_first_and_counts() {
    let input = [
        record("a", "Japan condemned North Korea on Friday.", "2021-06-14"),
        record("b", "China urged Iran to return to talks.", "2021-06-14"),
        record(
            "c",
            "Japan strongly condemned North Korea on Friday.",
            "2021-06-14",
        ),
        record("d", "Japan condemned North Korea on Friday.", "2021-06-21"),
    ]
    .concat();
    let (code, plain, err) = run(&["code", "--input", "jsonl", "--quiet", "-"], &input);
    assert_eq!(code, 0, "{err}");
    let plain = json_lines(&plain);
    let (code, out, err) = run(
        &["code", "--input", "jsonl", "--dedupe-across-articles", "-"],
        &input,
    );
    assert_eq!(code, 0, "{err}");
    let events = json_lines(&out);
    let condemn: Vec<_> = events
        .iter()
        .filter(|e| e["cameo"]["code"] == "111")
        .collect();
    assert_eq!(condemn.len(), 2, "{out}");
    assert_eq!(condemn[0]["article_id"], "a");
    assert_eq!(condemn[0]["article_ids"], serde_json::json!(["a", "c"]));
    assert_eq!(condemn[0]["num_articles"], 2);
    assert_eq!(condemn[0]["num_mentions"], 2);
    // The kept record is the first article's, unchanged but for the counts.
    let first = plain
        .iter()
        .find(|e| e["article_id"] == "a" && e["cameo"]["code"] == "111")
        .unwrap();
    for key in ["source", "target", "trigger", "sentence", "rule", "date"] {
        assert_eq!(condemn[0][key], first[key], "{key}");
    }
    // Another week is another event.
    assert_eq!(condemn[1]["article_ids"], serde_json::json!(["d"]));
    assert!(err.contains("after deduplication across articles"), "{err}");
    // Explanations cannot be collapsed.
    let (code, _, err) = run(
        &[
            "code",
            "--dedupe-across-articles",
            "--format",
            "explain",
            "-",
        ],
        &input,
    );
    assert_eq!(code, 1, "{err}");
}

/// `--min-confidence` drops less confident events; a value outside [0, 1] is refused.
#[test]
fn min_confidence_filters() {
    let input = record(
        "a",
        "Japan condemned North Korea on Friday. Officials said Tokyo might consider sanctions.",
        "2021-06-14",
    );
    let (code, out, err) = run(&["code", "--input", "jsonl", "-"], &input);
    assert_eq!(code, 0, "{err}");
    let all = json_lines(&out);
    assert!(!all.is_empty());
    let least = all
        .iter()
        .map(|e| e["confidence"].as_f64().unwrap())
        .fold(f64::INFINITY, f64::min);
    let cut = format!("{}", least + 0.001);
    let (code, out, err) = run(
        &["code", "--input", "jsonl", "--min-confidence", &cut, "-"],
        &input,
    );
    assert_eq!(code, 0, "{err}");
    let kept = json_lines(&out);
    assert!(
        kept.len() < all.len(),
        "{cut}: {} of {}",
        kept.len(),
        all.len()
    );
    assert!(
        kept.iter()
            .all(|e| e["confidence"].as_f64().unwrap() >= least)
    );
    let (code, _, err) = run(&["code", "--min-confidence", "1.5", "-"], &input);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("from 0 to 1"), "{err}");
}

/// Records larger than the batch budget (8 MiB of text) are coded, in order, each in a batch
/// of its own.
#[test]
fn records_larger_than_a_batch_keep_their_order() {
    let filler = "Officials met in the capital on Monday. ".repeat(250_000); // ~10 MB
    let mut input = String::new();
    for i in 0..3 {
        let text = format!("Japan condemned North Korea on Friday. {filler}");
        input += &record(&format!("big{i}"), &text, "2021-06-14");
        input += &record(
            &format!("small{i}"),
            "China urged Iran to return to talks.",
            "2021-06-14",
        );
    }
    let (code, out, err) = run(&["code", "--input", "jsonl", "--quiet", "-"], &input);
    assert_eq!(code, 0, "{err}");
    let mut ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    ids.dedup();
    assert_eq!(
        ids,
        ["big0", "small0", "big1", "small1", "big2", "small2"],
        "{err}"
    );
}

/// The progress bar is drawn on a terminal (here a pseudo-terminal from `script`), and never
/// when stderr is a pipe or under --quiet.
#[test]
fn progress_is_drawn_only_on_a_terminal() {
    let dir = TempDir::new("progress");
    let corpus = dir.path("c.jsonl");
    let mut f = std::fs::File::create(&corpus).unwrap();
    for i in 0..600 {
        f.write_all(
            record(
                &format!("p{i}"),
                "Japan condemned North Korea.",
                "2021-06-14",
            )
            .as_bytes(),
        )
        .unwrap();
    }
    drop(f);
    // Through a pipe: only the summary line.
    let (code, _, err) = run(&["code", &corpus, "-o", &dir.path("o1.jsonl")], "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("600 articles read"), "{err}");

    let Ok(script) = which("script") else {
        eprintln!("SKIP: no `script` command (util-linux) to give the run a terminal");
        return;
    };
    let on_a_terminal = |extra: &str| {
        let command = format!(
            "{} code {corpus} -o {} {extra}",
            env!("CARGO_BIN_EXE_eventcoder"),
            dir.path("o2.jsonl")
        );
        let tty = std::process::Command::new(&script)
            .args(["-qec", &command, "/dev/null"])
            .env("COLUMNS", "120")
            .output()
            .unwrap();
        let shown = String::from_utf8_lossy(&tty.stdout).into_owned();
        assert!(tty.status.success(), "{shown}");
        shown
    };
    // The bar is drawn, then cleared (terminal control sequences), and the summary follows.
    let shown = on_a_terminal("");
    assert!(shown.contains("600 articles read"), "{shown}");
    assert!(shown.contains("\x1b["), "{shown:?}");
    // --quiet draws nothing at all.
    let shown = on_a_terminal("--quiet");
    assert!(
        !shown.contains("\x1b[") && !shown.contains("articles"),
        "{shown:?}"
    );
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}

/// A table's bad records (invalid UTF-8 in a field, a row without its text, a bad date) are
/// reported with file and line and skipped; every other row is coded (exit 3).
#[test]
fn bad_table_rows_lose_nothing_else() {
    let dir = TempDir::new("csvbad");
    let path = dir.path("wire.csv");
    let mut table = b"id,published,text\n".to_vec();
    table.extend_from_slice(b"t1,2021-06-14,Japan condemned North Korea on Friday.\n");
    table.extend_from_slice(b"t2,2021-06-14,\"Iran \xff protested.\"\n");
    table.extend_from_slice(b"t3,2021-06-14\n");
    table.extend_from_slice(b"t4,2021-13-40,China urged Iran to return to talks.\n");
    table.extend_from_slice(b"t5,2021-06-14,\"China urged Iran, again,\nto return to talks.\"\n");
    std::fs::write(&path, table).unwrap();
    let (code, out, err) = run(&["code", &path], "");
    assert_eq!(code, 3, "{err}");
    let ids: std::collections::BTreeSet<String> = json_lines(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["t1", "t5"].map(String::from).into(), "{err}");
    for line in ["line 3", "line 4", "line 5"] {
        assert!(err.contains(&format!("wire.csv: {line}:")), "{line}: {err}");
    }
    assert!(err.contains("3 skipped"), "{err}");
}

fn two_articles() -> String {
    [
        record(
            "w1",
            "MOSCOW (Reuters) - Russia condemned the new sanctions on Tuesday, saying \"they will fail\".",
            "2022-03-01",
        ),
        record(
            "w2",
            "Japan condemned North Korea on Friday. China urged Iran to return to talks.",
            "2021-06-14",
        ),
    ]
    .concat()
}

fn read_table(path: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_path(path)
        .unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|row| row.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// `--format csv|tsv` (or the output's extension) writes the flat layout: the header row is
/// the documented columns, one row per JSON event, with the same codes and spans.
#[test]
fn csv_and_tsv_follow_the_json_events() {
    let dir = TempDir::new("tables");
    let input = two_articles();
    let (code, jsonl, err) = run(&["code", "--input", "jsonl", "-"], &input);
    assert_eq!(code, 0, "{err}");
    let events = json_lines(&jsonl);
    assert!(events.len() >= 3, "{jsonl}");
    for (name, delimiter) in [("e.csv", b','), ("e.tsv", b'\t')] {
        let out = dir.path(name);
        let (code, stdout, err) = run(&["code", "--input", "jsonl", "-o", &out, "-"], &input);
        assert_eq!(code, 0, "{err}");
        assert!(stdout.is_empty());
        let (header, rows) = read_table(&out, delimiter);
        assert_eq!(header, eventcoder_cli::flat::COLUMNS, "{name}");
        assert_eq!(rows.len(), events.len(), "{name}");
        let col = |n: &str| header.iter().position(|h| h == n).unwrap();
        for (row, e) in rows.iter().zip(&events) {
            assert_eq!(row[col("article_id")], e["article_id"].as_str().unwrap());
            assert_eq!(row[col("EventCode")], e["cameo"]["code"].as_str().unwrap());
            assert_eq!(
                row[col("Actor1Code")],
                e["source"]["code"].as_str().unwrap_or("")
            );
            assert_eq!(
                row[col("SQLDATE")],
                e["date"].as_str().unwrap_or("").replace('-', "")
            );
            assert_eq!(
                row[col("trigger_start")],
                e["trigger"]["span"][0].to_string()
            );
            assert_eq!(row[col("NumArticles")], "1");
        }
    }
    // Stdout takes csv too; the explicit --format wins over the extension.
    let (code, out, err) = run(
        &["code", "--input", "jsonl", "--format", "csv", "-"],
        &input,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("SQLDATE,Actor1Code,"), "{out}");
}

/// Parquet: typed columns (dates as date32, spans as integers, contexts a list), zstd, read
/// back with the parquet crate; it needs --output.
#[test]
fn parquet_is_typed_and_needs_an_output_file() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::file::reader::FileReader;
    let dir = TempDir::new("parquet");
    let input = two_articles();
    let (_, jsonl, _) = run(&["code", "--input", "jsonl", "-"], &input);
    let events = json_lines(&jsonl);
    let out = dir.path("events.parquet");
    let (code, _, err) = run(&["code", "--input", "jsonl", "-o", &out, "-"], &input);
    assert_eq!(code, 0, "{err}");
    let file = std::fs::File::open(&out).unwrap();
    let meta = parquet::file::reader::SerializedFileReader::new(file.try_clone().unwrap())
        .unwrap()
        .metadata()
        .clone();
    assert_eq!(meta.file_metadata().num_rows() as usize, events.len());
    assert!(
        meta.row_groups()[0]
            .columns()
            .iter()
            .all(|c| format!("{:?}", c.compression()).starts_with("ZSTD"))
    );
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batch = reader.into_iter().next().unwrap().unwrap();
    let schema = batch.schema();
    let ty = |n: &str| schema.field_with_name(n).unwrap().data_type().to_string();
    assert_eq!(ty("date"), "Date32");
    assert_eq!(ty("trigger_start"), "Int64");
    assert!(
        ty("plover_contexts").starts_with("List("),
        "{}",
        ty("plover_contexts")
    );
    assert_eq!(batch.num_rows(), events.len());

    let (code, _, err) = run(&["code", "--format", "parquet", "-"], &input);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("needs --output"), "{err}");
}

/// Deduplication across articles in a flat table: NumArticles and NumMentions count the
/// collapsed events.
#[test]
fn dedupe_in_a_table_counts_articles() {
    let dir = TempDir::new("dedupe-table");
    let input = [
        record("a", "Japan condemned North Korea on Friday.", "2021-06-14"),
        record("b", "Japan condemned North Korea on Friday.", "2021-06-14"),
        record("c", "Japan condemned North Korea on Friday.", "2021-06-14"),
    ]
    .concat();
    let out = dir.path("d.csv");
    let (code, _, err) = run(
        &[
            "code",
            "--input",
            "jsonl",
            "--dedupe-across-articles",
            "-o",
            &out,
            "-",
        ],
        &input,
    );
    assert_eq!(code, 0, "{err}");
    let (header, rows) = read_table(&out, b',');
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let condemn: Vec<_> = rows
        .iter()
        .filter(|r| r[col("EventCode")] == "111")
        .collect();
    assert_eq!(condemn.len(), 1, "{rows:?}");
    assert_eq!(condemn[0][col("NumArticles")], "3");
    assert_eq!(condemn[0][col("NumMentions")], "3");
    assert_eq!(condemn[0][col("article_id")], "a");
}
