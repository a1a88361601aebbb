//! Text stages: normalise (fold with an offset map), tokenise, segment.

pub mod normalize;
pub mod segment;
pub mod token;
pub mod utf16;
