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
}
