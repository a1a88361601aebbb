//! Writers for waqai's events: CSV with ACLED's column names, the engine's
//! JSON, and GeoJSON. The command-line tool and the page use the same writers,
//! so a file exported from either opens the same way.
//!
//! ```
//! use waqai_engine::{extract, Options};
//! use waqai_export::{to_csv, to_geojson, Article};
//!
//! let text = "قصفت قوات النظام حي الوعر في حمص بقذائف الهاون، مما أدى إلى مقتل ثلاثة مدنيين.";
//! let found = extract(text, &Options::published("2017-03-22".parse().unwrap()));
//! let articles = [Article { name: "report.txt", published: found.published, events: &found.events }];
//! let csv = to_csv(&articles);
//! assert!(csv.starts_with('\u{feff}'));
//! assert!(csv.contains("Shelling/artillery/missile attack"));
//! assert!(csv.contains("الوعر"));
//! let text = to_geojson(&articles);
//! let geojson = waqai_json::parse(&text).unwrap();
//! let features = geojson.get("features").and_then(|f| f.as_array()).unwrap();
//! let geometry = features[0].get("geometry").unwrap();
//! assert_eq!(geometry.get("type").and_then(|t| t.as_str()), Some("Point"));
//! ```

mod acled;
mod csv_text;
mod decimal;
mod json_text;

use waqai_engine::{Count, Date, Event, Extraction};
use waqai_json::Value;

pub use acled::{AcledRow, ACLED_COLUMNS, OWN_COLUMNS};

/// The events of one article, with the name shown for it (a title or a path).
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub name: &'a str,
    pub published: Option<Date>,
    pub events: &'a [Event],
}

/// A count as text: the number, "some", or empty.
pub(crate) fn count_text(c: Option<Count>) -> String {
    match c {
        None => String::new(),
        Some(Count::Exact(n)) => n.to_string(),
        Some(Count::Some) => "some".into(),
    }
}

/// A count as the engine's JSON has it: the number or `"some"`.
pub fn count_value(c: Count) -> Value<'static> {
    match c {
        Count::Exact(n) => Value::from(n),
        Count::Some => Value::from("some"),
    }
}

/// A day as the engine's JSON has it: `"YYYY-MM-DD"`.
pub fn date_value(d: Date) -> Value<'static> {
    Value::from(d.to_string())
}

/// CSV with a byte-order mark (so spreadsheets read it as UTF-8 and keep the
/// Arabic), ACLED's columns first, then waqai's own. One row per event and place.
pub fn to_csv(articles: &[Article]) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = ACLED_COLUMNS
        .iter()
        .chain(OWN_COLUMNS.iter())
        .copied()
        .collect();
    csv_text::push_record(&mut out, &header);
    for article in articles {
        for event in article.events {
            for row in acled::rows(article, event) {
                csv_text::push_record(&mut out, &row.fields());
            }
        }
    }
    out
}

/// The engine's output per article: `[{"article", "published", "events"}]`,
/// indented, keys sorted.
pub fn to_json(articles: &[Article]) -> String {
    let list = articles.iter().map(|a| {
        json_text::object(vec![
            ("article", a.name.into()),
            ("published", a.published.map(date_value).into()),
            (
                "events",
                Value::Array(a.events.iter().map(json_text::event).collect()),
            ),
        ])
    });
    Value::Array(list.collect()).to_json_pretty()
}

/// One article's extraction as a JSON value: `{"events", "published",
/// "published_from"}`, the shape the engine's serde form has (keys sorted).
pub fn extraction_value(x: &Extraction) -> Value<'_> {
    json_text::object(vec![
        ("published", x.published.map(date_value).into()),
        ("published_from", x.published_from.as_str().into()),
        (
            "events",
            Value::Array(x.events.iter().map(json_text::event).collect()),
        ),
    ])
}

/// A GeoJSON FeatureCollection with a point for each located event and place.
pub fn to_geojson(articles: &[Article]) -> String {
    let mut features = Vec::new();
    for article in articles {
        for event in article.events {
            for row in acled::rows(article, event) {
                let (Some(lat), Some(lon)) = (row.place.lat, row.place.lon) else {
                    continue;
                };
                let properties = row.named_fields().map(|(name, value)| (name, value.into()));
                let geometry = json_text::object(vec![
                    ("type", "Point".into()),
                    (
                        "coordinates",
                        Value::Array(vec![Value::decimal6(lon), Value::decimal6(lat)]),
                    ),
                ]);
                features.push(json_text::object(vec![
                    ("type", "Feature".into()),
                    ("geometry", geometry),
                    ("properties", json_text::object(properties.collect())),
                ]));
            }
        }
    }
    json_text::object(vec![
        ("type", "FeatureCollection".into()),
        ("features", Value::Array(features)),
    ])
    .to_json_pretty()
}
