//! Numbers to six decimals in integer arithmetic: the page then needs no
//! float parsing or formatting code (both are large in WebAssembly), and a
//! coordinate read and written again is the same double.

/// Beyond this many millionths, not every whole number is a double.
const LIMIT: u64 = 1 << 53;

/// The value of a JSON number rounded to six decimals (half away from zero),
/// as the nearest double; `None` for text that is not a JSON number or a
/// value beyond ±2⁵³ millionths (about 9·10⁹).
pub fn read(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], exponent(&rest[i + 1..])?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !all_digits(int)
        || !all_digits(frac)
        || (mantissa.contains('.') && frac.is_empty())
    {
        return None;
    }
    // Digits before `point` make the whole number of millionths; the one at
    // `point` rounds it.
    let point = int.len() as i64 + exponent + 6;
    let mut millionths: u64 = 0;
    let mut round_up = false;
    for (i, d) in int.bytes().chain(frac.bytes()).enumerate() {
        let i = i as i64;
        if i < point {
            millionths = millionths
                .checked_mul(10)?
                .checked_add(u64::from(d - b'0'))?;
            if millionths > LIMIT {
                return None;
            }
        } else {
            // A point before the first digit rounds on an unwritten zero.
            round_up = i == point && d >= b'5';
            break;
        }
    }
    let written = (int.len() + frac.len()) as i64;
    if millionths > 0 {
        for _ in written..point {
            millionths = millionths.checked_mul(10).filter(|&n| n <= LIMIT)?;
        }
    }
    millionths += u64::from(round_up);
    if millionths > LIMIT {
        return None;
    }
    let x = millionths as f64 / 1e6;
    Some(if negative { -x } else { x })
}

/// An exponent's value, saturated: a number with a million-digit exponent is
/// either zero or too large.
fn exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits
        .bytes()
        .fold(0i64, |n, b| (n * 10 + i64::from(b - b'0')).min(1_000_000));
    Some(if negative { -value } else { value })
}

/// `x` rounded to six decimals, without trailing zeros but with at least one
/// decimal (`36.0`, `33.5718`, `-0.000001`); `None` if not finite or beyond
/// ±2⁵³ millionths.
pub fn write(x: f64) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    let scaled = (x * 1e6).round();
    if scaled.abs() > LIMIT as f64 {
        return None;
    }
    let millionths = scaled.abs() as u64;
    let mut out = String::new();
    if scaled < 0.0 {
        out.push('-');
    }
    out.push_str(&(millionths / 1_000_000).to_string());
    out.push('.');
    let frac = millionths % 1_000_000;
    let mut digits = [b'0'; 6];
    let mut rest = frac;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let kept = digits.iter().rposition(|&d| d != b'0').map_or(1, |i| i + 1);
    out.extend(digits[..kept].iter().map(|&d| char::from(d)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_to_six_decimals() {
        for (text, want) in [
            ("33.5718", Some(33.5718)),
            ("-33.5718", Some(-33.5718)),
            ("36", Some(36.0)),
            ("36.0", Some(36.0)),
            ("0", Some(0.0)),
            ("3.64027e1", Some(36.4027)),
            ("3640.27E-2", Some(36.4027)),
            ("0.30000000000000004", Some(0.3)),
            ("36.40270049", Some(36.4027)),
            ("36.4027005", Some(36.402701)),
            ("0.0000004", Some(0.0)),
            ("0.0000005", Some(0.000001)),
            ("1e-6", Some(0.000001)),
            ("5e-324", Some(0.0)),
            ("0e999999999", Some(0.0)),
            ("1e-999999999", Some(0.0)),
            ("9007199254.740992", Some(9007199254.740992)),
            ("9007199254.740993", None),
            ("36.40e27", None),
            ("1.7976931348623157e308", None),
            ("1e999999999", None),
            ("", None),
            ("-", None),
            ("1.", None),
            (".5", None),
            ("1e", None),
            ("1e+", None),
            ("x", None),
        ] {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        // Every coordinate of the gazetteer is a whole number of ten-thousandths.
        for n in (-1_800_000i64..=1_800_000).step_by(7) {
            let x = n as f64 / 10_000.0;
            assert_eq!(write(x).unwrap(), serde_json::to_string(&x).unwrap(), "{n}");
            assert_eq!(read(&write(x).unwrap()), Some(x));
        }
        // Millionths too, down to where serde_json turns to exponents.
        for n in (1_000i64..=180_000_000).step_by(997) {
            for n in [n, -n] {
                let x = n as f64 / 1e6;
                assert_eq!(write(x).unwrap(), serde_json::to_string(&x).unwrap(), "{n}");
                assert_eq!(read(&write(x).unwrap()), Some(x));
            }
        }
        assert_eq!(write(f64::NAN), None);
        assert_eq!(write(f64::INFINITY), None);
        assert_eq!(write(1e300), None);
        assert_eq!(write(0.0).as_deref(), Some("0.0"));
        assert_eq!(write(36.40270049).as_deref(), Some("36.4027"));
    }
}
