//! Deduplication: the same (source, target, code, date) within an article is one event that
//! keeps every mention as evidence.

use super::event::Event;

type Key = (
    Option<String>,
    Option<String>,
    String,
    Option<chrono::NaiveDate>,
);

fn party(a: &Option<super::event::Actor>) -> Option<String> {
    a.as_ref().map(|a| {
        format!(
            "{}|{}|{}|{}",
            a.country.as_deref().unwrap_or(""),
            a.organization.as_deref().unwrap_or(""),
            a.sector.as_deref().unwrap_or("GOV"),
            a.name.as_deref().unwrap_or("")
        )
    })
}

/// Collapses duplicates, keeping the first mention's fields, all evidence and the highest
/// confidence.
pub fn dedup(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut keys: Vec<Key> = Vec::with_capacity(events.len());
    for e in events {
        let key: Key = (
            party(&e.source),
            party(&e.target),
            e.cameo.code.clone(),
            e.date,
        );
        match keys.iter().position(|k| *k == key) {
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
            None => {
                keys.push(key);
                out.push(e);
            }
        }
    }
    out
}
