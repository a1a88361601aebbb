//! Stages 1–4 together: an article folded, tokenised, stemmed, matched
//! against every lexicon and cut into sentences and clauses.
//!
//! Later stages read a [`Document`] and never reach back into the text stages.

use std::ops::Range;

use crate::lexicon::hash::FastMap;
use crate::lexicon::kinds::{self, Kinds};
use crate::lexicon::{analyze_tiers, lexicon, Analysis, Entry, Phrase, SyntaxRole, TriggerClass};
use crate::text::normalize::NormText;
use crate::text::segment::{segment, Segments};
use crate::text::token::{tokenize, Token, TokenKind};

/// A lexicon phrase found in the text.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub phrase: &'static Phrase,
}

impl Mention {
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry> {
        self.phrase.entries.iter()
    }
}

/// What the time parser says about a token's word alone. Both depend only
/// on the word, so they are computed once per distinct word rather than at
/// every token of every clause.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeFacts {
    /// A time expression may start here ([`crate::time::may_start`]).
    pub may_start: bool,
    /// The word alone is a time expression ("امس", "الاربعاء").
    pub alone: bool,
    /// A time expression's head may start here ([`crate::time::may_open_head`]):
    /// words from one that may start an expression hold none ("في مدينة
    /// حمص") are no time expression.
    pub head: bool,
}

impl TimeFacts {
    fn of(word: &str) -> TimeFacts {
        // A token that is a time expression alone starts one, so the quick
        // test spares most words the parser (a test below checks the claim).
        let may_start = crate::time::may_start(word);
        TimeFacts {
            may_start,
            alone: may_start && crate::time::parse_time(&[word]).is_some(),
            head: crate::time::may_open_head(word),
        }
    }
}

/// An article ready for event assembly.
pub struct Document<'a> {
    pub norm: NormText<'a>,
    pub tokens: Vec<Token>,
    pub analyses: Vec<Analysis>,
    /// For each token, [`TimeFacts`] of its word.
    times: Vec<TimeFacts>,
    /// Every mention, sorted by first token, longest first.
    pub mentions: Vec<Mention>,
    /// For each token, the range of `mentions` that start at it.
    starts: Vec<Range<usize>>,
    /// For each token, the kinds of the entries of the mentions that start
    /// at it: most questions about a token are answered by this alone.
    kinds: Vec<Kinds>,
    /// The sentences, and their clauses.
    pub segments: Segments,
}

