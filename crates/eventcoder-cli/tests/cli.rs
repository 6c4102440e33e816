//! The `eventcoder` binary, end to end: demo, tokens, code (text and JSONL), dictionaries,
//! lexicon stats and bad input.

use std::io::Write;
use std::process::{Command, Stdio};

mod common;

use common::{json_lines, run, run_bytes};

#[test]
fn demo_shows_events() {
    let (code, out, _) = run(&["demo"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("published: 2022-10-18") && out.contains("=> "),
        "{out}"
    );
    assert!(out.contains("KAZGOV") && out.contains("RUSGOV"), "{out}");
}

#[test]
fn tokens_as_json_lines_with_char_spans() {
    let text = "Çavuşoğlu’s “talks”";
    let (code, out, _) = run(&["tokens", "-"], text);
    assert_eq!(code, 0);
    let chars: Vec<char> = text.chars().collect();
    for v in json_lines(&out) {
        let [a, b] = [
            v["char_span"][0].as_u64().unwrap() as usize,
            v["char_span"][1].as_u64().unwrap() as usize,
        ];
        assert_eq!(
            chars[a..b].iter().collect::<String>(),
            v["text"].as_str().unwrap()
        );
    }
}

#[test]
fn code_text_follows_the_output_contract() {
    let text = "date 2021-11-23\nTEHRAN (Reuters) - Iran’s Foreign Minister Hossein Amir-Abdollahian met his Iraqi counterpart Fuad Hussein in Tehran on Monday.";
    let (code, out, err) = run(&["code", "-"], text);
    assert_eq!(code, 0, "{err}");
    let events = json_lines(&out);
    assert!(!events.is_empty(), "no events");
    let chars: Vec<char> = text.chars().collect();
    let e = &events[0];
    for key in [
        "article_id",
        "date",
        "source",
        "target",
        "cameo",
        "plover",
        "sentence",
        "trigger",
        "rule",
        "confidence",
        "location",
        "reported_by",
    ] {
        assert!(e.get(key).is_some(), "missing {key}: {e}");
    }
    assert_eq!(e["date"], "2021-11-22");
    assert_eq!(e["cameo"]["root"], "04");
    assert_eq!(e["plover"]["type"], "CONSULT");
    assert_eq!(e["source"]["country"], "IRN");
    assert_eq!(e["target"]["country"], "IRQ");
    assert_eq!(e["reported_by"], "Reuters");
    for who in ["source", "target"] {
        let span = &e[who]["span"];
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[a..b].iter().collect::<String>(),
            e[who]["text"].as_str().unwrap(),
            "{who} span is in code points"
        );
    }
}

#[test]
fn jsonl_input_require_dyad_and_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"The Kremlin said the talks were useful.\", \"published\": \"2022-03-01\"}\n",
        "not json\n",
        "{\"id\": 7, \"text\": \"Japan condemned North Korea on Friday.\", \"published\": \"2023-04-14\"}\n",
        "{\"id\": \"c\", \"text\": \"x\", \"published\": \"2023-02-30\"}\n",
    );
    let (code, out, err) = run(&["code", "--input", "jsonl", "-"], input);
    assert_eq!(code, 3, "skipped records make the exit code 3");
    assert!(err.contains("line 2") && err.contains("line 4"), "{err}");
    let events = json_lines(&out);
    assert!(
        events
            .iter()
            .any(|e| e["article_id"] == "a" && e["target"].is_null())
    );
    assert!(
        events
            .iter()
            .any(|e| e["article_id"] == "7" && e["cameo"]["code"] == "111")
    );
    let (_, out, _) = run(&["code", "--input", "jsonl", "--require-dyad", "-"], input);
    assert!(json_lines(&out).iter().all(|e| !e["target"].is_null()));
}

