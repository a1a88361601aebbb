//! Dates and time expressions: "أمس"، "فجر اليوم"، "الأربعاء الماضي"،
//! "22 كانون الأول 2017"، "منذ ثلاثة أيام"، and the dateline of an article.
//!
//! Every function takes folded text (see [`crate::text::normalize::fold`]).
//! The word tables are `data/lexicon/months.tsv`, `weekdays.tsv`, `ordinals.tsv` and
//! `relative_days.tsv`.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::date::Date;
use crate::lexicon::hash::{FastMap, FastSet};
use crate::model::DatePrecision;
use crate::numbers::{parse_quantity, rows, Quantity};
use crate::text::normalize::fold;

/// A time expression as the text states it, before it is resolved against
/// the publication day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeRef {
    /// Days before publication: اليوم/فجر اليوم/مساء اليوم = 0, أمس/الليلة
    /// الماضية = 1, أول أمس = 2, منذ 3 أيام = 3.
    DaysAgo(u32),
    /// A weekday, 0 = الأحد … 6 = السبت: the latest such day on or before publication.
    Weekday(u32),
    /// A weekday with "الماضي": the latest such day before publication ("الثلاثاء
    /// الماضي" in a Tuesday's paper is a week ago; that day itself is "اليوم").
    LastWeekday(u32),
    /// A full date: "22 ديسمبر 2017", "22 كانون الأول 2017", "2017-12-22", "22/12/2017".
    Absolute(Date),
    /// A day and month without a year ("17 أيلول"): the latest such date on
    /// or before publication.
    DayMonth { day: u32, month: u32 },
    /// A month of a year ("تشرين الأول 2015").
    MonthYear { month: u32, year: i32 },
    /// The week before publication (الأسبوع الماضي).
    LastWeek,
    /// About this many days ago, counted in weeks ("منذ أسبوع" = 7, "قبل
    /// أسبوعين" = 14): resolved with week precision.
    SinceDays(u32),
}

/// The kinds of rows in relative_days.tsv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Day(u32),
    Not,
    Part,
    Ago,
    Since,
    Unit(u64),
    Span(u64),
    Night,
    Past,
    Current,
    Future,
    LastWeek,
    Filler,
    MonthWord,
    YearWord,
}

/// The phrases of a table, indexed by their first word, longest first.
struct Phrases<T> {
    by_first: FastMap<String, Vec<(Vec<String>, T)>>,
}

impl<T: Copy> Phrases<T> {
    fn new(list: Vec<(Vec<String>, T)>) -> Phrases<T> {
        let mut by_first: FastMap<String, Vec<(Vec<String>, T)>> = FastMap::default();
        for (words, value) in list {
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
        Phrases { by_first }
    }

    /// The phrases whose first word is `first`, longest first.
    fn starting(&self, first: &str) -> &[(Vec<String>, T)] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }

    /// The longest phrase written at `words[i..]` whose value `want` accepts.
    fn at(&self, words: &[&str], i: usize, want: impl Fn(T) -> bool) -> Option<(T, usize)> {
        self.starting(words.get(i)?)
            .iter()
            .find(|(p, v)| want(*v) && phrase_at(words, i, p))
            .map(|(p, v)| (*v, p.len()))
    }
}

