//! The gazetteer of Syrian places (stub: filled in by the gazetteer work).
