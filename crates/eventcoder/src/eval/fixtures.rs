//! Scoring against an event table: our own wire-style sentences with the events a human CAMEO
//! coder expects (`tests/fixtures/events.tsv`), reported overall and per tag as precision,
//! recall and F1.
//!
//! A table is TSV with the header `id published text expect tags`. `expect` is `;`-separated
//! `SRC CODE TGT` expectations:
//! - `SRC`/`TGT`: an ISO3 state code or an organization or group code (`UN` matches every UN
//!   body); `*` any actor; `-` no target; `?` an actor with no state or organization ("Smith",
//!   "unidentified gunmen").
//! - `CODE`: a CAMEO code; a produced code matches when it starts with it.
//! - `!` in front: must not be produced. `none` alone: no event at all.
//!
//! Mutual codes (meetings, agreements: [`crate::ontology::CameoEntry::symmetric`]) match in
//! either direction. A target inferred from the event's place (`+target-from-location`) counts
//! as no target.
//!
//! ```
//! use eventcoder::Coder;
//! use eventcoder::eval::fixtures::{read_table, score};
//! let table = "id\tpublished\ttext\texpect\ttags\n\
//!     r1\t2018-03-17\tRussia expels 23 UK diplomats\tRUS 161 GBR\texpel;headline\n";
//! let rows = read_table("table.tsv", table)?;
//! let report = score(&Coder::new(), &rows);
//! assert_eq!(report.overall.rows_right, 1);
//! assert_eq!(report.overall.recall(), 1.0);
//! # Ok::<(), eventcoder::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::article::{Article, parse_iso_date};
use crate::code::{Actor, Coder, Event};
use crate::error::{Error, Result};
use crate::ontology::cameo;
use crate::tsv;

/// One expected (or, negated, forbidden) event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expectation {
    /// `!`: the event must not be produced.
    pub negative: bool,
    /// Source actor code, `*` or `?`.
    pub src: String,
    /// CAMEO code prefix.
    pub code: String,
    /// Target actor code, `*`, `?` or `-`.
    pub tgt: String,
}

/// One row of an event table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// Row id.
    pub id: String,
    /// Published date.
    pub published: Option<chrono::NaiveDate>,
    /// The text.
    pub text: String,
    /// `none`: no event at all.
    pub none: bool,
    /// Expectations.
    pub expect: Vec<Expectation>,
    /// Tags (error classes, phenomena).
    pub tags: Vec<String>,
}

/// The header of an event table.
const TABLE_HEADER: [&str; 5] = ["id", "published", "text", "expect", "tags"];

/// Reads an event table. Errors name the file, line and column.
pub fn read_table(name: &str, text: &str) -> Result<Vec<TableRow>> {
    let err =
        |line: usize, column: usize, message: String| tsv::error_at(name, line, column, message);
    let mut rows = Vec::new();
    for row in tsv::read(name, text, &TABLE_HEADER)? {
        let (n, f) = (row.line, &row.fields);
        let published = if f[1].is_empty() {
            None
        } else {
            Some(parse_iso_date(f[1]).map_err(|e| err(n, row.column(1), e.to_string()))?)
        };
        let mut expect = Vec::new();
        for e in f[3]
            .split(';')
            .map(str::trim)
            .filter(|e| !e.is_empty() && *e != "none")
        {
            let (negative, body) = match e.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, e),
            };
            let parts: Vec<&str> = body.split_whitespace().collect();
            let code_ok = parts.len() == 3
                && parts[1].bytes().all(|b| b.is_ascii_digit())
                && (1..=4).contains(&parts[1].len());
            if !code_ok {
                return Err(err(
                    n,
                    row.column(3),
                    format!("bad expectation {e:?}: want SRC CODE TGT"),
                ));
            }
            expect.push(Expectation {
                negative,
                src: parts[0].to_string(),
                code: parts[1].to_string(),
                tgt: parts[2].to_string(),
            });
        }
        rows.push(TableRow {
            id: f[0].to_string(),
            published,
            text: f[2].to_string(),
            none: f[3].trim() == "none",
            expect,
            tags: tsv::split_list(f[4]).map(str::to_string).collect(),
        });
    }
    Ok(rows)
}

