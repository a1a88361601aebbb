//! A compact binary form of an [`Extraction`], for handing the engine's
//! answers from one thread to another (the page's worker to the page).
//!
//! JSON made a thousand articles' answers 14 MB that the worker wrote and the
//! page then parsed, on the thread that draws. This form is written and read
//! field by field, strings as length and bytes, numbers as they are: less
//! than half the bytes and several times quicker at both ends. It is not a
//! storage or exchange format: both ends are the same build, and the first
//! byte says which form this is, so a mismatch is an error, never a misread.
//!
//! ```
//! use waqai_engine::{extract, wire, Options};
//!
//! let x = extract("قصفت طائرات حربية مدينة دوما أمس.", &Options::default());
//! let bytes = wire::encode(&x);
//! assert_eq!(wire::decode(&bytes).unwrap(), x);
//! assert!(wire::decode(&bytes[..bytes.len() / 2]).is_err());
//! ```
//!
//! [`decode`] never panics and never allocates more than its input could
//! hold, whatever the bytes.

use std::fmt;
use std::sync::Arc;

use crate::model::{
    Actor, Count, DatePrecision, Event, EventType, Extraction, GeoPrecision, Governorate, Place,
    Side, Span, Status,
};
use crate::Date;

/// The form's version: the first byte of every encoding.
const FORM: u8 = 1;

/// Why bytes could not be read as an [`Extraction`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(&'static str);

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an answer of this engine: {}", self.0)
    }
}

impl std::error::Error for WireError {}

/// `x` in the binary form.
pub fn encode(x: &Extraction) -> Vec<u8> {
    write(x, true)
}

/// [`encode`], with every evidence span's text written empty: a caller that
/// has the article cuts it again from the span's byte offsets (the page's
/// worker answers so: the article's sentences are not sent back to it).
pub fn encode_without_evidence_text(x: &Extraction) -> Vec<u8> {
    write(x, false)
}

fn write(x: &Extraction, evidence_text: bool) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(64 + x.events.len() * 160));
    w.0.push(FORM);
    w.date(x.published);
    w.str(&x.published_from);
    w.len(x.events.len());
    for e in &x.events {
        w.event(e, evidence_text);
    }
    w.0
}

/// The [`Extraction`] that [`encode`] made `bytes` from.
pub fn decode(bytes: &[u8]) -> Result<Extraction, WireError> {
    let mut r = Reader {
        bytes,
        at: 0,
        no_text: Arc::from(""),
    };
    if r.byte()? != FORM {
        return Err(WireError("unknown form"));
    }
    let published = r.date()?;
    let published_from = r.string()?;
    let events = r.list(Reader::event)?;
    if r.at != bytes.len() {
        return Err(WireError("bytes after the end"));
    }
    Ok(Extraction {
        published,
        published_from,
        events,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    /// An unsigned number in LEB128: 7 bits a byte, low bits first.
    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }

    fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            None => self.0.push(0),
            Some(v) => {
                self.0.push(1);
                self.0.extend_from_slice(&v.to_le_bytes());
            }
        }
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            None => self.0.push(0),
            Some(d) => {
                self.0.push(1);
                // Years are 1 to 9999 (see `Date::new`).
                self.uint(u64::try_from(d.year()).unwrap_or_default());
                self.0.push(d.month() as u8);
                self.0.push(d.day() as u8);
            }
        }
    }

    fn count(&mut self, c: Option<Count>) {
        match c {
            None => self.0.push(0),
            Some(Count::Some) => self.0.push(1),
            Some(Count::Exact(n)) => {
                self.0.push(2);
                self.uint(u64::from(n));
            }
        }
    }

    fn event(&mut self, e: &Event, evidence_text: bool) {
        self.0.push(e.kind as u8);
        self.len(e.places.len());
        for p in &e.places {
            self.place(p);
        }
        match e.actor.side {
            None => self.0.push(0),
            Some(s) => self.0.push(1 + s as u8),
        }
        self.opt_str(e.actor.name.as_deref());
        self.count(e.killed);
        self.count(e.wounded);
        self.date(e.date);
        self.0.push(e.precision as u8);
        self.0.push(e.status as u8);
        self.opt_str(e.source.as_deref());
        self.len(e.weapons.len());
        for w in &e.weapons {
            self.str(w);
        }
        self.len(e.evidence.len());
        for s in &e.evidence {
            for n in [s.start, s.end, s.start_utf16, s.end_utf16] {
                self.len(n);
            }
            self.str(if evidence_text { &s.text } else { "" });
        }
    }

    fn place(&mut self, p: &Place) {
        self.str(&p.name);
        self.str(&p.normalized);
        self.opt_str(p.name_en.as_deref());
        self.opt_str(p.kind.as_deref());
        match &p.governorate {
            None => self.0.push(0),
            Some(g) => {
                self.0.push(1);
                self.str(&g.pcode);
                self.str(&g.name_en);
                self.str(&g.name_ar);
            }
        }
        self.opt_f64(p.lat);
        self.opt_f64(p.lon);
        self.0.push(p.precision as u8);
        self.opt_str(p.gazetteer_id.as_deref());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The empty text of every span sent without one, made once.
    no_text: Arc<str>,
}

