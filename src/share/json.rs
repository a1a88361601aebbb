//! A link's [`Payload`] as JSON (version 1): the member names, what is left
//! out when empty, and how each member is read back.
//!
//! Names are short (the link is compressed, but shorter is still shorter).
//! The shapes may only ever GAIN optional members, so that every later page
//! reads a link made today; unknown members are ignored. This is the format
//! serde wrote before this module replaced it, byte for byte (the fixtures in
//! `tests/fixtures/json` are its output), so links made since the first
//! version still open.
//!
//! | member | of | holds |
//! |---|---|---|
//! | `k` `a` `c` `f` `s` `si` `pl` | link | kind (`full`, `events`), articles, corrections, filters, selected row id, selected row index, places |
//! | `i` `t` `o` `x` `p` `sm` `e` `sn` | article | id, title, outlet, text, published, sample file, events, evidence sentences |
//! | `t` `p` `s` `an` `k` `w` `d` `dp` `dn` `src` `wp` `ev` | event | type, places, side, actor, killed, wounded, date, date precision, denied, source, weapons, evidence |
//! | `n` `ne` `la` `lo` `g` `gp` `kd` | place | name, English name, latitude, longitude, governorate (P-code, English, Arabic), precision, kind |

use std::borrow::Cow;

use waqai_json::Value;

use super::payload::{Kind, Payload, SharedArticle, SharedEvent, SharedPlace};
use crate::state::json::{
    bool_or_false, count, count_value, list, object, opt, opt_string, opt_u32, owned_str,
    push_some, string, Bad, Members, Read,
};

/// The link's JSON text.
pub fn to_json(p: &Payload) -> String {
    let mut m: Members = vec![(
        "k".into(),
        match p.kind {
            Kind::Full => "full",
            Kind::EventsOnly => "events",
        }
        .into(),
    )];
    m.push((
        "a".into(),
        Value::Array(p.articles.iter().map(article_value).collect()),
    ));
    if !p.corrections.is_empty() {
        let c = p
            .corrections
            .iter()
            .map(|(k, v)| (Cow::Borrowed(k.as_str()), v.clone()));
        m.push(("c".into(), Value::Object(c.collect())));
    }
    push_str(&mut m, "f", &p.filters);
    push_some(&mut m, "s", p.selected.as_deref().map(Value::from));
    push_some(&mut m, "si", p.selected_index.map(Value::from));
    push_list(&mut m, "pl", p.places.iter().map(place_value).collect());
    Value::Object(m).to_json()
}

/// The payload in a link's JSON text.
pub fn from_json(text: &str) -> Result<Payload, String> {
    let v = waqai_json::parse(text).map_err(|e| e.to_string())?;
    payload(&v).map_err(|Bad| "not a share link's contents".to_string())
}

/// Pushes a string member unless it is empty.
fn push_str<'a>(m: &mut Members<'a>, key: &'a str, s: &'a str) {
    if !s.is_empty() {
        m.push((key.into(), s.into()));
    }
}

/// Pushes an array member unless it is empty.
fn push_list<'a>(m: &mut Members<'a>, key: &'a str, items: Vec<Value<'a>>) {
    if !items.is_empty() {
        m.push((key.into(), Value::Array(items)));
    }
}

fn numbers(items: &[u32]) -> Vec<Value<'static>> {
    items.iter().map(|&n| Value::from(n)).collect()
}

fn strings(items: &[String]) -> Vec<Value<'_>> {
    items.iter().map(|s| Value::from(s.as_str())).collect()
}

fn article_value(a: &SharedArticle) -> Value<'_> {
    let mut m: Members = vec![
        ("i".into(), a.id.into()),
        ("t".into(), a.title.as_str().into()),
    ];
    push_str(&mut m, "o", &a.outlet);
    push_str(&mut m, "x", &a.text);
    push_some(&mut m, "p", a.published.as_deref().map(Value::from));
    push_some(&mut m, "sm", a.sample.as_deref().map(Value::from));
    push_list(&mut m, "e", a.events.iter().map(event_value).collect());
    push_list(&mut m, "sn", strings(&a.sentences));
    Value::Object(m)
}

fn event_value(e: &SharedEvent) -> Value<'_> {
    let mut m: Members = vec![("t".into(), e.kind.as_str().into())];
    push_list(&mut m, "p", numbers(&e.places));
    push_some(&mut m, "s", e.side.as_deref().map(Value::from));
    push_some(&mut m, "an", e.actor.as_deref().map(Value::from));
    push_some(&mut m, "k", e.killed.map(count_value));
    push_some(&mut m, "w", e.wounded.map(count_value));
    push_some(&mut m, "d", e.date.as_deref().map(Value::from));
    push_str(&mut m, "dp", &e.precision);
    if e.denied {
        m.push(("dn".into(), true.into()));
    }
    push_some(&mut m, "src", e.source.as_deref().map(Value::from));
    push_list(&mut m, "wp", strings(&e.weapons));
    push_list(&mut m, "ev", numbers(&e.evidence));
    Value::Object(m)
}

fn place_value(p: &SharedPlace) -> Value<'_> {
    let mut m: Members = vec![("n".into(), p.name.as_str().into())];
    push_some(&mut m, "ne", p.name_en.as_deref().map(Value::from));
    push_some(&mut m, "la", p.lat.map(Value::decimal6));
    push_some(&mut m, "lo", p.lon.map(Value::decimal6));
    push_some(
        &mut m,
        "g",
        p.governorate.as_ref().map(|(code, en, ar)| {
            Value::Array(vec![
                code.as_str().into(),
                en.as_str().into(),
                ar.as_str().into(),
            ])
        }),
    );
    push_str(&mut m, "gp", &p.precision);
    push_some(&mut m, "kd", p.kind.as_deref().map(Value::from));
    Value::Object(m)
}

