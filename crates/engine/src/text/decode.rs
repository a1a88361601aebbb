//! Bytes of a file → text, for every reader of files (the page and the CLI):
//! UTF-8, UTF-16 (with a byte-order mark, or sniffed: Windows "Unicode" saves)
//! and Windows-1256, the legacy Arabic code page of older Windows and many
//! websites. UTF-8 with a few damaged bytes stays UTF-8 (the bad bytes become
//! U+FFFD); anything else that is not UTF-8 is read as Windows-1256, where
//! every byte decodes, so a caller decides whether the result is text at all.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// The text and the name of the encoding it was read as.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        // UTF-8 with a few damaged bytes stays UTF-8 (the bad bytes become
        // U+FFFD): an article with one bad byte still has events worth finding.
        Err(_) if mostly_utf8(bytes) => (String::from_utf8_lossy(bytes).into_owned(), "UTF-8"),
        // Otherwise every byte is a Windows-1256 character.
        Err(_) => {
            let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
            (text.into_owned(), WINDOWS_1256.name())
        }
    }
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

/// UTF-16 without a byte-order mark: in Arabic or Latin text nearly every
/// high byte is 0x00 (ASCII) or 0x06 (the Arabic block), on one parity.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
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
        Some(UTF_16LE)
    } else if be * 10 >= pairs * 9 && le * 10 < pairs * 5 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn windows_1256() {
        let (bytes, _, bad) = WINDOWS_1256.encode(AR);
        assert!(!bad);
        assert_eq!(decode(&bytes), (AR.to_string(), "windows-1256"));
    }
}
