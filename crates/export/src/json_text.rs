//! The engine's events as JSON values, as serde_json wrote them (keys sorted,
//! as its `Value` holds them): our own writer keeps serde_json's per-type
//! code out of the page. A test compares the two on every sample article.

use waqai_engine::{Actor, DatePrecision, Event, GeoPrecision, Governorate, Place, Span, Status};
use waqai_json::Value;

/// A JSON object from `(key, value)` pairs, keys sorted.
pub(crate) fn object<'a>(members: Vec<(&'a str, Value<'a>)>) -> Value<'a> {
    let mut v = Value::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect());
    v.sort_keys();
    v
}

/// Appends `(key, value)` unless `value` is `None` (serde's `skip_serializing_if`).
fn push_some<'a>(members: &mut Vec<(&'a str, Value<'a>)>, key: &'a str, value: Option<Value<'a>>) {
    if let Some(value) = value {
        members.push((key, value));
    }
}

pub(crate) fn event(e: &Event) -> Value<'_> {
    let mut m = vec![
        ("type", e.kind.id().into()),
        ("places", Value::Array(e.places.iter().map(place).collect())),
        ("actor", actor(&e.actor)),
        ("killed", e.killed.map(crate::count_value).into()),
        ("wounded", e.wounded.map(crate::count_value).into()),
        ("date", e.date.map(crate::date_value).into()),
        ("precision", date_precision(e.precision).into()),
        (
            "status",
            match e.status {
                Status::Reported => "reported",
                Status::Denied => "denied",
            }
            .into(),
        ),
    ];
    push_some(&mut m, "source", e.source.as_deref().map(Value::from));
    if !e.weapons.is_empty() {
        m.push((
            "weapons",
            Value::Array(e.weapons.iter().map(|w| w.as_str().into()).collect()),
        ));
    }
    m.push((
        "evidence",
        Value::Array(e.evidence.iter().map(span).collect()),
    ));
    object(m)
}

fn date_precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Unknown => "unknown",
    }
}

fn actor(a: &Actor) -> Value<'_> {
    let mut m = vec![("side", a.side.map(|s| s.id()).into())];
    push_some(&mut m, "name", a.name.as_deref().map(Value::from));
    object(m)
}

fn place(p: &Place) -> Value<'_> {
    let mut m = vec![
        ("name", p.name.as_str().into()),
        ("normalized", p.normalized.as_str().into()),
    ];
    push_some(&mut m, "name_en", p.name_en.as_deref().map(Value::from));
    push_some(&mut m, "kind", p.kind.as_deref().map(Value::from));
    push_some(
        &mut m,
        "governorate",
        p.governorate.as_ref().map(governorate),
    );
    push_some(&mut m, "lat", p.lat.map(Value::decimal6));
    push_some(&mut m, "lon", p.lon.map(Value::decimal6));
    let precision = match p.precision {
        GeoPrecision::Exact => "exact",
        GeoPrecision::Near => "near",
        GeoPrecision::Region => "region",
        GeoPrecision::Unknown => "unknown",
    };
    m.push(("precision", precision.into()));
    push_some(
        &mut m,
        "gazetteer_id",
        p.gazetteer_id.as_deref().map(Value::from),
    );
    object(m)
}

fn governorate(g: &Governorate) -> Value<'_> {
    object(vec![
        ("pcode", (&*g.pcode).into()),
        ("name_en", (&*g.name_en).into()),
        ("name_ar", (&*g.name_ar).into()),
    ])
}

fn span(s: &Span) -> Value<'_> {
    object(vec![
        ("start", s.start.into()),
        ("end", s.end.into()),
        ("start_utf16", s.start_utf16.into()),
        ("end_utf16", s.end_utf16.into()),
        ("text", (&*s.text).into()),
    ])
}
