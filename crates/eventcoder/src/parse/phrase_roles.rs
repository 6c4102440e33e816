//! PETRARCH-1's reading of a role word inside a noun phrase: it codes a phrase by any agent
//! word in it, so "the official news agency WFNA" is an official (`---GOV`), where English
//! (and the default coding) reads "official" as a modifier of "news agency WFNA". Only
//! [`crate::CoderOptions::petrarch_conventions`] applies it.

use std::ops::Range;

use super::mentions::{Mention, is_plain_noun};
use crate::lexicon::Unit;

/// Gives each lone role word that modifies the common nouns after it, when a name with no
/// reading of its own heads them ("official" in "the official news agency WFNA said"), the
/// whole noun phrase: the mention runs over those nouns and that name, which is no longer a
/// mention of its own, and it is an actor again (no longer `partial`).
pub fn petrarch_phrase_roles(
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    ms: &mut Vec<Mention>,
) {
    let mut i = 0;
    while i < ms.len() {
        let m = &ms[i];
        let (start, end) = (m.units.start, m.units.end);
        let glued = |a: usize, b: usize| units[a].token == units[b].token;
        let modifier = m.partial
            && m.is_bare_role()
            && m.units.len() == 1
            && !(start > range.start && glued(start - 1, start))
            && end < range.end
            && !glued(end - 1, end)
            && is_plain_noun(&units[end], text);
        if !modifier {
            i += 1;
            continue;
        }
        let mut head_end = end;
        while head_end < range.end && is_plain_noun(&units[head_end], text) {
            head_end += 1;
        }
        // Only a phrase headed by a name is read so: "official foreign visit" and "military
        // ties" stay a modifier and its nouns.
        let Some(k) = ms
            .iter()
            .position(|n| n.units.start == head_end && is_bare_name(n))
        else {
            i += 1;
            continue;
        };
        let name = ms.remove(k);
        if k < i {
            i -= 1;
        }
        let m = &mut ms[i];
        m.units.end = name.units.end;
        m.span = m.span.cover(name.span);
        m.partial = false;
        i += 1;
    }
}

/// A name with no reading at all ("WFNA"): no state, organization, role, group, person, place,
/// outlet or reference.
fn is_bare_name(m: &Mention) -> bool {
    m.name.is_some()
        && m.state.is_none()
        && m.org.is_none()
        && m.agent.is_none()
        && m.group.is_none()
        && m.person.is_none()
        && m.place.is_none()
        && m.outlet.is_none()
        && m.reference.is_none()
}
