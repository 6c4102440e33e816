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
const MIN_PASSED_NO_BUILTIN: usize = 155;
const MIN_PASSED_MERGED: usize = 102;

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
        // The load summary comes first.
        assert!(out.starts_with("4 PETRARCH/TABARI dictionaries: "), "{out}");
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
