//! The JSON and GeoJSON exports are what serde_json wrote from the engine's
//! own serde shapes, byte for byte: checked on the sample articles and on
//! events that use every optional field.

use serde_json::json;
use waqai_engine::{
    extract, Actor, Count, DatePrecision, Event, EventType, GeoPrecision, Governorate, Options,
    Place, Side, Span, Status,
};
use waqai_export::{to_geojson, to_json, Article};

/// What `to_json` wrote when it used serde_json.
fn serde_to_json(articles: &[Article]) -> String {
    let list: Vec<serde_json::Value> = articles
        .iter()
        .map(|a| json!({"article": a.name, "published": a.published, "events": a.events}))
        .collect();
    serde_json::to_string_pretty(&list).unwrap()
}

/// Our GeoJSON as serde_json's `Value` writes it: the same layout, keys
/// sorted, numbers in its shortest form.
fn serde_to_geojson(ours: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(ours).unwrap();
    serde_json::to_string_pretty(&v).unwrap()
}

fn samples() -> Vec<(String, Vec<Event>, Option<waqai_engine::Date>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/samples");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 5);
    names
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let found = extract(&text, &Options::published("2017-03-22".parse().unwrap()));
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                found.events,
                found.published,
            )
        })
        .collect()
}

/// An event with every optional field set, and one with none.
fn full_and_bare() -> Vec<Event> {
    let place = Place {
        name: "حي \"الوعر\"\n".into(),
        normalized: "وعر".into(),
        name_en: Some("Al-Waer".into()),
        kind: Some("neighbourhood".into()),
        governorate: Some(Governorate {
            pcode: "SY04".into(),
            name_en: "Homs".into(),
            name_ar: "حمص".into(),
        }),
        lat: Some(34.74),
        lon: Some(-36.6651),
        precision: GeoPrecision::Near,
        gazetteer_id: Some("wof:123".into()),
    };
    let full = Event {
        kind: EventType::Shelling,
        places: vec![
            place.clone(),
            Place {
                lat: Some(36.0),
                lon: Some(0.0001),
                ..place
            },
        ],
        actor: Actor {
            side: Some(Side::Russia),
            name: Some("الطيران الروسي".into()),
        },
        killed: Some(Count::Exact(12)),
        wounded: Some(Count::Some),
        date: Some("2016-02-29".parse().unwrap()),
        precision: DatePrecision::Week,
        status: Status::Denied,
        source: Some("المرصد".into()),
        weapons: vec!["براميل".into(), "هاون\t".into()],
        evidence: vec![Span {
            start: 3,
            end: 9,
            start_utf16: 2,
            end_utf16: 5,
            text: "جملة\u{1}".into(),
        }],
    };
    let bare = Event {
        kind: EventType::Other,
        places: Vec::new(),
        actor: Actor::default(),
        killed: None,
        wounded: None,
        date: None,
        precision: DatePrecision::Unknown,
        status: Status::Reported,
        source: None,
        weapons: Vec::new(),
        evidence: Vec::new(),
    };
    vec![full, bare]
}

/// The samples' articles, then one with `extra`'s events.
fn articles<'a>(
    samples: &'a [(String, Vec<Event>, Option<waqai_engine::Date>)],
    extra: &'a [Event],
) -> Vec<Article<'a>> {
    let mut articles: Vec<Article> = samples
        .iter()
        .map(|(name, events, published)| Article {
            name,
            published: *published,
            events,
        })
        .collect();
    articles.push(Article {
        name: "كل الحقول",
        published: None,
        events: extra,
    });
    articles
}

#[test]
fn json_export_is_what_serde_json_wrote() {
    let samples = samples();
    let extra = full_and_bare();
    let articles = articles(&samples, &extra);
    assert!(articles.iter().map(|a| a.events.len()).sum::<usize>() > 30);
    assert_eq!(to_json(&articles), serde_to_json(&articles));
    assert_eq!(to_json(&[]), serde_to_json(&[]));
}

#[test]
fn an_extraction_is_what_serde_json_wrote() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/samples/004_1011cbe8db59e945.txt"
    ))
    .unwrap();
    let mut found = extract(&text, &Options::default());
    assert!(found.events.len() > 5);
    found.events.extend(full_and_bare());
    let theirs = serde_json::to_value(&found).unwrap();
    assert_eq!(
        waqai_export::extraction_value(&found).to_json(),
        serde_json::to_string(&theirs).unwrap()
    );
}

#[test]
fn geojson_export_is_what_serde_json_wrote() {
    let samples = samples();
    let extra = full_and_bare();
    let articles = articles(&samples, &extra);
    let ours = to_geojson(&articles);
    assert_eq!(ours, serde_to_geojson(&ours));
    assert!(
        ours.contains("\"coordinates\": [\n          36.665,\n          34.74\n        ]"),
        "{}",
        &ours[..600]
    );
    assert!(ours.contains("-36.6651"));
}
