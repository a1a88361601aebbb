//! An HTML file's article, read with the browser's DOMParser (which never
//! runs the page's scripts or loads its images), chosen by `ingest::html`.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::ingest::html::{choose_root, date_prefix, first_heading, text_of, DomNode};

impl DomNode for Node {
    fn tag(&self) -> Option<String> {
        self.dyn_ref::<Element>()
            .map(|e| e.tag_name().to_lowercase())
    }
    fn text(&self) -> Option<String> {
        (self.node_type() == Node::TEXT_NODE).then(|| self.text_content().unwrap_or_default())
    }
    fn attr(&self, name: &str) -> Option<String> {
        self.dyn_ref::<Element>()
            .and_then(|e| e.get_attribute(name))
    }
    fn children(&self) -> Vec<Node> {
        let list = self.child_nodes();
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }
}

pub struct HtmlArticle {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<waqai_engine::Date>,
    pub text: String,
}

fn meta(doc: &web_sys::Document, selector: &str, attr: &str) -> Option<String> {
    let el = doc.query_selector(selector).ok()??;
    el.get_attribute(attr).filter(|s| !s.trim().is_empty())
}

/// The article in an HTML page; `None` if the browser cannot parse it.
pub fn article_of(html: &str) -> Option<HtmlArticle> {
    let doc = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let body: Node = doc.body()?.into();
    let (root, chrome) = choose_root(&body);
    let text = text_of(&root, chrome);
    let title = first_heading(&root)
        .or_else(|| meta(&doc, "meta[property='og:title']", "content"))
        .or_else(|| Some(doc.title()).filter(|t| !t.trim().is_empty()));
    let outlet = meta(&doc, "meta[property='og:site_name']", "content");
    let published = meta(&doc, "meta[property='article:published_time']", "content")
        .or_else(|| meta(&doc, "time[datetime]", "datetime"))
        .and_then(|s| date_prefix(&s));
    Some(HtmlArticle {
        title,
        outlet,
        published,
        text,
    })
}
