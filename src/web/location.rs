//! The address (fragment, `?lang=`), the browser's languages and the
//! document's language and direction.

/// The fragment without `#` (already percent-decoded by nobody: we decode it).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (typing in a filter
/// must not fill the back button) and without scrolling.
pub fn set_fragment(fragment: &str) {
    let Some(win) = web_sys::window() else { return };
    let loc = win.location();
    if loc.hash().unwrap_or_default().trim_start_matches('#') == fragment {
        return;
    }
    let path = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    let url = if fragment.is_empty() {
        format!("{path}{search}")
    } else {
        format!("{path}{search}#{fragment}")
    };
    if let Ok(h) = win.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The value of `?lang=` in the address, if any.
pub fn query_lang() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .map(str::to_string)
}

/// The browser's preferred languages, best first.
pub fn browser_langs() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if out.is_empty() {
        out.extend(nav.language());
    }
    out
}

/// Whether the window is phone-sized (the one-column layout of main.css).
pub fn narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_some_and(|w| w <= 720.0)
}

/// Sets `<html lang dir>` and the document title.
pub fn set_document_lang(lang: &str, dir: &str, title: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("dir", dir);
    }
    doc.set_title(title);
}

/// After the current render: scrolls the article text so that its first
/// `<mark>` is in view, then brings the article panel itself into view only
/// as far as needed, so the timeline the reader clicked in stays put.
pub fn scroll_mark_into_view() {
    use wasm_bindgen::JsCast;
    leptos::prelude::request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(Some(container)) = doc.query_selector(".article-text") else {
            return;
        };
        if let Ok(Some(mark)) = container.query_selector("mark") {
            if let Some(mark) = mark.dyn_ref::<web_sys::HtmlElement>() {
                // `.article-text` is positioned, so offsetTop is relative to it.
                let top = mark.offset_top() - container.client_height() / 3;
                container.set_scroll_top(top.max(0));
            }
        }
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        container.scroll_into_view_with_scroll_into_view_options(&opts);
    });
}

/// After the render, scrolls the selected timeline row into view (used
/// when an event is selected somewhere else, e.g. on the map).
pub fn scroll_selected_row_into_view() {
    leptos::prelude::request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(row)) = doc.query_selector(".timeline-list > li.selected") {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            row.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });
}

/// Moves keyboard focus from the event's target to its next (or previous)
/// sibling element, keeping the single tab stop on the focused one (a
/// "roving tabindex", for the map's many marks).
pub fn focus_sibling(ev: &web_sys::KeyboardEvent, forward: bool) {
    use wasm_bindgen::JsCast;
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let next = if forward {
        el.next_element_sibling()
    } else {
        el.previous_element_sibling()
    };
    let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok()) else {
        return;
    };
    let _ = el.set_attribute("tabindex", "-1");
    let _ = next.set_attribute("tabindex", "0");
    let _ = next.focus();
}

/// Moves keyboard focus to the element with this id, after the render.
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// The height of the browser's viewport, in CSS px.
pub fn screen_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0)
}

/// Scrolls the page down by `dy` px (up when negative), at once.
pub fn scroll_by(dy: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_by_with_x_and_y(0.0, dy);
    }
}