/// Folds a phrase into words.
fn words_of(phrase: &str) -> Vec<String> {
    fold(phrase)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

static MONTHS: LazyLock<Phrases<u32>> = LazyLock::new(|| {
    Phrases::new(
        rows(table!("months.tsv"))
            .filter_map(|cols| {
                let [name, month] = cols[..] else {
                    return None;
                };
                let month: u32 = month.parse().ok()?;
                (1..=12).contains(&month).then(|| (words_of(name), month))
            })
            .collect(),
    )
});

static ORDINALS: LazyLock<Phrases<u32>> = LazyLock::new(|| {
    Phrases::new(
        rows(table!("ordinals.tsv"))
            .filter_map(|cols| {
                let [ordinal, day] = cols[..] else {
                    return None;
                };
                let day: u32 = day.parse().ok()?;
                (1..=31).contains(&day).then(|| (words_of(ordinal), day))
            })
            .collect(),
    )
});

static WEEKDAYS: LazyLock<FastMap<String, u32>> = LazyLock::new(|| {
    rows(table!("weekdays.tsv"))
        .filter_map(|cols| {
            let [name, day] = cols[..] else {
                return None;
            };
            let day: u32 = day.parse().ok()?;
            (day < 7).then(|| (fold(name), day))
        })
        .collect()
});

static RELATIVE: LazyLock<Phrases<Rel>> = LazyLock::new(|| {
    Phrases::new(
        rows(table!("relative_days.tsv"))
            .filter_map(|cols| {
                let [kind, phrase, value] = cols[..] else {
                    return None;
                };
                let rel = match kind {
                    "day" => Rel::Day(value.parse().ok()?),
                    "not" => Rel::Not,
                    "part" => Rel::Part,
                    "ago" => Rel::Ago,
                    "since" => Rel::Since,
                    "unit" => Rel::Unit(value.parse().ok()?),
                    "span" => Rel::Span(value.parse().ok()?),
                    "night" => Rel::Night,
                    "past" => Rel::Past,
                    "current" => Rel::Current,
                    "future" => Rel::Future,
                    "lastweek" => Rel::LastWeek,
                    "filler" => Rel::Filler,
                    "month" => Rel::MonthWord,
                    "year" => Rel::YearWord,
                    _ => return None,
                };
                Some((words_of(phrase), rel))
            })
            .collect(),
    )
});

/// The first words of every table's phrases, in one set: what a time
/// expression may open with (one look-up per word instead of four).
static OPENERS: LazyLock<FastSet> = LazyLock::new(|| {
    RELATIVE
        .by_first
        .keys()
        .chain(MONTHS.by_first.keys())
        .chain(ORDINALS.by_first.keys())
        .chain(WEEKDAYS.keys())
        .cloned()
        .collect()
});

/// The first words a head of an expression may start with ([`may_head`]):
/// those of [`OPENERS`] less the words that open only a filler or a part
/// of the day ("في", "صباح"), which come before a head.
static HEAD_OPENERS: LazyLock<FastSet> = LazyLock::new(|| {
    let leads_only = |list: &[(Vec<String>, Rel)]| {
        list.iter()
            .all(|(_, r)| matches!(r, Rel::Filler | Rel::Part | Rel::Night))
    };
    RELATIVE
        .by_first
        .iter()
        .filter(|(_, list)| !leads_only(list))
        .map(|(first, _)| first)
        .chain(MONTHS.by_first.keys())
        .chain(ORDINALS.by_first.keys())
        .chain(WEEKDAYS.keys())
        .cloned()
        .collect()
});

/// Whether `phrase` is written at `words[i..]`.
fn phrase_at(words: &[&str], i: usize, phrase: &[String]) -> bool {
    words.len() >= i + phrase.len() && phrase.iter().zip(&words[i..]).all(|(p, w)| p == w)
}

/// The longest relative-day phrase at `words[i]` that `want` accepts.
fn rel_at(words: &[&str], i: usize, want: impl Fn(Rel) -> bool) -> Option<(Rel, usize)> {
    RELATIVE.at(words, i, want)
}

/// `word` without surrounding punctuation ("(مارس)", "22،").
fn clean(word: &str) -> &str {
    // A token nearly always starts and ends with a plain Arabic letter or an
    // ASCII letter or digit: nothing to trim, and no Unicode table to consult.
    let plain = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        })
    };
    if plain(word.chars().next()) && plain(word.chars().next_back()) {
        return word;
    }
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A month name at `words[i]`: (month, words used). The last word of the
/// name may be the first half of a pair written with a slash ("مارس/اذار",
/// "الاول/ديسمبر"), and a second name of the same month may follow
/// ("اذار (مارس)").
fn month_at(words: &[&str], i: usize) -> Option<(u32, usize)> {
    let first = clean(words.get(i)?);
    let slash_first = first.split('/').next().unwrap_or(first);
    let candidates = MONTHS.starting(first).iter();
    let candidates = candidates.chain(if slash_first != first {
        MONTHS.starting(slash_first)
    } else {
        &[]
    });
    let (month, n) = candidates.into_iter().find_map(|(p, m)| {
        let n = p.len();
        if words.len() < i + n {
            return None;
        }
        let ok = p
            .iter()
            .zip(&words[i..i + n])
            .enumerate()
            .all(|(k, (p, w))| {
                let w = clean(w);
                w == p || (k + 1 == n && w.split('/').next() == Some(p.as_str()))
            });
        ok.then_some((*m, n))
    })?;
    let mut used = n;
    // A second name of the same month: "اذار مارس", "اذار / مارس", "اذار ( مارس )".
    let same = |k: usize| {
        words.get(k).is_some_and(|w| {
            let w = clean(w);
            MONTHS
                .starting(w)
                .iter()
                .any(|(p, m)| *m == month && p.len() == 1)
        })
    };
    let at = i + used;
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    if same(at) {
        used += 1;
    } else if word(at) == "/" && same(at + 1) {
        used += 2;
    } else if word(at) == "(" && same(at + 1) {
        used += if word(at + 2) == ")" { 3 } else { 2 };
    }
    Some((month, used))
}

/// A comma written as a word of its own.
fn is_comma(word: &str) -> bool {
    matches!(word, "," | "،")
}

/// Digits only, with no sign or separator.
fn plain_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A day of the month at `words[i]`: "22", "22،", "ال22" (from "الـ22").
fn day_at(words: &[&str], i: usize) -> Option<u32> {
    let w = clean(words.get(i)?);
    let w = w.strip_prefix("ال").unwrap_or(w);
    if w.len() > 2 {
        return None;
    }
    plain_number(w).filter(|d| (1..=31).contains(d))
}

/// A year at `words[i]`, 1900–2100, perhaps with "م" after it ("2017م").
fn year_at(words: &[&str], i: usize) -> Option<i32> {
    let w = clean(words.get(i)?);
    let w = w.strip_suffix('م').unwrap_or(w);
    if w.len() != 4 {
        return None;
    }
    let y = plain_number(w)?;
    (1900..=2100).contains(&y).then_some(y as i32)
}

/// A year after a month: "2017", "عام 2017". (year, words used)
fn year_after(words: &[&str], i: usize) -> Option<(i32, usize)> {
    if let Some(y) = year_at(words, i) {
        return Some((y, 1));
    }
    if words.get(i).is_some_and(|w| is_comma(w)) {
        return year_at(words, i + 1).map(|y| (y, 2));
    }
    let (_, n) = rel_at(words, i, |r| r == Rel::YearWord)?;
    Some((year_at(words, i + n)?, n + 1))
}

