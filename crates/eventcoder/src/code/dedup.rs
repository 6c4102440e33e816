//! Deduplication: the same (source, target, code, date) within an article is one event that
//! keeps every mention as evidence.

use super::event::{Actor, Event};

type Party<'a> = Option<(Option<&'a str>, Option<&'a str>, &'a str, Option<&'a str>)>;

/// A party's identity for deduplication: a bare state counts as its government.
fn party(a: &Option<Actor>) -> Party<'_> {
    a.as_ref().map(|a| {
        (
            a.country.as_deref(),
            a.organization.as_deref(),
            a.sector.as_deref().unwrap_or("GOV"),
            a.name.as_deref(),
        )
    })
}

fn same(a: &Event, b: &Event) -> bool {
    a.cameo.code == b.cameo.code
        && a.date == b.date
        && party(&a.source) == party(&b.source)
        && party(&a.target) == party(&b.target)
}

/// Collapses duplicates, keeping the first mention's fields, all evidence and the highest
/// confidence.
pub fn dedup(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        match out.iter().position(|k| same(k, &e)) {
            Some(i) => {
                let kept = &mut out[i];
                if !kept
                    .evidence
                    .iter()
                    .any(|x| x.trigger.span == e.trigger.span)
                {
                    kept.evidence.extend(e.evidence);
                }
                kept.confidence = kept.confidence.max(e.confidence);
                for c in e.plover.contexts {
                    if !kept.plover.contexts.contains(&c) {
                        kept.plover.contexts.push(c);
                    }
                }
                if kept.reported_by.is_none() {
                    kept.reported_by = e.reported_by;
                }
            }
            None => out.push(e),
        }
    }
    out
}
