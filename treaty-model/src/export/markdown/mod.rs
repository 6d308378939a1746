//! A readable Markdown document of the convention and what is said about it.
//!
//! One file per part of the document, each adding its methods to `Doc`; the inline helpers
//! they share (escaping, citations, labels) are in `text`, which imports none of them.

mod analyses;
mod chapters;
mod front;
mod offences;
mod powers;
mod sources;
mod terms;
#[cfg(test)]
mod tests;
mod text;
mod treaties;
mod vocabulary;

use self::text::{
    Provisions, data_category_anchor, inline, link, power_anchor, safeguard_anchor,
    sensitive_category_anchor,
};
use crate::dataset::Dataset;
use crate::export::{NewerSchema, exportable};
use crate::ids::TextVersionId;
use crate::model::{Bundle, FileKind};

/// Renders the dataset as one Markdown document (CommonMark with GitHub tables).
///
/// The document has the title and text versions with their milestones, a table of contents,
/// each chapter with its articles and their paragraphs and points (modality, summary, quoted
/// words), the terms Article 2 defines, the offences (whether intent is required, whether
/// public-interest work is exempt), the powers (domestic, then cross-border) with their data,
/// scope, duration, confidentiality and a table of safeguard statuses, the articles of other
/// treaties matched to the convention's (with the crosswalk's own word on how they were
/// matched), the analyses with their concerns and recommendations, the vocabulary (safeguards
/// by family with their standards, data categories, sensitive categories), and the sources.
/// A section the dataset holds nothing for is left out. An article ends with links to the
/// terms it defines, the offences and powers it establishes and the articles of other
/// treaties matched to it; a power or vocabulary entry named anywhere links to its entry, and
/// a provision of the convention to its article, paragraph or point when the chapters show
/// it (not a draft's, whose articles have no chapter).
/// Every fact is followed by the ids of its sources, such as `[eff-2024-07-electronic-data]`,
/// which link to the entry in the list of sources; the facts of a power or an offence that
/// have no sources of their own (its provision, data categories, who can be compelled, whether
/// it is a core cybercrime) rest on those of the power or offence, cited after its summary.
/// Titles and entries not checked against a primary text are marked.
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
    for s in Section::present(dataset.bundle()) {
        d.block([format!("## {}", s.title())]);
        match s {
            Section::Terms => d.terms(),
            Section::Offences => d.offences(),
            Section::Powers => d.powers(),
            Section::Treaties => d.treaties(),
            Section::Analyses => d.analyses(),
            Section::Vocabulary => d.vocabulary(),
        }
    }
    d.sources();
    Ok(d.finish())
}

/// Whether the Markdown edition has a section for files of `kind`: the instrument, sources,
/// chapters, definitions, offences, powers, analyses, crosswalks and the vocabularies
/// (safeguards, data categories, sensitivity categories). One file of another kind (a
/// concordance, the participation file, an assessment) would come out as an empty frame, so a
/// converter should refuse it.
///
/// ```
/// use treaty_model::{FileKind, export::markdown_has_section};
/// assert!(markdown_has_section(FileKind::Powers));
/// assert!(markdown_has_section(FileKind::Offences));
/// assert!(!markdown_has_section(FileKind::Participation));
/// ```
#[must_use]
pub fn markdown_has_section(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Instrument
            | FileKind::Sources
            | FileKind::Chapter
            | FileKind::Definitions
            | FileKind::DataCategories
            | FileKind::SensitivityCategories
            | FileKind::Safeguards
            | FileKind::Powers
            | FileKind::Offences
            | FileKind::Analysis
            | FileKind::Crosswalk
    )
}

/// The sections between the chapters and the sources, in document order. The contents and
/// the document are both written from [`Section::present`], so that neither lists a section
/// the other leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Terms,
    Offences,
    Powers,
    Treaties,
    Analyses,
    Vocabulary,
}

impl Section {
    const ALL: [Self; 6] = [
        Self::Terms,
        Self::Offences,
        Self::Powers,
        Self::Treaties,
        Self::Analyses,
        Self::Vocabulary,
    ];

    /// The sections the dataset holds something for. A document converted from one chapter
    /// would otherwise say of the powers "None recorded", which the dataset does not say.
    fn present(bundle: &Bundle) -> impl Iterator<Item = Self> + '_ {
        Self::ALL.into_iter().filter(|s| match s {
            Self::Terms => !bundle.definitions.is_empty(),
            Self::Offences => !bundle.offences.is_empty(),
            Self::Powers => !bundle.powers.is_empty(),
            Self::Treaties => !bundle.crosswalks.is_empty(),
            Self::Analyses => !bundle.analyses.is_empty(),
            Self::Vocabulary => {
                !(bundle.safeguards.is_empty()
                    && bundle.data_categories.is_empty()
                    && bundle.sensitivity_categories.is_empty())
            }
        })
    }

    fn title(self) -> &'static str {
        match self {
            Self::Terms => "Defined terms",
            Self::Offences => "Offences",
            Self::Powers => "Powers",
            Self::Treaties => "Other treaties",
            Self::Analyses => "Analyses",
            Self::Vocabulary => "Vocabulary",
        }
    }

    /// The anchor GitHub and most renderers give the heading.
    fn anchor(self) -> String {
        self.title().to_lowercase().replace(' ', "-")
    }
}

/// The document being written, with the dataset for looking up names and the provisions
/// its chapters show, for linking to them.
struct Doc<'a> {
    dataset: &'a Dataset,
    provisions: Provisions,
    out: String,
}

impl<'a> Doc<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        Self {
            dataset,
            provisions: Provisions::new(&dataset.bundle().chapters),
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

    /// `` `final` (Final text) ``: a text version by its id, and by its label when the dataset
    /// has it.
    fn version(&self, id: &TextVersionId) -> String {
        match self.dataset.text_version(id) {
            Some(v) => format!("`{id}` ({})", inline(&v.label)),
            None => format!("`{id}`"),
        }
    }

    // The parts name what they cite through these, so that a name reads alike in each.
    fn power_name(&self, id: &str) -> String {
        let found = self.dataset.power(id).map(|p| p.name.as_str());
        named(found, id, &power_anchor(id))
    }

    fn safeguard_name(&self, id: &str) -> String {
        let found = self.dataset.safeguard(id).map(|s| s.name.as_str());
        named(found, id, &safeguard_anchor(id))
    }

    fn data_category_name(&self, id: &str) -> String {
        let found = self.dataset.data_categories().find(|c| c.id.as_str() == id);
        named(
            found.map(|c| c.name.as_str()),
            id,
            &data_category_anchor(id),
        )
    }

    fn sensitivity_name(&self, id: &str) -> String {
        let found = self
            .dataset
            .sensitivity_categories()
            .find(|c| c.id.as_str() == id);
        named(
            found.map(|c| c.name.as_str()),
            id,
            &sensitive_category_anchor(id),
        )
    }
}

/// `[Name](#anchor) (`id`)`, a link to the entry; the id alone when the entry is not in the
/// dataset, which is then not in the document either (one file converted alone).
fn named(name: Option<&str>, id: &str, anchor: &str) -> String {
    match name {
        Some(n) => format!("{} (`{id}`)", link(&inline(n), anchor)),
        None => format!("`{id}`"),
    }
}