/// A date written in one token: "2017-12-22", "22/12/2017", "22-12-2017",
/// "2017/12/22", "22.12.2017"; anything after the day ("T10:00") is ignored.
fn numeric_date(word: &str) -> Option<Date> {
    let word = clean(word);
    let sep = word.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = word.splitn(3, sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let c_len = c.bytes().take_while(u8::is_ascii_digit).count();
    let c_rest = &c[c_len..];
    if !(c_rest.is_empty() || c_rest.starts_with(['T', ' '])) {
        return None;
    }
    let c = &c[..c_len];
    let (year, month, day) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (plain_number(a)?, plain_number(b)?, plain_number(c)?),
        (1..=2, 1..=2, 4) => {
            let (d, m) = (plain_number(a)?, plain_number(b)?);
            // 03/22/2017: only month/day order makes sense.
            if m > 12 && d <= 12 {
                (plain_number(c)?, d, m)
            } else {
                (plain_number(c)?, m, d)
            }
        }
        _ => return None,
    };
    if !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(year as i32, month, day)
}

/// A date at `words[i]`: numeric, day-month(-year), month-year or
/// month-day-year. (the date, words used)
fn date_at(words: &[&str], i: usize) -> Option<(TimeRef, usize)> {
    let first = *words.get(i)?;
    if let Some(d) = numeric_date(first) {
        return Some((TimeRef::Absolute(d), 1));
    }
    // The same split into tokens: "2017 - 12 - 22", "22 / 12 / 2017".
    if let Some(w) = words.get(i..i + 5) {
        if matches!(w[1], "-" | "/") && w[1] == w[3] {
            let joined = format!("{}{}{}{}{}", w[0], w[1], w[2], w[3], w[4]);
            if let Some(d) = numeric_date(&joined) {
                return Some((TimeRef::Absolute(d), 5));
            }
        }
    }
    // "22 ديسمبر 2017", "22 من شهر اذار", "17 ايلول"
    // "22 ديسمبر", "الخامس عشر من اذار"
    let day = day_at(words, i)
        .map(|d| (d, 1))
        .or_else(|| ORDINALS.at(words, i, |_| true));
    if let Some((day, n)) = day {
        let mut j = i + n;
        if words.get(j).is_some_and(|w| *w == "من") {
            j += 1;
        }
        if let Some((_, n)) = rel_at(words, j, |r| r == Rel::MonthWord) {
            j += n;
        }
        let (month, n) = month_at(words, j)?;
        j += n;
        if let Some((year, n)) = year_after(words, j) {
            let d = Date::new(year, month, day)?;
            return Some((TimeRef::Absolute(d), j + n - i));
        }
        // A day that no month of that name has ("31 ايلول") is no date;
        // "22 اذار المقبل" is to come.
        Date::new(2000, month, day)?;
        if rel_at(words, j, |r| r == Rel::Future).is_some() {
            return None;
        }
        // "17 ايلول الماضي", "5 اذار الجاري"
        if let Some((_, n)) = rel_at(words, j, |r| matches!(r, Rel::Past | Rel::Current)) {
            j += n;
        }
        return Some((TimeRef::DayMonth { day, month }, j - i));
    }
    // "تشرين الاول 2015", "شهر اذار 2017", "اذار 22, 2017"
    let mut j = i;
    if let Some((_, n)) = rel_at(words, j, |r| r == Rel::MonthWord) {
        j += n;
    }
    let (month, n) = month_at(words, j)?;
    j += n;
    if let Some((year, n)) = year_after(words, j) {
        return Some((TimeRef::MonthYear { month, year }, j + n - i));
    }
    if j == i + n {
        let day = day_at(words, j)?;
        let (year, m) = year_after(words, j + 1)?;
        let d = Date::new(year, month, day)?;
        return Some((TimeRef::Absolute(d), j + 1 + m - i));
    }
    None
}

/// Whether the expression's head may start with `word`: a cheap test that
/// spares [`head`] its look-ups at nearly every word after "في". Every head
/// starts with a word of the tables ([`HEAD_OPENERS`]: relative days,
/// ordinals, weekdays, month names, the last cleaned and perhaps before a
/// slash) or with digits once cleaned (perhaps after ال: "ال22"); a word with
/// nothing left once cleaned may start a date written over several tokens.
fn may_head(word: &str) -> bool {
    let starts_with_digit = |w: &str| w.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let clean = clean(word);
    clean.is_empty()
        || starts_with_digit(clean)
        || clean.strip_prefix("ال").is_some_and(starts_with_digit)
        || HEAD_OPENERS.contains(word)
        || (clean != word && HEAD_OPENERS.contains(clean))
        || clean
            .split_once('/')
            .is_some_and(|(first, _)| HEAD_OPENERS.contains(first))
}

/// Whether a head may start with `word`, as it is or, first in an
/// expression, without its clitic. A time expression has a head, so
/// [`parse_time`] finds none in words of which no one passes this test (the
/// caller asks it once per distinct word, and skips the parser).
pub fn may_open_head(word: &str) -> bool {
    may_head(word) || without_clitic(word).is_some_and(|w| may_head(&w))
}

/// The first word of an expression without its clitic ("وامس" → "امس";
/// "للاربعاء" → "الاربعاء": ل before the article drops its alif), if it has one.
fn without_clitic(first: &str) -> Option<Cow<'_, str>> {
    let c = first.chars().next()?;
    if let Some(rest) = first.strip_prefix("لل") {
        Some(Cow::Owned(format!("ال{rest}")))
    } else if CLITICS.contains(&c) {
        Some(Cow::Borrowed(&first[c.len_utf8()..]))
    } else {
        None
    }
}

