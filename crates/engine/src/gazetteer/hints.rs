//! Context hints for choosing among places that share a name: the
//! governorates and cities mentioned near it ("بريف درعا", "في حمص").

use super::{gazetteer, is_common_word, PlaceKind};

/// Governorates (P-codes) and cities (match keys) named near a place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Governorate P-codes, e.g. `"SY12"`.
    pub governorates: Vec<&'static str>,
    /// Match keys of cities, e.g. `"حمص"`.
    pub cities: Vec<String>,
}

impl Hints {
    pub fn new() -> Hints {
        Hints::default()
    }

    /// Hints from the match keys of names found near the place: each key that
    /// names a governorate (or its countryside) adds that governorate, each that
    /// names a city with neighbourhoods adds the city, and a well-known town or
    /// region ("غرب تدمر", "في الغوطة الشرقية") adds its governorate.
    pub fn from_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> Hints {
        let mut hints = Hints::new();
        for key in keys {
            hints.add_key(key);
        }
        hints
    }

    /// Adds what `key` says about the context; returns whether it said anything.
    pub fn add_key(&mut self, key: &str) -> bool {
        let gaz = gazetteer();
        let mut added = false;
        // Not for words like "تل" whose top entry (the town al-Tall) is rarely meant.
        let landmark = || {
            if is_common_word(key) {
                return None;
            }
            gaz.lookup(key)
                .first()
                .filter(|e| {
                    e.rank >= 6
                        && matches!(
                            e.kind,
                            PlaceKind::City | PlaceKind::Town | PlaceKind::Region
                        )
                })
                .and_then(|e| e.admin1)
        };
        if let Some(pcode) = gaz.governorate_of_key(key).or_else(landmark) {
            self.add_governorate(pcode);
            added = true;
        }
        if gaz.is_city(key) {
            if !self.cities.iter().any(|c| c == key) {
                self.cities.push(key.to_string());
            }
            added = true;
        }
        added
    }

    /// Adds a governorate by P-code; unknown codes are ignored.
    pub fn add_governorate(&mut self, pcode: &str) {
        let Some(code) = gazetteer().governorate(pcode).and_then(|g| g.admin1) else {
            return;
        };
        if !self.governorates.contains(&code) {
            self.governorates.push(code);
        }
    }

    /// Builder form of [`Hints::add_governorate`].
    pub fn with_governorate(mut self, pcode: &str) -> Hints {
        self.add_governorate(pcode);
        self
    }

    /// Builder form: adds a city by match key.
    pub fn with_city(mut self, key: &str) -> Hints {
        if !self.cities.iter().any(|c| c == key) {
            self.cities.push(key.to_string());
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.governorates.is_empty() && self.cities.is_empty()
    }
}
