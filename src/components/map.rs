//! Syria's governorates (drawn offline by tools/gen_map.py) with a mark for
//! each located event, coloured and shaped by type (or, for many events, one
//! mark per spot sized by how many happened there). Selecting a mark selects
//! its event; selecting a governorate narrows the filters to it.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::map_data::project;
use crate::components::map_outline::map_panel;
use crate::components::pixel_hash::PixelMap;
use crate::components::svg_num::tenths;
use crate::components::types::{colour, shape};
use crate::i18n::Lang;
use crate::state::events::TimelineEvent;
use waqai_engine::EventType;

/// The event's first place with coordinates, if any.
fn located_place(r: &TimelineEvent) -> Option<&waqai_engine::Place> {
    r.event
        .places
        .iter()
        .find(|p| p.lat.is_some() && p.lon.is_some())
}

/// Keys on a mark: Enter or Space picks it, arrows move to the next or
/// previous mark (one tab stop for all marks).
fn on_mark_key(ev: &leptos::ev::KeyboardEvent, pick: impl Fn()) {
    let forward = match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            pick();
            return;
        }
        "ArrowRight" | "ArrowDown" => true,
        "ArrowLeft" | "ArrowUp" => false,
        _ => return,
    };
    ev.prevent_default();
    crate::web::location::focus_sibling(ev, forward);
}

/// Selects a row from the map and brings it into view in the timeline.
fn pick_row(state: AppState, id: &str) {
    state.select(id.to_string());
    crate::web::location::scroll_selected_row_into_view();
}

/// Where each located event goes: its projected place, nudged along a
/// spiral when several events share a spot so that each stays selectable.
pub fn mark_positions(rows: &[TimelineEvent]) -> Vec<(usize, f64, f64)> {
    // The k-th event at a spot goes 9·√k out at an angle of 2.4·k radians.
    // Each spot keeps k and that angle's (cos, sin), turned 2.4 rad further
    // per event by a rotation (the same points to within 1e-10 px): no sin or
    // cos calls, whose code cost the page's module 6 KB (2.9 KB gzip).
    const TURN: (f64, f64) = (-0.7373937155412454, 0.675463180551151); // cos, sin of 2.4
    let mut used: PixelMap<(i64, i64), (usize, (f64, f64))> = PixelMap::default();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let Some((lon, lat)) = r.facts.at else {
            continue;
        };
        let (x, y) = project(lon, lat);
        let (k, (c, s)) = used
            .entry((x.round() as i64, y.round() as i64))
            .or_insert((0, (1.0, 0.0)));
        let rad = 9.0 * (*k as f64).sqrt();
        out.push((i, x + rad * *c, y + rad * *s));
        *k += 1;
        (*c, *s) = (*c * TURN.0 - *s * TURN.1, *s * TURN.0 + *c * TURN.1);
    }
    out
}

/// Up to this many located events, each has a mark; beyond, each spot has one
/// mark for all its events (ten thousand marks would bury the map and the page).
pub const MARK_EACH_UP_TO: usize = 500;

/// A mark for a spot: (its first row, x, y, how many rows, the most frequent type).
pub type SpotMark = (usize, f64, f64, usize, EventType);

/// At most this many spot marks: beyond, nearby spots share a mark (on a
/// grid that doubles until they fit), so the map stays readable and quick.
pub const MAX_SPOTS: usize = 250;

/// One mark per spot: (the spot's first row, x, y, how many rows are there,
/// the most frequent type among them). Spots closer than the grid that keeps
/// them to [`MAX_SPOTS`] share one mark.
pub fn spot_marks(rows: &[TimelineEvent]) -> Vec<SpotMark> {
    // The rows once, into exact spots; then only the spots, on ever coarser grids.
    let mut marks = exact_spots(rows);
    let mut cell = 2.0;
    while marks.len() > MAX_SPOTS && cell <= 256.0 {
        marks = coarser(marks, cell);
        cell *= 2.0;
    }
    marks
}

