//! Stage 7: one event per type, place and day within an article.
//!
//! Two reports of the same (type, place) merge when their days agree or one
//! has none; the merged event keeps every evidence span, the lowest exact
//! figures, the first named actor and source, and is denied if any report
//! of it is denied.

use std::ops::Range;
use std::sync::Arc;

use crate::lexicon::hash::{FastMap, FastSet};
use crate::model::{Count, Event, EventType, Status};
use crate::resolve::Report;
use crate::text::utf16::Utf16Index;

fn lower(a: Option<Count>, b: Option<Count>) -> Option<Count> {
    match (a, b) {
        (Some(Count::Exact(x)), Some(Count::Exact(y))) => Some(Count::Exact(x.min(y))),
        (Some(Count::Exact(x)), _) | (_, Some(Count::Exact(x))) => Some(Count::Exact(x)),
        (a, b) => a.or(b),
    }
}

/// Merges reports as they come, keeping the order of first mention.
///
/// Indexed, so a long text with thousands of events and of repeated reports
/// stays linear: candidates are found by (type, place), and each merged
/// event keeps a set of the evidence spans it already has. A report's output
/// strings are made only for what it adds.
#[derive(Default)]
pub struct Merger {
    out: Vec<Event>,
    /// For each type (by its index in [`EventType::ALL`]), place key →
    /// indices into `out`, in order. Split by type so a report's borrowed key
    /// is looked up as it is; a key is copied only for a new event.
    by_key: [FastMap<String, Vec<usize>>; EventType::ALL.len()],
    /// (index into `out`, start, end) of every evidence span: one set for all
    /// events rather than a set (an allocation, rehashes) per event.
    spans: FastSet<(usize, usize, usize)>,
    /// The last sentence's text as the spans share it, with its byte range:
    /// reports come sentence by sentence, three or four to a sentence.
    sentence: Option<(Range<usize>, Arc<str>)>,
}

/// The text of `r`'s sentence, made once for all the reports of that sentence.
fn sentence_text(last: &mut Option<(Range<usize>, Arc<str>)>, r: &Report) -> Arc<str> {
    match last {
        Some((span, text)) if *span == r.span => text.clone(),
        _ => last.insert((r.span.clone(), r.text.into())).1.clone(),
    }
}

impl Merger {
    /// Adds a report: a new event, or what it adds to the event it repeats.
    /// `utf16` is the whole text's index, for the spans' UTF-16 offsets.
    pub fn add(&mut self, r: Report, utf16: &Utf16Index) {
        let kind = r.draft.kind;
        let by_place = &mut self.by_key[kind as usize];
        let out = &mut self.out;
        let candidates = by_place.get(r.place_key());
        let same = candidates.into_iter().flatten().copied().find(|&i| {
            let o = &out[i];
            o.date == r.date || o.date.is_none() || r.date.is_none()
        });
        let Some(i) = same else {
            let i = out.len();
            match by_place.get_mut(r.place_key()) {
                Some(c) => c.push(i),
                None => {
                    by_place.insert(r.place_key().to_string(), vec![i]);
                }
            }
            self.spans.insert((i, r.span.start, r.span.end));
            let text = sentence_text(&mut self.sentence, &r);
            out.push(r.into_event(utf16, text));
            return;
        };
        let o = &mut out[i];
        let d = &r.draft;
        if o.date.is_none() {
            o.date = r.date;
            o.precision = r.precision;
        }
        if o.actor.side.is_none() {
            o.actor = r.actor();
        }
        o.killed = lower(o.killed, d.killed);
        o.wounded = lower(o.wounded, d.wounded);
        if r.status() == Status::Denied {
            o.status = Status::Denied;
        }
        if o.source.is_none() {
            o.source = d.source.map(str::to_string);
        }
        for w in d.weapons() {
            if !o.weapons.iter().any(|o| o == w) {
                o.weapons.push(w.to_string());
            }
        }
        // Offsets identify a span; comparing them is cheaper than the text.
        if self.spans.insert((i, r.span.start, r.span.end)) {
            let text = sentence_text(&mut self.sentence, &r);
            o.evidence.push(r.evidence(utf16, text));
        }
    }

    /// The merged events, in order of first mention.
    pub fn finish(self) -> Vec<Event> {
        self.out
    }
}
