//! The mapping from waqai's events to ACLED's columns.
//!
//! | waqai type | ACLED event_type | ACLED sub_event_type |
//! |---|---|---|
//! | airstrike | Explosions/Remote violence | Air/drone strike |
//! | shelling | Explosions/Remote violence | Shelling/artillery/missile attack |
//! | explosion | Explosions/Remote violence | Remote explosive/landmine/IED |
//! | clash | Battles | Armed clash |
//! | advance | Battles | Government regains territory / Non-state actor overtakes territory |
//! | withdrawal | Strategic developments | Non-violent transfer of territory |
//! | violence_against_civilians | Violence against civilians | Attack |
//! | arrest | Strategic developments | Arrests |
//! | displacement | (none: ACLED has no such type) | |
//! | other | Strategic developments | Other |
//!
//! `time_precision` and `geo_precision` use ACLED's codes (1 = exact day or
//! place, 2 = week or nearby, 3 = month or region); `fatalities` is the stated
//! figure, empty when none or vague ("some" stays in waqai's `killed` column).

use waqai_engine::{DatePrecision, Event, EventType, GeoPrecision, Place, Side, Status};

use crate::decimal::four_decimals;
use crate::{count_text, Article};

/// ACLED's column names, in ACLED's order, for the columns waqai can fill.
pub const ACLED_COLUMNS: [&str; 22] = [
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
];

/// waqai's own columns after ACLED's.
pub const OWN_COLUMNS: [&str; 11] = [
    "waqai_type",
    "killed",
    "wounded",
    "status",
    "date_precision",
    "actor_side",
    "actor_text",
    "location_ar",
    "admin1_ar",
    "article",
    "evidence",
];

fn types(kind: EventType, side: Option<Side>) -> (&'static str, &'static str, &'static str) {
    let violence = "Political violence";
    let strategic = "Strategic developments";
    match kind {
        EventType::Airstrike => (violence, "Explosions/Remote violence", "Air/drone strike"),
        EventType::Shelling => (
            violence,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        EventType::Explosion => (
            violence,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        EventType::Clash => (violence, "Battles", "Armed clash"),
        EventType::Advance if side == Some(Side::Government) => {
            (violence, "Battles", "Government regains territory")
        }
        EventType::Advance => (violence, "Battles", "Non-state actor overtakes territory"),
        EventType::Withdrawal => (strategic, strategic, "Non-violent transfer of territory"),
        EventType::ViolenceAgainstCivilians => (violence, "Violence against civilians", "Attack"),
        EventType::Arrest => (strategic, strategic, "Arrests"),
        EventType::Displacement => ("", "", ""),
        EventType::Other => (strategic, strategic, "Other"),
    }
}

/// ACLED's actor name and interaction code for a side.
fn actor(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::Government => ("Military Forces of Syria", "1"),
        Side::Russia => ("Military Forces of Russia", "8"),
        Side::IranMilitias => ("Iran-backed militias", "3"),
        Side::Opposition => ("Syrian opposition armed groups", "2"),
        Side::Isis => ("Islamic State (Syria)", "2"),
        Side::Sdf => ("SDF: Syrian Democratic Forces", "2"),
        Side::Israel => ("Military Forces of Israel", "8"),
        Side::Coalition => ("International coalition forces", "8"),
        Side::Turkey => ("Military Forces of Turkey", "8"),
    }
}

/// One row: an event at one of its places.
pub struct AcledRow<'a> {
    pub article: &'a Article<'a>,
    pub event: &'a Event,
    pub place: &'a Place,
}

/// A place with nothing known, for an event whose place a reader removed.
static NO_PLACE: std::sync::LazyLock<Place> = std::sync::LazyLock::new(|| Place {
    name: String::new(),
    normalized: String::new(),
    name_en: None,
    kind: None,
    governorate: None,
    lat: None,
    lon: None,
    precision: GeoPrecision::Unknown,
    gazetteer_id: None,
});

/// The rows of an event: one per place, or one with an empty place when the
/// event has none (a correction may clear it; the event is still exported).
pub(crate) fn rows<'a>(
    article: &'a Article<'a>,
    event: &'a Event,
) -> impl Iterator<Item = AcledRow<'a>> {
    let places: Vec<&'a Place> = if event.places.is_empty() {
        vec![&*NO_PLACE]
    } else {
        event.places.iter().collect()
    };
    places.into_iter().map(move |place| AcledRow {
        article,
        event,
        place,
    })
}

