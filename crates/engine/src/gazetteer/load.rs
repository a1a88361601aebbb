//! Parses the generated `places.tsv` and builds the key index, including the
//! spacing variants news writers use ("تيرمعلة" for "تير معلة", "كفر نبل"
//! for "كفرنبل").

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{is_common_word, Entry, Gazetteer, KeyFacts, PlaceKind};
use crate::lexicon::hash::{FastMap, FastSet};
use crate::text::normalize::{fold, match_key, strip_article};

/// The places of `data/gazetteer/places.tsv` (see its header and
/// tools/gen_gazetteer.py), laid out column by column by build.rs, which
/// says why and how: their text values, and their coordinates.
const COLUMNS: &str = include_str!(concat!(env!("OUT_DIR"), "/places.columns"));
const COORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.coords"));
const WOF: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.wof"));
const NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.names"));

/// A place of the data file: its text values (all but the coordinates, in
/// the file's order), its latitude and its longitude.
type Row = ([&'static str; 7], f64, f64);

/// The text columns of [`COLUMNS`]: all but the coordinates and the names.
const TEXT_COLUMNS: usize = 6;

/// Each place, in the data file's order.
fn rows() -> impl Iterator<Item = Row> {
    let mut columns: Vec<std::str::Split<'static, char>> =
        COLUMNS.split('\t').map(|c| c.split('\n')).collect();
    let coords = Coords::new(COORDS);
    let mut wof = wof_ids().split('\n');
    let mut names = arabic_names().split('\n');
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut row = [""; 7];
        for (value, column) in row[..TEXT_COLUMNS].iter_mut().zip(columns.iter_mut()) {
            *value = column.next()?;
        }
        row[TEXT_COLUMNS] = names.next()?;
        if row[0].is_empty() {
            row[0] = wof.next()?;
        }
        let (lat, lon) = coords.get(i)?;
        i += 1;
        Some((row, lat, lon))
    })
}

/// The Who's On First ids build.rs took out of the id column, in order
/// (`"wof:85632573\nwof:85632581\n…"`), in one string that lives as long as
/// the gazetteer: one allocation rather than one per id.
fn wof_ids() -> &'static str {
    let mut ids = String::with_capacity(WOF.len() * 5);
    let (mut number, mut zigzag, mut shift) = (0i64, 0u64, 0);
    for &byte in WOF {
        zigzag |= u64::from(byte & 0x7f) << shift.min(63);
        shift += 7;
        if byte & 0x80 == 0 {
            let delta = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
            number = number.wrapping_add(delta);
            if !ids.is_empty() {
                ids.push('\n');
            }
            // Written in place: a String's `write_fmt` cannot fail.
            let _ = write!(ids, "wof:{number}");
            (zigzag, shift) = (0, 0);
        }
    }
    Box::leak(ids.into_boxed_str())
}

/// The Arabic names column, from the one byte per letter build.rs wrote
/// (`places.names`), in one string that lives as long as the gazetteer.
fn arabic_names() -> &'static str {
    let mut names = String::with_capacity(NAMES.len() * 2);
    let mut bytes = NAMES.iter();
    while let Some(&b) = bytes.next() {
        match b {
            0x01 => {
                // A character in UTF-8, as many bytes as its first one says.
                let rest = bytes.as_slice();
                let len = rest.first().map_or(0, |&b| match b {
                    0xf0.. => 4,
                    0xe0.. => 3,
                    _ => 2,
                });
                if let Some(c) = rest.get(..len).and_then(|c| std::str::from_utf8(c).ok()) {
                    names.push_str(c);
                }
                bytes = rest.get(len..).unwrap_or_default().iter();
            }
            0..=0x7f => names.push(char::from(b)),
            _ => names.extend(char::from_u32(0x600 + u32::from(b) - 0x80)),
        }
    }
    Box::leak(names.into_boxed_str())
}

/// The coordinate table build.rs writes: least values, then byte planes.
struct Coords {
    least: [i32; 2],
    planes: &'static [u8],
    places: usize,
}

impl Coords {
    fn new(bytes: &'static [u8]) -> Coords {
        let least = |at: usize| {
            bytes
                .get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .map_or(0, i32::from_le_bytes)
        };
        let planes = bytes.get(8..).unwrap_or_default();
        Coords {
            least: [least(0), least(4)],
            planes,
            // Two coordinates of three bytes each.
            places: planes.len() / 6,
        }
    }

