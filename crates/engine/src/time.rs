//! Dates and time expressions (stub: filled in by the time work).
