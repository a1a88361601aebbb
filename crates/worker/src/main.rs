//! The engine's JavaScript face, loaded by the page's Web Worker
//! (`assets/worker.js`) and usable by any other page or worker:
//!
//! ```js
//! import init, { extract } from './waqai-worker.js';
//! await init();
//! const { published, events } = extract(text, { published: '2016-03-01' });
//! ```
//!
//! `extract` returns the events exactly as the command-line extractor prints
//! them. `extract_answer` is what the worker calls: it reports progress on
//! long texts and hands back the answer in the engine's binary form
//! (`waqai_engine::wire`), bytes that cross `postMessage` (as a transferred
//! buffer, not copied) into the page's own module, which reads them several
//! times faster than JSON and than a tree of JavaScript objects. Its evidence
//! spans carry their offsets but not their text: the page has the article and
//! cuts the text out itself (a thousand articles: 31 MB of JSON became 13 MB
//! without the texts, and 5 MB in the binary form).
//! All wasm-bindgen glue for the engine lives here.

use waqai_engine::{Date, Options};
use wasm_bindgen::prelude::*;

/// Nothing to set up: the module only exports functions.
fn main() {}

/// Extracts the events of one article: `{events, published, published_from}`,
/// plain objects in the shape the command-line tool prints. Throws a readable
/// message when `options.published` is given and is not a `YYYY-MM-DD` date.
#[wasm_bindgen]
pub fn extract(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let published = if options.is_undefined() || options.is_null() {
        None
    } else {
        let value = js_sys::Reflect::get(&options, &JsValue::from_str("published"))?;
        match value.as_string() {
            Some(s) => Some(s),
            None if value.is_undefined() || value.is_null() => None,
            None => {
                return Err(JsValue::from_str(
                    "options.published must be a YYYY-MM-DD string",
                ))
            }
        }
    };
    let found = waqai_engine::extract(text, &options_from(published.as_deref())?);
    Ok(to_js(&waqai_export::extraction_value(&found)))
}

#[wasm_bindgen]
extern "C" {
    /// A plain object, whose properties are set as `object[key] = value`
    /// (`Reflect.set` through js-sys wraps every call in a try/catch).
    type PlainObject;
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &PlainObject, key: &JsValue, value: &JsValue);
}

/// A JSON value as the JavaScript value `JSON.parse` would make of its text,
/// built directly: a long text's answer holds megabytes of evidence, which
/// would otherwise be escaped, copied and parsed again.
fn to_js(v: &waqai_json::Value) -> JsValue {
    to_js_with(v, &mut Vec::new())
}

/// [`to_js`], with the JavaScript strings of the keys made so far: an answer
/// has some 25 distinct keys but tens of thousands of objects, and making a
/// key's string anew each time (a call into JavaScript) took most of the time.
fn to_js_with<'v>(v: &'v waqai_json::Value, keys: &mut Vec<(&'v str, JsValue)>) -> JsValue {
    use waqai_json::Value;
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        // The answer's numbers are counts and offsets, or coordinates.
        Value::Number(_) => v
            .as_u32()
            .map(f64::from)
            .or_else(|| v.as_decimal6())
            .map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => {
            let array = js_sys::Array::new_with_length(items.len() as u32);
            for (i, item) in items.iter().enumerate() {
                array.set(i as u32, to_js_with(item, keys));
            }
            array.into()
        }
        Value::Object(members) => {
            let object = js_sys::Object::new();
            for (key, value) in members {
                let value = to_js_with(value, keys);
                let key = match keys.iter().find(|(k, _)| *k == &**key) {
                    Some((_, js)) => js.clone(),
                    None => {
                        let js = JsValue::from_str(key);
                        keys.push((key, js.clone()));
                        js
                    }
                };
                object.unchecked_ref::<PlainObject>().set(&key, &value);
            }
            object.into()
        }
    }
}

/// Extracts the events of one article in the binary form of
/// `waqai_engine::wire` (the page reads it with `wire::decode`), calling
/// `progress(bytes_done, bytes_total)` between the pieces of a long text.
/// `published` is `YYYY-MM-DD` or empty. Every evidence span's `text` is
/// empty: it is `text[start..end]` (byte offsets), which the caller has.
#[wasm_bindgen]
pub fn extract_answer(
    text: &str,
    published: &str,
    progress: &js_sys::Function,
) -> Result<Vec<u8>, JsValue> {
    let options = options_from(Some(published))?;
    let found = waqai_engine::extract_with_progress(text, &options, |done, total| {
        // A failing callback must not lose the article: extraction goes on.
        let _ = progress.call2(
            &JsValue::NULL,
            &JsValue::from_f64(done as f64),
            &JsValue::from_f64(total as f64),
        );
        true
    });
    Ok(waqai_engine::wire::encode_without_evidence_text(&found))
}

/// Sentences of our own, read by [`warm_up`] (see `data/README.md`).
const WARM_UP_TEXT: &str = include_str!("../data/warm_up.txt");

/// How many times [`warm_up`] reads [`WARM_UP_TEXT`]: about 10 ms in V8,
/// enough for it to optimise the engine's busiest functions, which makes the
/// first thousand articles read about a fifth faster (BENCHMARKS.md).
const WARM_UP_READINGS: usize = 20;

/// Builds the engine's tables now, so that the first article does not wait
/// for them (the worker calls it as soon as it has loaded), then reads a few
/// sentences of its own: WebAssembly starts in the browser's quick baseline
/// code and is optimised function by function once it has run a while, so
/// the reader's first articles no longer pay for that.
#[wasm_bindgen]
pub fn warm_up() {
    waqai_engine::warm_up();
    let options = Options::default();
    for _ in 0..WARM_UP_READINGS {
        let found = waqai_engine::extract(WARM_UP_TEXT, &options);
        std::hint::black_box(waqai_engine::wire::encode_without_evidence_text(&found));
    }
}

fn options_from(published: Option<&str>) -> Result<Options, JsValue> {
    let published = match published.filter(|s| !s.is_empty()) {
        Some(s) => Some(
            s.parse::<Date>()
                .map_err(|e| JsValue::from_str(&e.to_string()))?,
        ),
        None => None,
    };
    Ok(Options { published })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_warm_up_text_runs_every_stage_of_the_engine() {
        // Text that found nothing would leave the event building, the places
        // and the dates cold: the warm-up would be for nothing.
        let found = waqai_engine::extract(WARM_UP_TEXT, &Options::default());
        let kinds: HashSet<_> = found.events.iter().map(|e| e.kind).collect();
        assert!(found.events.len() >= 8, "{} events", found.events.len());
        assert!(kinds.len() >= 5, "{kinds:?}");
        assert!(found.events.iter().any(|e| !e.places.is_empty()));
        assert!(found.events.iter().any(|e| e.killed.is_some()));
        assert!(found.events.iter().any(|e| e.date.is_some()));
        assert!(found.events.iter().any(|e| !e.weapons.is_empty()));
    }
}
