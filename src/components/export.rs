//! Export: the events the timeline shows (filters and corrections applied)
//! as CSV with ACLED's columns, the engine's JSON, or GeoJSON, written by
//! `waqai-export` (the same writers as the command line) and saved as a file.

use leptos::prelude::*;
use waqai_engine::Event;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::state::articles::Article;
use crate::state::events::TimelineEvent;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Csv,
    Json,
    GeoJson,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::GeoJson => "geojson",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json;charset=utf-8",
            Format::GeoJson => "application/geo+json;charset=utf-8",
        }
    }
}

/// The name an article is exported under: "outlet — title", or the title.
fn article_name(a: &Article) -> String {
    if a.outlet.is_empty() {
        a.title.clone()
    } else {
        format!("{} — {}", a.outlet, a.title)
    }
}

/// The file's text for the shown rows. CSV and GeoJSON have one record per
/// timeline row (and place), as the timeline shows it, named after every
/// article that reports it; JSON gives each article's own reports of the
/// shown rows, as the engine found them (corrections applied).
pub fn render(format: Format, rows: &[TimelineEvent], articles: &[Article]) -> String {
    let name = |id: u32| {
        articles
            .iter()
            .find(|a| a.id == id)
            .map(article_name)
            .unwrap_or_default()
    };
    let published = |id: u32| {
        articles
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.published)
    };
    match format {
        Format::Csv | Format::GeoJson => {
            let names: Vec<String> = rows
                .iter()
                .map(|r| {
                    r.article_ids()
                        .into_iter()
                        .map(name)
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect();
            let list: Vec<waqai_export::Article> = rows
                .iter()
                .zip(&names)
                .map(|(r, n)| waqai_export::Article {
                    name: n,
                    published: published(r.reports[0].article_id),
                    events: std::slice::from_ref(&*r.event),
                })
                .collect();
            if format == Format::Csv {
                waqai_export::to_csv(&list)
            } else {
                waqai_export::to_geojson(&list)
            }
        }
        Format::Json => {
            let per_article: Vec<(String, Option<waqai_engine::Date>, Vec<Event>)> = articles
                .iter()
                .map(|a| {
                    let events: Vec<Event> = rows
                        .iter()
                        .flat_map(|r| r.reports.iter())
                        .filter(|rep| rep.article_id == a.id)
                        .map(|rep| Event::clone(&rep.event))
                        .collect();
                    (article_name(a), a.published, events)
                })
                .filter(|(_, _, events)| !events.is_empty())
                .collect();
            let list: Vec<waqai_export::Article> = per_article
                .iter()
                .map(|(n, p, events)| waqai_export::Article {
                    name: n,
                    published: *p,
                    events,
                })
                .collect();
            waqai_export::to_json(&list)
        }
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let failed = RwSignal::new(false);
    let ar = move || state.lang.get() == Lang::Ar;
    let save = move |format: Format| {
        let text = state
            .visible
            .with_untracked(|rows| state.articles.with_untracked(|a| render(format, rows, a)));
        let name = format!(
            "waqai-events-{}.{}",
            crate::web::download::today(),
            format.extension()
        );
        failed.set(crate::web::download::download(&name, format.mime(), &text).is_err());
    };
    let button = move |format: Format, en: &'static str, arabic: &'static str| {
        view! {
            <button type="button" on:click=move |_| save(format)>
                {move || if ar() { arabic } else { en }}
            </button>
        }
    };
    view! {
        <section class="panel export no-print" aria-labelledby="export-heading">
            <h2 id="export-heading">{move || if ar() { "تصدير" } else { "Export" }}</h2>
            <p class="hint">
                {move || {
                    let n = state.lang.get().num(state.visible.with(|v| v.len()) as u64);
                    if ar() {
                        format!("الأحداث المعروضة ({n})، بعد التصفية والتصحيحات. CSV بأعمدة ACLED ويُفتح في جداول البيانات بالعربية سليمة.")
                    } else {
                        format!("The {n} events shown, filters and corrections applied. The CSV has ACLED's columns and opens in spreadsheets with the Arabic intact.")
                    }
                }}
            </p>
            <div class="export-buttons">
                {button(Format::Csv, "Export CSV", "تصدير CSV")}
                {button(Format::Json, "Export JSON", "تصدير JSON")}
                {button(Format::GeoJson, "Export GeoJSON", "تصدير GeoJSON")}
            </div>
            <Show when=move || failed.get()>
                <p class="notice error" role="alert">
                    {move || if ar() { "رفض المتصفح حفظ الملف." } else { "The browser refused to save the file." }}
                </p>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::corrections::tests::event;
    use crate::state::events::{merge, Report};
    use waqai_engine::EventType;

    #[test]
    fn exports_follow_the_rows() {
        let a = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 0);
        let b = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 7);
        let c = event(EventType::Arrest, "درعا", None, 9);
        let reps = [(1, a), (2, b), (2, c)]
            .into_iter()
            .map(|(id, e)| Report::plain(id, e))
            .collect();
        let rows = merge(reps, &[1, 2]);
        let art = |id: u32, outlet: &str| Article {
            id,
            title: format!("عنوان {id}"),
            outlet: outlet.into(),
            text: String::new(),
            published: None,
            sample: None,
        };
        let articles = [art(1, ""), art(2, "سانا")];
        let csv = render(Format::Csv, &rows, &articles);
        assert!(csv.starts_with("\u{feff}event_date,"));
        assert_eq!(csv.lines().count(), 3, "a header and one line per row");
        assert!(csv.contains("عنوان 1 | سانا — عنوان 2"));
        let json = render(Format::Json, &rows, &articles);
        let json = waqai_json::parse(&json).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 2);
        let events = json.as_array().unwrap()[1].get("events");
        assert_eq!(events.and_then(|e| e.as_array()).unwrap().len(), 2);
        let geo = render(Format::GeoJson, &rows, &articles);
        let geo = waqai_json::parse(&geo).unwrap();
        assert_eq!(
            geo.get("type").and_then(|t| t.as_str()),
            Some("FeatureCollection")
        );
        let features = geo.get("features").and_then(|f| f.as_array());
        assert_eq!(features.unwrap().len(), 2);
        // Only the rows given (the filtered set) are exported.
        let csv = render(Format::Csv, &rows[..1], &articles);
        assert_eq!(csv.lines().count(), 2);
    }
}
