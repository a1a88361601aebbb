//! The share link's text: a [`Payload`] as JSON (`super::json`), deflated (zlib, with its
//! Adler-32 checksum, by the pure-Rust `miniz_oxide`) and written in URL-safe
//! base64 without padding, after a version prefix:
//!
//! ```text
//! https://…/waqai/#share=v1.eNrtWV1v2zYU…
//!                  ^^^^^ ^^ ^^^^^^^^^^^^
//!                  key   version   data
//! ```
//!
//! The version says how to read the data. Version 1 is read by every later
//! version of the page (its shapes live in [`super::payload`] and only ever
//! gain optional fields); a link from a newer version than this page knows is
//! refused with [`ErrorKind::FutureVersion`], never misread.
//!
//! Everything here is pure, so it is tested natively (`cargo test -p waqai-web`).

use std::fmt;

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use super::payload::Payload;

/// The fragment key of a share link: `#share=v1.…`.
pub const KEY: &str = "share";
/// The version this page writes.
pub const VERSION: u32 = 1;
/// Links longer than this are flagged: 65,536 characters is the longest
/// message WhatsApp sends and the longest address some browsers keep. (Slack
/// cuts messages at 40,000 characters and Telegram at 4,096; the page says so.)
pub const WARN_LENGTH: usize = 65_536;
/// A link never inflates to more than this (a hostile link cannot eat memory).
const MAX_INFLATED: usize = 64 << 20;
/// Deflate level (0–10; 9 is zlib's "best").
const LEVEL: u8 = 9;

/// Reads what [`URL_SAFE_NO_PAD`] writes, and also padded or cut data: a cut
/// link then fails in the inflater as "incomplete", not as a base64 error.
const READ_B64: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Why a link could not be read. Opaque: ask [`ShareError::kind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareError {
    kind: ErrorKind,
    detail: String,
}

/// What went wrong, in the terms the reader is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The data ends early: the link was cut when it was sent or copied.
    Truncated,
    /// The data is damaged (a changed character, not a share link at all).
    Corrupt,
    /// Made by a newer version of the page than this one.
    FutureVersion(u32),
}

impl ShareError {
    fn new(kind: ErrorKind, detail: impl Into<String>) -> ShareError {
        ShareError {
            kind,
            detail: detail.into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Truncated => write!(f, "the share link is incomplete ({})", self.detail),
            ErrorKind::Corrupt => write!(f, "the share link is damaged ({})", self.detail),
            ErrorKind::FutureVersion(v) => write!(
                f,
                "the share link has version {v}; this page reads up to version {VERSION}"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// Whether a fragment (with or without `#`) is a share link's.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment
        .trim_start_matches('#')
        .strip_prefix(KEY)
        .is_some_and(|r| r.starts_with('='))
}

/// The fragment for `payload`, without `#`: `share=v1.<data>`.
pub fn encode(payload: &Payload) -> String {
    let json = super::json::to_json(payload);
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), LEVEL);
    format!("{KEY}=v{VERSION}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a fragment made by [`encode`] (with or without `#`, also when a chat
/// tool or browser percent-encoded it or added whitespace).
pub fn decode(fragment: &str) -> Result<Payload, ShareError> {
    let value = fragment
        .trim()
        .trim_start_matches('#')
        .strip_prefix(KEY)
        .and_then(|r| r.strip_prefix('='))
        .ok_or_else(|| ShareError::new(ErrorKind::Corrupt, "no share= key"))?;
    let value = value.replace("%2E", ".").replace("%2e", ".");
    let (version, data) = value
        .split_once('.')
        .ok_or_else(|| ShareError::new(ErrorKind::Truncated, "no data after the version"))?;
    let version: u32 = version
        .strip_prefix('v')
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| ShareError::new(ErrorKind::Corrupt, "no version"))?;
    if version > VERSION {
        return Err(ShareError::new(ErrorKind::FutureVersion(version), ""));
    }
    if version == 0 {
        return Err(ShareError::new(ErrorKind::Corrupt, "version 0"));
    }
    // Chat tools sometimes wrap long links; a link never holds whitespace.
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    if data.is_empty() {
        return Err(ShareError::new(ErrorKind::Truncated, "no data"));
    }
    let packed = READ_B64.decode(data.as_bytes()).map_err(|e| match e {
        base64::DecodeError::InvalidLength(_) => {
            ShareError::new(ErrorKind::Truncated, e.to_string())
        }
        _ => ShareError::new(ErrorKind::Corrupt, e.to_string()),
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_INFLATED)
        .map_err(|e| {
            let kind = match e.status {
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ErrorKind::Truncated
                }
                _ => ErrorKind::Corrupt,
            };
            ShareError::new(kind, format!("inflate: {:?}", e.status))
        })?;
    // Version 1 is the only version so far; a later one dispatches here.
    let json = std::str::from_utf8(&json)
        .map_err(|_| ShareError::new(ErrorKind::Corrupt, "contents: not UTF-8"))?;
    super::json::from_json(json)
        .map_err(|e| ShareError::new(ErrorKind::Corrupt, format!("contents: {e}")))
}

#[cfg(test)]
mod tests {
    use super::super::payload::{Kind, Payload, SharedArticle};
    use super::*;
    use crate::state::articles::samples_to_add;
    use crate::state::corrections::{Correction, Corrections};

