//! Browser glue: the only place that calls web-sys directly. Each function is
//! small and fails softly (an `Err` or `None`), never with a panic.

pub mod address;
pub mod attrs;
pub mod clipboard;
pub mod download;
pub mod fetch;
pub mod files;
pub mod html;
pub mod later;
pub mod location;
pub mod storage;
pub mod worker;
