//! The page's state as JSON: articles, corrections, filters and the
//! interface language, in the shapes the browser save holds them (share links
//! hold corrections the same way, keys sorted).
//!
//! The shapes are those serde wrote before this module replaced it (the
//! fixtures in `tests/fixtures/json` are its output), so every save and link
//! made since the first version still reads. A shape is read by walking a
//! [`Value`]: a member of the wrong kind refuses the whole save, as serde
//! did; a member that is absent takes its default.

use std::borrow::Cow;

use waqai_engine::{Count, Date, EventType, Side};
pub use waqai_export::{count_value, date_value};
use waqai_json::Value;

use super::articles::Article;
use super::corrections::{Correction, Corrections, EventEdit, Set};
use super::filters::Filters;
use crate::i18n::Lang;

/// A value that is not of the expected shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bad;

pub type Read<T> = Result<T, Bad>;

/// An object's members: `(key, value)`.
pub type Members<'a> = Vec<(Cow<'a, str>, Value<'a>)>;

// ---- Reading members (absent and, for options, null take the default) ----

pub fn object<'v, 'a>(v: &'v Value<'a>) -> Read<&'v [(Cow<'a, str>, Value<'a>)]> {
    v.as_object().ok_or(Bad)
}

/// A string value, copied.
pub fn owned_str(v: &Value) -> Read<String> {
    v.as_str().map(str::to_string).ok_or(Bad)
}

/// A required string.
pub fn req_string(obj: &Value, key: &str) -> Read<String> {
    obj.get(key).ok_or(Bad).and_then(owned_str)
}

/// A string, empty when absent.
pub fn string(obj: &Value, key: &str) -> Read<String> {
    obj.get(key).map_or(Ok(String::new()), owned_str)
}

/// A string, `None` when absent or null.
pub fn opt_string(obj: &Value, key: &str) -> Read<Option<String>> {
    opt(obj, key, owned_str)
}

pub fn req_u32(obj: &Value, key: &str) -> Read<u32> {
    obj.get(key).and_then(Value::as_u32).ok_or(Bad)
}

/// A whole number, 0 when absent.
pub fn u32_or_zero(obj: &Value, key: &str) -> Read<u32> {
    obj.get(key).map_or(Ok(0), |v| v.as_u32().ok_or(Bad))
}

pub fn opt_u32(obj: &Value, key: &str) -> Read<Option<u32>> {
    opt(obj, key, |v| v.as_u32().ok_or(Bad))
}

/// A boolean, false when absent.
pub fn bool_or_false(obj: &Value, key: &str) -> Read<bool> {
    obj.get(key).map_or(Ok(false), |v| v.as_bool().ok_or(Bad))
}

/// `read` of the member, `None` when absent or null.
pub fn opt<T>(obj: &Value, key: &str, read: impl Fn(&Value) -> Read<T>) -> Read<Option<T>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => read(v).map(Some),
    }
}

/// `read` of each item of an array member, empty when absent.
pub fn list<T>(obj: &Value, key: &str, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    match obj.get(key) {
        None => Ok(Vec::new()),
        Some(v) => v.as_array().ok_or(Bad)?.iter().map(read).collect(),
    }
}

pub fn date(v: &Value) -> Read<Date> {
    v.as_str().and_then(|s| s.parse().ok()).ok_or(Bad)
}

/// A count: a whole number or `"some"`.
pub fn count(v: &Value) -> Read<Count> {
    match v {
        Value::String(s) if s == "some" => Ok(Count::Some),
        _ => v.as_u32().map(Count::Exact).ok_or(Bad),
    }
}

// ---- Writing (counts and days: `waqai_export::{count_value, date_value}`) ----

/// Pushes `key: value` unless `value` is `None` (serde's `skip_serializing_if`).
pub fn push_some<'a>(members: &mut Members<'a>, key: &'a str, value: Option<Value<'a>>) {
    if let Some(value) = value {
        members.push((Cow::Borrowed(key), value));
    }
}

