//! Messages: what was added, what was refused and why, and whether the
//! reader's work is being saved.

use leptos::prelude::*;

use crate::app::{AppState, Notice};
use crate::i18n::{Lang, Strings};
use crate::state::articles::TextProblem;
use crate::web::storage::StorageProblem;

fn problem_text(s: &Strings, p: Option<TextProblem>) -> &'static str {
    match p {
        Some(TextProblem::Empty) => s.err_empty,
        Some(TextProblem::Huge) => s.err_huge,
        Some(TextProblem::Binary) => s.err_binary,
        None => s.err_read,
    }
}

/// The notice as a sentence, and whether it is an error.
pub fn notice_text(lang: Lang, n: &Notice) -> (String, bool) {
    let s = lang.strings();
    match n {
        Notice::Problem { file, problem } => {
            let t = problem_text(s, Some(*problem));
            (
                file.as_ref().map_or(t.to_string(), |f| format!("{f}: {t}")),
                true,
            )
        }
        Notice::Files { added, failed } => {
            let mut parts = Vec::new();
            if *added > 0 || failed.is_empty() {
                parts.push(format!("{} {}.", s.added_n, lang.num(*added as u64)));
            }
            for (f, p) in failed {
                parts.push(format!("{f}: {}", problem_text(s, *p)));
            }
            (parts.join(" "), !failed.is_empty())
        }
        Notice::Added(n) => (format!("{} {}.", s.added_n, lang.num(*n as u64)), false),
        Notice::SamplesLoaded => (s.samples_loaded.to_string(), false),
        Notice::SamplesFailed => (s.err_samples.to_string(), true),
        Notice::Removed(r) => (format!("{} “{}”.", s.removed, r.article.title), false),
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let notice = move || {
        state
            .notice
            .get()
            .map(|n| notice_text(state.lang.get(), &n))
    };
    let storage = move || {
        let mut msgs = Vec::new();
        if state.saved_broken.get() {
            msgs.push(s().err_saved_broken);
        }
        match state.storage_problem.get() {
            Some(StorageProblem::Disabled) => msgs.push(s().err_storage_off),
            Some(StorageProblem::Refused) => msgs.push(s().err_storage),
            None => {}
        }
        msgs
    };
    view! {
        <div class="notices no-print">
            // Live regions exist from the start so screen readers announce changes.
            <div role="alert" class="storage-alert">
                {move || {
                    storage()
                        .into_iter()
                        .map(|m| view! { <p class="notice error">{m}</p> })
                        .collect_view()
                }}
            </div>
            <div role="status">
                {move || {
                    notice()
                        .map(|(text, error)| {
                            let undo = match state.notice.get_untracked() {
                                Some(Notice::Removed(r)) => Some(*r),
                                _ => None,
                            };
                            view! {
                                <p class="notice" class:error=error>
                                    <span>{text}</span>
                                    {undo.map(|r| view! {
                                        <button type="button" on:click=move |_| state.undo_remove(r.clone())>
                                            {move || s().undo}
                                        </button>
                                    })}
                                    <button type="button" class="link" on:click=move |_| state.notice.set(None)>
                                        {move || s().dismiss}
                                    </button>
                                </p>
                            }
                        })
                }}
            </div>
        </div>
    }
}
