//! The phrase automaton: a trie over unit keys. At each start position it yields every phrase
//! that starts there (the matcher then keeps the longest valid one).

use rustc_hash::FxHashMap;

/// A trie over `u32` keys whose terminal nodes carry a payload index.
#[derive(Debug, Default, Clone)]
pub struct Trie {
    edges: FxHashMap<(u32, u32), u32>,
    terminal: FxHashMap<u32, u32>,
    nodes: u32,
}

impl Trie {
    /// An empty trie.
    pub fn new() -> Trie {
        Trie {
            edges: FxHashMap::default(),
            terminal: FxHashMap::default(),
            nodes: 1,
        }
    }

    /// Inserts a key sequence; returns the payload slot of its terminal node (the existing slot
    /// if the sequence was inserted before, else `new_slot`).
    pub fn insert(&mut self, keys: &[u32], new_slot: u32) -> u32 {
        let mut node = 0u32;
        for &k in keys {
            node = match self.edges.get(&(node, k)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes;
                    self.nodes += 1;
                    self.edges.insert((node, k), n);
                    n
                }
            };
        }
        *self.terminal.entry(node).or_insert(new_slot)
    }

    /// Calls `found(len, slot)` for every phrase that is a prefix of `keys`, shortest first.
    #[inline]
    pub fn prefixes(&self, keys: impl Iterator<Item = u32>, mut found: impl FnMut(usize, u32)) {
        let mut node = 0u32;
        for (i, k) in keys.enumerate() {
            match self.edges.get(&(node, k)) {
                Some(&n) => node = n,
                None => return,
            }
            if let Some(&slot) = self.terminal.get(&node) {
                found(i + 1, slot);
            }
        }
    }

    /// Number of nodes.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.nodes as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn prefixes_shortest_first() {
        let mut t = Trie::new();
        assert_eq!(t.insert(&[1, 2], 0), 0);
        assert_eq!(t.insert(&[1], 1), 1);
        assert_eq!(t.insert(&[1, 2], 5), 0);
        let mut got = vec![];
        t.prefixes([1, 2, 3].into_iter(), |n, s| got.push((n, s)));
        assert_eq!(got, [(1, 1), (2, 0)]);
    }
}
