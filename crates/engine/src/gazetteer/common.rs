//! Keys that name real places but are, far more often, ordinary words in news
//! text: "تل" (a hill; also the town al-Tall), "جديدة" (new; 29 villages),
//! "الثورة" (the revolution; also Tabqa's official name), "تشرين" (the month).
//! The generator already drops names that are only everyday words (علي،
//! فيديو، حول); these stay, and the engine should accept them as places only
//! with a type word or a strong slot ("بلدة التل", "حي تشرين").

/// Match keys, sorted (checked by a test) for binary search.
const COMMON: [&str; 24] = [
    "بركه",
    "بعث",
    "تشرين",
    "تل",
    "تله",
    "ثوره",
    "جديده",
    "جسر",
    "حاضر",
    "خربه",
    "دير",
    "شريعه",
    "صور",
    "طيبه",
    "عاصي",
    "عروبه",
    "قصور",
    "قلعه",
    "كفر",
    "مثلث",
    "مزرعه",
    "مهر",
    "ميدان",
    "وادي",
];

/// Whether `key` is a place name that is usually an ordinary word.
pub fn is_common_word(key: &str) -> bool {
    COMMON.binary_search(&key).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;
    use crate::text::normalize::match_key;

    #[test]
    fn list_is_sorted_and_every_word_is_a_key() {
        assert!(COMMON.windows(2).all(|w| w[0] < w[1]));
        for key in COMMON {
            assert!(gazetteer().contains(key), "{key}");
            assert!(is_common_word(key));
        }
        assert!(!is_common_word("حمص"));
    }

    #[test]
    fn everyday_words_are_not_places() {
        for word in [
            "علي",
            "فيديو",
            "حول",
            "تحت",
            "الشهداء",
            "المحافظة",
            "مدينة",
            "له",
        ] {
            assert!(!gazetteer().contains(&match_key(word)), "{word}");
        }
        // …but the places behind some of them still are, under their other names.
        for name in ["الهول", "حي الشهداء", "حي المحافظة"] {
            assert!(gazetteer().contains(&match_key(name)), "{name}");
        }
    }
}
