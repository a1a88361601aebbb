//! From extractions to the timeline: corrections applied, the same event
//! reported by several articles shown once, chronological order, day groups.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use waqai_engine::{Count, Date, Event, EventType, Extraction, Side};

use super::articles::Article;
use super::corrections::{apply, correction_key, event_key, Correction, Corrections};

/// One article's report of an event.
#[derive(Debug, Clone)]
pub struct Report {
    pub article_id: u32,
    /// The event's key inside its article (see [`event_key`]).
    pub key: Arc<str>,
    /// The event as this article reports it, corrections applied; the
    /// engine's answer's own unless corrected (see [`SharedEvent`]).
    pub event: SharedEvent,
    pub corrected: bool,
    /// The timeline row it belongs to (see [`row_id`]): reports of several
    /// articles with the same one are the same event.
    row_id: Arc<str>,
}

impl Report {
    /// An uncorrected report, keyed as [`reports`] keys it (for tests).
    #[cfg(test)]
    pub fn plain(article_id: u32, event: Event) -> Report {
        let key = event_key(&event);
        Report {
            article_id,
            row_id: row_id(article_id, &key, &event).into(),
            key: key.into(),
            event: SharedEvent::new(event),
            corrected: false,
        }
    }
}

impl PartialEq for Report {
    fn eq(&self, other: &Self) -> bool {
        self.article_id == other.article_id
            && self.corrected == other.corrected
            && self.key == other.key
            && self.event.same(&other.event)
    }
}

/// An event as the timeline holds it: where it is in the engine's answer
/// (the answer is shared, the event is not copied: a thousand articles'
/// answers are read into the timeline without copying 27,000 events), or an
/// event of its own (corrected, or filled from other reports).
#[derive(Debug, Clone)]
pub struct SharedEvent(Shared);

#[derive(Debug, Clone)]
enum Shared {
    /// The answer and the event's index in it (always in range: made only
    /// by [`EventCache`] from that answer).
    InAnswer(Arc<Extraction>, usize),
    Own(Arc<Event>),
}

impl std::ops::Deref for SharedEvent {
    type Target = Event;
    fn deref(&self) -> &Event {
        match &self.0 {
            Shared::InAnswer(x, i) => &x.events[*i],
            Shared::Own(e) => e,
        }
    }
}

impl SharedEvent {
    pub fn new(event: Event) -> SharedEvent {
        SharedEvent(Shared::Own(Arc::new(event)))
    }

    /// The same event: the same shared one (the usual case after a
    /// re-merge), else equal field by field.
    pub fn same(&self, other: &SharedEvent) -> bool {
        self.shares(other) || **self == **other
    }

