//! `eventcoder lexicon lookup`: how a phrase resolves ([`eventcoder::lexicon::Lexicon::lookup`]):
//! the entries matched with their dictionary file and line, and the actor code the coder gives.

use std::io::{self, BufWriter, Write};

use eventcoder::lexicon::{Lookup, Referent};
use eventcoder::parse_iso_date;

use crate::error::CliError;

/// Runs `eventcoder lexicon lookup`. No match is no error: it says so and exits 0.
pub(crate) fn run(
    phrase: &str,
    date: Option<&str>,
    dictionaries: &crate::dictionaries::DictionaryArgs,
    json: bool,
) -> Result<(), CliError> {
    let date = date.map(parse_iso_date).transpose()?;
    let coder = dictionaries.build(false, false, false)?;
    let lookup = coder.lexicon().lookup(phrase, date);
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&lookup)?)?;
    } else {
        write_lookup(&mut out, &lookup)?;
    }
    Ok(out.flush()?)
}

/// The lookup, readably: entries (file:line, kind, meaning), verb patterns, actors.
pub(crate) fn write_lookup(out: &mut impl Write, l: &Lookup) -> io::Result<()> {
    writeln!(
        out,
        "phrase {:?}, date {}",
        l.phrase,
        l.date
            .map_or("none (office holders by nationality)".to_string(), |d| d
                .to_string())
    )?;
    if l.is_empty() {
        writeln!(out, "no entry matched")?;
        return Ok(());
    }
    if !l.entries.is_empty() {
        writeln!(out, "entries:")?;
    }
    for e in &l.entries {
        let mut flags = String::new();
        if e.sense.ambiguous {
            flags.push_str(" [ambiguous: needs context]");
        }
        if e.sense.exact_case {
            flags.push_str(" [exact case]");
        }
        writeln!(
            out,
            "  {:?} {}: {}{flags}  ({})",
            e.text, e.kind, e.description, e.origin
        )?;
        if matches!(e.sense.referent, Referent::Person(_)) {
            for t in &e.terms {
                let on = l.date.is_some_and(|d| t.covers(d));
                writeln!(
                    out,
                    "      term {t}{}",
                    if on { "  <- on the date" } else { "" }
                )?;
            }
        }
    }
    if !l.verbs.is_empty() {
        writeln!(out, "verb patterns:")?;
    }
    for v in &l.verbs {
        writeln!(out, "  {:?} {} {}", v.text, v.code, v.rule)?;
    }
    if l.mentions.is_empty() {
        writeln!(out, "actors: none (no actor mention)")?;
    } else {
        writeln!(out, "actors:")?;
    }
    for m in &l.mentions {
        if m.actors.is_empty() {
            writeln!(
                out,
                "  {:?} => no actor (an outlet, or nothing to resolve)",
                m.text
            )?;
        }
        for a in &m.actors {
            writeln!(
                out,
                "  {:?} => {} (country {}, organization {}, sector {}{}{})",
                m.text,
                a.code.as_deref().unwrap_or("unresolved"),
                a.country.as_deref().unwrap_or("-"),
                a.organization.as_deref().unwrap_or("-"),
                a.sector.map_or("-", |s| s.as_str()),
                a.name
                    .as_deref()
                    .map_or(String::new(), |n| format!(", name {n}")),
                if a.inferred { ", inferred" } else { "" }
            )?;
        }
    }
    let codes = l.codes();
    writeln!(
        out,
        "code: {}",
        if codes.is_empty() {
            "none".to_string()
        } else {
            codes.join(" ")
        }
    )?;
    Ok(())
}
