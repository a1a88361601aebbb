//! Text stages: normalise (fold with an offset map), segment, tokenise.

pub mod normalize;
