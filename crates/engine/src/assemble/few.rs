//! A short list kept inline: a trigger group's classes and the event types
//! they stand for are made for every trigger, and a heap list each was a
//! large share of the engine's allocations.

use std::ops::Deref;

/// At most `N` items in place; reads as a slice.
#[derive(Clone, Copy)]
pub struct Few<T: Copy, const N: usize> {
    /// The first `len` are the items; the rest repeat a filler.
    items: [T; N],
    len: usize,
}

impl<T: Copy, const N: usize> Few<T, N> {
    /// An empty list; `filler` only fills the unused slots.
    pub fn empty(filler: T) -> Self {
        Few {
            items: [filler; N],
            len: 0,
        }
    }

    /// A list of one item.
    pub fn one(item: T) -> Self {
        Few {
            items: [item; N],
            len: 1,
        }
    }

    /// Adds an item; a full list stays as it is (the callers' lists are
    /// sized for every distinct value).
    pub fn push(&mut self, item: T) {
        if self.len < N {
            self.items[self.len] = item;
            self.len += 1;
        }
    }
}

impl<T: Copy, const N: usize> Deref for Few<T, N> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items[..self.len]
    }
}

impl<T: Copy + std::fmt::Debug, const N: usize> std::fmt::Debug for Few<T, N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
