//! What kind of place an entry is, and the one-letter codes the data file uses.

use crate::model::GeoPrecision;

/// The kind of a gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Governorate,
    District,
    Subdistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Camp,
    Airport,
    Base,
    Field,
    Facility,
    Mountain,
    Crossing,
    Region,
    Road,
}

impl PlaceKind {
    /// The kind from its code in `places.tsv` (written by tools/gen_gazetteer.py).
    pub(crate) fn from_code(code: &str) -> Option<PlaceKind> {
        Some(match code {
            "G" => PlaceKind::Governorate,
            "D" => PlaceKind::District,
            "S" => PlaceKind::Subdistrict,
            "C" => PlaceKind::City,
            "T" => PlaceKind::Town,
            "V" => PlaceKind::Village,
            "N" => PlaceKind::Neighbourhood,
            "K" => PlaceKind::Camp,
            "A" => PlaceKind::Airport,
            "B" => PlaceKind::Base,
            "F" => PlaceKind::Field,
            "X" => PlaceKind::Facility,
            "M" => PlaceKind::Mountain,
            "P" => PlaceKind::Crossing,
            "R" => PlaceKind::Region,
            "W" => PlaceKind::Road,
            _ => return None,
        })
    }

    /// The lowercase name used in the engine's output (`Place::kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Governorate => "governorate",
            PlaceKind::District => "district",
            PlaceKind::Subdistrict => "subdistrict",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Camp => "camp",
            PlaceKind::Airport => "airport",
            PlaceKind::Base => "base",
            PlaceKind::Field => "field",
            PlaceKind::Facility => "facility",
            PlaceKind::Mountain => "mountain",
            PlaceKind::Crossing => "crossing",
            PlaceKind::Region => "region",
            PlaceKind::Road => "road",
        }
    }

    /// How well the entry's single point stands for the place: areas
    /// (administrative units, regions) only locate an event roughly, and a
    /// road's point is just somewhere along it.
    pub fn precision(self) -> GeoPrecision {
        match self {
            PlaceKind::Governorate
            | PlaceKind::District
            | PlaceKind::Subdistrict
            | PlaceKind::Region => GeoPrecision::Region,
            PlaceKind::Road => GeoPrecision::Near,
            _ => GeoPrecision::Exact,
        }
    }
}
