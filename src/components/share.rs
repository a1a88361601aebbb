//! Sharing: the "Share" panel (copy a link holding the view, or only its
//! events), and the banner shown while the page displays a shared view or
//! could not read one.

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::share::{codec, payload, ErrorKind, Kind, WARN_LENGTH};
use crate::state::corrections::Corrections;
use crate::state::events::reports;
use crate::state::storage::{self, Load};
use crate::web::later::Later;

/// The share panel's and banner's words.
pub struct Text {
    pub heading: &'static str,
    pub intro: &'static str,
    pub events_only: &'static str,
    pub copy: &'static str,
    pub field: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    /// "The link is N characters long."
    pub length: (&'static str, &'static str),
    pub too_long: &'static str,
    pub limits: &'static str,
    /// Shown instead of a link while the view is too big to be encoded on every change.
    pub on_copy: &'static str,
    pub viewing: &'static str,
    pub viewing_events: &'static str,
    pub keep: &'static str,
    pub back: &'static str,
    pub kept: &'static str,
    pub err_truncated: &'static str,
    pub err_corrupt: &'static str,
    pub err_future: &'static str,
    pub own_shown: &'static str,
    pub dismiss: &'static str,
}

pub const EN: Text = Text {
    heading: "Share",
    intro: "The link itself holds what you share (after the #, which browsers never send to a server). Anyone who has the link can read it. An events-only link holds the events shown (filters applied) with their source sentences, but not the articles' texts; it opens read-only.",
    events_only: "Events only (without the articles' texts)",
    copy: "Copy share link",
    field: "Share link",
    copied: "The link is on the clipboard.",
    copy_failed: "The browser did not allow copying: the link is selected, copy it with Ctrl+C (⌘C).",
    length: ("The link is ", " characters long."),
    too_long: "This link is longer than 65,536 characters and may be cut on the way. Share events only, remove articles, or send an exported file instead.",
    limits: "Links up to 65,536 characters pass WhatsApp (its longest message) and the browsers' address bars. Slack cuts messages at 40,000 characters and Telegram at 4,096: there, send an events-only link or a file.",
    on_copy: "This view is large: its link is made when you copy it (it will be long; an events-only link or an exported file may serve better).",
    viewing: "You are viewing a shared timeline. Your own articles are not shown and stay as they were.",
    viewing_events: "You are viewing a shared timeline (events only, read-only). Your own articles are not shown and stay as they were.",
    keep: "Keep it",
    back: "Return to my own",
    kept: "The shared articles were added to your own.",
    err_truncated: "This share link is incomplete: it was probably cut when it was sent. Ask for it again, or for an exported file.",
    err_corrupt: "This share link is damaged and cannot be read.",
    err_future: "This share link was made by a newer version of waqai than this page; open it with the newest version.",
    own_shown: "Your own timeline is shown.",
    dismiss: "Dismiss",
};

pub const AR: Text = Text {
    heading: "مشاركة",
    intro: "الرابط نفسه يحمل ما تشاركه (بعد العلامة #، ولا ترسله المتصفحات إلى أي خادم). يستطيع قراءته كل من يملك الرابط. رابط الأحداث فقط يحمل الأحداث المعروضة (بعد التصفية) مع جملها المصدر، دون نصوص المقالات، ويُفتح للقراءة فقط.",
    events_only: "الأحداث فقط (دون نصوص المقالات)",
    copy: "نسخ رابط المشاركة",
    field: "رابط المشاركة",
    copied: "نُسخ الرابط.",
    copy_failed: "لم يسمح المتصفح بالنسخ: الرابط محدَّد، انسخه بـ Ctrl+C (⌘C).",
    length: ("طول الرابط ", " محرفًا."),
    too_long: "هذا الرابط أطول من ٦٥٥٣٦ محرفًا وقد يُقطع في الطريق. شارك الأحداث فقط، أو احذف مقالات، أو أرسل ملفًا مصدَّرًا بدلًا منه.",
    limits: "الروابط حتى ٦٥٥٣٦ محرفًا تمر عبر واتساب (أطول رسالة فيه) وشريط عنوان المتصفحات. يقطع سلاك الرسائل عند ٤٠٠٠٠ محرف وتيليغرام عند ٤٠٩٦: أرسل هناك رابط الأحداث فقط أو ملفًا.",
    on_copy: "هذا العرض كبير: يُصنع رابطه عند نسخه (وسيكون طويلًا؛ قد يكون رابط الأحداث فقط أو ملف مصدَّر أنسب).",
    viewing: "أنت تعرض خطًا زمنيًا مشارَكًا. مقالاتك لا تظهر الآن وتبقى كما هي.",
    viewing_events: "أنت تعرض خطًا زمنيًا مشارَكًا (الأحداث فقط، للقراءة فقط). مقالاتك لا تظهر الآن وتبقى كما هي.",
    keep: "الاحتفاظ به",
    back: "العودة إلى خطي الزمني",
    kept: "أُضيفت المقالات المشارَكة إلى مقالاتك.",
    err_truncated: "رابط المشاركة هذا ناقص: قُطع على الأرجح عند إرساله. اطلبه مرة أخرى، أو اطلب ملفًا مصدَّرًا.",
    err_corrupt: "رابط المشاركة هذا تالف ولا يمكن قراءته.",
    err_future: "صُنع رابط المشاركة هذا بإصدار من وقائع أحدث من هذه الصفحة؛ افتحه بأحدث إصدار.",
    own_shown: "يظهر خطك الزمني الخاص.",
    dismiss: "إغلاق",
};

pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

/// The id of the "Share link" field (the clipboard fallback selects it).
const FIELD_ID: &str = "share-link";

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Yes,
    No,
}

/// How long the view must stay still before its link is remade.
const REMAKE_AFTER: Duration = Duration::from_millis(250);

/// Up to about this many bytes to encode, the link follows the view; beyond,
/// it is made only when copied. Encoding takes roughly a millisecond per
/// 30 KB, so a view of many long articles would otherwise freeze the page a
/// second after every change, for a link too long to send anyway.
const FOLLOW_UP_TO: usize = 512 * 1024;

/// Roughly how many bytes an events-only link encodes per event (its fields
/// and its source sentence).
const BYTES_PER_EVENT: usize = 400;

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || text(state.lang.get());
    let events_only = RwSignal::new(false);
    let copied = RwSignal::new(None::<Copied>);

    // The link of the current view. Encoding a thousand articles takes a
    // while, so it is remade a moment after the view stops changing (a
    // filter click is never held up by it), and at once when copied.
    let make = move || {
        let fragment = if events_only.get() {
            let extractions = state.extractor.extractions.get();
            let plain = extractions
                .iter()
                .map(|(id, (_, x))| (*id, x.clone()))
                .collect();
            // The rows shown (filters applied), and the selected one among them.
            let rows = state.visible.get();
            let selected = state.selected.with(|s| {
                s.as_ref()
                    .and_then(|id| rows.iter().position(|r| *r.id == **id))
            });
            let shown: HashSet<(u32, &str)> = rows
                .iter()
                .flat_map(|r| r.reports.iter())
                .map(|r| (r.article_id, &*r.key))
                .collect();
            state.articles.with(|arts| {
                state.corrections.with(|c| {
                    let (mut reps, _) = reports(arts, &plain, c);
                    reps.retain(|r| shown.contains(&(r.article_id, &*r.key)));
                    state
                        .filters
                        .with(|f| codec::encode(&payload::events_only(arts, &reps, f, selected)))
                })
            })
        } else {
            state.articles.with(|arts| {
                state.corrections.with(|c| {
                    state
                        .filters
                        .with(|f| codec::encode(&payload::full(arts, c, f, state.selected.get())))
                })
            })
        };
        format!("{}#{fragment}", crate::web::address::page())
    };
    let link = RwSignal::new(String::new());
    // Whether the link follows the view or waits for Copy.
    let follows = Memo::new(move |_| {
        let bytes = if events_only.get() {
            state.visible.with(|v| v.len()) * BYTES_PER_EVENT
        } else {
            state
                .articles
                .with(|a| a.iter().map(|a| a.text.len() + a.title.len()).sum())
        };
        bytes <= FOLLOW_UP_TO
    });
    let remaking = Later::new();
    // A link that did not change is not set again (that would clear "copied").
    let remake = move || {
        remaking.cancel();
        let new = make();
        if link.with_untracked(|l| *l != new) {
            link.set(new);
        }
    };
    Effect::new(move |_| {
        // What the link holds: tracked here, encoded a moment later.
        events_only.track();
        state.articles.track();
        state.corrections.track();
        state.filters.track();
        state.selected.track();
        state.visible.track();
        state.extractor.extractions.track();
        if !follows.get() {
            // A link of an earlier view would mislead: none until copied.
            remaking.cancel();
            link.set(String::new());
            return;
        }
        remaking.schedule(REMAKE_AFTER, remake);
    });
    let length = move || link.with(|l| l.chars().count());
    // A new link is not on the clipboard yet.
    Effect::new(move |_| {
        link.track();
        copied.set(None);
    });

    let copy = move |_| {
        remake();
        let value = link.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = crate::web::clipboard::copy(&value, FIELD_ID).await;
            copied.set(Some(if ok { Copied::Yes } else { Copied::No }));
        });
    };

    view! {
        <section class="panel share no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">{move || t().heading}</h2>
            <p class="hint">{move || t().intro}</p>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || events_only.get()
                    on:change=move |ev| events_only.set(event_target_checked(&ev))
                />
                " "
                {move || t().events_only}
            </label>
            <button type="button" class="primary" on:click=copy>{move || t().copy}</button>
            <div class="field">
                <label for=FIELD_ID>{move || t().field}</label>
                <input
                    id=FIELD_ID
                    type="text"
                    readonly
                    dir="ltr"
                    spellcheck="false"
                    prop:value=move || link.get()
                    on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            i.select();
                        }
                    }
                />
            </div>
            <Show
                when=move || { length() > 0 || follows.get() }
                fallback=move || view! { <p class="hint share-length">{move || t().on_copy}</p> }
            >
                <p class="hint share-length" class:warn=move || { length() > WARN_LENGTH }>
                    {move || {
                        let (a, b) = t().length;
                        format!("{a}{}{b}", state.lang.get().num(length() as u64))
                    }}
                </p>
            </Show>
            <Show when=move || { length() > WARN_LENGTH }>
                <p class="notice error" role="alert">{move || t().too_long}</p>
            </Show>
            <p role="status" class="share-copied">
                {move || match copied.get() {
                    Some(Copied::Yes) => t().copied,
                    Some(Copied::No) => t().copy_failed,
                    None => "",
                }}
            </p>
            <p class="hint">{move || t().limits}</p>
        </section>
    }
}

