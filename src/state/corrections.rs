//! The reader's corrections to extracted events.
//!
//! A correction is keyed by article id + the event's stable key (type, place
//! and where its evidence starts, all as the ENGINE found them), so it finds
//! its event again after a re-extraction (a new publication date) or a reload.

use std::collections::BTreeMap;

use waqai_engine::{Count, Date, Event, EventType, Place, Side};

/// A field the reader set, possibly to "none" (`{"to": null}`), as opposed to
/// a field left as the engine found it (absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Set<T> {
    pub to: Option<T>,
}

/// What the reader changed about an event. Only changed fields are stored,
/// so the rest keeps following the engine: after a new publication date, an
/// event whose count was corrected still gets its re-resolved day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventEdit {
    pub kind: Option<EventType>,
    pub place: Option<String>,
    pub date: Option<Set<Date>>,
    pub side: Option<Set<Side>>,
    pub killed: Option<Set<Count>>,
    pub wounded: Option<Set<Count>>,
}

impl EventEdit {
    pub fn is_empty(&self) -> bool {
        *self == EventEdit::default()
    }

    /// This edit with `newer`'s fields written over it.
    pub fn overlay(self, newer: EventEdit) -> EventEdit {
        EventEdit {
            kind: newer.kind.or(self.kind),
            place: newer.place.or(self.place),
            date: newer.date.or(self.date),
            side: newer.side.or(self.side),
            killed: newer.killed.or(self.killed),
            wounded: newer.wounded.or(self.wounded),
        }
    }
}

/// An event's editable fields, as the correction form shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFields {
    pub kind: EventType,
    pub place: String,
    pub date: Option<Date>,
    pub side: Option<Side>,
    pub killed: Option<Count>,
    pub wounded: Option<Count>,
}

/// What the reader changed between the form's first and last values.
pub fn diff(before: &EventFields, after: &EventFields) -> EventEdit {
    fn set<T: PartialEq + Clone>(a: &Option<T>, b: &Option<T>) -> Option<Set<T>> {
        (a != b).then(|| Set { to: b.clone() })
    }
    EventEdit {
        kind: (before.kind != after.kind).then_some(after.kind),
        place: (before.place.trim() != after.place.trim()).then(|| after.place.trim().to_string()),
        date: set(&before.date, &after.date),
        side: set(&before.side, &after.side),
        killed: set(&before.killed, &after.killed),
        wounded: set(&before.wounded, &after.wounded),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Correction {
    Delete,
    Edit(EventEdit),
}

pub type Corrections = BTreeMap<String, Correction>;

/// Records `edit` for the event under `key`, on top of an earlier edit.
pub fn record(corrections: &mut Corrections, key: String, edit: EventEdit) {
    let merged = match corrections.remove(&key) {
        Some(Correction::Edit(old)) => old.overlay(edit),
        _ => edit,
    };
    if !merged.is_empty() {
        corrections.insert(key, Correction::Edit(merged));
    }
}

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
pub fn fields_of(event: &Event) -> EventFields {
    EventFields {
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
    if let Some(kind) = edit.kind {
        e.kind = kind;
    }
    if let Some(Set { to }) = &edit.date {
        if *to != event.date {
            e.date = *to;
            e.precision = if to.is_some() {
                waqai_engine::DatePrecision::Day
            } else {
                waqai_engine::DatePrecision::Unknown
            };
        }
    }
    if let Some(Set { to }) = &edit.side {
        e.actor.side = *to;
    }
    if let Some(Set { to }) = &edit.killed {
        e.killed = *to;
    }
    if let Some(Set { to }) = &edit.wounded {
        e.wounded = *to;
    }
    if let Some(name) = &edit.place {
        let name = name.trim();
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
        let before = fields_of(&e);
        assert!(diff(&before, &before).is_empty());
        assert_eq!(apply(&e, &EventEdit::default()), e);
        let mut after = before.clone();
        after.kind = EventType::Airstrike;
        after.place = "حمص".into();
        after.killed = Some(Count::Exact(7));
        after.side = None;
        let edit = diff(&before, &after);
        assert_eq!(
            edit.date, None,
            "an unchanged date keeps following the engine"
        );
        let c = apply(&e, &edit);
        assert_eq!(c.kind, EventType::Airstrike);
        assert_eq!(c.places[0].name, "حمص");
        assert_eq!(c.places[0].lat, None);
        assert_eq!(c.killed, Some(Count::Exact(7)));
        assert_eq!(c.actor.side, None);
        // A re-extraction with another date: the date follows, the counts stay.
        let mut moved = e.clone();
        moved.date = "2017-03-29".parse().ok();
        assert_eq!(apply(&moved, &edit).date, moved.date);
        assert_eq!(apply(&moved, &edit).killed, Some(Count::Exact(7)));
    }

    #[test]
    fn later_edits_add_to_earlier_ones() {
        let mut c = Corrections::new();
        let first = EventEdit {
            killed: Some(Set {
                to: Some(Count::Exact(7)),
            }),
            ..EventEdit::default()
        };
        record(&mut c, "1/k".into(), first);
        let second = EventEdit {
            kind: Some(EventType::Arrest),
            ..EventEdit::default()
        };
        record(&mut c, "1/k".into(), second);
        let Some(Correction::Edit(e)) = c.get("1/k") else {
            panic!()
        };
        assert_eq!(e.kind, Some(EventType::Arrest));
        assert_eq!(
            e.killed,
            Some(Set {
                to: Some(Count::Exact(7))
            })
        );
        record(&mut c, "1/x".into(), EventEdit::default());
        assert!(!c.contains_key("1/x"));
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
        c.insert(
            "1/b".into(),
            Correction::Edit(EventEdit {
                date: Some(Set { to: None }),
                killed: Some(Set {
                    to: Some(Count::Some),
                }),
                ..EventEdit::default()
            }),
        );
        let json = super::super::json::corrections_value(&c).to_json();
        assert_eq!(
            json,
            r#"{"1/a":{"action":"delete"},"1/b":{"action":"edit","date":{"to":null},"killed":{"to":"some"}}}"#
        );
        let back = super::super::json::corrections(&waqai_json::parse(&json).unwrap());
        assert_eq!(back, Ok(c));
    }
}