    fn samples() -> Payload {
        let mut corrections = Corrections::new();
        corrections.insert("1/shelling|وعر|10".into(), Correction::Delete);
        Payload {
            kind: Kind::Full,
            articles: samples_to_add(&[])
                .iter()
                .map(SharedArticle::full)
                .collect(),
            corrections: corrections
                .into_iter()
                .map(|(k, v)| (k, crate::state::json::correction_value(&v)))
                .collect(),
            filters: "xt=clash&k=1".into(),
            selected: Some("m:shelling|وعر|2017-03-22".into()),
            selected_index: None,
            places: Vec::new(),
        }
    }

    #[test]
    fn round_trip() {
        let p = samples();
        let link = encode(&p);
        assert!(link.starts_with("share=v1."));
        assert!(is_share_fragment(&link) && is_share_fragment(&format!("#{link}")));
        assert!(!is_share_fragment("xt=clash") && !is_share_fragment("shared=1"));
        // URL-safe: nothing a browser or chat tool would escape.
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)));
        assert_eq!(decode(&link).unwrap(), p);
        assert_eq!(decode(&format!("#{link}")).unwrap(), p);
        // Wrapped by a chat tool, or its dot escaped.
        let wrapped = format!("{}\n{}", &link[..100], &link[100..]);
        assert_eq!(decode(&wrapped).unwrap(), p);
        assert_eq!(decode(&link.replacen('.', "%2E", 1)).unwrap(), p);
    }

    #[test]
    fn sample_articles_stay_under_the_warned_length() {
        let link = encode(&samples());
        // The whole link adds the page's address (well under 200 characters).
        assert!(
            link.len() + 200 < WARN_LENGTH,
            "the five samples make a {}-character link",
            link.len()
        );
        let text: usize = samples().articles.iter().map(|a| a.text.len()).sum();
        assert!(link.len() < text, "compressed: {} < {text}", link.len());
    }

    #[test]
    fn truncated_links_are_refused() {
        let link = encode(&samples());
        for cut in [link.len() - 1, link.len() - 3, link.len() / 2, 20, 12, 10] {
            let err = decode(&link[..cut]).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Truncated, "cut at {cut}: {err}");
        }
        assert_eq!(decode("share=v1").unwrap_err().kind(), ErrorKind::Truncated);
        assert_eq!(
            decode("share=v1.").unwrap_err().kind(),
            ErrorKind::Truncated
        );
    }

    #[test]
    fn corrupted_links_are_refused() {
        let link = encode(&samples());
        // Changing any one character in the data is noticed (checksum or format).
        let start = "share=v1.".len();
        for at in (start..link.len() - 2).step_by(97) {
            let mut bytes = link.clone().into_bytes();
            bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
            let bad = String::from_utf8(bytes).unwrap();
            if let Ok(p) = decode(&bad) {
                panic!("a changed character at {at} went unnoticed: {p:?}");
            }
        }
        for bad in [
            "share=v1.!!!!",
            "share=vx.abcd",
            "share=",
            "xt=clash",
            "share=v1.AAAA",
        ] {
            let err = decode(bad).unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::Corrupt | ErrorKind::Truncated),
                "{bad}: {err}"
            );
        }
        // Valid zlib, but not a payload.
        let not_payload = miniz_oxide::deflate::compress_to_vec_zlib(b"[1,2,3]", 6);
        let link = format!("share=v1.{}", URL_SAFE_NO_PAD.encode(not_payload));
        assert_eq!(decode(&link).unwrap_err().kind(), ErrorKind::Corrupt);
    }

    #[test]
    fn future_versions_are_refused_not_misread() {
        let link = encode(&samples()).replacen("share=v1.", "share=v2.", 1);
        let err = decode(&link).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::FutureVersion(2));
        assert!(err.to_string().contains("version 2"));
        assert_eq!(
            decode("share=v17.whatever").unwrap_err().kind(),
            ErrorKind::FutureVersion(17)
        );
    }

    #[test]
    fn version_one_links_stay_readable() {
        // A version-1 link as written on 2026-11-21; later versions must read it.
        let json = r#"{"k":"events","a":[{"i":3,"t":"عنوان","e":[{"t":"airstrike","p":[0],"s":"government","k":2,"d":"2017-03-22","dp":"day","ev":[0]}],"sn":["قصفت المروحيات الأربعاء مدينة دوما"]}],"pl":[{"n":"دوما","ne":"Douma","la":33.5718,"lo":36.4027,"g":["SY03","Rural Damascus","ريف دمشق"],"gp":"exact"}],"f":"k=1","si":0}"#;
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
        let link = format!("share=v1.{}", URL_SAFE_NO_PAD.encode(packed));
        let p = decode(&link).unwrap();
        assert_eq!(p.kind, Kind::EventsOnly);
        assert_eq!(p.filters, "k=1");
        assert_eq!(p.selected_index, Some(0));
        let e = &p.articles[0].events[0];
        assert_eq!(e.kind, "airstrike");
        assert_eq!(p.places[e.places[0] as usize].lat, Some(33.5718));
        let opened = super::super::payload::open(p);
        let x = &opened.events[&3].events[0];
        assert_eq!(x.places[0].name_en.as_deref(), Some("Douma"));
        assert_eq!(&*x.evidence[0].text, "قصفت المروحيات الأربعاء مدينة دوما");
        assert_eq!(x.date.unwrap().to_string(), "2017-03-22");
        // Unknown fields (from a later version 1 writer) are ignored.
        let json = r#"{"k":"full","a":[],"zz":1}"#;
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
        let link = format!("share=v1.{}", URL_SAFE_NO_PAD.encode(packed));
        assert_eq!(decode(&link).unwrap().kind, Kind::Full);
    }
}
