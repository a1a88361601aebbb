//! Arabic presentation forms (shaped glyphs, lam-alef ligatures) back to
//! letters. The table is generated; see its header.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Folded, Normalizer};

static TABLE: LazyLock<HashMap<char, &'static str>> = LazyLock::new(|| {
    table!("presentation_forms.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let (cp, repl) = l.split_once('\t')?;
            let c = char::from_u32(u32::from_str_radix(cp, 16).ok()?)?;
            Some((c, repl))
        })
        .collect()
});

pub struct PresentationForms;

impl Normalizer for PresentationForms {
    fn fold(&self, c: char) -> Option<Folded> {
        if !matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
            return None;
        }
        let repl = TABLE.get(&c)?;
        let mut chars = repl.chars();
        match (chars.next(), chars.next()) {
            (Some(one), None) => Some(Folded::Char(one)),
            _ => Some(Folded::Str(repl)),
        }
    }
}
