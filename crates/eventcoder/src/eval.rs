//! Accuracy evaluation against the PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, the
//! CAMEO manual's examples coded to an early PLOVER). The file is read at run time and never
//! shipped.
//!
//! Old type names are mapped to PLOVER 2021: DEMAND → REQUEST, DISAPPROVE and INVESTIGATE →
//! ACCUSE, FIGHT → ASSAULT, YIELD → CONCEDE or RETREAT (and since CONCEDE and RETREAT are the
//! two halves of the old YIELD, records labelled with either accept both).

pub mod fixtures;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::article::{Article, parse_iso_date};
use crate::code::{Actor, Coder, Event};
use crate::error::{Error, Result};
use crate::ontology::PloverType;

/// One gold record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GsrRecord {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// The record's date, used as the published date.
    pub date: Option<chrono::NaiveDate>,
    /// The gold type as written (old name).
    pub gold_name: String,
    /// Accepted PLOVER 2021 types.
    pub gold_types: Vec<PloverType>,
    /// Gold source actor codes.
    pub sources: Vec<String>,
    /// Gold target actor codes.
    pub targets: Vec<String>,
}

fn map_type(name: &str) -> Vec<PloverType> {
    use PloverType::*;
    match name {
        "DEMAND" => vec![Request],
        "DISAPPROVE" | "INVESTIGATE" => vec![Accuse],
        "FIGHT" => vec![Assault],
        // CONCEDE and RETREAT are the two halves of the old YIELD: either counts for both.
        "YIELD" | "CONCEDE" | "RETREAT" => vec![Concede, Retreat],
        other => other.parse().map(|t| vec![t]).unwrap_or_default(),
    }
}

fn codes(v: Option<&serde_json::Value>) -> Vec<String> {
    match v {
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.get("code").and_then(|c| c.as_str()).map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// Reads the gold file (a JSON list; the DOCUMENT record and records with unknown types are
/// skipped).
pub fn read_plover_gsr(text: &str) -> Result<Vec<GsrRecord>> {
    read_plover_gsr_named(text, "<input>")
}

/// [`read_plover_gsr`], with errors naming the file `source_name`.
fn read_plover_gsr_named(text: &str, source_name: &str) -> Result<Vec<GsrRecord>> {
    let v: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let at = format!(" at line {} column {}", e.line(), e.column());
        // serde_json counts columns in bytes; a Position counts characters.
        let line_start: usize = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        Error::DataFile {
            source_name: source_name.to_string(),
            position: crate::Position::of(text, line_start + e.column().saturating_sub(1)),
            message: format!(
                "not a JSON list of PLOVER records: {}",
                message.strip_suffix(&at).unwrap_or(&message)
            ),
        }
    })?;
    let mut out = Vec::new();
    for r in v {
        let name = r
            .get("event")
            .and_then(|e| e.as_str())
            .unwrap_or_default()
            .to_string();
        let gold_types = map_type(&name);
        if gold_types.is_empty() {
            continue;
        }
        out.push(GsrRecord {
            id: r
                .get("id")
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string(),
            text: r
                .get("text")
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string(),
            date: r
                .get("date")
                .and_then(|x| x.as_str())
                .and_then(|d| parse_iso_date(d).ok()),
            gold_name: name,
            gold_types,
            sources: codes(r.get("source")),
            targets: codes(r.get("target")),
        });
    }
    Ok(out)
}

/// Whether a produced actor matches a gold actor code.
pub fn actor_matches(a: &Actor, gold: &str) -> bool {
    let gold = match gold {
        "JAP" => "JPN",
        "ITL" => "ITA",
        g => g,
    };
    let code = a.code.as_deref().unwrap_or("");
    match gold {
        "IGO" => a.organization.is_some() || code.starts_with("IGO"),
        "NGO" => a.sector == Some(crate::ontology::Sector::Ngo) || code.contains("NGO"),
        g => a.country.as_deref() == Some(g) || code.starts_with(g),
    }
}

/// Scores of one gold type.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct TypeScore {
    /// Records.
    pub records: usize,
    /// Records whose gold type was produced.
    pub type_hits: usize,
    /// ... with the gold source and target.
    pub dyad_hits: usize,
}

/// One missed record.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Miss {
    /// Record id.
    pub id: String,
    /// Gold type (old name).
    pub gold_type: String,
    /// Gold dyad, "SRC -> TGT".
    pub gold_dyad: String,
    /// What was produced: "TYPE SRC->TGT".
    pub produced: Vec<String>,
    /// The sentence.
    pub text: String,
}

