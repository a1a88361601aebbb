//! Stage 1: fold the text for matching, keeping a map back to the original.
//!
//! Each kind of folding is one small [`Normalizer`] in a file of its own
//! (after charabia's design). The folded text keeps every character that
//! matters for reading — letters, digits, punctuation, spaces — so spans found
//! in it map back to exact spans of the original text.

mod diacritics;
mod digits;
mod invisible;
mod letters;
mod offsets;
mod presentation;

use std::ops::Range;
use std::sync::LazyLock;

use offsets::Offsets;

/// What a normaliser does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Remove it (diacritics, tatweel, zero-width and bidi controls).
    Drop,
    /// Replace it with one character.
    Char(char),
    /// Replace it with several characters (ligatures), folded again.
    Str(&'static str),
}

/// One kind of folding.
pub trait Normalizer: Sync {
    /// How `c` folds, or `None` when this normaliser leaves it alone.
    fn fold(&self, c: char) -> Option<Folded>;
}

/// The chain, in order: the first normaliser that claims a character wins.
static CHAIN: [&dyn Normalizer; 5] = [
    &presentation::PresentationForms,
    &invisible::Invisible,
    &diacritics::Diacritics,
    &letters::Letters,
    &digits::Digits,
];

/// Folds one character through the whole chain, pushing the result to `out`.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    for n in CHAIN {
        match n.fold(c) {
            None => continue,
            Some(Folded::Drop) => return,
            Some(Folded::Char(r)) => {
                // A replacement may itself need folding (ٱ from a presentation form).
                if r == c {
                    out(r);
                } else {
                    fold_char(r, out);
                }
                return;
            }
            Some(Folded::Str(s)) => {
                for r in s.chars() {
                    fold_char(r, out);
                }
                return;
            }
        }
    }
    out(c);
}

/// Below this code point (Latin, Arabic and everything between) characters
/// fold to at most one character also below it, so one table look-up
/// replaces the chain for nearly every character of an article.
const TABLE_END: usize = 0x800;

/// In [`TABLE`]: the character is dropped.
const DROPPED: u16 = u16::MAX;
/// In [`TABLE`]: the character takes the whole chain (none does today).
const CHAIN_ONLY: u16 = u16::MAX - 1;

/// How each character below [`TABLE_END`] folds: [`DROPPED`] or the code point
/// it becomes, worked out once by running the chain.
static TABLE: LazyLock<Box<[u16; TABLE_END]>> = LazyLock::new(|| {
    let mut table = Box::new([DROPPED; TABLE_END]);
    for (code, slot) in table.iter_mut().enumerate() {
        let Some(c) = char::from_u32(code as u32) else {
            continue;
        };
        let mut out = Vec::new();
        fold_char(c, &mut |r| out.push(r));
        *slot = match out[..] {
            [] => DROPPED,
            [r] if (r as usize) < TABLE_END => r as u16,
            _ => CHAIN_ONLY,
        };
    }
    table
});

/// In [`ENCODED`]: the character takes the whole chain.
const CHAIN_LEN: u8 = u8::MAX;

/// A folded character and the length of its UTF-8.
type Encoded = (char, u8);

/// [`TABLE`] for [`NormText::new`]: the character one below [`TABLE_END`]
/// folds to and the length of its UTF-8 (0 when dropped, [`CHAIN_LEN`]
/// when it takes the chain).
static ENCODED: LazyLock<Box<[Encoded; TABLE_END]>> = LazyLock::new(|| {
    let mut encoded = Box::new([('\0', CHAIN_LEN); TABLE_END]);
    for (slot, &r) in encoded.iter_mut().zip(TABLE.iter()) {
        *slot = match r {
            DROPPED => ('\0', 0),
            CHAIN_ONLY => ('\0', CHAIN_LEN),
            r => match char::from_u32(u32::from(r)) {
                Some(c) => (c, c.len_utf8() as u8),
                None => ('\0', CHAIN_LEN),
            },
        };
    }
    encoded
});

