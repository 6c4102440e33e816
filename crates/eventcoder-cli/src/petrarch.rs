//! `eventcoder eval petrarch RECORDS.xml --petrarch-dir DIR`: codes PETRARCH-1's unit-test
//! records from their raw text and compares the events with the records' expectations.
//!
//! Each `<Sentence>` gives a `date` (the published date), a `category`, `valid`, the `<Text>`
//! (coded with its line breaks read as spaces: the records wrap one sentence over several
//! lines), a `<Parse>` (ignored: eventcoder reads raw text) and its expectations:
//! `<EventCoding sourcecode= targetcode= eventcode=>` entries (the dyadic events coded must be
//! exactly these), `noevents="True"` (none), or `error=` (`storydiscard` and `sentencediscard`:
//! the discard list discards the story or the sentence; `dateline`: the text opens with a
//! dateline and codes nothing; `bad_input_parse` is about the `<Parse>`, which eventcoder does
//! not read, so such a record counts as failed).
//!
//! The records are coded by PETRARCH-1's conventions
//! ([`eventcoder::CoderOptions::petrarch_conventions`]): no target, state or visit the text
//! does not write.
//!
//! The records interleave `<Config option="require_dyad" value=...>` elements that hold for the
//! records after them, as PETRARCH-1's validation run reads them (true until the first one).
//! Where a record is coded with `require_dyad` false, PETRARCH also writes the events that
//! have a source but no target, with the target `---`; so does the scorer then. In both
//! cases an actor that is only an agent, with no state, organization or group ("a senior
//! official"), is written as PETRARCH writes it: `---` then the agent's code (`---GOV`).
//! The `comma_*` options likewise set, record by record, the comma-delimited clauses dropped
//! before coding ([`eventcoder::code::CommaLimits`]).

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};

use chrono::NaiveDate;
use eventcoder::code::CommaLimits;
use eventcoder::{Article, Coder, Document};

use crate::dictionaries::DictionaryArgs;
use crate::error::CliError;

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Exactly these dyadic events: (source, target, code).
    Events(Vec<(String, String, String)>),
    /// No event.
    NoEvents,
    /// An error condition (`storydiscard`, `sentencediscard`, `dateline`, ...).
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its id.
    pub id: String,
    /// Its category.
    pub category: String,
    /// Whether it is marked valid.
    pub valid: bool,
    /// Its date, if readable.
    pub date: Option<NaiveDate>,
    /// Its text.
    pub text: String,
    /// What it expects.
    pub expect: Expect,
    /// 1-based line of the record in the file.
    pub line: u32,
    /// Whether only events with both a source and a target count (the `require_dyad` option
    /// of the last `<Config>` before the record; true when there is none).
    pub require_dyad: bool,
    /// The comma-delimited clauses dropped before coding (the `comma_*` options of the
    /// `<Config>` elements before the record; PETRARCH-1's defaults when there are none).
    pub commas: CommaLimits,
}

/// Sets the comma option `name` (`comma_min`, `comma_emax`, ...) of `limits` to `value`;
/// false for another option or a value that is no number.
fn set_comma_option(limits: &mut CommaLimits, name: &str, value: &str) -> bool {
    let Ok(n) = value.parse::<usize>() else {
        return false;
    };
    let slot = match name {
        "comma_min" => &mut limits.internal.0,
        "comma_max" => &mut limits.internal.1,
        "comma_emin" => &mut limits.terminal.0,
        "comma_emax" => &mut limits.terminal.1,
        "comma_bmin" => &mut limits.initial.0,
        "comma_bmax" => &mut limits.initial.1,
        _ => return false,
    };
    *slot = n;
    true
}

