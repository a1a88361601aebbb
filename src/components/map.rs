//! Syria's governorates (drawn offline by tools/gen_map.py) with a mark for
//! each located event, coloured and shaped by type. Selecting a mark selects
//! its event; selecting a governorate narrows the filters to it.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::map_data::{project, GOVERNORATES, VIEW_H, VIEW_W};
use crate::components::types::{colour, shape};
use crate::i18n::Lang;
use crate::state::events::TimelineEvent;

/// Where each located event goes: its projected place, nudged along a
/// spiral when several events share a spot so that each stays selectable.
pub fn mark_positions(rows: &[TimelineEvent]) -> Vec<(usize, f64, f64)> {
    let mut used: HashMap<(i64, i64), usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let Some(p) = r
            .event
            .places
            .iter()
            .find(|p| p.lat.is_some() && p.lon.is_some())
        else {
            continue;
        };
        let (x, y) = project(p.lon.unwrap_or_default(), p.lat.unwrap_or_default());
        let k = used
            .entry((x.round() as i64, y.round() as i64))
            .or_insert(0);
        let (dx, dy) = if *k == 0 {
            (0.0, 0.0)
        } else {
            let a = *k as f64 * 2.4;
            let rad = 9.0 * (*k as f64).sqrt();
            (rad * a.cos(), rad * a.sin())
        };
        *k += 1;
        out.push((i, x + dx, y + dy));
    }
    out
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

#[component]
pub fn Map() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let gov_filter = move || state.filters.with(|f| f.governorate.clone());

    let outlines = move || {
        let lang = state.lang.get();
        GOVERNORATES
            .iter()
            .map(|g| {
                let code = g.pcode;
                let active = move || gov_filter().as_deref() == Some(code);
                view! {
                    <path
                        class="gov"
                        class:active=active
                        d=g.d
                        on:click=move |_| {
                            state.filters.update(|f| {
                                f.governorate = if f.governorate.as_deref() == Some(code) {
                                    None
                                } else {
                                    Some(code.to_string())
                                };
                            })
                        }
                    ></path>
                    <text class="gov-label" x=g.cx y=g.cy text-anchor="middle" aria-hidden="true">
                        {if lang == Lang::Ar { g.name_ar } else { g.name_en }}
                    </text>
                }
            })
            .collect_view()
    };

    let marks = move || {
        let rows = state.visible.get();
        let lang = state.lang.get();
        let positions = mark_positions(&rows);
        // One tab stop for all marks (the selected one, else the first);
        // arrow keys move between them.
        let current = state.selected.with_untracked(|sel| {
            positions
                .iter()
                .position(|(i, ..)| sel.as_deref() == Some(rows[*i].id.as_str()))
                .unwrap_or(0)
        });
        positions
            .into_iter()
            .enumerate()
            .map(|(n, (i, x, y))| {
                let r = &rows[i];
                let id = r.id.clone();
                let id2 = id.clone();
                let id3 = id.clone();
                let kind = r.event.kind;
                let label = event_label(lang, r);
                let selected = move || state.selected.with(|s| s.as_deref() == Some(id3.as_str()));
                view! {
                    <path
                        class="mark"
                        class:selected=selected
                        data-event=id.clone()
                        transform=format!("translate({x:.1} {y:.1})")
                        d=shape(kind)
                        fill=colour(kind)
                        role="button"
                        tabindex=if n == current { "0" } else { "-1" }
                        aria-label=label
                        on:click=move |_| {
                            state.select(id.clone());
                            crate::web::location::scroll_selected_row_into_view();
                        }
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            match ev.key().as_str() {
                                "Enter" | " " => {
                                    ev.prevent_default();
                                    state.select(id2.clone());
                                    crate::web::location::scroll_selected_row_into_view();
                                }
                                "ArrowRight" | "ArrowDown" => {
                                    ev.prevent_default();
                                    crate::web::location::focus_sibling(&ev, true);
                                }
                                "ArrowLeft" | "ArrowUp" => {
                                    ev.prevent_default();
                                    crate::web::location::focus_sibling(&ev, false);
                                }
                                _ => {}
                            }
                        }
                    ></path>
                }
            })
            .collect_view()
    };
    let unlocated = move || {
        let rows = state.visible.get();
        rows.len() - mark_positions(&rows).len()
    };

    view! {
        <section class="panel map" aria-labelledby="map-heading">
            <h2 id="map-heading">{move || s().map}</h2>
            <p class="hint">{move || s().map_hint}</p>
            <svg
                class="map-svg"
                viewBox=format!("0 0 {VIEW_W} {VIEW_H}")
                role="group"
                aria-label=move || s().map
            >
                <g class="govs">{outlines}</g>
                <g class="marks">{marks}</g>
            </svg>
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
            <p class="attribution">{move || s().attribution}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::corrections::{event_key, tests::event};
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
        .map(|e| Report {
            article_id: 1,
            key: event_key(&e),
            event: e,
            corrected: false,
        })
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
}
