//! The register of sources that every fact cites.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Verification};
use crate::date::PartialDate;
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
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published, to the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// Where the project keeps its copy or how to find it (a seed file name, a document symbol).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Whether the project has read the document itself, or only knows it through another.
    pub verification: Verification,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Kinds of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
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
