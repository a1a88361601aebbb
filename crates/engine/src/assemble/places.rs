//! Place phrases inside a clause: "بلدات بعربو والهبيط"، "حي الوعر المحاصر في حمص"،
//! "الريف الشمالي لحمص"، "الحي ذاته".
//!
//! A phrase is a coordinated list of elements; an element is a type word and
//! a name (the type word dropped: حي الوعر → الوعر), a head word that belongs to
//! the name (جبل الشيخ), a gazetteer name in a place slot (after في، على، ب …),
//! a region (ريف حمص الشمالي) or a word that refers back (الحي، المدينة، العاصمة).
//! After an element, a locator (بريف درعا، في حمص، شرقي دمشق) is kept apart:
//! it only says where the element is and helps choose among homonyms.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::rc::Rc;

use crate::document::Document;
use crate::gazetteer::{gazetteer, PlaceKind};
use crate::lexicon::kinds::{self, Kinds};
use crate::lexicon::{Entry, PlaceRole, Plurality, SyntaxRole};
use crate::text::normalize::match_key;

use super::shared::Shared;

/// What a place does in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRoleInClause {
    /// Where the event happened.
    Event,
    /// Only locates another place (بريف درعا after a village).
    Locator,
    /// Where the attacker fired from (من مطار الشعيرات، مصدره حاجز …).
    Origin,
    /// Where a withdrawal or a flight went, or the way taken (باتجاه عين
    /// عيسى، عبر معبر باب الهوى): the event happened elsewhere.
    Route,
}

/// A place found in the text. Copied into the places a later word may refer
/// back to and into every event at it, so its texts are shared, not cloned.
#[derive(Debug, Clone)]
pub struct FoundPlace<'a> {
    /// Tokens of the whole element (type word included), for ordering.
    pub tokens: Range<usize>,
    /// The name as written, without its type word.
    pub name: Shared<'a>,
    /// The match key of the name.
    pub key: Shared<'a>,
    /// The kind the text or the gazetteer gives it.
    pub kind: Option<PlaceKind>,
    pub role: PlaceRoleInClause,
    /// Keys of locators written right after it ("درعا" in "نوى بريف درعا"),
    /// shared by the members of a list and by every copy of the place.
    /// `None` when there are none, which costs no allocation.
    locators: Option<Rc<[Shared<'a>]>>,
    /// Resolved from a word that refers back (الحي ذاته).
    pub anaphoric: bool,
}

impl<'a> FoundPlace<'a> {
    /// Keys of locators written right after it ("درعا" in "نوى بريف درعا").
    pub fn locators(&self) -> &[Shared<'a>] {
        self.locators.as_deref().unwrap_or_default()
    }
}

/// The places one element of a list names: nearly always one (kept in
/// place, as a list of one would be allocated for every place read), two
/// for a dual region, or the last list for a plural word that refers back.
#[derive(Debug)]
enum Elements<'a> {
    One(FoundPlace<'a>),
    Many(Vec<FoundPlace<'a>>),
}

impl<'a> Elements<'a> {
    /// Adds the places of another element.
    fn extend(&mut self, more: Elements<'a>) {
        let mut list = match std::mem::replace(self, Elements::Many(Vec::new())) {
            Elements::One(p) => vec![p],
            Elements::Many(list) => list,
        };
        list.extend(more);
        *self = Elements::Many(list);
    }
}

impl<'a> std::ops::Deref for Elements<'a> {
    type Target = [FoundPlace<'a>];

    fn deref(&self) -> &[FoundPlace<'a>] {
        match self {
            Elements::One(p) => std::slice::from_ref(p),
            Elements::Many(list) => list,
        }
    }
}

impl std::ops::DerefMut for Elements<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Elements::One(p) => std::slice::from_mut(p),
            Elements::Many(list) => list,
        }
    }
}

impl<'a> IntoIterator for Elements<'a> {
    type Item = FoundPlace<'a>;
    type IntoIter =
        std::iter::Chain<std::option::IntoIter<FoundPlace<'a>>, std::vec::IntoIter<FoundPlace<'a>>>;

    fn into_iter(self) -> Self::IntoIter {
        match self {
            Elements::One(p) => Some(p).into_iter().chain(Vec::new()),
            Elements::Many(list) => None.into_iter().chain(list),
        }
    }
}

impl<'a> From<FoundPlace<'a>> for Elements<'a> {
    fn from(p: FoundPlace<'a>) -> Self {
        Elements::One(p)
    }
}

/// How many of the latest places a word that refers back may mean.
const RECALL: usize = 40;