const CUT: WireError = WireError("cut short");

/// The variants in declaration order, as the writer numbers them.
const DATE_PRECISIONS: [DatePrecision; 4] = [
    DatePrecision::Day,
    DatePrecision::Week,
    DatePrecision::Month,
    DatePrecision::Unknown,
];
const GEO_PRECISIONS: [GeoPrecision; 4] = [
    GeoPrecision::Exact,
    GeoPrecision::Near,
    GeoPrecision::Region,
    GeoPrecision::Unknown,
];

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, WireError> {
        let b = *self.bytes.get(self.at).ok_or(CUT)?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], WireError> {
        let end = self.at.checked_add(n).ok_or(CUT)?;
        let out = self.bytes.get(self.at..end).ok_or(CUT)?;
        self.at = end;
        Ok(out)
    }

    fn uint(&mut self) -> Result<u64, WireError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(WireError("number too long"))
    }

    fn usize(&mut self) -> Result<usize, WireError> {
        usize::try_from(self.uint()?).map_err(|_| WireError("number too big"))
    }

    /// The value a byte indexes in `all` (the order the writer's `as u8`
    /// gives: declaration order).
    fn one_of<T: Copy>(&mut self, all: &[T], what: &'static str) -> Result<T, WireError> {
        let i = usize::from(self.byte()?);
        all.get(i).copied().ok_or(WireError(what))
    }

    fn flag(&mut self) -> Result<bool, WireError> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(WireError("bad flag")),
        }
    }

    fn string(&mut self) -> Result<String, WireError> {
        let n = self.usize()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| WireError("text not UTF-8"))
    }

    /// A span's text: shared when empty (see [`encode_without_evidence_text`]).
    fn text(&mut self) -> Result<Arc<str>, WireError> {
        let text = self.string()?;
        Ok(if text.is_empty() {
            self.no_text.clone()
        } else {
            text.into()
        })
    }

    fn opt_string(&mut self) -> Result<Option<String>, WireError> {
        Ok(if self.flag()? {
            Some(self.string()?)
        } else {
            None
        })
    }

    fn opt_f64(&mut self) -> Result<Option<f64>, WireError> {
        if !self.flag()? {
            return Ok(None);
        }
        let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| CUT)?;
        Ok(Some(f64::from_le_bytes(b)))
    }

    /// A list: its length, then `item` as often. Every item takes at least a
    /// byte, so a length beyond the bytes left is refused before allocating.
    fn list<T>(
        &mut self,
        item: fn(&mut Self) -> Result<T, WireError>,
    ) -> Result<Vec<T>, WireError> {
        let n = self.usize()?;
        if n > self.bytes.len() - self.at {
            return Err(CUT);
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }

    fn date(&mut self) -> Result<Option<Date>, WireError> {
        if !self.flag()? {
            return Ok(None);
        }
        let y = self.uint()?;
        let (m, d) = (self.byte()?, self.byte()?);
        let y = i32::try_from(y).map_err(|_| WireError("bad date"))?;
        Date::new(y, m.into(), d.into())
            .map(Some)
            .ok_or(WireError("bad date"))
    }

    fn count(&mut self) -> Result<Option<Count>, WireError> {
        Ok(match self.byte()? {
            0 => None,
            1 => Some(Count::Some),
            2 => Some(Count::Exact(
                u32::try_from(self.uint()?).map_err(|_| WireError("bad count"))?,
            )),
            _ => return Err(WireError("bad count")),
        })
    }

    fn event(&mut self) -> Result<Event, WireError> {
        let kind = self.one_of(&EventType::ALL, "bad event type")?;
        let places = self.list(Reader::place)?;
        let side = match self.byte()? {
            0 => None,
            s => Some(
                *Side::ALL
                    .get(usize::from(s) - 1)
                    .ok_or(WireError("bad side"))?,
            ),
        };
        let actor = Actor {
            side,
            name: self.opt_string()?,
        };
        let killed = self.count()?;
        let wounded = self.count()?;
        let date = self.date()?;
        let precision = self.one_of(&DATE_PRECISIONS, "bad date precision")?;
        let status = self.one_of(&[Status::Reported, Status::Denied], "bad status")?;
        let source = self.opt_string()?;
        let weapons = self.list(Reader::string)?;
        let evidence = self.list(|r| {
            let (start, end) = (r.usize()?, r.usize()?);
            let (start_utf16, end_utf16) = (r.usize()?, r.usize()?);
            Ok(Span {
                start,
                end,
                start_utf16,
                end_utf16,
                text: r.text()?,
            })
        })?;
        Ok(Event {
            kind,
            places,
            actor,
            killed,
            wounded,
            date,
            precision,
            status,
            source,
            weapons,
            evidence,
        })
    }

    fn place(&mut self) -> Result<Place, WireError> {
        let name = self.string()?;
        let normalized = self.string()?;
        let name_en = self.opt_string()?.map(Into::into);
        let kind = self.opt_string()?.map(Into::into);
        let governorate = if self.flag()? {
            Some(Governorate {
                pcode: self.string()?.into(),
                name_en: self.string()?.into(),
                name_ar: self.string()?.into(),
            })
        } else {
            None
        };
        let lat = self.opt_f64()?;
        let lon = self.opt_f64()?;
        let precision = self.one_of(&GEO_PRECISIONS, "bad geo precision")?;
        Ok(Place {
            name,
            normalized,
            name_en,
            kind,
            governorate,
            lat,
            lon,
            precision,
            gazetteer_id: self.opt_string()?.map(Into::into),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    fn dev_answers() -> Vec<Extraction> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let options = Options::published("2017-03-22".parse().unwrap());
        files
            .iter()
            .map(|p| extract(&std::fs::read_to_string(p).unwrap(), &options))
            .collect()
    }

    #[test]
    fn the_dev_answers_read_back_as_written_and_smaller_than_json() {
        for mut x in dev_answers() {
            assert!(!x.events.is_empty());
            let bytes = encode(&x);
            assert_eq!(decode(&bytes), Ok(x.clone()));
            assert!(bytes.len() < serde_json::to_vec(&x).unwrap().len());
            // As the page's worker sends them: evidence as offsets only.
            let lean = encode_without_evidence_text(&x);
            for s in x.events.iter_mut().flat_map(|e| e.evidence.iter_mut()) {
                s.text = "".into();
            }
            assert_eq!(lean, encode(&x));
            assert_eq!(decode(&lean), Ok(x.clone()));
            let (bytes, json) = (lean, serde_json::to_vec(&x).unwrap());
            assert!(
                bytes.len() * 2 < json.len(),
                "{} vs {}",
                bytes.len(),
                json.len()
            );
        }
    }

    #[test]
    fn every_field_and_variant_survives() {
        let mut x = dev_answers().remove(0);
        x.published = Some(Date::new(9999, 12, 31).unwrap());
        x.published_from = "text".into();
        let mut e = x.events[0].clone();
        for (i, kind) in EventType::ALL.into_iter().enumerate() {
            e.kind = kind;
            e.actor.side = Side::ALL.get(i % Side::ALL.len()).copied();
            e.killed = [None, Some(Count::Some), Some(Count::Exact(u32::MAX))][i % 3];
            e.wounded = [Some(Count::Exact(0)), None, Some(Count::Some)][i % 3];
            e.precision = DATE_PRECISIONS[i % 4];
            e.status = [Status::Reported, Status::Denied][i % 2];
            e.source = (i % 2 == 0).then(|| "المرصد".to_string());
            e.weapons = vec!["هاون".into(); i % 3];
            e.places[0].precision = GEO_PRECISIONS[i % 4];
            e.places[0].lat = (i % 2 == 1).then_some(-0.0);
            x.events.push(e.clone());
        }
        assert_eq!(decode(&encode(&x)), Ok(x));
    }

    #[test]
    fn damaged_bytes_are_refused_without_panicking() {
        let mut x = dev_answers().remove(0);
        x.events.truncate(8);
        let bytes = encode(&x);
        // Every cut is refused.
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "cut at {n}");
        }
        // Flipped bytes: an error or some answer, never a panic.
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            let _ = decode(&b);
        }
        // Table: (bytes, why)
        for (bytes, why) in [
            (&[][..], "cut short"),
            (&[9][..], "unknown form"),
            (&[FORM, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f][..], "cut short"),
            (&[FORM, 0, 0, 0, 0][..], "bytes after the end"),
        ] {
            assert_eq!(decode(bytes), Err(WireError(why)));
        }
    }
}