/// The evaluation report.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct GsrReport {
    /// Records scored.
    pub records: usize,
    /// Share of records whose gold PLOVER type was produced.
    pub type_recall: f64,
    /// Share whose gold type came with the gold source and target.
    pub dyad_recall: f64,
    /// Events produced in all.
    pub events: usize,
    /// Per gold type (old names).
    pub per_type: BTreeMap<String, TypeScore>,
    /// Records that missed the type or the dyad.
    pub misses: Vec<Miss>,
}

impl GsrReport {
    /// A readable table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "PLOVER gold standard: {} records, {} events produced",
            self.records, self.events
        );
        let _ = writeln!(
            s,
            "type recall {:.3}   type+dyad recall {:.3}\n",
            self.type_recall, self.dyad_recall
        );
        let _ = writeln!(
            s,
            "{:<12} {:>7} {:>9} {:>9}",
            "gold type", "records", "type", "type+dyad"
        );
        for (t, sc) in &self.per_type {
            let r = sc.records.max(1) as f64;
            let _ = writeln!(
                s,
                "{t:<12} {:>7} {:>9.3} {:>9.3}",
                sc.records,
                sc.type_hits as f64 / r,
                sc.dyad_hits as f64 / r
            );
        }
        s
    }
}

fn dyad_ok(e: &Event, r: &GsrRecord) -> bool {
    let Some(src) = &e.source else { return false };
    if !r.sources.iter().any(|g| actor_matches(src, g)) {
        return false;
    }
    if r.targets.is_empty() {
        // Compound "SRC/TAR" records: the other party, if any, is among the sources.
        return e
            .target
            .as_ref()
            .is_none_or(|t| r.sources.iter().any(|g| actor_matches(t, g)) || r.sources.len() == 1);
    }
    e.target
        .as_ref()
        .is_some_and(|t| r.targets.iter().any(|g| actor_matches(t, g)))
}

/// Codes every record and scores it.
pub fn evaluate_plover_gsr(coder: &Coder, records: &[GsrRecord]) -> GsrReport {
    let articles: Vec<Article> = records
        .iter()
        .map(|r| {
            let mut a = Article::new(r.id.clone(), r.text.clone());
            a.published = r.date;
            a
        })
        .collect();
    let docs = coder.code_many(&articles);
    let mut report = GsrReport {
        records: records.len(),
        ..GsrReport::default()
    };
    let (mut th, mut dh) = (0usize, 0usize);
    for (r, d) in records.iter().zip(docs) {
        let events = d.map(|d| d.events).unwrap_or_default();
        report.events += events.len();
        let typed: Vec<&Event> = events
            .iter()
            .filter(|e| {
                e.plover
                    .event_type
                    .is_some_and(|t| r.gold_types.contains(&t))
            })
            .collect();
        let t_hit = !typed.is_empty();
        let d_hit = typed.iter().any(|e| dyad_ok(e, r));
        let sc = report.per_type.entry(r.gold_name.clone()).or_default();
        sc.records += 1;
        sc.type_hits += usize::from(t_hit);
        sc.dyad_hits += usize::from(d_hit);
        th += usize::from(t_hit);
        dh += usize::from(d_hit);
        if !d_hit {
            let show = |a: &Option<Actor>| {
                a.as_ref().map_or("-".to_string(), |a| {
                    a.code.as_deref().unwrap_or("?").to_string()
                })
            };
            report.misses.push(Miss {
                id: r.id.clone(),
                gold_type: r.gold_name.clone(),
                gold_dyad: format!("{} -> {}", r.sources.join("+"), r.targets.join("+")),
                produced: events
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {} {}->{}",
                            e.plover.event_type.map_or("-", PloverType::as_str),
                            e.cameo.code,
                            show(&e.source),
                            show(&e.target)
                        )
                    })
                    .collect(),
                text: r.text.clone(),
            });
        }
    }
    let n = records.len().max(1) as f64;
    report.type_recall = th as f64 / n;
    report.dyad_recall = dh as f64 / n;
    report
}

/// Reads `path` and evaluates the default coder on it.
pub fn plover_gsr_file(path: &str) -> Result<GsrReport> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_string(),
        source: e,
    })?;
    let records = read_plover_gsr_named(&text, path)?;
    Ok(evaluate_plover_gsr(&Coder::new(), &records))
}
