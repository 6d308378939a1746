//! A readable Markdown document of the convention and what is said about it.
//!
//! One file per part of the document, each adding its methods to `Doc`; the inline helpers
//! they share (escaping, citations, labels) are in `text`, which imports none of them.

mod analyses;
mod chapters;
mod front;
mod powers;
mod sources;
#[cfg(test)]
mod tests;
mod text;

use self::text::inline;
use crate::dataset::Dataset;
use crate::export::{NewerSchema, exportable};
use crate::model::FileKind;

/// Renders the dataset as one Markdown document (CommonMark with GitHub tables).
///
/// The document has the title and text versions, a table of contents by chapter, each chapter
/// with its articles and their paragraphs and points (modality, summary, quoted words), the
/// powers (domestic, then cross-border) with their data, scope, duration, confidentiality and
/// a table of safeguard statuses, the analyses with their concerns and recommendations, and
/// the sources. Every fact is followed by the ids of its sources, such as `[eff-2024-07-electronic-data]`, which
/// link to the entry in the list of sources; the facts of a power that have no sources of their
/// own (its provision, data categories, who can be compelled) rest on the power's, cited after
/// its summary. Titles and entries not checked against a primary text are marked.
///
/// ```
/// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
/// let md = treaty_model::export::markdown(dataset)?;
/// assert!(md.contains("## Powers"));
/// # Ok::<(), treaty_model::export::NewerSchema>(())
/// ```
///
/// # Errors
///
/// [`NewerSchema`] when a file of the dataset was written for a newer schema version.
pub fn markdown(dataset: &Dataset) -> Result<String, NewerSchema> {
    exportable(dataset)?;
    let mut d = Doc::new(dataset);
    d.title();
    d.text_versions();
    d.contents();
    for c in &dataset.bundle().chapters {
        d.chapter(c);
    }
    d.powers();
    d.analyses();
    d.sources();
    Ok(d.finish())
}

/// Whether the Markdown edition has a section for files of `kind`: the instrument, chapters,
/// powers, analyses and sources. One file of another kind (a concordance, the participation
/// file...) would come out as an empty frame, so a converter should refuse it.
///
/// ```
/// use treaty_model::{FileKind, export::markdown_has_section};
/// assert!(markdown_has_section(FileKind::Powers));
/// assert!(!markdown_has_section(FileKind::Participation));
/// ```
#[must_use]
pub fn markdown_has_section(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Instrument
            | FileKind::Sources
            | FileKind::Chapter
            | FileKind::Powers
            | FileKind::Analysis
    )
}

/// The document being written, with the dataset for looking up names.
struct Doc<'a> {
    dataset: &'a Dataset,
    out: String,
}

impl<'a> Doc<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        Self {
            dataset,
            out: String::new(),
        }
    }

    /// Writes lines as one block, followed by the blank line that separates blocks.
    fn block<S: AsRef<str>>(&mut self, lines: impl IntoIterator<Item = S>) {
        for line in lines {
            self.out.push_str(line.as_ref());
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out.push('\n');
        self.out
    }

    // The parts name what they cite through these, so that a name reads alike in each.
    fn power_name(&self, id: &str) -> String {
        match self.dataset.power(id) {
            Some(p) => format!("[{}](#power-{id}) (`{id}`)", inline(&p.name)),
            None => format!("`{id}`"),
        }
    }

    fn safeguard_name(&self, id: &str) -> String {
        named(self.dataset.safeguard(id).map(|s| s.name.as_str()), id)
    }

    fn data_category_name(&self, id: &str) -> String {
        let found = self
            .dataset
            .bundle()
            .data_categories
            .iter()
            .flat_map(|f| &f.categories)
            .find(|c| c.id.as_str() == id);
        named(found.map(|c| c.name.as_str()), id)
    }

    fn sensitivity_name(&self, id: &str) -> String {
        let found = self
            .dataset
            .bundle()
            .sensitivity_categories
            .iter()
            .flat_map(|f| &f.categories)
            .find(|c| c.id.as_str() == id);
        named(found.map(|c| c.name.as_str()), id)
    }
}

/// `Name (`id`)`, or the id alone when the name is not in the dataset.
fn named(name: Option<&str>, id: &str) -> String {
    match name {
        Some(n) => format!("{} (`{id}`)", inline(n)),
        None => format!("`{id}`"),
    }
}
