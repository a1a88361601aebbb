//! Top-level layout and state wiring.
//!
//! The reader's own state (articles, corrections, filters, language,
//! selection) is held in signals; everything else (extractions, timeline
//! rows, the filtered set) is derived with memos, so timeline, chart and map
//! always show the same events.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use waqai_engine::{Date, Extraction};

use crate::components::deferred::{self, Deferred};
use crate::components::{
    article_list::ArticleList, input::Input, legend::Legend, notices::Notices,
};
use crate::extractor::Extractor;
use crate::i18n::Lang;
use crate::state::articles::{
    check_text, next_id, sample_articles, samples_missing, Article, TextProblem,
};
use crate::state::corrections::Corrections;
use crate::state::events::{keep_unchanged, merge, reports_cached, EventCache, TimelineEvent};
use crate::state::filters::{Filtered, Filters};
use crate::state::storage::{self, Load, Saved};
use crate::web::later::Later;
use crate::web::location;
use crate::web::storage::{self as web_storage, StorageProblem};

/// A message for the reader about what just happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Problem {
        file: Option<String>,
        problem: TextProblem,
    },
    /// The outcome of adding files: how many were added, and each refused
    /// file with its reason (`None`: the browser could not read it).
    Files {
        added: usize,
        failed: Vec<(String, Option<TextProblem>)>,
    },
    Added(usize),
    SamplesLoaded,
    /// The samples could not be fetched (offline, or the site lacks them).
    SamplesFailed,
    /// An article was removed; it can be put back as it was.
    Removed(Box<Removed>),
}

/// What removing an article took away, for Undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub article: Article,
    pub corrections: Corrections,
}

/// An article about to be added.
pub struct Draft {
    pub title: String,
    pub outlet: String,
    pub text: String,
    pub published: Option<Date>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub articles: RwSignal<Vec<Article>>,
    pub corrections: RwSignal<Corrections>,
    pub filters: RwSignal<Filters>,
    /// The selected timeline row's id.
    pub selected: RwSignal<Option<String>>,
    /// Which of the selected row's reports the evidence panel shows.
    pub report_index: RwSignal<usize>,
    /// An article opened for reading without a selected event.
    pub reading: RwSignal<Option<u32>>,
    pub notice: RwSignal<Option<Notice>>,
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    pub saved_broken: RwSignal<bool>,
    /// The engine's readings of the articles (in a Web Worker).
    pub extractor: Extractor,
    /// How many drops or file choices are still being read from disk.
    pub adding_files: StoredValue<usize>,
    /// Every row after corrections and cross-article merging.
    pub rows: Memo<Arc<Vec<TimelineEvent>>>,
    pub deleted: Memo<usize>,
    /// The rows the filters keep: what timeline, chart and map show.
    pub visible: Memo<Arc<Vec<TimelineEvent>>>,
    /// The visible rows and how many each filter keeps on its own.
    pub filtered: Memo<Arc<Filtered>>,
    /// A shared view (`#share=…`) shown instead of the reader's own state.
    pub share: crate::share::Share,
}

impl AppState {
    fn new() -> AppState {
        let (saved, broken, problem) = load_saved();
        // A share link's state is shown instead; the saved one stays as it is.
        let (share, saved) = crate::share::Share::open(saved);
        let lang = Lang::choose(
            location::query_lang().as_deref(),
            saved.lang,
            &location::browser_langs(),
        );
        // A shared address's filters win over the ones last used here.
        let fragment = location::fragment();
        let filters = if fragment.is_empty() {
            saved.filters.clone()
        } else {
            Filters::from_fragment(&fragment)
        };

        let articles = RwSignal::new(saved.articles.clone());
        let corrections = RwSignal::new(saved.corrections);
        let mut filters = filters;
        // A shared address may name an article this browser does not have.
        if filters
            .article
            .is_some_and(|id| saved.articles.iter().all(|a| a.id != id))
        {
            filters.article = None;
        }
        let filters = RwSignal::new(filters);

        // An events-only share link brings its events (no text to read).
        let extractor = Extractor::new(articles, move |id| share.extraction(id));
        let extractions = extractor.extractions;
        let cache = StoredValue::new(EventCache::default());
        let merged = Memo::new(move |before: Option<&(Arc<Vec<TimelineEvent>>, usize)>| {
            let xs = extractions.get();
            let plain: HashMap<u32, Arc<Extraction>> =
                xs.iter().map(|(id, (_, x))| (*id, x.clone())).collect();
            articles.with(|arts| {
                corrections.with(|c| {
                    let (reps, deleted) = cache
                        .try_update_value(|cache| reports_cached(arts, &plain, c, cache))
                        .unwrap_or_default();
                    let order: Vec<u32> = arts.iter().map(|a| a.id).collect();
                    let rows = merge(reps, &order);
                    let rows = match before {
                        Some((b, _)) => keep_unchanged(rows, b),
                        None => rows,
                    };
                    (Arc::new(rows), deleted)
                })
            })
        });
        let rows = Memo::new(move |_| merged.get().0);
        let deleted = Memo::new(move |_| merged.get().1);
        let filtered = Memo::new(move |_| {
            let rows = rows.get();
            Arc::new(filters.with(|f| f.apply(&rows)))
        });
        let visible = Memo::new(move |_| filtered.with(|x| x.visible.clone()));

        AppState {
            lang: RwSignal::new(lang),
            articles,
            corrections,
            filters,
            selected: RwSignal::new(None),
            report_index: RwSignal::new(0),
            reading: RwSignal::new(None),
            notice: RwSignal::new(None),
            storage_problem: RwSignal::new(problem),
            saved_broken: RwSignal::new(broken),
            share,
            extractor,
            adding_files: StoredValue::new(0),
            rows,
            deleted,
            visible,
            filtered,
        }
    }

