//! The articles of other treaties (the Budapest Convention) matched to the convention's, one
//! table per crosswalk file. A section rather than a line under each article: an article of
//! the other treaty with no counterpart in the convention has no article here to stand under.

use super::Doc;
use super::text::{anchor, article, cite, heading, inline, label, note, row};
use crate::export::word;
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
            anchor(&format!("treaty-{}", other.id)),
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
        lines.extend(c.entries.iter().map(entry));
        self.block(lines);
    }
}

fn entry(e: &CrosswalkEntry) -> String {
    let other = match (&e.other_provision, &e.other_title) {
        (Some(p), Some(t)) => format!("Article {p}: {}", inline(t)),
        (Some(p), None) => format!("Article {p}"),
        (None, Some(t)) => inline(t),
        (None, None) => "—".to_owned(),
    };
    row(&[
        e.provision.as_ref().map_or_else(|| "—".to_owned(), article),
        other,
        label(&e.relation),
        word(&e.verification),
        e.note.as_deref().map_or_else(|| "—".to_owned(), inline),
        cite(&e.sources),
    ])
}