/// Whether the last letter of `word` (original text) is ة. A word nearly
/// always ends in a plain Arabic or Latin letter, which settles it without
/// the Unicode tables; anything else (a trailing diacritic) takes the full test.
fn ends_with_ta_marbuta(word: &str) -> bool {
    match word.chars().next_back() {
        Some('ة') => true,
        Some('\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'a'..='z' | 'A'..='Z') => false,
        _ => word
            // A diacritic (U+064B–U+0652) is alphabetic too: answered without the tables.
            .trim_end_matches(|c: char| !matches!(c, '\u{0620}'..='\u{0657}') && !c.is_alphabetic())
            .ends_with('ة'),
    }
}

/// What the engine knows of a word wherever it stands: its analysis, what
/// the time parser says of it alone, and its stem's lexicon id (`None`: no
/// phrase has it). One look-up per token for all three.
#[derive(Debug, Clone)]
struct WordFacts {
    analysis: Analysis,
    time: TimeFacts,
    id: Option<u32>,
}

/// Words repeat (Zipf): each distinct word is analysed once, and the memo
/// is kept from one piece of a long text to the next, and from one call
/// to the next on the same thread (see `WORD_MEMO` in lib.rs).
#[derive(Debug, Default)]
pub struct WordMemo {
    /// Words of up to [`ShortWord::MAX`] bytes (nearly all), by folded word
    /// and whether it had a final ة before folding (the facts depend on the
    /// word alone, so a word seen both ways gets the same time facts twice).
    short: FastMap<ShortWord, WordFacts>,
    /// Longer words, without (`[0]`) and with (`[1]`) a final ة.
    long: [FastMap<Box<str>, WordFacts>; 2],
    /// Punctuation and symbols, which have no analysis.
    other: FastMap<Box<str>, TimeFacts>,
}

/// A short word held in the key itself, zero-padded, its length and ة flag
/// in the last byte: hashed and compared as three `u64`s, with no pointer to
/// follow and no call to `memcmp` (a look-up runs for every token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ShortWord([u64; 3]);

impl ShortWord {
    const MAX: usize = 23;

    fn new(word: &str, ta_marbuta: bool) -> Option<ShortWord> {
        let bytes = word.as_bytes();
        if bytes.len() > Self::MAX {
            return None;
        }
        // Eight bytes at a time; the last one to seven zero-padded, read as
        // whole words that overlap and shifted (as wyhash reads a tail): a
        // copy into a buffer would call memcpy for every token.
        let len = bytes.len();
        let u64_at =
            |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
        let u32_at = |at: usize| {
            u64::from(u32::from_le_bytes(
                bytes[at..at + 4].try_into().unwrap_or_default(),
            ))
        };
        let mut key = [0u64; 3];
        for (i, k) in key.iter_mut().enumerate() {
            let start = i * 8;
            if start >= len {
                break;
            }
            let n = (len - start).min(8);
            *k = if n == 8 {
                u64_at(start)
            } else if len >= 8 {
                u64_at(len - 8) >> (8 * (8 - n))
            } else if n >= 4 {
                u32_at(0) | (u32_at(n - 4) >> (8 * (8 - n))) << 32
            } else {
                bytes
                    .iter()
                    .rev()
                    .fold(0, |word, &b| word << 8 | u64::from(b))
            };
        }
        key[2] |= u64::from(len as u8 | u8::from(ta_marbuta) << 7) << 56;
        Some(ShortWord(key))
    }
}

impl std::hash::Hash for ShortWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for w in self.0 {
            state.write_u64(w);
        }
    }
}

/// A memo holding more words than this is emptied before the next piece,
/// so a huge text of ever new words keeps its memory bounded.
const MEMO_WORDS: usize = 1 << 18;

impl WordMemo {
    fn len(&self) -> usize {
        self.short.len() + self.long.iter().map(FastMap::len).sum::<usize>()
    }

    fn facts(&mut self, word: &str, ta_marbuta: bool) -> WordFacts {
        let short = ShortWord::new(word, ta_marbuta);
        // Looked up by the borrowed word; a key is copied only for a new word.
        let known = match short {
            Some(key) => self.short.get(&key),
            None => self.long[usize::from(ta_marbuta)].get(word),
        };
        if let Some(facts) = known {
            return facts.clone();
        }
        let lex = lexicon();
        let analysis = analyze_tiers(word, ta_marbuta, |s| lex.tiers_of(s));
        let facts = WordFacts {
            id: lex.word_id(analysis.stem(word)),
            analysis,
            time: TimeFacts::of(word),
        };
        match short {
            Some(key) => self.short.insert(key, facts.clone()),
            None => self.long[usize::from(ta_marbuta)].insert(word.into(), facts.clone()),
        };
        facts
    }

    fn other(&mut self, word: &str) -> TimeFacts {
        match self.other.get(word) {
            Some(&facts) => facts,
            None => *self
                .other
                .entry(word.into())
                .or_insert_with(|| TimeFacts::of(word)),
        }
    }
}

