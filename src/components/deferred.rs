//! The views that have nothing to show before there are events — the chart,
//! the timeline, the map's marks, the source text and the filter, share and
//! export panels — are compiled into a module of their own, fetched after the
//! first paint: a first visit waits for the page's module alone (issue 6).
//!
//! `views` is the split point: the build's splitter (`tools/wasm-split`, run
//! by `tools/wasm-link`) moves its code, and all the code only it reaches,
//! into `split_results.wasm`. Calling it fetches that module (once) and
//! answers with the functions that build the views.
//!
//! Until the module is there, each of the four panels on the first screen
//! shows its frame: its heading, and what the panel says when there is
//! nothing to show, in the same words. So a first visit sees the same page
//! before and after. If the module cannot be fetched, the timeline's frame
//! says so and offers to try again; nothing the reader has is lost.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::app::AppState;
use crate::components::chart::Chart;
use crate::components::evidence::Evidence;
use crate::components::export::ExportPanel;
use crate::components::filters::FilterPanel;
use crate::components::map::Map;
use crate::components::map_data::{VIEW_H, VIEW_W};
use crate::components::map_outline::outlines;
use crate::components::share::SharePanel;
use crate::components::svg_num::tenths;
use crate::components::timeline::Timeline;

/// Builders of the deferred views (functions of the split module).
#[derive(Clone, Copy)]
pub struct Views {
    pub chart: fn() -> AnyView,
    pub timeline: fn() -> AnyView,
    pub map: fn() -> AnyView,
    pub evidence: fn() -> AnyView,
    pub filters: fn() -> AnyView,
    pub share: fn() -> AnyView,
    pub export: fn() -> AnyView,
}

/// The split module could not be fetched or started.
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> NotLoaded {
        NotLoaded
    }
}

#[leptos::wasm_split::wasm_split(results, wasm_split_path = ::leptos::wasm_split, fallible)]
fn views() -> Result<Views, NotLoaded> {
    Ok(Views {
        chart: || view! { <Chart /> }.into_any(),
        timeline: || view! { <Timeline /> }.into_any(),
        map: || view! { <Map /> }.into_any(),
        evidence: || view! { <Evidence /> }.into_any(),
        filters: || view! { <FilterPanel /> }.into_any(),
        share: || view! { <SharePanel /> }.into_any(),
        export: || view! { <ExportPanel /> }.into_any(),
    })
}

#[derive(Clone, Copy)]
enum Load {
    Idle,
    Loading,
    Ready(Views),
    Failed,
}

/// Where the split module stands; fetched once, again after a failure.
#[derive(Clone, Copy)]
pub struct Deferred {
    load: RwSignal<Load>,
}

impl Deferred {
    pub fn new() -> Deferred {
        Deferred {
            load: RwSignal::new(Load::Idle),
        }
    }

    /// Fetches the split module, unless it is there or on its way.
    pub fn fetch(self) {
        if matches!(self.load.get_untracked(), Load::Loading | Load::Ready(_)) {
            return;
        }
        self.load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            self.load.set(match views().await {
                Ok(v) => Load::Ready(v),
                Err(NotLoaded) => Load::Failed,
            });
        });
    }

    /// The view `pick` names once the module is there, `frame` until then.
    pub fn show(
        self,
        pick: fn(&Views) -> fn() -> AnyView,
        frame: fn(Deferred) -> AnyView,
    ) -> impl IntoView {
        move || match self.load.get() {
            Load::Ready(v) => pick(&v)(),
            _ => frame(self),
        }
    }

    fn failed(self) -> bool {
        matches!(self.load.get(), Load::Failed)
    }
}

impl Default for Deferred {
    fn default() -> Self {
        Deferred::new()
    }
}

/// Nothing, for the panels that appear only once there are events.
pub fn nothing(_: Deferred) -> AnyView {
    ().into_any()
}

/// "No events to show." while there are none (not while they are drawn).
fn empty_note(state: AppState) -> impl IntoView {
    let s = move || state.strings();
    move || {
        state
            .visible
            .with(|v| v.is_empty())
            .then(|| view! { <p class="empty">{move || s().timeline_empty}</p> })
    }
}

pub fn chart_frame(_: Deferred) -> AnyView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    view! {
        <section class="panel chart" aria-labelledby="chart-heading">
            <div class="chart-head">
                <h2 id="chart-heading">{move || s().chart}</h2>
            </div>
            <p class="hint">{move || s().chart_hint}</p>
            {empty_note(state)}
        </section>
    }
    .into_any()
}

pub fn timeline_frame(deferred: Deferred) -> AnyView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let count = move || {
        format!(
            "({})",
            state.lang.get().num(state.visible.with(|v| v.len()) as u64)
        )
    };
    let status = move || {
        if deferred.failed() {
            view! {
                <div class="notice error" role="alert">
                    <p>{move || s().err_deferred}</p>
                    <button type="button" on:click=move |_| deferred.fetch()>
                        {move || s().try_again}
                    </button>
                </div>
            }
            .into_any()
        } else if state.visible.with(|v| v.is_empty()) {
            empty_note(state).into_any()
        } else {
            view! { <p class="hint" role="status">{move || s().loading}</p> }.into_any()
        }
    };
    view! {
        <section class="panel timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading" tabindex="-1">
                    {move || s().timeline}
                    " "
                    <span class="count">{count}</span>
                </h2>
            </div>
            {status}
        </section>
    }
    .into_any()
}

pub fn map_frame(_: Deferred) -> AnyView {
    let state = expect_context::<AppState>();
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
            </svg>
            <p class="attribution">{move || s().attribution}</p>
        </section>
    }
    .into_any()
}

pub fn evidence_frame(_: Deferred) -> AnyView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    view! {
        <section class="panel evidence" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{move || s().evidence}</h2>
            <p class="hint">{move || s().evidence_empty}</p>
        </section>
    }
    .into_any()
}
