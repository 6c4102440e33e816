//! Deduplication: the same (source, target, code, date) within an article is one event that
//! keeps every mention as evidence.

use crate::ontology::Sector;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use super::event::{Actor, Event};

type Party<'a> = Option<(Option<&'a str>, Option<&'a str>, Sector, Option<&'a str>)>;

/// A party's identity for deduplication: a bare state counts as its government.
fn party(a: &Option<Actor>) -> Party<'_> {
    a.as_ref().map(|a| {
        (
            a.country.as_deref(),
            a.organization.as_deref(),
            a.sector.unwrap_or(Sector::Gov),
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

fn key_hash(e: &Event) -> u64 {
    let mut h = FxHasher::default();
    (e.cameo.code, e.date, party(&e.source), party(&e.target)).hash(&mut h);
    h.finish()
}

/// Collapses duplicates, keeping the first mention's fields, all evidence and the highest
/// confidence. Linear in the number of events (hash buckets), so huge articles stay fast.
pub fn dedup(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for e in events {
        let h = key_hash(&e);
        let found = buckets
            .get(&h)
            .and_then(|b| b.iter().copied().find(|&i| same(&out[i], &e)));
        match found {
            Some(i) => {
                let kept = &mut out[i];
                // Raw events come in text order: a repeated trigger can only be the last one seen.
                if kept
                    .evidence
                    .last()
                    .is_none_or(|x| x.trigger.span != e.trigger.span)
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
                buckets.entry(h).or_default().push(out.len());
                out.push(e);
            }
        }
    }
    out
}
