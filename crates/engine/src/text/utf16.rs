//! Byte offsets to UTF-16 offsets (what JavaScript strings count), fast for
//! many look-ups in a long text: a checkpoint every 1 KiB, then a short walk.

/// Converts byte offsets of one text into UTF-16 offsets.
pub struct Utf16Index<'a> {
    text: &'a str,
    /// (byte offset at a char boundary, UTF-16 units before it), ascending.
    checkpoints: Vec<(usize, usize)>,
}

const STEP: usize = 1024;

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Utf16Index<'a> {
        let mut checkpoints = vec![(0, 0)];
        let mut units = 0;
        let mut next = STEP;
        for (i, c) in text.char_indices() {
            if i >= next {
                checkpoints.push((i, units));
                next = i + STEP;
            }
            units += c.len_utf16();
        }
        Utf16Index { text, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text, and to
    /// the char boundary at or before it).
    pub fn utf16(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let at = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (from, units) = self.checkpoints[at];
        units + self.text[from..byte].encode_utf16().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_plain_count() {
        let text = "قصف 😀 على حي الوعر ".repeat(300);
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().step_by(7).chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(byte), text[..byte].encode_utf16().count());
        }
        assert_eq!(Utf16Index::new("").utf16(5), 0);
    }
}
