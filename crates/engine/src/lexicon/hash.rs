//! A small fast hash for the engine's own tables: word keys of the lexicon,
//! the gazetteer and the per-text memos. The standard library's SipHash
//! guards against hash flooding, which does not matter for tables the engine
//! builds itself, and costs several times more on the millions of look-ups
//! of a long text.
//!
//! Eight bytes at a time (an Arabic word is a dozen bytes or so), each
//! folded in with a multiply as in rustc's FxHash, and the result mixed at
//! the end (SplitMix64's finaliser) so the table's low index bits depend on
//! every byte. Nothing the engine outputs depends on the order of these
//! tables, only on what they hold.

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher of [`FastMap`] and [`FastSet`].
#[derive(Default)]
pub struct FastHasher(u64);

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The last 1–7 bytes, read without a copy loop (as wyhash does): two
        // overlapping halves, or the first, middle and last byte; the length
        // keeps "ab" and "ab\0" apart.
        let rest = chunks.remainder();
        let n = rest.len();
        let word = match n {
            0 => return,
            1..=3 => {
                u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
            }
            _ => {
                let half = |at: usize| {
                    u64::from(u32::from_le_bytes([
                        rest[at],
                        rest[at + 1],
                        rest[at + 2],
                        rest[at + 3],
                    ]))
                };
                half(0) | half(n - 4) << 32
            }
        };
        self.add(word ^ (n as u64) << 59);
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A `HashSet` hashed with [`FastHasher`] (of strings unless told otherwise).
pub type FastSet<T = String> = std::collections::HashSet<T, BuildHasherDefault<FastHasher>>;

/// A `HashMap` hashed with [`FastHasher`], for the engine's own tables.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash>(t: T) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(t)
    }

    #[test]
    fn tells_near_keys_apart() {
        let words = [
            "",
            "a",
            "ab",
            "ab\0",
            "قصف",
            "قصفت",
            "حي الوعر",
            "حي الوعر ",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(hash(a), hash(b), "{a:?} {b:?}");
            }
        }
        assert_ne!(hash(("قصف", true)), hash(("قصف", false)));
    }
}
