//! The engine's JavaScript face, for a Web Worker or another page:
//! `extract(text, {published: "YYYY-MM-DD"})` returns `{published, events}`
//! exactly as the CLI prints them. All wasm-bindgen glue for the engine lives here.

use serde::Deserialize;
use waqai_engine::{Date, Options};
use wasm_bindgen::prelude::*;

#[derive(Default, Deserialize)]
struct JsOptions {
    #[serde(default)]
    published: Option<String>,
}

/// Extracts the events of one article. Throws a readable message when
/// `options.published` is not a `YYYY-MM-DD` date.
#[wasm_bindgen]
pub fn extract(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsValue::from_str(&e.to_string()))?
    };
    let published = match opts.published.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(
            s.parse::<Date>()
                .map_err(|e| JsValue::from_str(&e.to_string()))?,
        ),
        None => None,
    };
    let found = waqai_engine::extract(text, &Options { published });
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    found
        .serialize(&serializer)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

use serde::Serialize as _;
