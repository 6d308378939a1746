//! The chapters: each article with its paragraphs, points and subpoints.

use super::Doc;
use super::text::{
    anchor, block_quote, chapter_anchor, cite, cited, cross_references, heading, inline, label,
    opening, verification_marker,
};
use crate::export::{Node, provisions};
use crate::model::{Article, Chapter};

impl Doc<'_> {
    pub(super) fn chapter(&mut self, c: &Chapter) {
        self.block([format!(
            "## {}Chapter {}: {}",
            anchor(&chapter_anchor(c)),
            c.number,
            heading(&c.title)
        )]);
        let mut intro = format!("Text version {}.", self.version(&c.text_version));
        if let Some(m) = verification_marker(c.verification) {
            intro.push_str(&format!(" Number and title {m}."));
        }
        self.block([cited(&intro, &c.sources)]);
        for a in &c.articles {
            self.article(a);
        }
    }

    fn article(&mut self, a: &Article) {
        let mut line = format!("### Article {}: {}", a.number, heading(&a.title));
        if let Some(m) = verification_marker(a.verification) {
            line.push_str(&format!(" *(title {m})*"));
        }
        self.block([line]);
        let nodes = provisions(a);
        let mut lead = Vec::new();
        if let Some(m) = a.modality {
            lead.push(format!("*({})*", label(&m)));
        }
        if let Some(s) = &a.summary {
            lead.push(if lead.is_empty() {
                opening(s)
            } else {
                inline(s)
            });
        }
        if !a.cross_references.is_empty() {
            lead.push(cross_references(&a.cross_references));
        }
        if lead.is_empty() {
            lead.push("Sources:".to_owned());
        }
        self.block([cited(&lead.join(" "), &a.sources)]);
        if !a.quotes.is_empty() {
            self.block(block_quote(&a.quotes, ""));
        }
        let items: Vec<String> = nodes
            .iter()
            .filter(|n| n.depth > 0)
            .flat_map(item)
            .collect();
        if !items.is_empty() {
            self.block(items);
        }
    }
}

/// One paragraph, point or subpoint as a list item nested by its depth, its quoted words in a
/// block quote inside the item.
fn item(n: &Node<'_>) -> Vec<String> {
    let indent = "  ".repeat(n.depth.saturating_sub(1));
    let mut parts = vec![format!("{indent}- **{}**", n.reference)];
    // An entry with its own verification differs from its article's; say so when unchecked.
    if let Some(m) = n.verification().and_then(|v| verification_marker(*v)) {
        parts.push(format!("*({m})*"));
    }
    if let Some(m) = n.modality() {
        parts.push(format!("*({})*", label(m)));
    }
    if let Some(s) = n.summary() {
        parts.push(inline(s));
    }
    if !n.cross_references().is_empty() {
        parts.push(cross_references(n.cross_references()));
    }
    if let Some(s) = n.note() {
        parts.push(format!("Note: {}", inline(s)));
    }
    parts.push(cite(n.sources()));
    parts.retain(|p| !p.is_empty());
    let mut lines = vec![parts.join(" ")];
    lines.extend(block_quote(n.quotes(), &format!("{indent}  ")));
    lines
}
