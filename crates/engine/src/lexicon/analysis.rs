//! Stage 3b: split a word's clitics, checked against the lexicon.
//!
//! Arabic writes the conjunctions و ف, the prepositions ب ل ك and the article
//! ال as part of the word (وبالصواريخ = و + ب + ال + صواريخ), and object
//! pronouns at its end (قصفها). A split is accepted only when the stem is a
//! word the lexicon knows; otherwise only an unmistakable prefix (a visible
//! article after the clitics, or a leading و before a long word) is removed,
//! so unknown names keep their first letter (بعربو stays بعربو).

use std::ops::Range;

/// A word's stem and the clitics around it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Byte range of the stem inside the word, without any article.
    pub stem: Range<usize>,
    /// A leading و or ف.
    pub conj: bool,
    /// A leading preposition: 'ب', 'ل' or 'ك'.
    pub prep: Option<char>,
    /// The word carried the article ال (or لل).
    pub article: bool,
}

impl Analysis {
    /// The stem's text, given the word it was made from.
    pub fn stem<'w>(&self, word: &'w str) -> &'w str {
        &word[self.stem.clone()]
    }
}

const SUFFIXES: [&str; 7] = ["هما", "ها", "هم", "هن", "ه", "نا", "كم"];

/// The number of characters in UTF-8 bytes (those that do not continue one).
fn chars(s: &[u8]) -> usize {
    s.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// How surely a stem is a known word, in the order candidates are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A one-word lexicon phrase ("قصف", "بلدة", "كما").
    Word,
    /// A word inside a lexicon phrase ("وزارة" of "وزارة الدفاع").
    InPhrase,
    /// A one-word place name ("حرستا").
    Place,
    /// A word inside a place name ("معرة" of "معرة النعمان").
    InPlace,
    /// A one-word lexicon phrase that is not only a function word: what an
    /// object pronoun may be split from (قصفها → قصف, but الحولة is not حول + ة).
    Content,
}

impl Known {
    pub const ALL: [Known; 5] = [
        Known::Word,
        Known::InPhrase,
        Known::Place,
        Known::InPlace,
        Known::Content,
    ];

    /// This tier's bit in a [`Tiers`] mask.
    pub fn bit(self) -> Tiers {
        1 << self as u8
    }
}

/// The tiers a stem is known at, one bit each ([`Known::bit`]).
pub type Tiers = u8;

/// Splits `word` (folded) into clitics and stem. `knows(stem, tier)` says
/// whether a stem is known at a tier; tiers are tried in order
/// ([`Known::Word`] first), each over every clitic split, so "وزارة" stays
/// وزارة (a word of "وزارة الدفاع") rather than و + "زارة" (a village), and
/// "الحولة" is a place rather than "حول" + ة. An object pronoun is split off
/// only to reach a [`Known::Content`] word.
///
/// `ta_marbuta` says the word ended in ة before folding, so its final ه is no
/// pronoun ("العسكرية" is not عسكري + ه).
pub fn analyze(word: &str, ta_marbuta: bool, knows: impl Fn(&str, Known) -> bool) -> Analysis {
    analyze_tiers(word, ta_marbuta, |s| {
        Known::ALL
            .iter()
            .filter(|&&t| knows(s, t))
            .fold(0, |m, t| m | t.bit())
    })
}

/// [`analyze`] with `tiers(stem)` giving every tier a stem is known at at
/// once: each candidate stem is looked up once, not once per tier.
///
/// The clitics are single Arabic letters, two bytes each in UTF-8, so the
/// splits are found by comparing bytes (this runs for every distinct word).
pub fn analyze_tiers(word: &str, ta_marbuta: bool, tiers: impl Fn(&str) -> Tiers) -> Analysis {
    let bytes = word.as_bytes();
    if bytes.first().is_none_or(u8::is_ascii_digit) {
        return Analysis {
            stem: 0..word.len(),
            ..Analysis::default()
        };
    }
    let letter_at = |at: usize| bytes.get(at..at + 2);
    // Candidates from least to most stripping: conj?, prep?, then the article.
    let mut candidates = [Candidate::default(); 15];
    let mut n = 0;
    let conj_end = match letter_at(0) {
        Some(WAW | FA) => Some(2),
        _ => None,
    };
    for conj in [Some(0), conj_end].into_iter().flatten() {
        let prep = match letter_at(conj) {
            Some(BA) => Some('ب'),
            Some(LAM) => Some('ل'),
            Some(KAF) => Some('ك'),
            _ => None,
        };
        // No preposition, then the one the letters allow.
        for prep in [Some(None), prep.map(|c| Some((c, conj + 2)))]
            .into_iter()
            .flatten()
        {
            let (prep_char, rest) = match prep {
                Some((c, at)) => (Some(c), at),
                None => (None, conj),
            };
            let mut options: [Option<(usize, bool)>; 2] = [None, None];
            options[0] = match bytes.get(rest..rest + 4) {
                Some(AL) if chars(&bytes[rest + 4..]) >= 2 => Some((rest + 4, true)),
                _ => Some((rest, false)),
            };
            // لل = ل + ال with the alef dropped (للمعارضة).
            if prep_char == Some('ل')
                && letter_at(rest) == Some(LAM)
                && chars(&bytes[rest + 2..]) >= 2
            {
                options[1] = Some((rest + 2, true));
            }
            for (start, article) in options.into_iter().flatten() {
                if chars(&bytes[start..]) < 2 {
                    continue;
                }
                candidates[n] = Candidate {
                    start,
                    conj: conj > 0,
                    prep: prep_char,
                    article,
                    tiers: tiers(&word[start..]),
                };
                n += 1;
            }
        }
    }
    let candidates = &candidates[..n];
    for tier in [Known::Word, Known::InPhrase, Known::Place, Known::InPlace] {
        for c in candidates {
            if c.tiers & tier.bit() != 0 {
                return c.made(word.len());
            }
            if tier != Known::Word {
                continue;
            }
            let stem = &bytes[c.start..];
            // Every pronoun ends in ا، م، ن or ه: most stems end in none.
            if !matches!(
                stem.get(stem.len().saturating_sub(2)..),
                Some(ALEF | MIM | NUN | HA)
            ) {
                continue;
            }
            for suffix in SUFFIXES {
                if ta_marbuta && suffix == "ه" {
                    continue;
                }
                if stem.ends_with(suffix.as_bytes()) {
                    let end = c.start + stem.len() - suffix.len();
                    if chars(&bytes[c.start..end]) >= 3
                        && tiers(&word[c.start..end]) & Known::Content.bit() != 0
                    {
                        return c.made(end);
                    }
                }
            }
        }
    }
    fallback(word)
}

