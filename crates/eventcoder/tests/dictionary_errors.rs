//! User dictionaries are untrusted input (issue 12): every fault is an error naming the file,
//! line and 1-based column of the offending field, and what the loader skips is a warning with
//! its position, never a silent drop.

use eventcoder::lexicon::{Lexicon, WarningKind, decode_dictionary, read_dictionary};
use eventcoder::{Coder, Error, MAX_DICTIONARY_BYTES};

const STATES: &str =
    "iso3\tcameo\tname\taliases\tadjectives\tdemonyms\tcombining\tcapital\tseats\tstatus\n";
const AGENTS: &str = "phrases\tcameo\tsector\tflags\n";
const GROUPS: &str = "group\tcountry\tcameo\tsector\tphrases\n";
const HOLDERS: &str = "holder\toffice\tname\tvariants\tstart\tend\n";

/// The error of loading `text` as user file `name`: (file, line, column, message).
fn error_of(name: &str, text: &str) -> (String, usize, usize, String) {
    let err = Lexicon::builder()
        .dictionary_str(name, text)
        .build()
        .expect_err("an error");
    match err {
        Error::Dictionary {
            source_name,
            position,
            message,
        } => (source_name, position.line, position.column, message),
        other => panic!("not a dictionary error: {other}"),
    }
}

/// Asserts that `text` fails at `line`:`column` with a message containing `needle`, and that
/// the displayed error starts with `file:line:column: `.
#[track_caller]
fn assert_error(text: &str, line: usize, column: usize, needle: &str) {
    let (file, l, c, message) = error_of("user.tsv", text);
    assert_eq!(
        (file.as_str(), l, c),
        ("user.tsv", line, column),
        "{message}"
    );
    assert!(message.contains(needle), "{message:?} lacks {needle:?}");
    let shown = Lexicon::builder()
        .dictionary_str("user.tsv", text)
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        shown.starts_with(&format!("user.tsv:{line}:{column}: ")),
        "{shown}"
    );
}

#[test]
fn unknown_agent_codes_and_sectors() {
    // An agent code that is no agent code would give events "FRAXYZ".
    assert_error(
        &format!("{AGENTS}water minister\tXYZ\tGOV\t\n"),
        2,
        16,
        "unknown agent code \"XYZ\"",
    );
    assert_error(
        &format!("{AGENTS}water minister\tGOVXYZ\tGOV\t\n"),
        2,
        16,
        "unknown agent code",
    );
    assert_error(
        &format!("{AGENTS}water minister\tGOV\tQQQ\t\n"),
        2,
        20,
        "unknown sector \"QQQ\"",
    );
    // Padding before a field: the column of the field itself.
    assert_error(
        &format!("{AGENTS}water minister\tGOV\t  QQQ\t\n"),
        2,
        22,
        "unknown sector",
    );
    // A flag: the column of the flag inside the list.
    assert_error(
        &format!("{AGENTS}water minister\tGOV\tGOV\ttitle;bogus\n"),
        2,
        30,
        "unknown agent flag",
    );
    assert_error(
        &format!("{AGENTS}water minister\tGOV\tGOV\ttitle;of=ZZZ\n"),
        2,
        33,
        "unknown state \"ZZZ\"",
    );
    // A group's code must be its state's code and a known agent code.
    assert_error(
        &format!("{GROUPS}XF\tFRA\tFRAXYZ\tREB\tX Front\n"),
        2,
        8,
        "unknown CAMEO actor code \"FRAXYZ\"",
    );
    assert_error(
        &format!("{GROUPS}XF\tFRA\tDEUREB\tREB\tX Front\n"),
        2,
        8,
        "unknown CAMEO actor code",
    );
    assert_error(
        &format!("{GROUPS}XF\t\tXYZREB\tREB\tX Front\n"),
        2,
        5,
        "starts with IGO, NGO, IMG, MNC",
    );
    assert_error(
        &format!("{GROUPS}XF\tFRA\tFRAREB\tQQQ\tX Front\n"),
        2,
        15,
        "unknown sector",
    );
    assert_error(
        "org\tcameo\tsector\tkind\tphrases\nXO\tXYZ\tIGO\torg\tX Org\n",
        2,
        4,
        "unknown CAMEO actor code",
    );
    assert_error(
        "iso3\tsector\tphrases\nFRA\tQQQ\tthe Palais\n",
        2,
        5,
        "unknown sector",
    );
    // A seat of power with a sector suffix: the column of the sector.
    assert_error(
        &format!("{STATES}ZZL\tZZL\tZedland\t\t\t\t\t\tZed Palace:QQQ\tmember\n"),
        2,
        33,
        "unknown sector",
    );
}

