//! Inline Markdown shared by every part of the document: dataset text made inert, source
//! citations, vocabulary labels, provisions, quotes, and the anchors and links between parts.
//! It imports no other part, so that every part can import it.

use std::collections::HashSet;

use crate::export::{provisions, word};
use crate::ids::{SourceId, TextVersionId};
use crate::model::{Chapter, CrosswalkEntry, Quote, Verification};
use crate::provision::ProvisionRef;

/// A vocabulary value for reading: the YAML value with spaces (`left to domestic law`).
pub(super) fn label<T: Copy + Into<&'static str>>(value: &T) -> String {
    word(value).replace('-', " ")
}

/// The marker for a fact not fully checked; `None` when verified.
pub(super) fn verification_marker(v: Verification) -> Option<String> {
    match v {
        Verification::Verified => None,
        Verification::Partly => Some("partly verified".to_owned()),
        other => Some(word(&other)),
    }
}

pub(super) fn unverified(v: Verification) -> String {
    verification_marker(v).map_or_else(String::new, |m| format!(" *({m})*"))
}

pub(super) fn note(n: Option<&str>) -> String {
    n.map_or_else(String::new, |n| format!(" {}", inline(n)))
}

pub(super) fn quote(q: &Quote) -> String {
    let mut s = format!("“{}”", inline(&q.text));
    if let Some(n) = &q.note {
        s.push_str(&format!(" ({})", inline(n)));
    }
    cited(&s, &q.sources)
}

/// `[eff-2024-07-electronic-data], [eff-2024-07-key-concerns]`: shortcut reference links to the list of sources. The comma keeps
/// two ids from reading as one full reference link in older parsers.
pub(super) fn cite(ids: &[SourceId]) -> String {
    ids.iter()
        .map(|i| format!("[{i}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn cited(text: &str, ids: &[SourceId]) -> String {
    if ids.is_empty() {
        text.to_owned()
    } else {
        format!("{text} {}", cite(ids))
    }
}

/// Dataset text as Markdown text on one line: a line break inside a list item or table row
/// would end it, and the text is [`inert`]. Spaces at the ends go: a leading one would end
/// the emphasis the text is written in (`*title*`).
pub(super) fn inline(s: &str) -> String {
    let line = s
        .split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    inert(line.trim())
}

/// Text escaped so that it reads as written: `<script>` or `<!--` would be raw HTML (the
/// comment hiding the rest of the document), `*`, `_`, `~` or a backtick would format,
/// `[l](url)` would nest a link in the exporter's own and break it, `|` would end a table
/// cell. CommonMark lets a backslash escape any ASCII punctuation; only the characters that
/// can start markup inside a line are escaped, so that `28(4)` or `as-appropriate` read as
/// they are. No crate escapes Markdown text (pulldown-cmark's escapers are for HTML), and the
/// CLI's diff renderer has its own copy for its output: a private helper cannot be shared
/// across the crates without making it public API.
pub(super) fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`inline`] text that starts a paragraph, where a leading `#`, `-`, `+` or `1.` would make
/// a heading or a list of it (further on in a line, they are text).
pub(super) fn opening(s: &str) -> String {
    let text = inline(s);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, rest) = text.split_at(digits);
    match rest.chars().next() {
        Some('#' | '-' | '+') if number.is_empty() => format!("\\{text}"),
        Some('.' | ')') if !number.is_empty() => format!("{number}\\{rest}"),
        _ => text,
    }
}

/// [`inline`] text that may end a heading, where a final run of `#` would be taken for the
/// heading's optional closing sequence and dropped.
pub(super) fn heading(s: &str) -> String {
    let text = inline(s);
    let title = text.trim_end_matches('#');
    if title.len() == text.len() {
        return text;
    }
    format!("{title}\\{}", &text[title.len()..])
}

/// `<a id="…"></a>`, which an entry other parts link to starts with. The anchor GitHub gives a
/// heading is made of its words, and changes when a name is corrected; this one is made of
/// ids, which do not change. An HTML anchor is also the one kind a list item or a table cell
/// can have.
pub(super) fn anchor(id: &str) -> String {
    format!("<a id=\"{id}\"></a>")
}

/// `[text](#anchor)`: a link to another part of the document. `text` is Markdown already.
pub(super) fn link(text: &str, anchor: &str) -> String {
    format!("[{text}](#{anchor})")
}

// The anchors of entries that other parts link to. The part that writes an anchor and the
// parts that link to it build it here, so that they cannot disagree.

pub(super) fn chapter_anchor(c: &Chapter) -> String {
    format!("chapter-{}-{}", c.text_version, c.number.to_lowercase())
}

pub(super) fn power_anchor(id: &str) -> String {
    format!("power-{id}")
}

pub(super) fn offence_anchor(id: &str) -> String {
    format!("offence-{id}")
}

