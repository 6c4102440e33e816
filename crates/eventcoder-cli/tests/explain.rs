//! `eventcoder explain`, `eventcoder lexicon lookup`, `eventcoder completions` and the examples
//! in every subcommand's help, end to end.

mod common;

use common::run;

/// The lines of `out` from the one starting with `[index]` to the next blank line.
fn sentence_block(out: &str, index: usize) -> String {
    let start = format!("[{index}] ");
    out.lines()
        .skip_while(|l| !l.starts_with(&start))
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

const ARTICLE: &str = "date 2024-03-06\n\
    Armenian Prime Minister Nikol Pashinyan met Russian President Vladimir Putin in Moscow on Monday. \
    The weather in Geneva was mild. \
    The talks were held behind closed doors. \
    Israeli troops did not attack Gaza on Sunday. \
    Russia and China could sign a trade deal next year. \
    Iran will respond if the EU imposes sanctions. \
    Pashinyan met Putin in Moscow on Monday.\n";

#[test]
fn explain_names_the_reason_of_every_sentence() {
    let (code, out, err) = run(&["explain", "-"], ARTICLE);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("published: 2024-03-06\n7 sentences, 1 events"),
        "{out}"
    );
    let expect = [
        (0, "=> 1 event(s)"),
        (1, "=> not coded: no trigger"),
        (2, "=> not coded: no actor"),
        (3, "=> not coded: negated"),
        (4, "=> not coded: hypothetical"),
        (5, "=> not coded: hypothetical (conditional)"),
        (6, "=> not coded: duplicate"),
    ];
    for (i, what) in expect {
        let block = sentence_block(&out, i);
        assert!(block.contains(what), "sentence {i}: {what}\n{block}");
    }
    // The coded sentence carries the explanation of its event; triggers show their pattern's
    // file and line.
    let coded = sentence_block(&out, 0);
    assert!(
        coded.contains("ARMGOV (Nikol Pashinyan) -> RUSGOV (Vladimir Putin)"),
        "{coded}"
    );
    assert!(coded.contains("  rule builtin:verbs/"), "{coded}");
    assert!(
        sentence_block(&out, 3).contains("trigger \"attack\" (190 builtin:verbs/"),
        "{out}"
    );
    assert!(
        sentence_block(&out, 6).contains("from sentence 0"),
        "{}",
        sentence_block(&out, 6)
    );
    assert!(
        out.contains("sentences by outcome: events 1, no trigger 1"),
        "{out}"
    );
}

#[test]
fn explain_follows_the_options_of_code() {
    let text = "Israeli troops did not attack Gaza on Sunday.";
    let (code, out, _) = run(
        &[
            "explain",
            "--keep-negated",
            "--published",
            "2024-03-06",
            "-",
        ],
        text,
    );
    assert_eq!(code, 0);
    assert!(sentence_block(&out, 0).contains("=> 1 event(s)"), "{out}");
    let (code, out, _) = run(
        &["explain", "--require-dyad", "-"],
        "Egypt protested on Sunday.",
    );
    assert_eq!(code, 0);
    assert!(out.contains("=> not coded: not a dyad"), "{out}");
}

#[test]
fn explain_of_a_missing_file_or_a_bad_date_fails() {
    let (code, out, err) = run(&["explain", "/nonexistent/article.txt"], "");
    assert_eq!(code, 1);
    assert!(
        out.is_empty() && err.contains("/nonexistent/article.txt"),
        "{err}"
    );
    let (code, _, err) = run(&["explain", "--published", "2024-13-01", "-"], "Text.");
    assert_eq!(code, 1, "{err}");
    let (code, _, _) = run(&["explain"], "");
    assert_eq!(code, 2);
}