/// Whether an actor is the one a table names.
pub fn actor_is(a: Option<&Actor>, want: &str) -> bool {
    match (a, want) {
        (_, "*") => true,
        (None, "-") => true,
        (None, _) | (Some(_), "-") => false,
        (Some(a), "?") => a.country.is_none() && a.organization.is_none(),
        (Some(a), w) => {
            a.country.as_deref() == Some(w)
                || a.organization.as_deref() == Some(w)
                || w == "UN"
                    && a.organization
                        .as_deref()
                        .is_some_and(|o| o.starts_with("UN"))
                || a.code.as_deref().is_some_and(|c| is_igo_code_of(c, w))
        }
    }
}

/// Whether a CAMEO actor code is that of the international organization `org` names in a
/// table (`EU`), by the CAMEO code the built-in organizations give it (`IGOEUREEC`; a longer
/// code is one of its bodies or officials). So an actor of a dictionary that gives CAMEO codes
/// and no organization names (the Phoenix actors, `IGOEUREEC`) is scored as the built-in
/// coding of the same organization is.
fn is_igo_code_of(code: &str, org: &str) -> bool {
    crate::lexicon::Lexicon::builtin()
        .organization(org)
        .is_some_and(|o| o.cameo.starts_with("IGO") && code.starts_with(o.cameo.as_str()))
}

/// Whether an event satisfies an expectation (its sign ignored).
pub fn matches(e: &Event, x: &Expectation) -> bool {
    e.cameo.code.starts_with(&x.code) && dyad_matches(e, x)
}

/// Whether an event satisfies an expectation at the dyad+root level (its sign ignored): the
/// source, the target and the CAMEO root match (the event code's first two digits, however
/// many the expectation gives). The measure TABARI and PETRARCH evaluations report.
pub fn matches_dyad_root(e: &Event, x: &Expectation) -> bool {
    let root = &x.code[..x.code.len().min(2)];
    e.cameo.code.starts_with(root) && dyad_matches(e, x)
}

/// Whether an event's source and target are the expectation's (mutual codes either way).
fn dyad_matches(e: &Event, x: &Expectation) -> bool {
    // A target inferred from where it happened, or a protest's own government, is not a named
    // target.
    let inferred =
        e.rule.contains("+target-from-location") || e.rule.contains("+target-own-government");
    let target_is = |want: &str| actor_is(e.target.as_ref(), want) || want == "-" && inferred;
    let forward = actor_is(e.source.as_ref(), &x.src) && target_is(&x.tgt);
    let mutual = cameo(e.cameo.code).is_some_and(|c| c.symmetric);
    let backward = mutual && actor_is(e.source.as_ref(), &x.tgt) && target_is(&x.src);
    forward || backward
}

/// Counts for a set of rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Rows.
    pub rows: usize,
    /// Rows with every expectation met.
    pub rows_right: usize,
    /// Expectations (positive and negative, and `none`).
    pub checks: usize,
    /// Expectations met.
    pub checks_ok: usize,
    /// Positive expectations met.
    pub true_positives: usize,
    /// Positive expectations missed.
    pub false_negatives: usize,
    /// Produced events that meet no positive expectation of their row (rows with positive
    /// expectations or `none` only), plus forbidden events produced.
    pub false_positives: usize,
}

impl Counts {
    /// Share of produced events that were expected.
    pub fn precision(&self) -> f64 {
        let d = self.true_positives + self.false_positives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
    /// Share of expected events produced.
    pub fn recall(&self) -> f64 {
        let d = self.true_positives + self.false_negatives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of rows fully right.
    pub fn row_rate(&self) -> f64 {
        if self.rows == 0 {
            1.0
        } else {
            self.rows_right as f64 / self.rows as f64
        }
    }
    /// Share of expectations met.
    pub fn check_rate(&self) -> f64 {
        if self.checks == 0 {
            1.0
        } else {
            self.checks_ok as f64 / self.checks as f64
        }
    }
    fn add(&mut self, o: &Counts) {
        self.rows += o.rows;
        self.rows_right += o.rows_right;
        self.checks += o.checks;
        self.checks_ok += o.checks_ok;
        self.true_positives += o.true_positives;
        self.false_negatives += o.false_negatives;
        self.false_positives += o.false_positives;
    }
}

/// A row that was not fully right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowMiss {
    /// Row id.
    pub id: String,
    /// The expectations not met, as written (`none` for an event where none was expected).
    pub missed: Vec<String>,
    /// What was produced, `SRC CODE TGT [trigger]`.
    pub produced: Vec<String>,
    /// The text.
    pub text: String,
}

impl std::fmt::Display for RowMiss {
    /// `ID missed EXPECTATIONS got [PRODUCED]` and the text on a second, indented line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} missed {} got {:?}\n    {}",
            self.id,
            self.missed.join("; "),
            self.produced,
            self.text
        )
    }
}

