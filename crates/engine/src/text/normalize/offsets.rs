//! The map from folded byte offsets back to the original text.

/// Where each character of the folded text came from, kept only where the
/// offset between the two texts changes: folding keeps nearly every
/// character at its width, so a 256 KB piece has a few hundred changes
/// (dropped diacritics and tatweel, Arabic digits) rather than an entry for
/// each byte.
#[derive(Debug, Clone)]
pub struct Offsets {
    /// `(folded, original)` byte offsets, ascending in both; a folded offset
    /// maps to the original one of the last pair at or before it, plus the
    /// distance from that pair. Starts with `(0, 0)`.
    pairs: Vec<(u32, u32)>,
    /// For each block of [`BLOCK`] folded bytes, the index of the last pair
    /// at or before its start (made by [`Offsets::finish`]): a look-up
    /// starts there and steps over the few pairs inside the block, instead
    /// of a binary search.
    blocks: Vec<u32>,
}

/// Bytes of folded text a block of [`Offsets::blocks`] covers (a 256 KB
/// piece has 256 blocks and a pair every ~1.6 KB).
const BLOCK_BITS: u32 = 10;
const BLOCK: usize = 1 << BLOCK_BITS;

impl Default for Offsets {
    fn default() -> Offsets {
        Offsets {
            pairs: vec![(0, 0)],
            blocks: Vec::new(),
        }
    }
}

impl Offsets {
    /// What [`Offsets::get`] would say of `folded` without a new pair.
    fn predicted(&self, folded: u32) -> u32 {
        let &(f, o) = self.pairs.last().unwrap_or(&(0, 0));
        o + (folded - f)
    }

    /// Records that the character at `folded` came from `original`
    /// (offsets ascending, one call at least where they stop keeping step).
    pub fn mark(&mut self, folded: usize, original: usize) {
        let (folded, original) = (folded as u32, original as u32);
        if self.predicted(folded) == original {
            return;
        }
        match self.pairs.last_mut() {
            // Characters dropped before the first kept one, or an expansion's
            // first character: the later mark wins.
            Some(last) if last.0 == folded => last.1 = original,
            _ => self.pairs.push((folded, original)),
        }
    }

    /// Indexes the pairs by block, once every mark is made, for a folded
    /// text of `len` bytes.
    pub fn finish(&mut self, len: usize) {
        let mut i = 0;
        self.blocks = (0..=len / BLOCK)
            .map(|b| {
                let start = (b * BLOCK) as u32;
                while self.pairs.get(i + 1).is_some_and(|&(f, _)| f <= start) {
                    i += 1;
                }
                i as u32
            })
            .collect();
    }

    /// The original offset of the character at folded offset `folded` (a
    /// character boundary of the folded text, at most its length).
    pub fn get(&self, folded: usize) -> usize {
        let mut i = self
            .blocks
            .get(folded >> BLOCK_BITS)
            .map_or(0, |&i| i as usize);
        let folded = folded as u32;
        while self.pairs.get(i + 1).is_some_and(|&(f, _)| f <= folded) {
            i += 1;
        }
        let (f, o) = self.pairs[i];
        (o + (folded - f)) as usize
    }
}

#[cfg(test)]
impl Offsets {
    /// How many pairs are kept.
    pub fn pairs(&self) -> usize {
        self.pairs.len()
    }
}
