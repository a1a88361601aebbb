//! The page's state as plain data and pure functions over it; the reactive
//! wiring is in `app.rs`, the browser calls in `crate::web`.

pub mod articles;
pub mod corrections;
pub mod events;
pub mod filters;
pub mod jobs;
pub mod json;
pub mod storage;
pub mod window;
