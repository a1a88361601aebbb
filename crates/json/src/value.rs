//! The JSON tree: what [`crate::parse`] gives and what the writer writes.

use std::borrow::Cow;

use crate::decimal;

/// A JSON value. Strings borrow from the text they were read from when they
/// hold no escapes, and from the caller's data when written.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value<'a> {
    #[default]
    Null,
    Bool(bool),
    /// A number as written (`12`, `-3.5e2`); see [`Value::as_u32`] and
    /// [`Value::as_decimal6`].
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in the order read or built (written in that order).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object (the last one if a key repeats, as in
    /// JavaScript), or `None`.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Value<'a>)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// A whole number from 0 to `u32::MAX` written without fraction or
    /// exponent (what serde_json accepts for a `u32`).
    pub fn as_u32(&self) -> Option<u32> {
        let Value::Number(text) = self else {
            return None;
        };
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.bytes().try_fold(0u32, |n, b| {
            n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
    }

    /// The number rounded to six decimals, or `None` if it is not a number or
    /// too large to hold exactly (beyond ±9·10⁹). The result is the double
    /// nearest to the rounded decimal.
    pub fn as_decimal6(&self) -> Option<f64> {
        match self {
            Value::Number(text) => decimal::read(text),
            _ => None,
        }
    }

    /// `x` to six decimals, written the shortest way (`33.5718`, `36.0`);
    /// `null` if `x` is not finite or beyond ±9·10⁹. For a value with at most
    /// six decimals this is what serde_json writes.
    pub fn decimal6(x: f64) -> Value<'static> {
        decimal::write(x).map_or(Value::Null, |s| Value::Number(s.into()))
    }

    /// Sorts object members by key, at every depth: the order serde_json's
    /// `Value` (a `BTreeMap`) writes them in.
    pub fn sort_keys(&mut self) {
        match self {
            Value::Array(items) => items.iter_mut().for_each(Value::sort_keys),
            Value::Object(members) => {
                // Insertion sort: objects have a handful of keys, and the
                // page's module links no sort routine for this type.
                for i in 1..members.len() {
                    let mut j = i;
                    while j > 0 && members[j - 1].0 > members[j].0 {
                        members.swap(j - 1, j);
                        j -= 1;
                    }
                }
                members.iter_mut().for_each(|(_, v)| v.sort_keys());
            }
            _ => {}
        }
    }

    /// The same value, owning all its text.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n.into_owned().into()),
            Value::String(s) => Value::String(s.into_owned().into()),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(members) => Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<u32> for Value<'_> {
    fn from(n: u32) -> Self {
        Value::Number(n.to_string().into())
    }
}

impl From<usize> for Value<'_> {
    fn from(n: usize) -> Self {
        Value::Number(n.to_string().into())
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::String(Cow::Borrowed(s))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::String(Cow::Owned(s))
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn whole_numbers_are_read_as_serde_json_reads_a_u32() {
        for (text, want) in [
            ("0", Some(0)),
            ("-0", None),
            ("12", Some(12)),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", None),
            ("-1", None),
            ("1.0", None),
            ("1e2", None),
            ("99999999999999999999999", None),
        ] {
            let v = parse(text).unwrap();
            assert_eq!(v.as_u32(), want, "{text}");
            assert_eq!(
                serde_json::from_str::<u32>(text).ok(),
                want,
                "serde_json on {text}"
            );
        }
        assert_eq!(Value::from("1").as_u32(), None);
    }

    #[test]
    fn keys_are_sorted_at_every_depth() {
        let mut v = parse(r#"{"b":[{"d":1,"c":2}],"a":{"z":{"y":0,"x":0}},"ab":0}"#).unwrap();
        v.sort_keys();
        assert_eq!(
            v.to_json(),
            r#"{"a":{"z":{"x":0,"y":0}},"ab":0,"b":[{"c":2,"d":1}]}"#
        );
    }

    #[test]
    fn members_are_found_by_key_the_last_one_winning() {
        let v = parse(r#"{"a":1,"b":"x","a":2}"#).unwrap();
        assert_eq!(v.get("a").and_then(Value::as_u32), Some(2));
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x"));
        assert_eq!(v.get("c"), None);
        assert_eq!(Value::Null.get("a"), None);
    }
}
