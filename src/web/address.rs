//! The page's own address, and starting the page afresh.

/// The page's address without query or fragment (`https://host/waqai/`):
/// a shared link opens in its reader's own language, not in a `?lang=` of
/// the sender's.
pub fn page() -> String {
    let Some(win) = web_sys::window() else {
        return String::new();
    };
    let href = win.location().href().unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// Reloads the page with `fragment` (without `#`; empty for none).
pub fn reload_with(fragment: &str) {
    crate::web::location::set_fragment(fragment);
    if let Some(win) = web_sys::window() {
        let _ = win.location().reload();
    }
}
