//! Stage 7: one event per type, place and day within an article.
//!
//! Two reports of the same (type, place) merge when their days agree or one
//! has none; the merged event keeps every evidence span, the lowest exact
//! figures, the first named actor and source, and is denied if any report
//! of it is denied.

use crate::model::{Count, Event, Status};

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
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        let same = out.iter().position(|o| {
            o.kind == e.kind
                && place_key(o) == place_key(&e)
                && (o.date == e.date || o.date.is_none() || e.date.is_none())
        });
        let Some(i) = same else {
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
            if !o
                .evidence
                .iter()
                .any(|x| x.start == s.start && x.end == s.end)
            {
                o.evidence.push(s);
            }
        }
    }
    out
}