/// Places seen so far in the article, for words that refer back.
#[derive(Debug, Default)]
pub struct Recent<'a> {
    places: Vec<Remembered<'a>>,
    /// [`Recent::governorate`] as of the first `.0` places: the answer only
    /// changes when a later place names a governorate, so each is asked once.
    governorate: Cell<(usize, Option<&'static str>)>,
    /// Keys of places that had an event: what "الحي ذاته" most likely means.
    with_events: crate::lexicon::hash::FastSet,
    /// The event places of the last clause that had any, for "المناطق المذكورة".
    last_list: Vec<FoundPlace<'a>>,
}

/// A place seen, with its gazetteer kinds once asked for
/// (words that refer back ask about the same places again and again).
#[derive(Debug)]
struct Remembered<'a> {
    place: FoundPlace<'a>,
    gazetteer_kinds: OnceCell<[Option<PlaceKind>; 2]>,
    /// Set once its key is found among [`Recent::with_events`], which only
    /// grows: the place is not looked up again at every word referring back.
    had_event: Cell<bool>,
}

impl Remembered<'_> {
    /// The kinds the place may be referred back to by: its own, and for a
    /// head-word name ("جسر الرستن") the kind of the place it names after the
    /// head (a city).
    fn kinds(&self) -> impl Iterator<Item = PlaceKind> + '_ {
        let p = &self.place;
        let [own, tail] = *self.gazetteer_kinds.get_or_init(|| {
            let tail = p.key.split_once(' ').map(|(_, t)| t).unwrap_or("");
            let kind = |key: &str| gazetteer().lookup(key).first().map(|e| e.kind);
            [kind(&p.key), kind(tail)]
        });
        p.kind.into_iter().chain(own).chain(tail)
    }
}

impl<'a> Recent<'a> {
    pub fn push(&mut self, place: &FoundPlace<'a>) {
        if place.role != PlaceRoleInClause::Origin {
            self.places.push(Remembered {
                place: place.clone(),
                gazetteer_kinds: OnceCell::new(),
                had_event: Cell::new(false),
            });
        }
    }

    /// Remembers a clause's event places as the list a plural word may refer to.
    pub fn set_list(&mut self, places: &[FoundPlace<'a>]) {
        let event = |p: &&FoundPlace| p.role == PlaceRoleInClause::Event;
        // The list is refilled in place: a clause's list would allocate.
        if places.iter().any(|p| event(&p)) {
            self.last_list.clear();
            self.last_list.extend(places.iter().filter(event).cloned());
        }
    }

    /// The latest place of a kind (neighbourhood for الحي …), else the latest
    /// event place, else any latest place.
    pub fn latest(&self, kind: Option<PlaceKind>) -> Option<&FoundPlace<'a>> {
        // Words that refer back reach a few sentences at most.
        let events = || {
            self.places
                .iter()
                .rev()
                .take(RECALL)
                .filter(|r| r.place.role == PlaceRoleInClause::Event)
        };
        let had_event = |r: &&Remembered| {
            if !r.had_event.get() && self.with_events.contains(&*r.place.key) {
                r.had_event.set(true);
            }
            r.had_event.get()
        };
        // A place fits when the kind the text gave it ("بلدة التيفور") is the
        // kind asked for, or, with no such word, when the gazetteer's kind is
        // related (a town for "المدينة", the city in "جسر الرستن").
        let fits = |r: &&Remembered| {
            kind.is_none_or(|k| match r.place.kind {
                Some(pk) => pk == k,
                None => r.kinds().any(|gk| same_kind(gk, k)),
            })
        };
        // Locators count too ("غرب تدمر … غرب المدينة"), but after event places.
        let mentioned = || self.places.iter().rev().take(RECALL);
        events()
            .filter(had_event)
            .find(fits)
            .or_else(|| events().find(fits))
            .or_else(|| kind.and_then(|_| mentioned().find(fits)))
            .or_else(|| events().next())
            .or_else(|| self.places.last())
            .map(|r| &r.place)
    }

    /// Notes that a place had an event.
    pub fn mark_event(&mut self, key: &str) {
        if !self.with_events.contains(key) {
            self.with_events.insert(key.to_string());
        }
    }

    /// The governorate the article is talking about lately.
    pub fn governorate(&self) -> Option<&'static str> {
        let (known, before) = self.governorate.get();
        let latest = self.places[known.min(self.places.len())..]
            .iter()
            .rev()
            .find_map(|r| {
                let p = &r.place;
                gazetteer().governorate_of_key(&p.key).or_else(|| {
                    p.locators()
                        .iter()
                        .find_map(|l| gazetteer().governorate_of_key(l))
                })
            })
            .or(before);
        self.governorate.set((self.places.len(), latest));
        latest
    }
}

