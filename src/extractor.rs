//! Reading articles with the engine, off the main thread: every article the
//! reader has and has not had read (with its current publication date) goes to
//! the extraction worker; answers come back as they are ready and land in
//! [`Extractor::extractions`], a few at a time, so a thousand articles fill the
//! timeline in a handful of redraws instead of a thousand. The reader can stop
//! a long reading; what was read stays, what was not is marked and can be read
//! later. The worker is started early (after the first paint) so the first
//! article does not wait for the engine to load.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use waqai_engine::{Date, Extraction};

use crate::state::articles::Article;
use crate::state::jobs::{needed, Jobs, Progress};
use crate::web::worker::{EngineWorker, Reply};

/// Each article's extraction with the publication date it was made with, so
/// it is only redone when that date changes.
pub type Extractions = HashMap<u32, (Option<Date>, Arc<Extraction>)>;

/// How long answers may wait before they are shown, while more are coming:
/// at least this, and at least three times what showing the last ones took,
/// so that with ten thousand events on the page most of the main thread's
/// time still goes to the reader, not to redrawing.
const SHOW_EVERY_MS: f64 = 200.0;
const SHOW_COST_FACTOR: f64 = 3.0;
/// And longer as the timeline grows (redrawing it costs more): one more
/// millisecond per this many events already shown.
const EVENTS_PER_MS: f64 = 20.0;
/// And at least as long as the reading has taken so far, up to this: the
/// first events show at once, then the timeline fills in at growing
/// intervals (each redraw holds the reading's end back a little), never
/// more than this far apart.
const SHOW_AT_MOST_EVERY_MS: f64 = 3_000.0;

#[derive(Clone, Copy)]
pub struct Extractor {
    pub extractions: RwSignal<Arc<Extractions>>,
    /// `None` when nothing is being read.
    pub progress: RwSignal<Option<Progress>>,
    /// Articles whose reading the reader stopped (or that could not be read).
    pub stopped: RwSignal<HashSet<u32>>,
    /// Why the engine could not run, if it could not.
    pub problem: RwSignal<Option<String>>,
    articles: RwSignal<Vec<Article>>,
    inner: StoredValue<Inner, LocalStorage>,
}

#[derive(Default)]
struct Inner {
    worker: Option<EngineWorker>,
    jobs: Jobs,
    /// Answers not shown yet.
    arrived: Vec<(u32, Option<Date>, Extraction)>,
    show_scheduled: bool,
    /// What showing answers last took, up to the next frame (ms).
    show_cost: f64,
    /// When answers were last shown (ms since the epoch).
    shown_at: f64,
    /// The progress bar's next redraw is waiting for a frame.
    progress_frame: bool,
    /// When the current batch of jobs began (ms since the epoch).
    batch_started: f64,
}

impl Extractor {
    /// `given`: extractions that come with the articles (an events-only share
    /// link carries events, not texts to read).
    pub fn new(
        articles: RwSignal<Vec<Article>>,
        given: impl Fn(u32) -> Option<Arc<Extraction>> + 'static,
    ) -> Extractor {
        let x = Extractor {
            extractions: RwSignal::new(Arc::new(Extractions::new())),
            progress: RwSignal::new(None),
            stopped: RwSignal::new(HashSet::new()),
            problem: RwSignal::new(None),
            articles,
            inner: StoredValue::new_local(Inner::default()),
        };
        Effect::new(move |_| x.send_what_is_needed(&given));
        x
    }

    /// Loads the engine now, so the first article is read without waiting.
    pub fn warm_up(&self) {
        self.inner.update_value(|i| {
            if i.worker.is_none() {
                i.worker = self.start_worker();
            }
        });
    }

    /// Stops reading: what was read stays, the rest is marked as stopped.
    pub fn cancel(&self) {
        self.show_arrived();
        let gone = self.stop_worker();
        self.stopped
            .update(|s| s.extend(gone.iter().map(|(article, _)| *article)));
    }

    /// Reads a stopped article after all.
    pub fn resume(&self, article: u32) {
        self.problem.set(None);
        self.stopped.update(|s| {
            s.remove(&article);
        });
    }

