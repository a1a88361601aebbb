//! The engine on inputs nobody would write on purpose: it must not panic,
//! must give the same events twice, and every evidence span must be a real
//! slice of the text (bytes and UTF-16 alike).

use waqai_engine::{extract, Options};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "قصف",
    "قصفت قوات النظام",
    "حي",
    "بلدة",
    "الوعر",
    "وال",
    "ب",
    "غارات",
    "مقتل",
    "ثلاثة",
    "خمسة وعشرين",
    "جرحى",
    "مما أدى إلى",
    "في",
    "على",
    "،",
    ".",
    "؛",
    "\n",
    " ",
    "  ",
    "أمس",
    "الأربعاء",
    "تشرين",
    "22",
    "كانون الأول 2017",
    "ريف",
    "الشمالي",
    "ل",
    "نفت",
    "لم",
    "الحي ذاته",
    "و",
    "المدينة",
    "من قبل",
    "داعش",
    "\u{064E}",
    "\u{0640}",
    "\u{FEFB}",
    "\u{202E}",
    "\u{200B}",
    "😀",
    "<script>alert(1)</script>",
    "\u{0}",
    "ٱ",
    "١٢٣",
    "۴",
    "-",
    "“",
    "(",
    "a",
    "Z",
    "1,200",
    "9999999999999999999999",
    "عدد كبير من",
    "اللواء",
];

fn check(text: &str) {
    let options = Options::published("2020-06-15".parse().unwrap());
    let a = extract(text, &options);
    let b = extract(text, &options);
    assert_eq!(a, b, "not deterministic for {text:?}");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for e in &a.events {
        assert!(!e.places.is_empty());
        for s in &e.evidence {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
            assert_eq!(&text[s.start..s.end], &*s.text);
            assert_eq!(
                String::from_utf16(&utf16[s.start_utf16..s.end_utf16]).unwrap(),
                *s.text
            );
        }
    }
}

#[test]
fn random_mixtures_never_break_it() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for _ in 0..1500 {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        check(&text);
    }
}

#[test]
fn odd_inputs() {
    let long_line = "قصف ".repeat(20_000);
    let numbers = "9".repeat(5000);
    let lossy = String::from_utf8_lossy(&[0xff, 0xfe, 0xd9, 0x82, 0x80, 0x00, 0x41]).into_owned();
    for text in [
        "",
        " ",
        "\n\n\n",
        "،،،،.....؟؟",
        "Shelling in Homs killed 3 people yesterday.",
        long_line.as_str(),
        numbers.as_str(),
        lossy.as_str(),
        "\u{202E}قصف\u{202C} حي \u{200D}الوعر",
        "<p onclick=\"x()\">قصفت الطائرات بلدة <b>داريا</b></p>",
    ] {
        check(text);
    }
}
