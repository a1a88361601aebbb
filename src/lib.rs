//! waqai's page (Leptos, client-side rendering). `main.rs` mounts [`App`].

mod app;
pub mod js_api;

pub use app::App;