impl<'a> Document<'a> {
    /// Reads a text on its own.
    #[cfg(test)]
    pub fn new(text: &'a str) -> Document<'a> {
        Document::with_memo(text, &mut WordMemo::default())
    }

    /// Reads a text (a piece of a longer one), with the words already
    /// analysed in the pieces before.
    pub fn with_memo(text: &'a str, memo: &mut WordMemo) -> Document<'a> {
        let lex = lexicon();
        let norm = NormText::new(text);
        let folded = norm.folded();
        let tokens = tokenize(folded);
        if memo.len() > MEMO_WORDS {
            *memo = WordMemo::default();
        }
        let mut analyses = Vec::with_capacity(tokens.len());
        let mut times = Vec::with_capacity(tokens.len());
        // Each token's stem as a lexicon word id (`None`: no phrase has it).
        let mut ids = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let word = t.text(folded);
            match t.kind {
                TokenKind::Word | TokenKind::Number => {
                    // Folding made ة an ه; a final ة is never the pronoun ـه. Only
                    // a word that ends in ه may have had one: the others skip
                    // the look-up of their original text.
                    let ta_marbuta = word.ends_with('ه')
                        && ends_with_ta_marbuta(&text[norm.to_original(t.start..t.end)]);
                    let facts = memo.facts(word, ta_marbuta);
                    analyses.push(facts.analysis);
                    times.push(facts.time);
                    ids.push(facts.id);
                }
                _ => {
                    analyses.push(Analysis::default());
                    ids.push(None);
                    times.push(memo.other(word));
                }
            }
        }
        let mentions: Vec<Mention> = lex
            .find_ids(&ids)
            .into_iter()
            .map(|(start, p)| {
                let phrase = &lex.phrases[p];
                Mention {
                    start,
                    end: start + phrase.words,
                    phrase,
                }
            })
            .collect();
        let mut starts = vec![0..0; tokens.len()];
        let mut token_kinds = vec![0; tokens.len()];
        let mut i = 0;
        while i < mentions.len() {
            let t = mentions[i].start;
            let j = i + mentions[i..].iter().take_while(|m| m.start == t).count();
            starts[t] = i..j;
            token_kinds[t] = mentions[i..j].iter().fold(0, |k, m| k | m.phrase.kinds);
            i = j;
        }
        let openers =
            kinds::syntax(SyntaxRole::Opener) | kinds::syntax(SyntaxRole::OpenerIfTrigger);
        let opens_clause = |i: usize| {
            // Nearly every token has no opener: its kinds say so.
            token_kinds[i] & openers != 0
                && mentions[starts[i].clone()].iter().any(|m| {
                m.entries().any(|e| match e {
                    Entry::Syntax(SyntaxRole::Opener) => true,
                    Entry::Syntax(SyntaxRole::OpenerIfTrigger) => {
                        let next = m.end;
                        next < tokens.len()
                            && mentions[starts[next].clone()].iter().any(|n| {
                                n.entries().any(|e| matches!(e, Entry::Trigger { class, .. } if *class != TriggerClass::Block))
                            })
                    }
                    _ => false,
                })
            })
        };
        let segments = segment(&tokens, opens_clause);
        Document {
            norm,
            tokens,
            analyses,
            times,
            mentions,
            starts,
            kinds: token_kinds,
            segments,
        }
    }

    /// The folded text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| t.text(self.norm.folded()))
    }