// ---- Articles ----

pub fn article_value(a: &Article) -> Value<'_> {
    let mut m: Members = vec![
        ("id".into(), a.id.into()),
        ("title".into(), a.title.as_str().into()),
        ("outlet".into(), a.outlet.as_str().into()),
        ("text".into(), a.text.as_str().into()),
        ("published".into(), a.published.map(date_value).into()),
    ];
    push_some(&mut m, "sample", a.sample.as_deref().map(Value::from));
    Value::Object(m)
}

pub fn article(v: &Value) -> Read<Article> {
    object(v)?;
    Ok(Article {
        id: req_u32(v, "id")?,
        title: req_string(v, "title")?,
        outlet: string(v, "outlet")?,
        text: req_string(v, "text")?,
        published: opt(v, "published", date)?,
        sample: opt_string(v, "sample")?,
    })
}

// ---- Corrections ----

/// `{"action": "delete"}` or `{"action": "edit", …the changed fields}`.
pub fn correction_value(c: &Correction) -> Value<'static> {
    fn set(to: Option<Value<'static>>) -> Option<Value<'static>> {
        Some(Value::Object(vec![("to".into(), to.into())]))
    }
    let mut m: Members<'static> = Vec::new();
    match c {
        Correction::Delete => m.push(("action".into(), "delete".into())),
        Correction::Edit(e) => {
            m.push(("action".into(), "edit".into()));
            push_some(&mut m, "type", e.kind.map(|t| t.id().into()));
            push_some(&mut m, "place", e.place.clone().map(Value::from));
            push_some(
                &mut m,
                "date",
                e.date.as_ref().and_then(|s| set(s.to.map(date_value))),
            );
            push_some(
                &mut m,
                "side",
                e.side
                    .as_ref()
                    .and_then(|s| set(s.to.map(|s| s.id().into()))),
            );
            push_some(
                &mut m,
                "killed",
                e.killed.as_ref().and_then(|s| set(s.to.map(count_value))),
            );
            push_some(
                &mut m,
                "wounded",
                e.wounded.as_ref().and_then(|s| set(s.to.map(count_value))),
            );
        }
    }
    Value::Object(m)
}

pub fn correction(v: &Value) -> Read<Correction> {
    fn set<T>(v: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Set<T>> {
        object(v)?;
        Ok(Set {
            to: opt(v, "to", read)?,
        })
    }
    let side = |v: &Value| v.as_str().and_then(Side::from_id).ok_or(Bad);
    match req_string(v, "action")?.as_str() {
        "delete" => Ok(Correction::Delete),
        "edit" => Ok(Correction::Edit(EventEdit {
            kind: opt(v, "type", |t| {
                t.as_str().and_then(EventType::from_id).ok_or(Bad)
            })?,
            place: opt_string(v, "place")?,
            date: opt(v, "date", |s| set(s, date))?,
            side: opt(v, "side", |s| set(s, side))?,
            killed: opt(v, "killed", |s| set(s, count))?,
            wounded: opt(v, "wounded", |s| set(s, count))?,
        })),
        _ => Err(Bad),
    }
}

pub fn corrections_value(c: &Corrections) -> Value<'_> {
    Value::Object(
        c.iter()
            .map(|(k, c)| (Cow::Borrowed(k.as_str()), correction_value(c)))
            .collect(),
    )
}

pub fn corrections(v: &Value) -> Read<Corrections> {
    let mut out = Corrections::new();
    for (key, c) in object(v)? {
        out.insert(key.to_string(), correction(c)?);
    }
    Ok(out)
}

// ---- Filters ----

