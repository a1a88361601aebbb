//! Following where a long list is on screen, so that only the rows near the
//! screen exist in the page (the arithmetic is `state::window`). The
//! timeline and the article list both use it: a thousand entries cost what
//! fifty do, in building the page and in every redraw after.

use leptos::html::ElementType;
use leptos::prelude::*;

use crate::state::window::{self, Range};
use crate::web::location;

#[derive(Clone, Copy)]
pub struct Windowing {
    /// The rows to draw and the room the others take.
    pub range: Memo<Range>,
    /// The list's top, relative to the screen's (negative once scrolled past).
    pub top: RwSignal<f64>,
    pub screen: RwSignal<f64>,
    /// The estimated height of a row, from the rows drawn.
    pub row_height: RwSignal<f64>,
    len: Signal<usize>,
}

impl Windowing {
    /// Follows the list `list` of `len()` rows (each matching `row`, a CSS
    /// selector inside the list) about `row_guess` px high, through
    /// scrolling, resizing and its own redraws.
    pub fn new<E>(
        list: NodeRef<E>,
        len: Signal<usize>,
        row: &'static str,
        row_guess: f64,
    ) -> Windowing
    where
        E: ElementType + 'static,
        E::Output: wasm_bindgen::JsCast + AsRef<web_sys::Element> + Clone + 'static,
    {
        let top = RwSignal::new(0.0_f64);
        let screen = RwSignal::new(location::screen_height());
        let row_height = RwSignal::new(row_guess);
        let follow = move || {
            if len.get_untracked() <= window::DRAW_ALL_UP_TO {
                return;
            }
            if let Some(el) = list.get_untracked() {
                let el: &web_sys::Element = el.as_ref();
                let t = el.get_bounding_client_rect().top();
                if (t - top.get_untracked()).abs() >= 1.0 {
                    top.set(t);
                }
            }
            let h = location::screen_height();
            if h != screen.get_untracked() {
                screen.set(h);
            }
        };
        let _ = window_event_listener(leptos::ev::scroll, move |_| follow());
        let _ = window_event_listener(leptos::ev::resize, move |_| follow());
        let range =
            Memo::new(move |_| window::range(len.get(), top.get(), screen.get(), row_height.get()));
        // The estimate of a row's height follows the rows drawn (a frame
        // later, once they are laid out).
        Effect::new(move |_| {
            range.track();
            if len.get() <= window::DRAW_ALL_UP_TO {
                return;
            }
            request_animation_frame(move || {
                if let Some(el) = list.get_untracked() {
                    if let Some(h) =
                        location::mean_height(AsRef::<web_sys::Element>::as_ref(&el), row)
                    {
                        let was = row_height.get_untracked();
                        if (h - was).abs() > was * 0.1 {
                            row_height.set(h);
                        }
                    }
                    follow();
                }
            });
        });
        Windowing {
            range,
            top,
            screen,
            row_height,
            len,
        }
    }

    /// The list is long enough to be drawn a window at a time.
    pub fn windowed(&self) -> bool {
        self.len.get() > window::DRAW_ALL_UP_TO
    }
}
