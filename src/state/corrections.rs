//! The reader's corrections to extracted events.
//!
//! A correction is keyed by article id + the event's stable key (type, place
//! and where its evidence starts, all as the ENGINE found them), so it finds
//! its event again after a re-extraction (a new publication date) or a reload.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use waqai_engine::{Count, Date, Event, EventType, Place, Side};

/// What the reader says the event really is. All fields are set together by
/// the correction form, so there is no "unchanged" state to encode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventEdit {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub place: String,
    pub date: Option<Date>,
    pub side: Option<Side>,
    pub killed: Option<Count>,
    pub wounded: Option<Count>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Correction {
    Delete,
    Edit(EventEdit),
}

pub type Corrections = BTreeMap<String, Correction>;

/// The key an event is known by inside its article.
pub fn event_key(event: &Event) -> String {
    let place = event.places.first().map_or("", |p| p.normalized.as_str());
    let start = event.evidence.first().map_or(0, |s| s.start);
    format!("{}|{}|{}", event.kind.id(), place, start)
}

/// The key of a correction: article id + event key.
pub fn correction_key(article_id: u32, event_key: &str) -> String {
    format!("{article_id}/{event_key}")
}

/// The form's starting values for an event.
pub fn edit_of(event: &Event) -> EventEdit {
    EventEdit {
        kind: event.kind,
        place: event
            .places
            .first()
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        date: event.date,
        side: event.actor.side,
        killed: event.killed,
        wounded: event.wounded,
    }
}

/// The event as corrected. A renamed place loses its coordinates (they were
/// the old place's); an unchanged name keeps the gazetteer's data.
pub fn apply(event: &Event, edit: &EventEdit) -> Event {
    let mut e = event.clone();
    e.kind = edit.kind;
    e.date = edit.date;
    if edit.date != event.date {
        e.precision = if edit.date.is_some() {
            waqai_engine::DatePrecision::Day
        } else {
            waqai_engine::DatePrecision::Unknown
        };
    }
    e.actor.side = edit.side;
    e.killed = edit.killed;
    e.wounded = edit.wounded;
    let name = edit.place.trim();
    let same = e.places.first().is_some_and(|p| p.name == name);
    if !same {
        e.places = if name.is_empty() {
            Vec::new()
        } else {
            vec![Place {
                name: name.to_string(),
                normalized: waqai_engine::text::normalize::match_key(name),
                name_en: None,
                kind: None,
                governorate: None,
                lat: None,
                lon: None,
                precision: Default::default(),
                gazetteer_id: None,
            }]
        };
    }
    e
}

/// A count field the reader filled with something that is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadCount;

/// Parses a count typed by the reader: a number, "some" (or its Arabic), or empty.
pub fn parse_count(s: &str) -> Result<Option<Count>, BadCount> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.eq_ignore_ascii_case("some") || s == "عدد" || s == "عدة" {
        return Ok(Some(Count::Some));
    }
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from_u32(c as u32 - 0x660 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    ascii
        .parse::<u32>()
        .map(|n| Some(Count::Exact(n)))
        .map_err(|_| BadCount)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use waqai_engine::{Actor, DatePrecision, Span, Status};

    pub fn place(name: &str, lat: Option<f64>) -> Place {
        Place {
            name: name.into(),
            normalized: waqai_engine::text::normalize::match_key(name),
            name_en: None,
            kind: None,
            governorate: None,
            lat,
            lon: lat.map(|_| 36.7),
            precision: Default::default(),
            gazetteer_id: None,
        }
    }

    pub fn event(kind: EventType, place_name: &str, date: Option<&str>, start: usize) -> Event {
        Event {
            kind,
            places: vec![place(place_name, Some(34.7))],
            actor: Actor {
                side: Some(Side::Government),
                name: None,
            },
            killed: Some(Count::Exact(3)),
            wounded: None,
            date: date.map(|d| d.parse().unwrap()),
            precision: if date.is_some() {
                DatePrecision::Day
            } else {
                DatePrecision::Unknown
            },
            status: Status::Reported,
            source: None,
            weapons: vec![],
            evidence: vec![Span {
                start,
                end: start + 4,
                start_utf16: start,
                end_utf16: start + 4,
                text: "نص".into(),
            }],
        }
    }

    #[test]
    fn keys_are_stable_and_edits_apply() {
        let e = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 10);
        assert_eq!(event_key(&e), "shelling|وعر|10");
        assert_eq!(correction_key(4, &event_key(&e)), "4/shelling|وعر|10");
        let mut edit = edit_of(&e);
        assert_eq!(apply(&e, &edit), e);
        edit.kind = EventType::Airstrike;
        edit.place = "حمص".into();
        edit.killed = Some(Count::Exact(7));
        let c = apply(&e, &edit);
        assert_eq!(c.kind, EventType::Airstrike);
        assert_eq!(c.places[0].name, "حمص");
        assert_eq!(c.places[0].lat, None);
        assert_eq!(c.killed, Some(Count::Exact(7)));
    }

    #[test]
    fn counts_parse() {
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("12"), Ok(Some(Count::Exact(12))));
        assert_eq!(parse_count("١٢"), Ok(Some(Count::Exact(12))));
        assert_eq!(parse_count("some"), Ok(Some(Count::Some)));
        assert!(parse_count("x").is_err());
    }

    #[test]
    fn corrections_round_trip_as_json() {
        let mut c = Corrections::new();
        c.insert("1/a".into(), Correction::Delete);
        let e = event(EventType::Clash, "حلب", None, 0);
        c.insert("1/b".into(), Correction::Edit(edit_of(&e)));
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Corrections>(&json).unwrap(), c);
    }
}
