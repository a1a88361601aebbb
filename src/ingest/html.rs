//! Which parts of an HTML page are the article: the `<article>` (the longest
//! one, when a page lists teasers too), else `<main>`, else the body; never
//! scripts, styles, navigation, forms or asides. Written over a small trait
//! so that the choice is tested natively and run on the browser's DOM.

/// The little a walker needs from a DOM node.
pub trait DomNode: Sized {
    /// Lower-case element name; `None` for text and other nodes.
    fn tag(&self) -> Option<String>;
    /// The text of a text node; `None` for elements.
    fn text(&self) -> Option<String>;
    fn attr(&self, name: &str) -> Option<String>;
    fn children(&self) -> Vec<Self>;
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg",
    "button", "select", "textarea", "menu", "dialog", "object", "embed", "canvas", "video",
    "audio", "head", "link", "meta",
];
/// Landmark roles of page chrome.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "tr",
    "table",
    "dl",
    "dt",
    "dd",
    "figcaption",
    "hr",
    "figure",
    "address",
];

fn dropped<N: DomNode>(node: &N, tag: &str, site_chrome: bool) -> bool {
    DROPPED.contains(&tag)
        // A page's own <header> is masthead; an article's <header> holds its title.
        || (site_chrome && tag == "header")
        || node
            .attr("role")
            .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
        || node.attr("aria-hidden").is_some_and(|v| v == "true")
        || node.attr("hidden").is_some()
}

/// The node holding the article, searched under `body`, and whether it is
/// the whole body (then the page's own header is chrome too).
pub fn choose_root<N: DomNode + Clone>(body: &N) -> (N, bool) {
    let mut articles = Vec::new();
    let mut mains = Vec::new();
    find(body, &mut articles, &mut mains);
    if let Some(best) = articles
        .into_iter()
        .max_by_key(|a| text_of(a, false).chars().count())
    {
        return (best, false);
    }
    match mains.into_iter().next() {
        Some(m) => (m, false),
        None => (body.clone(), true),
    }
}

fn find<N: DomNode + Clone>(node: &N, articles: &mut Vec<N>, mains: &mut Vec<N>) {
    for c in node.children() {
        let Some(tag) = c.tag() else { continue };
        if dropped(&c, &tag, true) {
            continue;
        }
        if tag == "article" {
            articles.push(c);
            continue; // an article inside an article belongs to it
        }
        if tag == "main" || c.attr("role").is_some_and(|r| r == "main") {
            mains.push(c.clone());
        }
        find(&c, articles, mains);
    }
}

/// The readable text under `root`: one line per block, whitespace collapsed.
/// `site_chrome` says whether `root` is the whole body (so `<header>` is chrome).
pub fn text_of<N: DomNode>(root: &N, site_chrome: bool) -> String {
    let mut raw = String::new();
    walk(root, site_chrome, &mut raw);
    let lines: Vec<String> = raw
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn walk<N: DomNode>(node: &N, site_chrome: bool, out: &mut String) {
    for c in node.children() {
        if let Some(t) = c.text() {
            out.push_str(&t.replace('\n', " "));
            continue;
        }
        let Some(tag) = c.tag() else { continue };
        if dropped(&c, &tag, site_chrome) {
            continue;
        }
        let block = BLOCKS.contains(&tag.as_str());
        if block {
            out.push('\n');
        }
        walk(&c, site_chrome, out);
        if block {
            out.push('\n');
        }
    }
}

/// The first `<h1>` under `root`, as a title.
pub fn first_heading<N: DomNode>(root: &N) -> Option<String> {
    for c in root.children() {
        match c.tag().as_deref() {
            Some("h1") => {
                let t = text_of(&c, false).replace('\n', " ");
                if !t.is_empty() {
                    return Some(t);
                }
            }
            Some(tag) if !dropped(&c, tag, false) => {
                if let Some(t) = first_heading(&c) {
                    return Some(t);
                }
            }
            _ => {}
        }
    }
    None
}

/// The day of an ISO timestamp from `<meta>` or `<time datetime>` ("2017-03-22T10:00Z").
pub fn date_prefix(s: &str) -> Option<waqai_engine::Date> {
    s.trim().get(..10)?.parse().ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A hand-built tree: `E(tag, attrs, children)` or `T(text)`.
    #[derive(Clone, Debug)]
    pub enum N {
        E(&'static str, Vec<(&'static str, &'static str)>, Vec<N>),
        T(&'static str),
    }
    use N::*;

    impl DomNode for N {
        fn tag(&self) -> Option<String> {
            match self {
                E(t, ..) => Some(t.to_string()),
                T(_) => None,
            }
        }
        fn text(&self) -> Option<String> {
            match self {
                T(t) => Some(t.to_string()),
                E(..) => None,
            }
        }
        fn attr(&self, name: &str) -> Option<String> {
            match self {
                E(_, attrs, _) => attrs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string()),
                T(_) => None,
            }
        }
        fn children(&self) -> Vec<N> {
            match self {
                E(_, _, c) => c.clone(),
                T(_) => vec![],
            }
        }
    }

    fn e(tag: &'static str, c: Vec<N>) -> N {
        E(tag, vec![], c)
    }

    #[test]
    fn article_is_chosen_and_chrome_dropped() {
        let body = e(
            "body",
            vec![
                e("header", vec![e("nav", vec![T("الرئيسية سياسة")])]),
                e("script", vec![T("var x = 1;")]),
                e("article", vec![e("p", vec![T("خبر قصير")])]),
                e(
                    "article",
                    vec![
                        e("header", vec![e("h1", vec![T("قصف حي الوعر")])]),
                        e("p", vec![T("قصفت قوات النظام\n   حي الوعر.")]),
                        e("style", vec![T("p{color:red}")]),
                        E("div", vec![("role", "navigation")], vec![T("روابط")]),
                        e(
                            "p",
                            vec![T("وقتل "), e("b", vec![T("ثلاثة")]), T(" مدنيين.")],
                        ),
                    ],
                ),
                e("footer", vec![T("حقوق النشر")]),
            ],
        );
        let (root, chrome) = choose_root(&body);
        assert_eq!(
            text_of(&root, chrome),
            "قصف حي الوعر\nقصفت قوات النظام حي الوعر.\nوقتل ثلاثة مدنيين."
        );
        assert_eq!(first_heading(&root).as_deref(), Some("قصف حي الوعر"));
    }

    #[test]
    fn main_then_body() {
        let body = e(
            "body",
            vec![
                e("header", vec![T("الموقع")]),
                e("main", vec![e("p", vec![T("النص")])]),
            ],
        );
        let (root, chrome) = choose_root(&body);
        assert_eq!(text_of(&root, chrome), "النص");
        let body = e(
            "body",
            vec![e("header", vec![T("الموقع")]), e("p", vec![T("النص")])],
        );
        let (root, chrome) = choose_root(&body);
        assert!(chrome);
        assert_eq!(text_of(&root, chrome), "النص");
    }

    #[test]
    fn dates_from_timestamps() {
        assert_eq!(
            date_prefix("2017-03-22T10:00:00Z").unwrap().to_string(),
            "2017-03-22"
        );
        assert!(date_prefix("yesterday").is_none());
    }
}
