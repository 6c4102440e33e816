//! `eventcoder explain`: every sentence of an article with its events, or why it has none
//! ([`eventcoder::Coder::diagnose`]), for dictionary work.

use std::io::{self, BufWriter, Write};

use eventcoder::code::{Diagnosis, DropReason, SentenceOutcome, TriggerDiagnosis};
use eventcoder::{Article, parse_iso_date};

use crate::error::CliError;

/// What `eventcoder explain` was asked to do.
pub(crate) struct ExplainOptions<'a> {
    pub file: &'a str,
    pub published: Option<&'a str>,
    pub dictionaries: &'a crate::dictionaries::DictionaryArgs,
    pub require_dyad: bool,
    pub keep_negated: bool,
}

/// Runs `eventcoder explain`.
pub(crate) fn run(o: &ExplainOptions<'_>) -> Result<(), CliError> {
    let coder = o
        .dictionaries
        .build(o.require_dyad, o.keep_negated, false)?;
    let published = o.published.map(parse_iso_date).transpose()?;
    let text = crate::read_input(o.file)?;
    let name = if o.file == "-" { "stdin" } else { o.file };
    let mut article = Article::new(name, text);
    article.published = article.published.or(published);
    let diagnosis = coder.diagnose(&article)?;
    let mut out = BufWriter::new(io::stdout().lock());
    write_diagnosis(&mut out, &diagnosis, &article.text)?;
    Ok(out.flush()?)
}

/// Why a sentence or trigger was not coded, in words that name the reason first.
fn reason_text(r: &DropReason) -> String {
    match r {
        DropReason::NoActor => "no actor: the trigger matched but no source was found".into(),
        DropReason::Negated => {
            "negated: filtered (--keep-negated keeps negated events, marked)".into()
        }
        DropReason::Hypothetical => "hypothetical: a possibility, not an act".into(),
        DropReason::Conditional => {
            "hypothetical (conditional): in an if/unless clause, a condition, not an act".into()
        }
        DropReason::Duplicate { of_sentence } => format!(
            "duplicate: the same event was coded from sentence {of_sentence} (counted there as a mention)"
        ),
        DropReason::NoTarget => "no target: the code needs a target and none was found".into(),
        DropReason::NoParty => "no party: a bare violent verb needs a party as its object".into(),
        DropReason::Background => {
            "background: in a relative clause before the main verb, not news".into()
        }
        DropReason::Directed => {
            "directed: demanded of the subject (\"was ordered to\"), not done".into()
        }
        DropReason::InanimateSubject => "inanimate subject: the subject is no actor".into(),
        DropReason::NotDyad => "not a dyad: filtered by --require-dyad".into(),
        DropReason::LowConfidence => "low confidence: below the minimum".into(),
        other => other.to_string(),
    }
}

fn write_trigger(out: &mut impl Write, t: &TriggerDiagnosis) -> io::Result<()> {
    let fate = match &t.dropped {
        None => "coded".to_string(),
        Some(r) => r.to_string(),
    };
    writeln!(
        out,
        "  trigger {:?} ({} {}): {fate}",
        t.trigger.text, t.code, t.rule
    )
}

/// The explanation of every sentence, then a count of the outcomes.
pub(crate) fn write_diagnosis(
    out: &mut impl Write,
    d: &Diagnosis,
    text: &str,
) -> Result<(), CliError> {
    let doc = &d.document;
    writeln!(
        out,
        "published: {}",
        doc.published
            .map_or("unknown (relative dates stay unresolved)".into(), |p| p
                .to_string())
    )?;
    writeln!(
        out,
        "{} sentences, {} events\n",
        doc.sentences.len(),
        doc.events.len()
    )?;
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for s in &d.sentences {
        let sentence = text
            .get(s.span.start..s.span.end)
            .unwrap_or_default()
            .replace(['\n', '\r'], " ");
        writeln!(out, "[{}] {sentence}", s.index)?;
        match &s.outcome {
            SentenceOutcome::Events(events) => {
                writeln!(out, "  => {} event(s)", events.len())?;
            }
            SentenceOutcome::NoTrigger => {
                writeln!(
                    out,
                    "  => not coded: no trigger: no verb or noun pattern matched"
                )?;
            }
            other => {
                let reason = s
                    .triggers
                    .iter()
                    .find_map(|t| t.dropped)
                    .map(|r| reason_text(&r))
                    .unwrap_or_else(|| other.as_str().to_string());
                writeln!(out, "  => not coded: {reason}")?;
            }
        }
        for t in &s.triggers {
            write_trigger(out, t)?;
        }
        for e in s.outcome.events() {
            for line in e.explain(text).lines() {
                writeln!(out, "    {line}")?;
            }
        }
        writeln!(out)?;
        let name = s.outcome.as_str();
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    let summary: Vec<String> = counts.iter().map(|(n, c)| format!("{n} {c}")).collect();
    writeln!(out, "sentences by outcome: {}", summary.join(", "))?;
    Ok(())
}