/// The scores of a table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TableReport {
    /// All rows.
    pub overall: Counts,
    /// Per tag.
    pub by_tag: BTreeMap<String, Counts>,
    /// Rows not fully right.
    pub misses: Vec<RowMiss>,
    /// All rows, scored at the dyad+root level ([`matches_dyad_root`]): an event meets an
    /// expectation when its source, target and CAMEO root do.
    pub dyad_root: Counts,
    /// Per tag, at the dyad+root level.
    pub by_tag_dyad_root: BTreeMap<String, Counts>,
}

fn who(a: Option<&Actor>) -> String {
    a.map_or("-".into(), |a| {
        a.organization
            .as_deref()
            .or(a.country.as_deref())
            .or(a.code.as_deref())
            .unwrap_or("?")
            .to_string()
    })
}

/// `SRC CODE TGT [trigger]` of an event.
pub fn show(e: &Event) -> String {
    format!(
        "{} {} {} [{}]",
        who(e.source.as_ref()),
        e.cameo.code,
        who(e.target.as_ref()),
        e.trigger.text
    )
}

/// The counts of one row's events against its expectations, by `matches`, and the
/// expectations missed (as written).
fn score_row(
    events: &[Event],
    row: &TableRow,
    matches: fn(&Event, &Expectation) -> bool,
) -> (Counts, Vec<String>) {
    let mut c = Counts {
        rows: 1,
        ..Counts::default()
    };
    let mut missed = Vec::new();
    if row.none {
        c.checks += 1;
        if events.is_empty() {
            c.checks_ok += 1;
        } else {
            missed.push("none".to_string());
        }
    }
    for x in &row.expect {
        c.checks += 1;
        let found = events.iter().any(|e| matches(e, x));
        if found != x.negative {
            c.checks_ok += 1;
        } else {
            let sign = if x.negative { "!" } else { "" };
            missed.push(format!("{sign}{} {} {}", x.src, x.code, x.tgt));
        }
        match (x.negative, found) {
            (false, true) => c.true_positives += 1,
            (false, false) => c.false_negatives += 1,
            (true, true) => c.false_positives += 1,
            (true, false) => {}
        }
    }
    let positives: Vec<&Expectation> = row.expect.iter().filter(|x| !x.negative).collect();
    if row.none || !positives.is_empty() {
        c.false_positives += events
            .iter()
            .filter(|e| !positives.iter().any(|x| matches(e, x)))
            .filter(|e| !row.expect.iter().any(|x| x.negative && matches(e, x)))
            .count();
    }
    if missed.is_empty() {
        c.rows_right = 1;
    }
    (c, missed)
}

/// Codes every row and scores it, by code prefix ([`matches()`]) and at the dyad+root level
/// ([`matches_dyad_root`]).
pub fn score(coder: &Coder, rows: &[TableRow]) -> TableReport {
    let mut report = TableReport::default();
    for row in rows {
        let mut article = Article::new(&row.id, &row.text);
        article.published = row.published;
        let events = coder.code(&article).map(|d| d.events).unwrap_or_default();
        let (root, _) = score_row(&events, row, matches_dyad_root);
        report.dyad_root.add(&root);
        for t in &row.tags {
            report
                .by_tag_dyad_root
                .entry(t.clone())
                .or_default()
                .add(&root);
        }
        let (c, missed) = score_row(&events, row, matches);
        if !missed.is_empty() {
            report.misses.push(RowMiss {
                id: row.id.clone(),
                missed,
                produced: events.iter().map(show).collect(),
                text: row.text.clone(),
            });
        }
        report.overall.add(&c);
        for t in &row.tags {
            report.by_tag.entry(t.clone()).or_default().add(&c);
        }
    }
    report
}