    /// The stem of token `i` (clitics removed).
    pub fn stem(&self, i: usize) -> &str {
        match (self.tokens.get(i), self.analyses.get(i)) {
            (Some(t), Some(a)) if t.kind == TokenKind::Word || t.kind == TokenKind::Number => {
                // One slice of the text rather than of the word, then of its
                // stem (asked at most tokens of every clause).
                &self.norm.folded()[t.start + a.stem.start..t.start + a.stem.end]
            }
            _ => "",
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// What the time parser says about token `i`'s word alone.
    pub fn time_facts(&self, i: usize) -> TimeFacts {
        self.times
            .get(i)
            .copied()
            .unwrap_or_else(|| TimeFacts::of(""))
    }

    pub fn analysis(&self, i: usize) -> Analysis {
        self.analyses.get(i).cloned().unwrap_or_default()
    }

    /// Mentions that start at token `i`, longest first, if any has an entry
    /// of `kinds` (else none: the caller looks only for entries of those kinds).
    pub fn mentions_with(&self, i: usize, kinds: Kinds) -> &[Mention] {
        if self.kinds.get(i).is_none_or(|k| k & kinds == 0) {
            return &[];
        }
        self.mentions_at(i)
    }

    /// Mentions that start at token `i`, longest first.
    pub fn mentions_at(&self, i: usize) -> &[Mention] {
        match self.starts.get(i) {
            Some(r) => &self.mentions[r.clone()],
            None => &[],
        }
    }

    /// The longest mention starting at `i` with an entry that `pred`
    /// accepts; `pred` accepts only entries of `kinds`.
    pub fn find_at(
        &self,
        i: usize,
        kinds: Kinds,
        pred: impl Fn(&Entry) -> bool,
    ) -> Option<(Mention, &'static Entry)> {
        // Most tokens have no entry of the kinds asked for: one look-up says so.
        if self.kinds.get(i).is_none_or(|k| k & kinds == 0) {
            return None;
        }
        self.mentions_at(i)
            .iter()
            .find_map(|m| m.entries().find(|e| pred(e)).map(|e| (*m, e)))
    }

    /// A compass word at `i`: an adjective after a name ("الشرقي", with the
    /// article) when `adj`, else a preposition before a place ("شرقي حمص").
    /// Both share one key, so the article tells them apart.
    pub fn direction_at(&self, i: usize, adj: bool) -> Option<Mention> {
        if self.analysis(i).article != adj {
            return None;
        }
        self.find_at(i, kinds::DIRECTION, |e| {
            matches!(e, Entry::Direction { .. })
        })
        .map(|(m, _)| m)
    }

    /// Whether token `i` begins a phrase with an entry `pred` accepts;
    /// `pred` accepts only entries of `kinds`.
    pub fn has_at(&self, i: usize, kinds: Kinds, pred: impl Fn(&Entry) -> bool) -> bool {
        self.find_at(i, kinds, pred).is_some()
    }

    /// The original-text byte range of tokens `range`.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() || range.end > self.tokens.len() {
            return 0..0;
        }
        let start = self.tokens[range.start].start;
        let end = self.tokens[range.end - 1].end;
        self.norm.to_original(start..end)
    }

    /// The original text of tokens `range` as a name: without the conjunction
    /// or preposition glued to the first word ("وبلدة" → "بلدة"), article kept.
    pub fn name_text(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() || range.end > self.tokens.len() {
            return "";
        }
        let folded = self.norm.folded();
        let first = self.tokens[range.start];
        let a = &self.analyses[range.start];
        let word = first.text(folded);
        let mut from = a.stem.start.min(word.len());
        if a.article && word[..from].ends_with("ال") {
            from -= "ال".len();
        }
        let r = self
            .norm
            .to_original(first.start + from..self.tokens[range.end - 1].end);
        &self.norm.original()[r]
    }

    /// The original text of tokens `range`.
    pub fn original_text(&self, range: Range<usize>) -> &'a str {
        let r = self.original_range(range);
        &self.norm.original()[r]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use crate::time::{may_start, parse_time};

