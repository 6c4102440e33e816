//! Deduplication: the same (source, target, code, date) within an article is one event that
//! keeps every mention as evidence.

use crate::ontology::Sector;
use std::collections::hash_map::Entry;
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
        self.events.push(e);
        self.settle(|_, _| {});
    }

    /// The list a sentence's raw events are made in: the distinct events so far, then the raw
    /// events pushed since the last [`Dedup::settle`]. Push raw events onto it (and read them);
    /// change nothing before them. Making them here, where the distinct ones stay, saves moving
    /// each event (about 700 bytes) into another list.
    pub(crate) fn raw_list(&mut self) -> &mut Vec<Event> {
        &mut self.events
    }

    /// Drops the raw events pushed since the last settle (a discarded sentence's).
    pub(crate) fn discard_unsettled(&mut self) {
        self.events.truncate(self.kept.len());
    }

    /// Deduplicates the raw events pushed since the last settle, in order, telling `seen`
    /// each one's distinct event (its index in the order [`Dedup::finish`] gives them) and
    /// whether it is a new one (`false`: a duplicate, merged into the earlier one). A new event
    /// stays where it was made, moved only to close the gap a duplicate left.
    pub(crate) fn settle(&mut self, mut seen: impl FnMut(usize, bool)) {
        let settled = self.kept.len();
        let mut distinct = settled;
        for raw in settled..self.events.len() {
            match self.settle_one(distinct, raw) {
                Some(earlier) => seen(earlier, false),
                None => {
                    seen(distinct, true);
                    distinct += 1;
                }
            }
        }
        self.events.truncate(distinct);
    }

    /// Settles raw event `raw`, the first `distinct` events being the distinct ones so far:
    /// the index of the earlier event it duplicates (merged into it), or `None` when it is
    /// new (then moved to index `distinct` and registered).
    fn settle_one(&mut self, distinct: usize, raw: usize) -> Option<usize> {
        let (done, rest) = self.events.split_at_mut(distinct);
        let e = &mut rest[raw - distinct];
        // (One probe of the buckets: the entry is read for the chain and written if new.)
        let bucket = self.buckets.entry(key_hash(e));
        let first = match &bucket {
            Entry::Occupied(o) => Some(*o.get()),
            Entry::Vacant(_) => None,
        };
        let mut at = first;
        while let Some(i) = at {
            let i = i as usize;
            if same(&done[i], e) {
                merge(&mut done[i], &mut self.kept[i], e);
                return Some(i);
            }
            at = self.kept[i].next;
        }
        match bucket {
            Entry::Occupied(mut o) => *o.get_mut() = distinct as u32,
            Entry::Vacant(v) => {
                v.insert(distinct as u32);
            }
        }
        self.kept.push(Kept {
            own_contexts: e.plover.contexts.len(),
            later_reported_by: None,
            next: first,
        });
        if raw != distinct {
            // (A duplicate before it left its place free; the duplicate is dropped at the end.)
            self.events.swap(distinct, raw);
        }
        None
    }

    /// The distinct events in order of first mention, each attributed to its own outlet, else
    /// `reported_by` (the article's), else a later duplicate's; and with `article_contexts`
    /// after its own contexts.
    pub fn finish(
        mut self,
        reported_by: &Option<smol_str::SmolStr>,
        article_contexts: &[&'static str],
    ) -> Vec<Event> {
        self.settle(|_, _| {});
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

/// Merges a later duplicate `e` into its distinct event: its mentions and evidence (unless it is
/// the same trigger again), the higher confidence, its new contexts and its attribution. What
/// it gives is taken out of `e`.
fn merge(event: &mut Event, kept: &mut Kept, e: &mut Event) {
    // Raw events come in text order: a repeated trigger can only be the last one seen.
    if event
        .evidence
        .last()
        .is_none_or(|x| x.trigger.span != e.trigger.span)
    {
        event.mentions += e.mentions;
        let room = MAX_EVIDENCE.saturating_sub(event.evidence.len());
        event.evidence.extend(e.evidence.drain(..).take(room));
    }
    event.confidence = event.confidence.max(e.confidence);
    add_missing(&mut event.plover.contexts, &e.plover.contexts);
    if kept.later_reported_by.is_none() {
        kept.later_reported_by = e.reported_by.take();
    }
}
