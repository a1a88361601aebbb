//! Phrases matched word by word: each phrase is a path of word ids in a
//! trie, walked from every token.
//!
//! A byte automaton over the joined stems would visit every byte of the
//! text; here a token whose stem no phrase contains costs one failed look-up,
//! and the stem's id is found once per distinct word (the document memoises
//! it with the word's analysis).

use super::hash::FastMap;

/// Not a node, not a phrase.
const NONE: u32 = u32::MAX;

/// The trie of every phrase's words.
pub struct PhraseTrie {
    /// Every word of every phrase → its id.
    ids: FastMap<String, u32>,
    /// The node a phrase's first word leads to, by word id.
    root: Vec<u32>,
    /// (node, next word id) → node, below the first word.
    edges: FastMap<(u32, u32), u32>,
    /// For each node, the phrase whose words end there ([`NONE`] if none).
    ends: Vec<u32>,
}

impl PhraseTrie {
    /// Builds the trie of `keys` (words separated by single spaces, each key
    /// once); phrase `p` is `keys[p]`.
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> PhraseTrie {
        let mut trie = PhraseTrie {
            ids: FastMap::default(),
            root: Vec::new(),
            edges: FastMap::default(),
            ends: Vec::new(),
        };
        for (p, key) in keys.into_iter().enumerate() {
            let mut node = NONE;
            for word in key.split(' ') {
                let next = trie.ids.len() as u32;
                let id = *trie.ids.entry(word.to_string()).or_insert(next);
                if id as usize == trie.root.len() {
                    trie.root.push(NONE);
                }
                let slot = if node == NONE {
                    &mut trie.root[id as usize]
                } else {
                    trie.edges.entry((node, id)).or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = trie.ends.len() as u32;
                    trie.ends.push(NONE);
                }
                node = *slot;
            }
            trie.ends[node as usize] = p as u32;
        }
        trie
    }

    /// The id of a word that some phrase contains.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// Every phrase in a stream of word ids (`None`: a token no phrase
    /// contains, or punctuation). Returns `(first token, phrase)` pairs sorted
    /// by token, then longest first.
    pub fn find(&self, ids: &[Option<u32>]) -> Vec<(usize, usize)> {
        // About one match a token.
        let mut found = Vec::with_capacity(ids.len());
        for (i, first) in ids.iter().enumerate() {
            let Some(mut node) = first.map(|id| self.root[id as usize]) else {
                continue;
            };
            let from = found.len();
            let mut next = i + 1;
            while node != NONE {
                if self.ends[node as usize] != NONE {
                    found.push((i, self.ends[node as usize] as usize));
                }
                node = match ids.get(next) {
                    Some(Some(id)) => self.edges.get(&(node, *id)).copied().unwrap_or(NONE),
                    _ => NONE,
                };
                next += 1;
            }
            // Found shortest first; keys are unique, so no two share a length.
            found[from..].reverse();
        }
        found
    }
}