impl AcledRow<'_> {
    /// The values, in the order of [`ACLED_COLUMNS`] then [`OWN_COLUMNS`].
    pub fn fields(&self) -> Vec<String> {
        let e = self.event;
        let p = self.place;
        let (disorder, event_type, sub_event) = types(e.kind, e.actor.side);
        let (actor1, inter1) = e.actor.side.map(actor).unwrap_or(("", ""));
        let time_precision = match (e.date, e.precision) {
            (None, _) | (_, DatePrecision::Unknown) => "",
            (_, DatePrecision::Day) => "1",
            (_, DatePrecision::Week) => "2",
            (_, DatePrecision::Month) => "3",
        };
        let geo_precision = match p.precision {
            GeoPrecision::Exact => "1",
            GeoPrecision::Near => "2",
            GeoPrecision::Region => "3",
            GeoPrecision::Unknown => "",
        };
        let civilian = if e.kind == EventType::ViolenceAgainstCivilians {
            "Civilian targeting"
        } else {
            ""
        };
        let fatalities = match e.killed {
            Some(waqai_engine::Count::Exact(n)) => n.to_string(),
            _ => String::new(),
        };
        let status = match e.status {
            Status::Reported => "reported",
            Status::Denied => "denied",
        };
        let evidence: Vec<&str> = e.evidence.iter().map(|s| s.text.trim()).collect();
        let notes = format!(
            "{} at {}{}",
            e.kind.name_en(),
            p.name_en.as_deref().unwrap_or(&p.name),
            if e.status == Status::Denied {
                " (denied)"
            } else {
                ""
            }
        );
        vec![
            e.date.map(|d| d.to_string()).unwrap_or_default(),
            e.date.map(|d| d.year().to_string()).unwrap_or_default(),
            time_precision.into(),
            disorder.into(),
            event_type.into(),
            sub_event.into(),
            actor1.into(),
            inter1.into(),
            civilian.into(),
            "760".into(),
            "Middle East".into(),
            "Syria".into(),
            p.governorate
                .as_ref()
                .map(|g| g.name_en.to_string())
                .unwrap_or_default(),
            p.name_en.as_deref().unwrap_or(&p.name).to_string(),
            p.lat.map(four_decimals).unwrap_or_default(),
            p.lon.map(four_decimals).unwrap_or_default(),
            geo_precision.into(),
            e.source.clone().unwrap_or_default(),
            String::new(),
            notes,
            fatalities,
            String::new(),
            e.kind.id().into(),
            count_text(e.killed),
            count_text(e.wounded),
            status.into(),
            format!("{:?}", e.precision).to_lowercase(),
            e.actor.side.map(|s| s.id().to_string()).unwrap_or_default(),
            e.actor.name.clone().unwrap_or_default(),
            p.name.clone(),
            p.governorate
                .as_ref()
                .map(|g| g.name_ar.to_string())
                .unwrap_or_default(),
            self.article.name.to_string(),
            evidence.join(" … "),
        ]
    }

    /// (column, value) pairs, for GeoJSON properties.
    pub fn named_fields(&self) -> impl Iterator<Item = (&'static str, String)> {
        ACLED_COLUMNS
            .iter()
            .chain(OWN_COLUMNS.iter())
            .copied()
            .zip(self.fields())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_a_mapping_and_rows_have_every_column() {
        for kind in EventType::ALL {
            let (_, event_type, sub) = types(kind, None);
            assert_eq!(event_type.is_empty(), kind == EventType::Displacement);
            assert_eq!(sub.is_empty(), kind == EventType::Displacement);
        }
        for side in Side::ALL {
            assert!(!actor(side).0.is_empty());
        }
        let found = waqai_engine::extract(
            "ألقت المروحيات براميل متفجرة على حي الشعار في حلب أمس.",
            &waqai_engine::Options::published("2014-02-04".parse().unwrap()),
        );
        let article = Article {
            name: "a.txt",
            published: None,
            events: &found.events,
        };
        let row = rows(&article, &found.events[0]).next().unwrap();
        let fields = row.fields();
        assert_eq!(fields.len(), ACLED_COLUMNS.len() + OWN_COLUMNS.len());
        let get = |name: &str| row.named_fields().find(|(n, _)| *n == name).unwrap().1;
        assert_eq!(get("event_date"), "2014-02-03");
        assert_eq!(get("sub_event_type"), "Air/drone strike");
        assert_eq!(get("actor1"), "Military Forces of Syria");
        assert_eq!(get("admin1"), "Aleppo");
        assert_eq!(get("location_ar"), "الشعار");
        assert_eq!(get("time_precision"), "1");

        // An event whose place a reader removed is still a row, with no place.
        let mut placeless = found.events[0].clone();
        placeless.places.clear();
        let rows_of: Vec<_> = rows(&article, &placeless).collect();
        assert_eq!(rows_of.len(), 1);
        assert_eq!(
            rows_of[0]
                .named_fields()
                .find(|(n, _)| *n == "location")
                .unwrap()
                .1,
            ""
        );
    }
}