/// The expression that starts at `words[i]` once fillers and the part of the
/// day are read.
fn head(words: &[&str], i: usize, night: bool) -> Option<(TimeRef, usize)> {
    if !may_head(words.get(i)?) {
        return None;
    }
    read_head(words, i, night)
}

/// [`head`] without the quick test.
fn read_head(words: &[&str], i: usize, night: bool) -> Option<(TimeRef, usize)> {
    // اليوم, امس, اول امس, الليله الماضيه; "اليوم التالي" is not one.
    if let Some((rel, n)) = rel_at(words, i, |r| matches!(r, Rel::Day(_) | Rel::Not)) {
        let Rel::Day(days) = rel else {
            return None;
        };
        // "اليوم السادس على التوالي" counts days, it does not date them.
        if ORDINALS.at(words, i + n, |_| true).is_some() {
            return None;
        }
        let mut used = n;
        // "امس الاربعاء", "اليوم الخميس": the weekday only confirms the day.
        if words
            .get(i + used)
            .is_some_and(|w| WEEKDAYS.contains_key(*w))
        {
            used += 1;
        }
        return Some((TimeRef::DaysAgo(days), used));
    }
    if let Some((_, n)) = rel_at(words, i, |r| r == Rel::LastWeek) {
        return Some((TimeRef::LastWeek, n));
    }
    if let Some((_, n)) = rel_at(words, i, |r| matches!(r, Rel::Ago | Rel::Since)) {
        return ago(words, i + n).map(|(t, m)| (t, n + m));
    }
    if let Some(&weekday) = words.get(i).and_then(|w| WEEKDAYS.get(*w)) {
        // "الاحد المقبل" is to come: no event day.
        if rel_at(words, i + 1, |r| r == Rel::Future).is_some() {
            return None;
        }
        let mut used = 1;
        let mut past = false;
        if let Some((_, n)) = rel_at(words, i + used, |r| r == Rel::Past) {
            used += n;
            past = true;
        }
        // "الثلاثاء 17 ايلول 2019", "الثلاثاء، 17 ايلول": the date says more
        // than the weekday.
        let comma = usize::from(words.get(i + used).is_some_and(|w| is_comma(w)));
        if let Some((t, n)) = date_at(words, i + used + comma) {
            if !matches!(t, TimeRef::MonthYear { .. }) {
                return Some((t, used + comma + n));
            }
        }
        // "ليل الاثنين الثلاثاء", "ليله السبت - الاحد": the night between two days.
        if night {
            let dash = usize::from(
                words
                    .get(i + used)
                    .is_some_and(|w| *w == "-" || *w == "علي"),
            );
            if words
                .get(i + used + dash)
                .is_some_and(|w| WEEKDAYS.contains_key(*w))
            {
                used += dash + 1;
            }
        }
        let t = if past {
            TimeRef::LastWeekday(weekday)
        } else {
            TimeRef::Weekday(weekday)
        };
        return Some((t, used));
    }
    date_at(words, i)
}

/// After منذ/قبل: "3 ايام", "ثلاثه ايام", "يومين", "اسبوع". Not when "من"
/// follows ("قبل يوم من انعقاد المفاوضات" is relative to another event).
fn ago(words: &[&str], i: usize) -> Option<(TimeRef, usize)> {
    let (hours, used) =
        if let Some((Rel::Span(h), n)) = rel_at(words, i, |r| matches!(r, Rel::Span(_))) {
            (h, n)
        } else {
            let (Quantity::Exact(count), n) = parse_quantity(words.get(i..)?)? else {
                return None;
            };
            let (Rel::Unit(per), m) = rel_at(words, i + n, |r| matches!(r, Rel::Unit(_)))? else {
                return None;
            };
            (u64::from(count).checked_mul(per)?, n + m)
        };
    if words.get(i + used).is_some_and(|w| *w == "من") {
        return None;
    }
    let days = u32::try_from(hours / 24).ok()?;
    let t = if hours >= 168 {
        TimeRef::SinceDays(days)
    } else {
        TimeRef::DaysAgo(days)
    };
    Some((t, used))
}

fn parse_plain(words: &[&str]) -> Option<(TimeRef, usize)> {
    // "منذ صباح امس", "منذ الاربعاء": since a day, read as that day.
    if let Some((_, n)) = rel_at(words, 0, |r| r == Rel::Since) {
        if let Some((t, m)) = parse_body(&words[n..]) {
            return Some((t, n + m));
        }
    }
    parse_body(words)
}

/// An expression without a leading منذ.
fn parse_body(words: &[&str]) -> Option<(TimeRef, usize)> {
    let mut i = 0;
    // "في", "خلال", "يوم"; then the part of the day; then "يوم" again
    // ("صباح يوم الاربعاء").
    while let Some((_, n)) = rel_at(words, i, |r| r == Rel::Filler) {
        i += n;
        if i >= 3 {
            break;
        }
    }
    // "مساء", "في وقت متاخر من مساء": at most two parts of the day.
    let mut night = false;
    for _ in 0..2 {
        let Some((rel, n)) = rel_at(words, i, |r| matches!(r, Rel::Part | Rel::Night)) else {
            break;
        };
        night = rel == Rel::Night;
        i += n;
    }
    if i > 0 {
        if let Some((_, n)) = rel_at(words, i, |r| r == Rel::Filler) {
            i += n;
        }
    }
    let (t, n) = head(words, i, night)?;
    Some((t, i + n))
}

/// Clitic letters a time expression's first word may carry ("وامس", "بالامس",
/// "والاربعاء"). ل only before the article ("للاربعاء"): "لامس" is a verb.
const CLITICS: [char; 3] = ['و', 'ف', 'ب'];

