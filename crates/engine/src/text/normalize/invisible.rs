//! Drops characters that change how text looks or runs but not what it says:
//! zero-width joiners and spaces, bidi embeddings and overrides, the byte
//! order mark, soft hyphens and other format controls. A right-to-left
//! override pasted into an article must not split a word in two.

use super::{Folded, Normalizer};

pub struct Invisible;

impl Normalizer for Invisible {
    fn fold(&self, c: char) -> Option<Folded> {
        match c {
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{061C}' => Some(Folded::Drop),
            c if c.is_control() && c != '\n' && c != '\r' && c != '\t' => Some(Folded::Drop),
            _ => None,
        }
    }
}
