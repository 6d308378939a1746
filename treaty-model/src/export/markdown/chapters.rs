//! The chapters: each article with its paragraphs, points and subpoints.

use super::Doc;
use super::text::{
    anchor, block_quote, chapter_anchor, cite, cited, crosswalk_entry_anchor, heading, inline,
    label, link, offence_anchor, opening, power_anchor, provision_anchor, term_anchor,
    verification_marker,
};
use crate::export::{Node, provisions};
use crate::ids::TextVersionId;
use crate::model::{Article, Chapter, CrosswalkEntry};
use crate::provision::ProvisionRef;

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
            self.article(&c.text_version, a);
        }
    }

    fn article(&mut self, version: &TextVersionId, a: &Article) {
        let here = ProvisionRef::article(a.number);
        let mut line = format!(
            "### {}Article {}: {}",
            anchor(&provision_anchor(version, &here)),
            a.number,
            heading(&a.title)
        );
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
            lead.push(
                self.provisions
                    .cross_references(&a.cross_references, version),
            );
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
            .flat_map(|n| self.item(version, n))
            .collect();
        if !items.is_empty() {
            self.block(items);
        }
        if let Some(line) = self.see_also(version, a.number) {
            self.block([line]);
        }
    }

    /// `See also: offence [Illegal access](#offence-illegal-access); …`: what the other
    /// sections say of the article, which they list by offence, term, power or treaty rather
    /// than by article. Only entries the document has are linked: each section writes every
    /// entry of the dataset.
    fn see_also(&self, version: &TextVersionId, number: u16) -> Option<String> {
        let here = ProvisionRef::article(number);
        let terms = self
            .dataset
            .terms_in(&here, version)
            .into_iter()
            .map(|t| link(&inline(&t.term), &term_anchor(t.id.as_str())));
        let offences = self
            .dataset
            .offences_in(&here, version)
            .into_iter()
            .map(|o| link(&inline(&o.name), &offence_anchor(o.id.as_str())));
        let powers = self
            .dataset
            .powers_in(&here, version)
            .into_iter()
            .map(|p| link(&inline(&p.name), &power_anchor(p.id.as_str())));
        let mut groups = Vec::new();
        for (one, many, links) in [
            ("term", "terms", terms.collect::<Vec<_>>()),
            ("offence", "offences", offences.collect()),
            ("power", "powers", powers.collect()),
        ] {
            groups.extend(group(if links.len() == 1 { one } else { many }, &links));
        }
        for (c, entries) in self.dataset.crosswalk_entries(&here, version) {
            let mut links: Vec<String> = Vec::new();
            for e in entries {
                let Some(to) = crosswalk_entry_anchor(c.other.id.as_str(), e) else {
                    continue;
                };
                let l = link(&counterpart(e), &to);
                // Two rows for one pair of provisions share the first one's anchor.
                if !links.contains(&l) {
                    links.push(l);
                }
            }
            groups.extend(group(&inline(&c.other.title), &links));
        }
        (!groups.is_empty()).then(|| format!("See also: {}.", groups.join("; ")))
    }

    /// One paragraph, point or subpoint as a list item nested by its depth, with the anchor the
    /// other parts link to when they name it, its quoted words in a block quote inside the item.
    fn item(&self, version: &TextVersionId, n: &Node<'_>) -> Vec<String> {
        let indent = "  ".repeat(n.depth.saturating_sub(1));
        let mut parts = vec![format!(
            "{indent}- {}**{}**",
            anchor(&provision_anchor(version, &n.reference)),
            n.reference
        )];
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
            parts.push(
                self.provisions
                    .cross_references(n.cross_references(), version),
            );
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
}

/// `offences [A](#…), [B](#…)`: links after the name of what they lead to; `None` without any.
fn group(name: &str, links: &[String]) -> Option<String> {
    (!links.is_empty()).then(|| format!("{name} {}", links.join(", ")))
}

/// What an article is matched to in the other treaty: `Article 16`, or its title when the
/// entry gives no provision, or how the two relate (`no counterpart`) when it gives neither.
fn counterpart(e: &CrosswalkEntry) -> String {
    match (&e.other_provision, &e.other_title) {
        (Some(p), _) => format!("Article {p}"),
        (None, Some(t)) => inline(t),
        (None, None) => label(&e.relation),
    }
}
