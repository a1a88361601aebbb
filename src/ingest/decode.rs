//! Bytes of a text file → text: the engine's decoder, shared with the CLI
//! (UTF-8, UTF-16, Windows-1256; see `waqai_engine::text::decode`).

pub use waqai_engine::text::decode::decode;