/// Spots on a grid of `cell` px: each cell's first spot stands for all,
/// with their events summed and the type of its biggest spot.
fn coarser(spots: Vec<SpotMark>, cell: f64) -> Vec<SpotMark> {
    let mut at: PixelMap<(i64, i64), usize> = PixelMap::default();
    // (mark, events of its biggest spot)
    let mut out: Vec<(SpotMark, usize)> = Vec::new();
    for spot in spots {
        let (_, x, y, n, kind) = spot;
        let k = ((x / cell).round() as i64, (y / cell).round() as i64);
        match at.get(&k) {
            Some(&j) => {
                let (mark, biggest) = &mut out[j];
                mark.3 += n;
                if n > *biggest {
                    *biggest = n;
                    mark.4 = kind;
                }
            }
            None => {
                at.insert(k, out.len());
                out.push((spot, n));
            }
        }
    }
    out.into_iter().map(|(m, _)| m).collect()
}

/// One mark per exact spot (rounded to a pixel), in the order of their first rows.
fn exact_spots(rows: &[TimelineEvent]) -> Vec<SpotMark> {
    // One pass: each row joins its pixel's spot (made at the pixel's first
    // row, so spots come in the order of their first rows), counted per type.
    let mut at: PixelMap<u64, usize> = PixelMap::default();
    let mut spots: Vec<(usize, f64, f64, usize, [u32; EventType::ALL.len()])> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let Some((lon, lat)) = r.facts.at else {
            continue;
        };
        let (x, y) = project(lon, lat);
        let s = *at.entry(spot_key(x, y)).or_insert_with(|| {
            spots.push((i, x, y, 0, [0; EventType::ALL.len()]));
            spots.len() - 1
        });
        let spot = &mut spots[s];
        spot.3 += 1;
        spot.4[r.facts.kind as usize] += 1;
    }
    spots
        .into_iter()
        .map(|(first, x, y, n, per_type)| {
            // The most frequent type; among equals, the first in legend order.
            let kind = EventType::ALL
                .into_iter()
                .max_by_key(|&k| (per_type[k as usize], std::cmp::Reverse(k)))
                .unwrap_or(rows[first].facts.kind);
            (first, x, y, n, kind)
        })
        .collect()
}

/// A pixel of the map as one number.
fn spot_key(x: f64, y: f64) -> u64 {
    let (x, y) = (x.round() as i64 as u32, y.round() as i64 as u32);
    (u64::from(x) << 32) | u64::from(y)
}

/// "Airstrike, الوعر, Wed 22 Mar 2017": a mark's or a row's readable name.
pub fn event_label(lang: Lang, r: &TimelineEvent) -> String {
    let mut parts = vec![lang.type_name(r.event.kind).to_string()];
    if let Some(p) = r.event.places.first() {
        parts.push(p.name.clone());
    }
    parts.push(match r.event.date {
        Some(d) => lang.date_long(d),
        None => lang.strings().undated.to_string(),
    });
    parts.join(if lang == Lang::Ar { "، " } else { ", " })
}

/// One mark as drawn: a circle for a spot of many events, or the type's shape
/// for one event.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkView {
    /// The mark's identity in a keyed list: everything below in one string
    /// for one event's mark; empty for a spot (spots are listed by position,
    /// so after a filter change their circles are reused, updated in place).
    pub key: String,
    /// The event a click selects (a spot's first event).
    pub id: String,
    /// `Some(radius)` for a spot, `None` for one event's shape.
    pub spot_radius: Option<f64>,
    pub x: f64,
    pub y: f64,
    pub kind: EventType,
    pub label: String,
    /// The one mark in the tab order (arrow keys move between marks).
    pub tab_stop: bool,
}

impl MarkView {
    fn new(
        id: &str,
        spot_radius: Option<f64>,
        (x, y): (f64, f64),
        kind: EventType,
        label: String,
        tab_stop: bool,
    ) -> Self {
        let key = format!(
            "{id}|{}|{}|{kind:?}|{tab_stop}|{label}",
            tenths(x),
            tenths(y)
        );
        MarkView {
            key,
            id: id.to_string(),
            spot_radius,
            x,
            y,
            kind,
            label,
            tab_stop,
        }
    }
}

