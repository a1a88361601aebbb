//! The JSON reader of share links, saves and exports (`waqai_json::parse`)
//! and the save's reading (`waqai_web::state::storage::from_json`).
//!
//! It must not panic; it must call JSON exactly what serde_json calls JSON
//! (but for numbers beyond a double's range, which serde_json refuses and we
//! keep as written: each reader then refuses them itself);
//! what it reads, written compact or indented, reads back the same; and a
//! save that reads writes back to a save that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waqai_web::state::storage::{from_json, to_json, Load};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ours = waqai_json::parse(&text);
    let theirs = serde_json::from_str::<serde_json::Value>(&text);
    let too_large = theirs
        .as_ref()
        .is_err_and(|e| e.to_string().starts_with("number out of range"));
    if !too_large {
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{ours:?} / {theirs:?}");
    }
    if let Ok(v) = ours {
        assert_eq!(waqai_json::parse(&v.to_json()).as_ref(), Ok(&v));
        assert_eq!(waqai_json::parse(&v.to_json_pretty()).as_ref(), Ok(&v));
    }
    if let Load::Ok(s) = from_json(Some(&text)) {
        let again = to_json(&s.articles, &s.corrections, &s.filters, s.lang);
        assert_eq!(from_json(Some(&again)), Load::Ok(s));
    }
});