/// Reads the records of a PETRARCH validation file.
pub fn read_records(path: &str, xml: &str) -> Result<Vec<Record>, CliError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| CliError::Failed {
        message: format!("{path}: {e}"),
        hint: Some("a PETRARCH validation file: <Sentences> of <Sentence> records".into()),
    })?;
    let mut out = Vec::new();
    let mut require_dyad = true;
    let mut commas = CommaLimits::default();
    for s in doc.descendants() {
        if s.has_tag_name("Config") {
            let name = s.attribute("option").unwrap_or("").trim();
            if set_comma_option(&mut commas, name, s.attribute("value").unwrap_or("").trim()) {
                continue;
            }
        }
        if s.has_tag_name("Config") && s.attribute("option").map(str::trim) == Some("require_dyad")
        {
            let v = s.attribute("value").unwrap_or("").trim();
            require_dyad = !v.eq_ignore_ascii_case("false");
            continue;
        }
        if !s.has_tag_name("Sentence") {
            continue;
        }
        let line = doc.text_pos_at(s.range().start).row;
        let attr = |name: &str| s.attribute(name).unwrap_or("").trim().to_string();
        let text = s
            .children()
            .find(|c| c.has_tag_name("Text"))
            .and_then(|t| t.text())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut events = Vec::new();
        let mut expect = None;
        for c in s.children().filter(|c| c.has_tag_name("EventCoding")) {
            if let Some(e) = c.attribute("error") {
                expect = Some(Expect::Error(e.trim().to_string()));
            } else if c
                .attribute("noevents")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            {
                expect = Some(Expect::NoEvents);
            } else {
                let a = |n: &str| c.attribute(n).unwrap_or("").trim().to_string();
                events.push((a("sourcecode"), a("targetcode"), a("eventcode")));
            }
        }
        let expect = expect.unwrap_or(Expect::Events(events));
        out.push(Record {
            id: attr("id"),
            category: attr("category"),
            valid: attr("valid").eq_ignore_ascii_case("true"),
            date: NaiveDate::parse_from_str(&attr("date"), "%Y%m%d").ok(),
            text,
            expect,
            line,
            require_dyad,
            commas,
        });
    }
    Ok(out)
}

/// The outcome of one record.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Whether it passed.
    pub passed: bool,
    /// What was coded, for the misses.
    pub got: String,
}

/// An actor's code as PETRARCH writes it: an agent with no state, organization or group
/// ("a senior official", "clerics") is `---` then the agent's code (a sector's, or one of the
/// lexicon's agent codes: `is_agent_code`).
fn petrarch_code(a: &eventcoder::Actor, is_agent_code: &dyn Fn(&str) -> bool) -> Option<String> {
    let code = a.code.as_deref()?;
    let agent_only = a.country.is_none()
        && a.organization.is_none()
        && (a.sector.is_some_and(|s| code.starts_with(s.as_str())) || is_agent_code(code));
    Some(if agent_only {
        format!("---{code}")
    } else {
        code.to_string()
    })
}

