//! Reading a file of the page's own site (the sample articles).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `path`, relative to the page's address (so the site works
/// under any sub-path); `None` if it cannot be had (offline, not found).
pub async fn text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
