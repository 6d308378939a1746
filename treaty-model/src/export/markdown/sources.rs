//! The list of sources, which every citation of the document links to.

use super::Doc;
use super::text::{anchor, inline, label, note};
use crate::ids::SourceId;
use crate::model::Source;

impl Doc<'_> {
    pub(super) fn sources(&mut self) {
        self.block(["## Sources"]);
        let all: Vec<&Source> = self
            .dataset
            .bundle()
            .sources
            .iter()
            .flat_map(|f| &f.sources)
            .collect();
        if all.is_empty() {
            // A dataset cites no source it does not define, so this is a part of one.
            self.block([
                "This document was converted from part of a dataset without its sources file: \
                 the sources are cited by their ids in brackets, and the dataset's sources \
                 file gives their titles and addresses.",
            ]);
            return;
        }
        self.block(all.iter().map(|s| source_item(s)));
        // Link reference definitions make every `[eff-2024-07-electronic-data]` above a link to its entry.
        self.block(
            all.iter()
                .map(|s| format!("[{}]: #{}", s.id, source_anchor(&s.id))),
        );
    }
}

fn source_item(s: &Source) -> String {
    let mut text = format!(
        "- {}**{}**: {}",
        anchor(&source_anchor(&s.id)),
        s.id,
        sentence(&inline(&s.title))
    );
    if !s.authors.is_empty() {
        let authors: Vec<String> = s.authors.iter().map(|a| inline(a)).collect();
        text.push_str(&format!(" By {}", sentence(&authors.join(", "))));
    }
    let by: Vec<String> = [
        s.publisher.as_deref().map(inline),
        s.published.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !by.is_empty() {
        text.push_str(&format!(" {}.", by.join(", ")));
    }
    if let Some(symbol) = &s.symbol {
        text.push_str(&format!(" Symbol: {}", sentence(&inline(symbol))));
    }
    text.push_str(&format!(
        " Kind: {}; verification: {}.",
        label(&s.kind),
        label(&s.verification)
    ));
    if let Some(u) = &s.url {
        // An autolink ends at `>` and cannot hold `<`; encoded, they name the same address.
        let u = u.as_str().replace('<', "%3C").replace('>', "%3E");
        text.push_str(&format!(" <{u}>"));
        if let Some(d) = s.accessed {
            text.push_str(&format!(" (accessed {d})."));
        }
    }
    if let Some(l) = &s.locator {
        // Words, not code: a code span would show the escapes and end at a backtick.
        text.push_str(&format!(" Locator: {}", sentence(&inline(l))));
    }
    if let Some(c) = &s.cite_as {
        text.push_str(&format!(" Cite as: {}", sentence(&inline(c))));
    }
    text.push_str(&note(s.note.as_deref()));
    text
}

/// `s` ended by a full stop, unless it already ends a sentence (a title ending in `?`).
fn sentence(s: &str) -> String {
    if s.ends_with(['.', '?', '!']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

fn source_anchor(id: &SourceId) -> String {
    format!("source-{id}")
}
