//! The map's panel and Syria's governorates on it (drawn offline by
//! tools/gen_map.py); one selected narrows the filters to it. Part of the
//! first paint: the map's frame shows them before the rest of the map (its
//! marks, in the module fetched after the first paint, see `deferred`) is
//! there.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::map_data::{GOVERNORATES, VIEW_H, VIEW_W};
use crate::components::svg_num::tenths;
use crate::i18n::Lang;

/// The governorates' outlines and names, in the reader's language.
pub fn outlines(state: AppState) -> impl IntoView {
    let lang = state.lang.get();
    let gov_filter = move || state.filters.with(|f| f.governorate.clone());
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
                <text class="gov-label" x=tenths(g.cx) y=tenths(g.cy) text-anchor="middle" aria-hidden="true">
                    {if lang == Lang::Ar { g.name_ar } else { g.name_en }}
                </text>
            }
        })
        .collect_view()
}

/// The map's panel: heading, hint, the governorates with `marks` drawn over
/// them, `note` under the map, and the boundaries' attribution. The map and
/// its frame (`deferred`, no marks yet) are the same panel.
/// (Type-erased views: one panel's code serves both, in the first paint's module.)
pub fn map_panel(state: AppState, marks: AnyView, note: AnyView) -> impl IntoView {
    let s = move || state.strings();
    view! {
        <section class="panel map" aria-labelledby="map-heading">
            <h2 id="map-heading">{move || s().map}</h2>
            <p class="hint">{move || s().map_hint}</p>
            <svg
                class="map-svg"
                viewBox=format!("0 0 {} {}", tenths(VIEW_W), tenths(VIEW_H))
                role="group"
                aria-label=move || s().map
            >
                <g class="govs">{move || outlines(state)}</g>
                {marks}
            </svg>
            {note}
            <p class="attribution">{move || s().attribution}</p>
        </section>
    }
}
