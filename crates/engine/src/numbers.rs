//! Arabic quantities as casualty reports write them: digits ("48", "1,200",
//! "6 مليون"), number words in every gender, case and construct form
//! ("ثلاثة"، "ثلاثاً"، "خمسة وعشرين"، "مئتين"، "ثلاثة آلاف")، bounds before a
//! figure ("ما لا يقل عن 15") and vague amounts ("عشرات"، "عدد كبير من").
//!
//! Every function takes words already folded by [`crate::text::normalize::fold`].
//! The word tables are `data/lexicon/numbers.tsv` and `data/lexicon/quantifiers.tsv`.

use std::sync::LazyLock;

use crate::lexicon::hash::FastMap;
use crate::text::normalize::fold;

/// An amount stated in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// A figure ("ثلاثة"، "48"، "أكثر من عشرين" → 20).
    Exact(u32),
    /// A vague amount ("عشرات"، "عدد من"، "العديد").
    Vague,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unit,
    Ten,
    Tens,
    Hundreds,
    Scale,
    ScalePl,
    ScaleDual,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    value: u64,
    kind: Kind,
    article: bool,
}

static NUMBERS: LazyLock<FastMap<String, Entry>> = LazyLock::new(|| {
    rows(table!("numbers.tsv"))
        .filter_map(|cols| {
            let [word, value, kind, article] = cols[..] else {
                return None;
            };
            let kind = match kind {
                "unit" => Kind::Unit,
                "ten" => Kind::Ten,
                "tens" => Kind::Tens,
                "hundreds" => Kind::Hundreds,
                "scale" => Kind::Scale,
                "scale_pl" => Kind::ScalePl,
                "scale_dual" => Kind::ScaleDual,
                _ => return None,
            };
            let entry = Entry {
                value: value.parse().ok()?,
                kind,
                article: article == "y",
            };
            Some((fold(word), entry))
        })
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QKind {
    Bound,
    Range,
    After,
    Vague,
    VagueIndef,
}

/// Phrases of quantifiers.tsv, folded and split into words, longest first.
static QUANTIFIERS: LazyLock<Vec<(Vec<String>, QKind)>> = LazyLock::new(|| {
    let mut list: Vec<(Vec<String>, QKind)> = rows(table!("quantifiers.tsv"))
        .filter_map(|cols| {
            let [phrase, kind] = cols[..] else {
                return None;
            };
            let kind = match kind {
                "bound" => QKind::Bound,
                "range" => QKind::Range,
                "after" => QKind::After,
                "vague" => QKind::Vague,
                "vague_indef" => QKind::VagueIndef,
                _ => return None,
            };
            let words: Vec<String> = fold(phrase)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            (!words.is_empty()).then_some((words, kind))
        })
        .collect();
    list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    list
});

/// [`QUANTIFIERS`] by first word, and by first word without its article
/// (for "للعشرات" = ل + "العشرات"): positions in the list, in order. A word
/// is compared only with the quantifiers it may open.
static QUANTIFIER_STARTS: LazyLock<[FastMap<&'static str, Vec<usize>>; 2]> = LazyLock::new(|| {
    let mut by_first: FastMap<&'static str, Vec<usize>> = FastMap::default();
    let mut by_bare: FastMap<&'static str, Vec<usize>> = FastMap::default();
    for (i, (phrase, _)) in QUANTIFIERS.iter().enumerate() {
        let first = phrase[0].as_str();
        by_first.entry(first).or_default().push(i);
        if let Some(bare) = first.strip_prefix("ال") {
            by_bare.entry(bare).or_default().push(i);
        }
    }
    [by_first, by_bare]
});

/// The data rows of a TSV table: comments and blank lines skipped, columns trimmed.
pub(crate) fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Letters that may be attached to the first word of a quantity.
const CLITICS: [char; 4] = ['و', 'ف', 'ب', 'ل'];

/// The readings of a word's number part: (stem, has an article), the whole
/// word first, then without a clitic letter and/or the article. Stems left
/// by stripping must keep at least three letters ("لست" is not ل + ست).
/// (At most five, kept on the stack: this runs for every word a quantity may start at.)
fn readings(word: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut out = [("", false); 5];
    out[0] = (word, false);
    let mut n = 1;
    let mut stems = [word, ""];
    if let Some(c) = word.chars().next() {
        if CLITICS.contains(&c) {
            let rest = &word[c.len_utf8()..];
            if rest.chars().count() >= 3 {
                out[n] = (rest, false);
                n += 1;
                stems[1] = rest;
            }
        }
    }
    for stem in stems.into_iter().filter(|s| !s.is_empty()) {
        if let Some(rest) = stem.strip_prefix("ال") {
            if rest.chars().count() >= 2 {
                out[n] = (rest, true);
                n += 1;
            }
        }
    }
    // ل before the article drops its alif: "للثلاثه".
    if let Some(rest) = word.strip_prefix("لل") {
        if rest.chars().count() >= 2 {
            out[n] = (rest, true);
            n += 1;
        }
    }
    out.into_iter().take(n)
}

/// The table entry for `word` read with clitics allowed (first word of a
/// quantity) or exactly (inside one).
fn lookup(word: &str, clitics: bool) -> Option<Entry> {
    if !clitics {
        return NUMBERS.get(word).copied().filter(|_| !word.is_empty());
    }
    readings(word).find_map(|(stem, article)| {
        let e = NUMBERS.get(stem)?;
        (!article || e.article).then_some(*e)
    })
}

/// How the first word of a number part may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The first word of the quantity: clitics and (for some words) the article allowed.
    First,
    /// After a smaller part: joined by و, attached ("وعشرين") or standing
    /// apart ("و عشرين").
    Conj,
}