    /// Writes the reader's state to the browser's storage now; a refused
    /// write leaves the in-memory state as it is and says so. Nothing is
    /// written while a shared view is shown: the saved state stays the reader's own.
    pub fn save(&self) {
        if self.share.viewing() {
            return;
        }
        // Browsers keep about five million characters per site: a state
        // whose texts alone are longer is refused anyway, so it is not
        // written out (for tens of megabytes that is a second of frozen page).
        // Bytes first: never fewer than characters, so counting is needed
        // only for a state near the limit.
        let too_big = self.articles.with_untracked(|a| {
            a.iter().map(|a| a.text.len()).sum::<usize>() > STORAGE_HOLDS
                && a.iter().map(|a| a.text.chars().count()).sum::<usize>() > STORAGE_HOLDS
        });
        if too_big {
            self.storage_problem.set(Some(StorageProblem::Refused));
            return;
        }
        let json = self.articles.with_untracked(|articles| {
            self.corrections.with_untracked(|corrections| {
                self.filters.with_untracked(|filters| {
                    storage::to_json(
                        articles,
                        corrections,
                        filters,
                        Some(self.lang.get_untracked()),
                    )
                })
            })
        });
        match web_storage::write(storage::KEY, &json) {
            Ok(()) => self.storage_problem.set(None),
            Err(p) => self.storage_problem.set(Some(p)),
        }
    }

    pub fn strings(&self) -> &'static crate::i18n::Strings {
        self.lang.get().strings()
    }

    /// Adds an article after checking its text; the reader is told why not.
    pub fn add(&self, draft: Draft, file: Option<String>) -> bool {
        if let Err(problem) = check_text(&draft.text) {
            self.notice.set(Some(Notice::Problem { file, problem }));
            return false;
        }
        self.add_checked(vec![draft]);
        true
    }

    /// Adds texts already checked with [`check_text`], in one change of the
    /// article list; returns how many.
    pub fn add_checked(&self, drafts: Vec<Draft>) -> usize {
        let n = drafts.len();
        if n == 0 {
            return 0;
        }
        self.articles.update(|arts| {
            for draft in drafts {
                let id = next_id(arts);
                arts.push(Article {
                    id,
                    title: draft.title,
                    outlet: draft.outlet,
                    text: draft.text,
                    published: draft.published,
                    sample: None,
                });
            }
        });
        n
    }

    /// Fetches the samples not loaded yet (files of the site: they are not
    /// in the page's module, which the first paint waits for) and adds them.
    pub fn load_samples(&self) {
        let state = *self;
        let missing = state.articles.with_untracked(|arts| samples_missing(arts));
        leptos::task::spawn_local(async move {
            let mut texts = Vec::new();
            for name in missing {
                match crate::web::fetch::text(&format!("samples/{name}")).await {
                    Some(text) => texts.push((name, text)),
                    None => {
                        state.notice.set(Some(Notice::SamplesFailed));
                        return;
                    }
                }
            }
            // Ids and what is missing are decided now: the reader may have
            // added articles, or clicked twice, while the files came.
            state.articles.update(|arts| {
                let more = sample_articles(arts, &texts);
                arts.extend(more);
            });
            state.notice.set(Some(Notice::SamplesLoaded));
        });
    }

    pub fn remove(&self, id: u32) {
        let Some(index) = self
            .articles
            .with_untracked(|arts| arts.iter().position(|a| a.id == id))
        else {
            return;
        };
        let mut article = None;
        self.articles
            .update(|arts| article = Some(arts.remove(index)));
        let prefix = format!("{id}/");
        let mut taken = Corrections::new();
        self.corrections.update(|c| {
            taken = c.clone();
            taken.retain(|k, _| k.starts_with(&prefix));
            c.retain(|k, _| !k.starts_with(&prefix));
        });
        if let Some(article) = article {
            self.notice.set(Some(Notice::Removed(Box::new(Removed {
                index,
                article,
                corrections: taken,
            }))));
        }
        self.filters.update(|f| {
            if f.article == Some(id) {
                f.article = None;
            }
        });
        if self.reading.get_untracked() == Some(id) {
            self.reading.set(None);
        }
    }

    /// Puts a removed article back where it was, with its corrections.
    pub fn undo_remove(&self, removed: Removed) {
        self.articles.update(|arts| {
            if arts.iter().all(|a| a.id != removed.article.id) {
                let i = removed.index.min(arts.len());
                arts.insert(i, removed.article);
            }
        });
        self.corrections.update(|c| c.extend(removed.corrections));
        self.notice.set(None);
    }

    /// Selects a timeline row and opens its first report.
    pub fn select(&self, id: String) {
        self.report_index.set(0);
        self.reading.set(None);
        self.selected.set(Some(id));
        location::scroll_mark_into_view();
    }
}

