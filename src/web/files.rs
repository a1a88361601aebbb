//! Reading the bytes of files the reader picked or dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The files of a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// All bytes of a file; `Err` when the browser cannot read it.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ()> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|_| ())?;
    let buf: js_sys::ArrayBuffer = buf.dyn_into().map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
