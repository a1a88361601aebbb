//! The engine's output: events, places, actors, counts, spans.
//!
//! These types serialise to the output contract of the evaluation guidelines
//! (`type`, `places[{name,…}]`, `actor{side,…}`, `killed`, `wounded`, `date`,
//! `status`) plus the fields a reader needs to check an event: evidence spans,
//! weapons, the attributed source and the date's precision.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// What happened. The ids follow the guidelines' ACLED-compatible taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Airstrike,
    Shelling,
    Explosion,
    Clash,
    Advance,
    Withdrawal,
    ViolenceAgainstCivilians,
    Arrest,
    Displacement,
    Other,
}

impl EventType {
    /// Every type, in the order a legend lists them.
    pub const ALL: [EventType; 10] = [
        EventType::Airstrike,
        EventType::Shelling,
        EventType::Explosion,
        EventType::Clash,
        EventType::Advance,
        EventType::Withdrawal,
        EventType::ViolenceAgainstCivilians,
        EventType::Arrest,
        EventType::Displacement,
        EventType::Other,
    ];

    /// The id used in JSON (`"violence_against_civilians"`).
    pub fn id(self) -> &'static str {
        match self {
            EventType::Airstrike => "airstrike",
            EventType::Shelling => "shelling",
            EventType::Explosion => "explosion",
            EventType::Clash => "clash",
            EventType::Advance => "advance",
            EventType::Withdrawal => "withdrawal",
            EventType::ViolenceAgainstCivilians => "violence_against_civilians",
            EventType::Arrest => "arrest",
            EventType::Displacement => "displacement",
            EventType::Other => "other",
        }
    }

    /// Parses an id as written by [`EventType::id`].
    pub fn from_id(id: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The English name shown to readers ("Violence against civilians").
    pub fn name_en(self) -> &'static str {
        match self {
            EventType::Airstrike => "Airstrike",
            EventType::Shelling => "Shelling",
            EventType::Explosion => "Explosion",
            EventType::Clash => "Clash",
            EventType::Advance => "Advance",
            EventType::Withdrawal => "Withdrawal",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Arrest => "Arrest",
            EventType::Displacement => "Displacement",
            EventType::Other => "Other",
        }
    }

    /// The Arabic name shown to readers.
    pub fn name_ar(self) -> &'static str {
        match self {
            EventType::Airstrike => "غارة جوية",
            EventType::Shelling => "قصف",
            EventType::Explosion => "انفجار",
            EventType::Clash => "اشتباك",
            EventType::Advance => "تقدم",
            EventType::Withdrawal => "انسحاب",
            EventType::ViolenceAgainstCivilians => "عنف ضد المدنيين",
            EventType::Arrest => "اعتقال",
            EventType::Displacement => "نزوح",
            EventType::Other => "أخرى",
        }
    }
}

/// The side that carried an event out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Government,
    Russia,
    IranMilitias,
    Opposition,
    Isis,
    Sdf,
    Israel,
    Coalition,
    Turkey,
}

impl Side {
    /// Every side, in the order a filter lists them.
    pub const ALL: [Side; 9] = [
        Side::Government,
        Side::Russia,
        Side::IranMilitias,
        Side::Opposition,
        Side::Isis,
        Side::Sdf,
        Side::Israel,
        Side::Coalition,
        Side::Turkey,
    ];

    /// The id used in JSON and in the lexicon files (`"iran_militias"`).
    pub fn id(self) -> &'static str {
        match self {
            Side::Government => "government",
            Side::Russia => "russia",
            Side::IranMilitias => "iran_militias",
            Side::Opposition => "opposition",
            Side::Isis => "isis",
            Side::Sdf => "sdf",
            Side::Israel => "israel",
            Side::Coalition => "coalition",
            Side::Turkey => "turkey",
        }
    }

    /// Parses an id as written by [`Side::id`].
    pub fn from_id(id: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The English name shown to readers.
    pub fn name_en(self) -> &'static str {
        match self {
            Side::Government => "Government",
            Side::Russia => "Russia",
            Side::IranMilitias => "Iran-backed militias",
            Side::Opposition => "Opposition",
            Side::Isis => "ISIS",
            Side::Sdf => "SDF",
            Side::Israel => "Israel",
            Side::Coalition => "Coalition",
            Side::Turkey => "Turkey",
        }
    }

    /// The Arabic name shown to readers.
    pub fn name_ar(self) -> &'static str {
        match self {
            Side::Government => "قوات الحكومة",
            Side::Russia => "روسيا",
            Side::IranMilitias => "ميليشيات إيران",
            Side::Opposition => "المعارضة",
            Side::Isis => "تنظيم الدولة",
            Side::Sdf => "قسد",
            Side::Israel => "إسرائيل",
            Side::Coalition => "التحالف الدولي",
            Side::Turkey => "تركيا",
        }
    }
}

