//! Events per day, stacked by type, as SVG bars. Selecting a day narrows
//! the filters' date range to it; selecting it again widens it back.

use leptos::prelude::*;
use waqai_engine::{Date, EventType};

use crate::app::AppState;
use crate::components::svg_num::{push_tenths, tenths};
use crate::components::types::{colour, shape_at};
use crate::i18n::Lang;
use crate::state::events::TimelineEvent;

const W: f64 = 600.0;
const H: f64 = 150.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 22.0;

/// Per day, the number of events of each type (in legend order).
pub fn per_day(rows: &[TimelineEvent]) -> Vec<(Date, Vec<(EventType, usize)>)> {
    let dated = || {
        rows.iter()
            .filter_map(|r| r.facts.date.map(|d| (d, r.facts.kind)))
    };
    // The page's rows come in day order (see `merge`): each day's rows are
    // side by side already, counted in one pass without sorting.
    if dated().zip(dated().skip(1)).all(|(a, b)| a.0 <= b.0) {
        return by_day_in_order(dated());
    }
    let mut pairs: Vec<(Date, EventType)> = dated().collect();
    pairs.sort_unstable_by_key(|p| p.0);
    by_day_in_order(pairs.into_iter())
}

/// [`per_day`] of (day, type) pairs whose days come in order.
fn by_day_in_order(
    pairs: impl Iterator<Item = (Date, EventType)>,
) -> Vec<(Date, Vec<(EventType, usize)>)> {
    let mut out = Vec::new();
    let mut day: Option<(Date, [usize; EventType::ALL.len()])> = None;
    let finish = |(d, n): (Date, [usize; EventType::ALL.len()])| {
        let counts = EventType::ALL
            .into_iter()
            .filter(|&t| n[t as usize] > 0)
            .map(|t| (t, n[t as usize]))
            .collect();
        (d, counts)
    };
    for (d, t) in pairs {
        match &mut day {
            Some((current, n)) if *current == d => n[t as usize] += 1,
            _ => {
                out.extend(day.take().map(finish));
                let mut n = [0; EventType::ALL.len()];
                n[t as usize] = 1;
                day = Some((d, n));
            }
        }
    }
    out.extend(day.map(finish));
    out
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
        // Counts per type by position in `EventType::ALL` (their order).
        let mut out: Vec<(Date, Date, [usize; EventType::ALL.len()])> = Vec::new();
        for (d, counts) in &days {
            let (from, to) = bin.span(*d);
            if out.last().is_none_or(|b| b.0 != from) {
                out.push((from, to, [0; EventType::ALL.len()]));
            }
            if let Some(b) = out.last_mut() {
                for &(t, k) in counts {
                    b.2[t as usize] += k;
                }
            }
        }
        if out.len() <= MAX_BARS || bin == Bin::Year {
            let bars = out
                .into_iter()
                .map(|(from, to, n)| {
                    let counts = EventType::ALL.into_iter().zip(n).filter(|&(_, k)| k > 0);
                    (from, to, counts.collect())
                })
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
            .with(|v| v.iter().filter(|r| r.facts.date.is_none()).count())
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
    let layout = Memo::new(move |_| {
        let lang = state.lang.get();
        days.with(|(bin, bars)| layout(lang, *bin, bars))
    });
    // What a filter change alters in a bar that stays (its name, height
    // and number) is updated in place: bars are keyed by where they stand,
    // and each follows its own memo (a bar that did not change touches
    // nothing, and the layout is not followed by every bar's attributes).
    let bar_now = move |from: Date, to: Date| {
        Memo::new(move |_| {
            layout.with(|l| {
                l.bars
                    .iter()
                    .find(|b| b.from == from && b.to == to)
                    .map(|b| (b.label.clone(), tenths(b.top - 3.0), b.total.clone()))
                    .unwrap_or_default()
            })
        })
    };
    // One button per bar (its hit area and labels), then the segments of
    // every bar drawn as one path per event type: a filter change rewrites a
    // few paths instead of thousands of rectangles' attributes.
    let buttons = move || {
        view! {
            <For
                each=move || layout.with(|l| l.bars.clone())
                key=|b| b.key.clone()
                children=move |b| {
                    let (from, to) = (b.from, b.to);
                    let bar = bar_now(from, to);
                    let pressed = move || state.filters.with(|f| f.from == Some(from) && f.to == Some(to));
                    view! {
                        <g
                            class="day"
                            role="button"
                            tabindex="0"
                            aria-label=move || bar.with(|b| b.0.clone())
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| toggle_day(from, to)
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    toggle_day(from, to);
                                }
                            }
                        >
                            <rect class="hit" x=tenths(b.x) y="0" width=tenths(b.slot) height=tenths(H)></rect>
                        </g>
                    }
                }
            />
        }
    };
    let segments = move || {
        view! {
            <For
                each=move || layout.with(|l| l.segments.clone())
                key=|s| s.clone()
                children=move |s| {
                    view! {
                        <path class="seg" d=s.rects fill=colour(s.kind)></path>
                        <path class="glyph" d=s.glyphs></path>
                    }
                }
            />
        }
    };
    // The labels sit outside the buttons: a button's name is its aria-label,
    // and text inside would have to repeat in it word for word.
    let labels = move || {
        view! {
            <For
                each=move || layout.with(|l| l.bars.clone())
                key=|b| b.key.clone()
                children=move |b| {
                    let bar = bar_now(b.from, b.to);
                    view! {
                        <text x=tenths(b.cx) y=move || bar.with(|b| b.1.clone()) class="bar-n">
                            {move || bar.with(|b| b.2.clone())}
                        </text>
                        {b.axis.map(|a| view! { <text x=tenths(b.cx) y=tenths(H - 6.0) class="bar-label">{a}</text> })}
                    }
                }
            />
        }
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
                <svg class="chart-svg" viewBox=format!("0 0 {} {}", tenths(W), tenths(H)) role="group" aria-label=heading>
                    <line x1="0" x2=tenths(W) y1=tenths(H - BOTTOM) y2=tenths(H - BOTTOM) stroke="#888" stroke-width="1"></line>
                    {buttons}
                    <g class="segments" aria-hidden="true">{segments}</g>
                    <g class="bar-labels" aria-hidden="true">{labels}</g>
                </svg>
            </Show>
        </section>
    }
}

