//! Copying a share link: the asynchronous Clipboard API, and when it is
//! missing or refused (an insecure page, a denied permission) the old way:
//! select the field's text and ask the browser to copy the selection.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `field_id` is the text field showing it, selected either
/// way so the reader can copy it by hand if everything fails. `true` when
/// the text is on the clipboard.
pub async fn copy(text: &str, field_id: &str) -> bool {
    let field = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(field_id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(f) = &field {
        let _ = f.focus();
        f.select();
    }
    if let Some(win) = web_sys::window() {
        let clip = win.navigator().clipboard();
        // `navigator.clipboard` is undefined outside secure contexts.
        if !wasm_bindgen::JsValue::from(clip.clone()).is_undefined()
            && JsFuture::from(clip.write_text(text)).await.is_ok()
        {
            return true;
        }
    }
    // The fallback: document.execCommand("copy") on the selected field.
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(exec) = js_sys::Reflect::get(&doc, &"execCommand".into()) else {
        return false;
    };
    let Ok(exec) = exec.dyn_into::<js_sys::Function>() else {
        return false;
    };
    exec.call1(&doc, &"copy".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
