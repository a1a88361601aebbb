//! Property tests (proptest): for ANY text — arbitrary Unicode, and texts
//! built from Arabic letters, diacritics, punctuation, digits and words the
//! lexicons know — the engine keeps its promises:
//!
//! * every evidence span lies inside the text, on char boundaries, and its
//!   `text` is exactly that slice;
//! * the UTF-16 offsets name the same slice as the byte offsets;
//! * the output is deterministic;
//! * events come in text order of their first evidence;
//! * a text twice over (with a line break between) gives no fewer events.
//!
//! The case counts are kept small so that `cargo test` stays fast in debug;
//! `PROPTEST_CASES=5000 cargo test -p waqai-engine --test props --release`
//! runs a longer search.

use proptest::prelude::*;
use waqai_engine::{extract, Extraction, Options};

/// Words and pieces the engine reacts to: triggers, actors, places, numbers,
/// time words, clitics, denials, and a few hostile characters.
const WORDS: &[&str] = &[
    "قصف",
    "قصفت",
    "قوات النظام",
    "الطائرات الحربية",
    "المروحيات",
    "غارة",
    "غارات جوية",
    "استهدفت",
    "اشتباكات",
    "سيطرت",
    "فصائل المعارضة",
    "تنظيم الدولة",
    "داعش",
    "قسد",
    "حي",
    "بلدة",
    "مدينة",
    "قرية",
    "ريف",
    "الشمالي",
    "حمص",
    "الوعر",
    "دوما",
    "داريا",
    "حلب",
    "إدلب",
    "جوبر",
    "بدمشق",
    "مقتل",
    "مقتل ثلاثة مدنيين",
    "إصابة",
    "جرحى",
    "مما أدى إلى",
    "خمسة وعشرين",
    "عشرات",
    "أمس",
    "اليوم",
    "الأربعاء",
    "منذ أسبوع",
    "كانون الأول",
    "تشرين",
    "2017",
    "22",
    "١٢٣",
    "في",
    "على",
    "من",
    "و",
    "ف",
    "ب",
    "ل",
    "ال",
    "نفت",
    "لم",
    "ذاته",
    "المرصد السوري",
    "وفق",
    "بقذائف الهاون",
    "براميل متفجرة",
];

const PUNCT: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\r\n", "\t", "،", ".", "؛", "؟", "!", ":", "-", "(", ")", "«", "»",
    "\"", "“", "”", "/",
];

const ODD: &[&str] = &[
    "\u{064B}", // tanwin fath
    "\u{064E}", // fatha
    "\u{0651}", // shadda
    "\u{0652}", // sukun
    "\u{0640}", // tatweel
    "\u{0670}", // superscript alef
    "\u{200B}", // zero-width space
    "\u{200C}", // zero-width non-joiner
    "\u{200D}", // zero-width joiner
    "\u{200F}", // right-to-left mark
    "\u{202E}", // right-to-left override
    "\u{202C}", // pop directional formatting
    "\u{2066}", // left-to-right isolate
    "\u{FEFF}", // byte-order mark
    "\u{FEFB}", // lam-alef ligature (presentation form)
    "\u{FE8D}", // alef, isolated presentation form
    "\u{0}", "\u{FFFD}", "😀", "٠", "٩", "۴", "٫", "ٱ", "ى", "ة", "ئ", "ؤ", "<script>", "&amp;",
];

fn options() -> Vec<Options> {
    vec![
        Options::published("2017-03-22".parse().unwrap()),
        Options::default(),
    ]
}

/// Strings built from the pieces above and single Arabic letters.
fn arabicish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(str::to_string),
        4 => proptest::sample::select(PUNCT).prop_map(str::to_string),
        2 => proptest::sample::select(ODD).prop_map(str::to_string),
        2 => (0x0621u32..=0x064Au32).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => (0x0660u32..=0x0669u32).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => (0u32..100_000).prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Any Unicode text, with Arabic mixed in.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\u0600-\\u06FF \\n.،0-9a-z\\u200B-\\u200F\\u202A-\\u202E]{0,200}",
    ]
}

/// Every promise about one extraction of `text`.
fn check_spans(text: &str, found: &Extraction) -> Result<(), TestCaseError> {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for e in &found.events {
        prop_assert!(!e.evidence.is_empty(), "an event with no evidence");
        for s in &e.evidence {
            prop_assert!(s.start <= s.end && s.end <= text.len(), "{:?}", s);
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert_eq!(&text[s.start..s.end], &*s.text);
            prop_assert!(s.start_utf16 <= s.end_utf16 && s.end_utf16 <= utf16.len());
            // The UTF-16 offsets are the byte offsets counted in UTF-16 units.
            prop_assert_eq!(s.start_utf16, text[..s.start].encode_utf16().count());
            prop_assert_eq!(s.end_utf16, text[..s.end].encode_utf16().count());
            prop_assert_eq!(
                String::from_utf16(&utf16[s.start_utf16..s.end_utf16]).unwrap(),
                &*s.text
            );
        }
    }
    // Text order of first evidence.
    let firsts: Vec<usize> = found.events.iter().map(|e| e.evidence[0].start).collect();
    prop_assert!(
        firsts.windows(2).all(|w| w[0] <= w[1]),
        "events out of text order: first evidence at {:?}",
        firsts
    );
    Ok(())
}

fn check_all(text: &str) -> Result<(), TestCaseError> {
    for options in options() {
        let found = extract(text, &options);
        check_spans(text, &found)?;
        prop_assert_eq!(&found, &extract(text, &options), "not deterministic");
        let twice = format!("{text}\n{text}");
        let found_twice = extract(&twice, &options);
        check_spans(&twice, &found_twice)?;
        prop_assert!(
            found_twice.events.len() >= found.events.len(),
            "the text twice over gives {} events, once {}",
            found_twice.events.len(),
            found.events.len()
        );
    }
    Ok(())
}

/// 128 cases per property (well under a second each in debug), or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_keeps_the_promises(text in any_text()) {
        check_all(&text)?;
    }

    #[test]
    fn arabic_like_text_keeps_the_promises(text in arabicish()) {
        check_all(&text)?;
    }

    /// The report's own sentences, cut anywhere and glued to noise.
    #[test]
    fn cut_reports_keep_the_promises(
        cut in 0usize..400,
        noise in arabicish(),
        front in any::<bool>(),
    ) {
        let report = "قصفت قوات النظام الأربعاء حي الوعر في حمص بقذائف الهاون، مما أدى إلى مقتل ثلاثة مدنيين. \
                      وشنت الطائرات الحربية غارات على مدينة دوما بريف دمشق.\nنفت المعارضة سيطرتها على بلدة داريا أمس.";
        let mut at = cut.min(report.len());
        while !report.is_char_boundary(at) {
            at -= 1;
        }
        let text = if front {
            format!("{noise}{}", &report[..at])
        } else {
            format!("{}{noise}{}", &report[..at], &report[at..])
        };
        check_all(&text)?;
    }
}

/// An input proptest once found a panic with, kept so it runs every time: an
/// actor as the text's first word, then a trigger (the actor reader looked at
/// the word before the first one).
#[test]
fn found_input_keeps_the_promises() {
    check_all("فصائل المعارضة-بقصفت قوات النظام الأربعاء حي الوعر في حمص").unwrap();
}