    /// The latitude and longitude of place `i`, in degrees.
    fn get(&self, i: usize) -> Option<(f64, f64)> {
        if i >= self.places {
            return None;
        }
        let n = self.places;
        let value = |c: usize| {
            let plane = |p: usize| u32::from(self.planes[(c * 3 + p) * n + i]);
            let offset = plane(0) << 16 | plane(1) << 8 | plane(2);
            // Whole ten-thousandths, divided as the text's digits were read:
            // the same f64 as parsing "36.4031".
            f64::from(self.least[c] + offset as i32) / 10_000.0
        };
        Some((value(0), value(1)))
    }
}

/// First words that writers join to or split from the rest of a name
/// ("تل رفعت" / "تلرفعت", "دير حافر" / "ديرحافر"), already folded.
const SPLIT_PREFIXES: [&str; 9] = ["تل", "دير", "عين", "كفر", "بيت", "ابو", "ام", "بير", "راس"];

/// A spacing variant may join a key only if every place already under that
/// key lies this close: then it is the same place spelled another way, not a
/// different place the variant would shadow.
const SAME_PLACE_KM: f64 = 25.0;

/// Multi-word names longer than this are not joined: nobody writes them as one word.
const MAX_JOINED_WORDS: usize = 3;

pub(super) fn build() -> Gazetteer {
    let places: Vec<(Entry, Vec<&'static str>)> = rows().filter_map(parse_row).collect();

    // Every name under its match key.
    let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (_, names)) in places.iter().enumerate() {
        for name in names {
            let key = match_key(name);
            if !key.is_empty() {
                push_unique(index.entry(key).or_default(), i);
            }
        }
    }

    // Spacing variants, collected apart so that one variant never licenses another.
    let mut variants: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (entry, names)) in places.iter().enumerate() {
        for name in names {
            for variant in spacing_variants(name) {
                // Odd names ("ال ابوسوسة") can join into something the
                // engine's text never folds to; index the folded form.
                let variant = match_key(&variant);
                let safe = match index.get(&variant) {
                    None => true,
                    Some(others) => others
                        .iter()
                        .all(|&j| distance_km(entry, &places[j].0) <= SAME_PLACE_KM),
                };
                if safe {
                    push_unique(variants.entry(variant).or_default(), i);
                }
            }
        }
    }
    for (key, ids) in variants {
        let slot = index.entry(key).or_default();
        for i in ids {
            push_unique(slot, i);
        }
    }

    let cities: FastSet<&'static str> = places.iter().filter_map(|(e, _)| e.city).collect();
    let mut first_words: FastMap<&str, u32> = FastMap::default();
    for key in index.keys() {
        if let Some((first, _)) = key.split_once(' ') {
            *first_words.entry(first).or_default() += 1;
        }
    }
    let prefixes: FastSet<String> = first_words
        .into_iter()
        .filter(|&(_, n)| n >= PREFIX_NAMES)
        .map(|(w, _)| w.to_string())
        .collect();
    let mut keys = Vec::with_capacity(index.len());
    let mut entries = Vec::with_capacity(index.len());
    let mut facts = Vec::with_capacity(index.len());
    let mut positions = FastMap::with_capacity_and_hasher(index.len(), Default::default());
    for (key, ids) in index {
        let mut list: Vec<Entry> = ids.into_iter().map(|i| places[i].0).collect();
        // Best first, so a caller that takes the first entry gets a sensible one.
        list.sort_by(super::unhinted_order);
        // The gazetteer lives in a static for the rest of the program.
        let key: &'static str = Box::leak(key.into_boxed_str());
        facts.push(key_facts(key, &list, &cities, &prefixes));
        positions.insert(key, keys.len() as u32);
        keys.push(key);
        entries.push(list);
    }

    let mut governorates: Vec<Entry> = places
        .iter()
        .map(|(e, _)| *e)
        .filter(|e| e.kind == PlaceKind::Governorate)
        .collect();
    governorates.sort_by(|a, b| a.admin1.cmp(&b.admin1));

    let max_words = keys.iter().map(|k| k.split(' ').count()).max().unwrap_or(0);

    Gazetteer {
        keys,
        entries,
        facts,
        index: positions,
        governorates,
        cities,
        max_words,
    }
}