fn same_kind(a: PlaceKind, b: PlaceKind) -> bool {
    use PlaceKind::*;
    let group = |k| match k {
        City | Town => 1,
        Neighbourhood | Camp => 2,
        _ => 3,
    };
    a == b || (group(a) == group(b) && group(a) != 3)
}

fn kind_of_type_word(kind: &str) -> Option<PlaceKind> {
    Some(match kind {
        "neighbourhood" => PlaceKind::Neighbourhood,
        "town" => PlaceKind::Town,
        "village" => PlaceKind::Village,
        "city" => PlaceKind::City,
        "camp" => PlaceKind::Camp,
        "governorate" => PlaceKind::Governorate,
        "subdistrict" => PlaceKind::Subdistrict,
        "region" | "area" => PlaceKind::Region,
        "mountain" | "hill" => PlaceKind::Mountain,
        "field" => PlaceKind::Field,
        "airport" => PlaceKind::Airport,
        "crossing" => PlaceKind::Crossing,
        "base" => PlaceKind::Base,
        "road" => PlaceKind::Road,
        "facility" => PlaceKind::Facility,
        _ => return None,
    })
}

/// Whether a place is big enough to locate another (a governorate, region,
/// district or city).
fn is_container(place: &FoundPlace<'_>) -> bool {
    let gaz = gazetteer();
    // A mountain after a place holds it: "كنصفرة في جبل الزاوية" (a range of villages).
    gaz.governorate_of_key(&place.key).is_some()
        || matches!(
            place.kind,
            Some(
                PlaceKind::Governorate
                    | PlaceKind::Region
                    | PlaceKind::District
                    | PlaceKind::City
                    | PlaceKind::Mountain
            )
        )
        || gaz.lookup(&place.key).first().is_some_and(|e| {
            matches!(
                e.kind,
                PlaceKind::Governorate
                    | PlaceKind::Region
                    | PlaceKind::District
                    | PlaceKind::Mountain
            ) || (e.kind == PlaceKind::City && e.rank >= 8)
        })
}

/// Finds place phrases in `clause`. `slot_before` says which tokens open a
/// place slot (prepositions, the end of a trigger or actor …).
pub struct PlaceFinder<'d, 'a> {
    doc: &'d Document<'a>,
    end: usize,
    recent: &'d Recent<'a>,
}

fn is_place_word(e: &Entry, roles: &[PlaceRole]) -> bool {
    matches!(e, Entry::PlaceWord { role, .. } if roles.contains(role))
}

