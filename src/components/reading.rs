//! How far the engine has got with the articles, with a button to stop it,
//! and what went wrong if it could not run. Shown only while it matters: a
//! short article is read before the bar would appear (see style: `.reading`).

use leptos::prelude::*;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::state::jobs::Progress;

/// How long the bar stays after the engine falls idle.
const LINGER: std::time::Duration = std::time::Duration::from_millis(600);

struct Text {
    /// "Reading articles: 3 of 10 (30%)"
    reading: (&'static str, &'static str),
    stop: &'static str,
    engine_failed: &'static str,
    dismiss: &'static str,
}

const EN: Text = Text {
    reading: ("Reading articles:", "of"),
    stop: "Stop reading",
    engine_failed: "The extraction engine could not run, so some articles were not read (they are marked in the list; try again with Read).",
    dismiss: "Dismiss",
};

const AR: Text = Text {
    reading: ("جارٍ قراءة المقالات:", "من"),
    stop: "إيقاف القراءة",
    engine_failed:
        "تعذّر تشغيل محرك الاستخراج فلم تُقرأ بعض المقالات (مُعلَّمة في القائمة؛ أعد المحاولة بزر «اقرأ»).",
    dismiss: "إخفاء",
};

fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

#[component]
pub fn Reading() -> impl IntoView {
    let state = expect_context::<AppState>();
    let x = state.extractor;
    let t = move || text(state.lang.get());
    // The bar stays a moment after the engine falls idle: files read one
    // after another make short batches, and a bar that came and went with
    // each would flicker (and its Stop button could not be pressed).
    let shown = RwSignal::new(None::<Progress>);
    let hide = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if let Some(h) = hide.try_update_value(Option::take).flatten() {
            h.clear();
        }
        match x.progress.get() {
            Some(p) => shown.set(Some(p)),
            None => {
                // All read: the bar shows it full while it lingers.
                shown.update(|p| {
                    if let Some(p) = p {
                        p.articles_done = p.articles_total;
                        p.bytes_done = p.bytes_total;
                    }
                });
                let h = set_timeout_with_handle(move || shown.set(None), LINGER).ok();
                hide.set_value(h);
            }
        }
    });
    let label = move || {
        let lang = state.lang.get();
        shown.get().map(|p| {
            let pct = (p.fraction() * 100.0).floor() as u64;
            let (head, of) = t().reading;
            let percent = if lang == Lang::Ar { '٪' } else { '%' };
            format!(
                "{head} {} {of} {} ({}{percent})",
                lang.num(p.articles_done as u64),
                lang.num(p.articles_total as u64),
                lang.num(pct),
            )
        })
    };
    view! {
        <div class="reading-area no-print">
            <Show when=move || shown.with(|p| p.is_some())>
                <div class="reading" role="status">
                    <label for="reading-bar">{label}</label>
                    <progress
                        id="reading-bar"
                        max="1"
                        prop:value=move || shown.get().map_or(0.0, |p| p.fraction())
                    ></progress>
                    <button
                        type="button"
                        disabled=move || x.progress.with(|p| p.is_none())
                        on:click=move |_| {
                            x.cancel();
                            shown.set(None);
                        }
                    >
                        {move || t().stop}
                    </button>
                </div>
            </Show>
            <div role="alert">
                {move || x.problem.get().map(|detail| view! {
                    <p class="notice error">
                        <span>{move || t().engine_failed}" "<small dir="ltr">{detail.clone()}</small></span>
                        <button type="button" class="link" on:click=move |_| x.problem.set(None)>
                            {move || t().dismiss}
                        </button>
                    </p>
                })}
            </div>
        </div>
    }
}
