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

/// The most mentions an event keeps as [`Event::evidence`]; [`Event::mentions`] counts them
/// all.
pub const MAX_EVIDENCE: usize = 100;

/// Collapses duplicates, keeping the first mention's fields, all evidence and the highest
/// confidence. Linear in the number of events (hash buckets), so huge articles stay fast.
///
/// ```
/// let events = eventcoder::Coder::new()
///     .code(&eventcoder::Article::new("a", "Russia attacked Ukraine. Russia attacked Ukraine."))
///     .unwrap()
///     .events;
/// assert_eq!(events.len(), 1);
/// assert_eq!(eventcoder::code::dedup(events.clone()), events);
/// ```
pub fn dedup(events: Vec<Event>) -> Vec<Event> {
    let mut d = Dedup::default();
    for e in events {
        d.push(e);
    }
    d.finish(&None, &[])
}

/// Deduplication as events arrive, so an article keeps one record per distinct event instead of
/// every raw event: memory grows with the distinct events and their evidence, not with every
/// mention. [`Dedup::finish`] then applies the article-level attribution and contexts exactly
/// as if they had been set on every raw event before [`dedup`].
#[derive(Debug, Default)]
pub struct Dedup {
    /// The distinct events, in order of first mention: [`Dedup::finish`] completes them in
    /// place, so no event is copied into another list.
    events: Vec<Event>,
    /// What the later duplicates of each distinct event brought (same index as `events`).
    kept: Vec<Kept>,
    /// The first distinct event of each key hash; the others of the same hash are chained
    /// through [`Kept::next`] (no allocation per bucket).
    buckets: FxHashMap<u64, u32>,
}

/// What the later duplicates of a distinct event brought that depends on article-level values
/// known only at the end.
#[derive(Debug)]
struct Kept {
    /// How many contexts the first mention had: later duplicates' new contexts follow them.
    own_contexts: usize,
    /// The first attribution a later duplicate had, used when neither the first mention nor the
    /// article has one.
    later_reported_by: Option<smol_str::SmolStr>,
    /// The next distinct event with the same key hash, if any.
    next: Option<u32>,
}

impl Dedup {
    /// An empty one with room for `n` distinct events.
    pub fn with_capacity(n: usize) -> Self {
        Dedup {
            events: Vec::with_capacity(n),
            kept: Vec::with_capacity(n),
            buckets: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    /// Adds one raw event, in text order.
    pub fn push(&mut self, e: Event) {
        self.insert(e);
    }

    /// Adds one raw event, in text order: the index of its distinct event (in the order
    /// [`Dedup::finish`] gives them), and whether it is a new one (`false`: a duplicate).
    pub(crate) fn insert(&mut self, e: Event) -> (usize, bool) {
        let h = key_hash(&e);
        let first = self.buckets.get(&h).copied();
        let mut at = first;
        let mut found = None;
        while let Some(i) = at {
            if same(&self.events[i as usize], &e) {
                found = Some(i as usize);
                break;
            }
            at = self.kept[i as usize].next;
        }
        let Some(i) = found else {
            let index = self.events.len() as u32;
            self.buckets.insert(h, index);
            self.kept.push(Kept {
                own_contexts: e.plover.contexts.len(),
                later_reported_by: None,
                next: first,
            });
            self.events.push(e);
            return (self.events.len() - 1, true);
        };
        let (event, kept) = (&mut self.events[i], &mut self.kept[i]);
        // Raw events come in text order: a repeated trigger can only be the last one seen.
        if event
            .evidence
            .last()
            .is_none_or(|x| x.trigger.span != e.trigger.span)
        {
            event.mentions += e.mentions;
            let room = MAX_EVIDENCE.saturating_sub(event.evidence.len());
            event.evidence.extend(e.evidence.into_iter().take(room));
        }
        event.confidence = event.confidence.max(e.confidence);
        for c in e.plover.contexts {
            if !event.plover.contexts.contains(&c) {
                event.plover.contexts.push(c);
            }
        }
        if kept.later_reported_by.is_none() {
            kept.later_reported_by = e.reported_by;
        }
        (i, false)
    }

    /// The distinct events in order of first mention, each attributed to its own outlet, else
    /// `reported_by` (the article's), else a later duplicate's; and with `article_contexts`
    /// after its own contexts.
    pub fn finish(
        self,
        reported_by: &Option<smol_str::SmolStr>,
        article_contexts: &[&'static str],
    ) -> Vec<Event> {
        let mut events = self.events;
        for (e, k) in events.iter_mut().zip(self.kept) {
            if e.reported_by.is_none() {
                e.reported_by = reported_by.clone().or(k.later_reported_by);
            }
            if article_contexts.is_empty() {
                continue;
            }
            let contexts = &mut e.plover.contexts;
            if k.own_contexts == contexts.len() {
                // (The common case: no duplicate brought a context, so nothing is split off.)
                add_missing(contexts, article_contexts);
            } else {
                let later = contexts.split_off(k.own_contexts);
                add_missing(contexts, article_contexts);
                add_missing(contexts, &later);
            }
        }
        events
    }
}

/// Appends each of `new` that `contexts` lacks, in order.
fn add_missing(contexts: &mut Vec<&'static str>, new: &[&'static str]) {
    for c in new {
        if !contexts.contains(c) {
            contexts.push(c);
        }
    }
}
