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
}

impl Default for Offsets {
    fn default() -> Offsets {
        Offsets {
            pairs: vec![(0, 0)],
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

    /// The original offset of the character at folded offset `folded` (a
    /// character boundary of the folded text).
    pub fn get(&self, folded: usize) -> usize {
        let folded = folded as u32;
        let i = self.pairs.partition_point(|&(f, _)| f <= folded);
        let (f, o) = self.pairs[i.saturating_sub(1)];
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
