//! The loaded articles: title, outlet and publication date (editable; a new
//! date re-runs the extraction, so relative dates move), and removal.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use waqai_engine::{Date, Extraction};

use crate::app::AppState;
use crate::components::windowing::Windowing;
use crate::state::articles::Article;

/// What one article's entry shows. The list keeps a signal per article and
/// sets it only when this changes: a thousand entries then follow their own
/// signal instead of all re-reading the articles and the engine's answers
/// whenever any of them changes (which, with the reactive graph's
/// bookkeeping, cost time growing with the square of the list).
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    title: String,
    outlet: String,
    /// The date shown: the reader's, else the one the engine found in the text.
    date: String,
    /// The date shown came from the text, not the reader.
    from_text: bool,
    status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    /// With the engine (see Reading).
    Reading,
    /// Reading was stopped before this article.
    Stopped,
    Found(usize),
}

fn entry(a: &Article, x: Option<&Extraction>, stopped: bool) -> Entry {
    Entry {
        title: a.title.clone(),
        outlet: a.outlet.clone(),
        date: a
            .published
            .or_else(|| x.and_then(|x| x.published))
            .map(|d| d.to_string())
            .unwrap_or_default(),
        from_text: a.published.is_none() && x.is_some_and(|x| x.published_from == "text"),
        status: match x {
            _ if stopped => Status::Stopped,
            None => Status::Reading,
            Some(x) => Status::Found(x.events.len()),
        },
    }
}

/// An entry's height before one is measured (px).
const ROW_GUESS: f64 = 140.0;
/// Lists this long or shorter are drawn whole; an entry weighs as much as
/// several timeline rows, and files come in groups of up to 200.
const DRAW_ALL_UP_TO: usize = 60;

#[component]
pub fn ArticleList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let entries = StoredValue::new(HashMap::<u32, ArcRwSignal<Entry>>::new());
    // The one reader of articles, answers and the stopped set: brings each
    // entry's signal up to date and lists the ids in order.
    let ids = move || {
        state.articles.with(|arts| {
            state.extractor.extractions.with(|xs| {
                state.extractor.stopped.with(|stopped| {
                    entries.update_value(|m| {
                        let here: HashSet<u32> = arts.iter().map(|a| a.id).collect();
                        m.retain(|id, _| here.contains(id));
                        for a in arts {
                            let x = xs.get(&a.id).map(|(_, x)| x.as_ref());
                            let e = entry(a, x, stopped.contains(&a.id));
                            match m.get(&a.id) {
                                Some(sig) => {
                                    if sig.with_untracked(|old| *old != e) {
                                        sig.set(e);
                                    }
                                }
                                None => {
                                    m.insert(a.id, ArcRwSignal::new(e));
                                }
                            }
                        }
                    });
                    arts.iter().map(|a| a.id).collect::<Vec<_>>()
                })
            })
        })
    };
    let ids = Memo::new(move |_| ids());
    // A thousand articles are listed a window at a time, like the timeline.
    let ul = NodeRef::<leptos::html::Ul>::new();
    let w = Windowing::new(
        ul,
        Signal::derive(move || ids.with(|l| l.len())),
        DRAW_ALL_UP_TO,
        ROW_GUESS,
    );
    let shown = move || {
        let r = w.range.get();
        ids.with(|l| l[r.first.min(l.len())..r.end.min(l.len())].to_vec())
    };
    let empty = move || state.articles.with(|a| a.is_empty());
    view! {
        // No list to unfold while there is none (phone-sized screens fold it).
        <section
            class="panel articles"
            class:empty=empty
            aria-labelledby="articles-heading"
        >
            <h2 id="articles-heading">
                {move || s().articles}
                " "
                <span class="count">
                    {move || format!("({})", state.lang.get().num(state.articles.with(|a| a.len()) as u64))}
                </span>
            </h2>
            <Show when=empty>
                <p class="hint">{move || s().no_articles}</p>
            </Show>
            <details class="collapsible" open=!crate::web::location::narrow_screen()>
            <summary>{move || s().show_articles}</summary>
            {w.status(state.lang.into(), ("Articles", "المقالات"))}
            <ul class="article-list" node_ref=ul>
                {w.spacer_above()}
                <For
                    each=shown
                    key=|id| *id
                    children=move |id| {
                        let entry = entries.with_value(|m| m.get(&id).cloned());
                        entry.map(|entry| view! { <ArticleItem id=id entry=entry.into() /> })
                    }
                />
                {w.spacer_below()}
            </ul>
            </details>
        </section>
    }
}

#[component]
fn ArticleItem(id: u32, entry: Signal<Entry>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let title = move || entry.with(|e| e.title.clone());
    let update = move |f: &dyn Fn(&mut Article)| {
        state.articles.update(|arts| {
            if let Some(a) = arts.iter_mut().find(|a| a.id == id) {
                f(a);
            }
        })
    };
    let shown_date = move || entry.with(|e| e.date.clone());
    let from_text = move || entry.with(|e| e.from_text);
    let status = move || entry.with(|e| e.status);
    let reading = move || state.reading.get() == Some(id);

    view! {
        <li class="article-item" class:reading=reading>
            <div class="article-head">
                <button
                    type="button"
                    class="link title"
                    dir="auto"
                    aria-pressed=move || reading().to_string()
                    on:click=move |_| {
                        state.selected.set(None);
                        state.reading.set(Some(id));
                        crate::web::location::scroll_mark_into_view();
                    }
                >
                    {title}
                </button>
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("{} {}", s().remove, title())
                    on:click=move |_| state.remove(id)
                >
                    {move || s().remove}
                </button>
            </div>
            <div class="article-meta">
                <label>
                    <span>{move || s().outlet}</span>
                    <input
                        type="text"
                        dir="auto"
                        prop:value=move || entry.with(|e| e.outlet.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().to_string();
                            update(&|a| a.outlet = v.clone());
                        }
                    />
                </label>
                <label>
                    <span>{move || s().published}</span>
                    <input
                        type="date"
                        class="article-date"
                        prop:value=shown_date
                        on:change=move |ev| {
                            let v: Option<Date> = event_target_value(&ev).parse().ok();
                            update(&|a| a.published = v);
                        }
                    />
                    <Show when=from_text>
                        <span class="from-text">{move || format!("({})", s().from_text)}</span>
                    </Show>
                </label>
                <span class="n-events">
                    {move || match status() {
                        Status::Stopped => view! {
                            <span class="not-read">{s().not_read}</span>
                            " "
                            <button type="button" class="link" on:click=move |_| state.extractor.resume(id)>
                                {s().read_now}
                            </button>
                        }
                        .into_any(),
                        Status::Reading => s().reading_one.into_any(),
                        Status::Found(0) => s().none_found.into_any(),
                        Status::Found(n) => {
                            state.lang.get().events_count(n as u64).into_any()
                        }
                    }}
                </span>
            </div>
        </li>
    }
}