/// A mark per spot, its area growing with its events.
fn spot_views(lang: Lang, rows: &[TimelineEvent]) -> Vec<MarkView> {
    spot_marks(rows)
        .into_iter()
        .enumerate()
        .map(|(n, (i, x, y, count, kind))| {
            let place = located_place(&rows[i])
                .map(|p| p.name.as_str())
                .unwrap_or_default();
            let label = format!("{place}: {}", lang.events_count(count as u64));
            let r = 3.0 + (count as f64).sqrt() * 1.5;
            // Spots are listed by position (see `Map`): no key to make.
            MarkView {
                key: String::new(),
                id: rows[i].id.to_string(),
                spot_radius: Some(r),
                x,
                y,
                kind,
                label,
                tab_stop: n == 0,
            }
        })
        .collect()
}

/// A mark per located event; the selected one (else the first) is the tab stop.
fn event_views(lang: Lang, rows: &[TimelineEvent], selected: Option<&str>) -> Vec<MarkView> {
    let positions = mark_positions(rows);
    let current = positions
        .iter()
        .position(|(i, ..)| selected == Some(&*rows[*i].id))
        .unwrap_or(0);
    positions
        .into_iter()
        .enumerate()
        .map(|(n, (i, x, y))| {
            let r = &rows[i];
            MarkView::new(
                &r.id,
                None,
                (x, y),
                r.event.kind,
                event_label(lang, r),
                n == current,
            )
        })
        .collect()
}

/// What a spot's circle shows, as its attributes' values: what a filter
/// change may alter in a circle that stays.
#[derive(Debug, Clone, PartialEq)]
struct SpotAttrs {
    cx: String,
    cy: String,
    r: String,
    fill: &'static str,
    tabindex: &'static str,
    label: String,
}

impl SpotAttrs {
    fn of(m: &MarkView) -> SpotAttrs {
        SpotAttrs {
            cx: tenths(m.x),
            cy: tenths(m.y),
            r: tenths(m.spot_radius.unwrap_or_default()),
            fill: colour(m.kind),
            tabindex: if m.tab_stop { "0" } else { "-1" },
            label: m.label.clone(),
        }
    }

    /// The attributes of `self` that differ from `before`'s.
    fn changed(&self, before: &SpotAttrs) -> Vec<(&'static str, &str)> {
        [
            ("cx", &self.cx, &before.cx),
            ("cy", &self.cy, &before.cy),
            ("r", &self.r, &before.r),
            ("aria-label", &self.label, &before.label),
        ]
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(name, a, _)| (name, a.as_str()))
        .chain((self.fill != before.fill).then_some(("fill", self.fill)))
        .chain((self.tabindex != before.tabindex).then_some(("tabindex", self.tabindex)))
        .collect()
    }
}

/// The spots' circles as last drawn, by position in the list: circles are
/// made with their first values, and after a filter change only what differs
/// is set (see [`Map`]'s effect), without a reactive binding per attribute.
type Shown = StoredValue<Vec<Option<SpotAttrs>>>;

fn mark_view(
    state: AppState,
    marks: Memo<Vec<MarkView>>,
    shown: Shown,
    n: usize,
    m: MarkView,
) -> AnyView {
    match m.spot_radius {
        Some(_) => {
            // The n-th spot now: the circle shows whichever spot is n-th
            // after a filter change, and a click picks that one.
            let id_now = move || {
                marks
                    .with_untracked(|ms| ms.get(n).map(|m| m.id.clone()))
                    .unwrap_or_default()
            };
            let a = SpotAttrs::of(&m);
            shown.update_value(|s| {
                if s.len() <= n {
                    s.resize(n + 1, None);
                }
                s[n] = Some(a.clone());
            });
            view! {
                <circle
                    class="mark spot"
                    cx=a.cx
                    cy=a.cy
                    r=a.r
                    fill=a.fill
                    role="button"
                    tabindex=a.tabindex
                    aria-label=a.label
                    on:click=move |_| pick_row(state, &id_now())
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        on_mark_key(&ev, || pick_row(state, &id_now()))
                    }
                ></circle>
            }
            .into_any()
        }
        None => {
            let (id, id2) = (m.id.clone(), m.id.clone());
            let tabindex = if m.tab_stop { "0" } else { "-1" };
            let pick = move |_| pick_row(state, &id);
            let key =
                move |ev: leptos::ev::KeyboardEvent| on_mark_key(&ev, || pick_row(state, &id2));
            let id3 = m.id.clone();
            let selected = move || state.selected.with(|s| s.as_deref() == Some(id3.as_str()));
            view! {
                <path
                    class="mark"
                    class:selected=selected
                    data-event=m.id
                    transform=format!("translate({} {})", tenths(m.x), tenths(m.y))
                    d=shape(m.kind)
                    fill=colour(m.kind)
                    role="button"
                    tabindex=tabindex
                    aria-label=m.label
                    on:click=pick
                    on:keydown=key
                ></path>
            }
            .into_any()
        }
    }
}

