//! Stage 4: the lexicons, loaded once, and one trie over all their phrases.
//!
//! Every lexicon is a TSV file under `data/lexicon/` (see its header for the
//! columns and where the words come from), embedded at build time and parsed
//! on first use. Place names come from the [gazetteer](crate::gazetteer).
//!
//! Matching runs over *stems*: each token with its clitics split off
//! ([`analyze`]), so "وبالصواريخ" is matched as "صواريخ". A clitic is only split
//! when what remains is a word some lexicon knows, so "بلدة" stays "بلده" and
//! is not read as ب + "لده".

mod analysis;
mod entries;
pub(crate) mod hash;
mod trie;

use std::collections::HashMap;

use hash::{FastMap, FastSet};
use std::sync::LazyLock;

use trie::PhraseTrie;

pub use analysis::{analyze, analyze_tiers, Analysis, Known, Tiers};
pub use entries::*;

use crate::text::normalize::match_key;

/// One phrase (a key of one or more words) and everything it means.
#[derive(Debug)]
pub struct Phrase {
    /// The match key (folded, article-less words joined by spaces).
    pub key: String,
    /// How many tokens it spans.
    pub words: usize,
    /// Its meanings; a phrase may be, say, both a weapon and an actor (الطيران الحربي).
    pub entries: Vec<Entry>,
    /// The kinds of its entries ([`Entry::kind`]).
    pub kinds: kinds::Kinds,
}

