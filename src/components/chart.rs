//! Events per day, stacked by type, as SVG bars. Selecting a day narrows
//! the filters' date range to it; selecting it again widens it back.

use std::collections::BTreeMap;

use leptos::prelude::*;
use waqai_engine::{Date, EventType};

use crate::app::AppState;
use crate::components::types::{colour, shape};
use crate::i18n::Lang;
use crate::state::events::TimelineEvent;

const W: f64 = 600.0;
const H: f64 = 150.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 22.0;

/// Per day, the number of events of each type (in legend order).
pub fn per_day(rows: &[TimelineEvent]) -> Vec<(Date, Vec<(EventType, usize)>)> {
    let mut days: BTreeMap<Date, BTreeMap<EventType, usize>> = BTreeMap::new();
    for r in rows {
        if let Some(d) = r.event.date {
            *days.entry(d).or_default().entry(r.event.kind).or_default() += 1;
        }
    }
    days.into_iter()
        .map(|(d, m)| (d, m.into_iter().collect()))
        .collect()
}

/// At most this many bars: beyond, days are gathered into weeks, months or years.
pub const MAX_BARS: usize = 90;

/// What one bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bin {
    Day,
    Week,
    Month,
    Year,
}

impl Bin {
    /// The first and last day of the bar holding `d` (weeks start on Saturday,
    /// as in Syria).
    fn span(self, d: Date) -> (Date, Date) {
        let ymd = |y: i32, m: u32, day: u32| Date::new(y, m, day).unwrap_or(d);
        match self {
            Bin::Day => (d, d),
            Bin::Week => {
                let back = (i64::from(d.weekday()) + 1).rem_euclid(7);
                let from = d.add_days(-back).unwrap_or(d);
                (from, from.add_days(6).unwrap_or(d))
            }
            Bin::Month => {
                let from = ymd(d.year(), d.month(), 1);
                let next = if d.month() == 12 {
                    ymd(d.year() + 1, 1, 1)
                } else {
                    ymd(d.year(), d.month() + 1, 1)
                };
                (from, next.add_days(-1).unwrap_or(d))
            }
            Bin::Year => (ymd(d.year(), 1, 1), ymd(d.year(), 12, 31)),
        }
    }
}

/// One bar: its first and last day and its events per type.
pub type Bar = (Date, Date, Vec<(EventType, usize)>);

/// The bars of the chart: days, or the finest of weeks, months and years
/// that needs no more than [`MAX_BARS`] bars.
pub fn bars_of(rows: &[TimelineEvent]) -> (Bin, Vec<Bar>) {
    let days = per_day(rows);
    for bin in [Bin::Day, Bin::Week, Bin::Month, Bin::Year] {
        let mut out: Vec<(Date, Date, BTreeMap<EventType, usize>)> = Vec::new();
        for (d, counts) in &days {
            let (from, to) = bin.span(*d);
            if out.last().is_none_or(|b| b.0 != from) {
                out.push((from, to, BTreeMap::new()));
            }
            if let Some(b) = out.last_mut() {
                for (t, k) in counts {
                    *b.2.entry(*t).or_default() += k;
                }
            }
        }
        if out.len() <= MAX_BARS || bin == Bin::Year {
            let bars = out
                .into_iter()
                .map(|(from, to, m)| (from, to, m.into_iter().collect()))
                .collect();
            return (bin, bars);
        }
    }
    unreachable!("years always serve")
}

