//! The analyses, with their concerns and recommendations.

use super::Doc;
use super::text::{anchor, cite, cited, heading, inline, label, opening, quote};
use crate::ids::TextVersionId;
use crate::model::{Analysis, Concern};

impl Doc<'_> {
    pub(super) fn analyses(&mut self) {
        for a in &self.dataset.bundle().analyses {
            self.analysis(a);
        }
    }

    fn analysis(&mut self, a: &Analysis) {
        self.block([format!(
            "### {}{}",
            anchor(&format!("analysis-{}", a.id)),
            heading(&a.title)
        )]);
        let version = self.version(&a.text_version);
        let source = std::slice::from_ref(&a.source);
        self.block([
            format!("- **Id:** `{}`", a.id),
            format!("- **Publisher:** {}", inline(&a.publisher)),
            format!("- **Published:** {}", a.published),
            format!("- **Genre:** {}", label(&a.genre)),
            format!("- **Text version:** {version}"),
            format!("- **Source:** {}", cite(source)),
        ]);
        self.block([cited(&opening(&a.summary), source)]);
        for c in &a.concerns {
            self.concern(&a.text_version, c);
        }
    }

    fn concern(&mut self, version: &TextVersionId, c: &Concern) {
        self.block([format!("#### Concern `{}`", c.id)]);
        self.block([cited(&opening(&c.summary), &c.sources)]);
        let mut lines = Vec::new();
        if !c.provisions.is_empty() {
            lines.push(format!(
                "- **Provisions** (numbering of `{version}`): {}",
                self.provisions.list(&c.provisions, version)
            ));
        }
        let powers: Vec<String> = c
            .powers
            .iter()
            .map(|p| self.power_name(p.as_str()))
            .collect();
        push_list(&mut lines, "Powers", powers);
        let missing = c
            .missing_safeguards
            .iter()
            .map(|s| self.safeguard_name(s.as_str()));
        push_list(&mut lines, "Missing safeguards", missing.collect());
        let categories = c
            .data_categories
            .iter()
            .map(|d| self.data_category_name(d.as_str()));
        push_list(&mut lines, "Data categories", categories.collect());
        let sensitive = c
            .sensitive_data
            .iter()
            .map(|s| self.sensitivity_name(s.as_str()));
        push_list(&mut lines, "Sensitive data", sensitive.collect());
        let quotes: Vec<String> = c.quotes.iter().map(quote).collect();
        push_list(&mut lines, "Quoted", quotes);
        if !c.recommendations.is_empty() {
            lines.push("- **Recommendations:**".to_owned());
        }
        for r in &c.recommendations {
            let mut text = format!("  - *{}:* {}", label(&r.action), inline(&r.summary));
            if !r.provisions.is_empty() {
                let provisions = self.provisions.list(&r.provisions, version);
                text.push_str(&format!(" Provisions: {provisions}."));
            }
            if !r.safeguards.is_empty() {
                let names: Vec<String> = r
                    .safeguards
                    .iter()
                    .map(|s| self.safeguard_name(s.as_str()))
                    .collect();
                text.push_str(&format!(" Safeguards: {}.", names.join(", ")));
            }
            // Recommendations have no sources of their own: they are the concern's.
            lines.push(cited(&text, &c.sources));
        }
        if !lines.is_empty() {
            self.block(lines);
        }
    }
}

fn push_list(lines: &mut Vec<String>, name: &str, items: Vec<String>) {
    if !items.is_empty() {
        lines.push(format!("- **{name}:** {}", items.join(", ")));
    }
}
