//! Saving a text as a file: a Blob, an object URL and a click on a
//! temporary `<a download>`. Nothing is sent anywhere.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`; `Err` when the browser refuses.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    let body = doc.body().ok_or(())?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // The download has its own reference to the blob once started; give
    // the browser a moment before the URL goes.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Today's date in the reader's time zone, `YYYY-MM-DD` (for file names).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
