//! What a share link holds (version 1), how it is made from the page's state
//! and how it is turned back into state.
//!
//! The shapes here are the link format: they may only ever GAIN optional
//! fields, so that every later page reads a link made today (their JSON
//! member names, short ones, are in `super::json`).
//! Enumerations travel as their stable ids (`"airstrike"`, `"government"`),
//! and an id a later page no longer knows is read as "other"/"not stated",
//! never as an error.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use waqai_engine::{
    Actor, Count, DatePrecision, Event, EventType, Extraction, GeoPrecision, Governorate, Place,
    Side, Span, Status,
};
use waqai_json::Value;

use crate::state::articles::Article;
use crate::state::corrections::{correction_key, Corrections};
use crate::state::events::{merge, reports, Report};
use crate::state::filters::Filters;
use crate::state::json;

/// A full link (articles, corrections) or an events-only one (read-only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Full,
    EventsOnly,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Payload {
    pub kind: Kind,
    pub articles: Vec<SharedArticle>,
    /// Correction key → correction, as stored in the browser (full links only).
    pub corrections: BTreeMap<String, Value<'static>>,
    /// The filters in their address form (`xt=clash&k=3`).
    pub filters: String,
    /// The selected timeline row's id (full links).
    pub selected: Option<String>,
    /// The selected row's position among all rows (events-only links, whose
    /// row ids are made anew when opened).
    pub selected_index: Option<u32>,
    /// Events-only links: every place named, once; events refer to them by position.
    pub places: Vec<SharedPlace>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedArticle {
    pub id: u32,
    pub title: String,
    pub outlet: String,
    pub text: String,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub sample: Option<String>,
    /// Events-only links: the article's events, corrections applied.
    pub events: Vec<SharedEvent>,
    /// Events-only links: the evidence sentences, once; events refer to them by position.
    pub sentences: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedEvent {
    /// The type's id.
    pub kind: String,
    /// Positions in [`Payload::places`].
    pub places: Vec<u32>,
    /// The side's id.
    pub side: Option<String>,
    pub actor: Option<String>,
    pub killed: Option<Count>,
    pub wounded: Option<Count>,
    pub date: Option<String>,
    /// `day`, `week`, `month` (absent: unknown).
    pub precision: String,
    pub denied: bool,
    pub source: Option<String>,
    pub weapons: Vec<String>,
    /// The evidence sentences: positions in [`SharedArticle::sentences`].
    pub evidence: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedPlace {
    pub name: String,
    pub name_en: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Governorate: P-code, English and Arabic name.
    pub governorate: Option<(String, String, String)>,
    /// `exact`, `near`, `region` (absent: unknown).
    pub precision: String,
    pub kind: Option<String>,
}

impl SharedArticle {
    /// An article with its text (full links).
    pub fn full(a: &Article) -> SharedArticle {
        SharedArticle {
            id: a.id,
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            text: a.text.clone(),
            published: a.published.map(|d| d.to_string()),
            sample: a.sample.clone(),
            events: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// An article without its text, with its events and their sentences
    /// (events-only links); places go to the link's table `places`.
    pub fn events_only(
        a: &Article,
        events: &[&Event],
        places: &mut Vec<SharedPlace>,
    ) -> SharedArticle {
        let mut sentences = Vec::new();
        let events = events
            .iter()
            .map(|e| SharedEvent::of(e, &mut sentences, places))
            .collect();
        SharedArticle {
            id: a.id,
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            text: String::new(),
            published: a.published.map(|d| d.to_string()),
            sample: None,
            events,
            sentences,
        }
    }
}

/// The position of `item` in `table`, added at the end when missing.
fn position<T: PartialEq>(table: &mut Vec<T>, item: T) -> u32 {
    let i = match table.iter().position(|x| *x == item) {
        Some(i) => i,
        None => {
            table.push(item);
            table.len() - 1
        }
    };
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl SharedEvent {
    pub fn of(
        e: &Event,
        sentences: &mut Vec<String>,
        places: &mut Vec<SharedPlace>,
    ) -> SharedEvent {
        SharedEvent {
            kind: e.kind.id().to_string(),
            places: e
                .places
                .iter()
                .map(|p| position(places, SharedPlace::of(p)))
                .collect(),
            side: e.actor.side.map(|s| s.id().to_string()),
            actor: e.actor.name.clone(),
            killed: e.killed,
            wounded: e.wounded,
            date: e.date.map(|d| d.to_string()),
            precision: match e.precision {
                DatePrecision::Day => "day",
                DatePrecision::Week => "week",
                DatePrecision::Month => "month",
                DatePrecision::Unknown => "",
            }
            .to_string(),
            denied: e.status == Status::Denied,
            source: e.source.clone(),
            weapons: e.weapons.clone(),
            evidence: e
                .evidence
                .iter()
                .map(|s| position(sentences, s.text.to_string()))
                .collect(),
        }
    }

    /// The event, with its evidence among `spans` (the article's sentences in
    /// the stand-in text) and its places among `places`. Positions out of
    /// range (a damaged link) are dropped.
    fn to_event(&self, spans: &[Span], places: &[Place]) -> Event {
        let date = self.date.as_deref().and_then(|d| d.parse().ok());
        Event {
            kind: EventType::from_id(&self.kind).unwrap_or(EventType::Other),
            places: self
                .places
                .iter()
                .filter_map(|&i| places.get(i as usize).cloned())
                .collect(),
            actor: Actor {
                side: self.side.as_deref().and_then(Side::from_id),
                name: self.actor.clone(),
            },
            killed: self.killed,
            wounded: self.wounded,
            date,
            precision: match (date, self.precision.as_str()) {
                (None, _) => DatePrecision::Unknown,
                (_, "week") => DatePrecision::Week,
                (_, "month") => DatePrecision::Month,
                (_, "") => DatePrecision::Unknown,
                _ => DatePrecision::Day,
            },
            status: if self.denied {
                Status::Denied
            } else {
                Status::Reported
            },
            source: self.source.clone(),
            weapons: self.weapons.clone(),
            evidence: self
                .evidence
                .iter()
                .filter_map(|&i| spans.get(i as usize).cloned())
                .collect(),
        }
    }
}

/// The stand-in text of an events-only article: its sentences as paragraphs,
/// with the span of each.
fn stand_in_text(sentences: &[String]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        let start_utf16 = text.encode_utf16().count();
        text.push_str(s);
        spans.push(Span {
            start,
            end: text.len(),
            start_utf16,
            end_utf16: start_utf16 + s.encode_utf16().count(),
            text: s.as_str().into(),
        });
    }
    (text, spans)
}

impl SharedPlace {
    fn of(p: &Place) -> SharedPlace {
        SharedPlace {
            name: p.name.clone(),
            name_en: p.name_en.as_deref().map(str::to_string),
            lat: p.lat,
            lon: p.lon,
            governorate: p.governorate.as_ref().map(|g| {
                (
                    g.pcode.to_string(),
                    g.name_en.to_string(),
                    g.name_ar.to_string(),
                )
            }),
            precision: match p.precision {
                GeoPrecision::Exact => "exact",
                GeoPrecision::Near => "near",
                GeoPrecision::Region => "region",
                GeoPrecision::Unknown => "",
            }
            .to_string(),
            kind: p.kind.as_deref().map(str::to_string),
        }
    }

    fn to_place(&self) -> Place {
        Place {
            name: self.name.clone(),
            normalized: waqai_engine::text::normalize::match_key(&self.name),
            name_en: self.name_en.clone().map(Into::into),
            kind: self.kind.clone().map(Into::into),
            governorate: self
                .governorate
                .clone()
                .map(|(pcode, name_en, name_ar)| Governorate {
                    pcode: pcode.into(),
                    name_en: name_en.into(),
                    name_ar: name_ar.into(),
                }),
            lat: self.lat.filter(|v| v.is_finite()),
            lon: self.lon.filter(|v| v.is_finite()),
            precision: match self.precision.as_str() {
                "exact" => GeoPrecision::Exact,
                "near" => GeoPrecision::Near,
                "region" => GeoPrecision::Region,
                _ => GeoPrecision::Unknown,
            },
            gazetteer_id: None,
        }
    }
}

/// A full link: the articles with their texts, the corrections, the filters
/// and the selected row.
pub fn full(
    articles: &[Article],
    corrections: &Corrections,
    filters: &Filters,
    selected: Option<String>,
) -> Payload {
    // Maps are filled by `extend` (one insert each): `collect` into a BTreeMap
    // sorts first, and each sort routine costs the page's module some KB.
    let mut shared_corrections = BTreeMap::new();
    shared_corrections.extend(corrections.iter().map(|(k, v)| {
        let mut v = json::correction_value(v);
        v.sort_keys();
        (k.clone(), v)
    }));
    Payload {
        kind: Kind::Full,
        articles: articles.iter().map(SharedArticle::full).collect(),
        corrections: shared_corrections,
        filters: filters.to_fragment(),
        selected,
        selected_index: None,
        places: Vec::new(),
    }
}

/// An events-only link: the given reports (corrections applied, in the order
/// [`reports`] gives them; the page passes those of the rows it shows) of
/// each article, without any article text. `selected_index` is the selected
/// row's position among the rows these reports make.
pub fn events_only(
    articles: &[Article],
    reports: &[Report],
    filters: &Filters,
    selected_index: Option<usize>,
) -> Payload {
    let mut places = Vec::new();
    let articles = articles
        .iter()
        .map(|a| {
            let events: Vec<&Event> = reports
                .iter()
                .filter(|r| r.article_id == a.id)
                .map(|r| &*r.event)
                .collect();
            SharedArticle::events_only(a, &events, &mut places)
        })
        .collect();
    Payload {
        kind: Kind::EventsOnly,
        articles,
        corrections: BTreeMap::new(),
        filters: filters.to_fragment(),
        selected: None,
        selected_index: selected_index.and_then(|i| u32::try_from(i).ok()),
        places,
    }
}

/// A link's contents as page state.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub kind: Kind,
    pub articles: Vec<Article>,
    pub corrections: Corrections,
    pub filters: Filters,
    pub selected: Option<String>,
    /// Events-only links: each article's events, shown instead of extracting
    /// (the article's "text" is then its evidence sentences).
    pub events: HashMap<u32, Arc<Extraction>>,
}

pub fn open(p: Payload) -> Opened {
    let mut articles: Vec<Article> = Vec::new();
    let mut events = HashMap::new();
    let places: Vec<Place> = p.places.iter().map(SharedPlace::to_place).collect();
    for a in p.articles {
        // A damaged or hand-made link could repeat an id.
        if articles.iter().any(|x| x.id == a.id) {
            continue;
        }
        let published = a.published.as_deref().and_then(|d| d.parse().ok());
        let mut text = a.text;
        if p.kind == Kind::EventsOnly {
            let (stand_in, spans) = stand_in_text(&a.sentences);
            text = stand_in;
            let list: Vec<Event> = a
                .events
                .iter()
                .map(|e| e.to_event(&spans, &places))
                .collect();
            events.insert(
                a.id,
                Arc::new(Extraction {
                    published,
                    published_from: "given".into(),
                    events: list,
                }),
            );
        }
        articles.push(Article {
            id: a.id,
            title: a.title,
            outlet: a.outlet,
            text,
            published,
            sample: a.sample,
        });
    }
    let mut corrections = Corrections::new();
    if p.kind == Kind::Full {
        // `extend`, not `collect`: see `full`.
        corrections.extend(
            p.corrections
                .into_iter()
                .filter_map(|(k, v)| Some((k, json::correction(&v).ok()?))),
        );
    }
    let mut filters = Filters::from_fragment(&p.filters);
    if filters
        .article
        .is_some_and(|id| articles.iter().all(|a| a.id != id))
    {
        filters.article = None;
    }
    let selected = match p.kind {
        Kind::Full => p.selected,
        Kind::EventsOnly => p.selected_index.and_then(|i| {
            let (reps, _) = reports(&articles, &events, &corrections);
            let order: Vec<u32> = articles.iter().map(|a| a.id).collect();
            merge(reps, &order)
                .get(i as usize)
                .map(|r| r.id.to_string())
        }),
    };
    Opened {
        kind: p.kind,
        articles,
        corrections,
        filters,
        selected,
        events,
    }
}

/// "Keep it": the reader's own articles and corrections with a full link's
/// added. The link's articles keep their ids (the page already shows them);
/// the reader's own get fresh ids after them, their corrections follow. An
/// own article with the same text as a linked one is not added twice; its
/// corrections join the linked one's (the link's win where both set one).
pub fn keep(
    own: (Vec<Article>, Corrections),
    link: (Vec<Article>, Corrections),
) -> (Vec<Article>, Corrections) {
    let (own_articles, own_corrections) = own;
    let (link_articles, mut corrections) = link;
    let mut next = crate::state::articles::next_id(&link_articles);
    let mut new_id: HashMap<u32, u32> = HashMap::new();
    let mut articles: Vec<Article> = Vec::new();
    for mut a in own_articles {
        if let Some(same) = link_articles.iter().find(|l| l.text == a.text) {
            new_id.insert(a.id, same.id);
            continue;
        }
        new_id.insert(a.id, next);
        a.id = next;
        next += 1;
        articles.push(a);
    }
    articles.extend(link_articles);
    for (key, c) in own_corrections {
        let Some((id, rest)) = key.split_once('/') else {
            continue;
        };
        let Some(&id) = id.parse().ok().and_then(|id: u32| new_id.get(&id)) else {
            continue;
        };
        corrections.entry(correction_key(id, rest)).or_insert(c);
    }
    (articles, corrections)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::articles::samples_to_add;
    use crate::state::corrections::Correction;
    use waqai_engine::{extract, Options};

    fn extractions(arts: &[Article]) -> HashMap<u32, Arc<Extraction>> {
        arts.iter()
            .map(|a| {
                let x = extract(
                    &a.text,
                    &Options {
                        published: a.published,
                    },
                );
                (a.id, Arc::new(x))
            })
            .collect()
    }

    #[test]
    fn full_links_give_back_the_state() {
        let arts = samples_to_add(&[]);
        let mut c = Corrections::new();
        c.insert("2/x|y|3".into(), Correction::Delete);
        let f = Filters {
            min_killed: 1,
            article: Some(2),
            ..Filters::default()
        };
        let p = full(&arts, &c, &f, Some("row".into()));
        let o = open(p);
        assert_eq!(o.kind, Kind::Full);
        assert_eq!(o.articles, arts);
        assert_eq!(o.corrections, c);
        assert_eq!(o.filters, f);
        assert_eq!(o.selected.as_deref(), Some("row"));
        assert!(o.events.is_empty());
    }

    #[test]
    fn events_only_links_give_back_the_rows() {
        let arts = samples_to_add(&[]);
        let xs = extractions(&arts);
        let (reps, _) = reports(&arts, &xs, &Corrections::new());
        let order: Vec<u32> = arts.iter().map(|a| a.id).collect();
        let rows = merge(reps.clone(), &order);
        assert!(rows.len() > 5);
        let pick = rows.len() / 2;
        let p = events_only(&arts, &reps, &Filters::default(), Some(pick));
        assert!(p.articles.iter().all(|a| a.text.is_empty()));
        let o = open(super::super::codec::decode(&super::super::codec::encode(&p)).unwrap());
        assert_eq!(o.kind, Kind::EventsOnly);
        let (reps2, _) = reports(&o.articles, &o.events, &o.corrections);
        let rows2 = merge(reps2, &order);
        assert_eq!(rows2.len(), rows.len());
        for (a, b) in rows.iter().zip(&rows2) {
            assert_eq!(a.event.kind, b.event.kind);
            assert_eq!(a.event.date, b.event.date);
            assert_eq!(a.event.killed, b.event.killed);
            assert_eq!(a.event.actor, b.event.actor);
            let place = |e: &Event| {
                e.places
                    .iter()
                    .map(|p| (p.name.clone(), p.lat, p.lon, p.governorate.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(place(&a.event), place(&b.event));
            assert_eq!(a.reports.len(), b.reports.len());
            let ev: Vec<&str> = b.event.evidence.iter().map(|s| &*s.text).collect();
            let want: Vec<&str> = a.event.evidence.iter().map(|s| &*s.text).collect();
            assert_eq!(ev, want);
            // The evidence points at its sentence in the stand-in text.
            let art = o
                .articles
                .iter()
                .find(|x| x.id == b.reports[0].article_id)
                .unwrap();
            for s in &b.reports[0].event.evidence {
                assert_eq!(&art.text[s.start..s.end], &*s.text);
            }
        }
        assert_eq!(o.selected.as_deref(), Some(&*rows2[pick].id));
    }

    #[test]
    fn keeping_adds_the_link_to_ones_own() {
        let samples = samples_to_add(&[]);
        let own = vec![
            Article {
                id: 1,
                title: "mine".into(),
                outlet: String::new(),
                text: "نص خاص".into(),
                published: None,
                sample: None,
            },
            Article {
                id: 2,
                ..samples[0].clone()
            },
        ];
        let mut own_c = Corrections::new();
        own_c.insert("1/a|b|0".into(), Correction::Delete);
        own_c.insert("2/c|d|0".into(), Correction::Delete);
        let link = samples[..2].to_vec();
        let mut link_c = Corrections::new();
        link_c.insert("2/e|f|0".into(), Correction::Delete);
        let (arts, c) = keep((own, own_c), (link.clone(), link_c));
        let ids: Vec<u32> = arts.iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            vec![3, 1, 2],
            "own first with a fresh id, then the link's"
        );
        assert_eq!(arts[0].title, "mine");
        let keys: Vec<&str> = c.keys().map(String::as_str).collect();
        assert_eq!(keys, vec!["1/c|d|0", "2/e|f|0", "3/a|b|0"]);
    }
}