/// The events of a document that count: (source, target, code), sorted and deduplicated.
/// With `require_dyad`, those with a coded source and target; without, also those with a
/// coded source and no target (`---`).
fn dyads(
    doc: &Document,
    require_dyad: bool,
    is_agent_code: &dyn Fn(&str) -> bool,
) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = doc
        .events
        .iter()
        .filter_map(|e| {
            let target = match e.target.as_ref() {
                Some(t) => petrarch_code(t, is_agent_code),
                None => None,
            };
            let target = match target {
                Some(t) => t,
                None if !require_dyad => "---".to_string(),
                None => return None,
            };
            Some((
                petrarch_code(e.source.as_ref()?, is_agent_code)?,
                target,
                e.cameo.code.to_string(),
            ))
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn show(v: &[(String, String, String)]) -> String {
    if v.is_empty() {
        return "no events".into();
    }
    v.iter()
        .map(|(s, t, c)| format!("{s} {t} {c}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Codes one record and judges it.
pub fn judge(coder: &Coder, r: &Record) -> Outcome {
    let mut article = Article::new(&r.id, &r.text);
    article.published = r.date;
    let options = eventcoder::CoderOptions {
        petrarch_commas: r.commas,
        ..coder.options().clone()
    };
    let doc = match coder.with_options(options).and_then(|c| c.code(&article)) {
        Ok(d) => d,
        Err(e) => {
            return Outcome {
                passed: false,
                got: format!("error: {e}"),
            };
        }
    };
    let agents = &coder.lexicon().agents;
    let is_agent_code = |code: &str| agents.iter().any(|a| a.cameo == code);
    let got = dyads(&doc, r.require_dyad, &is_agent_code);
    let story = doc.discards.iter().any(|d| d.story);
    let sentence = doc.discards.iter().any(|d| !d.story);
    let mut desc = show(&got);
    if story {
        desc.push_str(" (story discarded)");
    } else if sentence {
        desc.push_str(" (sentence discarded)");
    }
    let passed = match &r.expect {
        Expect::Events(want) => {
            let mut want = want.clone();
            want.sort();
            want.dedup();
            want == got
        }
        Expect::NoEvents => got.is_empty(),
        Expect::Error(e) => match e.as_str() {
            "storydiscard" => story && got.is_empty(),
            "sentencediscard" => sentence && got.is_empty(),
            "dateline" => {
                if doc.dateline.is_some() {
                    desc.push_str(" (dateline)");
                }
                doc.dateline.is_some() && got.is_empty()
            }
            _ => {
                desc.push_str(" (the expectation is about the <Parse>, which is not read)");
                false
            }
        },
    };
    Outcome { passed, got: desc }
}

fn expected(e: &Expect) -> String {
    match e {
        Expect::Events(v) => show(v),
        Expect::NoEvents => "no events".into(),
        Expect::Error(e) => format!("error {e}"),
    }
}

/// Runs the evaluation; `Ok(true)` when every valid record passed.
pub fn run(path: &str, misses: bool, dictionaries: &DictionaryArgs) -> Result<bool, CliError> {
    if !dictionaries.has_petrarch() {
        return Err(CliError::failed(
            "eval petrarch needs the records' dictionaries",
            "give --petrarch-dir DIR (or --petrarch-verbs, --petrarch-actors, ... FILE)",
        ));
    }
    let xml = std::fs::read_to_string(path).map_err(|e| CliError::io(path, e))?;
    let records = read_records(path, &xml)?;
    // (The loader's summary goes to stderr, as for every command.)
    // Dyads are required or not record by record: the scorer filters.
    let coder = dictionaries.build(false, false, false)?;
    // The records are PETRARCH-1's: coded by its conventions (nothing the text does not write).
    let coder = coder
        .with_options(eventcoder::CoderOptions {
            petrarch_conventions: true,
            ..coder.options().clone()
        })
        .map_err(|e| CliError::failed(e.to_string(), "a bug: the options are in range"))?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut passed, mut failed, mut invalid) = (0usize, 0usize, 0usize);
    for r in &records {
        if !r.valid {
            invalid += 1;
            continue;
        }
        let o = judge(&coder, r);
        let entry = per.entry(r.category.as_str()).or_default();
        entry.1 += 1;
        if o.passed {
            entry.0 += 1;
            passed += 1;
        } else {
            failed += 1;
            if misses {
                writeln!(
                    out,
                    "MISS {} [{}] line {}: expected {}; got {}\n     {}",
                    r.id,
                    r.category,
                    r.line,
                    expected(&r.expect),
                    o.got,
                    r.text
                )?;
            }
        }
    }
    writeln!(out, "{:<12} {:>6} {:>6}", "category", "passed", "total")?;
    for (c, (p, t)) in &per {
        writeln!(out, "{c:<12} {p:>6} {t:>6}")?;
    }
    if invalid > 0 {
        writeln!(out, "({invalid} records marked valid=\"false\" not scored)")?;
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    out.flush()?;
    Ok(failed == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_options_hold_for_the_records_after_them() {
        let xml = r#"<Validation><Sentences>
<Sentence date="19950101" id="C-1" category="MODIFY" valid="true">
<EventCoding noevents="True"></EventCoding><Text>Eriador chided Rhudaur.</Text>
</Sentence>
<Config option="comma_emax" value="5"></Config>
<Config option="comma_bmin" value="3"></Config>
<Config option="comma_bmax" value="6"></Config>
<Config option="comma_max" value="0"></Config>
<Sentence date="19950101" id="C-2" category="MODIFY" valid="true">
<EventCoding noevents="True"></EventCoding><Text>Eriador chided Rhudaur.</Text>
</Sentence>
</Sentences></Validation>"#;
        let r = read_records("t.xml", xml).unwrap();
        assert_eq!(r[0].commas, CommaLimits::default());
        assert_eq!(
            r[1].commas,
            CommaLimits {
                internal: (2, 0),
                terminal: (2, 5),
                initial: (3, 6),
            }
        );
    }

    #[test]
    fn records_and_expectations() {
        let xml = r#"<Validation><Sentences>
<!-- a comment -->
<Sentence date="19950101" id="T-1" category="DEMO" valid="true">
<EventCoding sourcecode="ERI" targetcode="RHU" eventcode="111"></EventCoding>
<Text>
Eriador chided
Rhudaur.
</Text>
<Parse>(ROOT (S (NP (NNP Eriador))))</Parse>
</Sentence>
<Sentence date = "19950102" id ="T-2" category="ERROR" valid="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence date="x" id="T-3" category="DEMO" valid="false">
<EventCoding noevents = "True"> </EventCoding>
<Text>y</Text>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="19950101" id="T-4" category="DEMO" valid="true">
<EventCoding sourcecode="ERI" targetcode="---" eventcode="111"></EventCoding>
<Text>Eriador chided someone.</Text>
</Sentence>
</Sentences></Validation>"#;
        let r = read_records("t.xml", xml).unwrap();
        assert_eq!(r.len(), 4);
        // `<Config option="require_dyad">` holds for the records after it.
        assert_eq!(
            r.iter().map(|r| r.require_dyad).collect::<Vec<_>>(),
            [true, true, true, false]
        );
        assert_eq!(r[0].text, "Eriador chided Rhudaur.");
        assert_eq!(r[0].line, 3);
        assert_eq!(
            r[0].expect,
            Expect::Events(vec![("ERI".into(), "RHU".into(), "111".into())])
        );
        assert_eq!(r[1].expect, Expect::Error("storydiscard".into()));
        assert_eq!(
            (r[2].valid, r[2].date, &r[2].expect),
            (false, None, &Expect::NoEvents)
        );
        assert!(read_records("t.xml", "<a>").is_err());

        let coder = Coder::builder()
            .builtin(false)
            .petrarch_str(
                eventcoder::lexicon::petrarch::PetrarchKind::Actors,
                "a.actors.txt",
                "ERIADOR [ERI]\nRHUDAUR [RHU]\n",
            )
            .petrarch_str(
                eventcoder::lexicon::petrarch::PetrarchKind::Verbs,
                "a.verbs.txt",
                "--- CHIDE [111] ---\nCHIDE\n",
            )
            .require_dyad(true)
            .build()
            .unwrap();
        let o = judge(&coder, &r[0]);
        assert!(o.passed, "{}", o.got);
        assert!(!judge(&coder, &r[1]).passed);

        // Without require_dyad, events with no target count, as `---`; an agent with no
        // state is written `---` and its code.
        let coder = Coder::builder()
            .builtin(false)
            .petrarch_str(
                eventcoder::lexicon::petrarch::PetrarchKind::Actors,
                "a.actors.txt",
                "ERIADOR [ERI]\n",
            )
            .petrarch_str(
                eventcoder::lexicon::petrarch::PetrarchKind::Agents,
                "a.agents.txt",
                "ENVOY [~GOV]\nHERALD [~HRL]\n",
            )
            .petrarch_str(
                eventcoder::lexicon::petrarch::PetrarchKind::Verbs,
                "a.verbs.txt",
                "--- CHIDE [111] ---\nCHIDE\n",
            )
            .build()
            .unwrap();
        let o = judge(&coder, &r[3]);
        assert!(o.passed, "{}", o.got);
        let envoy = Record {
            text: "An envoy chided someone.".into(),
            expect: Expect::Events(vec![("---GOV".into(), "---".into(), "111".into())]),
            ..r[3].clone()
        };
        let o = judge(&coder, &envoy);
        assert!(o.passed, "{}", o.got);
        // (An agent code that is no sector too.)
        let herald = Record {
            text: "A herald chided someone.".into(),
            expect: Expect::Events(vec![("---HRL".into(), "---".into(), "111".into())]),
            ..r[3].clone()
        };
        let o = judge(&coder, &herald);
        assert!(o.passed, "{}", o.got);
        let required = Record {
            require_dyad: true,
            ..r[3].clone()
        };
        assert_eq!(judge(&coder, &required).got, "no events");
    }
}