    /// Tracks the articles and the stopped set; sends every article that
    /// needs reading, drops what belongs to removed articles.
    fn send_what_is_needed(&self, given: &impl Fn(u32) -> Option<Arc<Extraction>>) {
        let stopped = self.stopped.get();
        self.articles.with(|arts| {
            let ids: HashSet<u32> = arts.iter().map(|a| a.id).collect();
            let mut supplied = Vec::new();
            let (todo, stale) = self.extractions.with_untracked(|x| {
                let todo = self.inner.with_value(|i| {
                    // Read already: shown, or arrived and about to be shown.
                    let arrived: HashSet<(u32, Option<Date>)> =
                        i.arrived.iter().map(|(a, p, _)| (*a, *p)).collect();
                    let have = |id: u32, published: Option<Date>| {
                        x.get(&id).is_some_and(|(p, _)| *p == published)
                            || arrived.contains(&(id, published))
                    };
                    needed(arts, have, &i.jobs, &stopped)
                        .into_iter()
                        .map(|a| (a.id, a.published))
                        .collect::<Vec<_>>()
                });
                let stale = x.keys().any(|id| !ids.contains(id));
                (todo, stale)
            });
            let mut send = Vec::new();
            for (id, published) in todo {
                match given(id) {
                    Some(x) => supplied.push((id, published, x)),
                    None => send.push((id, published)),
                }
            }
            if stale || !supplied.is_empty() {
                self.extractions.update(|x| {
                    let x = Arc::make_mut(x);
                    x.retain(|id, _| ids.contains(id));
                    for (id, published, e) in supplied {
                        x.insert(id, (published, e));
                    }
                });
            }
            if send.is_empty() {
                return;
            }
            let by_id: HashMap<u32, &Article> = arts.iter().map(|a| (a.id, a)).collect();
            let mut failed = None;
            self.inner.update_value(|i| {
                if i.worker.is_none() {
                    i.worker = self.start_worker();
                }
                let Some(worker) = &i.worker else { return };
                if i.jobs.is_idle() {
                    i.batch_started = js_sys::Date::now();
                }
                for (id, published) in send {
                    let a = by_id[&id];
                    let job = i.jobs.start(id, published, a.text.len());
                    let day = published.map(|d| d.to_string()).unwrap_or_default();
                    if let Err(e) = worker.send(job, &a.text, &day) {
                        failed = Some(e);
                        break;
                    }
                }
            });
            match failed {
                Some(e) => self.engine_failed(e),
                None => self
                    .progress
                    .set(self.inner.with_value(|i| i.jobs.progress())),
            }
        });
    }

    fn start_worker(&self) -> Option<EngineWorker> {
        let this = *self;
        match EngineWorker::start(move |reply| this.on_reply(reply)) {
            Ok(w) => Some(w),
            Err(e) => {
                self.problem.set(Some(e));
                None
            }
        }
    }

    fn on_reply(&self, reply: Reply) {
        match reply {
            Reply::Ready => {}
            Reply::Failed(e) => self.engine_failed(e),
            Reply::Progress { job, done } => {
                self.inner
                    .try_update_value(|i| i.jobs.read_so_far(job, done as usize));
                self.show_progress();
            }
            Reply::Done { job, answer } => {
                let parsed = waqai_engine::wire::decode(&answer);
                let Some(wait) = self
                    .inner
                    .try_update_value(|i| {
                        let done = i.jobs.finish(job)?;
                        match parsed {
                            Ok(mut x) => {
                                self.articles.with_untracked(|arts| {
                                    if let Some(a) = arts.iter().find(|a| a.id == done.article) {
                                        fill_evidence_text(&mut x, &a.text);
                                    }
                                });
                                i.arrived.push((done.article, done.published, x))
                            }
                            // Cannot happen with the engine of the same build; said if it does.
                            Err(e) => leptos::logging::error!("waqai: unreadable answer: {e}"),
                        }
                        // The last answer: nothing more is coming to gather
                        // with it, so it is shown now (a showing scheduled
                        // earlier then finds nothing left to show).
                        if i.jobs.is_idle() {
                            return Some(0.0);
                        }
                        if i.show_scheduled {
                            return None;
                        }
                        i.show_scheduled = true;
                        let now = js_sys::Date::now();
                        let gap = SHOW_EVERY_MS
                            .max(i.show_cost * SHOW_COST_FACTOR)
                            .max(self.shown_events() as f64 / EVENTS_PER_MS)
                            .max((now - i.batch_started).min(SHOW_AT_MOST_EVERY_MS));
                        let wait = i.shown_at + gap - now;
                        // A showing just before the reading ends would only
                        // hold the end back (the last answer is shown at
                        // once): it waits until after the expected end.
                        let left = i
                            .jobs
                            .progress()
                            .and_then(|p| p.time_left(now - i.batch_started));
                        Some(match left {
                            Some(left) if left < wait + gap => left + gap,
                            _ => wait,
                        })
                    })
                    .flatten()
                else {
                    self.show_progress();
                    return;
                };
                // Shown at once when the last showing is long enough ago (a
                // single article on a quiet page), else when it will be.
                if wait <= 0.0 {
                    self.show_arrived();
                } else {
                    let this = *self;
                    set_timeout(
                        move || this.show_arrived(),
                        Duration::from_millis(wait as u64),
                    );
                }
                self.show_progress();
            }
            Reply::Error { job, message } => {
                // The worker's engine may be broken: start afresh, keep the
                // article aside (the reader can try again), read the others.
                let article = self.inner.with_value(|i| {
                    i.jobs
                        .pending()
                        .find(|(id, _)| *id == job)
                        .map(|(_, j)| j.article)
                });
                self.show_arrived();
                self.stop_worker();
                self.problem.set(Some(message));
                if let Some(article) = article {
                    self.stopped.update(|s| {
                        s.insert(article);
                    });
                }
            }
        }
    }

