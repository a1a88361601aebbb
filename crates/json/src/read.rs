//! Reading JSON text (RFC 8259, as strictly as serde_json) into a [`Value`].
//!
//! One difference: a number too large for a double (`1e400`) is read, kept
//! as written, where serde_json refuses it; [`Value::as_u32`] and
//! [`Value::as_decimal6`] then refuse it, so a link or save holding one is
//! refused in the same place.

use std::borrow::Cow;
use std::fmt;

use crate::Value;

/// Arrays and objects nest at most this deep (serde_json's limit too), so a
/// hostile text cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Why a text is not JSON. Opaque: it says what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    what: &'static str,
    at: usize,
}

impl Error {
    /// The byte offset where reading stopped.
    pub fn offset(&self) -> usize {
        self.at
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

impl std::error::Error for Error {}

/// The value `text` holds, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value<'_>, Error> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

/// The first position from `at` holding a quote, a backslash or a control
/// character (or the end): eight bytes at a time, since article texts make
/// strings of thousands of plain bytes.
fn plain_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // A byte below 0x20, or equal to '"' or '\\', sets its high bit here.
        let special = (v.wrapping_sub(ONES * 0x20) & !v & HIGH)
            | has_zero(v ^ (ONES * u64::from(b'"')))
            | has_zero(v ^ (ONES * u64::from(b'\\')));
        if special != 0 {
            break;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        at += 1;
    }
    at
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &'static str) -> Error {
        Error { what, at: self.at }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, Error> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                let depth = self.enter(depth)?;
                let mut items = Vec::new();
                if !self.close(b']') {
                    loop {
                        items.push(self.value(depth)?);
                        if self.close(b']') {
                            break;
                        }
                        self.comma()?;
                    }
                }
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                let depth = self.enter(depth)?;
                let mut members = Vec::new();
                if !self.close(b'}') {
                    loop {
                        self.skip_whitespace();
                        if self.peek() != Some(b'"') {
                            return Err(self.error("expected a key"));
                        }
                        let key = self.string()?;
                        self.skip_whitespace();
                        if self.peek() != Some(b':') {
                            return Err(self.error("expected ':'"));
                        }
                        self.at += 1;
                        members.push((key, self.value(depth)?));
                        if self.close(b'}') {
                            break;
                        }
                        self.comma()?;
                    }
                }
                Ok(Value::Object(members))
            }
            Some(_) => Err(self.error("expected a value")),
        }
    }

    /// Steps over an opening bracket, one level deeper.
    fn enter(&mut self, depth: usize) -> Result<usize, Error> {
        if depth >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        Ok(depth + 1)
    }

    /// Steps over `bracket` if it comes next.
    fn close(&mut self, bracket: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(bracket);
        self.at += usize::from(found);
        found
    }

    fn comma(&mut self) -> Result<(), Error> {
        if self.peek() == Some(b',') {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error("expected ',' or a closing bracket"))
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Value<'a>, Error> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = self.at;
        if bytes[at] == b'-' {
            at += 1;
        }
        let int_start = at;
        let int = digits(&mut at);
        if int == 0 || (int > 1 && bytes[int_start] == b'0') {
            self.at = at;
            return Err(self.error("invalid number"));
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if digits(&mut at) == 0 {
                self.at = at;
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            if digits(&mut at) == 0 {
                self.at = at;
                return Err(self.error("invalid number"));
            }
        }
        self.at = at;
        Ok(Value::Number(Cow::Borrowed(&self.text[start..at])))
    }

    /// A string, borrowed when it holds no escape.
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        let start = self.at;
        // The plain run up to the first escape or the closing quote.
        self.at = plain_end(bytes, self.at);
        match bytes.get(self.at) {
            Some(b'"') => {
                self.at += 1;
                return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error("control character in a string")),
            None => return Err(self.error("unterminated string")),
        }
        let mut owned = String::from(&self.text[start..self.at]);
        let mut plain = self.at;
        loop {
            self.at = plain_end(bytes, self.at);
            match bytes.get(self.at) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    owned.push_str(&self.text[plain..self.at]);
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    owned.push_str(&self.text[plain..self.at]);
                    self.at += 1;
                    let c = match bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    };
                    owned.push(c);
                    self.at += 1;
                    plain = self.at;
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; `self.at` is on the `u`
    /// and is left on the last hex digit.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if !self.text[self.at + 1..].starts_with("\\u") {
                    return Err(self.error("lone surrogate in an escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.error("lone surrogate in an escape"));
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error("lone surrogate in an escape")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid escape"))
    }

    /// The four hex digits after the `u` at `self.at`, leaving `self.at` on the last.
    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self
            .text
            .get(self.at + 1..self.at + 5)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid escape"))?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "-12.5e+3",
            "1E5",
            "\"\"",
            "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u0627\\ud83d\\ude00\"",
            "[]",
            "[ 1 , [ ] , { } ]",
            "{\"a\" : {\"b\":[null]}}",
            "\"حلب\"",
            "\"\u{7f}\"",
            // Not JSON:
            "",
            " ",
            "nul",
            "nulls",
            "tru",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "0x10",
            "NaN",
            "[1,]",
            "[1 2]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{1:1}",
            "[",
            "{",
            "\"abc",
            "\"a\\",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"\\ud83d\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ude00\"",
            "\"tab\there\"",
            "\"nl\nhere\"",
            "[] []",
            "'a'",
            "[\"\\u",
            "\"\\ud83d\\u",
        ] {
            let ours = parse(text);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{text:?}: {ours:?} / {theirs:?}"
            );
            if let (Ok(Value::String(a)), Ok(serde_json::Value::String(b))) = (&ours, &theirs) {
                assert_eq!(a, b, "{text:?}");
            }
        }
    }

    #[test]
    fn numbers_beyond_a_double_are_read_and_refused_by_the_numbers_readers() {
        let v = parse("[1e400,-1e400]").unwrap();
        assert!(serde_json::from_str::<serde_json::Value>("1e400").is_err());
        for n in v.as_array().unwrap() {
            assert_eq!((n.as_u32(), n.as_decimal6()), (None, None));
        }
    }

    #[test]
    fn plain_runs_end_at_the_first_quote_backslash_or_control_character() {
        for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for at in 0..20 {
                let mut bytes = "aé\u{7f}".repeat(8).into_bytes();
                bytes.truncate(24);
                bytes.insert(at, special);
                bytes.push(b'"');
                assert_eq!(plain_end(&bytes, 0), at, "{special:#x} at {at}");
                assert_eq!(plain_end(&bytes, at), at);
            }
        }
        // Bytes just above the special ones are plain.
        let plain = [0x20, b'!', b'#', b'[', b']', 0x7f, 0x80, 0xff].repeat(3);
        assert_eq!(plain_end(&plain, 0), plain.len());
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let text = r#"["plain عربي","with \n escape"]"#;
        let v = parse(text).unwrap();
        let items = v.as_array().unwrap();
        assert!(matches!(
            &items[0],
            Value::String(Cow::Borrowed("plain عربي"))
        ));
        assert!(matches!(&items[1], Value::String(Cow::Owned(s)) if s == "with \n escape"));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        for deep in [MAX_DEPTH + 1, 100_000] {
            let text = "[".repeat(deep) + &"]".repeat(deep);
            assert_eq!(parse(&text).unwrap_err().what, "nested too deeply");
            let text = "{\"a\":".repeat(deep) + "1" + &"}".repeat(deep);
            assert!(parse(&text).is_err());
        }
    }

    #[test]
    fn errors_say_where() {
        let e = parse("[1, 2,, 3]").unwrap_err();
        assert_eq!(e.offset(), 6);
        assert_eq!(e.to_string(), "expected a value at byte 6");
    }
}
