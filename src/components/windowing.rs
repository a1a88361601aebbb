//! Following where a long list is on screen, so that only the rows near the
//! screen exist in the page (the arithmetic is `state::window`). The
//! timeline and the article list both use it: a thousand entries cost what
//! fifty do, in building the page and in every redraw after.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
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
    whole: usize,
}

impl Windowing {
    /// Follows the list `list` of `len()` rows about `row_guess` px high,
    /// through scrolling, resizing and its own redraws; a list of up to
    /// `whole` rows is drawn whole.
    pub fn new<E>(list: NodeRef<E>, len: Signal<usize>, whole: usize, row_guess: f64) -> Windowing
    where
        E: ElementType + 'static,
        E::Output: JsCast + AsRef<web_sys::Element> + Clone + 'static,
    {
        let top = RwSignal::new(0.0_f64);
        let screen = RwSignal::new(location::screen_height());
        let row_height = RwSignal::new(row_guess);
        let follow = move || {
            if len.get_untracked() <= whole {
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
        let range = Memo::new(move |_| {
            window::range(whole, len.get(), top.get(), screen.get(), row_height.get())
        });
        // The estimate of a row's height follows the rows drawn: the list's
        // height less the spacers, over the rows in it. The browser reports
        // the list's new size once it has laid the page out (a
        // ResizeObserver), so nothing forces a layout of its own: measuring
        // the rows after every redraw did, a tenth of a second in a
        // thousand-article load.
        let measure = move |height: f64| {
            let r = range.get_untracked();
            let rows = r.end.saturating_sub(r.first);
            if len.get_untracked() > whole && rows > 0 {
                let h = (height - r.above - r.below) / rows as f64;
                let was = row_height.get_untracked();
                if h > 0.0 && (h - was).abs() > was * 0.1 {
                    row_height.set(h);
                }
            }
            follow();
        };
        let observer = StoredValue::new_local(None::<Observer>);
        Effect::new(move |_| {
            if let Some(el) = list.get() {
                let el: &web_sys::Element = el.as_ref();
                if let Some(Some(old)) = observer.try_update_value(Option::take) {
                    old.stop();
                }
                observer.set_value(Observer::new(el, measure));
            }
        });
        on_cleanup(move || {
            if let Some(Some(o)) = observer.try_update_value(Option::take) {
                o.stop();
            }
        });
        Windowing {
            range,
            top,
            screen,
            row_height,
            len,
            whole,
        }
    }

    /// The list is long enough to be drawn a window at a time.
    pub fn windowed(&self) -> bool {
        self.len.get() > self.whole
    }

    /// For screen readers, while the list is windowed: which rows are in
    /// the page. `rows` names them: ("Events", "الأحداث").
    pub fn status(self, lang: Signal<Lang>, rows: (&'static str, &'static str)) -> impl IntoView {
        let text = move || {
            let r = self.range.get();
            let lang = lang.get();
            let total = lang.num(self.len.get() as u64);
            let (a, b) = (lang.num(r.first as u64 + 1), lang.num(r.end as u64));
            match lang {
                Lang::En => format!(
                    "{} {a} to {b} of {total} are in the page; scroll for the others.",
                    rows.0
                ),
                Lang::Ar => format!(
                    "{} من {a} إلى {b} من أصل {total} في الصفحة؛ مرّر لرؤية غيرها.",
                    rows.1
                ),
            }
        };
        view! {
            <Show when=move || self.windowed()>
                <p class="sr-only" role="status">{text}</p>
            </Show>
        }
    }

    /// The room the rows above the window take (a list item).
    pub fn spacer_above(self) -> impl IntoView {
        self.spacer(|r| r.above)
    }

    /// The room the rows below the window take (a list item).
    pub fn spacer_below(self) -> impl IntoView {
        self.spacer(|r| r.below)
    }

    fn spacer(self, room: fn(&Range) -> f64) -> impl IntoView {
        let range = self.range;
        view! {
            <Show when=move || range.with(|r| room(r) > 0.0)>
                <li class="spacer" aria-hidden="true" style:height=move || css_px(range.with(room))></li>
            </Show>
        }
    }
}

/// `px` as a CSS length ("1234.5px"). JavaScript writes the number, the same
/// digits as Rust's `{}` for any height: the page's module carries no float
/// formatting code otherwise (about 16 KB; see `svg_num`).
fn css_px(px: f64) -> String {
    let digits = js_sys::Number::from(px).to_string_with_radix(10);
    digits.map(String::from).unwrap_or_default() + "px"
}

/// Calls back with an element's height (its content box) whenever it changes.
struct Observer {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Observer {
    fn new(el: &web_sys::Element, on_height: impl Fn(f64) + 'static) -> Option<Observer> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(e) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                on_height(e.content_rect().height());
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Observer {
            observer,
            _callback: callback,
        })
    }

    fn stop(self) {
        self.observer.disconnect();
    }
}