    /// The engine did not load or the worker could not be reached: nothing
    /// can be read; the articles wait, marked, until the reader tries again.
    fn engine_failed(&self, message: String) {
        self.cancel();
        self.problem.set(Some(message));
    }

    /// Stops the worker; returns the jobs it had not answered.
    fn stop_worker(&self) -> Vec<(u32, Option<Date>)> {
        let gone = self
            .inner
            .try_update_value(|i| {
                if let Some(w) = i.worker.take() {
                    w.stop();
                }
                i.jobs
                    .cancel_all()
                    .into_iter()
                    .map(|j| (j.article, j.published))
                    .collect()
            })
            .unwrap_or_default();
        self.progress.set(None);
        gone
    }

    /// The progress bar follows the jobs at most once a frame (and at once
    /// when the reading ends): a thousand short articles answer in a burst,
    /// and redrawing the bar for every answer cost more than the answers.
    fn show_progress(&self) {
        let Some((now, frame_waiting)) = self.inner.try_update_value(|i| {
            let now = i.jobs.progress();
            (now, std::mem::replace(&mut i.progress_frame, now.is_some()))
        }) else {
            return;
        };
        if now.is_none() {
            self.progress.set(None);
        } else if !frame_waiting {
            let this = *self;
            request_animation_frame(move || {
                let now = this.inner.try_update_value(|i| {
                    i.progress_frame = false;
                    i.jobs.progress()
                });
                if let Some(now) = now {
                    this.progress.set(now);
                }
            });
        }
    }

    fn shown_events(&self) -> usize {
        self.extractions
            .with_untracked(|x| x.values().map(|(_, e)| e.events.len()).sum())
    }

    /// Shows the answers that arrived (those still wanted: an article may
    /// have been removed or given another date meanwhile).
    fn show_arrived(&self) {
        let arrived = self
            .inner
            .try_update_value(|i| {
                i.show_scheduled = false;
                i.shown_at = js_sys::Date::now();
                std::mem::take(&mut i.arrived)
            })
            .unwrap_or_default();
        if arrived.is_empty() {
            return;
        }
        let started = js_sys::Date::now();
        let inner = self.inner;
        request_animation_frame(move || {
            let cost = js_sys::Date::now() - started;
            inner.update_value(|i| i.show_cost = cost);
        });
        let current: HashMap<u32, Option<Date>> = self
            .articles
            .with_untracked(|arts| arts.iter().map(|a| (a.id, a.published)).collect());
        self.extractions.update(|x| {
            let x = Arc::make_mut(x);
            for (id, published, e) in arrived {
                if current.get(&id) == Some(&published) {
                    x.insert(id, (published, Arc::new(e)));
                }
            }
        });
    }
}

/// The worker leaves evidence text out of its answers (see
/// `crates/worker`): each span's text is cut from the article it was read
/// from, by its byte offsets.
fn fill_evidence_text(x: &mut Extraction, text: &str) {
    // A sentence that tells several events is cut once, its text shared.
    let mut made: HashMap<(usize, usize), Arc<str>> = HashMap::new();
    for span in x.events.iter_mut().flat_map(|e| e.evidence.iter_mut()) {
        if span.text.is_empty() {
            span.text = made
                .entry((span.start, span.end))
                .or_insert_with(|| text.get(span.start..span.end).unwrap_or_default().into())
                .clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use waqai_engine::{extract, Options};

    #[test]
    fn evidence_text_is_cut_from_the_article_by_byte_offsets() {
        let text = "قصفت الطائرات الحربية مدينة إدلب صباح اليوم.\nوقتل ثلاثة مدنيين في حلب.";
        let full = extract(text, &Options::default());
        assert!(full.events.iter().any(|e| !e.evidence.is_empty()));
        let mut lean = full.clone();
        for span in lean.events.iter_mut().flat_map(|e| e.evidence.iter_mut()) {
            span.text = "".into();
        }
        assert_ne!(lean, full);
        fill_evidence_text(&mut lean, text);
        assert_eq!(lean, full);
    }

    #[test]
    fn offsets_outside_the_text_give_an_empty_text_not_a_panic() {
        let text = "قصفت الطائرات الحربية مدينة إدلب.";
        let mut x = extract(text, &Options::default());
        for span in x.events.iter_mut().flat_map(|e| e.evidence.iter_mut()) {
            span.text = "".into();
        }
        fill_evidence_text(&mut x, "قصف");
        assert!(x
            .events
            .iter()
            .flat_map(|e| &e.evidence)
            .all(|s| s.text.is_empty()));
    }
}