pub(super) fn term_anchor(id: &str) -> String {
    format!("term-{id}")
}

/// The table of the articles of another treaty matched to the convention's.
pub(super) fn treaty_anchor(id: &str) -> String {
    format!("treaty-{id}")
}

/// A row of that table: the treaty's anchor, then the eIds of the two provisions
/// (`treaty-budapest-convention-art_25-art_16`). An entry has no id of its own, and one article
/// can match several. An id has no underscore, an eId has no hyphen: no treaty's anchor, nor
/// another row's, reads like this one. `None` for an entry with no provision of the
/// convention, which no article links to.
pub(super) fn crosswalk_entry_anchor(treaty: &str, e: &CrosswalkEntry) -> Option<String> {
    let here = e.provision.as_ref()?.to_eid();
    let mut anchor = format!("{}-{here}", treaty_anchor(treaty));
    if let Some(p) = &e.other_provision {
        anchor.push_str(&format!("-{}", p.to_eid()));
    }
    Some(anchor)
}

/// An article, paragraph, point or subpoint the chapters show: its text version, then its
/// eId (`provision-final-art_25__para_3__point_a`). Article numbers differ between text
/// versions, and an eId is how a reference to the provision is written. No other anchor
/// starts like this one.
pub(super) fn provision_anchor(version: &TextVersionId, r: &ProvisionRef) -> String {
    format!("provision-{version}-{}", r.to_eid())
}

/// The anchors of the provisions the document shows, gathered once from the chapters, and the
/// links to them. A provision the document names is linked only when the document shows it:
/// the articles of a draft are cited but have no chapter files, and one file converted alone
/// has no chapter at all.
pub(super) struct Provisions(HashSet<String>);

impl Provisions {
    /// Every article of `chapters` in its chapter's text version, with each of its paragraphs,
    /// points and subpoints, which the chapters write as list items with their own anchors.
    pub(super) fn new(chapters: &[Chapter]) -> Self {
        let anchors = chapters.iter().flat_map(|c| {
            c.articles.iter().flat_map(|a| {
                provisions(a)
                    .into_iter()
                    .map(|n| provision_anchor(&c.text_version, &n.reference))
            })
        });
        Self(anchors.collect())
    }

    /// `text`, which names `r`, as a link to the provision; `r` is read in `version` unless
    /// it names its own. The link goes to the most precise entry that holds `r` and that the
    /// document shows (`25(3)(b)` to paragraph 3 when the chapter describes no point (b));
    /// `text` stays plain when the document shows no article for it. The one way any part
    /// links a provision, so that they all link alike.
    pub(super) fn link(&self, text: &str, r: &ProvisionRef, version: &TextVersionId) -> String {
        let version = r.version().unwrap_or(version);
        let mut at = Some(r.unversioned());
        while let Some(p) = at {
            let to = provision_anchor(version, &p);
            if self.0.contains(&to) {
                return link(text, &to);
            }
            at = p.parent();
        }
        text.to_owned()
    }

    /// `Article 28(4)`, linked, with the text version when the reference names one: the
    /// provision as a sentence names it.
    pub(super) fn article(&self, r: &ProvisionRef, version: &TextVersionId) -> String {
        let named = self.link(&format!("Article {}", r.unversioned()), r, version);
        match r.version() {
            Some(v) => format!("{named} (`{v}`)"),
            None => named,
        }
    }

    /// `24, 25(2)`, each linked: provisions as a list gives them.
    pub(super) fn list(&self, refs: &[ProvisionRef], version: &TextVersionId) -> String {
        let linked: Vec<String> = refs
            .iter()
            .map(|r| self.link(&r.to_string(), r, version))
            .collect();
        linked.join(", ")
    }

    pub(super) fn cross_references(
        &self,
        refs: &[ProvisionRef],
        version: &TextVersionId,
    ) -> String {
        format!("Cross-references: {}.", self.list(refs, version))
    }
}

// A vocabulary entry's prefix is longer than the site's (`data-`, `sensitive-`): the anchor
// of a data category `categories` would otherwise be that of the heading "Data categories".

pub(super) fn safeguard_anchor(id: &str) -> String {
    format!("safeguard-{id}")
}

pub(super) fn data_category_anchor(id: &str) -> String {
    format!("data-category-{id}")
}

pub(super) fn sensitive_category_anchor(id: &str) -> String {
    format!("sensitive-category-{id}")
}

pub(super) fn row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

/// Quoted words as a block quote, one paragraph per quote, indented into a list item if needed.
pub(super) fn block_quote(quotes: &[Quote], indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            lines.push(format!("{indent}>"));
        }
        lines.push(format!("{indent}> {}", quote(q)));
    }
    lines
}

/// `s` with its first letter in capitals, for a vocabulary value that starts a heading or a
/// table cell, as the labels written by hand do.
pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
