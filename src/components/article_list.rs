//! The loaded articles: title, outlet and publication date (editable; a new
//! date re-runs the extraction, so relative dates move), and removal.

use leptos::prelude::*;
use waqai_engine::Date;

use crate::app::AppState;
use crate::state::articles::Article;

#[component]
pub fn ArticleList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    view! {
        <section class="panel articles" aria-labelledby="articles-heading">
            <h2 id="articles-heading">
                {move || s().articles}
                " "
                <span class="count">
                    {move || format!("({})", state.lang.get().num(state.articles.with(|a| a.len()) as u64))}
                </span>
            </h2>
            <Show when=move || state.articles.with(|a| a.is_empty())>
                <p class="hint">{move || s().no_articles}</p>
            </Show>
            <details class="collapsible" open=!crate::web::location::narrow_screen()>
            <summary>{move || s().show_articles}</summary>
            <ul class="article-list">
                <For
                    each=move || state.articles.with(|a| a.iter().map(|a| a.id).collect::<Vec<_>>())
                    key=|id| *id
                    children=move |id| view! { <ArticleItem id=id /> }
                />
            </ul>
            </details>
        </section>
    }
}

#[component]
fn ArticleItem(id: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    // Reads one field of this article (never a copy of its text, which may be
    // a megabyte, on every redraw of the list).
    let field = move |f: fn(&Article) -> String| {
        state
            .articles
            .with(|arts| arts.iter().find(|a| a.id == id).map(f))
            .unwrap_or_default()
    };
    // A memo: it is read again whenever the engine's answers change, and with
    // a thousand articles a search of the list each time would add up.
    let published = Memo::new(move |_| {
        state
            .articles
            .with(|arts| arts.iter().find(|a| a.id == id).and_then(|a| a.published))
    });
    let published = move || published.get();
    let title = move || field(|a| a.title.clone());
    let update = move |f: &dyn Fn(&mut Article)| {
        state.articles.update(|arts| {
            if let Some(a) = arts.iter_mut().find(|a| a.id == id) {
                f(a);
            }
        })
    };
    let extraction = move || state.extraction(id);
    // The date shown: the reader's, else the one the engine found in the text.
    let shown_date = move || {
        published()
            .or_else(|| extraction().and_then(|x| x.published))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let from_text =
        move || published().is_none() && extraction().is_some_and(|x| x.published_from == "text");
    let n_events = move || extraction().map_or(0, |x| x.events.len());
    let reading = move || state.reading.get() == Some(id);
    let stopped = move || state.extractor.stopped.with(|s| s.contains(&id));

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
                        prop:value=move || field(|a| a.outlet.clone())
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
                    {move || {
                        if stopped() {
                            return view! {
                                <span class="not-read">{s().not_read}</span>
                                " "
                                <button type="button" class="link" on:click=move |_| state.extractor.resume(id)>
                                    {s().read_now}
                                </button>
                            }
                            .into_any();
                        }
                        let n = n_events();
                        let said = match extraction() {
                            // Not read yet: it is with the engine (see Reading).
                            None => s().reading_one.to_string(),
                            Some(_) if n == 0 => s().none_found.to_string(),
                            Some(_) => format!("{} {}", state.lang.get().num(n as u64), s().events_n),
                        };
                        said.into_any()
                    }}
                </span>
            </div>
        </li>
    }
}
