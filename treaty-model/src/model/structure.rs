//! The text's structure: chapters, articles, paragraphs, points and subpoints.

use serde::{Deserialize, Serialize};

use super::{FileKind, Modality, Quote, SchemaVersion, Verification};
use crate::ids::{SourceId, TextVersionId};
use crate::provision::ProvisionRef;

/// File kind `chapter`: one chapter of one text version, with its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Chapter {
    /// Always `chapter`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The text version whose numbering this chapter uses.
    pub text_version: TextVersionId,
    /// The chapter number as the text writes it, in roman numerals (`IV`).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[IVX]{1,5}$")))]
    pub number: String,
    /// The chapter title.
    pub title: String,
    /// How far number and title were checked.
    pub verification: Verification,
    /// The chapter's articles, in order.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub articles: Vec<Article>,
    /// Sources for the chapter's structure.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// An article, with its paragraphs or, for articles lettered directly (Article 2), its points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Article {
    /// The article number.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 999)))]
    pub number: u16,
    /// The article title.
    pub title: String,
    /// How far the title was checked.
    pub verification: Verification,
    /// The article's modality, where it has one as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// What the article does, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Short verbatim quotations of key words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Provisions this article refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_references: Vec<ProvisionRef>,
    /// Numbered paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Paragraph>,
    /// Lettered points directly under the article (`27(a)`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// A numbered paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Paragraph {
    /// The paragraph number.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 999)))]
    pub number: u16,
    /// "shall", "may", "shall ... as appropriate"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// What the paragraph does, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Short verbatim quotations of key words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Provisions this paragraph refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_references: Vec<ProvisionRef>,
    /// Lettered points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// How far the entry's place and content were checked, when it differs from the
    /// article's (a paragraph known only from a draft's numbering, for example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Details in our words: numbering assumptions, differences between sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// A lettered point (subparagraph): the `(a)` of `28(4)(a)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Point {
    /// The letter, without brackets.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[a-z]{1,2}$")))]
    pub letter: String,
    /// "shall", "may", "shall ... as appropriate"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// What the point does, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Short verbatim quotations of key words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Provisions this point refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_references: Vec<ProvisionRef>,
    /// Roman-numbered subpoints: the `(i)` of `2(f)(i)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subpoints: Vec<Subpoint>,
    /// How far the entry's place and content were checked, when it differs from the
    /// article's (a paragraph known only from a draft's numbering, for example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Details in our words: numbering assumptions, differences between sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// A roman-numbered subpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Subpoint {
    /// The roman numeral in lowercase, without brackets (`ii`).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[ivxl]{1,7}$")))]
    pub numeral: String,
    /// What the subpoint says, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Short verbatim quotations of key words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}
