//! Text stages: decode file bytes, normalise (fold with an offset map),
//! tokenise, segment.

pub mod decode;
pub mod normalize;
pub mod segment;
pub mod token;
pub mod utf16;
mod windows1256;
