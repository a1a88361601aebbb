//! The reader's filters, how an event passes them, and their shareable form
//! in the address's fragment (`#xt=clash&k=3`).

use std::collections::BTreeSet;
use std::sync::Arc;

use waqai_engine::{Date, EventType, Status};

use super::events::TimelineEvent;

/// The id of "side not stated" in the side filter.
pub const UNKNOWN: &str = "unknown";

/// Every filter. Sets hold what is HIDDEN, so that a new type or side shows
/// by default and the empty value means "no filter".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub hidden_types: BTreeSet<EventType>,
    /// Side ids, and [`UNKNOWN`] for events whose side is not stated.
    pub hidden_sides: BTreeSet<String>,
    /// A governorate P-code, or [`UNKNOWN`] for events with no governorate.
    pub governorate: Option<String>,
    pub place: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub min_killed: u32,
    pub hide_denied: bool,
    pub article: Option<u32>,
}

/// One filter group of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Type,
    Side,
    Governorate,
    Place,
    Dates,
    Killed,
    Denied,
    Article,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Type,
        Facet::Side,
        Facet::Governorate,
        Facet::Place,
        Facet::Dates,
        Facet::Killed,
        Facet::Denied,
        Facet::Article,
    ];
}

/// The folded form place names are searched in (diacritics, hamza forms and
/// case do not matter).
pub fn search_key(s: &str) -> String {
    waqai_engine::text::normalize::fold(s).to_lowercase()
}

/// The side id of an event, or [`UNKNOWN`].
pub fn side_id(ev: &TimelineEvent) -> &'static str {
    ev.facts.side.map_or(UNKNOWN, |s| s.id())
}

/// What the filters make of the rows: see [`Filters::apply`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filtered {
    /// Shared with the page's `visible` memo, so the rows are not copied twice.
    pub visible: Arc<Vec<TimelineEvent>>,
    /// Per facet (in [`Facet::ALL`] order), how many rows it keeps on its own.
    pub kept: [usize; 8],
}

impl Filtered {
    pub fn kept_by(&self, facet: Facet) -> usize {
        Facet::ALL
            .iter()
            .position(|&f| f == facet)
            .map_or(0, |i| self.kept[i])
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Whether `ev` passes the one filter `facet`.
    pub fn keeps(&self, facet: Facet, ev: &TimelineEvent) -> bool {
        let e = &ev.event;
        match facet {
            Facet::Type => !self.hidden_types.contains(&ev.facts.kind),
            Facet::Side => !self.hidden_sides.contains(side_id(ev)),
            Facet::Governorate => match self.governorate.as_deref() {
                None => true,
                Some(code) => {
                    let gov = e.places.iter().find_map(|p| p.governorate.as_ref());
                    match gov {
                        Some(g) => g.pcode == code,
                        None => code == UNKNOWN,
                    }
                }
            },
            Facet::Place => {
                // Asked for every event on every change: nothing to fold when empty.
                if self.place.trim().is_empty() {
                    return true;
                }
                let q = search_key(self.place.trim());
                q.is_empty()
                    || e.places.iter().any(|p| {
                        search_key(&p.name).contains(&q)
                            || p.name_en
                                .as_deref()
                                .is_some_and(|n| n.to_lowercase().contains(&q))
                    })
            }
            Facet::Dates => {
                if self.from.is_none() && self.to.is_none() {
                    return true;
                }
                // A range asks for known days; an undated event is outside it.
                match ev.facts.date {
                    Some(d) => self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t),
                    None => false,
                }
            }
            Facet::Killed => {
                self.min_killed == 0 || e.killed.is_some_and(|k| k.at_least() >= self.min_killed)
            }
            Facet::Denied => !(self.hide_denied && e.status == Status::Denied),
            Facet::Article => self
                .article
                .is_none_or(|a| ev.reports.iter().any(|r| r.article_id == a)),
        }
    }

    pub fn matches(&self, ev: &TimelineEvent) -> bool {
        Facet::ALL.iter().all(|&f| self.keeps(f, ev))
    }

    /// How many of `events` the filter `facet` keeps on its own (the plain
    /// definition [`Filters::apply`] is checked against).
    #[cfg(test)]
    pub fn count_kept(&self, facet: Facet, events: &[TimelineEvent]) -> usize {
        events.iter().filter(|e| self.keeps(facet, e)).count()
    }

    /// One pass over `events`: the ones every filter keeps, and how many
    /// each filter keeps on its own (in [`Facet::ALL`] order), so that a
    /// filter change tests each event once per filter, not once per panel.
    pub fn apply(&self, events: &[TimelineEvent]) -> Filtered {
        let mut out = Filtered::default();
        let mut visible = Vec::with_capacity(events.len());
        for e in events {
            let mut all = true;
            for (i, &f) in Facet::ALL.iter().enumerate() {
                if self.keeps(f, e) {
                    out.kept[i] += 1;
                } else {
                    all = false;
                }
            }
            if all {
                visible.push(e.clone());
            }
        }
        out.visible = Arc::new(visible);
        out
    }

