//! Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII digits, so numbers
//! and dates parse the same whatever the keyboard. The Arabic decimal and
//! thousands separators become '.' and ','.

use super::{Folded, Normalizer};

pub struct Digits;

impl Normalizer for Digits {
    fn fold(&self, c: char) -> Option<Folded> {
        let r = match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            _ => return None,
        };
        Some(Folded::Char(r))
    }
}