#[component]
pub fn Chart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let days = Memo::new(move |_| bars_of(&state.visible.get()));
    let undated = move || {
        state
            .visible
            .with(|v| v.iter().filter(|r| r.event.date.is_none()).count())
    };
    let narrowed = move || state.filters.with(|f| f.from.is_some() && f.to.is_some());
    let toggle_day = move |from: Date, to: Date| {
        state.filters.update(|f| {
            if f.from == Some(from) && f.to == Some(to) {
                f.from = None;
                f.to = None;
            } else {
                f.from = Some(from);
                f.to = Some(to);
            }
        })
    };

    // "Events per day", or per week, month or year when days are gathered.
    let heading = move || {
        let lang = state.lang.get();
        match (days.with(|d| d.0), lang) {
            (Bin::Day, _) => s().chart.to_string(),
            (Bin::Week, Lang::En) => "Events per week".into(),
            (Bin::Month, Lang::En) => "Events per month".into(),
            (Bin::Year, Lang::En) => "Events per year".into(),
            (Bin::Week, Lang::Ar) => "الأحداث في كل أسبوع".into(),
            (Bin::Month, Lang::Ar) => "الأحداث في كل شهر".into(),
            (Bin::Year, Lang::Ar) => "الأحداث في كل سنة".into(),
        }
    };
    let hint = move || {
        let lang = state.lang.get();
        match (days.with(|d| d.0), lang) {
            (Bin::Day, _) => s().chart_hint.to_string(),
            (_, Lang::En) => "Select a bar to show only its events.".into(),
            (_, Lang::Ar) => "اختر عموداً لعرض أحداثه فقط.".into(),
        }
    };
    let bars = move || {
        let (bin, days) = days.get();
        let lang = state.lang.get();
        let n = days.len().max(1) as f64;
        let max = days
            .iter()
            .map(|(_, _, c)| c.iter().map(|(_, k)| k).sum::<usize>())
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let slot = W / n;
        let bw = (slot * 0.7).min(48.0);
        let unit = (H - TOP - BOTTOM) / max;
        // Label every day when they fit, else every k-th.
        let every = ((n * 46.0 / W).ceil() as usize).max(1);
        days.into_iter()
            .enumerate()
            .map(|(i, (day, last, counts))| {
                let total: usize = counts.iter().map(|(_, k)| k).sum();
                // In Arabic the time axis runs right to left, like the text.
                let slot_i = if lang == crate::i18n::Lang::Ar { n as usize - 1 - i } else { i };
                let x = slot_i as f64 * slot + (slot - bw) / 2.0;
                let mut y = H - BOTTOM;
                // Each type's count, in words, for the button's name.
                let breakdown = counts
                    .iter()
                    .map(|(t, k)| format!("{} {}", lang.type_name(*t), lang.num(*k as u64)))
                    .collect::<Vec<_>>()
                    .join(if lang == crate::i18n::Lang::Ar { "، " } else { ", " });
                let rects = counts
                    .into_iter()
                    .map(|(t, k)| {
                        let h = k as f64 * unit;
                        y -= h;
                        // The type's shape on its segment where it fits, so
                        // that colour is not the only way to tell types apart.
                        let glyph = (h >= 14.0 && bw >= 14.0).then(|| {
                            view! {
                                <path
                                    d=shape(t)
                                    transform=format!("translate({:.1} {:.1}) scale(0.8)", x + bw / 2.0, y + h / 2.0)
                                    fill="#fff"
                                    stroke="#1a1a1a"
                                    stroke-width="1"
                                ></path>
                            }
                        });
                        view! {
                            <rect x=x y=y width=bw height=h fill=colour(t) stroke="#fff" stroke-width="0.5"></rect>
                            {glyph}
                        }
                    })
                    .collect_view();
                let label = format!(
                    "{}: {} {} — {}",
                    bin_name(lang, bin, day, last),
                    lang.num(total as u64),
                    lang.strings().events_n,
                    breakdown
                );
                let pressed = move || state.filters.with(|f| f.from == Some(day) && f.to == Some(last));
                let cx = x + bw / 2.0;
                let top = H - BOTTOM - total as f64 * unit;
                let show_label = i % every == 0;
                // The labels sit outside the button: its name is its aria-label,
                // and text inside would have to repeat in it word for word.
                view! {
                    <g
                        class="day"
                        role="button"
                        tabindex="0"
                        aria-label=label
                        aria-pressed=move || pressed().to_string()
                        on:click=move |_| toggle_day(day, last)
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                toggle_day(day, last);
                            }
                        }
                    >
                        <rect class="hit" x=x - (slot - bw) / 2.0 y="0" width=slot height=H fill="transparent"></rect>
                        {rects}
                    </g>
                    <g class="bar-labels" aria-hidden="true">
                        <text x=cx y=top - 3.0 text-anchor="middle" class="bar-n">{lang.num(total as u64)}</text>
                        {show_label.then(|| view! {
                            <text x=cx y=H - 6.0 text-anchor="middle" class="bar-label">{bin_label(lang, bin, day)}</text>
                        })}
                    </g>
                }
            })
            .collect_view()
    };

    view! {
        <section class="panel chart" aria-labelledby="chart-heading">
            <div class="chart-head">
                <h2 id="chart-heading">{heading}</h2>
                <Show when=narrowed>
                    <button
                        type="button"
                        on:click=move |_| state.filters.update(|f| { f.from = None; f.to = None; })
                    >
                        {move || if state.lang.get() == crate::i18n::Lang::Ar { "كل الأيام" } else { "All days" }}
                    </button>
                </Show>
            </div>
            <p class="hint">{hint}</p>
            <Show when=move || { undated() > 0 }>
                <p class="hint">
                    {move || {
                        let n = undated();
                        let lang = state.lang.get();
                        match lang {
                            crate::i18n::Lang::En => format!("{n} of the events shown have no date and are not in the chart."),
                            crate::i18n::Lang::Ar => format!("{} من الأحداث المعروضة بلا تاريخ فلا تظهر في الرسم.", lang.num(n as u64)),
                        }
                    }}
                </p>
            </Show>
            <Show
                when=move || days.with(|d| !d.1.is_empty())
                fallback=move || view! { <p class="empty">{move || s().timeline_empty}</p> }
            >
                <svg class="chart-svg" viewBox=format!("0 0 {W} {H}") role="group" aria-label=heading>
                    <line x1="0" x2=W y1=H - BOTTOM y2=H - BOTTOM stroke="#888" stroke-width="1"></line>
                    {bars}
                </svg>
            </Show>
        </section>
    }
}