impl<'d, 'a> PlaceFinder<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, end: usize, recent: &'d Recent<'a>) -> Self {
        PlaceFinder { doc, end, recent }
    }

    fn stem(&self, i: usize) -> &str {
        if i < self.end {
            self.doc.stem(i)
        } else {
            ""
        }
    }

    fn has(&self, i: usize, kinds: Kinds, pred: impl Fn(&Entry) -> bool) -> bool {
        i < self.end && self.doc.has_at(i, kinds, pred)
    }

    /// A gazetteer name starting at `i`: (end token, key). A one-word name
    /// that another lexicon claims ("على", "الشرقية") is not a place here, and
    /// a name that ends in a describing word ("معبر نصيب الحدودي") gives way to
    /// the shorter name ("معبر نصيب").
    fn gazetteer_at(&self, i: usize) -> Option<(usize, &'static str)> {
        if i >= self.end {
            return None;
        }
        let mut places = self
            .doc
            .mentions_with(i, kinds::PLACE)
            .iter()
            .filter(|m| m.end <= self.end && m.entries().any(|e| matches!(e, Entry::Place)));
        let mut m = places.next()?;
        if m.phrase.words == 1 && self.claimed_word(i) && !self.named_after_type_word(i) {
            return None;
        }
        if m.phrase.words > 1
            && self.has(m.end - 1, kinds::syntax(SyntaxRole::Stop), |e| {
                matches!(e, Entry::Syntax(SyntaxRole::Stop))
            })
        {
            if let Some(shorter) = places.next() {
                m = shorter;
            }
        }
        Some((m.end, m.phrase.key.as_str()))
    }

    /// Whether token `i` is a compass or age adjective standing right after a
    /// type word: there it is the name ("قرية الجديدة"، "بلدة الشرقية"), as a
    /// definite word after an indefinite noun cannot describe it.
    fn named_after_type_word(&self, i: usize) -> bool {
        i > 0
            && self.doc.direction_at(i, true).is_some()
            && self.has(i - 1, kinds::PLACE_WORD, |e| {
                matches!(
                    e,
                    Entry::PlaceWord {
                        role: PlaceRole::Type,
                        ..
                    }
                )
            })
            && !self.doc.analysis(i - 1).article
    }

    /// Whether a lexicon other than the gazetteer claims token `i` as one word.
    fn claimed_word(&self, i: usize) -> bool {
        self.doc.mentions_with(i, !kinds::PLACE).iter().any(|m| {
            m.phrase.words == 1
                && m.entries().any(|e| {
                    !matches!(
                        e,
                        Entry::Place
                            | Entry::PlaceWord {
                                role: PlaceRole::Head,
                                ..
                            }
                    )
                })
        })
    }

    /// Whether token `i` may be part of a name nobody knows: a word that no
    /// lexicon claims (except as a place, a head word or a compass adjective)
    /// and that carries no preposition.
    fn unknown_name_word(&self, i: usize, first: bool) -> bool {
        if i >= self.end || !self.doc.is_word(i) {
            return false;
        }
        let a = self.doc.analysis(i);
        if a.prep.is_some() || (!first && a.conj) {
            return false;
        }
        if self.doc.stem(i).chars().count() < 2 {
            return false;
        }
        let claimed = self.doc.mentions_with(i, !kinds::PLACE).iter().any(|m| {
            m.entries().any(|e| match e {
                Entry::Place => false,
                Entry::PlaceWord { role, .. } => !(first && *role == PlaceRole::Head),
                // A compass adjective may continue a name ("الكرك الشرقي").
                Entry::Direction { .. } => first || !self.doc.analysis(i).article,
                _ => true,
            })
        });
        // A word inside a longer phrase that started earlier is claimed too.
        let inside = (i.saturating_sub(4)..i).any(|s| {
            let named = !(kinds::PLACE | kinds::PLACE_WORD);
            self.doc.mentions_with(s, named).iter().any(|m| {
                m.end > i
                    && m.entries()
                        .any(|e| !matches!(e, Entry::Place | Entry::PlaceWord { .. }))
            })
        });
        !claimed && !inside && !self.doc.time_facts(i).alone
    }

    /// A name at `i`: a gazetteer name (longest), a number (اللواء 52) or up to
    /// three unknown words. Returns (end, key, known).
    fn name_at(&self, i: usize, allow_adjective: bool) -> Option<(usize, Cow<'static, str>, bool)> {
        self.name_at_len(i, allow_adjective, 3)
    }

    /// [`Self::name_at`] with a limit on how many unknown words a name may have;
    /// a hyphen joins two words of one name ("عمان-دمشق").
    fn name_at_len(
        &self,
        i: usize,
        allow_adjective: bool,
        max: usize,
    ) -> Option<(usize, Cow<'static, str>, bool)> {
        // "كفر عمو": a name's common first word, written without the article
        // before a word nobody indexed, starts an unknown name (read below)
        // rather than naming the one village called "الكفر".
        let known = self.gazetteer_at(i).filter(|&(end, key)| {
            !(end == i + 1
                && !self.doc.analysis(i).article
                && self.unknown_name_word(end, false)
                && gazetteer().facts(key).is_some_and(|f| f.prefix))
        });
        if let Some((mut end, key)) = known {
            // A gazetteer key lives as long as the program: copied only when changed.
            let mut key = Cow::Borrowed(key);
            // "الفرحانية الغربية": a compass adjective extends a known name
            // unless it could describe a plural before it (أحياء مدينة الرستن الشمالية).
            if allow_adjective && end < self.end && self.doc.direction_at(end, true).is_some() {
                let extended = format!("{key} {}", self.stem(end));
                if gazetteer().contains(&extended) || !self.doc.analysis(end).conj {
                    key = Cow::Owned(extended);
                    end += 1;
                }
            }
            // "القامشلي-عامودا": a hyphen joins a second name to a known one.
            if end + 1 < self.end && self.doc.word(end) == "-" && self.doc.is_word(end + 1) {
                let second = self.gazetteer_at(end + 1).map(|(e, _)| e);
                if let Some(e) =
                    second.or_else(|| self.unknown_name_word(end + 1, false).then_some(end + 2))
                {
                    end = e;
                    key = Cow::Owned(match_key(self.doc.name_text(i..end)));
                }
            }
            return Some((end, key, true));
        }
        if i < self.end && self.doc.tokens[i].kind == crate::text::token::TokenKind::Number {
            return Some((i + 1, Cow::Owned(self.stem(i).to_string()), false));
        }
        if !self.unknown_name_word(i, true) {
            return None;
        }
        let mut end = i + 1;
        let mut words = 1;
        while words < max {
            let hyphen = end < self.end
                && self.doc.word(end) == "-"
                && self.unknown_name_word(end + 1, false);
            if hyphen {
                end += 2;
                words += 1;
                continue;
            }
            if !self.unknown_name_word(end, false)
                || (!allow_adjective && self.doc.direction_at(end, true).is_some())
            {
                break;
            }
            end += 1;
            words += 1;
        }
        let key = match_key(self.doc.name_text(i..end));
        Some((end, Cow::Owned(key), false))
    }

    fn element(
        &self,
        tokens: Range<usize>,
        name: Range<usize>,
        key: Shared<'a>,
        kind: Option<PlaceKind>,
    ) -> FoundPlace<'a> {
        FoundPlace {
            tokens,
            name: self.doc.name_text(name).into(),
            key,
            kind,
            role: PlaceRoleInClause::Event,
            locators: None,
            anaphoric: false,
        }
    }

    fn anaphor(&self, tokens: Range<usize>, kind: Option<PlaceKind>) -> Option<FoundPlace<'a>> {
        let mut p = self.recent.latest(kind)?.clone();
        // "جسر الرستن … على المدينة": the city named after the head word.
        if let (Some(k), Some(tail)) = (kind, p.key.after_space()) {
            let own = p.kind.is_some_and(|pk| same_kind(pk, k));
            let named = gazetteer().lookup(&tail).first().map(|e| e.kind);
            if !own && named.is_some_and(|nk| same_kind(nk, k)) {
                p.key = tail;
                p.name = p.name.after_space().unwrap_or(p.name);
                p.kind = named;
            }
        }
        p.tokens = tokens;
        p.role = PlaceRoleInClause::Event;
        p.anaphoric = true;
        p.locators = None;
        Some(p)
    }

    /// Skips words that refer back to a noun ("ذاته"، "نفسها") and adjectives
    /// that end a name ("المحاصر", "الخاضع للمعارضة").
    fn skip_trailers(&self, mut i: usize) -> usize {
        loop {
            if matches!(
                self.stem(i),
                "ذاته" | "نفسه" | "نفسها" | "ذاتها" | "كلها" | "كله" | "بالكامل"
            ) {
                i += 1;
                continue;
            }
            // Not a locator's first word ("التي تقع على …"): that is read next.
            let stop_adj = self.doc.is_word(i)
                && self.doc.analysis(i).article
                && self.has(i, kinds::syntax(SyntaxRole::Stop), |e| {
                    matches!(e, Entry::Syntax(SyntaxRole::Stop))
                })
                && !self.has(i, kinds::syntax(SyntaxRole::Locator), |e| {
                    matches!(e, Entry::Syntax(SyntaxRole::Locator))
                });
            if stop_adj && i < self.end {
                i += 1;
                // "الخاضع للمعارضة": the ruler after the adjective goes with it.
                if self.doc.analysis(i).prep == Some('ل') && i < self.end {
                    let (m, _) = match self
                        .doc
                        .find_at(i, kinds::ACTOR, |e| matches!(e, Entry::Actor { .. }))
                    {
                        Some(found) => found,
                        None => break,
                    };
                    i = m.end;
                }
                continue;
            }
            break;
        }
        i
    }

    /// One element at `i`. `typed` says a plural type word opened the list, so
    /// unknown names may follow. Returns the elements (a dual region gives two) and the end.
    fn parse_element(&self, start: usize, typed: bool) -> Option<(Elements<'a>, usize, bool)> {
        self.parse_element_in(start, typed, false)
    }

    /// `in_plural`: inside a plural type word ("أحياء مدينة الرستن الشمالية"), where a
    /// compass adjective describes the plural, not the name.
    fn parse_element_in(
        &self,
        start: usize,
        typed: bool,
        in_plural: bool,
    ) -> Option<(Elements<'a>, usize, bool)> {
        let mut i = start;
        let mut modified = false;
        // Modifiers: محيط، أطراف، مناطق متفرقة من …
        while let Some((m, _)) = (i < self.end)
            .then(|| {
                self.doc.find_at(i, kinds::PLACE_WORD, |e| {
                    is_place_word(e, &[PlaceRole::Modifier])
                })
            })
            .flatten()
        {
            // "محيطها": the surroundings of the place just named.
            if self.doc.analysis(i).stem.end < self.doc.word(i).len() {
                let p = self.anaphor(start..m.end, None)?;
                return Some((p.into(), m.end, false));
            }
            i = m.end;
            modified = true;
            if matches!(self.stem(i), "من" | "في") {
                i += 1;
            }
        }
        if i >= self.end {
            return None;
        }
        // "شرق دمشق": a compass preposition before a place.
        if let Some(m) = self.doc.direction_at(i, false) {
            let (mut found, end, _) = self.parse_element(m.end, false)?;
            for p in found.iter_mut() {
                p.tokens.start = start;
            }
            return Some((found, end, false));
        }
        // Region: "الريف الشمالي لحمص", "ريفي حماة الشمالي والجنوبي".
        if let Some(found) = self.region(i, start) {
            return Some(found);
        }
        // A gazetteer name that is itself a phrase with a head word (مطار التيفور) wins over the head.
        // A name that starts with a type word ("حي الوعر") goes by the type word's path.
        let type_word = self.has(i, kinds::PLACE_WORD, |en| {
            is_place_word(en, &[PlaceRole::Type, PlaceRole::Capital])
        });
        let head_word = self.has(i, kinds::PLACE_WORD, |en| {
            is_place_word(en, &[PlaceRole::Head])
        });
        let gazetteer_name = self
            .gazetteer_at(i)
            .filter(|(e, _)| !type_word && (*e > i + 1 || !head_word))
            .and_then(|_| self.name_at(i, !modified && !in_plural));
        if let Some((end, key, _)) = gazetteer_name {
            // No type word: the kind is the gazetteer's, found when it is needed.
            let kind = None;
            return Some((
                self.element(start..end, i..end, key.into(), kind).into(),
                end,
                typed,
            ));
        }
        let (m, entry) = match self.doc.find_at(i, kinds::PLACE_WORD, |e| {
            matches!(e, Entry::PlaceWord { .. })
        }) {
            Some(found) => found,
            None => {
                // An unknown name continuing a typed list ("والهبيط").
                if !typed {
                    return None;
                }
                let (end, key, _) = self.name_at(i, !modified)?;
                return Some((
                    self.element(start..end, i..end, key.into(), None).into(),
                    end,
                    typed,
                ));
            }
        };
        let Entry::PlaceWord {
            role,
            plurality,
            kind,
        } = *entry
        else {
            return None;
        };
        let kind = kind_of_type_word(kind);
        let many = plurality != Plurality::One;
        let article = self.doc.analysis(i).article;
        match role {
            PlaceRole::Capital => {
                // "العاصمة دمشق" names it; bare "العاصمة" is Damascus.
                let named = self
                    .gazetteer_at(m.end)
                    .filter(|_| !self.doc.analysis(m.end).conj);
                if let Some((end, key)) = named {
                    return Some((
                        self.element(start..end, m.end..end, key.into(), kind)
                            .into(),
                        end,
                        false,
                    ));
                }
                let mut p =
                    self.element(start..m.end, i..m.end, "دمشق".into(), Some(PlaceKind::City));
                p.name = "دمشق".into();
                Some((p.into(), m.end, false))
            }
            PlaceRole::Type => {
                let after = m.end;
                if article {
                    // A definite type word is not followed by its name: "الحي ذاته",
                    // "المدينة"; a plural one ("المناطق المذكورة") means the last list.
                    let end = self.skip_trailers(m.end);
                    // "الأحياء السكنية في درعا البلد": the place after it is where.
                    if many && (self.stem(end) == "في" || self.doc.analysis(end).prep == Some('ب'))
                    {
                        let at = if self.stem(end) == "في" {
                            end + 1
                        } else {
                            end
                        };
                        if let Some(found) = self.parse_element(at, false) {
                            return Some(found);
                        }
                    }
                    let found = if many {
                        Elements::Many(
                            self.recent
                                .last_list
                                .iter()
                                .cloned()
                                .map(|mut p| {
                                    p.tokens = start..end;
                                    p.anaphoric = true;
                                    p
                                })
                                .collect(),
                        )
                    } else {
                        self.anaphor(start..end, kind)?.into()
                    };
                    return (!found.is_empty()).then_some((found, end, false));
                }
                // "أحياء مدينة X", "قرى من منطقة X": the inner element decides.
                // A definite head word after a type word is the name itself
                // ("منطقة المثلث", "منطقة الوادي الأحمر").
                let inner_roles: &[PlaceRole] = if self.doc.analysis(after).article {
                    &[
                        PlaceRole::Type,
                        PlaceRole::Modifier,
                        PlaceRole::Capital,
                        PlaceRole::Region,
                    ]
                } else {
                    &[
                        PlaceRole::Type,
                        PlaceRole::Head,
                        PlaceRole::Modifier,
                        PlaceRole::Capital,
                        PlaceRole::Region,
                    ]
                };
                if self.has(after, kinds::PLACE_WORD, |e| is_place_word(e, inner_roles))
                    || (many && self.stem(after) == "من")
                {
                    let next = if self.stem(after) == "من" {
                        after + 1
                    } else {
                        after
                    };
                    let (mut found, end, _) = self.parse_element_in(next, many || typed, many)?;
                    for p in found.iter_mut() {
                        p.tokens.start = start;
                    }
                    return Some((found, end, many || typed));
                }
                if let Some((end, mut key, _)) = self
                    .name_at(after, !modified && !many && !in_plural)
                    .filter(|_| !self.doc.analysis(after).conj)
                {
                    // The gazetteer may know the name only with its type word ("حي الوعر").
                    // Made only when the name alone is unknown.
                    if !gazetteer().contains(&key) {
                        let with_type = format!("{} {key}", self.stem(i));
                        if gazetteer().contains(&with_type) {
                            key = Cow::Owned(with_type);
                        }
                    }
                    return Some((
                        self.element(start..end, after..end, key.into(), kind)
                            .into(),
                        end,
                        many || typed,
                    ));
                }
                // "منطقة بشرق دمشق": the type word, then a located place.
                if after < self.end && self.doc.direction_at(after, false).is_some() {
                    return self.parse_element(after, false);
                }
                None
            }
            PlaceRole::Head => {
                let name = (!self.doc.analysis(m.end).conj)
                    .then(|| self.name_at_len(m.end, !modified && !many && !in_plural, 5))
                    .flatten();
                let Some((end, _, _)) = name else {
                    // "في المعمل" with no name after it refers back like "الحي".
                    if !article {
                        return None;
                    }
                    let end = self.skip_trailers(m.end);
                    return Some((self.anaphor(start..end, kind)?.into(), end, false));
                };
                // The head belongs to the name: "جبل الهيال", "اللواء 52"; a plural
                // head (حقول جزل وجحار) names its first member with the head too.
                let key = match_key(self.doc.name_text(i..end));
                Some((
                    self.element(start..end, i..end, key.into(), kind).into(),
                    end,
                    many || typed,
                ))
            }
            PlaceRole::Region => None,
            PlaceRole::Modifier => None,
        }
    }

    /// "ريف X" is in the gazetteer; this reads the other ways of writing a
    /// governorate's countryside: "الريف الشمالي لحمص", "ريفي حماة الشمالي
    /// والجنوبي", and a bare "الريف الشمالي" (the governorate in context).
    fn region(&self, i: usize, start: usize) -> Option<(Elements<'a>, usize, bool)> {
        let (m, entry) = self.doc.find_at(i, kinds::PLACE_WORD, |e| {
            is_place_word(e, &[PlaceRole::Region])
        })?;
        let Entry::PlaceWord { plurality, .. } = *entry else {
            return None;
        };
        let gaz = gazetteer();
        let region = |gov_key: &str, adj: &str, tokens: Range<usize>, name: String| {
            let key = format!("ريف {gov_key} {adj}").trim_end().to_string();
            let key = if gaz.contains(&key) {
                key
            } else {
                format!("ريف {gov_key}")
            };
            FoundPlace {
                tokens,
                name: name.into(),
                key: key.into(),
                kind: Some(PlaceKind::Region),
                role: PlaceRoleInClause::Event,
                locators: None,
                anaphoric: false,
            }
        };
        let adj_at = |k: usize| k < self.end && self.doc.direction_at(k, true).is_some();
        if self.doc.analysis(i).article && adj_at(m.end) {
            // "الريف الشمالي لحمص" / "الريف الشمالي".
            let adj = self.stem(m.end).to_string();
            let mut end = m.end + 1;
            // A governorate's, or a district town's with a countryside of its
            // own in the gazetteer ("الريف الغربي لجسر الشغور").
            let gov = if self.doc.analysis(end).prep == Some('ل') {
                self.gazetteer_at(end).filter(|(_, k)| {
                    gaz.governorate_of_key(k).is_some() || gaz.contains(&format!("ريف {k} {adj}"))
                })
            } else {
                None
            };
            let gov_key = match gov {
                Some((e, k)) => {
                    end = e;
                    k.to_string()
                }
                None => {
                    let pcode = self.recent.governorate()?;
                    match_key(gaz.governorate(pcode)?.name_ar)
                }
            };
            let name = self.doc.name_text(i..end).to_string();
            return Some((region(&gov_key, &adj, start..end, name).into(), end, false));
        }
        if plurality == Plurality::Two {
            // "ريفي حماة الشمالي والجنوبي": two regions.
            let (gov_end, gov_key) = self.gazetteer_at(m.end)?;
            let mut found = Vec::new();
            let mut k = gov_end;
            while adj_at(k) && found.len() < 2 {
                let name = if found.is_empty() {
                    self.doc.name_text(i..k + 1).to_string()
                } else {
                    format!(
                        "ريف {} {}",
                        self.doc.original_text(m.end..gov_end),
                        self.doc.original_text(k..k + 1).trim_start_matches('و')
                    )
                };
                found.push(region(gov_key, self.stem(k), start..k + 1, name));
                k += 1;
            }
            if found.is_empty() {
                return None;
            }
            return Some((Elements::Many(found), k, false));
        }
        None
    }

    /// A locator after an element: "بريف درعا", "في حمص", "شرقي دمشق", "على
    /// أطراف منطقة اللجاة". Returns the located places and the end.
    fn locator(&self, i: usize) -> Option<(Elements<'a>, usize)> {
        if i >= self.end {
            return None;
        }
        let a = self.doc.analysis(i);
        let as_locator = |mut found: Elements<'a>, end: usize, need_container: bool| {
            if need_container && !found.iter().all(is_container) {
                return None;
            }
            for p in found.iter_mut() {
                p.role = PlaceRoleInClause::Locator;
            }
            Some((found, end))
        };
        if let Some((m, _)) = self
            .doc
            .find_at(i, kinds::syntax(SyntaxRole::Locator), |e| {
                matches!(e, Entry::Syntax(SyntaxRole::Locator))
            })
        {
            // "التي تقع على …", "الواقع في …": the preposition after it.
            let at = if matches!(self.stem(m.end), "في" | "علي" | "قرب") {
                m.end + 1
            } else {
                m.end
            };
            let (found, end, _) = self.parse_element(at, false)?;
            return as_locator(found, end, false);
        }
        if self.doc.direction_at(i, false).is_some() && !a.conj {
            let (found, end, _) = self.parse_element(i, false)?;
            return as_locator(found, end, false);
        }
        if a.prep == Some('ب') && !a.conj {
            let (found, end, _) = self.parse_element(i, false)?;
            return as_locator(found, end, true);
        }
        if self.stem(i) == "في" {
            let (found, end, _) = self.parse_element(i + 1, false)?;
            return as_locator(found, end, true);
        }
        if self.stem(i) == "بين" {
            // "الطريق الدولي بين دمشق ودرعا": both ends only describe it.
            let (mut found, end, _) = self.parse_element(i + 1, false)?;
            if self.doc.analysis(end).conj {
                if let Some((more, e, _)) = self.parse_element(end, false) {
                    found.extend(more);
                    return as_locator(found, e, false);
                }
            }
            return as_locator(found, end, false);
        }
        None
    }

    /// A coordinated list of places starting at `i`, with the locators after
    /// its elements: the places (events and locators) are added to `places`
    /// (nothing when there is no list); returns the end.
    pub fn list_into(&self, i: usize, places: &mut Vec<FoundPlace<'a>>) -> Option<usize> {
        let (mut elements, mut end, typed) = self.parse_element(i, false)?;
        // "منطقتي الدوة والبيارات": later members share the type word's kind.
        let list_kind = elements.first().and_then(|p| p.kind);
        loop {
            end = self.skip_trailers(end);
            // The elements, then their locators, read straight into `places`.
            let first = places.len();
            places.extend(elements);
            let located = places.len();
            while let Some((found, e)) = self.locator(end) {
                places.extend(found);
                end = self.skip_trailers(e);
            }
            if places.len() > located {
                let keys: Rc<[Shared<'a>]> =
                    places[located..].iter().map(|l| l.key.clone()).collect();
                for p in &mut places[first..located] {
                    p.locators = Some(if p.locators().is_empty() {
                        keys.clone()
                    } else {
                        p.locators().iter().chain(keys.iter()).cloned().collect()
                    });
                }
            }
            // "وبلدة X"، "والهبيط"، "وحرستا": the list goes on after و.
            if end < self.end && self.doc.analysis(end).conj {
                if let Some((mut found, e, _)) = self.parse_element(end, typed) {
                    for p in found.iter_mut() {
                        p.kind = p.kind.or(list_kind);
                    }
                    elements = found;
                    end = e;
                    continue;
                }
            }
            break;
        }
        Some(end)
    }
}