/// One bar's button: its slot, its name and the labels drawn with it.
#[derive(Debug, Clone, PartialEq)]
pub struct BarBox {
    /// Where the bar stands (its days, slot and axis label) in one string:
    /// its identity in a keyed list. Its name, height and number are not
    /// part of it, so that a filter change updates them in place.
    pub key: String,
    pub from: Date,
    pub to: Date,
    /// Left edge and width of the bar's slot (its hit area).
    pub x: f64,
    pub slot: f64,
    /// Centre of the bar and top of its stack.
    pub cx: f64,
    pub top: f64,
    /// The button's name: "Wed 22 Mar 2017: 5 events — Airstrike 3, Clash 2".
    pub label: String,
    /// The number over the bar, and the date under the axis (every k-th bar).
    pub total: String,
    pub axis: Option<String>,
}

/// Every bar's segments of one event type, as one path; and that type's glyph
/// on each segment tall enough to hold it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segments {
    pub kind: EventType,
    pub rects: String,
    pub glyphs: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub bars: Vec<BarBox>,
    pub segments: Vec<Segments>,
}

/// Where everything of the chart goes.
pub fn layout(lang: Lang, bin: Bin, days: &[Bar]) -> Layout {
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
    // Arabic month names ("كانون الثاني") take about twice the room of "Jan".
    let label_room = if lang == Lang::Ar { 90.0 } else { 46.0 };
    let every = ((n * label_room / W).ceil() as usize).max(1);
    let mut out = Layout::default();
    // Per type (by position in `EventType::ALL`): its segments' and glyphs' paths.
    let mut paths: [(String, String); EventType::ALL.len()] = Default::default();
    for (i, (day, last, counts)) in days.iter().enumerate() {
        let total: usize = counts.iter().map(|(_, k)| k).sum();
        // In Arabic the time axis runs right to left, like the text.
        let slot_i = if lang == Lang::Ar {
            days.len() - 1 - i
        } else {
            i
        };
        let x = slot_i as f64 * slot + (slot - bw) / 2.0;
        let mut y = H - BOTTOM;
        for &(t, k) in counts {
            let h = k as f64 * unit;
            y -= h;
            let (rects, glyphs) = &mut paths[t as usize];
            for (c, v) in [('M', x), (' ', y), ('h', bw), ('v', h), ('h', -bw)] {
                rects.push(c);
                push_tenths(rects, v);
            }
            rects.push('z');
            // The type's shape on its segment where it fits, so that colour
            // is not the only way to tell types apart.
            if h >= 14.0 && bw >= 14.0 {
                glyphs.push_str(&shape_at(t, x + bw / 2.0, y + h / 2.0, 0.8));
            }
        }
        // Each type's count, in words, for the button's name.
        let breakdown = counts
            .iter()
            .map(|(t, k)| format!("{} {}", lang.type_name(*t), lang.num(*k as u64)))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Ar { "، " } else { ", " });
        let label = format!(
            "{}: {} — {}",
            bin_name(lang, bin, *day, *last),
            lang.events_count(total as u64),
            breakdown
        );
        let axis = (i % every == 0).then(|| bin_label(lang, bin, *day));
        let (left, cx, top) = (
            x - (slot - bw) / 2.0,
            x + bw / 2.0,
            H - BOTTOM - total as f64 * unit,
        );
        out.bars.push(BarBox {
            key: format!("{day}|{last}|{}|{}|{axis:?}", tenths(left), tenths(slot)),
            from: *day,
            to: *last,
            x: left,
            slot,
            cx,
            top,
            total: number_if_it_fits(lang.num(total as u64), slot),
            label,
            axis,
        });
    }
    out.segments = EventType::ALL
        .into_iter()
        .zip(paths)
        .filter(|(_, (rects, _))| !rects.is_empty())
        .map(|(kind, (rects, glyphs))| Segments {
            kind,
            rects,
            glyphs,
        })
        .collect();
    out
}