#[component]
pub fn Map() -> impl IntoView {
    let state = expect_context::<AppState>();

    let located = Memo::new(move |_| {
        state
            .visible
            .with(|rows| rows.iter().filter(|r| r.facts.at.is_some()).count())
    });
    let marks = Memo::new(move |_| {
        let lang = state.lang.get();
        state.visible.with(|rows| {
            if located.get() > MARK_EACH_UP_TO {
                spot_views(lang, rows)
            } else {
                let current = state.selected.with_untracked(|sel| sel.clone());
                event_views(lang, rows, current.as_deref())
            }
        })
    });
    let shown: Shown = StoredValue::new(Vec::new());
    // Events' marks are keyed by everything they show: after a filter change
    // only those that differ are drawn again. Spots are listed by position:
    // their circles stay and take the values of whichever spot is now at
    // their place (the effect below), so a change copies no list of marks.
    let spots =
        Memo::new(move |_| marks.with(|ms| ms.first().is_some_and(|m| m.spot_radius.is_some())));
    let spot_count = Memo::new(move |_| marks.with(Vec::len));
    let mark_list = move || {
        if spots.get() {
            view! {
                <For
                    each=move || 0..spot_count.get()
                    key=|n| *n
                    children=move |n| {
                        let m = marks.with_untracked(|ms| ms.get(n).cloned());
                        m.map(|m| mark_view(state, marks, shown, n, m))
                    }
                />
            }
            .into_any()
        } else {
            view! {
                <For
                    each=move || marks.get().into_iter().enumerate()
                    key=|(_, m)| m.key.clone()
                    children=move |(n, m)| mark_view(state, marks, shown, n, m)
                />
            }
            .into_any()
        }
    };
    // Spots that stay (the list keeps its circles by position) take what a
    // change alters, set directly on the circles that show something else
    // now; the list has already added or removed circles by then.
    let group = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        marks.with(|ms| {
            let Some(g) = group.get_untracked() else {
                return;
            };
            shown.update_value(|shown| {
                if !spots.get_untracked() {
                    // Events' marks are drawn again when they change.
                    shown.clear();
                    return;
                }
                shown.truncate(ms.len());
                for (n, m) in ms.iter().enumerate() {
                    let now = SpotAttrs::of(m);
                    match shown.get(n) {
                        Some(Some(before)) if *before == now => {}
                        Some(Some(before)) => {
                            crate::web::attrs::set_on_child(&g, n, &now.changed(before));
                            shown[n] = Some(now);
                        }
                        // A circle made in this change already shows it.
                        _ => {}
                    }
                }
            });
        })
    });
    let unlocated = move || state.visible.with(|v| v.len()) - located.get();

    let marks = view! { <g class="marks" node_ref=group>{mark_list}</g> };
    let unlocated_note = view! {
        <Show when=move || { unlocated() > 0 }>
            <p class="hint">
                {move || {
                    let n = unlocated();
                    let lang = state.lang.get();
                    match lang {
                        Lang::En => format!("{n} of the events shown have no coordinates."),
                        Lang::Ar => format!("{} من الأحداث المعروضة بلا إحداثيات.", lang.num(n as u64)),
                    }
                }}
            </p>
        </Show>
    };
    map_panel(state, marks.into_any(), unlocated_note.into_any())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::map_data::{VIEW_H, VIEW_W};
    use crate::state::corrections::tests::event;
    use crate::state::events::{merge, Report};
    use waqai_engine::EventType;

    #[test]
    fn marks_at_one_place_are_spread_and_unlocated_events_skipped() {
        let mut no_coords = event(EventType::Clash, "مكان", None, 20);
        no_coords.places[0].lat = None;
        let reps = [
            event(EventType::Clash, "حمص", Some("2017-03-22"), 0),
            event(EventType::Airstrike, "حمص", Some("2017-03-22"), 5),
            no_coords,
        ]
        .into_iter()
        .map(|e| Report::plain(1, e))
        .collect();
        let rows = merge(reps, &[1]);
        let pos = mark_positions(&rows);
        assert_eq!(pos.len(), 2);
        let (a, b) = (pos[0], pos[1]);
        assert!((a.1 - b.1).abs() + (a.2 - b.2).abs() > 5.0, "{a:?} {b:?}");
        // Inside the drawn map.
        for (_, x, y) in pos {
            assert!((0.0..=VIEW_W).contains(&x) && (0.0..=VIEW_H).contains(&y));
        }
        assert_eq!(
            event_label(Lang::En, &rows[0]),
            "Clash, حمص, Wed 22 Mar 2017"
        );
    }

    #[test]
    fn many_spots_share_marks_on_a_coarser_grid() {
        let reps = (0..2_000)
            .map(|i| {
                let mut e = event(
                    EventType::Shelling,
                    &format!("مكان{i}"),
                    Some("2016-01-01"),
                    0,
                );
                // A 50 × 40 lattice of places over the country.
                e.places[0].lat = Some(32.4 + f64::from(i / 50) * 0.1);
                e.places[0].lon = Some(35.8 + f64::from(i % 50) * 0.1);
                Report::plain(1, e)
            })
            .collect();
        let rows = merge(reps, &[1]);
        let marks = spot_marks(&rows);
        assert!(marks.len() <= MAX_SPOTS, "{} marks", marks.len());
        assert_eq!(
            marks.iter().map(|m| m.3).sum::<usize>(),
            2_000,
            "every event is in a mark"
        );
    }

    /// The one-pass grouping gives what grouping by sorting gave: spots in
    /// the order of their first rows, each with its count and main type.
    #[test]
    fn exact_spots_agree_with_a_sort() {
        let types = [EventType::Shelling, EventType::Airstrike, EventType::Clash];
        let reps = (0..600u32)
            .map(|i| {
                let kind = types[(i * 7 % 3) as usize];
                let mut e = event(kind, &format!("مكان{i}"), Some("2016-01-01"), 0);
                // 37 places visited in a scrambled order, some rows unlocated.
                let place = i * 11 % 37;
                e.places[0].lat = (i % 13 != 0).then_some(33.0 + f64::from(place) * 0.07);
                e.places[0].lon = Some(36.0 + f64::from(place % 5) * 0.2);
                Report::plain(1, e)
            })
            .collect();
        let rows = merge(reps, &[1]);
        let mut pairs: Vec<(u64, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let p = located_place(r)?;
                let (x, y) = project(p.lon?, p.lat?);
                Some((spot_key(x, y), i))
            })
            .collect();
        pairs.sort_unstable();
        let mut want: Vec<(usize, usize, EventType)> = pairs
            .chunk_by(|a, b| a.0 == b.0)
            .map(|same| {
                let mut n = [0usize; EventType::ALL.len()];
                for &(_, i) in same {
                    n[rows[i].event.kind as usize] += 1;
                }
                let kind = EventType::ALL
                    .into_iter()
                    .max_by_key(|&k| (n[k as usize], std::cmp::Reverse(k)))
                    .unwrap();
                (same[0].1, same.len(), kind)
            })
            .collect();
        want.sort_unstable();
        let got: Vec<(usize, usize, EventType)> = exact_spots(&rows)
            .into_iter()
            .map(|(i, _, _, n, k)| (i, n, k))
            .collect();
        assert_eq!(got, want);
        assert!(got.len() > 20 && got.iter().any(|g| g.1 > 10), "{got:?}");
    }
}