    /// Both are the one event in the same place: not a copy.
    fn shares(&self, other: &SharedEvent) -> bool {
        match (&self.0, &other.0) {
            (Shared::InAnswer(a, i), Shared::InAnswer(b, j)) => Arc::ptr_eq(a, b) && i == j,
            (Shared::Own(a), Shared::Own(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// The event to change, made its own first if it is the answer's.
    fn make_mut(&mut self) -> &mut Event {
        if let Shared::InAnswer(x, i) = &self.0 {
            let own = Arc::new(x.events[*i].clone());
            self.0 = Shared::Own(own);
        }
        match &mut self.0 {
            Shared::Own(e) => Arc::make_mut(e),
            Shared::InAnswer(..) => unreachable!("made its own just above"),
        }
    }
}

/// Each article's events with their keys, made once
/// per answer of the engine: re-merging a thousand articles' reports after
/// every answer then copies pointers instead of events and strings.
#[derive(Default)]
pub struct EventCache(HashMap<u32, (Arc<Extraction>, SharedEvents)>);

/// One answer's events, each with its key in the article and its row id.
type SharedEvents = Arc<[(SharedEvent, Arc<str>, Arc<str>)]>;

impl EventCache {
    fn events(&mut self, article: u32, x: &Arc<Extraction>) -> SharedEvents {
        match self.0.get(&article) {
            // Holding the answer keeps its address from being reused.
            Some((had, events)) if Arc::ptr_eq(had, x) => events.clone(),
            _ => {
                let mut seen: HashMap<String, usize> = HashMap::new();
                let events: SharedEvents = x
                    .events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        // Two events with the same key in one article would
                        // share corrections; the later ones are numbered.
                        let mut key = event_key(e);
                        let n = seen.entry(key.clone()).or_insert(0);
                        if *n > 0 {
                            key = format!("{key}#{n}");
                        }
                        *n += 1;
                        (
                            SharedEvent(Shared::InAnswer(x.clone(), i)),
                            Arc::from(row_id(article, &key, e)),
                            Arc::from(key),
                        )
                    })
                    .collect();
                self.0.insert(article, (x.clone(), events.clone()));
                events
            }
        }
    }

    /// Forgets the articles no longer there.
    fn keep_only(&mut self, extractions: &HashMap<u32, Arc<Extraction>>) {
        self.0.retain(|id, _| extractions.contains_key(id));
    }
}

/// One row of the timeline, shared: filtering, grouping and drawing ten
/// thousand rows copies pointers, not events. Rows that did not change keep
/// their `version` across re-merges, so the keyed timeline leaves their cards alone.
#[derive(Debug, Clone)]
pub struct TimelineEvent {
    row: Arc<Row>,
    version: u64,
}

impl PartialEq for TimelineEvent {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version || self.row == other.row
    }
}

impl std::ops::Deref for TimelineEvent {
    type Target = Row;
    fn deref(&self) -> &Row {
        &self.row
    }
}

impl TimelineEvent {
    fn new(row: Row) -> TimelineEvent {
        // Versions are unique in the page's lifetime.
        static NEXT: AtomicU64 = AtomicU64::new(1);
        TimelineEvent {
            row: Arc::new(row),
            version: NEXT.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Changes whenever the row's content does.
    pub fn version(&self) -> u64 {
        self.version
    }
}

/// An event and every article that reports it.
#[derive(Debug, Clone)]
pub struct Row {
    /// Unique among the rows; used for selection and as the list key.
    pub id: Arc<str>,
    /// The first report's event, with counts and side filled from the others.
    pub event: SharedEvent,
    pub reports: Vec<Report>,
    /// What every filter change asks of every row, kept in the row itself.
    pub facts: RowFacts,
}

/// What the filters, the chart and the map ask of every row at every filter
/// change, copied out of the event when the row is made: ten thousand rows
/// read through their event's pointers cost more than the answers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowFacts {
    pub kind: EventType,
    pub side: Option<Side>,
    pub date: Option<Date>,
    /// Longitude and latitude of the first place with coordinates.
    pub at: Option<(f64, f64)>,
}

impl RowFacts {
    pub fn of(e: &Event) -> RowFacts {
        RowFacts {
            kind: e.kind,
            side: e.actor.side,
            date: e.date,
            at: e.places.iter().find_map(|p| p.lon.zip(p.lat)),
        }
    }
}

impl PartialEq for Row {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.reports == other.reports && self.event.same(&other.event)
    }
}

impl Row {
    pub fn corrected(&self) -> bool {
        self.reports.iter().any(|r| r.corrected)
    }

