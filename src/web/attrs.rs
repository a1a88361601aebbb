//! Attributes set on many drawn elements at once, by position: the map's
//! spots follow a filter change this way, with one pass over a list instead
//! of a reactive binding per attribute of every spot (250 spots and seven
//! attributes each were most of a filter change's time).

use web_sys::Element;

/// Sets `attrs` on the `n`-th child element of `parent`; nothing when there
/// is no such child.
pub fn set_on_child(parent: &Element, n: usize, attrs: &[(&str, &str)]) {
    let Some(child) = u32::try_from(n)
        .ok()
        .and_then(|n| parent.children().item(n))
    else {
        return;
    };
    for (name, value) in attrs {
        // A refused attribute (an invalid name) leaves the rest as they are.
        let _ = child.set_attribute(name, value);
    }
}
