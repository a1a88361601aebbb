//! The page's own address, and starting the page afresh.

/// The address without its fragment (`https://host/waqai/?lang=ar`).
pub fn without_fragment() -> String {
    let Some(win) = web_sys::window() else {
        return String::new();
    };
    let href = win.location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Reloads the page with `fragment` (without `#`; empty for none).
pub fn reload_with(fragment: &str) {
    crate::web::location::set_fragment(fragment);
    if let Some(win) = web_sys::window() {
        let _ = win.location().reload();
    }
}
