//! The articles of other treaties (the Budapest Convention) matched to the convention's, one
//! table per crosswalk file. A section rather than a line under each article (which links to
//! its rows here): an article of the other treaty with no counterpart in the convention has no
//! article to stand under.

use std::collections::HashSet;

use super::Doc;
use super::text::{
    anchor, cite, crosswalk_entry_anchor, heading, inline, label, note, row, treaty_anchor,
};
use crate::export::word;
use crate::ids::TextVersionId;
use crate::model::{Crosswalk, CrosswalkEntry};

impl Doc<'_> {
    pub(super) fn treaties(&mut self) {
        for c in &self.dataset.bundle().crosswalks {
            self.crosswalk(c);
        }
    }

    fn crosswalk(&mut self, c: &Crosswalk) {
        let other = &c.other;
        let title = match &other.symbol {
            Some(s) => format!("{}, {s}", other.title),
            None => other.title.clone(),
        };
        self.block([format!(
            "### {}{}",
            anchor(&treaty_anchor(other.id.as_str())),
            heading(&title)
        )]);
        // The file's note says how the matches were made (by subject, not an official
        // concordance): it qualifies every row below.
        self.block([format!(
            "Text version {}.{}",
            self.version(&c.text_version),
            note(c.note.as_deref())
        )]);
        let mut lines = vec![
            "| Convention | Other treaty | Relation | Verification | Note | Sources |".to_owned(),
            "| --- | --- | --- | --- | --- | --- |".to_owned(),
        ];
        // The articles link to a row by its two provisions: a row repeating a pair of
        // provisions gets no anchor of its own, which would repeat the first's.
        let mut anchored = HashSet::new();
        for e in &c.entries {
            let id =
                crosswalk_entry_anchor(other.id.as_str(), e).filter(|a| anchored.insert(a.clone()));
            lines.push(self.entry(&c.text_version, e, id.as_deref()));
        }
        self.block(lines);
    }

    /// A row, its first cell starting with the anchor the article's line links to, then the
    /// convention's provision linked to its article. The other treaty's articles are not in
    /// the document: they stay plain.
    fn entry(
        &self,
        version: &TextVersionId,
        e: &CrosswalkEntry,
        anchor_id: Option<&str>,
    ) -> String {
        let other = match (&e.other_provision, &e.other_title) {
            (Some(p), Some(t)) => format!("Article {p}: {}", inline(t)),
            (Some(p), None) => format!("Article {p}"),
            (None, Some(t)) => inline(t),
            (None, None) => "—".to_owned(),
        };
        let mut here = anchor_id.map(anchor).unwrap_or_default();
        here.push_str(
            &e.provision
                .as_ref()
                .map_or_else(|| "—".to_owned(), |r| self.provisions.article(r, version)),
        );
        row(&[
            here,
            other,
            label(&e.relation),
            word(&e.verification),
            e.note.as_deref().map_or_else(|| "—".to_owned(), inline),
            cite(&e.sources),
        ])
    }
}