fn payload(v: &Value) -> Read<Payload> {
    object(v)?;
    let kind = match opt_string(v, "k")?.as_deref() {
        None | Some("full") => Kind::Full,
        Some("events") => Kind::EventsOnly,
        Some(_) => return Err(Bad),
    };
    let mut corrections = std::collections::BTreeMap::new();
    if let Some(c) = v.get("c") {
        for (key, value) in object(c)? {
            corrections.insert(key.to_string(), value.clone().into_owned());
        }
    }
    Ok(Payload {
        kind,
        articles: list(v, "a", article)?,
        corrections,
        filters: string(v, "f")?,
        selected: opt_string(v, "s")?,
        selected_index: opt_u32(v, "si")?,
        places: list(v, "pl", place)?,
    })
}

fn u32s(v: &Value, key: &str) -> Read<Vec<u32>> {
    list(v, key, |n| n.as_u32().ok_or(Bad))
}

fn string_list(v: &Value, key: &str) -> Read<Vec<String>> {
    list(v, key, owned_str)
}

fn article(v: &Value) -> Read<SharedArticle> {
    object(v)?;
    Ok(SharedArticle {
        id: opt_u32(v, "i")?.unwrap_or(0),
        title: string(v, "t")?,
        outlet: string(v, "o")?,
        text: string(v, "x")?,
        published: opt_string(v, "p")?,
        sample: opt_string(v, "sm")?,
        events: list(v, "e", event)?,
        sentences: string_list(v, "sn")?,
    })
}

fn event(v: &Value) -> Read<SharedEvent> {
    object(v)?;
    Ok(SharedEvent {
        kind: string(v, "t")?,
        places: u32s(v, "p")?,
        side: opt_string(v, "s")?,
        actor: opt_string(v, "an")?,
        killed: opt(v, "k", count)?,
        wounded: opt(v, "w", count)?,
        date: opt_string(v, "d")?,
        precision: string(v, "dp")?,
        denied: bool_or_false(v, "dn")?,
        source: opt_string(v, "src")?,
        weapons: string_list(v, "wp")?,
        evidence: u32s(v, "ev")?,
    })
}

/// A place; a coordinate is read to six decimals, and one too large to be
/// on Earth's scale (beyond ±9·10⁹) is dropped.
fn place(v: &Value) -> Read<SharedPlace> {
    object(v)?;
    let coordinate = |key| {
        opt(v, key, |n| match n {
            Value::Number(_) => Ok(n.as_decimal6()),
            _ => Err(Bad),
        })
    };
    let governorate = opt(v, "g", |g| match g.as_array() {
        Some([code, en, ar]) => Ok((owned_str(code)?, owned_str(en)?, owned_str(ar)?)),
        _ => Err(Bad),
    })?;
    Ok(SharedPlace {
        name: string(v, "n")?,
        name_en: opt_string(v, "ne")?,
        lat: coordinate("la")?.flatten(),
        lon: coordinate("lo")?.flatten(),
        governorate,
        precision: string(v, "gp")?,
        kind: opt_string(v, "kd")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Links written by serde (before this module, at 0b129ff): read, they
    /// hold what was shared; written again, they are the same bytes.
    #[test]
    fn links_made_by_earlier_pages_read_and_write_back_byte_for_byte() {
        for fixture in [
            include_str!("../../tests/fixtures/json/link-full.json"),
            include_str!("../../tests/fixtures/json/link-events.json"),
        ] {
            let p = from_json(fixture).unwrap();
            assert_eq!(p.articles.len(), 5);
            assert_eq!(to_json(&p), fixture);
        }
        let full = from_json(include_str!("../../tests/fixtures/json/link-full.json")).unwrap();
        assert_eq!(full.kind, Kind::Full);
        assert_eq!(full.corrections.len(), 3);
        assert_eq!(full.selected.as_deref(), Some("m:shelling|وعر|2017-03-22"));
        assert!(full.articles.iter().all(|a| a.text.len() > 1000));
        let events = from_json(include_str!("../../tests/fixtures/json/link-events.json")).unwrap();
        assert_eq!(events.kind, Kind::EventsOnly);
        assert!(events.selected_index.is_some());
        assert!(events
            .places
            .iter()
            .all(|p| p.lat.is_some_and(|la| (32.0..38.0).contains(&la))));
        assert!(events
            .articles
            .iter()
            .all(|a| a.text.is_empty() && !a.events.is_empty()));
    }

    #[test]
    fn members_of_the_wrong_kind_refuse_the_link() {
        for bad in [
            r#"{"k":"someday"}"#,
            r#"{"a":{}}"#,
            r#"{"a":[{"i":-1}]}"#,
            r#"{"a":[{"e":[{"k":"many"}]}]}"#,
            r#"{"pl":[{"la":"33.5"}]}"#,
            r#"{"pl":[{"g":["SY01","Damascus"]}]}"#,
            r#"{"c":[]}"#,
            "[1,2,3]",
            "{",
        ] {
            assert!(from_json(bad).is_err(), "{bad}");
        }
        let p = from_json(r#"{"pl":[{"la":36.40e27,"lo":null}],"zz":1}"#).unwrap();
        assert_eq!(p.kind, Kind::Full);
        assert_eq!((p.places[0].lat, p.places[0].lon), (None, None));
    }
}
