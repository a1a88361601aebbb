//! Stage 2: sentences and clauses, as ranges of token indices.
//!
//! Sentences end at `.` `!` `?` `؟` and line breaks; clauses also end at
//! `،` `؛` `:` and before clause openers (كما، في حين، بينما، مما أدى …), which
//! the assembler passes in because they are lexicon entries.

use std::ops::Range;

use super::token::{Token, TokenKind};

/// A sentence (a token index range) and where its clauses are in
/// [`Segments::clauses`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    clauses: Range<usize>,
}

/// A text's sentences, and all their clauses (token index ranges) in one
/// list: a long text has thousands of sentences, which would each allocate
/// a list of their own.
#[derive(Debug, Default)]
pub struct Segments {
    pub sentences: Vec<Sentence>,
    clauses: Vec<Range<usize>>,
}

impl Segments {
    /// The clauses of `sentence`, one of [`Segments::sentences`].
    pub fn clauses(&self, sentence: &Sentence) -> &[Range<usize>] {
        &self.clauses[sentence.clauses.clone()]
    }
}

/// A clause longer than this many tokens is cut: real clauses are far
/// shorter, and the cut keeps the assembler's work per clause bounded on
/// text with no punctuation at all.
pub const MAX_CLAUSE: usize = 120;

/// Splits `tokens` into sentences and clauses. `opens_clause(i)` says whether
/// token `i` starts a new clause (a clause opener from the lexicon).
pub fn segment(tokens: &[Token], opens_clause: impl Fn(usize) -> bool) -> Segments {
    let mut sentences = Vec::new();
    let mut sent_start = 0;
    let mut clause_start = 0;
    let mut clauses = Vec::new();
    // The first of the current sentence's clauses in `clauses`.
    let mut first = 0;
    let close_clause = |clauses: &mut Vec<Range<usize>>, start: usize, end: usize| {
        if end > start {
            clauses.push(start..end);
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::SentenceEnd => {
                close_clause(&mut clauses, clause_start, i);
                if clauses.len() > first {
                    sentences.push(Sentence {
                        tokens: sent_start..i,
                        clauses: first..clauses.len(),
                    });
                    first = clauses.len();
                }
                sent_start = i + 1;
                clause_start = i + 1;
            }
            TokenKind::ClauseEnd => {
                close_clause(&mut clauses, clause_start, i);
                clause_start = i + 1;
            }
            _ if i >= clause_start + MAX_CLAUSE || (i > clause_start && opens_clause(i)) => {
                close_clause(&mut clauses, clause_start, i);
                clause_start = i;
            }
            _ => {}
        }
    }
    close_clause(&mut clauses, clause_start, tokens.len());
    if clauses.len() > first {
        sentences.push(Sentence {
            tokens: sent_start..tokens.len(),
            clauses: first..clauses.len(),
        });
    }
    Segments { sentences, clauses }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    #[test]
    fn sentences_and_clauses() {
        let text = "قصفت الطائرات البلده، كما قصفت المدفعيه القريه. وقال ناشطون";
        let tokens = tokenize(text);
        let kama = tokens.iter().position(|t| t.text(text) == "كما").unwrap();
        let s = segment(&tokens, |i| i == kama);
        assert_eq!(s.sentences.len(), 2);
        assert_eq!(s.clauses(&s.sentences[0]).len(), 2);
        assert_eq!(
            tokens[s.clauses(&s.sentences[0])[1].start].text(text),
            "كما"
        );
        assert_eq!(s.clauses(&s.sentences[1]), std::slice::from_ref(&(9..11)));
        assert!(segment(&[], |_| false).sentences.is_empty());
        let only_punct = tokenize("، . ؛");
        assert!(segment(&only_punct, |_| false).sentences.is_empty());
    }
}
