//! Stage 6: resolve a draft's place against the gazetteer, its time against
//! the publication day, and its sentence to spans of the original text.
//!
//! A resolved draft is a [`Report`]: it still borrows the document, and its
//! output strings are made only when [merge](crate::merge) keeps it as an
//! event of its own. A long text repeats its events, so most reports only
//! add a span or a figure to an event already made.

use std::ops::Range;
use std::sync::Arc;

use crate::assemble::places::FoundPlace;
use crate::assemble::Draft;
use crate::date::Date;
use crate::document::Document;
use crate::gazetteer::{gazetteer, Entry, Hints};
use crate::model::{Actor, DatePrecision, Event, GeoPrecision, Place, Span, Status};
use crate::text::utf16::Utf16Index;

/// A draft with its date and place resolved, ready to merge.
pub struct Report<'a> {
    pub draft: Draft<'a>,
    pub date: Option<Date>,
    pub precision: DatePrecision,
    /// The gazetteer entry that locates the place, if any.
    fix: Option<Fix>,
    /// The sentence: byte range in the whole text, and its text.
    pub span: Range<usize>,
    pub text: &'a str,
}

/// How a place was located.
#[derive(Clone, Copy)]
enum Fix {
    /// The place itself is this entry.
    Exact(&'static Entry),
    /// A place near it or containing it (a locator, a governorate).
    Approx(&'static Entry, GeoPrecision),
}

/// Resolves the drafts of the piece of text at byte `offset`.
pub fn resolve<'a, 'd>(
    doc: &'d Document<'a>,
    drafts: Vec<Draft<'a>>,
    published: Option<Date>,
    offset: usize,
) -> impl Iterator<Item = Report<'a>> + 'd
where
    'a: 'd,
{
    drafts.into_iter().map(move |d| {
        let (date, precision) = d
            .time
            .and_then(|t| crate::time::resolve(t, published))
            .map_or((None, DatePrecision::Unknown), |(day, p)| (Some(day), p));
        let range = doc.original_range(d.sentence.clone());
        let fix = locate(&d.place, &d.context, d.article_governorate);
        Report {
            date,
            precision,
            fix,
            span: range.start + offset..range.end + offset,
            text: &doc.norm.original()[range],
            draft: d,
        }
    })
}

impl Report<'_> {
    /// What merges reports: a resolved place's gazetteer id, else its key.
    pub fn place_key(&self) -> &str {
        match self.fix {
            Some(Fix::Exact(e)) => e.id,
            _ => &self.draft.place.key,
        }
    }

    pub fn status(&self) -> Status {
        if self.draft.denied {
            Status::Denied
        } else {
            Status::Reported
        }
    }

    pub fn actor(&self) -> Actor {
        Actor {
            side: self.draft.side,
            name: self.draft.actor_name.map(str::to_string),
        }
    }

    /// The evidence span; UTF-16 offsets from `utf16`, the whole text's
    /// index; `text` is [`Report::text`], made once for its sentence.
    pub fn evidence(&self, utf16: &Utf16Index, text: Arc<str>) -> Span {
        debug_assert_eq!(*text, *self.text);
        Span {
            start: self.span.start,
            end: self.span.end,
            start_utf16: utf16.utf16(self.span.start),
            end_utf16: utf16.utf16(self.span.end),
            text,
        }
    }

    /// The event this report tells, with every output string made but the
    /// sentence's `text` ([`Report::evidence`]).
    pub fn into_event(self, utf16: &Utf16Index, text: Arc<str>) -> Event {
        let d = &self.draft;
        Event {
            kind: d.kind,
            places: vec![place(&d.place, self.fix)],
            actor: self.actor(),
            killed: d.killed,
            wounded: d.wounded,
            date: self.date,
            precision: self.precision,
            status: self.status(),
            source: d.source.map(str::to_string),
            weapons: d.weapons().iter().map(|w| w.to_string()).collect(),
            evidence: vec![self.evidence(utf16, text)],
        }
    }
}

/// The gazetteer entry for a place, chosen with the names around it: its
/// own locators, else the sentence's places (`context`, which already has
/// the article's governorate if it names none).
fn locate(found: &FoundPlace, context: &Hints, governorate: Option<&'static str>) -> Option<Fix> {
    let gaz = gazetteer();
    let mut own = Hints::from_keys(found.locators().iter().map(|l| &**l));
    let hints = if own.is_empty() {
        context
    } else {
        if own.governorates.is_empty() {
            if let Some(g) = governorate {
                own.add_governorate(g);
            }
        }
        &own
    };
    if let Some(e) = gaz.resolve(&found.key, hints) {
        return Some(Fix::Exact(e));
    }
    // Unknown name: the place written next to it (بريف درعا), a known place
    // inside the name ("طريق القامشلي-عامودا"), else the governorate.
    let inner = || {
        found
            .key
            .split(' ')
            .skip(1)
            .find_map(|w| gaz.resolve(w, hints).filter(|e| e.rank >= 6))
    };
    found
        .locators()
        .iter()
        .find_map(|l| gaz.resolve(l, hints))
        .or_else(inner)
        .map(|e| Fix::Approx(e, GeoPrecision::Near))
        .or_else(|| {
            hints
                .governorates
                .first()
                .and_then(|g| gaz.governorate(g))
                .map(|e| Fix::Approx(e, GeoPrecision::Region))
        })
}

/// The output place: the found name with what its gazetteer entry says.
fn place(found: &FoundPlace, fix: Option<Fix>) -> Place {
    let gaz = gazetteer();
    let mut place = Place {
        name: found.name.to_string(),
        normalized: found.key.to_string(),
        name_en: None,
        kind: found.kind.map(|k| k.as_str().into()),
        governorate: None,
        lat: None,
        lon: None,
        precision: GeoPrecision::Unknown,
        gazetteer_id: None,
    };
    let (e, precision) = match fix {
        None => return place,
        Some(Fix::Exact(e)) => {
            place.name_en = e.name_en.map(Into::into);
            place.kind = Some(e.kind.as_str().into());
            place.gazetteer_id = Some(e.id.into());
            (e, e.kind.precision())
        }
        Some(Fix::Approx(e, precision)) => (e, precision),
    };
    place.governorate = e.admin1.and_then(|g| gaz.governorate_model(g));
    place.lat = Some(e.lat);
    place.lon = Some(e.lon);
    place.precision = precision;
    place
}
