//! A hash for pixel keys (integers the page makes itself): the standard
//! library's SipHash guards against hash flooding, which cannot happen here,
//! and costs more than the rest of grouping ten thousand map marks by pixel.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Folds integers in with a multiply and mixes at the end (SplitMix64's
/// finaliser), so both the table's low index bits and its top control bits
/// depend on every input bit.
#[derive(Default)]
pub struct PixelHasher(u64);

impl Hasher for PixelHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(23) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A `HashMap` keyed by pixels.
pub type PixelMap<K, V> = HashMap<K, V, BuildHasherDefault<PixelHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn neighbouring_pixels_hash_apart() {
        let hash = |k: (i64, i64)| BuildHasherDefault::<PixelHasher>::default().hash_one(k);
        let mut seen = std::collections::HashSet::new();
        for x in -20..20 {
            for y in -20..20 {
                assert!(seen.insert(hash((x, y))), "({x}, {y})");
            }
        }
        // The low bits (the table's index) differ too.
        let low: std::collections::HashSet<u64> = seen.iter().map(|h| h & 0xfff).collect();
        assert!(low.len() > 1_000, "{}", low.len());
    }
}