impl TableReport {
    /// A text table: overall, then every tag with at least `min_rows` rows; the last column is
    /// the dyad+root F1, and a last line gives its precision and recall overall.
    pub fn table(&self, min_rows: usize) -> String {
        let mut s = String::new();
        let empty = Counts::default();
        let line = |s: &mut String, name: &str, c: &Counts, root: &Counts| {
            let _ = writeln!(
                s,
                "{name:<18} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>8.3}",
                c.rows,
                c.row_rate(),
                c.precision(),
                c.recall(),
                c.f1(),
                root.f1()
            );
        };
        let _ = writeln!(
            s,
            "{:<18} {:>5} {:>6} {:>6} {:>6} {:>6} {:>8}",
            "tag", "rows", "right", "P", "R", "F1", "F1 d+r"
        );
        line(&mut s, "ALL", &self.overall, &self.dyad_root);
        for (t, c) in &self.by_tag {
            if c.rows >= min_rows {
                line(&mut s, t, c, self.by_tag_dyad_root.get(t).unwrap_or(&empty));
            }
        }
        let r = &self.dyad_root;
        let _ = writeln!(
            s,
            "dyad+root (source, target and CAMEO root): P {:.3} R {:.3} F1 {:.3}",
            r.precision(),
            r.recall(),
            r.f1()
        );
        s
    }
}

/// Reads and scores a table file with the given coder.
pub fn score_file(coder: &Coder, path: impl AsRef<std::path::Path>) -> Result<TableReport> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    Ok(score(coder, &read_table(&name, &text)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An actor coded from a dictionary that gives CAMEO codes (Phoenix: `IGOEUREEC`, with that
    /// code as its organization) is the organization the built-ins give the same code.
    #[test]
    fn igo_codes_name_their_organization() {
        let actor = |org: &str, code: &str| Actor {
            text: "x".into(),
            span: crate::Span::new(0, 1),
            country: None,
            organization: Some(org.into()),
            sector: None,
            name: None,
            code: Some(code.into()),
            inferred: false,
        };
        let eu = actor("IGOEUREEC", "IGOEUREEC");
        assert!(actor_is(Some(&eu), "EU"));
        assert!(!actor_is(Some(&eu), "NATO"));
        let iaea = actor("IGOUNOIAE", "IGOUNOIAE");
        assert!(actor_is(Some(&iaea), "IAEA") && actor_is(Some(&iaea), "UN"));
        let un = actor("IGOUNO", "IGOUNO");
        assert!(!actor_is(Some(&un), "IAEA"));
        // A state's code is no organization's.
        let rus = actor("RUSGOV", "RUSGOV");
        assert!(!actor_is(Some(&rus), "EU"));
    }

    /// The dyad+root score counts an event whose root is right and whose code is not; the
    /// prefix score does not. A wrong root or a wrong dyad misses both.
    #[test]
    fn dyad_root_scores_roots_and_dyads() {
        let table = "id\tpublished\ttext\texpect\ttags\n\
            r1\t2024-01-13\tJapan condemned North Korea on Friday.\tJPN 112 PRK\tcode\n\
            r2\t2024-01-13\tJapan condemned North Korea on Friday.\tJPN 111 PRK\tright\n\
            r3\t2024-01-13\tJapan condemned North Korea on Friday.\tJPN 12 PRK\troot\n\
            r4\t2024-01-13\tJapan condemned North Korea on Friday.\tCHN 111 PRK\tdyad\n";
        let rows = read_table("t.tsv", table).unwrap();
        let r = score(&Coder::new(), &rows);
        let tp = |m: &BTreeMap<String, Counts>, t: &str| m[t].true_positives;
        assert_eq!(
            ["code", "right", "root", "dyad"]
                .map(|t| (tp(&r.by_tag, t), tp(&r.by_tag_dyad_root, t))),
            [(0, 1), (1, 1), (0, 0), (0, 0)]
        );
        assert_eq!(
            (r.overall.true_positives, r.dyad_root.true_positives),
            (1, 2)
        );
        assert!(
            r.table(1)
                .ends_with("dyad+root (source, target and CAMEO root): P 0.500 R 0.500 F1 0.500\n"),
            "{}",
            r.table(1)
        );
    }
}
