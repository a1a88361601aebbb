//! Stage 2: sentences and clauses, as ranges of token indices.
//!
//! Sentences end at `.` `!` `?` `؟` and line breaks; clauses also end at
//! `،` `؛` `:` and before clause openers (كما، في حين، بينما، مما أدى …), which
//! the assembler passes in because they are lexicon entries.

use std::ops::Range;

use super::token::{Token, TokenKind};

/// A sentence and the clauses inside it (token index ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub clauses: Vec<Range<usize>>,
}

/// A clause longer than this many tokens is cut: real clauses are far
/// shorter, and the cut keeps the assembler's work per clause bounded on
/// text with no punctuation at all.
pub const MAX_CLAUSE: usize = 120;

/// Splits `tokens` into sentences and clauses. `opens_clause(i)` says whether
/// token `i` starts a new clause (a clause opener from the lexicon).
pub fn segment(tokens: &[Token], opens_clause: impl Fn(usize) -> bool) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut sent_start = 0;
    let mut clause_start = 0;
    let mut clauses = Vec::new();
    let close_clause = |clauses: &mut Vec<Range<usize>>, start: usize, end: usize| {
        if end > start {
            clauses.push(start..end);
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::SentenceEnd => {
                close_clause(&mut clauses, clause_start, i);
                if !clauses.is_empty() {
                    sentences.push(Sentence {
                        tokens: sent_start..i,
                        clauses: std::mem::take(&mut clauses),
                    });
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
    if !clauses.is_empty() {
        sentences.push(Sentence {
            tokens: sent_start..tokens.len(),
            clauses,
        });
    }
    sentences
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
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].clauses.len(), 2);
        assert_eq!(tokens[s[0].clauses[1].start].text(text), "كما");
        assert_eq!(s[1].clauses, vec![9..11]);
        assert!(segment(&[], |_| false).is_empty());
        let only_punct = tokenize("، . ؛");
        assert!(segment(&only_punct, |_| false).is_empty());
    }
}
