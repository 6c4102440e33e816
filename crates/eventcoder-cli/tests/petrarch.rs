//! `eventcoder eval petrarch`: PETRARCH-1's unit suite (`../shared/eval/petrarch1/`, not in the
//! repository) coded from raw text with its validation dictionaries, and a small suite of our
//! own. The shared suite skips with a message where it is absent, and fails then when
//! `EVENTCODER_REQUIRE_ALL=1`.

mod common;

use common::run;

const SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/petrarch1"
);

/// Floors of the 276 valid records, below what was measured (see the commit history). Raise,
/// never lower.
const MIN_PASSED_NO_BUILTIN: usize = 251;
const MIN_PASSED_MERGED: usize = 182;

/// `N passed, M failed` from the last line.
fn counts(out: &str) -> (usize, usize) {
    let last = out.lines().last().unwrap_or("");
    let mut it = last
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty());
    let n = it.next().and_then(|s| s.parse().ok());
    let m = it.next().and_then(|s| s.parse().ok());
    match (n, m) {
        (Some(n), Some(m)) if last.ends_with(" failed") => (n, m),
        _ => panic!("last line is not `N passed, M failed`: {last:?}"),
    }
}

#[test]
fn petrarch_unit_suite() {
    let records = format!("{SUITE}/PETR.UnitTest.records.xml");
    if !std::path::Path::new(&records).is_file() {
        assert!(
            std::env::var("EVENTCODER_REQUIRE_ALL").as_deref() != Ok("1"),
            "PETRARCH-1 unit suite not found at {records} (required: EVENTCODER_REQUIRE_ALL=1)"
        );
        eprintln!("SKIPPED: PETRARCH-1 unit suite not found at {records}");
        return;
    }
    for (extra, floor) in [
        (Some("--no-builtin"), MIN_PASSED_NO_BUILTIN),
        (None, MIN_PASSED_MERGED),
    ] {
        let mut args = vec!["eval", "petrarch", &records, "--petrarch-dir", SUITE];
        args.extend(extra);
        let (code, out, err) = run(&args, "");
        assert_eq!(code, 0, "{err}");
        eprint!("{out}");
        let (passed, failed) = counts(&out);
        assert_eq!(passed + failed, 276, "276 valid records");
        assert!(
            passed >= floor,
            "{extra:?}: {passed} passed < floor {floor}"
        );
        // The loader's summary goes to stderr, after the warnings, as for every command.
        assert!(
            err.lines()
                .any(|l| l.starts_with("eventcoder: 4 PETRARCH/TABARI dictionaries: ")),
            "{err}"
        );
    }
}

