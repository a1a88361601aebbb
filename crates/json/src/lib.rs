//! A small JSON reader and writer for waqai's page: share links, the browser
//! save and the JSON and GeoJSON exports.
//!
//! ```
//! use waqai_json::{parse, Value};
//!
//! let link = parse(r#"{"k":"events","pl":[{"n":"دوما","la":33.5718}]}"#).unwrap();
//! assert_eq!(link.get("k").and_then(Value::as_str), Some("events"));
//! let place = &link.get("pl").and_then(Value::as_array).unwrap()[0];
//! assert_eq!(place.get("la").and_then(Value::as_decimal6), Some(33.5718));
//!
//! let out = Value::Object(vec![("n".into(), Value::from("حمص")), ("k".into(), Value::from(3u32))]);
//! assert_eq!(out.to_json(), r#"{"n":"حمص","k":3}"#);
//! ```
//!
//! Why not serde_json: its code is generated once per type it reads or
//! writes, and the page's WebAssembly carried about 110 KB of it. Here one
//! reader and one writer serve every shape: a shape is read by walking a
//! [`Value`] and written by building one. What it writes is byte for byte
//! what serde_json writes for the same value (compact and pretty), so links,
//! saves and exports made before keep reading, and tests compare the two.
//!
//! Numbers stay as written ([`Value::Number`]); a reader asks for the kind it
//! accepts: a `u32` ([`Value::as_u32`]) or a decimal to six places
//! ([`Value::as_decimal6`], for coordinates: a millionth of a degree is about
//! 0.1 m), which needs no float parsing or formatting code.

mod decimal;
mod read;
mod value;
mod write;

pub use read::{parse, Error};
pub use value::Value;
