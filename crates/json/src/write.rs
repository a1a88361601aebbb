//! Writing a [`Value`] the way serde_json writes it: `to_string` (compact)
//! and `to_string_pretty` (two spaces, `"key": value`, `[]` and `{}` empty).

use crate::Value;

impl Value<'_> {
    /// Compact JSON, as `serde_json::to_string`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// Indented JSON, as `serde_json::to_string_pretty`.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Appends this value; `indent` is the depth when pretty, `None` when compact.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(n) => out.push_str(n),
            Value::String(s) => write_str(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    separate(out, i, indent);
                    item.write(out, indent.map(|d| d + 1));
                }
                close(out, !items.is_empty(), indent, ']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    separate(out, i, indent);
                    write_str(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|d| d + 1));
                }
                close(out, !members.is_empty(), indent, '}');
            }
        }
    }
}

/// Before the `i`th item of an array or object at depth `indent`.
fn separate(out: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(depth) = indent {
        out.push('\n');
        push_indent(out, depth + 1);
    }
}

fn close(out: &mut String, had_items: bool, indent: Option<usize>, bracket: char) {
    if let (true, Some(depth)) = (had_items, indent) {
        out.push('\n');
        push_indent(out, depth);
    }
    out.push(bracket);
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, the
/// rest (Arabic included) as it is.
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        plain = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use crate::{parse, Value};

    /// Texts whose keys are sorted and numbers canonical, so that
    /// serde_json::Value (which sorts keys) writes them as they are.
    const CANONICAL: &[&str] = &[
        "null",
        "true",
        "[]",
        "{}",
        "[[],{},[[]],{\"a\":{}}]",
        r#"{"a":[1,{"b":"ب","c":[]}],"d":{},"e":{"f":null,"g":[-2,3.25,33.5718]}}"#,
        r#"{"a":[{"e":[{"d":"2017-03-22","k":2,"p":[0],"t":"airstrike"}],"i":3,"sn":["قصفت المروحيات"],"t":"عنوان"}],"f":"k=1","k":"events","pl":[{"g":["SY03","Rural Damascus","ريف دمشق"],"la":33.5718,"lo":36.4027,"n":"دوما"}],"si":0}"#,
        "\"quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f nul \\u0000 us \\u001f del \u{7f}\"",
        "\"\\u0627\\u0644 \\ud83d\\ude00 \\/ é\"",
    ];

    #[test]
    fn output_is_serde_jsons_compact_and_pretty() {
        for text in CANONICAL {
            let ours = parse(text).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                ours.to_json(),
                serde_json::to_string(&theirs).unwrap(),
                "{text}"
            );
            assert_eq!(
                ours.to_json_pretty(),
                serde_json::to_string_pretty(&theirs).unwrap(),
                "{text}"
            );
            assert_eq!(parse(&ours.to_json()).unwrap(), ours, "{text}");
            assert_eq!(parse(&ours.to_json_pretty()).unwrap(), ours, "{text}");
        }
        // Members keep their order; numbers their text.
        let text = r#"{"z":1,"a":[1e5,-0,12345678901234567890]}"#;
        assert_eq!(parse(text).unwrap().to_json(), text);
    }

    #[test]
    fn every_control_character_is_escaped_as_serde_json_does() {
        let all: String = (0u8..=0x7f).map(char::from).collect::<String>() + "حلب\u{2028}";
        let ours = Value::from(all.as_str()).to_json();
        assert_eq!(ours, serde_json::to_string(&all).unwrap());
    }
}
