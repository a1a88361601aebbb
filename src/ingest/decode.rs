//! Bytes of a text file → text. Arabic files come as UTF-8, UTF-16 (Windows
//! "Unicode" saves) or Windows-1256 (older Arabic Windows and many websites).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// The text and the name of the encoding it was read as.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    // Before UTF-8: Arabic letters in UTF-16 are bytes 0x21..0x4A and 0x06,
    // which are valid (but meaningless) UTF-8.
    if let Some(enc) = sniff_utf16(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "UTF-8");
    }
    // Not UTF-8: the usual legacy Arabic code page. Every byte decodes, so a
    // binary file still comes out as (odd) text; `check_text` catches it.
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    (text.into_owned(), WINDOWS_1256.name())
}

/// UTF-16 without a BOM: in Arabic or Latin text, nearly every high byte is
/// 0x00 (ASCII) or 0x06 (the Arabic block), and they sit on one parity.
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