/// [`fold_char`] through [`TABLE`] when the character is in it.
#[inline]
fn fold_fast(table: &[u16; TABLE_END], c: char, out: &mut impl FnMut(char)) {
    match table.get(c as usize) {
        Some(&DROPPED) => {}
        Some(&CHAIN_ONLY) | None => fold_char(c, out),
        // Any other entry is a code point below TABLE_END, made from a char.
        Some(&r) => out(char::from_u32(u32::from(r)).unwrap_or(c)),
    }
}

/// Folds a single word or name, with no offset map (lexicon entries, gazetteer names).
pub fn fold(text: &str) -> String {
    let table = &**TABLE;
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_fast(table, c, &mut |r| folded.push(r));
    }
    folded
}

/// The key a place name is looked up and compared by: folded, each word
/// without a leading article ال (kept when the word would be too short without
/// it), joined by single spaces; hyphens and quotes separate words.
///
/// `match_key("مخيّم  اليرموك")` is `"مخيم يرموك"`; `match_key("الرَّستن")` is `"رستن"`.
pub fn match_key(name: &str) -> String {
    let folded = fold(name);
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !is_alphanumeric(c)) {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(strip_article(word));
    }
    key
}

/// [`char::is_alphanumeric`], answered without the Unicode tables for the
/// Arabic letters and marks (U+0620–U+0657, all alphabetic), which are nearly
/// every character of a name.
pub fn is_alphanumeric(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{0657}') || c.is_alphanumeric()
}

/// `word` without a leading ال, unless that would leave fewer than two letters
/// (the same rule as the evaluation's place matching).
pub fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => word,
    }
}

/// The folded text of an article and the map back to the original.
#[derive(Debug, Clone)]
pub struct NormText<'a> {
    original: &'a str,
    folded: String,
    /// Where the characters of `folded` came from in `original`, and where
    /// its end is.
    origin: Offsets,
}

