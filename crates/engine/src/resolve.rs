//! Stage 6: resolve a draft's place against the gazetteer, its time against
//! the publication day, and its sentence to spans of the original text.

use std::borrow::Cow;

use crate::assemble::places::FoundPlace;
use crate::assemble::Draft;
use crate::date::Date;
use crate::document::Document;
use crate::gazetteer::{gazetteer, Hints};
use crate::model::{Actor, DatePrecision, Event, GeoPrecision, Place, Span, Status};

/// Turns drafts into events.
pub fn resolve(doc: &Document, drafts: Vec<Draft>, published: Option<Date>) -> Vec<Event> {
    drafts
        .into_iter()
        .map(|d| {
            let (date, precision) = d
                .time
                .and_then(|t| crate::time::resolve(t, published))
                .map_or((None, DatePrecision::Unknown), |(day, p)| (Some(day), p));
            let range = doc.original_range(d.sentence.clone());
            // UTF-16 offsets are filled in by the caller, which sees the whole text.
            let span = Span {
                start: range.start,
                end: range.end,
                start_utf16: 0,
                end_utf16: 0,
                text: doc.norm.original()[range].to_string(),
            };
            Event {
                kind: d.kind,
                places: vec![place(&d.place, &d.context, d.article_governorate)],
                actor: Actor {
                    side: d.side,
                    name: d.actor_name,
                },
                killed: d.killed,
                wounded: d.wounded,
                date,
                precision,
                status: if d.denied {
                    Status::Denied
                } else {
                    Status::Reported
                },
                source: d.source.map(str::to_string),
                weapons: d.weapons,
                evidence: vec![span],
            }
        })
        .collect()
}

/// A place with its gazetteer entry, chosen with the names around it.
fn place(found: &FoundPlace, context: &Hints, governorate: Option<&'static str>) -> Place {
    let gaz = gazetteer();
    let own = Hints::from_keys(found.locators.iter().map(String::as_str));
    // The sentence's hints are shared by its drafts: copied only to add to them.
    let mut hints = if own.is_empty() {
        Cow::Borrowed(context)
    } else {
        Cow::Owned(own)
    };
    if hints.governorates.is_empty() {
        if let Some(g) = governorate {
            hints.to_mut().add_governorate(g);
        }
    }
    let mut place = Place {
        name: found.name.to_string(),
        normalized: found.key.to_string(),
        name_en: None,
        kind: found.kind.map(|k| k.as_str().to_string()),
        governorate: None,
        lat: None,
        lon: None,
        precision: GeoPrecision::Unknown,
        gazetteer_id: None,
    };
    if let Some(e) = gaz.resolve(&found.key, &hints) {
        place.name_en = e.name_en.map(str::to_string);
        place.kind = Some(e.kind.as_str().to_string());
        place.governorate = e.admin1.and_then(|g| gaz.governorate_model(g));
        place.lat = Some(e.lat);
        place.lon = Some(e.lon);
        place.precision = e.kind.precision();
        place.gazetteer_id = Some(e.id.to_string());
        return place;
    }
    // Unknown name: the place written next to it (بريف درعا), a known place
    // inside the name ("طريق القامشلي-عامودا"), else the governorate.
    let inner = || {
        found
            .key
            .split(' ')
            .skip(1)
            .find_map(|w| gaz.resolve(w, &hints).filter(|e| e.rank >= 6))
    };
    let near = found
        .locators
        .iter()
        .find_map(|l| gaz.resolve(l, &hints))
        .or_else(inner)
        .map(|e| (e, GeoPrecision::Near))
        .or_else(|| {
            hints
                .governorates
                .first()
                .and_then(|g| gaz.governorate(g))
                .map(|e| (e, GeoPrecision::Region))
        });
    if let Some((e, precision)) = near {
        place.governorate = e.admin1.and_then(|g| gaz.governorate_model(g));
        place.lat = Some(e.lat);
        place.lon = Some(e.lon);
        place.precision = precision;
    }
    place
}
