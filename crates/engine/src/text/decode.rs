//! Bytes of a file → text, for every reader of files (the page and the CLI):
//! UTF-8, UTF-16 (with a byte-order mark, or sniffed: Windows "Unicode" saves)
//! and Windows-1256, the legacy Arabic code page of older Windows and many
//! websites. UTF-8 with a few damaged bytes stays UTF-8 (the bad bytes become
//! U+FFFD); anything else that is not UTF-8 is read as Windows-1256, where
//! every byte decodes, so a caller decides whether the result is text at all.

use super::windows1256;

/// The text and the name of the encoding it was read as (the names the
/// Encoding Standard uses).
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => return (utf8(rest), "UTF-8"),
        [0xFF, 0xFE, rest @ ..] => return (utf16(rest, u16::from_le_bytes), "UTF-16LE"),
        [0xFE, 0xFF, rest @ ..] => return (utf16(rest, u16::from_be_bytes), "UTF-16BE"),
        _ => {}
    }
    match sniff_utf16(bytes) {
        Some(Utf16::Le) => return (utf16(bytes, u16::from_le_bytes), "UTF-16LE"),
        Some(Utf16::Be) => return (utf16(bytes, u16::from_be_bytes), "UTF-16BE"),
        None => {}
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        // UTF-8 with a few damaged bytes stays UTF-8 (the bad bytes become
        // U+FFFD): an article with one bad byte still has events worth finding.
        Err(_) if mostly_utf8(bytes) => (utf8(bytes), "UTF-8"),
        // Otherwise every byte is a Windows-1256 character.
        Err(_) => (windows_1256(bytes), "windows-1256"),
    }
}

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// UTF-16 code units → text; an unpaired surrogate or a lone last byte becomes U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

fn windows_1256(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0..=0x7F => b as char,
            _ => windows1256::HIGH[usize::from(b - 0x80)],
        })
        .collect()
}

/// Whether the bytes that are not ASCII mostly form valid UTF-8 sequences.
/// Windows-1256 Arabic (letters 0xC1–0xFE, one byte each) almost never does.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good > bad * 4
}

enum Utf16 {
    Le,
    Be,
}

/// UTF-16 without a byte-order mark: in Arabic or Latin text nearly every
/// high byte is 0x00 (ASCII) or 0x06 (the Arabic block), on one parity.
fn sniff_utf16(bytes: &[u8]) -> Option<Utf16> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let high = |offset: usize| {
        sample
            .chunks_exact(2)
            .filter(|p| p[offset] == 0 || p[offset] == 6)
            .count()
    };
    let (le, be) = (high(1), high(0));
    if le * 10 >= pairs * 9 && be * 10 < pairs * 5 {
        Some(Utf16::Le)
    } else if be * 10 >= pairs * 9 && le * 10 < pairs * 5 {
        Some(Utf16::Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // The reference the hand-written decoders are checked against.
    use encoding_rs::WINDOWS_1256;

    const AR: &str = "قصفت قوات النظام حي الوعر في حمص.\n";

    #[test]
    fn every_encoding_reads_back() {
        assert_eq!(decode(AR.as_bytes()), (AR.to_string(), "UTF-8"));
        let (cp, _, lossy) = WINDOWS_1256.encode(AR);
        assert!(!lossy);
        assert_eq!(decode(&cp), (AR.to_string(), "windows-1256"));
        let le: Vec<u8> = AR.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).0, AR);
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(AR.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be), (AR.to_string(), "UTF-16BE"));
    }

    #[test]
    fn utf8_with_a_bad_byte_stays_utf8() {
        let mut bytes = AR.repeat(3).into_bytes();
        bytes.insert(10, 0xff);
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, "UTF-8");
        assert!(text.contains("الوعر") && text.contains('\u{FFFD}'));
    }

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(AR.as_bytes()), (AR.to_string(), "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(AR.as_bytes());
        assert_eq!(decode(&b).0, AR);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut b = vec![0xFF, 0xFE];
        b.extend(utf16(AR, true));
        assert_eq!(decode(&b), (AR.to_string(), "UTF-16LE"));
        let mut b = vec![0xFE, 0xFF];
        b.extend(utf16(AR, false));
        assert_eq!(decode(&b), (AR.to_string(), "UTF-16BE"));
        assert_eq!(decode(&utf16(AR, true)), (AR.to_string(), "UTF-16LE"));
        assert_eq!(decode(&utf16(AR, false)), (AR.to_string(), "UTF-16BE"));
    }

    #[test]
    fn windows_1256_text_reads_back() {
        let (bytes, _, bad) = WINDOWS_1256.encode(AR);
        assert!(!bad);
        assert_eq!(decode(&bytes), (AR.to_string(), "windows-1256"));
    }

    #[test]
    fn every_windows_1256_byte_agrees_with_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        let (expected, _) = WINDOWS_1256.decode_without_bom_handling(&all);
        assert_eq!(windows_1256(&all), expected);
    }

    #[test]
    fn broken_utf16_becomes_replacement_characters() {
        // A lone high surrogate, then an odd last byte.
        let bytes = [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00, 0x42];
        assert_eq!(decode(&bytes).0, "\u{FFFD}A\u{FFFD}");
    }
}