    /// The fragment form, without the `#`; empty when nothing is filtered.
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.hidden_types.is_empty() {
            let ids: Vec<&str> = self.hidden_types.iter().map(|t| t.id()).collect();
            parts.push(format!("xt={}", ids.join(",")));
        }
        if !self.hidden_sides.is_empty() {
            let ids: Vec<&str> = self.hidden_sides.iter().map(String::as_str).collect();
            parts.push(format!("xs={}", encode(&ids.join(","))));
        }
        if let Some(g) = &self.governorate {
            parts.push(format!("g={}", encode(g)));
        }
        if !self.place.is_empty() {
            parts.push(format!("q={}", encode(&self.place)));
        }
        if let Some(d) = self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={d}"));
        }
        if self.min_killed > 0 {
            parts.push(format!("k={}", self.min_killed));
        }
        if self.hide_denied {
            parts.push("nd=1".into());
        }
        if let Some(a) = self.article {
            parts.push(format!("a={a}"));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without `#`); unknown or bad parts are ignored.
    pub fn from_fragment(fragment: &str) -> Filters {
        let mut f = Filters::default();
        for part in fragment.trim_start_matches('#').split('&') {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let v = decode(v);
            match k {
                // The sets are filled by `extend` (one insert each): `collect`
                // into a BTreeSet sorts first, and each element type's sort
                // routine costs the page's module some KB.
                "xt" => {
                    f.hidden_types.clear();
                    f.hidden_types
                        .extend(v.split(',').filter_map(EventType::from_id));
                }
                "xs" => {
                    f.hidden_sides.clear();
                    f.hidden_sides.extend(
                        v.split(',')
                            .filter(|s| *s == UNKNOWN || waqai_engine::Side::from_id(s).is_some())
                            .map(String::from),
                    );
                }
                "g" if !v.is_empty() => f.governorate = Some(v),
                "q" => f.place = v,
                "from" => f.from = v.parse().ok(),
                "to" => f.to = v.parse().ok(),
                "k" => f.min_killed = v.parse().unwrap_or(0),
                "nd" => f.hide_denied = v == "1",
                "a" => f.article = v.parse().ok(),
                _ => {}
            }
        }
        f
    }
}

/// Percent-encodes everything but unreserved ASCII and commas.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes (and `+` as a space); bad escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::super::corrections::tests::event;
    use super::super::events::{merge, Report};
    use super::*;
    use waqai_engine::{Count, Governorate, Side};

    fn rows() -> Vec<TimelineEvent> {
        let mut a = event(EventType::Shelling, "الوعر", Some("2017-03-22"), 0);
        a.places[0].governorate = Some(Governorate {
            pcode: "SY04".into(),
            name_en: "Homs".into(),
            name_ar: "حمص".into(),
        });
        a.places[0].name_en = Some("Al-Waer".into());
        let mut b = event(EventType::Clash, "حلب", Some("2017-03-20"), 5);
        b.actor.side = None;
        b.killed = None;
        b.status = Status::Denied;
        let mut c = event(EventType::Airstrike, "إدلب", None, 9);
        c.killed = Some(Count::Some);
        c.actor.side = Some(Side::Russia);
        let reps = vec![(1, a), (1, b), (2, c)]
            .into_iter()
            .map(|(id, e)| Report::plain(id, e))
            .collect();
        merge(reps, &[1, 2])
    }

    fn kept(f: &Filters) -> Vec<EventType> {
        rows()
            .into_iter()
            .filter(|e| f.matches(e))
            .map(|e| e.event.kind)
            .collect()
    }

    #[test]
    fn each_filter_narrows() {
        use EventType::*;
        let all = Filters::default();
        assert_eq!(kept(&all), vec![Clash, Shelling, Airstrike]);
        let f = Filters {
            hidden_types: [Clash].into(),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling, Airstrike]);
        let f = Filters {
            hidden_sides: [UNKNOWN.to_string(), "russia".into()].into(),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling]);
        let f = Filters {
            governorate: Some("SY04".into()),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling]);
        let f = Filters {
            governorate: Some(UNKNOWN.into()),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Clash, Airstrike]);
        let f = Filters {
            place: "ادلب".into(),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Airstrike]);
        let f = Filters {
            place: "waer".into(),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling]);
        let f = Filters {
            from: "2017-03-21".parse().ok(),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling]);
        let f = Filters {
            min_killed: 1,
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling, Airstrike]);
        let f = Filters {
            hide_denied: true,
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Shelling, Airstrike]);
        let f = Filters {
            article: Some(2),
            ..all.clone()
        };
        assert_eq!(kept(&f), vec![Airstrike]);
        assert_eq!(f.count_kept(Facet::Article, &rows()), 1);
        // One pass gives the same as a pass per facet.
        let all = rows();
        let once = f.apply(&all);
        for facet in Facet::ALL {
            assert_eq!(once.kept_by(facet), f.count_kept(facet, &all), "{facet:?}");
        }
        let kept: Vec<_> = all.iter().filter(|r| f.matches(r)).cloned().collect();
        assert_eq!(*once.visible, kept);
    }

    #[test]
    fn fragment_round_trip() {
        let f = Filters {
            hidden_types: [EventType::Clash, EventType::Other].into(),
            hidden_sides: [UNKNOWN.to_string()].into(),
            governorate: Some("SY04".into()),
            place: "حي الوعر & co".into(),
            from: "2017-03-01".parse().ok(),
            to: "2017-03-31".parse().ok(),
            min_killed: 3,
            hide_denied: true,
            article: Some(4),
        };
        let s = f.to_fragment();
        assert!(s.is_ascii());
        assert_eq!(Filters::from_fragment(&format!("#{s}")), f);
        assert_eq!(Filters::default().to_fragment(), "");
        assert_eq!(
            Filters::from_fragment("#xt=nonsense&k=x&zz=1&q=%E2"),
            Filters {
                place: "\u{fffd}".into(),
                ..Filters::default()
            }
        );
    }
}
