//! waqai-engine: turns Arabic news reports about the Syrian war into events.
//!
//! ```
//! use waqai_engine::{extract, Options, EventType, Side};
//!
//! let text = "قصفت قوات النظام الأربعاء حي الوعر في حمص بقذائف الهاون، مما أدى إلى مقتل ثلاثة مدنيين.";
//! let found = extract(text, &Options::published("2017-03-22".parse().unwrap()));
//! let event = &found.events[0];
//! assert_eq!(event.kind, EventType::Shelling);
//! assert_eq!(event.places[0].name, "الوعر");
//! assert_eq!(event.actor.side, Some(Side::Government));
//! assert_eq!(event.killed, Some(waqai_engine::Count::Exact(3)));
//! assert_eq!(event.date.unwrap().to_string(), "2017-03-22");
//! // Every event points at the exact sentence it came from.
//! let span = &event.evidence[0];
//! assert_eq!(&text[span.start..span.end], &*span.text);
//! ```
//!
//! [`extract_with_progress`] does the same for long texts, reporting progress
//! and reading them in pieces so memory stays bounded; [`text::decode`] turns
//! the bytes of a file (UTF-8, UTF-16, Windows-1256) into text first.
//!
//! The pipeline runs in one pass: [normalise](text::normalize) → segment →
//! tokenise → match lexicons → assemble events → resolve places, actors and
//! dates → merge duplicates. The engine has no web dependencies; it runs
//! natively (CLI, tests, benchmarks) and compiled to WebAssembly in the page.
//! It never panics and is deterministic: the same text and options give the
//! same events in the same order.

/// A lexicon table as embedded: `data/lexicon/<name>` (or
/// `data/presentation_forms.tsv`) with its comment lines emptied by
/// `build.rs`; the notes on sources stay in the repository's copy.
macro_rules! table {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $name))
    };
}

mod assemble;
pub mod date;
mod document;
pub mod gazetteer;
pub mod lexicon;
mod merge;
pub mod model;
pub mod numbers;
mod resolve;
pub mod text;
pub mod time;
pub mod wire;

use std::cell::RefCell;

pub use date::{Date, DateError};
pub use model::{
    Actor, Count, DatePrecision, Event, EventType, Extraction, GeoPrecision, Governorate, Place,
    Side, Span, Status, Text,
};

/// What the engine knows about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The publication day, used to resolve "أمس", "الأربعاء" and the like.
    /// When `None`, a dateline in the text is used if there is one.
    pub published: Option<Date>,
}

impl Options {
    /// Options with a known publication day.
    pub fn published(day: Date) -> Options {
        Options {
            published: Some(day),
        }
    }
}

thread_local! {
    /// The words this thread has analysed, kept from one call to the next:
    /// the articles of one collection share most of their words, so reading
    /// a thousand of them analyses each word once, not once per article.
    /// The analysis depends on the word alone; the memo is bounded (it is
    /// emptied past `document::MEMO_WORDS` words).
    static WORD_MEMO: RefCell<document::WordMemo> = RefCell::default();
}

/// Texts longer than this are read in pieces cut at line breaks, so memory
/// stays bounded (a 50 MB paste) and progress can be reported between pieces.
/// A news paragraph is far shorter, so no sentence is cut.
const PIECE: usize = 256 * 1024;

/// Builds the lexicons, the gazetteer and the other tables now; otherwise
/// the first call of [`extract`] builds them (about 80 ms in WebAssembly),
/// which a page can do while it waits for its reader instead.
pub fn warm_up() {
    let _ = extract(WARM_UP_TEXT, &Options::default());
}

/// A report in our own words that reaches every stage: trigger, actor,
/// place, weapon, counts, a date.
const WARM_UP_TEXT: &str =
    "في 3 آذار 2016 قصفت قوات النظام مدينة دوما بالمدفعية، ما أدى إلى مقتل خمسة مدنيين وجرح عشرة.";

/// Extracts every event the article reports, in text order of first mention.
pub fn extract(text: &str, options: &Options) -> Extraction {
    extract_with_progress(text, options, |_, _| true)
}

