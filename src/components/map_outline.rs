//! Syria's governorates on the map (drawn offline by tools/gen_map.py); one
//! selected narrows the filters to it. Part of the first paint: the map's
//! frame shows them before the rest of the map (its marks, in the module
//! fetched after the first paint, see `deferred`) is there.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::map_data::GOVERNORATES;
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
