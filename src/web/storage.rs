//! localStorage. Writes can fail (quota exceeded, storage disabled by the
//! browser's privacy settings); the caller shows a message and keeps its
//! in-memory state, so nothing the reader did is lost in the tab.

use web_sys::Storage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// No storage at all (disabled, or access throws).
    Disabled,
    /// A write was refused (usually the quota).
    Refused,
}

fn storage() -> Result<Storage, StorageProblem> {
    let win = web_sys::window().ok_or(StorageProblem::Disabled)?;
    // Accessing `localStorage` itself throws when storage is blocked.
    match win.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(StorageProblem::Disabled),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageProblem::Disabled)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    storage()?
        .set_item(key, value)
        .map_err(|_| StorageProblem::Refused)
}