/// All lexicons, their vocabulary and the trie of their keys.
pub struct Lexicon {
    pub phrases: Vec<Phrase>,
    /// Every word a token may be stemmed to, with the tiers it is known at
    /// ([`Known`]): one look-up answers them all.
    tiers: FastMap<String, Tiers>,
    trie: PhraseTrie,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The lines of an embedded TSV file: comments and blank lines skipped,
/// fields split on tabs.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut add = |phrase: &str, entry: Entry| {
            let key = match_key(phrase);
            if key.is_empty() {
                return;
            }
            let at = *by_key.entry(key.clone()).or_insert_with(|| {
                phrases.push(Phrase {
                    words: key.split(' ').count(),
                    key,
                    entries: Vec::new(),
                    kinds: 0,
                });
                phrases.len() - 1
            });
            if !phrases[at].entries.contains(&entry) {
                phrases[at].entries.push(entry);
                phrases[at].kinds |= entry.kind();
            }
        };
        for (file, parse) in entries::FILES {
            for row in rows(file) {
                if let Some(entry) = parse(&row) {
                    add(row[0], entry);
                }
            }
        }
        for key in crate::gazetteer::gazetteer().keys() {
            add(key, Entry::Place);
        }
        let is_place = |p: &&Phrase| p.entries.iter().all(|e| matches!(e, Entry::Place));
        let words_of = |places: bool| -> FastSet {
            phrases
                .iter()
                .filter(|p| is_place(p) == places)
                .flat_map(|p| p.key.split(' '))
                .map(str::to_string)
                .collect()
        };
        let vocab = words_of(false);
        let place_vocab = words_of(true);
        let single = |pred: &dyn Fn(&Phrase) -> bool| -> FastSet {
            phrases
                .iter()
                .filter(|p| p.words == 1 && pred(p))
                .map(|p| p.key.clone())
                .collect()
        };
        let words = single(&|p| !is_place(&p));
        let content = single(&|p| {
            p.entries
                .iter()
                .any(|e| !matches!(e, Entry::Place | Entry::Syntax(_)))
        });
        let place_words = single(&|p| is_place(&p));
        let mut tiers: FastMap<String, Tiers> = FastMap::default();
        for (set, tier) in [
            (words, Known::Word),
            (vocab, Known::InPhrase),
            (place_words, Known::Place),
            (place_vocab, Known::InPlace),
            (content, Known::Content),
        ] {
            for word in set {
                *tiers.entry(word).or_default() |= tier.bit();
            }
        }
        let trie = PhraseTrie::new(phrases.iter().map(|p| p.key.as_str()));
        Lexicon {
            phrases,
            tiers,
            trie,
        }
    }

    /// Whether a stem is known at a tier (see [`Known`]).
    pub fn knows(&self, word: &str, tier: Known) -> bool {
        self.tiers_of(word) & tier.bit() != 0
    }

    /// Every tier a stem is known at (see [`Known::bit`]).
    pub fn tiers_of(&self, word: &str) -> Tiers {
        self.tiers.get(word).copied().unwrap_or(0)
    }

    /// The id of a stem that some phrase contains, for [`Lexicon::find_ids`].
    pub fn word_id(&self, stem: &str) -> Option<u32> {
        self.trie.id(stem)
    }

    /// Finds every phrase in a stream of stems. `stems[i]` is token i's stem,
    /// or `None` for punctuation (no phrase crosses it). Returns
    /// `(first token, phrase index)` pairs, sorted by token then by length, longest first.
    pub fn find(&self, stems: &[Option<&str>]) -> Vec<(usize, usize)> {
        let ids: Vec<Option<u32>> = stems
            .iter()
            .map(|s| s.and_then(|s| self.word_id(s)))
            .collect();
        self.find_ids(&ids)
    }

    /// [`Lexicon::find`] over the stems' [word ids](Lexicon::word_id).
    pub fn find_ids(&self, ids: &[Option<u32>]) -> Vec<(usize, usize)> {
        self.trie.find(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase_has(key: &str, pred: impl Fn(&Entry) -> bool) -> bool {
        lexicon()
            .phrases
            .iter()
            .any(|p| p.key == key && p.entries.iter().any(&pred))
    }

    #[test]
    fn files_load_into_classes() {
        assert!(phrase_has("غارات", |e| matches!(
            e,
            Entry::Trigger {
                class: TriggerClass::Air,
                ..
            }
        )));
        assert!(phrase_has("قوات نظام", |e| matches!(
            e,
            Entry::Actor {
                side: crate::Side::Government,
                ..
            }
        )));
        assert!(phrase_has("طيران حربي", |e| matches!(
            e,
            Entry::Weapon(Delivery::Air)
        )));
        assert!(phrase_has("طيران حربي", |e| matches!(
            e,
            Entry::Actor { air: true, .. }
        )));
        assert!(phrase_has("قذايف هاون", |e| matches!(
            e,
            Entry::Weapon(Delivery::Ground)
        )));
        assert!(phrase_has("مما ادي", |e| matches!(
            e,
            Entry::Syntax(SyntaxRole::Linker)
        )));
        assert!(phrase_has("مرصد سوري", |e| matches!(
            e,
            Entry::Source(_)
        )));
    }

    #[test]
    fn a_phrase_knows_the_kinds_of_its_entries() {
        for p in &lexicon().phrases {
            let kinds = p.entries.iter().fold(0, |k, e| k | e.kind());
            assert_eq!(p.kinds, kinds, "{}", p.key);
            assert_eq!(kinds & !(kinds::SYNTAX | 0xFF), 0, "{}", p.key);
        }
        assert_ne!(kinds::syntax(SyntaxRole::Possessive) & kinds::SYNTAX, 0);
        assert_ne!(kinds::syntax(SyntaxRole::Part) & kinds::SYNTAX, 0);
        assert_ne!(kinds::syntax(SyntaxRole::Force) & kinds::SYNTAX, 0);
    }

    #[test]
    fn finds_phrases_longest_first() {
        let stems = [
            Some("قوات"),
            Some("نظام"),
            Some("سوري"),
            None,
            Some("غارات"),
        ];
        let found = lexicon().find(&stems);
        let keys: Vec<(usize, &str)> = found
            .iter()
            .map(|&(t, p)| (t, lexicon().phrases[p].key.as_str()))
            .collect();
        assert_eq!(keys[0], (0, "قوات نظام سوري"));
        assert!(keys.contains(&(0, "قوات نظام")));
        assert!(keys.contains(&(4, "غارات")));
        assert!(!keys.iter().any(|(t, _)| *t == 3));
    }
}