/// The UTF-8 of the letters clitics are made of.
const WAW: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const BA: &[u8] = "ب".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const KAF: &[u8] = "ك".as_bytes();
const AL: &[u8] = "ال".as_bytes();
const ALEF: &[u8] = "ا".as_bytes();
const MIM: &[u8] = "م".as_bytes();
const NUN: &[u8] = "ن".as_bytes();
const HA: &[u8] = "ه".as_bytes();

/// One way of splitting clitics off a word, with the tiers its stem is known at.
#[derive(Debug, Clone, Copy, Default)]
struct Candidate {
    /// Where the stem starts; it runs to the end of the word.
    start: usize,
    conj: bool,
    prep: Option<char>,
    article: bool,
    tiers: Tiers,
}

impl Candidate {
    fn made(&self, end: usize) -> Analysis {
        Analysis {
            stem: self.start..end,
            conj: self.conj,
            prep: self.prep,
            article: self.article,
        }
    }
}

/// The guess for a word no lexicon knows: strip only prefixes that cannot be
/// part of a name.
fn fallback(word: &str) -> Analysis {
    for (prefix, conj, prep) in [
        ("وبال", true, Some('ب')),
        ("وال", true, None),
        ("فال", true, None),
        ("بال", false, Some('ب')),
        ("كال", false, Some('ك')),
        ("ولل", true, Some('ل')),
        ("لل", false, Some('ل')),
        ("ال", false, None),
    ] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if chars(rest.as_bytes()) >= 2 {
                return Analysis {
                    stem: word.len() - rest.len()..word.len(),
                    conj,
                    prep,
                    article: true,
                };
            }
        }
    }
    if let Some(rest) = word.strip_prefix('و') {
        if chars(rest.as_bytes()) >= 3 {
            return Analysis {
                stem: word.len() - rest.len()..word.len(),
                conj: true,
                ..Analysis::default()
            };
        }
    }
    Analysis {
        stem: 0..word.len(),
        ..Analysis::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 8] = [
        "بلده",
        "ريف",
        "صواريخ",
        "قصف",
        "معارضه",
        "حي",
        "تضامن",
        "سيطرت",
    ];

    fn split(word: &str) -> (String, bool, Option<char>, bool) {
        let a = analyze(word, false, |s, _| KNOWN.contains(&s));
        (a.stem(word).to_string(), a.conj, a.prep, a.article)
    }

    #[test]
    fn clitics_split_only_into_known_words() {
        for (word, stem, conj, prep, article) in [
            ("بلده", "بلده", false, None, false),
            ("وبلده", "بلده", true, None, false),
            ("بريف", "ريف", false, Some('ب'), false),
            ("وبالصواريخ", "صواريخ", true, Some('ب'), true),
            ("للمعارضه", "معارضه", false, Some('ل'), true),
            ("قصفها", "قصف", false, None, false),
            ("سيطرتها", "سيطرت", false, None, false),
            ("الحي", "حي", false, None, true),
            ("والتضامن", "تضامن", true, None, true),
            // Unknown names keep their letters; a visible article or و still goes.
            ("بعربو", "بعربو", false, None, false),
            ("والهبيط", "هبيط", true, None, true),
            ("وتيرمعله", "تيرمعله", true, None, false),
            ("2017", "2017", false, None, false),
            // A folded ة is not the pronoun ـه (see `ta_marbuta`).
            ("قصفه", "قصف", false, None, false),
            ("و", "و", false, None, false),
            ("ال", "ال", false, None, false),
        ] {
            assert_eq!(
                split(word),
                (stem.to_string(), conj, prep, article),
                "{word}"
            );
        }
    }
}