/// The table entry at `words[i]` read in `mode`, and how many words it took
/// (2 for a separate "و").
fn entry_at(words: &[&str], i: usize, mode: Mode) -> Option<(Entry, usize)> {
    let w = *words.get(i)?;
    match mode {
        Mode::First => lookup(w, true).map(|e| (e, 1)),
        Mode::Conj if w == "و" => lookup(words.get(i + 1)?, false).map(|e| (e, 2)),
        Mode::Conj => lookup(w.strip_prefix('و')?, false).map(|e| (e, 1)),
    }
}

/// The value of a single number word ("ثلاثه" → 3, "عشرين" → 20, "مئتين" → 200,
/// "الف" → 1000, "الفين" → 2000), or of a plain digit string ("48"). A clitic
/// و/ف/ب/ل and, for the units 3–10, the article are allowed ("وعشرين" → 20,
/// "الثلاثه" → 3). Plurals that need a number before them ("الاف") and vague
/// words give `None`.
pub fn number_word(word: &str) -> Option<u32> {
    if let Some(v) = digits(word) {
        return Some(v);
    }
    let e = lookup(word, true)?;
    if e.kind == Kind::ScalePl {
        return None;
    }
    u32::try_from(e.value).ok()
}

/// Reads a plain or grouped digit string ("48", "1,200"), with at most one
/// clitic letter before it ("و15"). `None` when it overflows `u32`.
fn digits(word: &str) -> Option<u32> {
    let body = match word.chars().next() {
        Some(c) if CLITICS.contains(&c) => &word[c.len_utf8()..],
        _ => word,
    };
    let body = body.strip_prefix("ال").unwrap_or(body);
    if body.is_empty() || !body.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let groups: Vec<&str> = body.split(',').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let mut value: u32 = 0;
    for b in groups.concat().bytes() {
        value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(value)
}

/// A digit string with a decimal point ("1.5"), as a value in thousandths.
fn decimal_milli(word: &str) -> Option<u64> {
    let (int, frac) = word.split_once('.')?;
    if int.is_empty()
        || frac.is_empty()
        || frac.len() > 3
        || int.len() > 9
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let int: u64 = int.parse().ok()?;
    let mut frac_val: u64 = frac.parse().ok()?;
    for _ in frac.len()..3 {
        frac_val *= 10;
    }
    Some(int * 1000 + frac_val)
}

/// Reads a number below 100 at `words[i]`, its first word read in `mode`.
fn below_100(words: &[&str], i: usize, mode: Mode) -> Option<(u64, usize)> {
    let (e, k) = entry_at(words, i, mode)?;
    match e.kind {
        Kind::Unit if (1..=9).contains(&e.value) => {
            // "خمسه عشر", "احدي عشره"
            if words
                .get(i + k)
                .and_then(|n| NUMBERS.get(*n))
                .is_some_and(|n| n.kind == Kind::Ten)
            {
                return Some((10 + e.value, k + 1));
            }
            // "خمسه وعشرين", "خمسه و عشرين"
            match entry_at(words, i + k, Mode::Conj) {
                Some((t, m)) if t.kind == Kind::Tens => Some((t.value + e.value, k + m)),
                _ => Some((e.value, k)),
            }
        }
        Kind::Unit | Kind::Ten | Kind::Tens => Some((e.value, k)),
        _ => None,
    }
}

/// Reads a number below 1000 at `words[i]`, its first word read in `mode`.
fn below_1000(words: &[&str], i: usize, mode: Mode) -> Option<(u64, usize)> {
    let (e, k) = entry_at(words, i, mode)?;
    let (hundreds, used) = match e.kind {
        Kind::Hundreds => (e.value, k),
        // "ثلاث مئه": a unit then the word for a hundred.
        Kind::Unit
            if (3..=9).contains(&e.value)
                && words
                    .get(i + k)
                    .and_then(|n| NUMBERS.get(*n))
                    .is_some_and(|n| n.kind == Kind::Hundreds && n.value == 100) =>
        {
            (e.value * 100, k + 1)
        }
        _ => return below_100(words, i, mode),
    };
    match below_100(words, i + used, Mode::Conj) {
        Some((rest, n)) => Some((hundreds + rest, used + n)),
        None => Some((hundreds, used)),
    }
}

/// Reads a multiplier word at `words[i]` (exact form): its value.
fn scale_at(words: &[&str], i: usize) -> Option<u64> {
    let e = NUMBERS.get(*words.get(i)?)?;
    matches!(e.kind, Kind::Scale | Kind::ScalePl).then_some(e.value)
}

/// One term of a number: a group below 1000 with an optional multiplier, or
/// a word that stands alone for a round figure ("الف", "الفين", "مليون").
/// Returns (value, words used, the multiplier used or 1).
fn term(words: &[&str], i: usize, mode: Mode) -> Option<(u64, usize, u64)> {
    if let Some((e, k)) = entry_at(words, i, mode) {
        match e.kind {
            Kind::Scale | Kind::ScaleDual => {
                let scale = if e.kind == Kind::Scale {
                    e.value
                } else {
                    e.value / 2
                };
                return Some((e.value, k, scale));
            }
            Kind::ScalePl => return None,
            _ => {}
        }
    }
    let (group, used) = below_1000(words, i, mode)?;
    match scale_at(words, i + used) {
        Some(scale) if group > 0 => Some((group.saturating_mul(scale), used + 1, scale)),
        _ => Some((group, used, 1)),
    }
}

/// Reads a whole number at `words[0]` in words or digits: (value, words used).
fn number(words: &[&str]) -> Option<(u64, usize)> {
    let first = *words.first()?;
    if let Some(v) = digits(first) {
        let v = u64::from(v);
        return Some(match scale_at(words, 1) {
            Some(scale) if v > 0 => (v.saturating_mul(scale), 2),
            _ => (v, 1),
        });
    }
    if let Some(milli) = decimal_milli(first) {
        let scale = scale_at(words, 1)?;
        return Some((milli.saturating_mul(scale) / 1000, 2));
    }
    let (mut total, mut used, mut last_scale) = term(words, 0, Mode::First)?;
    // "الف ومئتين", "ثلاثه الاف وخمسمئه وعشرين": smaller terms joined by و.
    while last_scale > 1 {
        match term(words, used, Mode::Conj) {
            Some((v, n, scale)) if scale < last_scale && v < last_scale => {
                total = total.saturating_add(v);
                used += n;
                last_scale = scale;
            }
            _ => break,
        }
    }
    Some((total, used))
}

/// The quantifier phrase that starts `words`, longest first. The first word
/// may carry a clitic و/ف/ب/ل ("وعشرات", "بعشرات").
fn quantifier(words: &[&str]) -> Option<(QKind, usize)> {
    let first = *words.first()?;
    // The first word as written, without a clitic, or with ل before the
    // article, which drops its alif ("للعشرات" = ل + "العشرات"); compared
    // in place rather than built as strings for every word asked about.
    let bare = first
        .chars()
        .next()
        .filter(|c| CLITICS.contains(c) && first.chars().count() > 3)
        .map(|c| &first[c.len_utf8()..]);
    let after_lil = first.strip_prefix("لل");
    let opens = |p: &str| {
        p == first
            || bare == Some(p)
            || after_lil.is_some_and(|rest| p.strip_prefix("ال") == Some(rest))
    };
    // The quantifiers the word may open, tried in the list's order (longest first).
    let [by_first, by_bare] = &*QUANTIFIER_STARTS;
    fn list<'m>(map: &'m FastMap<&'static str, Vec<usize>>, key: Option<&str>) -> &'m [usize] {
        key.and_then(|k| map.get(k)).map_or(&[], Vec::as_slice)
    }
    let mut candidates: Vec<usize> = [
        list(by_first, Some(first)),
        list(by_first, bare),
        list(by_bare, after_lil),
    ]
    .concat();
    candidates.sort_unstable();
    candidates.dedup();
    candidates.into_iter().find_map(|i| {
        let (phrase, kind) = &QUANTIFIERS[i];
        let n = phrase.len();
        if words.len() < n
            || !opens(&phrase[0])
            || phrase[1..].iter().zip(&words[1..n]).any(|(p, w)| p != w)
        {
            return None;
        }
        Some((*kind, n))
    })
}

fn to_u32(v: u64) -> Option<Quantity> {
    u32::try_from(v).ok().map(Quantity::Exact)
}

/// Reads a quantity at the start of `words` (folded words, as they appear in
/// text, clitics still attached). Returns the quantity and how many words it
/// used; `None` if `words[0]` does not start one.
///
/// - A bound before the figure is consumed and only the figure kept
///   ("اكثر من عشرين" → `Exact(20)`, 3 words; "ما لا يقل عن 15" → 15).
/// - A range keeps its lower figure ("بين 10 و15" → 10, 4 words), as does
///   "10 الى 15".
/// - Vague amounts give [`Quantity::Vague`], with a following "من" consumed
///   ("عدد كبير من" → 3 words, "عشرات من" → 2). After a figure "من" is left
///   alone ("ثلاثه من المدنيين" → 1 word).
/// - Figures above `u32::MAX` give `None`.
pub fn parse_quantity(words: &[&str]) -> Option<(Quantity, usize)> {
    let (quantity, used) = parse_bare(words)?;
    // "عشرات من المدنيين": the من after a vague amount goes with it.
    if quantity == Quantity::Vague && words.get(used) == Some(&"من") {
        return Some((quantity, used + 1));
    }
    Some((quantity, used))
}

fn parse_bare(words: &[&str]) -> Option<(Quantity, usize)> {
    let mut at = 0;
    let mut range = false;
    match quantifier(words) {
        Some((QKind::Vague, n)) => return Some((Quantity::Vague, n)),
        Some((QKind::VagueIndef, n)) => {
            let next_definite = words.get(n).is_some_and(|w| w.starts_with("ال"));
            return (!next_definite).then_some((Quantity::Vague, n));
        }
        // "على الاقل 20" as well as "20 على الاقل".
        Some((QKind::Bound | QKind::After, n)) => at = n,
        Some((QKind::Range, n)) => {
            at = n;
            range = true;
        }
        None => {}
    }
    if at > 0 {
        // A bound before a vague amount: "اكثر من عشرات".
        match quantifier(&words[at..]) {
            Some((QKind::Vague, n)) => return Some((Quantity::Vague, at + n)),
            Some((QKind::VagueIndef, n))
                if !words.get(at + n).is_some_and(|w| w.starts_with("ال")) =>
            {
                return Some((Quantity::Vague, at + n))
            }
            _ => {}
        }
    }
    let (value, n) = number(&words[at..])?;
    let quantity = to_u32(value)?;
    let mut used = at + n;
    // The upper figure of a range: "بين 10 و 15", "بين عشره وعشرين", "10 الى 15".
    let joined = |w: &str| w == "و" || w == "الي" || w == "حتي";
    if range || words.get(used).is_some_and(|w| *w == "الي" || *w == "حتي") {
        if words.get(used).is_some_and(|w| joined(w)) {
            if let Some((_, m)) = number(&words[used + 1..]) {
                used += 1 + m;
            }
        } else if range {
            let w = words.get(used).copied().unwrap_or("");
            if let Some(rest) = w.strip_prefix('و') {
                let mut tail = vec![rest];
                tail.extend(words[used + 1..].iter().take(12));
                if let Some((_, m)) = number(&tail) {
                    used += m;
                }
            }
        }
    }
    if let Some((QKind::After, m)) = quantifier(&words[used..]) {
        used += m;
    }
    Some((quantity, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(Quantity, usize)> {
        let folded = fold(text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        parse_quantity(&words)
    }

    use Quantity::{Exact, Vague};

    #[test]
    fn single_words() {
        for (word, want) in [
            ("ثلاثة", Some(3)),
            ("ثلاثاً", Some(3)),
            ("عشرين", Some(20)),
            ("عشرون", Some(20)),
            ("مئتين", Some(200)),
            ("مائتين", Some(200)),
            ("ثلاثمائة", Some(300)),
            ("ثلاثمئة", Some(300)),
            ("ألفين", Some(2000)),
            ("ألف", Some(1000)),
            ("وعشرين", Some(20)),
            ("الثلاثة", Some(3)),
            ("إحدى", Some(1)),
            ("48", Some(48)),
            ("آلاف", None),
            ("الأحد", None),
            ("الاثنين", None),
            ("الثلاثاء", None),
            ("الأربعاء", None),
            ("الخميس", None),
            ("العشرين", None),
            ("ثالث", None),
            ("أول", None),
            ("لست", None),
            ("", None),
        ] {
            assert_eq!(number_word(&fold(word)), want, "{word}");
        }
    }

    #[test]
    fn figures() {
        for (text, want, used) in [
            ("48 غارة", Exact(48), 1),
            ("6 قتلى", Exact(6), 1),
            ("1,200 شخص", Exact(1200), 1),
            ("١٥ مدنياً", Exact(15), 1),
            ("ثلاثة مدنيين", Exact(3), 1),
            ("ثلاثاً من", Exact(3), 1),
            ("خمسة وعشرين قتيلاً", Exact(25), 2),
            ("واحد وعشرون", Exact(21), 2),
            ("خمسة و عشرين", Exact(25), 3),
            ("ألف و مئتين", Exact(1200), 3),
            ("مئة و خمسون", Exact(150), 3),
            ("واحداً", Exact(1), 1),
            ("إحدى وثلاثين", Exact(31), 2),
            ("أحد عشر مقاتلاً", Exact(11), 2),
            ("اثنا عشر", Exact(12), 2),
            ("اثنتي عشرة امرأة", Exact(12), 2),
            ("ثلاثة عشر", Exact(13), 2),
            ("تسع عشرة", Exact(19), 2),
            ("عشرة جرحى", Exact(10), 1),
            ("عشرين قتيلاً", Exact(20), 1),
            ("مئة جريح", Exact(100), 1),
            ("مائة وخمسون", Exact(150), 2),
            ("مئة وخمسة وعشرون", Exact(125), 3),
            ("مئتين", Exact(200), 1),
            ("ثلاثمائة", Exact(300), 1),
            ("ثلاث مئة", Exact(300), 2),
            ("ألف", Exact(1000), 1),
            ("ألفين", Exact(2000), 1),
            ("ثلاثة آلاف نازح", Exact(3000), 2),
            ("عشرة آلاف", Exact(10000), 2),
            ("عشرين ألفاً", Exact(20000), 2),
            ("مئة ألف", Exact(100_000), 2),
            ("ألف ومئتين", Exact(1200), 2),
            ("ألفين وخمسمئة", Exact(2500), 2),
            ("ثلاثة آلاف وخمسمائة وعشرين", Exact(3520), 4),
            ("خمسة وعشرين ألفا وثلاثمئة", Exact(25_300), 4),
            (
                "تسعمئة وتسعة وتسعين ألفاً وتسعمئة وتسعة وتسعين",
                Exact(999_999),
                7,
            ),
            ("6 مليون", Exact(6_000_000), 2),
            ("1.5 مليون", Exact(1_500_000), 2),
            ("مليون", Exact(1_000_000), 1),
            ("20 ألف", Exact(20_000), 2),
            ("الثلاثة", Exact(3), 1),
            ("بثلاثة قتلى", Exact(3), 1),
            ("وخمسة جرحى", Exact(5), 1),
            ("صفر", Exact(0), 1),
        ] {
            assert_eq!(q(text), Some((want, used)), "{text}");
        }
    }

    #[test]
    fn bounds_and_vague() {
        for (text, want, used) in [
            ("ما لا يقل عن 15 مدنياً", Exact(15), 5),
            ("أكثر من عشرين", Exact(20), 3),
            ("نحو 300", Exact(300), 2),
            ("قرابة خمسين", Exact(50), 2),
            ("حوالى مئة", Exact(100), 2),
            ("زهاء ألفي نازح", Exact(2000), 2),
            ("ما يزيد عن ثلاثين", Exact(30), 4),
            ("ما يزيد على 40", Exact(40), 4),
            ("أقل من عشرة", Exact(10), 3),
            ("بين 10 و 15 قتيلاً", Exact(10), 4),
            ("بين عشرة وعشرين", Exact(10), 3),
            ("10 إلى 15", Exact(10), 3),
            ("20 تقريباً", Exact(20), 2),
            ("على الأقل 20", Exact(20), 3),
            ("للعشرات", Vague, 1),
            ("للثلاثة", Exact(3), 1),
            ("بضعة آلاف", Vague, 2),
            ("مئة ونيف", Exact(100), 2),
            ("العشرات", Vague, 1),
            ("عشرات القتلى", Vague, 1),
            ("عشرات من المدنيين", Vague, 2),
            ("مئات الآلاف من النازحين", Vague, 3),
            ("ثلاثة من المدنيين", Exact(3), 1),
            ("وعشرات الجرحى", Vague, 1),
            ("عشرات الآلاف", Vague, 2),
            ("مئات", Vague, 1),
            ("آلاف المدنيين", Vague, 1),
            ("عدد كبير من الجرحى", Vague, 3),
            ("عدداً من الأشخاص", Vague, 2),
            ("عدد من", Vague, 2),
            ("العديد من", Vague, 2),
            ("عدة قتلى", Vague, 1),
            ("وعدة جرحى", Vague, 1),
            ("عدد قتلى", Vague, 1),
            ("بضعة", Vague, 1),
            ("أكثر من عشرات", Vague, 3),
        ] {
            assert_eq!(q(text), Some((want, used)), "{text}");
        }
    }

    #[test]
    fn not_quantities() {
        for text in [
            "ثالث المدن الكبرى",
            "أول أمس",
            "الأحد الماضي",
            "الاثنين",
            "عدد القتلى",
            "نحو المدينة",
            "أكثر من",
            "قوات النظام",
            "لست",
            "2.5",
            "99999999999999999999",
            "4294967296",
            "مليارين",
            "5 مليار",
            "",
        ] {
            assert_eq!(q(text), None, "{text}");
        }
        assert_eq!(parse_quantity(&[]), None);
        assert_eq!(q("4294967295"), Some((Exact(u32::MAX), 1)));
    }

    #[test]
    fn never_panics_on_odd_words() {
        for text in [
            ",",
            ",,,",
            "1,",
            ",1",
            "1,2345",
            ".5",
            "5.",
            "و",
            "ال",
            "ب1",
            "ال1",
            "٬",
            "بين",
            "بين 5 و",
            "10 إلى",
        ] {
            let _ = q(text);
            let _ = number_word(&fold(text));
        }
        assert_eq!(q("بين 5 و"), Some((Exact(5), 2)));
    }

    #[test]
    fn random_word_salad_never_panics() {
        let pool: Vec<String> = [
            "و",
            "بين",
            "الي",
            "اكثر",
            "من",
            "ما",
            "لا",
            "يقل",
            "عن",
            "عدد",
            "كبير",
            "الف",
            "الاف",
            "الفين",
            "مليون",
            "مليار",
            "ملايين",
            "مئه",
            "ومئتين",
            "ثلاث",
            "ثلاثه",
            "عشر",
            "وعشرين",
            "عشرين",
            "خمسه",
            "وخمسه",
            "تسعمئه",
            "وتسعمئه",
            "4294967295",
            "99999",
            "1,200",
            "1.5",
            "0",
            "ونيف",
            "تقريبا",
            "عشرات",
            "",
            "ال",
            "ب",
            "صفر",
        ]
        .iter()
        .map(|w| fold(w))
        .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 9) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize].as_str())
                .collect();
            if let Some((_, used)) = parse_quantity(&words) {
                assert!(used >= 1 && used <= words.len(), "{words:?}");
            }
        }
    }
}
