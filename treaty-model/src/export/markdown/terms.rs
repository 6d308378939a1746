//! The terms Article 2 defines, each with the data category it defines, if any. A section of
//! its own, as the offences are, so that the definitions file converted alone shows them.

use super::Doc;
use super::text::{anchor, block_quote, cite, inline, term_anchor, unverified};
use crate::ids::TextVersionId;
use crate::model::Definition;

impl Doc<'_> {
    pub(super) fn terms(&mut self) {
        for f in &self.dataset.bundle().definitions {
            self.block([format!("Text version {}.", self.version(&f.text_version))]);
            let items: Vec<String> = f
                .terms
                .iter()
                .flat_map(|t| self.term(&f.text_version, t))
                .collect();
            self.block(items);
        }
    }

    /// One term as a list item, its quoted words in a block quote inside the item.
    fn term(&self, version: &TextVersionId, t: &Definition) -> Vec<String> {
        let mut text = format!(
            "- {}**{}** ({}){}",
            anchor(&term_anchor(t.id.as_str())),
            inline(&t.term),
            self.provisions.article(&t.provision, version),
            unverified(t.verification)
        );
        match &t.summary {
            Some(s) => text.push_str(&format!(": {}", inline(s))),
            None => text.push('.'),
        }
        if let Some(c) = &t.data_category {
            text.push_str(&format!(
                " Data category: {}.",
                self.data_category_name(c.as_str())
            ));
        }
        text.push_str(&format!(" {}", cite(&t.sources)));
        let mut lines = vec![text];
        lines.extend(block_quote(&t.quotes, "  "));
        lines
    }
}
