//! What survives a reload, as versioned JSON under one localStorage key.
//! The browser calls live in `crate::web::storage`; this file only says what
//! is saved and how an old or damaged save is read.

use waqai_json::Value;

use super::articles::Article;
use super::corrections::Corrections;
use super::filters::Filters;
use super::json::{self, opt, Read};
use crate::i18n::Lang;

pub const KEY: &str = "waqai.v1";
/// Where a save that cannot be read is moved, so it is never overwritten.
pub const BROKEN_KEY: &str = "waqai.v1.broken";
pub const VERSION: u32 = 1;

/// `{"version", "articles", "corrections", "filters", "lang"}`; an absent
/// member takes its default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    pub version: u32,
    pub articles: Vec<Article>,
    pub corrections: Corrections,
    pub filters: Filters,
    pub lang: Option<Lang>,
}

#[derive(Debug, PartialEq)]
pub enum Load {
    Nothing,
    Ok(Saved),
    /// Present but unreadable (damaged, or written by a newer version).
    Broken,
}

/// The save of this state, at the current [`VERSION`]. The articles' texts
/// are borrowed, not copied, until the one string is written: a save holds
/// megabytes of them.
pub fn to_json(
    articles: &[Article],
    corrections: &Corrections,
    filters: &Filters,
    lang: Option<Lang>,
) -> String {
    Value::Object(vec![
        ("version".into(), VERSION.into()),
        (
            "articles".into(),
            Value::Array(articles.iter().map(json::article_value).collect()),
        ),
        ("corrections".into(), json::corrections_value(corrections)),
        ("filters".into(), json::filters_value(filters)),
        ("lang".into(), lang.map(Lang::code).into()),
    ])
    .to_json()
}

pub fn from_json(raw: Option<&str>) -> Load {
    let Some(raw) = raw else {
        return Load::Nothing;
    };
    match waqai_json::parse(raw)
        .map_err(|_| json::Bad)
        .and_then(|v| saved(&v))
    {
        Ok(s) if s.version == VERSION => Load::Ok(s),
        _ => Load::Broken,
    }
}

fn saved(v: &Value) -> Read<Saved> {
    json::object(v)?;
    Ok(Saved {
        version: json::u32_or_zero(v, "version")?,
        articles: json::list(v, "articles", json::article)?,
        corrections: opt(v, "corrections", json::corrections)?.unwrap_or_default(),
        filters: opt(v, "filters", json::filters)?.unwrap_or_default(),
        lang: opt(v, "lang", json::lang)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::articles::samples_to_add;
    use crate::state::corrections::Correction;

    #[test]
    fn round_trip_and_damage() {
        let mut s = Saved {
            articles: samples_to_add(&[]),
            lang: Some(Lang::Ar),
            ..Saved::default()
        };
        s.corrections.insert("1/x".into(), Correction::Delete);
        s.filters.min_killed = 2;
        let json = to_json(&s.articles, &s.corrections, &s.filters, s.lang);
        s.version = VERSION;
        assert_eq!(from_json(Some(&json)), Load::Ok(s));
        assert_eq!(from_json(None), Load::Nothing);
        assert_eq!(from_json(Some("{not json")), Load::Broken);
        assert_eq!(from_json(Some(r#"{"version":9}"#)), Load::Broken);
        assert_eq!(
            from_json(Some(r#"{"version":1,"articles":[{"id":1}]}"#)),
            Load::Broken
        );
        assert_eq!(from_json(Some("[]")), Load::Broken);
        assert_eq!(
            from_json(Some(r#"{"version":1}"#)),
            Load::Ok(Saved {
                version: 1,
                ..Saved::default()
            })
        );
    }

    /// A save written by serde (before `state::json`, at 0b129ff): read, it
    /// holds what was saved; written again, it is the same bytes.
    #[test]
    fn saves_made_by_earlier_pages_read_and_write_back_byte_for_byte() {
        let fixture = include_str!("../../tests/fixtures/json/save.json");
        let Load::Ok(s) = from_json(Some(fixture)) else {
            panic!("the fixture does not read");
        };
        assert_eq!(s.articles.len(), 5);
        assert_eq!(s.articles[1].outlet, "عنب بلدي");
        assert_eq!(
            s.articles[4].published.map(|d| d.to_string()).as_deref(),
            Some("2017-03-22")
        );
        assert_eq!(s.corrections.len(), 3);
        assert_eq!(s.filters.min_killed, 2);
        assert_eq!(s.filters.place, "حمص \"x\"");
        assert_eq!(s.lang, Some(Lang::Ar));
        assert_eq!(
            to_json(&s.articles, &s.corrections, &s.filters, s.lang),
            fixture
        );
    }
}
