//! The timeline: one `<li>` per event, in chronological order; the first
//! event of each day (or of each article's undated events) carries the
//! day's heading, so the list stays one flat, countable `<ol>`.

use std::hash::{DefaultHasher, Hash, Hasher};

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::event_card::EventCard;
use crate::i18n::Lang;
use crate::state::events::{group, GroupKey, TimelineEvent};

/// A row and, for the first row of a group, the group's key.
#[derive(Clone, PartialEq)]
pub struct Item {
    pub row: TimelineEvent,
    pub header: Option<GroupKey>,
    /// Changes whenever anything shown changes, so the keyed list redraws it.
    pub key: u64,
}

pub fn items(rows: &[TimelineEvent]) -> Vec<Item> {
    let mut out = Vec::new();
    for g in group(rows) {
        for (i, row) in g.events.into_iter().enumerate() {
            let header = (i == 0).then_some(g.key);
            let mut h = DefaultHasher::new();
            format!("{:?}{:?}", row, header).hash(&mut h);
            out.push(Item {
                row,
                header,
                key: h.finish(),
            });
        }
    }
    out
}

#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let list = Memo::new(move |_| items(&state.visible.get()));
    let restore = move |_| {
        state.corrections.update(|c| {
            c.retain(|_, v| !matches!(v, crate::state::corrections::Correction::Delete))
        })
    };
    view! {
        <section class="panel timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading" tabindex="-1">
                    {move || s().timeline}
                    " "
                    <span class="count">
                        {move || format!("({})", state.lang.get().num(state.visible.with(|v| v.len()) as u64))}
                    </span>
                </h2>
                <Show when=move || { state.deleted.get() > 0 }>
                    <button type="button" class="no-print" on:click=restore>
                        {move || format!("{} ({})", s().restore_deleted, state.lang.get().num(state.deleted.get() as u64))}
                    </button>
                </Show>
            </div>
            <Show when=move || list.with(|l| l.is_empty())>
                <p class="empty">{move || s().timeline_empty}</p>
            </Show>
            <ol class="timeline-list" aria-label=move || if state.lang.get() == Lang::Ar { "الخط الزمني" } else { "Timeline" }>
                <For
                    each=move || list.get()
                    key=|item| item.key
                    children=move |item| view! { <EventCard item=item /> }
                />
            </ol>
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
        .map(|(a, e)| Report {
            article_id: a,
            key: event_key(&e),
            event: e,
            corrected: false,
        })
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