impl<'a> NormText<'a> {
    /// Folds `original`. Texts over 4 GiB are cut at the last character
    /// boundary below that (offsets are stored as `u32`).
    pub fn new(original: &'a str) -> NormText<'a> {
        let mut limit = original.len().min(u32::MAX as usize - 1);
        while !original.is_char_boundary(limit) {
            limit -= 1;
        }
        let original = &original[..limit];
        let mut folded = String::with_capacity(original.len());
        let mut origin = Offsets::default();
        let encoded = &**ENCODED;
        let bytes = original.as_bytes();
        // Most characters fold to themselves: a run of them is copied whole
        // when a character that does not ends it (or the text does).
        let mut run = 0;
        let mut at = 0;
        while at < bytes.len() {
            // One- and two-byte characters (ASCII, Arabic) are decoded here
            // and folded by table.
            let b = bytes[at];
            let (code, width) = match (b, bytes.get(at + 1)) {
                (0..0x80, _) => (usize::from(b), 1),
                (0xC0..0xE0, Some(&next)) => {
                    (usize::from(b & 0x1F) << 6 | usize::from(next & 0x3F), 2)
                }
                _ => (TABLE_END, 0),
            };
            let fold = encoded.get(code).filter(|&&(_, len)| len != CHAIN_LEN);
            if fold.is_some_and(|&(c, _)| c as usize == code) {
                at += width;
                continue;
            }
            if run < at {
                origin.mark(folded.len(), run);
                folded.push_str(&original[run..at]);
            }
            match fold {
                Some(&(c, len)) => {
                    if len > 0 {
                        origin.mark(folded.len(), at);
                        folded.push(c);
                    }
                    at += width;
                }
                None => {
                    let c = original[at..].chars().next().unwrap_or(' ');
                    fold_char(c, &mut |r| {
                        origin.mark(folded.len(), at);
                        folded.push(r);
                    });
                    at += c.len_utf8();
                }
            }
            run = at;
        }
        if run < at {
            origin.mark(folded.len(), run);
            folded.push_str(&original[run..at]);
        }
        origin.mark(folded.len(), original.len());
        origin.finish(folded.len());
        NormText {
            original,
            folded,
            origin,
        }
    }

    /// The folded text.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The original byte range behind a folded byte range. The end reaches to
    /// the next kept character, so removed diacritics of the last letter stay in.
    pub fn to_original(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin_at(folded.start);
        let end = self.origin_at(folded.end).max(start);
        start..end
    }

    fn origin_at(&self, i: usize) -> usize {
        self.origin.get(i.min(self.folded.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_as_the_guidelines_say() {
        for (raw, want) in [
            ("قُتِلوا", "قتلوا"),
            ("الــمدينة", "المدينه"),
            ("أإآٱ", "اااا"),
            ("مستشفى", "مستشفي"),
            ("مؤسسة", "موسسه"),
            ("٢٠١٧ ۱۲", "2017 12"),
            ("\u{FEFB}", "لا"),
            ("\u{FE8D}\u{FEDF}\u{FEE4}", "الم"),
            ("a\u{200B}b\u{202E}c", "abc"),
            ("x\u{00A0}y", "x y"),
        ] {
            assert_eq!(fold(raw), want, "{raw}");
        }
    }

    #[test]
    fn arabic_letters_and_marks_are_alphabetic() {
        for c in '\u{0620}'..='\u{0657}' {
            assert!(c.is_alphabetic() && c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn match_keys() {
        for (raw, want) in [
            ("مخيّم  اليرموك", "مخيم يرموك"),
            ("الرَّستن", "رستن"),
            ("معرة النعمان", "معره نعمان"),
            ("عمان-دمشق", "عمان دمشق"),
            ("الحي", "حي"),
            ("الم", "الم"),
            ("", ""),
        ] {
            assert_eq!(match_key(raw), want, "{raw}");
        }
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let raw = "قَصَفَتْ قوّات النظام حيَّ الوعر";
        let norm = NormText::new(raw);
        assert_eq!(norm.folded(), "قصفت قوات النظام حي الوعر");
        let at = norm.folded().find("النظام").unwrap();
        let span = norm.to_original(at..at + "النظام".len());
        assert_eq!(&raw[span], "النظام");
        let at = norm.folded().find("حي").unwrap();
        let span = norm.to_original(at..at + "حي".len());
        assert_eq!(&raw[span], "حيَّ");
        let span = norm.to_original(0..norm.folded().len());
        assert_eq!(&raw[span], raw);
    }

    /// The offsets kept only where they change give, at every character of
    /// the folded text and at its end, what an entry for each byte gave.
    #[test]
    fn sparse_offsets_agree_with_one_for_each_byte() {
        let mut text = String::from(
            "\u{064B}قَصَفَتْ الــمدينة \u{FEFB}\u{FEFB}x ٢٠١٧ a\u{200B}b\u{202E}c x\u{00A0}y 𝔸 é\u{0301}",
        );
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dev");
        for entry in std::fs::read_dir(dev).unwrap() {
            text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        text += "ـًٌ";
        let mut folded = String::new();
        let mut dense = Vec::new();
        for (at, c) in text.char_indices() {
            fold_char(c, &mut |r| {
                folded.push(r);
                dense.resize(folded.len(), at);
            });
        }
        dense.push(text.len());
        let norm = NormText::new(&text);
        assert_eq!(norm.folded(), folded);
        for (p, _) in folded.char_indices().chain([(folded.len(), ' ')]) {
            assert_eq!(norm.origin_at(p), dense[p], "{p}");
        }
        // Several blocks of the index, with pairs in some.
        assert!(norm.origin.pairs() > 2 && folded.len() > 8 * 1024);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert_eq!(NormText::new("").folded(), "");
        let norm = NormText::new("\u{064B}\u{0640}");
        assert_eq!(norm.folded(), "");
        assert!(norm.to_original(0..0).is_empty());
    }
}