/// What a key with these entries (best first) says about its context.
fn key_facts(
    key: &str,
    entries: &[Entry],
    cities: &FastSet<&'static str>,
    prefixes: &FastSet<String>,
) -> KeyFacts {
    let of = |pred: fn(&Entry) -> bool| entries.iter().find(|e| pred(e)).and_then(|e| e.admin1);
    let governorate = of(|e| e.kind == PlaceKind::Governorate)
        .or_else(|| of(|e| e.kind == PlaceKind::Region && e.id.starts_with("waqai:rif-")));
    // Not for words like "تل" whose top entry (the town al-Tall) is rarely meant.
    let landmark = if is_common_word(key) {
        None
    } else {
        entries
            .first()
            .filter(|e| {
                e.rank >= 6
                    && matches!(
                        e.kind,
                        PlaceKind::City | PlaceKind::Town | PlaceKind::Region
                    )
            })
            .and_then(|e| e.admin1)
    };
    KeyFacts {
        governorate,
        landmark,
        city: cities.contains(key),
        prefix: prefixes.contains(key),
    }
}

/// How many longer names must start with a word for it to be a name's first
/// word ([`KeyFacts::prefix`]): "كفر" and "خربة" start hundreds, "حلب" a few.
const PREFIX_NAMES: u32 = 20;

/// One data line: id, kind, admin1, lat, lon, rank, city, name_en, names.
fn parse_row(
    ([id, kind, admin1, rank, city, name_en, names], lat, lon): Row,
) -> Option<(Entry, Vec<&'static str>)> {
    let kind = PlaceKind::from_code(kind)?;
    let admin1 = non_empty(admin1);
    let rank = rank.parse().ok()?;
    let city = non_empty(city);
    let name_en = non_empty(name_en);
    let names: Vec<&'static str> = names.split('|').filter(|n| !n.is_empty()).collect();
    let entry = Entry {
        id,
        name_ar: names.first()?,
        name_en,
        kind,
        admin1,
        lat,
        lon,
        rank,
        city,
    };
    Some((entry, names))
}

fn non_empty(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}

fn push_unique(list: &mut Vec<usize>, i: usize) {
    if !list.contains(&i) {
        list.push(i);
    }
}

/// Other keys the same name is commonly written as.
///
/// A name of two or three words may be written as one word, with or without
/// the inner articles ("دير الزور" → "ديرزور", "ديرالزور"). A one-word name
/// starting with a common first word may be written split ("كفرنبل" → "كفر نبل").
fn spacing_variants(name: &str) -> Vec<String> {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    match words.len() {
        0 => {}
        1 => {
            let word = strip_article(words[0]);
            for prefix in SPLIT_PREFIXES {
                if let Some(rest) = word.strip_prefix(prefix) {
                    let rest = strip_article(rest);
                    if rest.chars().count() >= 3 {
                        out.push(format!("{prefix} {rest}"));
                    }
                }
            }
        }
        n if n <= MAX_JOINED_WORDS => {
            let stripped: String = words.iter().map(|w| strip_article(w)).collect();
            out.push(stripped);
            let kept = strip_article(&words.concat()).to_string();
            if !out.contains(&kept) {
                out.push(kept);
            }
        }
        _ => {}
    }
    out
}

/// Distance between two entries, in km (equirectangular: plenty at this scale).
fn distance_km(a: &Entry, b: &Entry) -> f64 {
    let mean_lat = ((a.lat + b.lat) / 2.0).to_radians();
    let dx = (a.lon - b.lon).to_radians() * mean_lat.cos();
    let dy = (a.lat - b.lat).to_radians();
    6371.0 * (dx * dx + dy * dy).sqrt()
}

#[cfg(test)]
mod layout_tests {
    use super::rows;

    #[test]
    fn the_embedded_columns_give_back_every_line_of_the_data_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer/places.tsv");
        let tsv = std::fs::read_to_string(path).unwrap();
        let lines: Vec<Vec<&str>> = tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let got: Vec<_> = rows().collect();
        assert!(lines.len() > 10_000, "{} places", lines.len());
        assert_eq!(got.len(), lines.len());
        for ((text, lat, lon), line) in got.iter().zip(&lines) {
            let (before, after) = line.split_at(3);
            assert_eq!(text[..3], *before);
            assert_eq!(text[3..], after[2..]);
            // The coordinates come from their own table, as the very numbers
            // the data file's digits give.
            assert_eq!(*lat, line[3].parse::<f64>().unwrap());
            assert_eq!(*lon, line[4].parse::<f64>().unwrap());
        }
    }
}
