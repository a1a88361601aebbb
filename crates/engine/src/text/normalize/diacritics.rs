//! Removes harakat, Quranic marks and tatweel: they vary between writers and
//! carry nothing the engine matches on.

use super::{Folded, Normalizer};

pub struct Diacritics;

impl Normalizer for Diacritics {
    fn fold(&self, c: char) -> Option<Folded> {
        match c {
            '\u{0610}'..='\u{061A}' // honorifics and small marks
            | '\u{064B}'..='\u{065F}' // fathatan … wavy hamza below
            | '\u{0670}' // superscript alef
            | '\u{06D6}'..='\u{06ED}' // Quranic annotation signs
            | '\u{0640}' => Some(Folded::Drop), // tatweel
            _ => None,
        }
    }
}
