//! What survives a reload, as versioned JSON under one localStorage key.
//! The browser calls live in `crate::web::storage`; this file only says what
//! is saved and how an old or damaged save is read.

use serde::{Deserialize, Serialize};

use super::articles::Article;
use super::corrections::Corrections;
use super::filters::Filters;
use crate::i18n::Lang;

pub const KEY: &str = "waqai.v1";
/// Where a save that cannot be read is moved, so it is never overwritten.
pub const BROKEN_KEY: &str = "waqai.v1.broken";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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

/// What [`to_json`] writes: [`Saved`]'s fields, borrowed. A save writes
/// megabytes of article text; copying it first would double the work.
#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
    articles: &'a [Article],
    corrections: &'a Corrections,
    filters: &'a Filters,
    lang: Option<Lang>,
}

/// The save of this state, at the current [`VERSION`].
pub fn to_json(
    articles: &[Article],
    corrections: &Corrections,
    filters: &Filters,
    lang: Option<Lang>,
) -> String {
    let saved = SavedRef {
        version: VERSION,
        articles,
        corrections,
        filters,
        lang,
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

pub fn from_json(raw: Option<&str>) -> Load {
    let Some(raw) = raw else {
        return Load::Nothing;
    };
    match serde_json::from_str::<Saved>(raw) {
        Ok(s) if s.version == VERSION => Load::Ok(s),
        _ => Load::Broken,
    }
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
    }
}
