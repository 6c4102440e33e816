//! `eventcoder eval plover-gsr` and `eventcoder eval fixtures`: the core crate's scorers.

use std::io::{self, BufWriter, Write};

use crate::error::CliError;

pub fn plover_gsr(path: &str, misses: bool, json: bool) -> Result<(), CliError> {
    let report = eventcoder::eval::plover_gsr_file(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{}", report.table())?;
    }
    if misses {
        for m in &report.misses {
            writeln!(
                out,
                "MISS {} gold {} ({}) got {:?}\n     {}",
                m.id, m.gold_type, m.gold_dyad, m.produced, m.text
            )?;
        }
    }
    Ok(out.flush()?)
}

pub fn fixtures(
    path: &str,
    misses: bool,
    json: bool,
    min_rows: usize,
    dictionaries: &crate::dictionaries::DictionaryArgs,
) -> Result<(), CliError> {
    let coder = dictionaries.build(false, false, false)?;
    // (The table is read like a dictionary, but the dictionary format's hint would mislead.)
    let report = eventcoder::eval::fixtures::score_file(&coder, path).map_err(|e| match e {
        eventcoder::Error::Dictionary { .. } => CliError::Failed {
            message: e.to_string(),
            hint: Some("the table's columns are id, published, text, expect, tags".to_string()),
        },
        e => e.into(),
    })?;
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{}", report.table(min_rows))?;
    }
    if misses {
        for m in &report.misses {
            writeln!(out, "MISS {m}")?;
        }
    }
    Ok(out.flush()?)
}
