//! The register of sources that every fact cites.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Verification};
use crate::date::{Date, PartialDate};
use crate::ids::SourceId;
use crate::web::Url;

/// File kind `sources`: the documents facts are taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Sources {
    /// Always `sources`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The sources.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<Source>,
}

/// A document a fact is taken from, described so that a person can find it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Source {
    /// Identifier the facts cite.
    pub id: SourceId,
    /// The title, or a description when untitled.
    pub title: String,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// Who wrote it, as credited, when the project found a credit: one item per author, none
    /// holding `|`, which the CSV tables put between authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// How prose and the command line cite it in a few words (`EFF, July 2024`); ids are for
    /// machines, this is for readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite_as: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published, to the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// The official document symbol (`A/RES/79/243`, `C.N.196.2025.TREATIES-XVIII.16`), for
    /// documents of the UN or another official body; with `url`, the address of the public record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// When the project last looked the document or its address up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Date>,
    /// How to find it when it has neither address nor symbol (a series, a page, a search), in
    /// words a reader can act on; never a path on the project's machines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Whether the project has read the document itself, or only knows it through another.
    pub verification: Verification,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Sources {
    /// The source with this id among the sources of several files.
    pub fn find<'a>(files: &'a [Sources], id: &SourceId) -> Option<&'a Source> {
        files.iter().flat_map(|f| &f.sources).find(|s| &s.id == id)
    }

    /// How reader-facing text cites the source `id`: its [`Source::citation`], or the id itself
    /// when no file defines it (the validator reports that case).
    pub fn citation_of(files: &[Sources], id: &SourceId) -> String {
        Self::find(files, id).map_or_else(|| id.to_string(), Source::citation)
    }
}

impl Source {
    /// How a reader-facing text cites the source: its `cite_as`, else its publisher and date,
    /// else its title.
    pub fn citation(&self) -> String {
        if let Some(c) = &self.cite_as {
            return c.clone();
        }
        match (&self.publisher, &self.published) {
            (Some(p), Some(d)) => format!("{p}, {d}"),
            (Some(p), None) => p.clone(),
            _ => self.title.clone(),
        }
    }
}

/// Kinds of source.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum SourceKind {
    /// An analysis by an organisation or researcher.
    Analysis,
    /// A news report.
    News,
    /// An official UN or treaty document (treaty collection, resolution, the text itself).
    Official,
    /// A compilation of facts with their own sources (the project's reference file).
    Reference,
    /// A standard or set of principles.
    Standard,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}
