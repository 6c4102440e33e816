//! The phrase automaton: a trie over unit keys. At each start position it yields every phrase
//! that starts there (the matcher then keeps the longest valid one).

use rustc_hash::FxHashMap;

/// A trie over `u32` keys whose terminal nodes carry a payload index. The root's edges and the
/// terminal marks are dense arrays, so the common cases (a start key that begins no phrase, a
/// node that ends none) cost one array read instead of a hash lookup.
#[derive(Debug, Clone)]
pub struct Trie {
    /// The child of the root for each key, or 0 (the root is no one's child).
    root: Vec<u32>,
    /// The other edges: (node, key) → child.
    edges: FxHashMap<(u32, u32), u32>,
    /// The payload slot of each node, or [`NO_SLOT`].
    terminal: Vec<u32>,
}

const NO_SLOT: u32 = u32::MAX;

impl Default for Trie {
    fn default() -> Trie {
        Trie::new()
    }
}

impl Trie {
    /// An empty trie.
    pub fn new() -> Trie {
        Trie {
            root: Vec::new(),
            edges: FxHashMap::default(),
            terminal: vec![NO_SLOT],
        }
    }

    /// Inserts a key sequence; returns the payload slot of its terminal node (the existing slot
    /// if the sequence was inserted before, else `new_slot`).
    pub fn insert(&mut self, keys: &[u32], new_slot: u32) -> u32 {
        let mut node = 0u32;
        for &k in keys {
            node = match self.child(node, k) {
                Some(n) => n,
                None => {
                    let n = self.terminal.len() as u32;
                    self.terminal.push(NO_SLOT);
                    if node == 0 {
                        let i = k as usize;
                        if self.root.len() <= i {
                            self.root.resize(i + 1, 0);
                        }
                        self.root[i] = n;
                    } else {
                        self.edges.insert((node, k), n);
                    }
                    n
                }
            };
        }
        let slot = &mut self.terminal[node as usize];
        if *slot == NO_SLOT {
            *slot = new_slot;
        }
        *slot
    }

    #[inline(always)]
    fn child(&self, node: u32, key: u32) -> Option<u32> {
        if node == 0 {
            self.root.get(key as usize).copied().filter(|&n| n != 0)
        } else {
            self.edges.get(&(node, key)).copied()
        }
    }

    /// Whether some key sequence of the trie starts with `key`.
    pub fn starts_with_key(&self, key: u32) -> bool {
        self.child(0, key).is_some()
    }

    /// Calls `found(len, slot)` for every phrase that is a prefix of `keys`, shortest first.
    #[inline]
    pub fn prefixes(&self, keys: impl Iterator<Item = u32>, mut found: impl FnMut(usize, u32)) {
        let mut node = 0u32;
        for (i, k) in keys.enumerate() {
            match self.child(node, k) {
                Some(n) => node = n,
                None => return,
            }
            let slot = self.terminal[node as usize];
            if slot != NO_SLOT {
                found(i + 1, slot);
            }
        }
    }

    /// Number of nodes.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.terminal.len()
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
        assert!(t.starts_with_key(1) && !t.starts_with_key(2) && !t.starts_with_key(9));
    }
}
