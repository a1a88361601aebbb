//! Folds the letters that writers and keyboards use interchangeably:
//! the alef forms, ta marbuta, alef maqsura and the hamza carriers. These are
//! the foldings the evaluation's place matching uses, so names compare alike.

use super::{Folded, Normalizer};

pub struct Letters;

impl Normalizer for Letters {
    fn fold(&self, c: char) -> Option<Folded> {
        let r = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            'ؤ' => 'و',
            'ئ' => 'ي',
            // Persian and Urdu letter shapes found in copied text.
            'ی' | 'ي' => 'ي',
            'ک' => 'ك',
            'ہ' | 'ە' => 'ه',
            // Odd spaces become a plain space; the segmenter relies on ' ' and '\n'.
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                ' '
            }
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
            _ => return None,
        };
        Some(Folded::Char(r))
    }
}