#[test]
fn own_suite_scores_records_and_misses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("mine.actors.txt"),
        "ERIADOR [ERI]\n+ERIADORIAN\nRHUDAUR [RHU]\nCARDOLAN [CAR]\n",
    )
    .unwrap();
    std::fs::write(d.join("mine.agents.txt"), "WARDEN [~GOV]\n").unwrap();
    std::fs::write(
        d.join("mine.verbs.txt"),
        "--- CHIDE [111] ---\nCHIDE\n+SCOLD {SCOLDS SCOLDED}\n- * FOR_TREASON [112]\n\n--- VISIT [042:043] ---\nVISIT\n",
    )
    .unwrap();
    std::fs::write(
        d.join("mine.discards.txt"),
        "+HARVEST FESTIVAL\nMONTHS LATER\n",
    )
    .unwrap();
    let records = d.join("records.xml");
    std::fs::write(
        &records,
        r#"<Validation><Sentences>
<Sentence date="19950101" id="A-1" category="VERB" valid="true">
<EventCoding sourcecode="ERI" targetcode="RHU" eventcode="111"></EventCoding>
<Text>Eriador scolded
Rhudaur on Monday.</Text>
<Parse>(ignored</Parse>
</Sentence>
<Sentence date="19950101" id="A-2" category="VERB" valid="true">
<EventCoding sourcecode="ERIGOV" targetcode="RHU" eventcode="112"></EventCoding>
<Text>The Eriador warden chided Rhudaur for treason.</Text>
</Sentence>
<Sentence date="19950101" id="A-3" category="PAIRED" valid="true">
<EventCoding sourcecode="RHU" targetcode="CAR" eventcode="042"></EventCoding>
<EventCoding sourcecode="CAR" targetcode="RHU" eventcode="043"></EventCoding>
<Text>Rhudaur visited Cardolan.</Text>
</Sentence>
<Sentence date="19950101" id="A-4" category="ERROR" valid="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Eriador scolded Rhudaur at the harvest festival.</Text>
</Sentence>
<Sentence date="19950101" id="A-5" category="ERROR" valid="true">
<EventCoding noevents="True"></EventCoding>
<Text>Eriador praised Rhudaur.</Text>
</Sentence>
<Sentence date="19950101" id="A-6" category="VERB" valid="true">
<EventCoding sourcecode="ERI" targetcode="CAR" eventcode="111"></EventCoding>
<Text>Eriador scolded Rhudaur.</Text>
</Sentence>
<Sentence date="19950101" id="A-7" category="VERB" valid="false">
<EventCoding noevents="True"></EventCoding>
<Text>Eriador scolded Rhudaur.</Text>
</Sentence>
</Sentences></Validation>"#,
    )
    .unwrap();
    let (r, d) = (records.to_str().unwrap(), d.to_str().unwrap());
    let (code, out, err) = run(
        &[
            "eval",
            "petrarch",
            r,
            "--petrarch-dir",
            d,
            "--no-builtin",
            "--misses",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(counts(&out), (5, 1), "{out}");
    assert!(
        out.contains("MISS A-6 [VERB]") && out.contains("got ERI RHU 111"),
        "{out}"
    );
    assert!(
        out.contains("(1 records marked valid=\"false\" not scored)"),
        "{out}"
    );
    assert!(out.contains("PAIRED            1      1"), "{out}");

    // A directory without dictionaries, and a records file that is not XML, are clear errors.
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run(
        &[
            "eval",
            "petrarch",
            r,
            "--petrarch-dir",
            empty.path().to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("no dictionary file"), "{err}");
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<Validation>").unwrap();
    let (code, _, err) = run(
        &[
            "eval",
            "petrarch",
            bad.to_str().unwrap(),
            "--petrarch-dir",
            d,
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("bad.xml"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// The dictionary flags of every coding command: --petrarch-dir, --petrarch-verbs,
// --petrarch-actors (repeatable), --petrarch-agents, --petrarch-discards, --petrarch-issues,
// --petrarch-strict and --no-builtin.

/// PETRARCH-format dictionaries written for these tests: an invented rebel group, a state, an
/// agent, two verb blocks, a discard list and an issues file.
const ACTORS: &str = "\
# Actors invented for eventcoder's tests.
NORTHERN_RIVERS_FRONT [SDNREB]
+NRF
CHAD [TCD]
+CHADIAN
+N'DJAMENA
SUDAN [SDN]
+SUDANESE
";
const AGENTS: &str = "HARBOUR_MASTER [~GOV]\n";
const VERBS: &str = "\
# Verb patterns written for eventcoder's tests.
--- RAID [190] ---
RAID
- * + BORDER_POSTS [193]
--- REBUKE [111] ---
REBUKE {REBUKES REBUKED REBUKING}
+CASTIGATE
";
const DISCARDS: &str = "+FOOTBALL MATCH\n";
const ISSUES: &str = "\
<ISSUE CATEGORY=\"MIGRATION\" TYPE=\"ALL\">
n:refugee [REFUGEES]
~refugee status
</ISSUE>
";

/// A wire story in our own words: the first sentence needs the test verbs and actors, the
/// second a built-in verb ("accused") and the test actors, the third the test verbs only.
const STORY: &str = "\
The Northern Rivers Front raided Chadian border posts on Tuesday, driving hundreds of refugees across the frontier.
Chad accused the NRF of harbouring gunmen.
N'Djamena castigated the Northern Rivers Front on Wednesday.
";

/// The test dictionaries in a fresh folder, named as `--petrarch-dir` finds them.
fn test_dictionaries() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("t.actors.txt", ACTORS),
        ("t.agents.txt", AGENTS),
        ("t.verbs.txt", VERBS),
        ("t.discards.txt", DISCARDS),
        ("t.issues.txt", ISSUES),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `(source code, event code, target code, rule)` of each JSON line.
fn coded(out: &str) -> Vec<(String, String, String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    common::json_lines(out)
        .iter()
        .map(|e| {
            (
                s(&e["source"]["code"]),
                s(&e["cameo"]["code"]),
                s(&e["target"]["code"]),
                s(&e["rule"]),
            )
        })
        .collect()
}

fn owned(v: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    v.iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect()
}

#[test]
fn code_with_petrarch_dictionaries_alone_merged_and_file_by_file() {
    let dir = test_dictionaries();
    let d = dir.path().to_str().unwrap();
    let file = |n: &str| dir.path().join(n).display().to_string();
    let verbs_rule = format!("{} `- * + BORDER_POSTS [193]`", file("t.verbs.txt:4"));
    let castigate = format!("{} `CASTIGATE [111]`", file("t.verbs.txt:7"));
    let accuse = "builtin:verbs/conflict.tsv:481 `accuse {t} of`";

    // Alone: the built-in "accused" codes nothing, the test verbs and actors code the rest.
    let args = [
        "code",
        "--published",
        "2024-02-01",
        "--no-builtin",
        "--petrarch-dir",
        d,
        "-",
    ];
    let (code, alone, err) = run(&args, STORY);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        coded(&alone),
        owned(&[
            ("SDNREB", "193", "TCD", &verbs_rule),
            ("TCD", "111", "SDNREB", &castigate)
        ])
    );
    // The loader's summary on stderr, before the run's.
    let summary = err.lines().next().unwrap_or("");
    assert_eq!(
        summary,
        "eventcoder: 5 PETRARCH/TABARI dictionaries: 11 entries read, 0 skipped; no warnings",
        "{err}"
    );
    // --quiet: no summary at all.
    let quiet: Vec<&str> = [&args[..1], &["--quiet"], &args[1..]].concat();
    let (code, out, err) = run(&quiet, STORY);
    assert_eq!((code, out.as_str(), err.as_str()), (0, alone.as_str(), ""));

    // Merged over the built-ins: the built-in "accuse" codes the second sentence too.
    let (code, out, err) = run(
        &[
            "code",
            "--published",
            "2024-02-01",
            "--petrarch-dir",
            d,
            "-",
        ],
        STORY,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        coded(&out),
        owned(&[
            ("SDNREB", "193", "TCD", &verbs_rule),
            ("TCD", "112", "SDNREB", accuse),
            ("TCD", "111", "SDNREB", &castigate)
        ])
    );

    // Named one by one, the same files give the same output, byte for byte.
    let (v, ac, ag, di, is) = (
        file("t.verbs.txt"),
        file("t.actors.txt"),
        file("t.agents.txt"),
        file("t.discards.txt"),
        file("t.issues.txt"),
    );
    let (code, out, err) = run(
        &[
            "code",
            "--published",
            "2024-02-01",
            "--no-builtin",
            "--petrarch-verbs",
            &v,
            "--petrarch-actors",
            &ac,
            "--petrarch-agents",
            &ag,
            "--petrarch-discards",
            &di,
            "--petrarch-issues",
            &is,
            "-",
        ],
        STORY,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, alone);
}

/// Mixing sources: the test actors with the built-in verbs (and states), and the reverse.
#[test]
fn petrarch_actors_with_builtin_verbs_and_verbs_with_builtin_actors() {
    let dir = test_dictionaries();
    let actors = dir.path().join("t.actors.txt").display().to_string();
    let verbs = dir.path().join("t.verbs.txt").display().to_string();
    let text = "The Northern Rivers Front accused Chad of shelling refugee camps on Tuesday.";
    let accuse = "builtin:verbs/conflict.tsv:481 `accuse {t} of`";
    // Without the actors the group is unknown: no code.
    let (code, out, _) = run(&["code", "--published", "2024-02-01", "-"], text);
    assert_eq!(code, 0);
    assert_eq!(coded(&out), owned(&[("-", "112", "TCD", accuse)]));
    let (code, out, err) = run(
        &[
            "code",
            "--published",
            "2024-02-01",
            "--petrarch-actors",
            &actors,
            "-",
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(coded(&out), owned(&[("SDNREB", "112", "TCD", accuse)]));
    assert!(
        err.starts_with("eventcoder: 1 PETRARCH/TABARI dictionary: 3 entries read, 0 skipped"),
        "{err}"
    );

    // The test verbs with the built-in actors (a role of a state, a capital).
    let text = "Sudan's foreign ministry castigated Khartoum's critics in Chad on Monday.";
    let (code, out, err) = run(
        &[
            "code",
            "--published",
            "2024-02-01",
            "--petrarch-verbs",
            &verbs,
            "-",
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    let got = coded(&out);
    assert_eq!(got.len(), 1, "{out}");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str()),
        ("SDNGOV", "111"),
        "{out}"
    );
    assert!(
        got[0].3.ends_with("t.verbs.txt:7 `CASTIGATE [111]`"),
        "{out}"
    );
}

/// A story discard of a loaded discard list codes nothing.
#[test]
fn discard_list_discards_the_story() {
    let dir = test_dictionaries();
    let text = "Chad accused the Northern Rivers Front of fixing a football match on Sunday.";
    let d = dir.path().to_str().unwrap();
    let (_, out, _) = run(
        &[
            "code",
            "--published",
            "2024-02-01",
            "--petrarch-actors",
            &format!("{d}/t.actors.txt"),
            "-",
        ],
        text,
    );
    assert_eq!(coded(&out).len(), 1, "{out}");
    let (code, out, err) = run(
        &[
            "code",
            "--published",
            "2024-02-01",
            "--petrarch-dir",
            d,
            "-",
        ],
        text,
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}

#[test]
fn explain_lookup_and_stats_take_the_flags() {
    let dir = test_dictionaries();
    let d = dir.path().to_str().unwrap();
    let actors = dir.path().join("t.actors.txt").display().to_string();

    let (code, out, err) = run(
        &[
            "explain",
            "--published",
            "2024-02-01",
            "--no-builtin",
            "--petrarch-dir",
            d,
            "-",
        ],
        STORY,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "trigger \"raided\" (193 {d}/t.verbs.txt:4 `- * + BORDER_POSTS [193]`): coded"
        )),
        "{out}"
    );
    // The built-in verb is not loaded: the second sentence has no trigger.
    assert!(
        out.contains("[1] Chad accused the NRF of harbouring gunmen.\n  => not coded: no trigger"),
        "{out}"
    );
    assert!(err.contains("5 PETRARCH/TABARI dictionaries"), "{err}");

    // lookup cites the actor file and line.
    let (code, out, err) = run(
        &[
            "lexicon",
            "lookup",
            "--petrarch-actors",
            &actors,
            "Northern Rivers Front",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "\"Northern Rivers Front\" group: SDNREB (CAMEO SDNREB, sector REB, based in SDN)  ({actors}:2)"
        )),
        "{out}"
    );
    assert!(out.ends_with("code: SDNREB\n"), "{out}");
    let (_, out, _) = run(&["lexicon", "lookup", "Northern Rivers Front"], "");
    assert!(out.contains("no entry matched"), "{out}");

    // stats: only what was loaded, or that merged over the built-ins.
    let stats = |extra: &[&str]| -> serde_json::Value {
        let args: Vec<&str> = [&["lexicon", "stats", "--json"][..], extra].concat();
        let (code, out, err) = run(&args, "");
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let alone = stats(&["--no-builtin", "--petrarch-dir", d]);
    assert_eq!(
        (
            &alone["states"],
            &alone["groups"],
            &alone["agents"],
            &alone["patterns"]
        ),
        (
            &serde_json::json!(2),
            &serde_json::json!(1),
            &serde_json::json!(2), // singular and plural
            &serde_json::json!(4)
        ),
        "{alone}"
    );
    let builtin = stats(&[]);
    let merged = stats(&["--petrarch-dir", d]);
    assert_eq!(
        merged["states"], builtin["states"],
        "Chad and Sudan are no new states"
    );
    // The 4 test patterns merge: "raid", "rebuke" and "castigate" alone replace the built-in
    // patterns of the same text, "raid ... border posts" is new.
    let (m, b) = (
        merged["patterns"].as_u64().unwrap(),
        builtin["patterns"].as_u64().unwrap(),
    );
    assert!(b < m && m <= b + 4, "{m} patterns merged, {b} built in");
}

#[test]
fn dictionary_flag_errors_and_warnings() {
    let dir = test_dictionaries();
    let bad = dir.path().join("bad.actors.txt");
    std::fs::write(&bad, "CHAD [TCD]\nNORTHERN_RIVERS_FRONT [SDNREB <9x]\n").unwrap();
    let bad = bad.display().to_string();
    let text = "Chad castigated Sudan.";
    // A bad line: a warning naming file:line:column, the line skipped and counted.
    let (code, _, err) = run(&["code", "--petrarch-actors", &bad, "-"], text);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err.lines().take(2).collect::<Vec<_>>(),
        [
            format!("eventcoder: {bad}:2:32: warning: bad date \"9x\": YYMMDD or YYYYMMDD"),
            "eventcoder: 1 PETRARCH/TABARI dictionary: 1 entries read, 1 skipped; warnings: bad_line 1".to_string()
        ],
        "{err}"
    );
    // --petrarch-strict: an error with the same position, and a hint for the format.
    for cmd in [
        &["code", "-"][..],
        &["explain", "-"],
        &["lexicon", "stats"],
        &["lexicon", "lookup", "Chad"],
        &["eval", "fixtures", "no-such-table.tsv"],
    ] {
        let args: Vec<&str> = [cmd, &["--petrarch-strict", "--petrarch-actors", &bad]].concat();
        let (code, out, err) = run(&args, text);
        assert_eq!((code, out.as_str()), (1, ""), "{args:?}: {err}");
        assert_eq!(
            err,
            format!(
                "eventcoder: {bad}:2:32: bad date \"9x\": YYMMDD or YYYYMMDD\n  hint: \
                 docs/dictionaries.md describes the PETRARCH-1/TABARI formats read; without \
                 --petrarch-strict a bad line is skipped with a warning\n"
            ),
            "{args:?}"
        );
    }
    // A missing file, a folder without dictionaries, --no-builtin with nothing to use.
    let (code, _, err) = run(
        &["code", "--petrarch-verbs", "no-such.verbs.txt", "-"],
        text,
    );
    assert_eq!(code, 1);
    assert!(err.starts_with("eventcoder: no-such.verbs.txt: "), "{err}");
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run(
        &[
            "lexicon",
            "stats",
            "--petrarch-dir",
            empty.path().to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("no dictionary file"), "{err}");
    let (code, _, err) = run(&["code", "--no-builtin", "-"], text);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("eventcoder: --no-builtin leaves no dictionary\n  hint: "),
        "{err}"
    );
    // eval petrarch needs the records' dictionaries.
    let (code, _, err) = run(&["eval", "petrarch", "records.xml"], "");
    assert_eq!(code, 1);
    assert!(err.contains("--petrarch-dir"), "{err}");
}

/// `eval fixtures` scores a table with the dictionaries given.
#[test]
fn eval_fixtures_takes_the_flags() {
    let dir = test_dictionaries();
    let d = dir.path().to_str().unwrap();
    let table = dir.path().join("table.tsv");
    std::fs::write(
        &table,
        "id\tpublished\ttext\texpect\ttags\n\
         r1\t2024-02-01\tThe Northern Rivers Front raided Chadian border posts on Tuesday.\tSDN 193 TCD\traid\n\
         r2\t2024-02-01\tChad accused the NRF of harbouring gunmen on Wednesday.\tTCD 112 SDN\taccuse\n",
    )
    .unwrap();
    let table = table.to_str().unwrap();
    let all = |out: &str| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["overall"].clone()
    };
    let (code, out, err) = run(&["eval", "fixtures", table, "--json"], "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(all(&out)["true_positives"], 0, "{out}");
    let (code, out, err) = run(
        &[
            "eval",
            "fixtures",
            table,
            "--json",
            "--no-builtin",
            "--petrarch-dir",
            d,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(all(&out)["true_positives"], 1, "{out}");
    let (code, out, err) = run(
        &["eval", "fixtures", table, "--json", "--petrarch-dir", d],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(all(&out)["true_positives"], 2, "{out}");
}

const PHOENIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/phoenix");

/// Whether the Phoenix dictionaries are present; fails when they must be.
fn phoenix_present() -> bool {
    let verbs = format!("{PHOENIX}/CAMEO.verbpatterns.150430.txt");
    if std::path::Path::new(&verbs).is_file() {
        return true;
    }
    assert!(
        std::env::var("EVENTCODER_REQUIRE_ALL").as_deref() != Ok("1"),
        "Phoenix dictionaries not found at {PHOENIX} (required: EVENTCODER_REQUIRE_ALL=1)"
    );
    eprintln!("SKIPPED: Phoenix dictionaries not found at {PHOENIX}");
    false
}

/// The Phoenix verb patterns with the built-in actors: a verb the built-ins do not have.
#[test]
fn phoenix_verbs_with_builtin_actors() {
    if !phoenix_present() {
        return;
    }
    let verbs = format!("{PHOENIX}/CAMEO.verbpatterns.150430.txt");
    let text = "Venezuela's foreign ministry on Thursday denigrated Guyana over the disputed \
                Essequibo region.";
    let (_, out, _) = run(&["code", "--published", "2024-02-01", "-"], text);
    assert_eq!(out, "", "no built-in pattern for \"denigrate\"");
    let (code, out, err) = run(
        &[
            "code",
            "--quiet",
            "--published",
            "2024-02-01",
            "--petrarch-verbs",
            &verbs,
            "-",
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    let got = coded(&out);
    assert_eq!(got.len(), 1, "{out}");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_str()),
        ("VENGOV", "111", "GUY")
    );
    assert!(
        got[0]
            .3
            .ends_with("CAMEO.verbpatterns.150430.txt:12887 `DENIGRATE [111]`"),
        "{out}"
    );
}

/// With an issues file every event lists the issues of its sentences (code-point spans); an
/// ignore phrase hides the issue phrase inside it; without an issues file the field is absent.
#[test]
fn issues_per_event_in_the_json() {
    let dir = test_dictionaries();
    let d = dir.path().to_str().unwrap();
    let text = "The Northern Rivers Front raided Chadian border posts near Abéché on Tuesday, \
                driving hundreds of refugees across the frontier.\n\
                N'Djamena castigated the NRF on Wednesday and revoked the refugee status of its \
                fighters.\n";
    let (code, out, err) = run(
        &[
            "code",
            "--quiet",
            "--published",
            "2024-02-01",
            "--no-builtin",
            "--petrarch-dir",
            d,
            "-",
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    let events = common::json_lines(&out);
    assert_eq!(events.len(), 2, "{out}");
    let issues = &events[0]["issues"];
    assert_eq!(issues.as_array().map(Vec::len), Some(1), "{out}");
    let i = &issues[0];
    assert_eq!(
        (&i["code"], &i["category"], &i["text"], &i["sentence"]),
        (
            &serde_json::json!("REFUGEES"),
            &serde_json::json!("MIGRATION"),
            &serde_json::json!("refugees"),
            &serde_json::json!(0)
        )
    );
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = (
        i["span"][0].as_u64().unwrap() as usize,
        i["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[a..b].iter().collect::<String>(), "refugees");
    // "refugee status" is an ignore phrase: the second event's sentence has no issue.
    assert_eq!(events[1]["issues"], serde_json::json!([]), "{out}");
    // The explanation names it too.
    let (_, out, _) = run(
        &[
            "code",
            "--quiet",
            "--format",
            "explain",
            "--published",
            "2024-02-01",
            "--no-builtin",
            "--petrarch-dir",
            d,
            "-",
        ],
        text,
    );
    assert!(
        out.contains(&format!(
            "  issue REFUGEES (MIGRATION) from \"refugees\" at {}..{} in sentence 0\n",
            text.find("refugees").unwrap(),
            text.find("refugees").unwrap() + 8
        )),
        "{out}"
    );
    // Without the issues file: no `issues` field at all.
    let (code, out, err) = run(
        &[
            "code",
            "--quiet",
            "--published",
            "2024-02-01",
            "--no-builtin",
            "--petrarch-verbs",
            &format!("{d}/t.verbs.txt"),
            "--petrarch-actors",
            &format!("{d}/t.actors.txt"),
            "-",
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    let events = common::json_lines(&out);
    assert_eq!(events.len(), 2, "{out}");
    assert!(events.iter().all(|e| e.get("issues").is_none()), "{out}");
}

/// With an issues file the flat tables end with an `issues` column: `CATEGORY:CODE` per issue,
/// `;`-joined in CSV and TSV, a list in Parquet; without one the column is left out, as the JSON
/// field is.
#[test]
fn issues_in_the_flat_tables() {
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use eventcoder_cli::flat::{COLUMNS, ISSUES_COLUMN};

    let dir = test_dictionaries();
    let d = dir.path().to_str().unwrap();
    let text = "The Northern Rivers Front raided Chadian border posts on Tuesday, driving \
                hundreds of refugees and refugee families across the frontier.\n\
                N'Djamena castigated the NRF on Wednesday.\n";
    let with_issues = ["--no-builtin", "--petrarch-dir", d];
    let verbs = format!("{d}/t.verbs.txt");
    let actors = format!("{d}/t.actors.txt");
    let without = [
        "--no-builtin",
        "--petrarch-verbs",
        &verbs,
        "--petrarch-actors",
        &actors,
    ];
    let table = |format: &str, dictionaries: &[&str]| {
        let mut args = vec!["code", "--quiet", "--format", format];
        args.extend(dictionaries);
        args.push("-");
        let (code, out, err) = run(&args, text);
        assert_eq!(code, 0, "{err}");
        let delimiter = if format == "tsv" { b'\t' } else { b',' };
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(out.as_bytes());
        let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        (header, rows)
    };
    for format in ["csv", "tsv"] {
        let (header, rows) = table(format, &with_issues);
        assert_eq!(header.len(), COLUMNS.len() + 1, "{format}");
        assert_eq!(header[..COLUMNS.len()], *COLUMNS, "{format}");
        assert_eq!(header[COLUMNS.len()], ISSUES_COLUMN);
        assert_eq!(rows.len(), 2, "{format}");
        // Once per mention, in text order.
        assert_eq!(
            &rows[0][COLUMNS.len()],
            "MIGRATION:REFUGEES;MIGRATION:REFUGEES"
        );
        assert_eq!(&rows[1][COLUMNS.len()], "");
        let (header, rows) = table(format, &without);
        assert_eq!(header, COLUMNS, "{format}");
        assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    }

    let parquet = |dictionaries: &[&str]| {
        let out = dir.path().join("events.parquet");
        let out_s = out.to_str().unwrap().to_string();
        let mut args = vec!["code", "--quiet", "--output", &out_s];
        args.extend(dictionaries);
        args.push("-");
        let (code, _, err) = run(&args, text);
        assert_eq!(code, 0, "{err}");
        let file = std::fs::File::open(&out).unwrap();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<_> = reader.map(Result::unwrap).collect();
        assert_eq!(batches.len(), 1);
        batches.into_iter().next().unwrap()
    };
    let batch = parquet(&with_issues);
    let schema = batch.schema();
    assert_eq!(schema.fields().len(), COLUMNS.len() + 1);
    assert_eq!(schema.field(COLUMNS.len()).name(), ISSUES_COLUMN);
    let issues = batch.column(COLUMNS.len()).as_list::<i32>();
    assert_eq!(issues.null_count(), 0);
    let first = issues.value(0);
    let first: Vec<&str> = first.as_string::<i32>().iter().flatten().collect();
    assert_eq!(first, ["MIGRATION:REFUGEES", "MIGRATION:REFUGEES"]);
    assert_eq!(issues.value_length(1), 0);
    let batch = parquet(&without);
    assert_eq!(batch.schema().fields().len(), COLUMNS.len());
}

/// The fixture table coded with the Phoenix dictionaries alone, scored at the dyad+root level
/// (source, target and CAMEO root), must stay at or above TABARI's 0.39 with the same
/// dictionaries on held-out wire text (issue 11). Measured 0.397 (README, "Accuracy"). Raise,
/// never lower.
const MIN_PHOENIX_DYAD_ROOT_F1: f64 = 0.39;

#[test]
fn phoenix_alone_beats_tabari_on_the_fixture_table() {
    if !phoenix_present() {
        return;
    }
    let table = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/events.tsv"
    );
    let (code, out, err) = run(
        &[
            "eval",
            "fixtures",
            table,
            "--json",
            "--no-builtin",
            "--petrarch-dir",
            PHOENIX,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &v["dyad_root"];
    let n = |k: &str| c[k].as_f64().unwrap();
    let (tp, fp, fneg) = (
        n("true_positives"),
        n("false_positives"),
        n("false_negatives"),
    );
    let f1 = 2.0 * tp / (2.0 * tp + fp + fneg);
    eprintln!("Phoenix alone: dyad+root F1 {f1:.3} (tp {tp}, fp {fp}, fn {fneg})");
    assert_eq!(n("rows"), 683.0);
    assert!(
        f1 >= MIN_PHOENIX_DYAD_ROOT_F1,
        "dyad+root F1 {f1:.3} < {MIN_PHOENIX_DYAD_ROOT_F1}"
    );
}