#[test]
fn unknown_states_holders_and_statuses() {
    assert_error(
        &format!("{GROUPS}XF\tZZZ\tZZZREB\tREB\tX Front\n"),
        2,
        4,
        "unknown state \"ZZZ\"",
    );
    assert_error(
        "name\taliases\tiso3\tkind\nAtlantis\t\tZZZ\tcity\n",
        2,
        11,
        "unknown state \"ZZZ\"",
    );
    assert_error(
        "name\taliases\tiso3\tkind\nAtlantis\t\tGRC\ttown\n",
        2,
        15,
        "place kind",
    );
    assert_error(
        "iso3\tsector\tphrases\nZZZ\tLEG\tthe Zed Diet\n",
        2,
        1,
        "unknown state",
    );
    assert_error(
        "name\taliases\tcountry\tkind\nZed Times\t\tZZZ\tnewspaper\n",
        2,
        12,
        "unknown state",
    );
    assert_error(
        "name\taliases\tcountry\tkind\nZed Times\t\tFRA\tblog\n",
        2,
        16,
        "outlet kind",
    );
    assert_error(
        &format!("{HOLDERS}ZZZ\thead_of_state\tJohn Zed\t\t2020-01-01\t\n"),
        2,
        1,
        "unknown holder \"ZZZ\"",
    );
    assert_error(
        &format!("{HOLDERS}NOSUCHORG\torg_head\tJohn Zed\t\t2020-01-01\t\n"),
        2,
        1,
        "unknown holder",
    );
    assert_error(
        &format!("{HOLDERS}FRA\tking\tJohn Zed\t\t2020-01-01\t\n"),
        2,
        5,
        "unknown office \"king\"",
    );
    assert_error(
        &format!("{HOLDERS}FRA\thead_of_state\tJohn Zed\t\t2020-13-01\t\n"),
        2,
        29,
        "bad start date",
    );
    assert_error(
        &format!("{HOLDERS}FRA\thead_of_state\tJohn Zed\t\t2020-01-01\t2019-01-01\n"),
        2,
        40,
        "end date before start date",
    );
    // A state's status, and its codes.
    assert_error(
        &format!("{STATES}ZZL\tZZL\tZedland\t\t\t\t\t\t\tcandidate\n"),
        2,
        23,
        "unknown status \"candidate\"",
    );
    assert_error(
        &format!("{STATES}ZZL\tZedl\tZedland\t\t\t\t\t\t\tmember\n"),
        2,
        5,
        "three capital letters",
    );
    assert_error(
        &format!("{STATES}zzl\tZZL\tZedland\t\t\t\t\t\t\tmember\n"),
        2,
        1,
        "three capital letters",
    );
    assert_error(
        "iso3\tcameo\tname\taliases\tadjectives\tdemonyms\tcapital\tseat_of\tfrom\tto\n\
         ZZO\tZZO\tOld Zedland\t\t\t\t\tZZZ\t1900-01-01\t1950-01-01\n",
        2,
        25,
        "unknown state \"ZZZ\"",
    );
    // A context must be a PLOVER context.
    assert_error(
        "context\tkeywords\nsports\tfootball;cricket\n",
        2,
        1,
        "unknown context \"sports\"",
    );
}

#[test]
fn states_of_user_files_are_known_to_rows_of_other_user_files() {
    // The holder's file comes first; states load before office holders whatever the order.
    let lex = Lexicon::builder()
        .dictionary_str(
            "holders.tsv",
            &format!("{HOLDERS}ZZL\thead_of_state\tJohn Zed\tZed\t2020-01-01\t\n"),
        )
        .dictionary_str(
            "states.tsv",
            &format!("{STATES}ZZL\tZZL\tZedland\t\tZedlandic\t\t\tZed City\t\tother\n"),
        )
        .build()
        .expect("loads");
    assert_eq!(lex.state("ZZL").map(|s| s.name.as_str()), Some("Zedland"));
    assert!(lex.persons.iter().any(|p| p.name == "John Zed"));
}

