//! Context hints for choosing among places that share a name: the
//! governorates and cities mentioned near it ("بريف درعا", "في حمص").

use std::ops::Deref;

use super::gazetteer;

/// Governorates (P-codes) and cities (match keys) named near a place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Governorate P-codes, e.g. `"SY12"`, in the order they were named.
    pub governorates: Few<8>,
    /// Match keys of cities, e.g. `"حمص"` (the gazetteer's own, so adding
    /// one copies nothing).
    pub cities: Few<8>,
}

/// Up to `N` distinct strings, in the order added, kept inline: hints are
/// made for every sentence that tells an event and for every place with
/// locators, and a `Vec` would allocate for each. Eight is more than news
/// names near one place; a ninth is not kept (a hint that far down a list
/// of names would rarely decide between two places of one name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Few<const N: usize> {
    items: [&'static str; N],
    len: usize,
}

impl<const N: usize> Default for Few<N> {
    fn default() -> Self {
        Few {
            items: [""; N],
            len: 0,
        }
    }
}

impl<const N: usize> Few<N> {
    /// Adds `item` unless it is there already (or the list is full).
    fn add(&mut self, item: &'static str) {
        if self.len < N && !self.contains(&item) {
            self.items[self.len] = item;
            self.len += 1;
        }
    }
}

impl<const N: usize> Deref for Few<N> {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.items[..self.len]
    }
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
        let known = gaz.key_facts(key);
        let facts = known.map(|(_, f)| f);
        let governorate = match key.strip_prefix("محافظه ") {
            Some(_) => gaz.governorate_of_key(key),
            None => facts.and_then(|f| f.governorate),
        };
        let mut added = false;
        if let Some(pcode) = governorate.or_else(|| facts.and_then(|f| f.landmark)) {
            self.add_governorate(pcode);
            added = true;
        }
        let city = match known {
            Some((key, f)) => f.city.then_some(key),
            None => gaz.city_key(key),
        };
        if let Some(city) = city {
            self.cities.add(city);
            added = true;
        }
        added
    }

    /// Adds a governorate by P-code; unknown codes are ignored.
    pub fn add_governorate(&mut self, pcode: &str) {
        if self.governorates.contains(&pcode) {
            return;
        }
        if let Some(code) = gazetteer().governorate(pcode).and_then(|g| g.admin1) {
            self.governorates.add(code);
        }
    }

    /// Builder form of [`Hints::add_governorate`].
    pub fn with_governorate(mut self, pcode: &str) -> Hints {
        self.add_governorate(pcode);
        self
    }

    /// Builder form: adds a city by match key.
    pub fn with_city(mut self, key: &'static str) -> Hints {
        self.cities.add(key);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.governorates.is_empty() && self.cities.is_empty()
    }
}
