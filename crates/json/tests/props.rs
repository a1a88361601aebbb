//! Properties over arbitrary input: reading never panics and agrees with
//! serde_json on what is JSON (but for numbers beyond a double's range); what is written reads back the same.

use proptest::prelude::*;
use waqai_json::{parse, Value};

/// Arbitrary values, numbers among them as serde_json would write them.
fn values() -> impl Strategy<Value = Value<'static>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u32>().prop_map(Value::from),
        (-180_000_000i64..180_000_000).prop_map(|n| Value::decimal6(n as f64 / 1e6)),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.into(), v)).collect())),
        ]
    })
}

proptest! {
    #[test]
    fn written_values_read_back_the_same(v in values()) {
        let compact = v.to_json();
        prop_assert_eq!(parse(&compact).unwrap(), v.clone());
        let pretty = v.to_json_pretty();
        prop_assert_eq!(parse(&pretty).unwrap(), v);
        // serde_json reads it too.
        prop_assert!(serde_json::from_str::<serde_json::Value>(&compact).is_ok());
    }

    #[test]
    fn any_text_is_read_or_refused_as_serde_json_does(text in "[\\[\\]{}\",:0-9a-z\\\\. \\-+eE\u{0627}\u{0}]{0,40}") {
        let ours = parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        // serde_json refuses numbers beyond a double's range; we keep them as written.
        let too_large = theirs.as_ref().is_err_and(|e| e.to_string().starts_with("number out of range"));
        if !too_large {
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
        }
    }

    #[test]
    fn numbers_read_to_six_decimals_agree_with_rounding_a_double(n in -180_000_000_000i64..180_000_000_000, e in -3i32..3) {
        // n thousandths of a millionth, written with an exponent.
        let text = format!("{n}e{}", e - 9);
        let want = (n as f64 * 10f64.powi(e - 9) * 1e6).round() / 1e6;
        let got = Value::Number(text.clone().into()).as_decimal6().unwrap();
        // At a tie, the double may fall on either side: one millionth apart.
        prop_assert!((got - want).abs() <= 1.000_001e-6, "{} → {} ≠ {}", text, got, want);
    }
}
