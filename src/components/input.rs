//! Articles in: a paste box, a file picker, and (from `app.rs`) dropping
//! files on the page.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{AppState, Draft, Notice};
use crate::ingest::decode::decode;
use crate::ingest::{file_kind, looks_like_html, title_from_name, FileKind};
use crate::state::articles::{check_text, shorten, title_from_text, TextProblem, MAX_TEXT_BYTES};
use crate::web::files::{files_of, groups, start_reading};

/// Reads, decodes and adds files, then reports the outcome. Files are read
/// and added in groups of at most this many (and about [`READ_AT_ONCE`]
/// bytes): the engine starts on the first ones while the others are read,
/// and the timeline is not redrawn for every file.
const ADD_AT_ONCE: usize = 200;
const READ_AT_ONCE: f64 = 32.0 * 1024.0 * 1024.0;

pub fn add_files(state: AppState, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    state.adding_files.update_value(|n| *n += 1);
    spawn_local(async move {
        let mut added = 0;
        let mut failed = Vec::new();
        let sizes: Vec<f64> = files.iter().map(|f| f.size()).collect();
        let groups = groups(&sizes, ADD_AT_ONCE, READ_AT_ONCE);
        // The next group is read while the page adds this one, so the engine
        // is not left waiting for files the page has not asked for yet; one
        // group ahead keeps what is held in memory to two groups.
        let mut next = groups.first().map(|g| start_reading(&files[g.clone()]));
        for (k, group) in groups.iter().enumerate() {
            let Some(started) = next.take() else { break };
            next = groups.get(k + 1).map(|g| start_reading(&files[g.clone()]));
            let read = started.finish().await;
            let files = &files[group.clone()];
            let mut ready = Vec::new();
            for (i, file) in files.iter().enumerate() {
                let name = file.name();
                let Some(bytes) = read.get(i) else {
                    failed.push((name, None));
                    continue;
                };
                let draft = draft_of(&name, bytes);
                if let Err(p) = check_text(&draft.text) {
                    failed.push((name, Some(p)));
                    continue;
                }
                ready.push(draft);
            }
            added += state.add_checked(ready);
        }
        state.adding_files.update_value(|n| *n -= 1);
        state.notice.set(Some(Notice::Files { added, failed }));
    });
}

/// The article a file holds: decoded text, or an HTML page's article.
fn draft_of(name: &str, bytes: &[u8]) -> Draft {
    let (text, _encoding) = decode(bytes);
    let kind = file_kind(name);
    let is_html = kind == FileKind::Html || (kind != FileKind::Text && looks_like_html(&text));
    let fallback_title = title_from_name(name);
    if is_html {
        if let Some(a) = crate::web::html::article_of(&text) {
            return Draft {
                title: a.title.map(|t| shorten(&t, 90)).unwrap_or(fallback_title),
                outlet: a.outlet.unwrap_or_default(),
                text: a.text,
                published: a.published,
            };
        }
    }
    let text = if name.to_lowercase().ends_with(".md") || name.to_lowercase().ends_with(".markdown")
    {
        crate::ingest::markdown_to_text(&text)
    } else {
        text
    };
    Draft {
        title: if fallback_title.is_empty() {
            title_from_text(&text)
        } else {
            fallback_title
        },
        outlet: String::new(),
        text,
        published: None,
    }
}

/// A paste the page would refuse anyway (over 1 MB) is refused before the
/// browser puts it in the box, which would freeze the tab for minutes (a
/// 50 MB paste); the box keeps what it had and the reader is told why.
fn refuse_huge_paste(state: AppState, ev: &web_sys::ClipboardEvent) {
    let huge = ev
        .clipboard_data()
        .and_then(|d| d.get_data("text").ok())
        .is_some_and(|t| t.len() > MAX_TEXT_BYTES);
    if huge {
        ev.prevent_default();
        state.notice.set(Some(Notice::Problem {
            file: None,
            problem: TextProblem::Huge,
        }));
    }
}

#[component]
pub fn Input() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let text = RwSignal::new(String::new());
    let outlet = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        let draft = Draft {
            title: title_from_text(&body),
            outlet: outlet.get_untracked().trim().to_string(),
            text: body,
            published: date.get_untracked().parse().ok(),
        };
        if state.add(draft, None) {
            text.set(String::new());
            date.set(String::new());
            state.notice.set(Some(Notice::Added(1)));
        }
    };
    let on_files = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            add_files(state, files_of(input.files()));
            // Picking the same file again must fire `change` again.
            input.set_value("");
        }
    };

    view! {
        <section class="panel input" aria-labelledby="add-heading">
            <h2 id="add-heading">{move || s().add_section}</h2>
            <form on:submit=add>
                <label for="article-text">{move || s().article_text}</label>
                <textarea
                    id="article-text"
                    dir="auto"
                    rows="6"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:paste=move |ev| refuse_huge_paste(state, &ev)
                ></textarea>
                <div class="row">
                    <div class="field">
                        <label for="article-outlet">{move || s().outlet}</label>
                        <input
                            id="article-outlet"
                            type="text"
                            dir="auto"
                            prop:value=move || outlet.get()
                            on:input=move |ev| outlet.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="article-date">{move || s().published}</label>
                        <input
                            id="article-date"
                            type="date"
                            prop:value=move || date.get()
                            on:input=move |ev| date.set(event_target_value(&ev))
                        />
                    </div>
                </div>
                <button type="submit" class="primary">{move || s().add_article}</button>
            </form>
            <div class="upload">
                <label for="file-input">{move || s().upload}</label>
                <input
                    id="file-input"
                    type="file"
                    multiple
                    accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
                    on:change=on_files
                />
                <p class="hint">{move || s().drop_hint}</p>
            </div>
        </section>
    }
}