#[test]
fn user_dictionary_and_lexicon_stats() {
    let dir = std::env::temp_dir().join(format!("eventcoder-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dict = dir.join("mine.tsv");
    std::fs::write(&dict, "code\tpattern\n111\tgive * dressing-down to {t}\n").unwrap();
    let text = "Russia gave a public dressing-down to Georgia on Monday.";
    let (_, out, _) = run(&["code", "--published", "2021-01-05", "-"], text);
    assert!(
        !out.contains("\"111\""),
        "not coded without the dictionary: {out}"
    );
    let (code, out, err) = run(
        &[
            "code",
            "--published",
            "2021-01-05",
            "--dictionary",
            dict.to_str().unwrap(),
            "-",
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"111\""), "coded with the dictionary: {out}");
    let (code, out, _) = run(&["lexicon", "stats", "--json"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["un_members"], 193);
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "code\tpattern\n999\toops\n").unwrap();
    let (code, _, err) = run(
        &["lexicon", "stats", "--dictionary", bad.to_str().unwrap()],
        "",
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("bad.tsv:2:") && err.contains("unknown CAMEO code"),
        "{err}"
    );
}

/// A bad user dictionary is one error line naming file:line:column and a failure; a pattern
/// the loader cannot use is one warning line, and coding goes on.
#[test]
fn dictionary_errors_and_warnings() {
    let dir = std::env::temp_dir().join(format!("eventcoder-cli-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("agents.tsv");
    std::fs::write(
        &bad,
        "# my roles\nphrases\tcameo\tsector\tflags\nwater minister\tXYZ\tGOV\t\n",
    )
    .unwrap();
    let name = bad.display().to_string();
    for args in [
        vec!["code", "--dictionary", &name, "-"],
        vec!["lexicon", "stats", "--dictionary", &name],
    ] {
        let (code, out, err) = run(&args, "France met Germany.");
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty(), "{out}");
        // The error's line, then a hint.
        assert_eq!(err.lines().count(), 2, "{err}");
        assert!(err.lines().nth(1).unwrap().contains("hint: "), "{err}");
        assert!(
            err.starts_with(&format!(
                "eventcoder: {name}:3:16: unknown agent code \"XYZ\""
            )),
            "{err}"
        );
    }
    let bytes = dir.join("bytes.tsv");
    std::fs::write(&bytes, b"code\tpattern\n042\tvisit \xff\n").unwrap();
    let (code, _, err) = run(
        &["lexicon", "stats", "--dictionary", bytes.to_str().unwrap()],
        "",
    );
    assert_ne!(code, 0);
    assert!(err.contains("bytes.tsv:2:11: invalid UTF-8"), "{err}");

    let odd = dir.join("odd.tsv");
    std::fs::write(
        &odd,
        "code\tpattern\n042\t{t} visit\n043\t* greet\n042\tpay * visit to {t}\n",
    )
    .unwrap();
    let odd_name = odd.display().to_string();
    let (code, out, err) = run(
        &[
            "code",
            "--quiet",
            "--published",
            "2021-01-05",
            "--dictionary",
            &odd_name,
            "-",
        ],
        "Russia's foreign minister paid a surprise visit to Georgia on Monday.",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"042\""), "still codes: {out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!(
            "eventcoder: {odd_name}:2:5: warning: pattern \"{{t}} visit\""
        )),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("eventcoder: {odd_name}:3:5: warning: ")),
        "{err}"
    );
    // Counted by kind in the stats, text and JSON.
    let (code, out, _) = run(
        &["lexicon", "stats", "--json", "--dictionary", &odd_name],
        "",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["warnings"]["unusable_pattern"], 2);
    assert_eq!(v["skipped_patterns"], 2);
    let (code, out, _) = run(&["lexicon", "stats", "--dictionary", &odd_name], "");
    assert_eq!(code, 0);
    assert!(
        out.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["warnings.unusable_pattern", "2"]),
        "{out}"
    );
    // Many warnings: the first 20, then a count.
    let many = dir.join("many.tsv");
    let rows: String = (0..25).map(|i| format!("042\t{{t}} visit{i}\n")).collect();
    std::fs::write(&many, format!("code\tpattern\n{rows}")).unwrap();
    let (code, _, err) = run(
        &["lexicon", "stats", "--dictionary", many.to_str().unwrap()],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(err.lines().count(), 21, "{err}");
    assert!(
        err.lines()
            .last()
            .unwrap()
            .contains("and 5 more dictionary warnings"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_is_a_clear_error() {
    let (code, _, err) = run(&["code", "--published", "2021-13-01", "-"], "x");
    assert_ne!(code, 0);
    assert!(err.contains("invalid date"), "{err}");
    let (code, _, err) = run(&["code", "/no/such/file"], "");
    assert_eq!(code, 1);
    assert!(err.contains("/no/such/file"), "{err}");
    // One line, then one hint line; no panic, no backtrace.
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("eventcoder: /no/such/file: "), "{err}");
    assert!(lines[1].starts_with("  hint: "), "{err}");
    let (code, _, err) = run(&["code", "--no-such-flag", "-"], "");
    assert_eq!(code, 2, "a usage error exits 2: {err}");
}

/// Records with invalid UTF-8, bad JSON or a bad date are reported with their line and skipped;
/// every other record, before and after them, is coded.
#[test]
fn bad_records_lose_nothing_else() {
    let mut input = Vec::new();
    for i in 1..=600 {
        if i == 301 {
            input.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"Japan \xff condemned\"}\n");
        } else {
            input.extend_from_slice(
                format!(
                    "{{\"id\": \"r{i}\", \"text\": \"Japan condemned North Korea on Friday.\"}}\n"
                )
                .as_bytes(),
            );
        }
    }
    let (code, out, err) = run_bytes(&["code", "--quiet", "--input", "jsonl", "-"], &input);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("line 301") && err.contains("UTF-8"), "{err}");
    assert_eq!(err.lines().count(), 1, "--quiet: only the error: {err}");
    // Without --quiet a summary line follows; with --strict the bad line ends the run.
    let (_, _, err) = run_bytes(&["code", "--input", "jsonl", "-"], &input);
    assert!(
        err.lines()
            .last()
            .unwrap()
            .contains("599 articles read, 599 sentences, 599 events, 1 skipped"),
        "{err}"
    );
    let (code, out_strict, err) = run_bytes(&["code", "--strict", "--input", "jsonl", "-"], &input);
    assert_eq!(code, 1, "{err}");
    assert!(
        json_lines(&out_strict).len() <= 300,
        "nothing after line 301 is read"
    );
    let ids: std::collections::BTreeSet<String> = json_lines(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 599, "every good record is coded");
    assert!(!ids.contains("bad"));
}

