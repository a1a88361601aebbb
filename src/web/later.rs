//! Work that waits for a burst of changes to end: saving, writing the
//! address, remaking the share link. Each `schedule` replaces the work still
//! waiting, so a thousand files or a run of clicks cost one write.

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Later {
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Later {
    pub fn new() -> Later {
        Later {
            pending: StoredValue::new_local(None),
        }
    }

    /// Drops the work still waiting; says whether there was any.
    pub fn cancel(&self) -> bool {
        match self.pending.try_update_value(Option::take).flatten() {
            Some(h) => {
                h.clear();
                true
            }
            None => false,
        }
    }

    /// Runs `work` after `after`, instead of whatever was waiting.
    pub fn schedule(&self, after: Duration, work: impl Fn() + 'static) {
        self.cancel();
        let pending = self.pending;
        let h = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                work();
            },
            after,
        )
        .ok();
        self.pending.set_value(h);
    }
}

impl Default for Later {
    fn default() -> Self {
        Later::new()
    }
}