/// "Keep it" for a full link: the reader's saved articles and corrections
/// with the link's added, written to storage now (the link's filters and
/// selection stay as they are).
fn keep(state: AppState) {
    let own = match crate::web::storage::read(storage::KEY)
        .ok()
        .flatten()
        .as_deref()
        .map(|raw| storage::from_json(Some(raw)))
    {
        Some(Load::Ok(saved)) => (saved.articles, saved.corrections),
        _ => (Vec::new(), Corrections::new()),
    };
    let link = (
        state.articles.get_untracked(),
        state.corrections.get_untracked(),
    );
    let (articles, corrections) = payload::keep(own, link);
    state.articles.set(articles);
    state.corrections.set(corrections);
    // Saving resumes (app.rs saves whenever the page shows the reader's own state).
    state.share.viewing.set(None);
    // "Keep it" means kept now, not when the next change is saved.
    state.save();
}

#[component]
pub fn ShareBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || text(state.lang.get());
    let kept = RwSignal::new(false);
    // The row the link had selected, once the engine (in its worker) has
    // read the shared articles and the row exists; selected once only.
    if let Some(id) = state.share.take_selected() {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let present = state.rows.with(|rows| rows.iter().any(|r| *r.id == *id));
            if present {
                state.select(id.clone());
                crate::web::location::scroll_selected_row_into_view();
            }
            present
        });
    }
    let back = move |_| crate::web::address::reload_with("");
    view! {
        <div class="share-banner no-print">
            {move || {
                state.share.viewing.get().map(|kind| {
                    let message = if kind == Kind::EventsOnly { t().viewing_events } else { t().viewing };
                    view! {
                        <div class="notice shared" role="region" aria-label=move || t().heading>
                            <p>
                                <strong>{message}</strong>
                            </p>
                            <div class="actions">
                                {(kind == Kind::Full).then(|| view! {
                                    <button type="button" class="primary" on:click=move |_| {
                                        keep(state);
                                        kept.set(true);
                                    }>{move || t().keep}</button>
                                })}
                                <button type="button" on:click=back>{move || t().back}</button>
                            </div>
                        </div>
                    }
                })
            }}
            <div role="alert">
                {move || {
                    state.share.error.get().map(|e| {
                        let what = match e {
                            ErrorKind::Truncated => t().err_truncated,
                            ErrorKind::Corrupt => t().err_corrupt,
                            ErrorKind::FutureVersion(_) => t().err_future,
                        };
                        view! {
                            <p class="notice error share-error">
                                <span>{what} " " {move || t().own_shown}</span>
                                " "
                                <button type="button" class="link" on:click=move |_| state.share.error.set(None)>
                                    {move || t().dismiss}
                                </button>
                            </p>
                        }
                    })
                }}
            </div>
            <div role="status">
                {move || kept.get().then(|| view! { <p class="notice">{move || t().kept}</p> })}
            </div>
        </div>
    }
}
