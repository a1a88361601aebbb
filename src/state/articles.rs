//! Articles the reader has loaded, and the checks a new one must pass.

use waqai_engine::Date;

/// One article. Its text never changes after it is added, so an extraction
/// can be cached by (id, publication date).
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: u32,
    pub title: String,
    /// The outlet or source the reader says it came from.
    pub outlet: String,
    pub text: String,
    /// The publication date the reader set; `None` lets the engine look for a dateline.
    pub published: Option<Date>,
    /// For sample articles, their file name, so loading them twice adds nothing.
    pub sample: Option<String>,
}

/// Texts longer than this are refused: the page would stall and storage overflow.
pub const MAX_TEXT_BYTES: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    Huge,
    Binary,
}

/// Why a text cannot be an article, if it cannot.
pub fn check_text(text: &str) -> Result<(), TextProblem> {
    if text.trim().is_empty() {
        return Err(TextProblem::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(TextProblem::Huge);
    }
    // A decoded binary file is full of NULs and other control characters.
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || control * 50 > text.chars().count() {
        return Err(TextProblem::Binary);
    }
    Ok(())
}

/// A title for a pasted article: its first non-empty line, shortened.
pub fn title_from_text(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    shorten(line, 70)
}

/// `s` cut to at most `max` characters at a word boundary, with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end())
}

/// The next free article id.
pub fn next_id(articles: &[Article]) -> u32 {
    articles.iter().map(|a| a.id).max().map_or(1, |m| m + 1)
}

/// The five sample articles (the project's development set): their file
/// names under `samples/` on the site (`assets/samples/`), fetched when the
/// reader asks for them rather than carried in the page's module, and the
/// publication dates known for them.
pub const SAMPLES: [(&str, Option<&str>); 5] = [
    ("000_b7833adfac59501c.txt", None),
    ("001_d4a60e6ea0d924d6.txt", None),
    ("002_e6acb38d1f0aefce.txt", None),
    ("003_a85404199d995bf9.txt", None),
    ("004_1011cbe8db59e945.txt", Some("2017-03-22")),
];

/// The file names of the sample articles not loaded yet.
pub fn samples_missing(existing: &[Article]) -> Vec<&'static str> {
    SAMPLES
        .iter()
        .map(|&(name, _)| name)
        .filter(|name| existing.iter().all(|a| a.sample.as_deref() != Some(*name)))
        .collect()
}

/// The samples among `texts` (file name, text) not loaded yet, in the
/// samples' order, with ids following `existing`.
pub fn sample_articles(existing: &[Article], texts: &[(&str, String)]) -> Vec<Article> {
    let missing = samples_missing(existing);
    let mut id = next_id(existing);
    let mut out = Vec::new();
    for (name, published) in SAMPLES {
        let Some((_, text)) = texts.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        if !missing.contains(&name) {
            continue;
        }
        out.push(Article {
            id,
            title: title_from_text(text),
            outlet: String::new(),
            text: text.clone(),
            published: published.and_then(|d| d.parse().ok()),
            sample: Some(name.to_string()),
        });
        id += 1;
    }
    out
}

/// The sample articles not loaded yet, read from `assets/samples/` (tests).
#[cfg(test)]
pub fn samples_to_add(existing: &[Article]) -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/");
    let texts: Vec<(&str, String)> = SAMPLES
        .iter()
        .map(|&(name, _)| {
            (
                name,
                std::fs::read_to_string(format!("{dir}{name}")).unwrap(),
            )
        })
        .collect();
    sample_articles(existing, &texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks() {
        assert_eq!(check_text("  \n "), Err(TextProblem::Empty));
        assert_eq!(check_text("abc\0def"), Err(TextProblem::Binary));
        assert_eq!(
            check_text(&"x".repeat(MAX_TEXT_BYTES + 1)),
            Err(TextProblem::Huge)
        );
        assert_eq!(check_text("قصفت قوات النظام\nحي الوعر"), Ok(()));
    }

    #[test]
    fn titles_are_first_lines() {
        assert_eq!(title_from_text("\n  عنوان الخبر  \nنص"), "عنوان الخبر");
        let long = "كلمة ".repeat(40);
        let t = title_from_text(&long);
        assert!(t.ends_with('…') && t.chars().count() <= 91);
    }

    #[test]
    fn samples_load_once() {
        let first = samples_to_add(&[]);
        assert_eq!(first.len(), 5);
        assert_eq!(first[4].published.unwrap().to_string(), "2017-03-22");
        assert!(first[0].published.is_none());
        assert!(samples_to_add(&first).is_empty());
        assert_eq!(next_id(&first), 6);
        assert_eq!(samples_missing(&first), Vec::<&str>::new());
        assert_eq!(samples_missing(&first[1..]), vec![SAMPLES[0].0]);
        // Only those fetched and still missing are added, in the samples' order.
        let texts = [
            (SAMPLES[3].0, "د".to_string()),
            (SAMPLES[0].0, "أ".to_string()),
        ];
        let some = sample_articles(&first[1..3], &texts);
        let names: Vec<_> = some.iter().map(|a| a.sample.as_deref().unwrap()).collect();
        assert_eq!(names, vec![SAMPLES[0].0, SAMPLES[3].0]);
        assert_eq!(some[0].id, 4);
    }
}
