//! The timeline: one `<li>` per event, in chronological order; the first
//! event of each day (or of each article's undated events) carries the
//! day's heading, so the list stays one flat, countable `<ol>`. A long list
//! has only the rows near the screen in the page, between two spacers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::event_card::EventCard;
use crate::components::windowing::Windowing;
use crate::i18n::Lang;
use crate::state::events::{group_key, GroupKey, TimelineEvent};
use crate::state::window;
use crate::web::location;

/// A row and, for the first row of a group, the group's key.
#[derive(Clone, PartialEq)]
pub struct Item {
    pub row: TimelineEvent,
    pub header: Option<GroupKey>,
    /// Changes whenever anything shown changes, so the keyed list redraws it.
    pub key: u64,
}

pub fn items(rows: &[TimelineEvent]) -> Vec<Item> {
    let mut out = Vec::with_capacity(rows.len());
    let mut last: Option<GroupKey> = None;
    for row in rows {
        let key = group_key(row);
        let header = (last != Some(key)).then_some(key);
        last = Some(key);
        // A row's version changes with anything it shows, its group heading
        // included (the group is the row's own day or article).
        out.push(Item {
            key: row.version() << 1 | u64::from(header.is_some()),
            row: row.clone(),
            header,
        });
    }
    out
}

/// "Timeline (N)": the heading, with the number of events shown (also the
/// frame's, `deferred`, before the timeline's module is there).
pub fn timeline_heading(state: AppState) -> impl IntoView {
    let count = move || {
        format!(
            "({})",
            state.lang.get().num(state.visible.with(|v| v.len()) as u64)
        )
    };
    view! {
        <h2 id="timeline-heading" tabindex="-1">
            {move || state.strings().timeline}
            " "
            <span class="count">{count}</span>
        </h2>
    }
}

/// A timeline row's height before one is measured (px).
const ROW_GUESS: f64 = 120.0;

#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let list = Memo::new(move |_| Arc::new(items(&state.visible.get())));
    let restore = move |_| {
        state.corrections.update(|c| {
            c.retain(|_, v| !matches!(v, crate::state::corrections::Correction::Delete))
        })
    };

    // A long list is drawn a window at a time: where the list is on screen
    // decides which rows exist in the page.
    let ol = NodeRef::<leptos::html::Ol>::new();
    let w = Windowing::new(
        ol,
        Signal::derive(move || list.with(|l| l.len())),
        window::DRAW_ALL_UP_TO,
        ROW_GUESS,
    );
    let range = w.range;
    let windowed = move || w.windowed();
    let shown = Memo::new(move |_| {
        let r = range.get();
        list.with(|l| l[r.first.min(l.len())..r.end.min(l.len())].to_vec())
    });
    // A row selected elsewhere (the map, the chart, a link) is brought into the window.
    Effect::new(move |_| {
        let Some(id) = state.selected.get() else {
            return;
        };
        if !windowed() {
            return;
        }
        let Some(i) = list.with_untracked(|l| l.iter().position(|it| *it.row.id == *id)) else {
            return;
        };
        let r = range.get_untracked();
        if (r.first..r.end).contains(&i) {
            return;
        }
        if let Some(el) = ol.get_untracked() {
            let now = el.get_bounding_client_rect().top();
            let want =
                window::top_showing(i, w.screen.get_untracked(), w.row_height.get_untracked());
            location::scroll_by(now - want);
            w.top.set(want);
            location::scroll_selected_row_into_view();
        }
    });

    view! {
        <section class="panel timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                {timeline_heading(state)}
                <Show when=move || { state.deleted.get() > 0 }>
                    <button type="button" class="no-print" on:click=restore>
                        {move || format!("{} ({})", s().restore_deleted, state.lang.get().num(state.deleted.get() as u64))}
                    </button>
                </Show>
            </div>
            <Show when=move || list.with(|l| l.is_empty())>
                <p class="empty">{move || s().timeline_empty}</p>
            </Show>
            {w.status(state.lang.into(), ("Events", "الأحداث"))}
            <ol
                class="timeline-list"
                node_ref=ol
                aria-label=move || if state.lang.get() == Lang::Ar { "الخط الزمني" } else { "Timeline" }
            >
                {w.spacer_above()}
                <For
                    each=move || shown.get()
                    key=|item| item.key
                    children=move |item| view! { <EventCard item=item /> }
                />
                {w.spacer_below()}
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::corrections::tests::event;
    use crate::state::events::{merge, Report};
    use waqai_engine::EventType;

    #[test]
    fn headings_go_on_the_first_row_of_each_group() {
        let reps = [
            (1, event(EventType::Clash, "حلب", Some("2017-03-22"), 0)),
            (
                1,
                event(EventType::Airstrike, "دوما", Some("2017-03-22"), 5),
            ),
            (1, event(EventType::Arrest, "درعا", None, 9)),
            (2, event(EventType::Arrest, "حمص", None, 9)),
        ]
        .into_iter()
        .map(|(a, e)| Report::plain(a, e))
        .collect();
        let list = items(&merge(reps, &[1, 2]));
        let heads: Vec<_> = list.iter().map(|i| i.header).collect();
        assert_eq!(
            heads,
            vec![
                Some(GroupKey::Day("2017-03-22".parse().unwrap())),
                None,
                Some(GroupKey::Undated(1)),
                Some(GroupKey::Undated(2)),
            ]
        );
        let mut keys: Vec<u64> = list.iter().map(|i| i.key).collect();
        keys.dedup();
        assert_eq!(keys.len(), 4, "list keys are unique");
    }
}