/// Reads a time expression at the start of `words` (folded). Returns it and
/// the number of words used. Leading "في"/"خلال"/"يوم" and a part of the day
/// (فجر، صباح، ظهر، عصر، مساء، ليل، ليلة، "ساعات متاخره من ليل"...) are part of
/// it; so is a clitic و/ف/ب (or ل before the article) on the first word.
/// Whether a time expression can start with this folded word (a digit, or a
/// word that opens one of the tables, bare or after one clitic). A quick test
/// that lets a caller skip most words of a text before [`parse_time`].
pub fn may_start(word: &str) -> bool {
    let opens =
        |w: &str| w.as_bytes().first().is_some_and(u8::is_ascii_digit) || OPENERS.contains(w);
    if opens(word) {
        return true;
    }
    if let Some(rest) = word.strip_prefix("لل") {
        return opens(&format!("ال{rest}"));
    }
    match word.chars().next() {
        Some(c) if CLITICS.contains(&c) => opens(&word[c.len_utf8()..]),
        _ => false,
    }
}

pub fn parse_time(words: &[&str]) -> Option<(TimeRef, usize)> {
    if let Some(found) = parse_plain(words) {
        return Some(found);
    }
    let rest = without_clitic(words.first()?)?;
    if rest.chars().count() < 2 {
        return None;
    }
    // On the stack: this runs at every word that may start a time expression.
    let mut stripped = [""; 16];
    stripped[0] = &rest;
    let mut n = 1;
    for (slot, w) in stripped[1..].iter_mut().zip(&words[1..]) {
        *slot = w;
        n += 1;
    }
    parse_plain(&stripped[..n])
}

/// Resolves `t` against the publication day: the day and its precision.
/// Expressions relative to publication need `published`; full dates and
/// months of a year do not.
pub fn resolve(t: TimeRef, published: Option<Date>) -> Option<(Date, DatePrecision)> {
    match t {
        TimeRef::Absolute(d) => Some((d, DatePrecision::Day)),
        TimeRef::MonthYear { month, year } => {
            Some((Date::new(year, month, 1)?, DatePrecision::Month))
        }
        TimeRef::DaysAgo(n) => Some((published?.add_days(-i64::from(n))?, DatePrecision::Day)),
        TimeRef::SinceDays(n) => Some((published?.add_days(-i64::from(n))?, DatePrecision::Week)),
        TimeRef::LastWeek => Some((published?.add_days(-7)?, DatePrecision::Week)),
        TimeRef::Weekday(w) | TimeRef::LastWeekday(w) => {
            let p = published?;
            if w > 6 {
                return None;
            }
            let back = match (p.weekday() + 7 - w) % 7 {
                0 if matches!(t, TimeRef::LastWeekday(_)) => 7,
                back => back,
            };
            Some((p.add_days(-i64::from(back))?, DatePrecision::Day))
        }
        TimeRef::DayMonth { day, month } => {
            let p = published?;
            (0..9)
                .filter_map(|k| Date::new(p.year() - k, month, day))
                .find(|d| *d <= p)
                .map(|d| (d, DatePrecision::Day))
        }
    }
}

/// How many characters at each end of the text a dateline is looked for in.
const DATELINE_CHARS: usize = 300;

/// Splits a stretch of folded text into words for dateline search: spaces
/// and punctuation separate words, but '-', '/' and '.' inside a word stay
/// ("2017-03-22", "22/03/2017").
fn dateline_words(text: &str) -> Vec<&str> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '،'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '|'
                    | '«'
                    | '»'
                    | '"'
                    | '\''
                    | ':'
                    | ';'
                    | '؛'
                    | '–'
                    | '—'
            )
    })
    .map(|w| w.trim_matches(|c: char| matches!(c, '-' | '/' | '.')))
    .filter(|w| !w.is_empty())
    .collect()
}

/// The full dates (with a year) in `words`, in order.
fn full_dates(words: &[&str]) -> Vec<Date> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match date_at(words, i) {
            Some((TimeRef::Absolute(d), n)) => {
                out.push(d);
                i += n.max(1);
            }
            _ => i += 1,
        }
    }
    out
}