/// A bar's full name: "Wed 22 Mar 2017", "Week of Sat 18 Mar 2017", "March 2017", "2017".
fn bin_name(lang: Lang, bin: Bin, from: Date, to: Date) -> String {
    match (bin, lang) {
        (Bin::Day, _) => lang.date_long(from),
        (Bin::Week, Lang::En) => format!("{} – {}", lang.date_long(from), lang.date_long(to)),
        (Bin::Week, Lang::Ar) => format!("من {} إلى {}", lang.date_long(from), lang.date_long(to)),
        (Bin::Month, _) => lang.month_year(from),
        (Bin::Year, _) => lang.num(from.year() as u64),
    }
}

/// A bar's label under the axis.
fn bin_label(lang: Lang, bin: Bin, from: Date) -> String {
    match bin {
        Bin::Day | Bin::Week => lang.date_short(from),
        Bin::Month => lang.month_year(from),
        Bin::Year => lang.num(from.year() as u64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_day_and_type() {
        use crate::state::corrections::tests::event;
        use crate::state::events::{merge, Report};
        let evs = [
            event(EventType::Clash, "حلب", Some("2017-03-22"), 0),
            event(EventType::Airstrike, "دوما", Some("2017-03-22"), 5),
            event(EventType::Airstrike, "حرستا", Some("2017-03-22"), 9),
            event(EventType::Arrest, "درعا", None, 12),
        ];
        let reps = evs
            .into_iter()
            .map(|e| Report {
                article_id: 1,
                key: crate::state::corrections::event_key(&e),
                event: e,
                corrected: false,
            })
            .collect();
        let d = per_day(&merge(reps, &[1]));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].1,
            vec![(EventType::Airstrike, 2), (EventType::Clash, 1)]
        );
    }

    #[test]
    fn many_days_are_gathered_into_weeks_months_or_years() {
        use crate::state::corrections::{event_key, tests::event};
        use crate::state::events::{merge, Report};
        let rep = |day: &str| {
            let e = event(EventType::Clash, "حلب", Some(day), 0);
            Report {
                article_id: 1,
                key: event_key(&e),
                event: e,
                corrected: false,
            }
        };
        let start: Date = "2016-01-01".parse().unwrap();
        // Table: (days with events, bin, bars)
        for (n, bin, bars) in [
            (90, Bin::Day, 90),
            (200, Bin::Week, 30),
            (700, Bin::Month, 23),
            (4000, Bin::Year, 11),
        ] {
            let reps = (0..n)
                .map(|i| rep(&start.add_days(i).unwrap().to_string()))
                .collect();
            let (b, out) = bars_of(&merge(reps, &[1]));
            assert_eq!((b, out.len()), (bin, bars), "{n} days");
            let total: usize = out
                .iter()
                .flat_map(|(_, _, c)| c.iter().map(|(_, k)| k))
                .sum();
            assert_eq!(total, n as usize, "every event is in a bar");
            assert!(out.iter().all(|(from, to, _)| from <= to));
        }
    }
}