/// The number over a bar, or nothing where it would run into its
/// neighbours' (many narrow bars): the bar's name still says it.
fn number_if_it_fits(n: String, slot: f64) -> String {
    // A digit of the 13 px label is about 7.5 px wide, in either script.
    if n.chars().count() as f64 * 7.5 + 2.0 <= slot {
        n
    } else {
        String::new()
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
        let reps = evs.into_iter().map(|e| Report::plain(1, e)).collect();
        let d = per_day(&merge(reps, &[1]));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].1,
            vec![(EventType::Airstrike, 2), (EventType::Clash, 1)]
        );
    }

    /// Rows in day order are counted in one pass; rows in any other order
    /// give the same days and counts.
    #[test]
    fn per_day_in_any_order() {
        use crate::state::corrections::tests::event;
        use crate::state::events::{merge, Report};
        let days = [
            "2017-03-22",
            "2016-01-05",
            "2017-03-22",
            "2016-01-05",
            "2018-07-01",
        ];
        let kinds = [EventType::Clash, EventType::Airstrike, EventType::Shelling];
        let reps = (0..30)
            .map(|i| {
                let e = event(kinds[i % 3], &format!("مكان{i}"), Some(days[i % 5]), 0);
                Report::plain(1, e)
            })
            .collect();
        let rows = merge(reps, &[1]);
        let sorted = per_day(&rows);
        let dates: Vec<String> = sorted.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(dates, ["2016-01-05", "2017-03-22", "2018-07-01"]);
        assert_eq!(
            sorted
                .iter()
                .map(|(_, c)| c.iter().map(|x| x.1).sum::<usize>())
                .sum::<usize>(),
            30
        );
        let mut shuffled = rows.clone();
        shuffled.reverse();
        shuffled.rotate_left(7);
        assert_eq!(per_day(&shuffled), sorted);
        // Within a day, types in legend order.
        for (_, counts) in &sorted {
            let order: Vec<usize> = counts
                .iter()
                .map(|(t, _)| EventType::ALL.iter().position(|x| x == t).unwrap())
                .collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{counts:?}");
        }
    }

    #[test]
    fn layout_draws_one_path_per_type_and_one_button_per_bar() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let bars: Vec<Bar> = vec![
            (
                d("2017-03-21"),
                d("2017-03-21"),
                vec![(EventType::Airstrike, 4)],
            ),
            (
                d("2017-03-22"),
                d("2017-03-22"),
                vec![(EventType::Airstrike, 1), (EventType::Clash, 2)],
            ),
        ];
        let en = layout(Lang::En, Bin::Day, &bars);
        assert_eq!(en.bars.len(), 2);
        let kinds: Vec<_> = en.segments.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [EventType::Airstrike, EventType::Clash]);
        // Two airstrike segments (one per bar), one clash segment.
        assert_eq!(en.segments[0].rects.matches('M').count(), 2);
        assert_eq!(en.segments[1].rects.matches('M').count(), 1);
        // The tallest bar reaches the top margin and carries glyphs.
        assert!((en.bars[0].top - TOP).abs() < 1e-9);
        assert!(!en.segments[0].glyphs.is_empty());
        assert_eq!(en.bars[1].total, "3");
        assert!(
            en.bars[1].label.starts_with("Wed 22 Mar 2017: 3 "),
            "{}",
            en.bars[1].label
        );
        assert!(en.bars[0].x < en.bars[1].x);
        // Arabic: time runs right to left.
        let ar = layout(Lang::Ar, Bin::Day, &bars);
        assert!(ar.bars[0].x > ar.bars[1].x);
        assert_eq!(layout(Lang::En, Bin::Day, &[]), Layout::default());
    }

    #[test]
    fn numbers_over_narrow_bars_are_left_to_the_bars_names() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let bars = |n: i64, each: usize| -> Vec<Bar> {
            (0..n)
                .map(|i| {
                    let day = d("2017-01-01").add_days(i).unwrap();
                    (day, day, vec![(EventType::Clash, each)])
                })
                .collect()
        };
        // Table: (bars, events in each, whether the numbers are drawn)
        for (n, each, drawn) in [
            (2, 150, true),
            (20, 150, true),
            (60, 150, false),
            (60, 7, true),
        ] {
            let l = layout(Lang::En, Bin::Day, &bars(n, each));
            for b in &l.bars {
                assert_eq!(!b.total.is_empty(), drawn, "{n} bars of {each}");
                assert!(b.label.contains(&format!(": {each} events")), "{}", b.label);
            }
        }
    }

    #[test]
    fn many_days_are_gathered_into_weeks_months_or_years() {
        use crate::state::corrections::tests::event;
        use crate::state::events::{merge, Report};
        let rep = |day: &str| {
            let e = event(EventType::Clash, "حلب", Some(day), 0);
            Report::plain(1, e)
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
