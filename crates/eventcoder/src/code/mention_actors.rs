//! The actors each mention of a sentence resolved to, kept in one list.

use std::ops::{Index, Range};
use std::rc::Rc;

use super::event::Actor;

/// The actors of a sentence's mentions, in mention order: one list for all of them, so a
/// sentence allocates nothing per mention, and the list is kept from sentence to sentence
/// ([`MentionActors::clear`]). `actors[i]` is the slice of mention `i`.
#[derive(Debug, Default)]
pub(super) struct MentionActors {
    /// Every mention's actors, one run per mention (a replaced run stays unused until
    /// [`MentionActors::clear`]).
    list: Vec<Rc<Actor>>,
    /// The run of `list` of each mention, by mention index.
    runs: Vec<Range<u32>>,
    /// Scratch for the actors of one mention while they are resolved, before [`push`] makes
    /// them shared ([`MentionActors::take_scratch`]).
    ///
    /// [`push`]: MentionActors::push
    scratch: Vec<Actor>,
}

impl MentionActors {
    /// Empties it for the next sentence, keeping its allocations.
    pub fn clear(&mut self) {
        self.list.clear();
        self.runs.clear();
    }

    /// An empty list to resolve a mention's actors into, with the room of the last one; give
    /// it back with [`MentionActors::keep_scratch`].
    pub fn take_scratch(&mut self) -> Vec<Actor> {
        let mut v = std::mem::take(&mut self.scratch);
        v.clear();
        v
    }

    /// Keeps a list from [`MentionActors::take_scratch`] for the next mention.
    pub fn keep_scratch(&mut self, v: Vec<Actor>) {
        self.scratch = v;
    }

    /// How many mentions have their actors so far.
    pub fn count(&self) -> usize {
        self.runs.len()
    }

    /// Adds the actors of the next mention.
    pub fn push(&mut self, actors: impl IntoIterator<Item = Rc<Actor>>) {
        let run = self.append(actors);
        self.runs.push(run);
    }

    /// Gives mention `i` other actors.
    pub fn replace(&mut self, i: usize, actors: impl IntoIterator<Item = Rc<Actor>>) {
        self.runs[i] = self.append(actors);
    }

    fn append(&mut self, actors: impl IntoIterator<Item = Rc<Actor>>) -> Range<u32> {
        let start = self.list.len();
        self.list.extend(actors);
        // (A sentence has far fewer than 4 billion actors.)
        start as u32..self.list.len() as u32
    }
}

impl Index<usize> for MentionActors {
    type Output = [Rc<Actor>];

    /// The actors of mention `i`.
    fn index(&self, i: usize) -> &[Rc<Actor>] {
        let run = &self.runs[i];
        &self.list[run.start as usize..run.end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;
    use smol_str::SmolStr;

    fn actor(text: &str) -> Rc<Actor> {
        Rc::new(Actor::unresolved(
            SmolStr::new(text),
            Span::new(0, text.len()),
        ))
    }

    fn texts(a: &MentionActors, i: usize) -> Vec<&str> {
        a[i].iter().map(|x| x.text.as_str()).collect()
    }

    #[test]
    fn runs_by_mention_and_replaced() {
        let mut a = MentionActors::default();
        a.push([actor("Gondor"), actor("Rohan")]);
        a.push([]);
        a.push([actor("Arnor")]);
        assert_eq!(a.count(), 3);
        assert_eq!(texts(&a, 0), ["Gondor", "Rohan"]);
        assert!(a[1].is_empty());
        a.replace(0, [actor("the envoy")]);
        assert_eq!(texts(&a, 0), ["the envoy"]);
        assert_eq!(texts(&a, 2), ["Arnor"]);
        a.clear();
        assert_eq!(a.count(), 0);
        a.push([actor("Eriador")]);
        assert_eq!(texts(&a, 0), ["Eriador"]);
    }
}