    /// Distinct attributed sources ("المرصد السوري") over all reports.
    pub fn sources(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in &self.reports {
            if let Some(s) = &r.event.source {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
        }
        out
    }

    /// Distinct articles reporting it, in report order.
    pub fn article_ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::new();
        for r in &self.reports {
            if !ids.contains(&r.article_id) {
                ids.push(r.article_id);
            }
        }
        ids
    }
}

/// Applies corrections to every article's events, drops deleted ones and
/// returns the reports in article order, then text order. Also returns how
/// many events were deleted.
pub fn reports(
    articles: &[Article],
    extractions: &HashMap<u32, Arc<Extraction>>,
    corrections: &Corrections,
) -> (Vec<Report>, usize) {
    reports_cached(
        articles,
        extractions,
        corrections,
        &mut EventCache::default(),
    )
}

/// [`reports`], with each answer's events shared through `cache`.
pub fn reports_cached(
    articles: &[Article],
    extractions: &HashMap<u32, Arc<Extraction>>,
    corrections: &Corrections,
    cache: &mut EventCache,
) -> (Vec<Report>, usize) {
    cache.keep_only(extractions);
    let mut out = Vec::new();
    let mut deleted = 0;
    for a in articles {
        let Some(x) = extractions.get(&a.id) else {
            continue;
        };
        let events = cache.events(a.id, x);
        out.reserve(events.len());
        for (e, row, key) in events.iter() {
            // Most readers correct nothing: no key to make and look up.
            let correction = if corrections.is_empty() {
                None
            } else {
                corrections.get(&correction_key(a.id, key))
            };
            match correction {
                Some(Correction::Delete) => deleted += 1,
                Some(Correction::Edit(edit)) => {
                    let event = apply(e, edit);
                    out.push(Report {
                        article_id: a.id,
                        key: key.clone(),
                        row_id: row_id(a.id, key, &event).into(),
                        event: SharedEvent::new(event),
                        corrected: true,
                    })
                }
                None => out.push(Report {
                    article_id: a.id,
                    key: key.clone(),
                    event: e.clone(),
                    corrected: false,
                    row_id: row.clone(),
                }),
            }
        }
    }
    (out, deleted)
}

/// The timeline row of an article's event: `m:` and its merge key when
/// reports of other articles can be the same event, else `a<article>:<key>`,
/// its own.
fn row_id(article: u32, key: &str, e: &Event) -> String {
    match merge_key(e) {
        Some(k) => format!("m:{k}"),
        None => format!("a{article}:{key}"),
    }
}

/// The key under which reports from different articles are the same event:
/// same type, same place, same day. Events without a day or a place are
/// never merged, since nothing says they are the same.
fn merge_key(e: &Event) -> Option<String> {
    let date = e.date?;
    let place = e.places.first()?;
    let place_key = if place.normalized.is_empty() {
        waqai_engine::text::normalize::match_key(&place.name)
    } else {
        place.normalized.clone()
    };
    Some(format!("{}|{}|{}", e.kind.id(), place_key, date))
}

/// Merges reports into timeline rows, in chronological order: dated rows by
/// day, then undated rows by article; within a day, in article and text order.
pub fn merge(reports: Vec<Report>, article_order: &[u32]) -> Vec<TimelineEvent> {
    let mut rows: Vec<Row> = Vec::with_capacity(reports.len());
    let mut by_id: HashMap<Arc<str>, usize> = HashMap::with_capacity(reports.len());
    for r in reports {
        if let Some(&i) = by_id.get(&r.row_id) {
            let row = &mut rows[i];
            // The row's own copy, made only when a second report fills it.
            fill_from(row.event.make_mut(), &r.event);
            row.reports.push(r);
        } else {
            by_id.insert(r.row_id.clone(), rows.len());
            let facts = RowFacts::of(&r.event);
            rows.push(Row {
                id: r.row_id.clone(),
                event: r.event.clone(),
                reports: vec![r],
                facts,
            });
        }
    }
    // Made again once the reports have filled in each row's event.
    for row in rows.iter_mut().filter(|r| r.reports.len() > 1) {
        row.facts = RowFacts::of(&row.event);
    }
    let order: HashMap<u32, usize> = article_order
        .iter()
        .enumerate()
        .map(|(i, &a)| (a, i))
        .collect();
    let pos = |id: u32| order.get(&id).copied().unwrap_or(usize::MAX);
    // A stable sort keeps text order within an article. (`sort_by_cached_key`
    // is stable too, and its unstable sort of (key, position) pairs costs the
    // page's module less than a stable-sort routine.)
    rows.sort_by_cached_key(|row| {
        let first = pos(row.reports[0].article_id);
        match row.event.date {
            Some(d) => (0, d.day_number(), first),
            None => (1, first as i64, 0),
        }
    });
    rows.into_iter().map(TimelineEvent::new).collect()
}

/// `rows` with every row that did not change since `before` replaced by its
/// earlier self (same version), so what is drawn for it stays as it is.
pub fn keep_unchanged(rows: Vec<TimelineEvent>, before: &[TimelineEvent]) -> Vec<TimelineEvent> {
    let old: HashMap<&str, &TimelineEvent> = before.iter().map(|r| (&*r.id, r)).collect();
    rows.into_iter()
        .map(|r| match old.get(&*r.id) {
            Some(o) if o.row == r.row => (*o).clone(),
            _ => r,
        })
        .collect()
}

/// What another article adds to a merged row: a side when the first report
/// has none; the lowest exact count (the guidelines' rule for differing figures).
fn fill_from(into: &mut Event, other: &Event) {
    if into.actor.side.is_none() {
        into.actor = other.actor.clone();
    }
    into.killed = lower(into.killed, other.killed);
    into.wounded = lower(into.wounded, other.wounded);
    if into.source.is_none() {
        into.source = other.source.clone();
    }
    if into.places.first().is_some_and(|p| p.lat.is_none()) {
        if let Some(p) = other.places.first().filter(|p| p.lat.is_some()) {
            into.places[0] = p.clone();
        }
    }
}

fn lower(a: Option<Count>, b: Option<Count>) -> Option<Count> {
    match (a, b) {
        (Some(Count::Exact(x)), Some(Count::Exact(y))) => Some(Count::Exact(x.min(y))),
        (Some(Count::Exact(x)), _) | (_, Some(Count::Exact(x))) => Some(Count::Exact(x)),
        (Some(Count::Some), _) | (_, Some(Count::Some)) => Some(Count::Some),
        (None, None) => None,
    }
}

/// A heading of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Day(Date),
    /// Events of one article whose day is not known.
    Undated(u32),
}

