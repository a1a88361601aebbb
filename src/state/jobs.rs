//! The articles the engine (in its worker) is reading: which still need
//! reading, which job is which, and how far the reading has got, for the
//! progress bar. Plain data; the worker itself is driven by `crate::extractor`.

use std::collections::{BTreeMap, HashSet};

use waqai_engine::Date;

use crate::state::articles::Article;

/// One article sent to the worker.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub article: u32,
    pub published: Option<Date>,
    pub bytes: usize,
}

/// How far the current batch (everything sent since the worker was last idle) has got.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
    pub articles_done: usize,
    pub articles_total: usize,
    pub bytes_done: usize,
    pub bytes_total: usize,
}

impl Progress {
    /// How long the rest should take (ms) at the pace of the `elapsed` ms
    /// so far; `None` before anything is done.
    pub fn time_left(&self, elapsed: f64) -> Option<f64> {
        (self.bytes_done > 0).then(|| {
            let left = self.bytes_total.saturating_sub(self.bytes_done);
            elapsed.max(0.0) * left as f64 / self.bytes_done as f64
        })
    }

    /// Done, from 0 to 1, by bytes (a long article weighs what it takes to read).
    pub fn fraction(&self) -> f64 {
        if self.bytes_total == 0 {
            return 0.0;
        }
        (self.bytes_done as f64 / self.bytes_total as f64).clamp(0.0, 1.0)
    }
}

#[derive(Debug, Default)]
pub struct Jobs {
    next: u32,
    /// Sent and not yet answered, by job id (the worker answers in this order).
    running: BTreeMap<u32, Job>,
    batch: Progress,
    /// Bytes read so far of the job being read.
    partial: usize,
}

impl Jobs {
    /// Records a job about to be sent and returns its id.
    pub fn start(&mut self, article: u32, published: Option<Date>, bytes: usize) -> u32 {
        self.next = self.next.wrapping_add(1);
        self.running.insert(
            self.next,
            Job {
                article,
                published,
                bytes,
            },
        );
        self.batch.articles_total += 1;
        self.batch.bytes_total += bytes;
        self.next
    }

    /// Progress inside a long article.
    pub fn read_so_far(&mut self, job: u32, bytes: usize) {
        if let Some(j) = self.running.get(&job) {
            self.partial = bytes.min(j.bytes);
        }
    }

    /// The job answered (with events or an error); `None` if it was cancelled.
    pub fn finish(&mut self, job: u32) -> Option<Job> {
        let done = self.running.remove(&job)?;
        self.partial = 0;
        self.batch.articles_done += 1;
        self.batch.bytes_done += done.bytes;
        if self.running.is_empty() {
            self.batch = Progress::default();
        }
        Some(done)
    }

    /// Forgets every job (the worker was stopped) and returns them.
    pub fn cancel_all(&mut self) -> Vec<Job> {
        self.batch = Progress::default();
        self.partial = 0;
        std::mem::take(&mut self.running).into_values().collect()
    }

    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }

    /// The jobs still waiting or being read, in the order they were sent.
    pub fn pending(&self) -> impl Iterator<Item = (u32, &Job)> {
        self.running.iter().map(|(id, j)| (*id, j))
    }

    /// `None` when the worker has nothing to do.
    pub fn progress(&self) -> Option<Progress> {
        (!self.running.is_empty()).then(|| Progress {
            bytes_done: self.batch.bytes_done + self.partial,
            ..self.batch
        })
    }
}

/// The articles to send to the worker: not read yet with their current
/// publication date, not being read, not stopped by the reader.
pub fn needed<'a>(
    articles: &'a [Article],
    have: impl Fn(u32, Option<Date>) -> bool,
    jobs: &Jobs,
    stopped: &HashSet<u32>,
) -> Vec<&'a Article> {
    // A set, not a search of the jobs per article: a thousand articles
    // added while a thousand are being read.
    let running: HashSet<(u32, Option<Date>)> = jobs
        .running
        .values()
        .map(|j| (j.article, j.published))
        .collect();
    articles
        .iter()
        .filter(|a| !have(a.id, a.published))
        .filter(|a| !running.contains(&(a.id, a.published)))
        .filter(|a| !stopped.contains(&a.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: u32, published: Option<&str>) -> Article {
        Article {
            id,
            title: String::new(),
            outlet: String::new(),
            text: "نص".repeat(id as usize),
            published: published.map(|d| d.parse().unwrap()),
            sample: None,
        }
    }

    #[test]
    fn time_left_follows_the_pace_so_far() {
        let p = |done, total| Progress {
            articles_done: 0,
            articles_total: 0,
            bytes_done: done,
            bytes_total: total,
        };
        // Table: (progress, ms elapsed, ms left)
        for (progress, elapsed, left) in [
            (p(0, 100), 500.0, None),
            (p(25, 100), 300.0, Some(900.0)),
            (p(50, 100), 400.0, Some(400.0)),
            (p(100, 100), 800.0, Some(0.0)),
            (p(150, 100), 800.0, Some(0.0)),
            (p(50, 100), -5.0, Some(0.0)),
        ] {
            assert_eq!(
                progress.time_left(elapsed),
                left,
                "{progress:?} after {elapsed} ms"
            );
        }
    }

    #[test]
    fn progress_counts_the_batch_and_resets_when_idle() {
        let mut jobs = Jobs::default();
        assert_eq!(jobs.progress(), None);
        let a = jobs.start(1, None, 100);
        let b = jobs.start(2, None, 300);
        jobs.read_so_far(a, 50);
        let p = jobs.progress().unwrap();
        assert_eq!((p.articles_done, p.articles_total), (0, 2));
        assert_eq!((p.bytes_done, p.bytes_total), (50, 400));
        assert_eq!(jobs.finish(a).unwrap().article, 1);
        let p = jobs.progress().unwrap();
        assert_eq!((p.articles_done, p.bytes_done), (1, 100));
        assert_eq!(p.fraction(), 0.25);
        assert!(jobs.finish(b).is_some());
        assert_eq!(jobs.progress(), None);
        assert!(jobs.is_idle());
        // A new batch starts from zero.
        jobs.start(3, None, 10);
        assert_eq!(jobs.progress().unwrap().bytes_total, 10);
    }

    #[test]
    fn a_cancelled_job_answers_nothing() {
        let mut jobs = Jobs::default();
        let a = jobs.start(1, None, 100);
        let gone = jobs.cancel_all();
        assert_eq!(gone.len(), 1);
        assert_eq!(jobs.finish(a), None);
        assert_eq!(jobs.progress(), None);
    }

    #[test]
    fn needed_skips_what_is_read_running_or_stopped() {
        let arts = vec![
            article(1, None),
            article(2, Some("2016-03-01")),
            article(3, None),
            article(4, None),
        ];
        let mut jobs = Jobs::default();
        jobs.start(3, None, 1);
        let stopped: HashSet<u32> = [4].into();
        // Article 2 was read with another date: it must be read again.
        let have = |id: u32, published: Option<Date>| id == 1 || (id == 2 && published.is_none());
        let ids: Vec<u32> = needed(&arts, have, &jobs, &stopped)
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, vec![2]);
    }
}
