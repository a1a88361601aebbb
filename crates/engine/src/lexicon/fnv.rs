//! FNV-1a, a small fast hash for the short word keys of the lexicon sets.
//! The standard library's SipHash guards against hash flooding, which does
//! not matter for tables the engine builds itself, and costs several times
//! more on the millions of stem look-ups of a long text.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a (64 bits).
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashSet` hashed with [`Fnv`] (of strings unless told otherwise).
pub type FnvSet<T = String> = std::collections::HashSet<T, BuildHasherDefault<Fnv>>;

/// A `HashMap` hashed with [`Fnv`], for the engine's own word-keyed memos.
pub type FnvMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