pub fn filters_value(f: &Filters) -> Value<'_> {
    Value::Object(vec![
        (
            "hidden_types".into(),
            Value::Array(f.hidden_types.iter().map(|t| t.id().into()).collect()),
        ),
        (
            "hidden_sides".into(),
            Value::Array(f.hidden_sides.iter().map(|s| s.as_str().into()).collect()),
        ),
        ("governorate".into(), f.governorate.as_deref().into()),
        ("place".into(), f.place.as_str().into()),
        ("from".into(), f.from.map(date_value).into()),
        ("to".into(), f.to.map(date_value).into()),
        ("min_killed".into(), f.min_killed.into()),
        ("hide_denied".into(), f.hide_denied.into()),
        ("article".into(), f.article.into()),
    ])
}

/// Filters; a hidden type this page does not know (from a later one) is dropped.
pub fn filters(v: &Value) -> Read<Filters> {
    object(v)?;
    let mut f = Filters::default();
    for t in list(v, "hidden_types", |t| {
        t.as_str().map(EventType::from_id).ok_or(Bad)
    })? {
        f.hidden_types.extend(t);
    }
    f.hidden_sides.extend(list(v, "hidden_sides", owned_str)?);
    f.governorate = opt_string(v, "governorate")?;
    f.place = string(v, "place")?;
    f.from = opt(v, "from", date)?;
    f.to = opt(v, "to", date)?;
    f.min_killed = u32_or_zero(v, "min_killed")?;
    f.hide_denied = bool_or_false(v, "hide_denied")?;
    f.article = opt_u32(v, "article")?;
    Ok(f)
}

// ---- Language ----

pub fn lang(v: &Value) -> Read<Lang> {
    match v.as_str() {
        Some("en") => Ok(Lang::En),
        Some("ar") => Ok(Lang::Ar),
        _ => Err(Bad),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_are_written_as_serde_wrote_them() {
        for t in EventType::ALL {
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.id())
            );
        }
        for s in Side::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.id())
            );
        }
        for l in [Lang::En, Lang::Ar] {
            assert_eq!(lang(&Value::from(l.code())), Ok(l));
        }
        for (c, json) in [(Count::Exact(7), "7"), (Count::Some, "\"some\"")] {
            assert_eq!(count_value(c).to_json(), json);
            assert_eq!(count(&waqai_json::parse(json).unwrap()), Ok(c));
        }
        for bad in ["\"many\"", "-1", "2.5", "null", "[]"] {
            assert_eq!(count(&waqai_json::parse(bad).unwrap()), Err(Bad), "{bad}");
        }
    }

    #[test]
    fn members_of_the_wrong_kind_are_refused_absent_ones_take_their_default() {
        let read = |text: &str| filters(&waqai_json::parse(text).unwrap());
        assert_eq!(read("{}"), Ok(Filters::default()));
        assert_eq!(
            read(r#"{"zz":1,"governorate":null}"#),
            Ok(Filters::default())
        );
        assert_eq!(read(r#"{"min_killed":"2"}"#), Err(Bad));
        assert_eq!(read(r#"{"place":null}"#), Err(Bad));
        assert_eq!(read(r#"{"from":"2017-02-30"}"#), Err(Bad));
        assert_eq!(read("[]"), Err(Bad));
        let f = read(r#"{"hidden_types":["clash","from_a_later_page"]}"#).unwrap();
        assert_eq!(
            f.hidden_types.into_iter().collect::<Vec<_>>(),
            vec![EventType::Clash]
        );
        let c = |text: &str| correction(&waqai_json::parse(text).unwrap());
        assert_eq!(
            c(r#"{"action":"delete","extra":1}"#),
            Ok(Correction::Delete)
        );
        assert_eq!(
            c(r#"{"action":"edit"}"#),
            Ok(Correction::Edit(EventEdit::default()))
        );
        assert_eq!(c(r#"{"action":"undo"}"#), Err(Bad));
        assert_eq!(c(r#"{"action":"edit","side":{"to":"martians"}}"#), Err(Bad));
        assert_eq!(
            c(r#"{"action":"edit","killed":{}}"#),
            Ok(Correction::Edit(EventEdit {
                killed: Some(Set { to: None }),
                ..EventEdit::default()
            }))
        );
    }
}
