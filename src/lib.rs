//! waqai's page (Leptos, client-side rendering). `main.rs` mounts [`App`].
//!
//! Pure logic (state, filtering, merging, decoding, HTML text choice) lives in
//! `state`, `ingest` and `i18n` and is unit-tested natively; browser calls are
//! confined to `web`; `components` are the views.

mod app;
mod components;
mod extractor;
pub mod i18n;
pub mod ingest;
pub mod share;
pub mod state;
mod web;

pub use app::App;
