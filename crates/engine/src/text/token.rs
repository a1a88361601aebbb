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
    match c {
        // Arabic letters first: most of every article, and cheaper than the
        // general Unicode table.
        '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => true,
        // The Arabic comma, semicolon and question mark and the general
        // punctuation (quotes, dashes): common, and slow to look up in the
        // table (a test checks none is a letter).
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{2000}'..='\u{206F}' | '«' | '»' => false,
        _ => c.is_alphabetic(),
    }
}

/// The character at byte `at` of `text` (a char boundary) and its width.
/// ASCII and two-byte characters (Arabic) are decoded here; the rest by
/// the standard library.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    match (bytes[at], bytes.get(at + 1)) {
        (b @ 0..0x80, _) => (char::from(b), 1),
        (b @ 0xC0..0xE0, Some(&next)) => {
            let code = u32::from(b & 0x1F) << 6 | u32::from(next & 0x3F);
            (
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
                2,
            )
        }
        _ => {
            let c = text[at..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        }
    }
}

/// The end of the word whose letters continue at byte `at`: letters (any
/// script) and ASCII digits. The Arabic letters U+0621–U+064A (two bytes,
/// D8 A1 to D9 8A) and ASCII are told by their bytes.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        // An Arabic letter: `at` is a character's first byte, and after a
        // lead byte D8 or D9 comes a continuation byte (80–BF), so the pairs
        // D8 A1 to D9 8A read as one number are one range.
        let pair = u16::from_be_bytes([b, bytes.get(at + 1).copied().unwrap_or(0)]);
        if (0xD8A1..=0xD98A).contains(&pair) {
            at += 2;
            continue;
        }
        let width = match b {
            b if b.is_ascii_alphanumeric() => 1,
            0..0x80 => break,
            _ => {
                let (d, width) = char_at(text, at);
                if !is_letter(d) {
                    break;
                }
                width
            }
        };
        at += width;
    }
    at
}

/// Splits folded text into tokens. Whitespace separates and is dropped;
/// a line break is a sentence end (headlines and paragraphs have no full stop).
pub fn tokenize(folded: &str) -> Vec<Token> {
    let bytes = folded.as_bytes();
    let mut tokens = Vec::with_capacity(folded.len() / 5);
    let mut at = 0;
    while at < bytes.len() {
        // Every other character is a space between words.
        if bytes[at] == b' ' {
            at += 1;
            continue;
        }
        let start = at;
        let (c, width) = char_at(folded, at);
        at += width;
        // Letters first (most tokens are words); no letter is a line break
        // or a digit, so the order of the tests does not matter.
        if is_letter(c) {
            at = word_end(folded, at);
            tokens.push(Token {
                kind: TokenKind::Word,
                start,
                end: at,
            });
            continue;
        }
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
        let kind = if c.is_ascii_digit() {
            // Digits with inner separators: "1,200" "2.5", but "2017." ends a sentence.
            loop {
                match bytes.get(at) {
                    Some(d) if d.is_ascii_digit() => at += 1,
                    Some(b',' | b'.') if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) => {
                        at += 1
                    }
                    _ => break,
                }
            }
            TokenKind::Number
        } else {
            match c {
                '.' | '!' | '?' | '؟' | '…' => TokenKind::SentenceEnd,
                '،' | ',' | '؛' | ';' | ':' => TokenKind::ClauseEnd,
                _ => TokenKind::Symbol,
            }
        };
        tokens.push(Token {
            kind,
            start,
            end: at,
        });
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
    fn punctuation_told_apart_early_is_no_letter() {
        for c in ['\u{060C}', '\u{061B}', '\u{061F}', '«', '»']
            .into_iter()
            .chain('\u{2000}'..='\u{206F}')
        {
            assert!(!is_letter(c) && !c.is_alphabetic(), "{c:?}");
        }
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
    /// The tokenizer as first written, over `char_indices`: what [`tokenize`]
    /// must agree with.
    fn reference(folded: &str) -> Vec<Token> {
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

    #[test]
    fn agrees_with_the_reference() {
        let mut text = String::from(
            "قصف 48 غاره، 1,200 و2.5 و2017. ب5 abc١٢ x\u{0671}\u{06D3}y ۝ ﻻ 𝔸b ٪ … ؟\n\n\t\u{00A0}e\u{0301} 7,a 8. \u{0620}ب\u{064B}ي،ا\u{064A}\u{0621}",
        );
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dev");
        for entry in std::fs::read_dir(dev).unwrap() {
            text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        let folded = crate::text::normalize::fold(&text);
        for t in [text.as_str(), folded.as_str()] {
            assert_eq!(tokenize(t), reference(t));
        }
        // Every split of a short mixed text, so each path meets every end.
        let mixed = "أ1,2.ب-ج، د\n.e9 ﻻ😀ـه";
        for (i, _) in mixed.char_indices() {
            assert_eq!(tokenize(&mixed[i..]), reference(&mixed[i..]));
        }
    }
}
