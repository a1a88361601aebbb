//! Turning uploaded files into article text: character decoding and the
//! choice of an HTML page's article content. Pure functions; the browser's
//! DOMParser is driven from `crate::web::html`.

pub mod decode;
pub mod html;

/// What kind of file a name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
    /// Anything else: read as text if it decodes as text.
    Unknown,
}

pub fn file_kind(name: &str) -> FileKind {
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "txt" | "md" | "markdown" | "text" => FileKind::Text,
        "html" | "htm" | "xhtml" => FileKind::Html,
        _ => FileKind::Unknown,
    }
}

/// A file name without its extension, as a title.
pub fn title_from_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    stem.replace(['_', '-'], " ").trim().to_string()
}

/// Markdown as plain prose: heading and quote markers, emphasis and link
/// syntax removed, so that neither the engine nor the reader sees them.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = Vec::new();
    for line in md.lines() {
        let mut l = line.trim_start();
        l = l.trim_start_matches('#').trim_start();
        l = l.trim_start_matches('>').trim_start();
        if l.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ')) && !l.is_empty() {
            continue; // a rule or a heading underline
        }
        out.push(strip_inline(l));
    }
    out.join("\n")
}

/// `[text](url)` → `text`; `**`, `__` and backticks dropped.
fn strip_inline(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find("](").and_then(|close| {
            after[close + 2..]
                .find(')')
                .map(|end| (close, close + 2 + end))
        }) {
            Some((close, end)) => {
                s.push_str(&rest[..open]);
                s.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            None => {
                s.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    s.push_str(rest);
    s.replace("**", "").replace("__", "").replace('`', "")
}

/// Whether a decoded text looks like HTML markup even if named otherwise.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_titles() {
        assert_eq!(file_kind("a.TXT"), FileKind::Text);
        assert_eq!(file_kind("report.htm"), FileKind::Html);
        assert_eq!(file_kind("x.pdf"), FileKind::Unknown);
        assert_eq!(title_from_name("dir/homs_report-2.txt"), "homs report 2");
        assert!(looks_like_html("  <!DOCTYPE html><html>"));
        assert!(!looks_like_html("قصفت قوات النظام"));
    }

    #[test]
    fn markdown_becomes_prose() {
        let md =
            "# قصف حمص\n\n> نقلت **وكالة** عن [المرصد](https://example.org) أن\n---\nنص `عادي`";
        assert_eq!(
            markdown_to_text(md),
            "قصف حمص\n\nنقلت وكالة عن المرصد أن\nنص عادي"
        );
        assert_eq!(markdown_to_text("[a] b [c](d"), "[a] b [c](d");
    }
}