/// Reads the saved state. A save that cannot be read is copied aside first,
/// so that the next save cannot overwrite the reader's data.
fn load_saved() -> (Saved, bool, Option<StorageProblem>) {
    match web_storage::read(storage::KEY) {
        Err(p) => (Saved::default(), false, Some(p)),
        Ok(raw) => match storage::from_json(raw.as_deref()) {
            Load::Ok(s) => (s, false, None),
            Load::Nothing => (Saved::default(), false, None),
            Load::Broken => {
                let kept = raw
                    .as_deref()
                    .map(|r| web_storage::write(storage::BROKEN_KEY, r).is_ok())
                    .unwrap_or(false);
                (
                    Saved::default(),
                    true,
                    (!kept).then_some(StorageProblem::Refused),
                )
            }
        },
    }
}

/// Characters a browser's storage holds for one site (localStorage: 5 MiB
/// of UTF-16 in Chromium, Firefox and Safari).
const STORAGE_HOLDS: usize = 5 * 1024 * 1024;

/// How long the reader's state may wait before it is saved.
const SAVE_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// How long saving may wait for a reading to end.
const SAVE_WAITS_AT_MOST_MS: f64 = 5_000.0;

/// Saves the reader's state a moment from now; while files are being added
/// or the engine is reading, later (up to [`SAVE_WAITS_AT_MOST_MS`] after
/// `since`). Writing a thousand articles to storage blocks the page for a
/// few tenths of a second, which the reading then waits for, and when it
/// ends there is one write instead of several. Leaving the page saves at
/// once (see the pagehide listener).
fn save_soon(state: AppState, saving: Later, since: f64) {
    saving.schedule(SAVE_AFTER, move || {
        let busy = state.adding_files.get_value() > 0
            || state.extractor.progress.with_untracked(Option::is_some);
        if busy && js_sys::Date::now() - since < SAVE_WAITS_AT_MOST_MS {
            save_soon(state, saving, since);
        } else {
            state.save();
        }
    });
}