/// A number of people: exact, or a vague amount ("عشرات", "عدد من").
///
/// Serialises as a JSON number or the string `"some"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Count {
    Exact(u32),
    Some,
}

impl Count {
    /// The figure a filter on "at least N killed" compares with (`Some` = 1).
    pub fn at_least(self) -> u32 {
        match self {
            Count::Exact(n) => n,
            Count::Some => 1,
        }
    }
}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Exact(n) => s.serialize_u32(*n),
            Count::Some => s.serialize_str("some"),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor, not an untagged enum: that one buffers the value and
        // makes (and drops) an error for every "some" it reads, which the
        // page paid for every count of every answer.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a count: a number or \"some\"")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Count, E> {
                u32::try_from(n)
                    .map(Count::Exact)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Count, E> {
                u32::try_from(n)
                    .map(Count::Exact)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Count, E> {
                match s {
                    "some" => Ok(Count::Some),
                    _ => Err(E::custom(format!(
                        "a count is a number or \"some\", not {s:?}"
                    ))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// How exactly an event's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    #[default]
    Unknown,
}

/// Whether the event is reported as fact or denied by a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Reported,
    Denied,
}

/// How exactly a place's coordinates locate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    /// The place itself (a village, a neighbourhood).
    Exact,
    /// A nearby or containing place (a city for an unknown neighbourhood).
    Near,
    /// Only the governorate or region is known.
    Region,
    /// No coordinates.
    #[default]
    Unknown,
}

/// A governorate (OCHA admin1) by P-code, with its names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Governorate {
    /// OCHA P-code, e.g. `SY04` (Homs).
    pub pcode: Text,
    pub name_en: Text,
    pub name_ar: Text,
}

/// A place an event happened at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The name as written in the article, without its type word (حي، بلدة …).
    pub name: String,
    /// The folded form used for matching and merging.
    pub normalized: String,
    /// English name, where the gazetteer knows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<Text>,
    /// The kind of place (`city`, `village`, `neighbourhood`, `region`, …), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governorate: Option<Governorate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default)]
    pub precision: GeoPrecision,
    /// Gazetteer id (`ocha:SY04`, `wof:…`, `waqai:…`), where resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<Text>,
}

/// A text of the output that is most often the gazetteer's or the engine's
/// own (a place's kind, English name and id, a governorate's names): borrowed
/// then, so that an event's place costs no copy of them; owned when read back
/// from JSON or a share link.
pub type Text = std::borrow::Cow<'static, str>;

/// Who carried an event out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Actor {
    /// The side, or `null` when the text does not say.
    pub side: Option<Side>,
    /// The words the article used ("قوات الأسد", "الطيران الروسي").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A stretch of the ORIGINAL article text.
///
/// Byte offsets are for Rust; UTF-16 offsets are what JavaScript strings count.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    /// The text of the span, for readers and exports: shared by the spans
    /// of the events one sentence tells (three or four in news), so a long
    /// text's sentences are copied once each, not once per event.
    pub text: Arc<str>,
}

/// One event: one type, one place (or none), one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub places: Vec<Place>,
    pub actor: Actor,
    pub killed: Option<Count>,
    pub wounded: Option<Count>,
    /// The resolved day, or `null`.
    pub date: Option<Date>,
    pub precision: DatePrecision,
    pub status: Status,
    /// Who the article attributes the report to ("المرصد السوري", "سانا").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Weapons named with the event ("براميل متفجرة", "قذائف الهاون").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weapons: Vec<String>,
    /// The sentence(s) the event came from, in the original text.
    pub evidence: Vec<Span>,
}

/// Everything the engine found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The publication date used to resolve relative dates.
    pub published: Option<Date>,
    /// Where that date came from: `"given"`, `"text"` (a dateline) or `"none"`.
    pub published_from: String,
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::Count;

    #[test]
    fn counts_read_back_as_written_and_refuse_anything_else() {
        // Table: (JSON, the count or None for an error)
        for (json, want) in [
            ("0", Some(Count::Exact(0))),
            ("12", Some(Count::Exact(12))),
            ("4294967295", Some(Count::Exact(u32::MAX))),
            ("\"some\"", Some(Count::Some)),
            ("\"many\"", None),
            ("-1", None),
            ("4294967296", None),
            ("2.5", None),
            ("null", None),
            ("[]", None),
        ] {
            let got = serde_json::from_str::<Count>(json).ok();
            assert_eq!(got, want, "{json}");
            if let Some(c) = want {
                assert_eq!(serde_json::to_string(&c).unwrap(), json);
            }
        }
    }
}
