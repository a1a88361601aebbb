//! Top-level layout and state wiring.

use leptos::prelude::*;
use waqai_engine::{extract, Options};

#[component]
pub fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (events, set_events) = signal(Vec::new());
    let add = move |_| {
        let found = extract(&text.get_untracked(), &Options::default());
        set_events.set(found.events);
    };
    view! {
        <main>
            <h1>"waqai"</h1>
            <label for="article-text">"Article text"</label>
            <textarea id="article-text" prop:value=text on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
            <button on:click=add>"Add article"</button>
            <ol aria-label="Timeline">
                {move || events.get().into_iter().map(|e| view! {
                    <li>{e.kind.name_en()} " — " {e.places.first().map(|p| p.name.clone()).unwrap_or_default()}</li>
                }).collect_view()}
            </ol>
        </main>
    }
}