/// How long the address may wait before it shows the filters.
const FRAGMENT_AFTER: std::time::Duration = std::time::Duration::from_millis(150);

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    // Persist: every change of the reader's state is written a moment later
    // (a burst of changes, a thousand files or a run of filter clicks, is one
    // write, not a write per change), and at once when the page is left.
    let saving = Later::new();
    Effect::new(move |first: Option<()>| {
        state.articles.track();
        state.corrections.track();
        state.filters.track();
        state.lang.track();
        // What was just loaded needs no writing back: a page opened and left
        // at once must not put its copy over what another tab saved since.
        if first.is_none() {
            return;
        }
        save_soon(state, saving, js_sys::Date::now());
    });
    // Filters are shareable: mirror them in the address's fragment, a moment
    // after they change (the browser's history call costs a few milliseconds
    // that a filter click should not wait for)…
    let addressing = Later::new();
    let write_fragment =
        move || location::set_fragment(&state.filters.with_untracked(|f| f.to_fragment()));
    Effect::new(move |first: Option<()>| {
        state.filters.track();
        if first.is_none() {
            write_fragment();
        } else {
            addressing.schedule(FRAGMENT_AFTER, write_fragment);
        }
    });
    // What still waits is done as the page is left.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        if saving.cancel() {
            state.save();
        }
        if addressing.cancel() {
            write_fragment();
        }
    });
    // …and follow an address pasted or edited by hand.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        // A share link pasted into the address opens as at start-up.
        if crate::share::is_share_fragment(&location::fragment()) {
            crate::web::address::reload_with(&location::fragment());
            return;
        }
        let f = Filters::from_fragment(&location::fragment());
        if state.filters.with_untracked(|cur| *cur != f) {
            state.filters.set(f);
        }
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        location::set_document_lang(
            lang.code(),
            lang.dir(),
            match lang {
                Lang::En => "waqai — timeline of events from Arabic war reporting",
                Lang::Ar => "وقائع — خط زمني للأحداث من التقارير العربية عن الحرب",
            },
        );
    });

    // Files dropped anywhere on the page are added like picked ones.
    let dragging = RwSignal::new(false);
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let on_dragleave = move |ev: leptos::ev::DragEvent| {
        // Leaving to a child element also fires dragleave; only a leave
        // out of the window (no related target) ends the drag.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = crate::web::files::files_of(ev.data_transfer().and_then(|d| d.files()));
        crate::components::input::add_files(state, files);
    };

    let has_events = Memo::new(move |_| state.rows.with(|r| !r.is_empty()));
    let has_articles = Memo::new(move |_| state.articles.with(|a| !a.is_empty()));

    // The views fetched after the first paint (`deferred`): at once when
    // there is something to show (saved or shared articles, or the first one
    // added), else with the engine below.
    let deferred = Deferred::new();
    Effect::new(move |_| {
        if has_articles.get() {
            deferred.fetch();
        }
    });
    // Load the engine soon after the page is drawn and usable, so the first
    // article need not wait for it (an article added sooner starts it at once).
    set_timeout(
        move || {
            state.extractor.warm_up();
            deferred.fetch();
        },
        std::time::Duration::from_millis(300),
    );

    let s = move || state.strings();
    let toggle_lang = move |_| {
        state.lang.update(|l| {
            *l = match l {
                Lang::En => Lang::Ar,
                Lang::Ar => Lang::En,
            }
        })
    };

    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            class:read-only=move || state.share.read_only()
            on:dragover=on_dragover
            on:dragleave=on_dragleave
            on:drop=on_drop
        >
            <a class="skip" href="#timeline-heading">
                {move || if state.lang.get() == Lang::Ar { "انتقل إلى الخط الزمني" } else { "Skip to the timeline" }}
            </a>
            <header class="top no-print">
                <div class="brand">
                    <h1>
                        <span lang="ar">"وقائع"</span>
                        " waqai"
                    </h1>
                    <p class="tagline">{move || s().app_tagline}</p>
                </div>
                <div class="top-actions">
                    <button type="button" on:click=move |_| state.load_samples()>
                        {move || s().load_samples}
                    </button>
                    <button
                        type="button"
                        class="lang"
                        on:click=toggle_lang
                        title=move || s().lang_switch_label
                        lang=move || if state.lang.get() == Lang::Ar { "en" } else { "ar" }
                    >
                        {move || s().lang_switch}
                    </button>
                </div>
            </header>
            <Notices />
            <crate::components::reading::Reading />
            <crate::components::share::ShareBanner />
            <div class="drop-overlay" aria-hidden="true">{move || s().drop_here}</div>
            <div class="layout">
                <aside class="side no-print" aria-label=move || if state.lang.get() == Lang::Ar { "المقالات والتصفية" } else { "Articles and filters" }>
                    <Input />
                    <ArticleList />
                    // Filters, the share link and the exports have nothing to
                    // work on until there is an article or an event: a first
                    // visit shows what to do first, and the page is built in
                    // half the elements (the time to interactive, issue 6).
                    <Show when=move || has_events.get()>
                        {deferred.show(|v| v.filters, deferred::nothing)}
                    </Show>
                    <Show when=move || has_events.get() || has_articles.get()>
                        {deferred.show(|v| v.share, deferred::nothing)}
                    </Show>
                    <Show when=move || has_events.get()>
                        {deferred.show(|v| v.export, deferred::nothing)}
                    </Show>
                </aside>
                <main class="main">
                    {deferred.show(|v| v.chart, deferred::chart_frame)}
                    <Legend />
                    {deferred.show(|v| v.timeline, deferred::timeline_frame)}
                </main>
                <aside class="side2 no-print" aria-label=move || if state.lang.get() == Lang::Ar { "الخريطة والنص المصدر" } else { "Map and source text" }>
                    {deferred.show(|v| v.map, deferred::map_frame)}
                    {deferred.show(|v| v.evidence, deferred::evidence_frame)}
                </aside>
            </div>
        </div>
    }
}
