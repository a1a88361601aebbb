//! Arabic numbers in words and digits (stub: filled in by the numbers work).