#[test]
fn columns_are_never_zero() {
    let cases = [
        "word\tclass\nfoo\tbogus\n".to_string(),
        "code\tpattern\n999\tmeet\n".to_string(),
        "code\tpattern\n042\t\n".to_string(),
        "code\tpattern\n042\tmeet {x}\n".to_string(),
        "code\tnoun\n042\t\n".to_string(),
        "org\tcameo\tsector\tkind\tphrases\nXO\tIGOXYZ\tIGO\tthing\tX Org\n".to_string(),
        "base\tthird\tpast\tparticiple\tgerund\nzed\t\tzedded\tzedded\tzedding\n".to_string(),
        format!("{HOLDERS}FRA\thead_of_state\tJohn Zed\t\t2020-01-01\tnever\n"),
    ];
    for text in &cases {
        let (_, line, column, message) = error_of("user.tsv", text);
        assert!(
            line == 2 && column >= 1,
            "{text:?}: {line}:{column} {message}"
        );
    }
    // The exact columns of some.
    assert_error("word\tclass\nfoo\tbogus\n", 2, 5, "unknown word class");
    assert_error("code\tpattern\n999\tmeet\n", 2, 1, "unknown CAMEO code");
    assert_error("code\tpattern\n042\t\n", 2, 5, "empty pattern");
    assert_error(
        "code\tpattern\n042\tmeet  {x}\n",
        2,
        11,
        "unknown pattern slot",
    );
    assert_error(
        "org\tcameo\tsector\tkind\tphrases\nXO\tIGOXYZ\tIGO\tthing\tX Org\n",
        2,
        15,
        "kind must be",
    );
    assert_error(
        "base\tthird\tpast\tparticiple\tgerund\nzed\t\tzedded\tzedded\tzedding\n",
        2,
        5,
        "empty third",
    );
    // Columns count characters, not bytes.
    assert_error(
        &format!("{AGENTS}ministre de l’intérieur\tGOV\tQQQ\t\n"),
        2,
        29,
        "unknown sector",
    );
}