/// [`extract`], reporting progress: `progress(bytes_done, bytes_total)` is
/// called after each piece of a long text; returning `false` stops early
/// (the events found so far are returned).
pub fn extract_with_progress(
    text: &str,
    options: &Options,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Extraction {
    let mut published = options.published;
    let mut published_from = if published.is_some() { "given" } else { "none" };
    let mut merger = merge::Merger::default();
    let utf16 = text::utf16::Utf16Index::new(text);
    // Taken out for the call (a panic mid-way just loses it), put back after.
    let mut memo = WORD_MEMO.with(RefCell::take);
    for (offset, piece) in pieces(text, PIECE) {
        let doc = document::Document::with_memo(piece, &mut memo);
        if published.is_none() && offset == 0 {
            if let Some(day) = time::find_dateline(doc.norm.folded()) {
                published = Some(day);
                published_from = "text";
            }
        }
        let drafts = assemble::assemble(&doc);
        for report in resolve::resolve(&doc, drafts, published, offset) {
            merger.add(report, &utf16);
        }
        if !progress(offset + piece.len(), text.len()) {
            break;
        }
    }
    WORD_MEMO.with(|m| m.replace(memo));
    Extraction {
        published,
        published_from: published_from.to_string(),
        events: merger.finish(),
    }
}

/// Cuts `text` into pieces of about `size` bytes at line breaks (or, in a
/// text without them, at a char boundary), with each piece's byte offset.
fn pieces(text: &str, size: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at > text.len() || (at == text.len() && !text.is_empty()) {
            return None;
        }
        let start = at;
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            if let Some(nl) = text[start..end].rfind('\n').filter(|&nl| nl > 0) {
                end = start + nl + 1;
            }
        }
        if end == start && start == text.len() {
            at = end + 1;
            return Some((start, &text[start..end]));
        }
        if end == start {
            // A piece smaller than one character: take the character.
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        at = end;
        Some((start, &text[start..end]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warm_up_text_reaches_every_stage() {
        let x = extract(WARM_UP_TEXT, &Options::default());
        let e = &x.events[0];
        assert_eq!(e.kind, EventType::Shelling);
        assert!(e.places[0].lat.is_some(), "a gazetteer place");
        assert_eq!(e.killed, Some(Count::Exact(5)));
        assert_eq!(e.wounded, Some(Count::Exact(10)));
        assert!(e.date.is_some() && e.actor.side.is_some() && !e.weapons.is_empty());
    }

    #[test]
    fn the_events_of_one_sentence_share_its_text() {
        let text = "قصفت الطائرات الحربية مدينتي دوما وحرستا، وقتل ثلاثة مدنيين.";
        let x = extract(text, &Options::default());
        assert!(x.events.len() >= 2, "{:?}", x.events);
        let first = &x.events[0].evidence[0];
        assert_eq!(&text[first.start..first.end], &*first.text);
        for e in &x.events[1..] {
            assert!(std::sync::Arc::ptr_eq(&e.evidence[0].text, &first.text));
        }
    }

    #[test]
    fn pieces_cover_the_text_at_line_breaks() {
        let text = "سطر أول\nسطر ثان طويل\nسطر ثالث";
        let parts: Vec<(usize, &str)> = pieces(text, 30).collect();
        assert_eq!(parts.iter().map(|p| p.1).collect::<String>(), text);
        assert!(parts.iter().all(|(o, p)| &text[*o..*o + p.len()] == *p));
        assert!(parts[..parts.len() - 1].iter().all(|p| p.1.ends_with('\n')));
        let no_breaks = "ب".repeat(50);
        assert_eq!(
            pieces(&no_breaks, 7).map(|p| p.1).collect::<String>(),
            no_breaks
        );
        assert_eq!(pieces("", 7).count(), 1);
    }

    #[test]
    fn a_long_text_gives_the_events_of_its_pieces() {
        let line = "قصفت قوات النظام حي جوبر بدمشق.\n";
        let text = line.repeat(PIECE / line.len() * 3);
        let mut calls = 0;
        let found = extract_with_progress(&text, &Options::default(), |done, total| {
            calls += 1;
            assert!(done <= total);
            true
        });
        assert!(calls >= 3);
        // The same event everywhere merges into one, with every sentence as evidence.
        assert_eq!(found.events.len(), 1);
        let last = found.events[0].evidence.last().unwrap();
        assert_eq!(&text[last.start..last.end], &*last.text);
        assert!(last.start > 2 * PIECE);
    }
}
