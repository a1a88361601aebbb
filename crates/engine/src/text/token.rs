//! Stage 3a: split folded text into tokens: words, numbers, punctuation.
//!
//! Offsets are byte offsets into the folded text ([`NormText::folded`]); map
//! them back with [`NormText::to_original`]. Clitics stay attached here; the
//! lexicon decides how to split them (see [`crate::lexicon::Analysis`]).
//!
//! [`NormText::folded`]: super::normalize::NormText::folded
//! [`NormText::to_original`]: super::normalize::NormText::to_original

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), possibly with digits inside ("ب5").
    Word,
    /// ASCII digits, with inner ',' or '.' ("1,200", "2.5").
    Number,
    /// A sentence end: `.` `!` `?` `؟` or a line break.
    SentenceEnd,
    /// A clause separator: `،` `,` `؛` `;` `:`.
    ClauseEnd,
    /// Any other symbol (quotes, brackets, dashes).
    Symbol,
}

/// One token of the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text in the folded string it came from.
    pub fn text<'t>(&self, folded: &'t str) -> &'t str {
        &folded[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_letter(c: char) -> bool {
    // Arabic letters first: most of every article, and cheaper than the
    // general Unicode table.
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}') || c.is_alphabetic()
}

/// Splits folded text into tokens. Whitespace separates and is dropped;
/// a line break is a sentence end (headlines and paragraphs have no full stop).
pub fn tokenize(folded: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(folded.len() / 5);
    let mut chars = folded.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '\n' {
            // A line break right after a sentence end adds nothing.
            if tokens.last().map(|t: &Token| t.kind) != Some(TokenKind::SentenceEnd) {
                tokens.push(Token {
                    kind: TokenKind::SentenceEnd,
                    start,
                    end: start + 1,
                });
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            // Digits with inner separators: "1,200" "2.5", but "2017." ends a sentence.
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = i + 1;
                    chars.next();
                } else if (d == ',' || d == '.')
                    && folded[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit())
                {
                    chars.next();
                    end = i + 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if is_letter(c) {
            while let Some(&(i, d)) = chars.peek() {
                if is_letter(d) || d.is_ascii_digit() {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            match c {
                '.' | '!' | '?' | '؟' | '…' => TokenKind::SentenceEnd,
                '،' | ',' | '؛' | ';' | ':' => TokenKind::ClauseEnd,
                _ => TokenKind::Symbol,
            }
        };
        tokens.push(Token { kind, start, end });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("قصف 48 غاره، وسقوط 1,200 قتيل."),
            vec![
                (Word, "قصف"),
                (Number, "48"),
                (Word, "غاره"),
                (ClauseEnd, "،"),
                (Word, "وسقوط"),
                (Number, "1,200"),
                (Word, "قتيل"),
                (SentenceEnd, "."),
            ]
        );
        assert_eq!(
            kinds("عام 2018.\n\nالخبر"),
            vec![
                (Word, "عام"),
                (Number, "2018"),
                (SentenceEnd, "."),
                (Word, "الخبر")
            ]
        );
        assert_eq!(kinds("عمان-دمشق")[1], (Symbol, "-"));
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \t ").is_empty());
    }
}
