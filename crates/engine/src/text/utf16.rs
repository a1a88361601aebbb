//! Byte offsets to UTF-16 offsets (what JavaScript strings count), fast for
//! many look-ups in a long text: a count every 64 bytes, then a short walk.

/// Converts byte offsets of one text into UTF-16 offsets.
pub struct Utf16Index<'a> {
    text: &'a str,
    /// `blocks[k]`: the UTF-16 units of the characters that start before byte `k * STEP`.
    blocks: Vec<usize>,
}

const STEP: usize = 64;

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Utf16Index<'a> {
        // One entry per started block, and the leading zero.
        let mut blocks = Vec::with_capacity(text.len().div_ceil(STEP) + 1);
        let mut units = 0;
        blocks.push(0);
        for block in text.as_bytes().chunks(STEP) {
            units += utf16_len(block);
            blocks.push(units);
        }
        Utf16Index { text, blocks }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text, and to
    /// the char boundary at or before it).
    pub fn utf16(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let block = byte / STEP;
        self.blocks[block] + utf16_len(&self.text.as_bytes()[block * STEP..byte])
    }
}

/// The UTF-16 units of the characters that start in `utf8`, counted on
/// bytes: one per leading byte, two for a four-byte character (a surrogate
/// pair). A block may start inside a character; its continuation bytes count nothing.
///
/// Called on at most [`STEP`] bytes, so the count (at most 2 × 64) fits a
/// byte, and the compiler packs eight times as many byte lanes into a
/// vector as `usize` ones (this runs over the whole text).
fn utf16_len(utf8: &[u8]) -> usize {
    debug_assert!(utf8.len() <= STEP);
    usize::from(
        utf8.iter()
            .map(|&b| u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0))
            .fold(0u8, u8::wrapping_add),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_plain_count() {
        let text = "قصف 😀 على حي الوعر ".repeat(300);
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(byte), text[..byte].encode_utf16().count());
        }
        assert_eq!(index.utf16(text.len() + 9), text.encode_utf16().count());
        assert_eq!(Utf16Index::new("").utf16(5), 0);
    }
}
