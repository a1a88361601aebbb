//! Coordinates to four decimals, digit for digit as `format!("{v:.4}")` writes
//! them (the exact value rounded to the nearest, ties to even), but in integer
//! arithmetic: Rust's float-to-decimal code would be the only float formatting
//! left in the page's WebAssembly module (about 16 KB), for this one column.

/// `v` to four decimals: "36.2021", "-0.0001", "-0.0000", "12.0000". Empty
/// when `v` is not finite or beyond ±2^63 (never a coordinate; only a
/// hand-made share link could hold one).
pub fn four_decimals(v: f64) -> String {
    let bits = v.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1 << 52) - 1));
    // v = mantissa × 2^exp exactly.
    let (mantissa, exp) = match biased {
        0x7ff => return String::new(),
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased - 1075),
    };
    // v × 10^4, rounded to an integer.
    let scaled = mantissa * 10_000;
    let units = if exp >= 0 {
        if exp > 10 {
            return String::new();
        }
        scaled << exp
    } else if exp < -100 {
        // Below 2^-47: rounds to zero.
        0
    } else {
        let shift = -exp as u32;
        let whole = scaled >> shift;
        let rest = scaled - (whole << shift);
        let half = 1u128 << (shift - 1);
        if rest > half || (rest == half && whole % 2 == 1) {
            whole + 1
        } else {
            whole
        }
    };
    let sign = if negative { "-" } else { "" };
    // Below 2^63 × 10^4: the parts fit a u64 (whose formatting the page has).
    let (whole, part) = ((units / 10_000) as u64, (units % 10_000) as u64);
    format!("{sign}{whole}.{part:04}")
}

#[cfg(test)]
mod tests {
    use super::four_decimals;

    #[test]
    fn as_format_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            36.20215,
            -36.20215,
            0.03125,  // a tie: 312.5 ten-thousandths, to even
            0.09375,  // a tie, to even upwards
            -0.00004, // rounds to "-0.0000"
            0.00005,
            1e-300,
            f64::MIN_POSITIVE / 4.0,
            180.0,
            -179.99995,
            1e15,
            123_456_789.987_654_32,
            2f64.powi(62) * 1.5,
        ];
        // Many coordinates, and the ties among them (odd multiples of 2^-5).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            values.push((unit - 0.5) * 400.0);
            values.push(f64::from(i * 2 + 1) / 32.0 - 300.0);
        }
        for v in values {
            assert_eq!(four_decimals(v), format!("{v:.4}"), "{v:e}");
        }
    }

    #[test]
    fn not_a_coordinate() {
        for v in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e300,
            -2f64.powi(64),
        ] {
            assert_eq!(four_decimals(v), "", "{v:e}");
        }
    }
}
