//! Defined terms (Article 2), data categories, and the sensitivity vocabulary the treaty lacks.

use serde::{Deserialize, Serialize};

use super::{FileKind, Quote, SchemaVersion, Verification};
use crate::ids::{DataCategoryId, DefinitionId, SensitivityId, SourceId, TextVersionId};
use crate::provision::ProvisionRef;

/// File kind `definitions`: the terms of Article 2 ("use of terms").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Definitions {
    /// Always `definitions`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The text version whose numbering the provisions use.
    pub text_version: TextVersionId,
    /// The defined terms, in the order of the article.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub terms: Vec<Definition>,
}

/// One defined term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Definition {
    /// Identifier of the term.
    pub id: DefinitionId,
    /// The term as the treaty writes it (`electronic data`).
    pub term: String,
    /// Where it is defined (`2(b)`).
    pub provision: ProvisionRef,
    /// What the definition covers, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Short verbatim quotations of key words of the definition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// The data category this term defines, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_category: Option<DataCategoryId>,
    /// How far the term and its place were checked.
    pub verification: Verification,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// File kind `data-categories`: the kinds of data the powers reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DataCategories {
    /// Always `data-categories`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The categories.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub categories: Vec<DataCategory>,
}

/// A category of data defined by the treaty (electronic, traffic, content, subscriber, personal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DataCategory {
    /// Identifier of the category.
    pub id: DataCategoryId,
    /// Its name.
    pub name: String,
    /// The provision that defines it, in the final text (`2(b)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defined_by: Option<ProvisionRef>,
    /// What it covers and why it matters, in our words.
    pub summary: String,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// File kind `sensitivity-categories`: kinds of sensitive data the treaty does not define.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SensitivityCategories {
    /// Always `sensitivity-categories`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The categories.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub categories: Vec<SensitivityCategory>,
}

/// A sensitivity notion (biometric, location, health, privileged, inferences).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SensitivityCategory {
    /// Identifier of the notion.
    pub id: SensitivityId,
    /// Its name.
    pub name: String,
    /// What it covers and why the analyses call it sensitive, in our words.
    pub summary: String,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}
