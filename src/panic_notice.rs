//! A panic in the module is shown in the page, not only in the console: a
//! fixed `role="alert"` notice says that something went wrong and that the
//! reader's articles are saved (they are written to storage as they change).
//! The release build aborts after a panic, so the page cannot go on; the
//! notice asks for a reload.
//!
//! `?panic-test` in the address adds `window.waqaiPanicTest()`, which panics
//! on purpose, so that the end-to-end tests can check all this.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const NOTICE_ID: &str = "panic-notice";

/// Installs the hook (console_error_panic_hook's message, then the notice).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    if search.contains("panic-test") {
        let f = Closure::<dyn Fn()>::new(|| panic!("waqai: a panic on purpose (?panic-test)"));
        let _ = js_sys::Reflect::set(
            &window,
            &"waqaiPanicTest".into(),
            f.as_ref().unchecked_ref(),
        );
        f.forget();
    }
}

fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let arabic = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l == "ar");
    let Ok(el) = doc.create_element("div") else {
        return;
    };
    el.set_id(NOTICE_ID);
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(if arabic {
        "حدث خطأ في وقائع. مقالاتك محفوظة؛ أعد تحميل الصفحة."
    } else {
        "Something went wrong in waqai. Your articles are saved; reload the page."
    }));
    if let Some(body) = doc.body() {
        let _ = body.append_child(&el);
    }
}
