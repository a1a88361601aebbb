//! The page's share-link decoder (`waqai_web::share::codec::decode`) and
//! what the page does with a link it could read (`payload::open`).
//!
//! The first byte picks how the rest reaches the decoder:
//! * 0: as the address fragment itself (keys, versions, base64, zlib errors);
//! * 1: as the JSON inside a well-formed link (deflated and base64-encoded
//!   here), so that the payload's reading and opening are fuzzed too;
//! * 2: as the deflated data inside a link (the inflater and its limit).
//!
//! It must not panic; a link that is read must open, and re-encode to a link
//! that reads back the same.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use waqai_web::share::{codec, payload};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = match mode % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => format!(
            "share=v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(rest, 1))
        ),
        _ => format!("share=v1.{}", URL_SAFE_NO_PAD.encode(rest)),
    };
    let _ = codec::is_share_fragment(&fragment);
    if let Ok(p) = codec::decode(&fragment) {
        let again = codec::encode(&p);
        assert_eq!(codec::decode(&again).as_ref(), Ok(&p), "re-encoded link");
        let _ = payload::open(p);
    }
});
