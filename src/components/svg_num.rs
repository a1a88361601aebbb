//! Numbers for SVG attributes, to a tenth of a unit. They are written as
//! integers: formatting an `f64` (`{:.1}`) pulls in float-to-decimal code that
//! costs far more in WebAssembly, and a chart of hundreds of bars writes
//! thousands of numbers on every filter change. The page writes no `f64` with
//! Rust's formatting at all (not even a constant as an attribute): that code
//! would add about 16 KB (7 KB gzip) to its module.

use std::fmt::Write;

/// Appends `v` rounded to one decimal ("12.5", "-3", "0.1").
pub fn push_tenths(out: &mut String, v: f64) {
    let t = (v * 10.0).round();
    // Not a number or infinite: 0. Far outside any drawing: held there
    // (±10^14) rather than wrapped around, so that no float formatting code
    // is ever needed.
    let t = if t.is_finite() {
        t.clamp(-1e15, 1e15) as i64
    } else {
        0
    };
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
            (1e16, "100000000000000"),
            (-1e300, "-100000000000000"),
            (f64::INFINITY, "0"),
        ] {
            assert_eq!(tenths(v), want, "{v}");
        }
    }
}
