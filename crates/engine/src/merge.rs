//! Stage 7: one event per type, place and day within an article.
//!
//! Two reports of the same (type, place) merge when their days agree or one
//! has none; the merged event keeps every evidence span, the lowest exact
//! figures, the first named actor and source, and is denied if any report
//! of it is denied.

use crate::lexicon::fnv::{FnvMap, FnvSet};
use crate::model::{Count, Event, EventType, Status};

fn place_key(e: &Event) -> Option<&str> {
    let p = e.places.first()?;
    Some(p.gazetteer_id.as_deref().unwrap_or(&p.normalized))
}

fn lower(a: Option<Count>, b: Option<Count>) -> Option<Count> {
    match (a, b) {
        (Some(Count::Exact(x)), Some(Count::Exact(y))) => Some(Count::Exact(x.min(y))),
        (Some(Count::Exact(x)), _) | (_, Some(Count::Exact(x))) => Some(Count::Exact(x)),
        (a, b) => a.or(b),
    }
}

/// Merges duplicates, keeping the order of first mention.
///
/// Indexed, so a long text with thousands of events and of repeated reports
/// stays linear: candidates are found by (type, place), and each merged
/// event keeps a set of the evidence spans it already has.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // (type, place) → indices into `out`, in order.
    let mut by_key: FnvMap<(EventType, Option<String>), Vec<usize>> = FnvMap::default();
    // (index into `out`, start, end) of every evidence span: one set for all
    // events rather than a set (an allocation, rehashes) per event.
    let mut spans: FnvSet<(usize, usize, usize)> =
        FnvSet::with_capacity_and_hasher(events.len(), Default::default());
    for e in events {
        let candidates = by_key
            .entry((e.kind, place_key(&e).map(str::to_string)))
            .or_default();
        let same = candidates.iter().copied().find(|&i| {
            let o = &out[i];
            o.date == e.date || o.date.is_none() || e.date.is_none()
        });
        let Some(i) = same else {
            let i = out.len();
            candidates.push(i);
            spans.extend(e.evidence.iter().map(|s| (i, s.start, s.end)));
            out.push(e);
            continue;
        };
        let o = &mut out[i];
        if o.date.is_none() {
            o.date = e.date;
            o.precision = e.precision;
        }
        if o.actor.side.is_none() {
            o.actor = e.actor;
        }
        o.killed = lower(o.killed, e.killed);
        o.wounded = lower(o.wounded, e.wounded);
        if e.status == Status::Denied {
            o.status = Status::Denied;
        }
        if o.source.is_none() {
            o.source = e.source;
        }
        for w in e.weapons {
            if !o.weapons.contains(&w) {
                o.weapons.push(w);
            }
        }
        for s in e.evidence {
            // Offsets identify a span; comparing them is cheaper than the text.
            if spans.insert((i, s.start, s.end)) {
                o.evidence.push(s);
            }
        }
    }
    out
}