#[test]
fn headers_are_reported_on_their_line() {
    assert_error(
        "# my dictionary\n# two comment lines\nphrase\tcode\nfoo\tGOV\n",
        3,
        1,
        "unrecognised header",
    );
    // The header is quoted with each tab escaped once, like the example after it.
    assert_error(
        "phrase\tcode\n",
        1,
        1,
        r#"unrecognised header "phrase\tcode"; expected"#,
    );
    assert_error("# only comments\n\n", 1, 1, "no header row");
    // A known file kind whose rows have the wrong number of fields.
    assert_error(
        &format!("# c\n{AGENTS}water minister\tGOV\n"),
        3,
        19,
        "expected 4 tab-separated fields",
    );
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let bytes = b"phrases\tcameo\tsector\tflags\nmin\xffister\tGOV\tGOV\t\n".to_vec();
    match decode_dictionary("bad.tsv", bytes).unwrap_err() {
        Error::Dictionary {
            source_name,
            position,
            message,
        } => {
            assert_eq!(
                (source_name.as_str(), position.line, position.column),
                ("bad.tsv", 2, 4)
            );
            assert_eq!(position.offset, 30);
            assert!(message.contains("invalid UTF-8 (byte 0xFF)"), "{message}");
        }
        other => panic!("{other}"),
    }
    // Characters before the bad byte count once each.
    let err = decode_dictionary("bad.tsv", "é€\n\tü".bytes().chain([0xC3]).collect()).unwrap_err();
    assert!(err.to_string().starts_with("bad.tsv:2:3: "), "{err}");
    // From a file, through the lexicon and coder builders.
    let dir = temp_dir("utf8");
    let path = dir.join("bad.tsv");
    std::fs::write(
        &path,
        b"# c\nphrases\tcameo\tsector\tflags\nab\tGOV\tGOV\t\xe9t\xe9\n",
    )
    .unwrap();
    let name = path.display().to_string();
    let expected = format!("{name}:3:12: invalid UTF-8");
    let err = read_dictionary(&path).unwrap_err().to_string();
    assert!(err.starts_with(&expected), "{err}");
    let err = Lexicon::builder()
        .dictionary(&path)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&expected), "{err}");
    let err = Coder::builder().dictionary(&path).unwrap_err().to_string();
    assert!(err.starts_with(&expected), "{err}");
    // A missing file is an I/O error naming it.
    let missing = dir.join("missing.tsv");
    match Coder::builder().dictionary(&missing).unwrap_err() {
        Error::Io { path, source } => {
            assert_eq!(path, missing.display().to_string());
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("{other}"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "eventcoder-dictionary-errors-{tag}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn oversized_dictionaries_are_refused() {
    assert_eq!(MAX_DICTIONARY_BYTES, 64 * 1024 * 1024);
    // A string: refused when the lexicon is built, before it is parsed.
    let mut text = AGENTS.to_string();
    text.push_str(&"#".repeat(MAX_DICTIONARY_BYTES + 1 - text.len()));
    let err = Lexicon::builder()
        .dictionary_str("big.tsv", &text)
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::DictionaryTooLarge { source_name, len, limit }
            if source_name == "big.tsv" && *len == MAX_DICTIONARY_BYTES + 1 && *limit == MAX_DICTIONARY_BYTES),
        "{err}"
    );
    assert!(err.to_string().contains("exceeds the limit"), "{err}");
    // Exactly at the limit is accepted (a comment-only tail).
    text.pop();
    Lexicon::builder()
        .without_builtin()
        .dictionary_str("limit.tsv", &text)
        .build()
        .expect("at the limit");
    drop(text);
    // A file (sparse, so nothing is written): refused with its real size.
    let dir = temp_dir("size");
    let path = dir.join("big.tsv");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(2 * MAX_DICTIONARY_BYTES as u64).unwrap();
    drop(f);
    match Coder::builder().dictionary(&path).unwrap_err() {
        Error::DictionaryTooLarge { len, .. } => assert_eq!(len, 2 * MAX_DICTIONARY_BYTES),
        other => panic!("{other}"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unusable_patterns_and_phrases_are_warnings_with_positions() {
    let text = "code\tpattern\n\
                042\tvisit * capital\n\
                042\t{t} visit\n\
                043\t  * greet\n\
                036\t-operate with {t}\n";
    let lex = Lexicon::builder()
        .dictionary_str("v.tsv", text)
        .build()
        .expect("warnings do not stop loading");
    let got: Vec<(usize, usize, WarningKind)> = lex
        .warnings()
        .iter()
        .map(|w| (w.position.line, w.position.column, w.kind))
        .collect();
    assert_eq!(
        got,
        [
            (3, 5, WarningKind::UnusablePattern),
            (4, 7, WarningKind::UnusablePattern),
            (5, 5, WarningKind::UnusablePattern),
        ]
    );
    let first = lex.warnings()[0].to_string();
    assert!(
        first.starts_with("v.tsv:3:5: warning: pattern \"{t} visit\" starts with a slot"),
        "{first}"
    );
    let stats = lex.stats();
    assert_eq!(stats.skipped_patterns, 3);
    assert_eq!(stats.warnings["unusable_pattern"], 3);
    assert_eq!(stats.warnings["unusable_phrase"], 0);
    assert!(lex.patterns.iter().any(|p| p.text == "visit * capital"));
    // A phrase with only markers, and too many senses of one phrase.
    let mut agents = format!("{AGENTS}?=;water minister\tGOV\tGOV\t\n");
    for _ in 0..70 {
        agents.push_str("envoy\tGOV\tGOV\t\n");
    }
    let lex = Lexicon::builder()
        .without_builtin()
        .dictionary_str("a.tsv", &agents)
        .build()
        .unwrap();
    let w = &lex.warnings()[0];
    assert_eq!(
        (w.kind, w.position.line, w.position.column),
        (WarningKind::UnusablePhrase, 2, 1)
    );
    let too_many: Vec<_> = lex
        .warnings()
        .iter()
        .filter(|w| w.kind == WarningKind::TooManySenses)
        .collect();
    // Each row is a new agent: the first 64 are senses of "envoy", the other 6 skipped.
    assert_eq!(
        too_many.len(),
        70 - eventcoder::lexicon::MAX_SENSES_PER_PHRASE
    );
    assert_eq!(too_many[0].position.line, 3 + 64);
    assert_eq!(lex.stats().warnings["too_many_senses"], 6);
}

#[test]
fn hyphenated_verbs_of_user_patterns_code() {
    // "co-operate with {t}" is usable: the verb is the last part of the hyphenated word.
    let coder = Coder::builder()
        .dictionary_str(
            "v.tsv",
            "code\tpattern\n064\tco-operate with {t} on * dossier\n",
        )
        .build()
        .unwrap();
    assert!(coder.lexicon().warnings().is_empty());
    let article = eventcoder::Article::new("a", "France co-operated with Germany on the dossier.");
    let doc = coder.code(&article).unwrap();
    assert!(
        doc.events.iter().any(|e| e.cameo.code == "064"),
        "{:?}",
        doc.events.iter().map(|e| e.to_string()).collect::<Vec<_>>()
    );
}
