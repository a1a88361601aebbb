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
//! let geojson: serde_json::Value = serde_json::from_str(&to_geojson(&articles)).unwrap();
//! assert_eq!(geojson["features"][0]["geometry"]["type"], "Point");
//! ```

mod acled;
mod csv_text;
mod decimal;

use serde_json::{json, Value};
use waqai_engine::{Count, Date, Event};

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

/// The engine's output per article: `[{"article", "published", "events"}]`.
pub fn to_json(articles: &[Article]) -> String {
    let list: Vec<Value> = articles
        .iter()
        .map(|a| json!({"article": a.name, "published": a.published, "events": a.events}))
        .collect();
    serde_json::to_string_pretty(&list).expect("events serialise")
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
                let mut properties = serde_json::Map::new();
                for (name, value) in row.named_fields() {
                    properties.insert(name.to_string(), Value::from(value));
                }
                features.push(json!({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": properties,
                }));
            }
        }
    }
    serde_json::to_string_pretty(&json!({"type": "FeatureCollection", "features": features}))
        .expect("features serialise")
}
