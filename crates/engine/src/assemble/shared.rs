//! The names and keys of places: borrowed from the article or the lexicon
//! when they can be, made once and shared when they must be. A place is
//! copied into every event at it and into the places a later word may refer
//! back to, and most names are words of the text as written.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A string that outlives the article's reading, cheap to copy.
#[derive(Clone)]
pub enum Shared<'a> {
    /// Text of the article, or of a lexicon or the gazetteer.
    Borrowed(&'a str),
    /// A string made here ("ريف حمص شمالي", a key folded from the name).
    Made(Rc<str>),
}

impl<'a> Shared<'a> {
    /// What follows the first space ("جسر الرستن" → "الرستن"), if any.
    pub fn after_space(&self) -> Option<Shared<'a>> {
        match self {
            Shared::Borrowed(s) => s.split_once(' ').map(|(_, t)| Shared::Borrowed(t)),
            Shared::Made(s) => s.split_once(' ').map(|(_, t)| Shared::Made(t.into())),
        }
    }
}

impl Deref for Shared<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Shared::Borrowed(s) => s,
            Shared::Made(s) => s,
        }
    }
}

impl<'a> From<&'a str> for Shared<'a> {
    fn from(s: &'a str) -> Shared<'a> {
        Shared::Borrowed(s)
    }
}

impl From<String> for Shared<'_> {
    fn from(s: String) -> Self {
        Shared::Made(s.into())
    }
}

impl<'a> From<std::borrow::Cow<'a, str>> for Shared<'a> {
    fn from(s: std::borrow::Cow<'a, str>) -> Shared<'a> {
        match s {
            std::borrow::Cow::Borrowed(s) => Shared::Borrowed(s),
            std::borrow::Cow::Owned(s) => s.into(),
        }
    }
}

impl fmt::Debug for Shared<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
