//! Numbers for SVG attributes, to a tenth of a unit. They are written as
//! integers: formatting an `f64` (`{:.1}`) pulls in float-to-decimal code that
//! costs far more in WebAssembly, and a chart of hundreds of bars writes
//! thousands of numbers on every filter change.

use std::fmt::Write;

/// Appends `v` rounded to one decimal ("12.5", "-3", "0.1").
pub fn push_tenths(out: &mut String, v: f64) {
    let t = (v * 10.0).round();
    // Far outside any drawing: write it plainly rather than wrap around.
    if !t.is_finite() || t.abs() > 1e15 {
        let _ = write!(out, "{}", if v.is_finite() { v } else { 0.0 });
        return;
    }
    let t = t as i64;
    if t < 0 {
        out.push('-');
    }
    let t = t.unsigned_abs();
    let (whole, tenth) = (t / 10, (t % 10) as u8);
    let _ = write!(out, "{whole}");
    if tenth != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenth));
    }
}

/// `v` rounded to one decimal, as a string.
pub fn tenths(v: f64) -> String {
    let mut s = String::new();
    push_tenths(&mut s, v);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_without_trailing_zero() {
        // Table: (value, written)
        for (v, want) in [
            (0.0, "0"),
            (12.5, "12.5"),
            (12.04, "12"),
            (12.06, "12.1"),
            (-3.0, "-3"),
            (-0.04, "0"),
            (-0.26, "-0.3"),
            (0.1, "0.1"),
            (599.99, "600"),
            (f64::NAN, "0"),
            (1e16, "10000000000000000"),
        ] {
            assert_eq!(tenths(v), want, "{v}");
        }
    }
}
