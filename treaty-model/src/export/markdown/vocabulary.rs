//! The vocabulary: what each safeguard (by family, with the standards that state it), data
//! category and sensitive category means. The power tables and concerns name them in a word,
//! which links here: this is where a reader learns what the word stands for.

use super::Doc;
use super::text::{
    anchor, capitalised, cited, data_category_anchor, inline, label, safeguard_anchor,
    sensitive_category_anchor,
};
use crate::ids::TextVersionId;
use crate::model::{Safeguard, SafeguardFamily};

impl Doc<'_> {
    pub(super) fn vocabulary(&mut self) {
        self.safeguards();
        self.data_categories();
        self.sensitive_categories();
    }

    fn safeguards(&mut self) {
        let all: Vec<&Safeguard> = self
            .dataset
            .bundle()
            .safeguards
            .iter()
            .flat_map(|f| &f.safeguards)
            .collect();
        if all.is_empty() {
            return;
        }
        self.block(["### Safeguards"]);
        // Families in the order they first appear, which is the taxonomy's own.
        let mut families: Vec<SafeguardFamily> = Vec::new();
        for s in &all {
            if !families.contains(&s.family) {
                families.push(s.family);
            }
        }
        for family in families {
            self.block([format!("#### {}", capitalised(&label(&family)))]);
            self.block(
                all.iter()
                    .filter(|s| s.family == family)
                    .map(|s| safeguard(s)),
            );
        }
    }

    fn data_categories(&mut self) {
        let items: Vec<String> = self
            .dataset
            .data_categories()
            .map(|c| {
                // `defined_by` is in the numbering of the final text, whatever the file.
                let defined = c.defined_by.as_ref().map_or_else(String::new, |r| {
                    let final_text = TextVersionId::final_text();
                    let mut at = self.provisions.article(r, &final_text);
                    if r.version().is_none() {
                        at.push_str(&format!(" (`{final_text}`)"));
                    }
                    format!(", defined in {at}")
                });
                let id = c.id.as_str();
                let entry = term(&data_category_anchor(id), &c.name, id, &defined, &c.summary);
                cited(&entry, &c.sources)
            })
            .collect();
        if !items.is_empty() {
            self.block(["### Data categories"]);
            self.block(items);
        }
    }

    fn sensitive_categories(&mut self) {
        let items: Vec<String> = self
            .dataset
            .sensitivity_categories()
            .map(|c| {
                let id = c.id.as_str();
                let entry = term(&sensitive_category_anchor(id), &c.name, id, "", &c.summary);
                cited(&entry, &c.sources)
            })
            .collect();
        if !items.is_empty() {
            self.block(["### Sensitive data categories"]);
            self.block(items);
        }
    }
}

fn safeguard(s: &Safeguard) -> String {
    let id = s.id.as_str();
    let mut text = term(&safeguard_anchor(id), &s.name, id, "", &s.summary);
    if !s.standards.is_empty() {
        let standards: Vec<String> = s
            .standards
            .iter()
            .map(|r| format!("{} ({})", inline(&r.principle), label(&r.standard)))
            .collect();
        text.push_str(&format!(" In the standards: {}.", standards.join("; ")));
    }
    cited(&text, &s.sources)
}

/// One entry of the vocabulary: `- **Name** (`id`)` with the anchor the power tables and
/// concerns link to, what follows the name (`, defined in Article 2(b)`), then its meaning.
fn term(anchor_id: &str, name: &str, id: &str, after_name: &str, summary: &str) -> String {
    format!(
        "- {}**{}** (`{id}`){after_name}: {}",
        anchor(anchor_id),
        inline(name),
        inline(summary)
    )
}
