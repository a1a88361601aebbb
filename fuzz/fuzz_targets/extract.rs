//! Arbitrary bytes → lossy UTF-8 → the engine, with and without a
//! publication date. It must not panic, and every evidence span must be a
//! real slice of the text (bytes and UTF-16 alike).
#![no_main]

use libfuzzer_sys::fuzz_target;
use waqai_engine::{extract, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first byte picks the options, so both paths (a given date, a
    // dateline found in the text) are explored.
    let options = match data.first() {
        Some(b) if b & 1 == 1 => Options::published("2017-03-22".parse().unwrap()),
        _ => Options::default(),
    };
    let found = extract(&text, &options);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for e in &found.events {
        for s in &e.evidence {
            assert!(s.start <= s.end && s.end <= text.len());
            assert_eq!(&text[s.start..s.end], &*s.text);
            assert_eq!(
                String::from_utf16(&utf16[s.start_utf16..s.end_utf16]).unwrap(),
                *s.text
            );
        }
    }
});