/// Input limits hold while reading: an endless input is refused after the article limit, not
/// read into memory.
#[test]
fn endless_input_is_refused_while_reading() {
    let zero = "/dev/zero";
    if !std::path::Path::new(zero).exists() {
        eprintln!("skipped: no {zero} on this system");
        return;
    }
    for args in [&["code", zero][..], &["tokens", zero][..]] {
        let (code, _, err) = run(args, "");
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("larger than the article limit"), "{err}");
    }
}

/// A reader that goes away (`| head`) ends the run quietly; so does a closed stderr.
#[test]
fn closed_pipes_end_the_run_quietly() {
    let record = "{\"text\": \"Russia attacked Ukraine. France condemned Germany. China urged Iran to talk.\"}\n";
    let input = record.repeat(2_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_eventcoder"))
        .args(["code", "--input", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    {
        // Read one line of output, then close the pipe.
        let mut first = String::new();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        std::io::BufRead::read_line(&mut out, &mut first).unwrap();
        assert!(first.starts_with('{'), "{first}");
    }
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");

    if cfg!(unix) {
        let bin = env!("CARGO_BIN_EXE_eventcoder");
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("'{bin}' code /no/such/file 2>&-"))
            .status()
            .expect("sh runs");
        assert_eq!(status.code(), Some(1), "a closed stderr is no panic (101)");
    }
}

/// `eval plover-gsr` names the file, line and column of a malformed gold file.
#[test]
fn eval_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("eventcoder-cli-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gold.json");
    std::fs::write(&path, "[{\"id\": \"a\"},\n  {\"id\": tru}]").unwrap();
    let path = path.to_str().unwrap();
    let (code, _, err) = run(&["eval", "plover-gsr", path], "");
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{path}:2:")), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A UTF-8 byte-order mark before a text article or the first JSONL record changes nothing:
/// the `date` header is still read and the first record is still JSON.
#[test]
fn byte_order_marks_change_nothing() {
    let text = "date 2021-06-14\nJapan condemned North Korea on Friday.\n";
    let (code, plain, _) = run(&["code", "-"], text);
    assert_eq!(code, 0);
    let (code, marked, err) = run(&["code", "-"], &format!("\u{feff}{text}"));
    assert_eq!(code, 0, "{err}");
    assert!(plain.contains("\"date\":\"2021-06-11\""), "{plain}");
    assert_eq!(plain, marked);
    let record = "{\"id\": \"a\", \"text\": \"Japan condemned North Korea.\"}\n";
    let (code, out, err) = run(
        &["code", "--input", "jsonl", "-"],
        &format!("\u{feff}{record}"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(json_lines(&out).iter().any(|e| e["article_id"] == "a"));
}

/// `--html` codes the visible text only, with entities decoded, and spans into the HTML.
#[test]
fn html_input_codes_visible_text_with_spans_into_the_html() {
    let page = concat!(
        "<html><head><title>Russia attacked Ukraine</title>",
        "<script>var headline = \"Russia attacked Ukraine\";</script></head>",
        "<body><p>Japan condemned North Korea&#8217;s missile launch on Friday.</p></body></html>",
    );
    let (code, out, err) = run(&["code", "--html", "--published", "2023-04-14", "-"], page);
    assert_eq!(code, 0, "{err}");
    let events = json_lines(&out);
    assert!(
        events.iter().all(|e| e["source"]["country"] != "RUS"),
        "script and title are not coded: {out}"
    );
    let condemn = events
        .iter()
        .find(|e| e["cameo"]["code"] == "111")
        .expect("the paragraph is coded");
    let chars: Vec<char> = page.chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        let (a, b) = (
            v[0].as_u64().unwrap() as usize,
            v[1].as_u64().unwrap() as usize,
        );
        chars[a..b].iter().collect()
    };
    assert_eq!(slice(&condemn["source"]["span"]), "Japan");
    assert_eq!(slice(&condemn["trigger"]["span"]), "condemned");
    // Without --html the markup is text, and the script's sentence is coded.
    let (_, out, _) = run(&["code", "--published", "2023-04-14", "-"], page);
    assert!(
        json_lines(&out)
            .iter()
            .any(|e| e["source"]["country"] == "RUS")
    );
    // JSONL records' texts are HTML too.
    let record = serde_json::json!({"id": "p", "text": page, "published": "2023-04-14"});
    let (code, out, err) = run(
        &["code", "--html", "--input", "jsonl", "-"],
        &format!("{record}\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(json_lines(&out).iter().any(|e| e["cameo"]["code"] == "111"));
    assert!(
        json_lines(&out)
            .iter()
            .all(|e| e["source"]["country"] != "RUS")
    );
}

/// Files, directories and `-` mix; directories are walked in sorted order and filtered by
/// `--glob`; `.jsonl` is read as JSON lines, `.csv` and `.tsv` as tables with a header row;
/// records without ids get FILE:LINE; duplicate ids are reported once and still coded; sources
/// that cannot be read are skipped (exit 3).
#[test]
fn many_inputs_directories_ids_and_duplicates() {
    let dir = std::env::temp_dir().join(format!("eventcoder-cli-inputs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("wire/2021")).unwrap();
    let story =
        |day: u32| format!("date 2021-06-{day:02}\nJapan condemned North Korea on Friday.\n");
    std::fs::write(dir.join("wire/b.txt"), story(14)).unwrap();
    std::fs::write(dir.join("wire/2021/a.txt"), story(15)).unwrap();
    std::fs::write(dir.join("wire/notes.md"), story(16)).unwrap();
    std::fs::write(
        dir.join("wire/table.csv"),
        "id,published,text\nc1,2021-06-14,\"Japan condemned\nNorth Korea, again.\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("wire/bad.tsv"), "id\tbody\nt1\tx\n").unwrap();
    std::fs::write(
        dir.join("records.jsonl"),
        concat!(
            "{\"text\": \"Japan condemned North Korea.\", \"published\": \"2021-06-14\"}\n",
            "{\"id\": \"dup\", \"text\": \"Japan condemned North Korea.\"}\n",
            "{\"id\": \"dup\", \"text\": \"Japan condemned North Korea.\"}\n",
            "{\"id\": \"dup\", \"text\": \"Japan condemned North Korea.\"}\n",
        ),
    )
    .unwrap();
    let wire = dir.join("wire").display().to_string();
    let records = dir.join("records.jsonl").display().to_string();
    let missing = dir.join("missing.txt").display().to_string();

    let (code, out, err) = run(&["code", &wire, &records, &missing, "-"], "");
    assert_eq!(
        code, 3,
        "the TSV without a text column and the missing file are skipped: {err}"
    );
    assert!(
        err.contains("bad.tsv: line 1: the header row has no \"text\" column"),
        "{err}"
    );
    assert!(err.contains("missing.txt"), "{err}");
    assert_eq!(err.matches("duplicate id \"dup\"").count(), 1, "{err}");
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    let mut order: Vec<&str> = Vec::new();
    for id in &ids {
        if order.last() != Some(&id.as_str()) {
            order.push(id);
        }
    }
    assert_eq!(
        order,
        [
            format!("{wire}/2021/a.txt"),
            format!("{wire}/b.txt"),
            "c1".to_string(),
            format!("{records}:1"),
            "dup".to_string(),
        ],
        "sorted walk, then the records, in input order: {ids:?}"
    );
    assert_eq!(ids.iter().filter(|i| *i == "dup").count(), 3);
    assert!(!ids.iter().any(|i| i.ends_with("notes.md")));

    let (code, out, err) = run(&["code", "--glob", "*.md", &wire], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        json_lines(&out)
            .iter()
            .all(|e| e["article_id"].as_str().unwrap().ends_with("notes.md"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--id-field`, `--text-field` and `--published-field` name a JSON record's fields; a text that
/// is missing or no string is an error for its line only.
#[test]
fn record_fields_are_named() {
    let input = concat!(
        "{\"doc_id\": \"x1\", \"body\": \"Japan condemned North Korea on Friday.\", \"date\": \"2021-06-14\"}\n",
        "{\"doc_id\": \"x2\", \"body\": 5}\n",
        "{\"doc_id\": \"x3\", \"text\": \"Japan condemned North Korea.\"}\n",
    );
    let args = [
        "code",
        "--input",
        "jsonl",
        "--id-field",
        "doc_id",
        "--text-field",
        "body",
        "--published-field",
        "date",
        "-",
    ];
    let (code, out, err) = run(&args, input);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("line 2: field \"body\" is not a string"),
        "{err}"
    );
    assert!(err.contains("line 3: no \"body\" field"), "{err}");
    let events = json_lines(&out);
    assert!(!events.is_empty());
    assert!(
        events
            .iter()
            .all(|e| e["article_id"] == "x1" && e["date"] == "2021-06-11"),
        "{out}"
    );
}

/// `--threads` changes nothing in the output, byte for byte; 0 threads is refused.
#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let texts = [
        "Japan condemned North Korea on Friday.",
        "Russia attacked Ukraine. France condemned the attack.",
        "China urged Iran to return to talks with the United States.",
    ];
    let input: String = (0..300)
        .map(|i| {
            serde_json::json!({"id": format!("r{i}"), "text": texts[i % 3], "published": "2023-04-14"})
                .to_string()
                + "\n"
        })
        .collect();
    let outputs: Vec<String> = ["1", "2", "3"]
        .iter()
        .map(|t| {
            let (code, out, err) = run(&["code", "--input", "jsonl", "--threads", t, "-"], &input);
            assert_eq!(code, 0, "{err}");
            out
        })
        .collect();
    assert!(!outputs[0].is_empty());
    assert!(outputs.iter().all(|o| *o == outputs[0]));
    let (code, _, err) = run(&["code", "--threads", "0", "-"], "");
    assert_eq!(code, 1, "{err}");
}

/// A `.gz` file is read decompressed, with the format of the name inside; the article limit
/// holds on the decompressed bytes (a small file that inflates past it is refused).
#[test]
fn gzip_input_is_decompressed_as_a_stream() {
    use flate2::{Compression, write::GzEncoder};
    let dir = std::env::temp_dir().join(format!("eventcoder-cli-gz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gz = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        let mut enc = GzEncoder::new(std::fs::File::create(&path).unwrap(), Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap();
        path.display().to_string()
    };
    let records = gz(
        "records.jsonl.gz",
        b"{\"id\": \"g1\", \"text\": \"Japan condemned North Korea on Friday.\", \"published\": \"2021-06-14\"}\n",
    );
    let (code, out, err) = run(&["code", "--quiet", &records], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        json_lines(&out)
            .iter()
            .any(|e| e["article_id"] == "g1" && e["cameo"]["code"] == "111")
    );
    let bomb = gz("bomb.txt.gz", &vec![b' '; 17 << 20]);
    let (code, _, err) = run(&["code", &bomb], "");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("larger than the article limit"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
