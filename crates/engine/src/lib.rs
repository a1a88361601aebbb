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
//! assert_eq!(&text[span.start..span.end], span.text);
//! ```
//!
//! The pipeline runs in one pass: [normalise](text::normalize) → segment →
//! tokenise → match lexicons → assemble events → resolve places, actors and
//! dates → merge duplicates. The engine has no web dependencies; it runs
//! natively (CLI, tests, benchmarks) and compiled to WebAssembly in the page.
//! It never panics and is deterministic: the same text and options give the
//! same events in the same order.

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

pub use date::{Date, DateError};
pub use model::{
    Actor, Count, DatePrecision, Event, EventType, Extraction, GeoPrecision, Governorate, Place,
    Side, Span, Status,
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

/// Extracts every event the article reports, in text order of first mention.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let doc = document::Document::new(text);
    let (published, published_from) = match options.published {
        Some(day) => (Some(day), "given"),
        None => match time::find_dateline(doc.norm.folded()) {
            Some(day) => (Some(day), "text"),
            None => (None, "none"),
        },
    };
    let drafts = assemble::assemble(&doc);
    let events = merge::merge(resolve::resolve(&doc, drafts, published));
    Extraction {
        published,
        published_from: published_from.to_string(),
        events,
    }
}
