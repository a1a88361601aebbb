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
use crate::components::map_outline::map_panel;
use crate::components::share::SharePanel;
use crate::components::timeline::{timeline_heading, Timeline};

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

/// Where the split module stands: its views once they are there, and whether
/// the last fetch failed. Whether a fetch is on its way draws nothing, so it
/// is no signal: the frames are built once, and once replaced.
#[derive(Clone, Copy)]
pub struct Deferred {
    views: RwSignal<Option<Views>>,
    failed: RwSignal<bool>,
    fetching: StoredValue<bool>,
}

impl Deferred {
    pub fn new() -> Deferred {
        Deferred {
            views: RwSignal::new(None),
            failed: RwSignal::new(false),
            fetching: StoredValue::new(false),
        }
    }

    /// Fetches the split module, unless it is there or on its way.
    pub fn fetch(self) {
        if self.fetching.get_value() || self.views.with_untracked(Option::is_some) {
            return;
        }
        self.fetching.set_value(true);
        if self.failed.get_untracked() {
            self.failed.set(false);
        }
        leptos::task::spawn_local(async move {
            match views().await {
                Ok(v) => self.views.set(Some(v)),
                Err(NotLoaded) => self.failed.set(true),
            }
            self.fetching.set_value(false);
        });
    }

    /// The view `pick` names once the module is there, `frame` until then.
    pub fn show(
        self,
        pick: fn(&Views) -> fn() -> AnyView,
        frame: fn(Deferred) -> AnyView,
    ) -> impl IntoView {
        move || match self.views.get() {
            Some(v) => pick(&v)(),
            None => frame(self),
        }
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
    let status = move || {
        if deferred.failed.get() {
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
            <div class="timeline-head">{timeline_heading(state)}</div>
            {status}
        </section>
    }
    .into_any()
}

pub fn map_frame(_: Deferred) -> AnyView {
    map_panel(expect_context::<AppState>(), ().into_any(), ().into_any()).into_any()
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
