//! Share links: the whole view (articles, corrections, filters, selection) or
//! only its events, carried in the address's fragment (`#share=v1.…`), which
//! browsers never send to a server.
//!
//! `codec` turns a [`payload::Payload`] into the fragment's text and back;
//! `payload` says what a link holds, `json` how it is written as JSON. [`Share`] is the page's side: opening a
//! link at start-up shows its state INSTEAD of the reader's saved one, which
//! stays untouched in storage until the reader chooses "Keep it".

pub mod codec;
pub mod json;
pub mod payload;

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use waqai_engine::Extraction;

use crate::state::storage::{self, Saved};
use crate::web::location;

pub use codec::{ErrorKind, ShareError, WARN_LENGTH};
pub use payload::Kind;

/// Whether the page shows a shared view, and what went wrong opening one.
#[derive(Clone, Copy)]
pub struct Share {
    /// `Some` while the page shows a link's state instead of the reader's own.
    pub viewing: RwSignal<Option<Kind>>,
    /// The link given at start-up could not be read.
    pub error: RwSignal<Option<ErrorKind>>,
    /// Events-only links: each article's events, shown instead of extracting.
    events: StoredValue<HashMap<u32, Arc<Extraction>>>,
    /// The row the link had selected, until the page takes it.
    selected: StoredValue<Option<String>>,
}

impl Share {
    fn new(kind: Option<Kind>, error: Option<ErrorKind>) -> Share {
        Share {
            viewing: RwSignal::new(kind),
            error: RwSignal::new(error),
            events: StoredValue::new(HashMap::new()),
            selected: StoredValue::new(None),
        }
    }

    /// At start-up: when the address holds a share link, the state to show
    /// is the link's (the saved state is left as it is); the fragment becomes
    /// the link's filters. A link that cannot be read is reported and the
    /// reader's own state shown.
    pub fn open(saved: Saved) -> (Share, Saved) {
        let fragment = location::fragment();
        if !codec::is_share_fragment(&fragment) {
            return (Share::new(None, None), saved);
        }
        match codec::decode(&fragment) {
            Err(e) => {
                leptos::logging::warn!("waqai: {e}");
                location::set_fragment("");
                (Share::new(None, Some(e.kind())), saved)
            }
            Ok(p) => {
                let opened = payload::open(p);
                location::set_fragment(&opened.filters.to_fragment());
                let share = Share::new(Some(opened.kind), None);
                share.events.set_value(opened.events);
                share.selected.set_value(opened.selected);
                let shown = Saved {
                    version: storage::VERSION,
                    articles: opened.articles,
                    corrections: opened.corrections,
                    filters: opened.filters,
                    lang: saved.lang,
                };
                (share, shown)
            }
        }
    }

    /// An events-only link's events for an article it holds.
    pub fn extraction(&self, article: u32) -> Option<Arc<Extraction>> {
        self.events.with_value(|m| m.get(&article).cloned())
    }

    /// The row the link selected (once).
    pub fn take_selected(&self) -> Option<String> {
        self.selected.try_update_value(|s| s.take()).flatten()
    }

    /// Whether the page shows a link's state (tracked).
    pub fn viewing(&self) -> bool {
        self.viewing.with(Option::is_some)
    }

    /// An events-only view: nothing to correct, nothing to keep.
    pub fn read_only(&self) -> bool {
        self.viewing.get() == Some(Kind::EventsOnly)
    }
}

/// Whether an address fragment holds a share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    codec::is_share_fragment(fragment)
}