/// The group a row belongs to: its day, or for an undated row its article.
pub fn group_key(row: &TimelineEvent) -> GroupKey {
    match row.event.date {
        Some(d) => GroupKey::Day(d),
        None => GroupKey::Undated(row.reports[0].article_id),
    }
}

#[cfg(test)]
mod tests {
    use super::super::corrections::tests::event;
    use super::super::corrections::{EventEdit, Set};
    use super::*;
    use waqai_engine::EventType;

    fn article(id: u32) -> Article {
        Article {
            id,
            title: format!("a{id}"),
            outlet: String::new(),
            text: String::new(),
            published: None,
            sample: None,
        }
    }

    fn extraction(events: Vec<Event>) -> Arc<Extraction> {
        Arc::new(Extraction {
            published: None,
            published_from: "none".into(),
            events,
        })
    }

    fn setup() -> (Vec<Article>, HashMap<u32, Arc<Extraction>>) {
        let mut xs = HashMap::new();
        xs.insert(
            1,
            extraction(vec![
                event(EventType::Shelling, "الوعر", Some("2017-03-22"), 0),
                event(EventType::Clash, "حلب", None, 50),
                event(EventType::Airstrike, "دوما", Some("2017-03-20"), 90),
            ]),
        );
        let mut other = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 7);
        other.killed = Some(Count::Exact(2));
        other.source = Some("المرصد".into());
        xs.insert(
            2,
            extraction(vec![other, event(EventType::Arrest, "درعا", None, 9)]),
        );
        (vec![article(1), article(2)], xs)
    }

    #[test]
    fn merges_across_articles_and_orders_by_day() {
        let (arts, xs) = setup();
        let (reps, deleted) = reports(&arts, &xs, &Corrections::new());
        assert_eq!((reps.len(), deleted), (5, 0));
        let rows = merge(reps, &[1, 2]);
        let kinds: Vec<_> = rows
            .iter()
            .map(|r| (r.event.kind, r.reports.len()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (EventType::Airstrike, 1),
                (EventType::Shelling, 2),
                (EventType::Clash, 1),
                (EventType::Arrest, 1)
            ]
        );
        assert_eq!(rows[1].event.killed, Some(Count::Exact(2)));
        assert_eq!(rows[1].sources(), vec!["المرصد".to_string()]);
        assert_eq!(rows[1].article_ids(), vec![1, 2]);
        // Every row's facts are its event's, as filled in from all its reports.
        for r in &rows {
            assert_eq!(r.facts, RowFacts::of(&r.event), "{}", r.id);
        }
        // Groups: two days, then each article's undated events.
        let mut groups: Vec<GroupKey> = rows.iter().map(group_key).collect();
        groups.dedup();
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[2], GroupKey::Undated(1));
        assert_eq!(groups[3], GroupKey::Undated(2));
    }

    /// A row's facts are made after every report has filled in its event:
    /// a side and coordinates that only the second article gives are there.
    #[test]
    fn row_facts_follow_what_later_reports_fill_in() {
        let mut first = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 0);
        first.actor.side = None;
        first.places[0].lat = None;
        let mut second = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 7);
        second.actor.side = Some(waqai_engine::Side::Government);
        let rows = merge(
            vec![Report::plain(1, first), Report::plain(2, second)],
            &[1, 2],
        );
        assert_eq!(rows.len(), 1, "one event reported twice");
        let facts = rows[0].facts;
        assert_eq!(facts.side, Some(waqai_engine::Side::Government));
        assert!(facts.at.is_some(), "coordinates from the second report");
        assert_eq!(facts, RowFacts::of(&rows[0].event));
    }

    #[test]
    fn a_re_merge_shares_the_events_it_already_had() {
        let (arts, mut xs) = setup();
        let mut cache = EventCache::default();
        let (first, _) = reports_cached(&arts, &xs, &Corrections::new(), &mut cache);
        let (again, _) = reports_cached(&arts, &xs, &Corrections::new(), &mut cache);
        assert!(first
            .iter()
            .zip(&again)
            .all(|(a, b)| a.event.shares(&b.event)));
        // A new answer for article 1: its events are new, article 2's stay shared.
        xs.insert(1, Arc::new(Extraction::clone(&xs[&1])));
        let (third, _) = reports_cached(&arts, &xs, &Corrections::new(), &mut cache);
        for (a, b) in first.iter().zip(&third) {
            assert_eq!(a.event.shares(&b.event), a.article_id == 2);
            assert_eq!(a, b, "equal all the same");
        }
        // Rows made from shared events are the same rows.
        let order = [1, 2];
        let before = merge(first, &order);
        let after = keep_unchanged(merge(third, &order), &before);
        assert!(before
            .iter()
            .zip(&after)
            .all(|(a, b)| a.version() == b.version()));
    }

    #[test]
    fn corrections_edit_and_delete() {
        let (arts, xs) = setup();
        let mut c = Corrections::new();
        let e = &xs[&1].events[1];
        c.insert(correction_key(1, &event_key(e)), Correction::Delete);
        let e = &xs[&1].events[2];
        let edit = EventEdit {
            date: Some(Set {
                to: Some("2017-03-22".parse().unwrap()),
            }),
            ..EventEdit::default()
        };
        c.insert(correction_key(1, &event_key(e)), Correction::Edit(edit));
        let (reps, deleted) = reports(&arts, &xs, &c);
        assert_eq!((reps.len(), deleted), (4, 1));
        let rows = merge(reps, &[1, 2]);
        assert!(rows[0].corrected() || rows[1].corrected());
        assert!(rows.iter().all(|r| r.event.kind != EventType::Clash));
        assert_eq!(rows[0].event.date.unwrap().to_string(), "2017-03-22");
    }
}