    /// Short keys keep apart what the words keep apart: length (a trailing
    /// zero byte), the ة flag, and words past the inline limit go elsewhere.
    #[test]
    fn short_word_keys() {
        let key = |w: &str, t: bool| ShortWord::new(w, t);
        assert_eq!(key("قصف", false), key("قصف", false));
        assert_ne!(key("قصف", false), key("قصف", true));
        assert_ne!(key("ab", false), key("ab\0", false));
        assert_ne!(key("", false), key("\0", false));
        assert!(key(&"a".repeat(ShortWord::MAX), false).is_some());
        assert!(key(&"a".repeat(ShortWord::MAX + 1), false).is_none());
        // Every length reads as the zero-padded bytes would.
        let text = "abcdefghijklmnopqrstuvw";
        for len in 0..=ShortWord::MAX {
            let mut buf = [0u8; 24];
            buf[..len].copy_from_slice(&text.as_bytes()[..len]);
            buf[23] = len as u8 | 0x80;
            let want: Vec<u64> = buf
                .chunks(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
                .collect();
            assert_eq!(key(&text[..len], true).unwrap().0.to_vec(), want, "{len}");
        }
        // A word read from either table has the same facts as on its own.
        let mut memo = WordMemo::default();
        for word in ["قصفت", "والمستشفيات", &"ب".repeat(20), "مدينه"] {
            for ta in [false, true] {
                let a = memo.facts(word, ta);
                let b = memo.facts(word, ta);
                let lex = lexicon();
                assert_eq!(
                    a.analysis,
                    analyze_tiers(word, ta, |s| lex.tiers_of(s)),
                    "{word}"
                );
                assert_eq!((a.analysis, a.id), (b.analysis, b.id), "{word}");
            }
        }
    }

    /// [`TimeFacts::of`] asks the parser only about words that may start a
    /// time expression: no token is a time expression alone without that.
    #[test]
    fn a_time_word_alone_may_start_one() {
        let tables = [
            include_str!("../data/lexicon/months.tsv"),
            include_str!("../data/lexicon/weekdays.tsv"),
            include_str!("../data/lexicon/ordinals.tsv"),
            include_str!("../data/lexicon/relative_days.tsv"),
        ];
        let mut text = String::from("2017-12-22 22/12/2017 ال22 و50 لل5 (2017) ² - ، .\n");
        for table in tables {
            for line in table.lines().filter(|l| !l.starts_with('#')) {
                for field in line.split('\t') {
                    for word in field.split_whitespace() {
                        let bare = word.strip_prefix("ال").unwrap_or(word);
                        for w in [word.to_string(), format!("لل{bare}")] {
                            text += &format!("{w} و{w} ف{w} ب{w} ل{w} ");
                        }
                    }
                }
            }
        }
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dev");
        for entry in std::fs::read_dir(dev).unwrap() {
            text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        let folded = fold(&text);
        let mut alone = 0;
        for t in tokenize(&folded) {
            let word = t.text(&folded);
            if parse_time(&[word]).is_some() {
                alone += 1;
                assert!(may_start(word), "{word}");
            }
        }
        assert!(alone > 100);
    }

    /// A word whose original ends in ة ends in ه once folded, so only those
    /// are looked up in the original text.
    #[test]
    fn only_a_final_ha_may_have_been_ta_marbuta() {
        let mut text = String::from("مدينةٌ قرية\u{0640}ة بلدةً حيّ ة. ");
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dev");
        for entry in std::fs::read_dir(dev).unwrap() {
            text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        let norm = NormText::new(&text);
        let mut seen = 0;
        for t in tokenize(norm.folded()) {
            if ends_with_ta_marbuta(&text[norm.to_original(t.start..t.end)]) {
                seen += 1;
                assert!(t.text(norm.folded()).ends_with('ه'));
            }
        }
        assert!(seen > 100);
    }

    /// The trie finds what one automaton pass over the joined stems finds
    /// (how phrases were matched before): every phrase at every token.
    #[test]
    fn mentions_are_those_of_an_automaton_over_the_stems() {
        let lex = lexicon();
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dev");
        for entry in std::fs::read_dir(dev).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let doc = Document::new(&text);
            let mut stream = String::from(" ");
            let mut starts = Vec::new();
            for (i, t) in doc.tokens.iter().enumerate() {
                starts.push(stream.len());
                let word = matches!(t.kind, TokenKind::Word | TokenKind::Number);
                stream += if word { doc.stem(i) } else { "|" };
                stream.push(' ');
            }
            let patterns = lex.phrases.iter().map(|p| format!(" {} ", p.key));
            let automaton = aho_corasick::AhoCorasick::new(patterns).unwrap();
            let mut expected: Vec<(usize, usize)> = automaton
                .find_overlapping_iter(&stream)
                .map(|m| {
                    let p = m.pattern().as_usize();
                    (starts.partition_point(|&s| s <= m.start()), p)
                })
                .collect();
            expected.sort_by_key(|&(t, p)| (t, std::cmp::Reverse(lex.phrases[p].words)));
            let found: Vec<(usize, usize)> = doc
                .mentions
                .iter()
                .map(|m| (m.start, m.phrase as *const Phrase as usize))
                .collect();
            let expected: Vec<(usize, usize)> = expected
                .into_iter()
                .map(|(t, p)| (t, &lex.phrases[p] as *const Phrase as usize))
                .collect();
            assert!(expected.len() > 100, "{}", expected.len());
            assert_eq!(found, expected);
        }
    }
}