/// The 1-based line of the data file `name` that starts with `prefix`.
fn data_line(name: &str, prefix: &str) -> usize {
    let path = format!("{}/../eventcoder/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(path).unwrap();
    1 + data.lines().position(|l| l.starts_with(prefix)).unwrap()
}

#[test]
fn lookup_prints_entries_with_file_and_line_and_the_code() {
    let (code, out, err) = run(&["lexicon", "lookup", "Tajik Foreign Minister"], "");
    assert_eq!(code, 0, "{err}");
    let states = format!("(builtin:states.tsv:{})", data_line("states.tsv", "TJK\t"));
    let agents = format!(
        "(builtin:agents.tsv:{})",
        data_line("agents.tsv", "foreign minister;")
    );
    assert!(
        out.contains(&format!(
            "\"Tajik\" state adjective: Tajikistan (iso3 TJK, CAMEO TJK)  {states}"
        )),
        "{out}"
    );
    assert!(
        out.contains("\"Foreign Minister\" role:") && out.contains(&agents),
        "{out}"
    );
    assert!(
        out.contains("\"Tajik Foreign Minister\" => TJKGOV"),
        "{out}"
    );
    assert!(out.ends_with("code: TJKGOV\n"), "{out}");
}

#[test]
fn lookup_resolves_office_holders_by_date() {
    let line = data_line(
        "officeholders_world.tsv",
        "TJK\tforeign_minister\tHamrokhon Zarifi",
    );
    let (code, out, _) = run(
        &[
            "lexicon",
            "lookup",
            "--date",
            "2010-05-01",
            "Hamrokhon Zarifi",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!(
            "term foreign_minister of TJK from 2006-12-01 to 2013-11-30 (builtin:officeholders_world.tsv:{line})  <- on the date"
        )),
        "{out}"
    );
    assert!(out.ends_with("code: TJKGOV\n"), "{out}");
    let (_, out, _) = run(
        &[
            "lexicon",
            "lookup",
            "--date",
            "2020-05-01",
            "Hamrokhon Zarifi",
        ],
        "",
    );
    assert!(out.ends_with("code: TJKELI\n"), "{out}");
}

#[test]
fn lookup_of_an_unknown_phrase_says_so_and_succeeds() {
    let (code, out, _) = run(&["lexicon", "lookup", "Zorblax Quuxington"], "");
    assert_eq!(code, 0);
    assert!(out.contains("no entry matched"), "{out}");
    let (code, out, _) = run(&["lexicon", "lookup", "--json", "Zorblax Quuxington"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["entries"].as_array().map(Vec::len), Some(0));
    let (code, _, _) = run(&["lexicon", "lookup", "--date", "yesterday", "Iran"], "");
    assert_eq!(code, 1);
}

#[test]
fn lookup_json_and_user_dictionaries() {
    let dir = std::env::temp_dir().join(format!("eventcoder-lookup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.tsv");
    std::fs::write(
        &path,
        "phrases\tcameo\tsector\tflags\nwater minister\tGOV\tGOV\ttitle\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let (code, out, err) = run(
        &[
            "lexicon",
            "lookup",
            "--dictionary",
            p,
            "--json",
            "Tajik water minister",
        ],
        "",
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entry = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "water minister")
        .unwrap()
        .clone();
    assert_eq!(entry["origin"]["file"], p);
    assert_eq!(entry["origin"]["line"], 2);
    assert_eq!(v["mentions"][0]["actors"][0]["code"], "TJKGOV");
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, err) = run(&["completions", shell], "");
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(
            out.len() > 200 && out.contains("eventcoder"),
            "{shell}: {out}"
        );
        // Every subcommand is completed.
        for sub in ["explain", "lookup", "completions", "plover-gsr"] {
            assert!(out.contains(sub), "{shell}: {sub}");
        }
    }
    let (code, _, _) = run(&["completions", "tcsh"], "");
    assert_eq!(code, 2);
}

#[test]
fn every_subcommand_help_has_examples() {
    let commands: [&[&str]; 13] = [
        &["demo"],
        &["tokens"],
        &["code"],
        &["explain"],
        &["lexicon"],
        &["lexicon", "stats"],
        &["lexicon", "lookup"],
        &["eval"],
        &["eval", "fixtures"],
        &["eval", "plover-gsr"],
        &["completions"],
        &["help", "explain"],
        &["help", "code"],
    ];
    for args in commands {
        for flag in ["--help", "-h"] {
            let mut all = args.to_vec();
            if args[0] != "help" {
                all.push(flag);
            }
            let (code, out, _) = run(&all, "");
            assert_eq!(code, 0, "{all:?}");
            assert!(out.contains("Examples:\n  eventcoder "), "{all:?}: {out}");
        }
    }
    let (_, out, _) = run(&["code", "--help"], "");
    for line in [
        "Exit codes:",
        "0  everything was coded",
        "1  fatal error",
        "2  usage error",
        "3  finished, but some",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
}