/// Finds a publication date in a dateline near the start (first ~300
/// characters) or the end (last ~300) of the folded text: "22 ديسمبر 2017",
/// "الثلاثاء 17 ايلول 2019", "2017-03-22", "22/03/2017", "اذار 22, 2017".
/// The first full date at the start wins, else the last one at the end.
/// `None` if there is none.
pub fn find_dateline(folded_text: &str) -> Option<Date> {
    let head_end = folded_text
        .char_indices()
        .nth(DATELINE_CHARS)
        .map_or(folded_text.len(), |(at, _)| at);
    if let Some(d) = full_dates(&dateline_words(&folded_text[..head_end])).first() {
        return Some(*d);
    }
    let count = folded_text.chars().count();
    let tail_start = folded_text
        .char_indices()
        .nth(count.saturating_sub(DATELINE_CHARS))
        .map_or(folded_text.len(), |(at, _)| at);
    full_dates(&dateline_words(&folded_text[tail_start..]))
        .last()
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    use TimeRef::*;

    fn t(text: &str) -> Option<(TimeRef, usize)> {
        let folded = fold(text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        parse_time(&words)
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// [`may_head`] turns away no word a head starts with: every head read
    /// in the dev texts and in phrases of the tables, with odd punctuation
    /// around them, starts with a word it accepts.
    #[test]
    fn may_head_turns_no_head_away() {
        let tables = [
            include_str!("../data/lexicon/months.tsv"),
            include_str!("../data/lexicon/weekdays.tsv"),
            include_str!("../data/lexicon/ordinals.tsv"),
            include_str!("../data/lexicon/relative_days.tsv"),
        ];
        let mut text = String::from(
            "22 / 12 / 2017 ( - 2017-12-22 - ) ال22 اذار/مارس (مارس) 22، 1.2.2017 2017م ",
        );
        for table in tables {
            for line in table.lines().filter(|l| !l.starts_with('#')) {
                for field in line.split('\t') {
                    text += &format!("{field} 22 {field} 2017 ({field}) {field}/ و{field} 5 ");
                }
            }
        }
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dev");
        for entry in std::fs::read_dir(dev).unwrap() {
            text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        let folded = fold(&text);
        let tokens: Vec<&str> = crate::text::token::tokenize(&folded)
            .iter()
            .map(|t| t.text(&folded))
            .collect();
        let spaced: Vec<&str> = folded.split_whitespace().collect();
        let mut heads = 0;
        for words in [&tokens, &spaced] {
            for i in 0..words.len() {
                for night in [false, true] {
                    if read_head(words, i, night).is_some() {
                        heads += 1;
                        assert!(may_head(words[i]), "{}", words[i]);
                    }
                }
            }
        }
        assert!(heads > 200, "{heads}");
        // Nor any expression: one of its words passes [`may_open_head`].
        let mut found = 0;
        for words in [&tokens, &spaced] {
            for i in 0..words.len() {
                let window = &words[i..words.len().min(i + 12)];
                if parse_time(window).is_some() {
                    found += 1;
                    assert!(window.iter().any(|w| may_open_head(w)), "{window:?}");
                }
            }
        }
        assert!(found > 200, "{found}");
    }

    #[test]
    fn expressions() {
        for (text, want, used) in [
            ("اليوم", DaysAgo(0), 1),
            ("فجر اليوم", DaysAgo(0), 2),
            ("صباح اليوم", DaysAgo(0), 2),
            ("مساء اليوم الخميس", DaysAgo(0), 3),
            ("أمس", DaysAgo(1), 1),
            ("الأمس", DaysAgo(1), 1),
            ("وأمس", DaysAgo(1), 1),
            ("بالأمس", DaysAgo(1), 1),
            ("يوم أمس", DaysAgo(1), 2),
            ("صباح أمس", DaysAgo(1), 2),
            ("مساء أمس الأربعاء", DaysAgo(1), 3),
            ("ليل أمس", DaysAgo(1), 2),
            ("ساعات صباح الأمس", DaysAgo(1), 3),
            ("في ساعات متأخرة من ليل أمس", DaysAgo(1), 6),
            ("الليلة الماضية", DaysAgo(1), 2),
            ("أول أمس", DaysAgo(2), 2),
            ("أول من أمس", DaysAgo(2), 3),
            ("أمس الأول", DaysAgo(2), 2),
            ("منذ 3 أيام", DaysAgo(3), 3),
            ("في وقت متأخر من مساء أمس", DaysAgo(1), 6),
            ("في وقت سابق اليوم", DaysAgo(0), 4),
            ("خلال الساعات الماضية", DaysAgo(0), 3),
            ("خلال الـ 24 ساعة الماضية", DaysAgo(0), 5),
            ("خلال الـ24 ساعة الماضية", DaysAgo(0), 4),
            ("في وقت سابق من اليوم", DaysAgo(0), 5),
            ("الساعات الأولى من صباح اليوم", DaysAgo(0), 5),
            ("في الخامس عشر من آذار", DayMonth { day: 15, month: 3 }, 5),
            ("الأول من تشرين الأول 2015", Absolute(day("2015-10-01")), 5),
            (
                "الحادي والعشرين من شهر آب الماضي",
                DayMonth { day: 21, month: 8 },
                6,
            ),
            ("العاشر من أيلول", DayMonth { day: 10, month: 9 }, 3),
            ("منذ ساعات صباح الأمس", DaysAgo(1), 4),
            ("منذ فجر اليوم", DaysAgo(0), 3),
            ("منذ الأربعاء", Weekday(3), 2),
            ("منذ أكثر من ثلاثة أيام", DaysAgo(3), 5),
            ("قبل ثلاثة أيام", DaysAgo(3), 3),
            ("منذ يومين", DaysAgo(2), 2),
            ("قبل ساعات", DaysAgo(0), 2),
            ("منذ أسبوع", SinceDays(7), 2),
            ("قبل أسبوعين", SinceDays(14), 2),
            ("الأسبوع الماضي", LastWeek, 2),
            ("خلال الأسبوع الماضي", LastWeek, 3),
            ("الأربعاء", Weekday(3), 1),
            ("والأربعاء", Weekday(3), 1),
            ("للأربعاء", Weekday(3), 1),
            ("يوم الأربعاء", Weekday(3), 2),
            ("الأربعاء الماضي", LastWeekday(3), 2),
            ("الجمعة الماضية", LastWeekday(5), 2),
            ("فجر الأحد", Weekday(0), 2),
            ("صباح يوم الاثنين", Weekday(1), 3),
            ("الإثنين", Weekday(1), 1),
            ("السبت", Weekday(6), 1),
            ("يوم الثلاثا", Weekday(2), 2),
            ("22 ديسمبر 2017", Absolute(day("2017-12-22")), 3),
            ("22 كانون الأول 2017", Absolute(day("2017-12-22")), 4),
            ("٢٢ كانون الأول ٢٠١٧", Absolute(day("2017-12-22")), 4),
            ("في 5 آب عام 2015", Absolute(day("2015-08-05")), 5),
            ("22 مارس/آذار 2017", Absolute(day("2017-03-22")), 3),
            ("22 آذار (مارس) 2017", Absolute(day("2017-03-22")), 4),
            ("2017-12-22", Absolute(day("2017-12-22")), 1),
            ("22/12/2017", Absolute(day("2017-12-22")), 1),
            ("الثلاثاء 17 أيلول", DayMonth { day: 17, month: 9 }, 3),
            ("الثلاثاء 17 أيلول 2019", Absolute(day("2019-09-17")), 4),
            ("17 أيلول", DayMonth { day: 17, month: 9 }, 2),
            ("الـ15 من شهر آذار", DayMonth { day: 15, month: 3 }, 4),
            ("3 تشرين الثاني", DayMonth { day: 3, month: 11 }, 3),
            (
                "تشرين الأول 2015",
                MonthYear {
                    month: 10,
                    year: 2015,
                },
                3,
            ),
            (
                "في آذار 2017",
                MonthYear {
                    month: 3,
                    year: 2017,
                },
                3,
            ),
            (
                "شهر حزيران 2013",
                MonthYear {
                    month: 6,
                    year: 2013,
                },
                3,
            ),
            (
                "آب 2016",
                MonthYear {
                    month: 8,
                    year: 2016,
                },
                2,
            ),
            ("5 جوان 2014", Absolute(day("2014-06-05")), 3),
            ("1 جانفي 2016", Absolute(day("2016-01-01")), 3),
            (
                "كانون ثاني 2016",
                MonthYear {
                    month: 1,
                    year: 2016,
                },
                3,
            ),
            ("3 تشرين أول 2015", Absolute(day("2015-10-03")), 4),
            ("14 غشت 2014", Absolute(day("2014-08-14")), 3),
            // As the tokeniser splits them.
            ("2017 - 12 - 22", Absolute(day("2017-12-22")), 5),
            ("22 / 12 / 2017", Absolute(day("2017-12-22")), 5),
            ("22 آذار / مارس 2017", Absolute(day("2017-03-22")), 5),
            ("22 آذار ( مارس ) 2017", Absolute(day("2017-03-22")), 6),
            ("آذار 22 , 2017", Absolute(day("2017-03-22")), 4),
            ("الثلاثاء ، 17 أيلول", DayMonth { day: 17, month: 9 }, 4),
            ("17 أيلول الماضي", DayMonth { day: 17, month: 9 }, 3),
            ("5 آذار الجاري", DayMonth { day: 5, month: 3 }, 3),
            ("ليل الاثنين الثلاثاء", Weekday(1), 3),
            ("ليلة السبت - الأحد", Weekday(6), 4),
            ("الاثنين الثلاثاء", Weekday(1), 1),
        ] {
            assert_eq!(t(text), Some((want, used)), "{text}");
        }
    }

    #[test]
    fn not_time_expressions() {
        for text in [
            "تشرين",
            "في حي تشرين",
            "حي تشرين في دمشق",
            "17 تشرين",
            "كانون",
            "آب",
            "في آب",
            "أيار",
            "مارس",
            "اليوم التالي",
            "اليوم السابع على التوالي",
            "اليوم الذي",
            "الليلة التي",
            "الأحد المقبل",
            "يوم الخميس القادم",
            "22 آذار المقبل",
            "اليوم الثاني",
            "الثاني من",
            "الخامس عشر",
            "الأول من نوعه",
            "في اليوم نفسه",
            "قبل يوم من انعقاد المفاوضات",
            "قبل يومين من",
            "منذ أيام",
            "منذ 2012",
            "لامس",
            "لليوم الثاني على التوالي",
            "صباح",
            "في",
            "يوم",
            "31 أيلول",
            "2017-13-45",
            "ثالث المدن",
            "",
        ] {
            assert_eq!(t(text), None, "{text}");
        }
        assert_eq!(parse_time(&[]), None);
        // A number that is no year leaves a day and month.
        assert_eq!(
            t("22 ديسمبر 99999"),
            Some((DayMonth { day: 22, month: 12 }, 2))
        );
    }

    #[test]
    fn resolves_against_publication() {
        let wed = Some(day("2017-03-22"));
        let thu = Some(day("2017-03-23"));
        for (time, published, want, precision) in [
            (DaysAgo(1), wed, "2017-03-21", DatePrecision::Day),
            (DaysAgo(0), wed, "2017-03-22", DatePrecision::Day),
            (
                DaysAgo(2),
                day("2017-03-01").into(),
                "2017-02-27",
                DatePrecision::Day,
            ),
            (Weekday(3), wed, "2017-03-22", DatePrecision::Day),
            (Weekday(3), thu, "2017-03-22", DatePrecision::Day),
            (Weekday(4), wed, "2017-03-16", DatePrecision::Day),
            (Weekday(0), wed, "2017-03-19", DatePrecision::Day),
            // "الأربعاء الماضي" in a Wednesday's paper is a week ago.
            (LastWeekday(3), wed, "2017-03-15", DatePrecision::Day),
            (LastWeekday(0), wed, "2017-03-19", DatePrecision::Day),
            (
                DayMonth { day: 17, month: 9 },
                Some(day("2019-09-20")),
                "2019-09-17",
                DatePrecision::Day,
            ),
            (
                DayMonth { day: 17, month: 9 },
                Some(day("2019-09-17")),
                "2019-09-17",
                DatePrecision::Day,
            ),
            (
                DayMonth { day: 22, month: 12 },
                wed,
                "2016-12-22",
                DatePrecision::Day,
            ),
            (
                DayMonth { day: 29, month: 2 },
                wed,
                "2016-02-29",
                DatePrecision::Day,
            ),
            (
                Absolute(day("2017-12-22")),
                None,
                "2017-12-22",
                DatePrecision::Day,
            ),
            (
                MonthYear {
                    month: 10,
                    year: 2015,
                },
                None,
                "2015-10-01",
                DatePrecision::Month,
            ),
            (LastWeek, wed, "2017-03-15", DatePrecision::Week),
            (SinceDays(14), wed, "2017-03-08", DatePrecision::Week),
        ] {
            assert_eq!(
                resolve(time, published),
                Some((day(want), precision)),
                "{time:?}"
            );
        }
        assert_eq!(resolve(DaysAgo(1), None), None);
        assert_eq!(resolve(Weekday(3), None), None);
        assert_eq!(resolve(Weekday(9), wed), None);
        assert_eq!(resolve(DayMonth { day: 31, month: 9 }, wed), None);
        assert_eq!(resolve(DaysAgo(u32::MAX), Some(day("0001-01-02"))), None);
    }

    #[test]
    fn parsed_then_resolved() {
        let wed = Some(day("2017-03-22"));
        let thu = Some(day("2017-03-23"));
        for (text, published, want) in [
            ("أمس", wed, "2017-03-21"),
            ("الأربعاء", wed, "2017-03-22"),
            ("الأربعاء", thu, "2017-03-22"),
            ("فجر الخميس", wed, "2017-03-16"),
            ("17 أيلول", wed, "2016-09-17"),
            ("22 كانون الأول 2017", None, "2017-12-22"),
        ] {
            let (time, _) = t(text).unwrap();
            assert_eq!(
                resolve(time, published).map(|r| r.0),
                Some(day(want)),
                "{text}"
            );
        }
    }

    #[test]
    fn datelines() {
        for (text, want) in [
            (
                "دمشق - 22 ديسمبر 2017 (وكالات): قصفت قوات النظام",
                Some("2017-12-22"),
            ),
            (
                "حمص، الثلاثاء 17 أيلول 2019. دارت اشتباكات",
                Some("2019-09-17"),
            ),
            ("نشر في 2017-03-22T10:15:00 قصفت", Some("2017-03-22")),
            ("تاريخ النشر: 22/03/2017", Some("2017-03-22")),
            ("آذار 22, 2017 - قصفت قوات النظام", Some("2017-03-22")),
            (
                "قصفت قوات النظام حي الوعر. آخر تحديث: ٢٢ آذار ٢٠١٧",
                Some("2017-03-22"),
            ),
            ("قصفت قوات النظام حي الوعر أمس", None),
            ("بناؤه عام 2018. واصل المقاتلون تقدمهم", None),
            ("في حي تشرين 2017", None),
            ("", None),
        ] {
            assert_eq!(find_dateline(&fold(text)), want.map(day), "{text}");
        }
        // A date deep in the middle of a long text is no dateline.
        let long = format!(
            "{} 22 ديسمبر 2017 {}",
            "كلمة ".repeat(100),
            "كلمة ".repeat(100)
        );
        assert_eq!(find_dateline(&fold(&long)), None);
    }

    #[test]
    fn never_panics() {
        let many = vec!["منذ"; 100_000];
        assert_eq!(parse_time(&many), None);
        let many = vec!["في"; 100_000];
        assert_eq!(parse_time(&many), None);
        for text in [
            "99999999999999999999 أيام",
            "منذ 99999999999 يوما",
            "منذ 4294967295 أسابيع",
            "0 ديسمبر 2017",
            "2017--",
            "--2017",
            "/ / /",
            "١/٢/٣",
            "ال",
            "و",
            "وفي",
            "ب",
            "2017-1-",
            "22/12/",
        ] {
            let _ = t(text);
            let _ = find_dateline(&fold(text));
        }
        let _ = find_dateline("é".repeat(700).as_str());
    }

    #[test]
    fn random_word_salad_never_panics() {
        let pool: Vec<String> = [
            "منذ",
            "قبل",
            "في",
            "يوم",
            "صباح",
            "ليل",
            "امس",
            "اليوم",
            "الاول",
            "من",
            "اول",
            "الاربعاء",
            "الماضي",
            "-",
            "/",
            "(",
            ")",
            "،",
            ",",
            "22",
            "0",
            "31",
            "2017",
            "99999",
            "ال22",
            "2017-03-22",
            "22/13/2017",
            "كانون",
            "الاول",
            "تشرين",
            "اذار",
            "اب",
            "عام",
            "شهر",
            "ثلاثه",
            "ايام",
            "اسبوع",
            "يومين",
            "الخامس",
            "عشر",
            "الجاري",
            "",
            "و",
            "ب",
            "ساعات",
            "متاخره",
            "الاسبوع",
            "4294967295",
            "اكثر",
        ]
        .iter()
        .map(|w| fold(w))
        .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let published = Some(day("2017-03-22"));
        for _ in 0..10_000 {
            let len = (next() % 9) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize].as_str())
                .collect();
            if let Some((time, used)) = parse_time(&words) {
                assert!(used >= 1 && used <= words.len(), "{words:?}");
                let _ = resolve(time, published);
                let _ = resolve(time, None);
            }
            let _ = find_dateline(&words.join(" "));
        }
    }
}
